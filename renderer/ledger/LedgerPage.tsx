// The 登记台账 page: a ledger kept in the app, one application a row with the same columns as a
// ledger sheet. It is stored with the report; 从登记台账计算 on table 三 counts it.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useMemo, useRef } from 'react';
import { getFormat, rowScopeLabel, shortRowLabel, type FormatDef } from '../../shared/format';
import {
  countReportLedger,
  emptyEntry,
  emptyLedger,
  FIELD_LABELS,
  placementsOf,
  type LedgerEntry,
  type LedgerTally,
} from '../../shared/ledger';
import type { ReportDoc } from '../editor/useReportDoc';
import { useNotify } from '../notify';
import { CarryOpenEntries } from './CarryOpenEntries';
import { sectionTitle } from '../editor/sections';
import { LEDGER_TITLE } from './title';
import './ledger.css';

const SUBJECT = '申请内容';

/** Messages name sheet rows (第3、5行); on the 登记 page they are entries (第3、5条). */
export function entryWording(message: string): string {
  return message.replace(/第([\d、]+(?:等\d+)?)行/g, '第$1条');
}

function options(format: FormatDef) {
  const m = format.applications;
  return {
    applicant: m.columns.filter((c) => !c.isTotal).map((c) => c.label),
    outcome: m.rows.filter((r) => m.resultRows.includes(r.id)).map((r) => rowScopeLabel(r.path)),
  };
}

/** A select over the format's labels that still shows a value typed elsewhere (a ledger's word). */
function LabelSelect(props: {
  value: string;
  choices: string[];
  empty: string;
  label: string;
  onChange(v: string): void;
}) {
  const { value, choices, empty, label, onChange } = props;
  const all = value && !choices.includes(value) ? [value, ...choices] : choices;
  return (
    <Select
      size="small"
      value={value}
      displayEmpty
      onChange={(e) => onChange(String(e.target.value))}
      inputProps={{ 'aria-label': label }}
      sx={{ minWidth: 120, maxWidth: 260, fontSize: 13 }}
    >
      <MenuItem value="">{empty}</MenuItem>
      {all.map((c) => (
        <MenuItem key={c} value={c}>
          {c}
        </MenuItem>
      ))}
    </Select>
  );
}

/** What each entry counts as: 一 → （一）予以公开, 二 → 四, or why it is not counted. */
function placementTexts(format: FormatDef, year: number, tally: LedgerTally): Map<number, string> {
  // Short: 一, 四, （二）部分公开, （三）1.属于国家秘密 (the format's labels without their notes).
  const name = (id: string) => {
    const row = format.applications.rows.find((r) => r.id === id)!;
    if (row.path.length === 1) return shortRowLabel(format, id);
    const own = row.path[row.path.length - 1].replace(/（[^）]*）$/, '');
    return row.path.length === 2 ? own : `${row.path[1].match(/^（[一二三四五六七八九十]+）/)?.[0] ?? ''}${own}`;
  };
  const out = new Map<number, string>();
  for (const [no, ids] of placementsOf(format, tally)) out.set(no, ids.map(name).join(' → '));
  for (const no of tally.earlier) out.set(no, `${year - 1}年已办结，属上年报告`);
  for (const p of tally.problems)
    for (const no of p.rows) out.set(no, p.kind === 'unmapped' ? '待对应，未计入' : `未计入：${p.detail}`);
  return out;
}

const EntryRow = memo(function EntryRow(props: {
  no: number;
  entry: LedgerEntry;
  placed: string;
  format: FormatDef;
  onChange(no: number, patch: Partial<LedgerEntry>): void;
  onRemove(no: number): void;
}) {
  const { no, entry, placed, format, onChange, onRemove } = props;
  const opts = options(format);
  const text = (key: keyof LedgerEntry, type = 'text') => (
    <TextField
      size="small"
      type={type}
      value={entry[key]}
      onChange={(e) => onChange(no, { [key]: e.target.value })}
      slotProps={{
        htmlInput: { 'aria-label': `第${no}条${key === 'subject' ? SUBJECT : FIELD_LABELS[key as 'received']}` },
      }}
      sx={{ minWidth: type === 'date' ? 150 : 110 }}
    />
  );
  return (
    <tr data-entry={no}>
      <td>{no}</td>
      <td>{text('received', 'date')}</td>
      <td>
        <LabelSelect
          value={entry.applicant}
          choices={opts.applicant}
          empty="请选择"
          label={`第${no}条${FIELD_LABELS.applicant}`}
          onChange={(v) => onChange(no, { applicant: v })}
        />
      </td>
      <td>{text('subject')}</td>
      <td>{text('answered', 'date')}</td>
      <td>
        <LabelSelect
          value={entry.outcome}
          choices={opts.outcome}
          empty="尚未办结"
          label={`第${no}条${FIELD_LABELS.outcome}`}
          onChange={(v) => onChange(no, { outcome: v })}
        />
      </td>
      <td>{text('reason')}</td>
      <td className="ledger-placed" data-placed={no}>
        {placed}
      </td>
      <td>
        <Button size="small" color="error" onClick={() => onRemove(no)} aria-label={`删除第${no}条`}>
          删除
        </Button>
      </td>
    </tr>
  );
});

