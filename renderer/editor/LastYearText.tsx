// Last year's text of one narrative section (一、五 or 六), shown beside this year's as reference:
// every part of it under the heading it had last year — the format's or the author's own, or
// none — paragraph by paragraph. 复制 puts a paragraph on the clipboard; 插入到本年 is the separate
// action that adds it to this year's text, to the part chosen (by default the one of the same
// name, else the first).
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { getFormat, labelMatches } from '../../shared/format';
import { narrativeKeyOf, type NarrativePart, type PreviousYear } from '../../shared/report';
import { useNotify } from '../notify';

/** The paragraphs of a text: its non-empty lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** `text` with `added` appended as paragraphs of their own. */
export function withParagraphs(text: string, added: string[]): string {
  const body = added.join('\n');
  return text.trim() ? `${text.replace(/\s+$/, '')}\n${body}` : body;
}

/** Puts text on the clipboard; the textarea way where the Clipboard API is not available. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** This year's part that takes last year's `part` by default: the same id or heading, else the first. */
function defaultTarget(part: NarrativePart, parts: NarrativePart[]): number {
  const byId = parts.findIndex((p) => p.id === part.id && !p.id.startsWith('extra-'));
  if (byId >= 0) return byId;
  const byHeading = part.heading ? parts.findIndex((p) => p.heading && labelMatches(p.heading, part.heading)) : -1;
  return byHeading >= 0 ? byHeading : 0;
}

const partName = (p: NarrativePart) => p.heading || '开篇段落（不加小标题）';
const snippet = (p: string) => (p.length > 20 ? `${p.slice(0, 20)}…` : p);

function PreviousPart({
  part,
  parts,
  used,
  onInsert,
}: {
  part: NarrativePart;
  parts: NarrativePart[];
  used: (paragraph: string) => boolean;
  onInsert(index: number, paragraphs: string[]): void;
}) {
  const notify = useNotify();
  const [target, setTarget] = useState(() => defaultTarget(part, parts));
  const paragraphs = paragraphsOf(part.text);
  const missing = paragraphs.filter((p) => !used(p));
  const into = parts[target] ? partName(parts[target]) : '';
  const copy = async (text: string) => {
    if (await copyText(text)) notify('已复制到剪贴板，可粘贴到本年文字中', 'success');
    else notify('未能复制到剪贴板：请选中文字后按 Ctrl+C 复制', 'warning');
  };
  return (
    <Box sx={{ mb: 2 }} data-previous-part={part.id}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {part.heading || '（无小标题）'}
      </Typography>
      {paragraphs.map((p, i) => {
        const isUsed = used(p);
        return (
          <Box key={i} sx={{ mb: 1 }}>
            <Typography
              variant="body2"
              sx={{ whiteSpace: 'pre-wrap', color: isUsed ? 'text.secondary' : undefined }}
              data-previous-paragraph
            >
              {p}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 0.25 }}>
              <Button size="small" variant="outlined" onClick={() => void copy(p)} aria-label={`复制：${snippet(p)}`}>
                复制
              </Button>
              <Button
                size="small"
                // Stays focusable once used (aria-disabled, not disabled): a keyboard user keeps their place.
                aria-disabled={isUsed}
                color={isUsed ? 'inherit' : 'primary'}
                sx={isUsed ? { color: 'text.disabled', cursor: 'default' } : undefined}
                onClick={isUsed ? undefined : () => onInsert(target, [p])}
                title={`接在本年“${into}”的文字之后，再按本年情况修改`}
                aria-label={isUsed ? `已在本年文字中：${snippet(p)}` : `插入到本年“${into}”：${snippet(p)}`}
              >
                {isUsed ? '已在本年文字中' : '插入到本年'}
              </Button>
            </Stack>
          </Box>
        );
      })}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label="插入到本年的"
          value={target}
          onChange={(e) => setTarget(Number(e.target.value))}
          sx={{ minWidth: 200 }}
        >
          {parts.map((p, i) => (
            <MenuItem key={p.id} value={i}>
              {partName(p)}
            </MenuItem>
          ))}
        </TextField>
        {paragraphs.length > 1 && (
          <Button size="small" disabled={!missing.length} onClick={() => onInsert(target, missing)}>
            全部插入到本年
          </Button>
        )}
      </Stack>
    </Box>
  );
}

export interface LastYearTextProps {
  previous: PreviousYear;
  no: 1 | 5 | 6;
  /** This year's parts of the section. */
  parts: NarrativePart[];
  /** Adds paragraphs to this year's part at `index`. */
  onInsert(index: number, paragraphs: string[]): void;
}

export default function LastYearText({ previous, no, parts, onInsert }: LastYearTextProps) {
  const key = narrativeKeyOf(no)!;
  const prevParts = (previous.narrative?.[key] ?? []).filter((p) => p.text.trim());
  const section = getFormat(previous.format).sections.find((s) => s.no === no);
  const thisYear = new Set(parts.flatMap((p) => paragraphsOf(p.text)));
  const used = (p: string) => thisYear.has(p);
  return (
    <Paper
      variant="outlined"
      component="aside"
      aria-label={`${previous.year}年报告的这一部分（参考）`}
      data-testid="last-year-text"
      sx={{
        p: 1.5,
        bgcolor: 'grey.50',
        position: 'sticky',
        top: 8,
        alignSelf: 'start',
        maxHeight: '80vh',
        overflow: 'auto',
      }}
    >
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {previous.year}年报告 {section ? `${section.numeral}、${section.heading}` : ''}（参考）
      </Typography>
      {prevParts.length ? (
        prevParts.map((p) => <PreviousPart key={p.id} part={p} parts={parts} used={used} onInsert={onInsert} />)
      ) : (
        <Typography variant="body2" color="text.secondary">
          {previous.year}年报告此处没有内容。
        </Typography>
      )}
    </Paper>
  );
}
