// 成文日期: typed the way a clerk writes it (2025年1月20日, 2025-1-20, 2025.1.20) or picked from a
// calendar. A native date input would show its placeholder in the browser's language and hide a
// date it cannot parse (an imported “2023年1月”); this field shows what is stored and says
// what is wrong with it.
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import SvgIcon from '@mui/material/SvgIcon';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { chineseDate, isValidIsoDate } from '../../../shared/rules';
import { parseDate } from '../../validate';

const BAD_DATE = '请写成“2025年1月20日”，或点日历选择';

const shown = (v: string) => (isValidIsoDate(v) ? chineseDate(v) : v);

interface Props {
  id: string;
  label: string;
  /** ISO (2025-01-20), '' or, from an imported file, text that is not a date. */
  value: string;
  onChange(value: string): void;
  helperText: string;
}

export function DateField({ id, label, value, onChange, helperText }: Props) {
  const [text, setText] = useState(() => shown(value));
  const [problem, setProblem] = useState(() => (value && !isValidIsoDate(value) ? BAD_DATE : ''));
  const editing = useRef(false);
  const picker = useRef<HTMLInputElement>(null);

  // Follow changes made elsewhere (the calendar, a reload) while the clerk is not typing here.
  useEffect(() => {
    if (!editing.current) setText(shown(value));
  }, [value]);

  const openPicker = () => {
    const el = picker.current;
    if (!el) return;
    try {
      el.showPicker();
    } catch {
      el.focus();
    }
  };

  return (
    <TextField
      id={id}
      label={label}
      value={text}
      placeholder="如 2025年1月20日"
      error={!!problem}
      helperText={problem || helperText}
      onFocus={() => {
        editing.current = true;
      }}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const iso = parseDate(t);
        if (iso) {
          setProblem('');
          if (iso !== value) onChange(iso);
        } else if (!t.trim()) {
          setProblem('');
          if (value) onChange('');
        }
      }}
      onBlur={() => {
        editing.current = false;
        const iso = parseDate(text);
        if (iso) setText(chineseDate(iso));
        else if (text.trim()) setProblem(BAD_DATE);
      }}
      slotProps={{
        inputLabel: { shrink: true },
        input: {
          endAdornment: (
            <InputAdornment position="end" sx={{ position: 'relative' }}>
              <IconButton edge="end" size="small" aria-label="打开日历" title="打开日历选择日期" onClick={openPicker}>
                <SvgIcon fontSize="small">
                  <path d="M20 3h-1V1h-2v2H7V1H5v2H4c-1.1 0-2 .9-2 2v16c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm0 18H4V8h16v13zM6 10h5v5H6z" />
                </SvgIcon>
              </IconButton>
              {/* The browser's own calendar, opened by the button above; never focused or seen. */}
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden="true"
                value={isValidIsoDate(value) ? value : ''}
                onChange={(e) => {
                  const iso = e.target.value;
                  if (!isValidIsoDate(iso)) return;
                  setProblem('');
                  setText(chineseDate(iso));
                  onChange(iso);
                }}
                style={{
                  position: 'absolute',
                  right: 0,
                  bottom: 0,
                  width: 1,
                  height: 1,
                  opacity: 0,
                  pointerEvents: 'none',
                  border: 0,
                  padding: 0,
                }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