export function LedgerPage({ doc }: { doc: ReportDoc }) {
  const { report, update } = doc;
  const format = getFormat(report.format);
  const entries = report.ledger?.entries ?? [];
  const setEntries = useCallback(
    (change: (e: LedgerEntry[]) => LedgerEntry[]) =>
      update((r) => {
        const ledger = r.ledger ?? emptyLedger();
        return { ...r, ledger: { ...ledger, entries: change(ledger.entries) } };
      }),
    [update],
  );
  const onChange = useCallback(
    (no: number, patch: Partial<LedgerEntry>) =>
      setEntries((list) => list.map((e, i) => (i === no - 1 ? { ...e, ...patch } : e))),
    [setEntries],
  );
  const notify = useNotify();
  const latest = useRef(entries);
  latest.current = entries;
  // A deleted entry can be put back from the notice (the page autosaves at once).
  const onRemove = useCallback(
    (no: number) => {
      const gone = latest.current[no - 1];
      if (!gone) return;
      setEntries((list) => list.filter((_, i) => i !== no - 1));
      notify(`已删除第${no}条申请。`, 'info', {
        action: {
          label: '撤销',
          onClick: () => setEntries((list) => [...list.slice(0, no - 1), gone, ...list.slice(no - 1)]),
        },
      });
    },
    [setEntries, notify],
  );
  const add = () => setEntries((list) => [...list, emptyEntry()]);
  const tally = useMemo(() => countReportLedger(report), [report]);
  const placed = useMemo(() => placementTexts(format, report.year, tally), [format, report.year, tally]);

  return (
    <div>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {LEDGER_TITLE}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        收到一件政府信息公开申请就登记一行，答复后补上答复日期和办理结果。年底在“{sectionTitle(format, '3')}
        ”点“从登记台账计算”，按本页逐件计数填表。上年收到、本年仍在办理的申请也请登记（收到日期写上年的日期）。
      </Typography>
      {entries.length === 0 && (
        <CarryOpenEntries
          format={format}
          org={report.org}
          year={report.year}
          onCarry={(open) => setEntries(() => open)}
        />
      )}
      <div className="grid-wrap">
        <table className="ledger-entries" aria-label={LEDGER_TITLE}>
          <thead>
            <tr>
              <th>序号</th>
              <th>{FIELD_LABELS.received}</th>
              <th>{FIELD_LABELS.applicant}</th>
              <th>{SUBJECT}</th>
              <th>{FIELD_LABELS.answered}</th>
              <th>{FIELD_LABELS.outcome}</th>
              <th>{FIELD_LABELS.reason}</th>
              <th>计入{report.year}年度</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <EntryRow
                key={i}
                no={i + 1}
                entry={e}
                placed={placed.get(i + 1) ?? ''}
                format={format}
                onChange={onChange}
                onRemove={onRemove}
              />
            ))}
          </tbody>
        </table>
      </div>
      <Button variant="outlined" size="small" onClick={add} sx={{ mt: 1 }}>
        登记一件申请
      </Button>
      <Typography variant="body2" sx={{ mt: 2 }} data-testid="ledger-page-summary">
        共登记{tally.rows}件，按{report.year}年度计入{tally.counted}件
        {tally.earlier.length ? `，${tally.earlier.length}件在${report.year - 1}年已办结` : ''}。
      </Typography>
      {tally.problems.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {tally.problems.map((p, i) => (
              <li key={i}>{entryWording(p.message)}</li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
