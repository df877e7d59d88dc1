// The counted matrix beside the report's: each cell shows the count, and what the report holds
// where it differs (marked); a click (or the arrow keys: one tab stop for the whole table) names
// the ledger rows the cell counts.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRef, useState, type KeyboardEvent } from 'react';
import { cellId, rowScopeLabel, type FormatDef } from '../../shared/format';
import { rowList, type LedgerTally } from '../../shared/ledger';
import type { Report } from '../../shared/report';
import { entryWording } from './LedgerPage';

interface Props {
  format: FormatDef;
  report: Report;
  tally: LedgerTally;
  differences: ReadonlySet<string>;
  /** 台账 (file rows) or 登记 (entries on the 登记 page), for naming the rows. */
  source: 'file' | 'entries';
}

export function LedgerMatrix({ format, report, tally, differences, source }: Props) {
  const m = format.applications;
  const [selected, setSelected] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const ids = m.rows.map((r) => m.columns.map((c) => cellId('applications', r.id, c.id)));
  const stop = selected ?? ids[0][0];
  const move = (e: KeyboardEvent, ri: number, ci: number) => {
    const to: Record<string, [number, number]> = {
      ArrowUp: [ri - 1, ci],
      ArrowDown: [ri + 1, ci],
      ArrowLeft: [ri, ci - 1],
      ArrowRight: [ri, ci + 1],
      Home: [ri, 0],
      End: [ri, ids[0].length - 1],
    };
    const [r, c] = to[e.key] ?? [-1, -1];
    if (e.key === 'Enter' || e.key === ' ') setSelected(ids[ri][ci]);
    if (r < 0 || c < 0 || r >= ids.length || c >= ids[0].length) return;
    e.preventDefault();
    setSelected(ids[r][c]);
    table.current?.querySelector<HTMLElement>(`[data-ledger-cell="${ids[r][c]}"]`)?.focus();
  };
  const sel = selected
    ? m.rows
        .flatMap((r) => m.columns.map((c) => ({ r, c })))
        .find((x) => cellId('applications', x.r.id, x.c.id) === selected)
    : null;
  const rows = selected ? (tally.sources[selected] ?? []) : [];
  const where = source === 'file' ? `台账${rowList(rows)}` : `“登记台账”页${entryWording(rowList(rows))}`;
  return (
    <Box>
      <Box sx={{ overflow: 'auto', maxHeight: 420, border: 1, borderColor: 'divider' }}>
        <table ref={table} className="ledger-matrix" aria-label="按台账计算的表三（方向键选择单元格）">
          <thead>
            <tr>
              <th>{m.header}</th>
              {m.columns.map((c) => (
                <th key={c.id}>{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r, ri) => (
              <tr key={r.id}>
                <th scope="row">{rowScopeLabel(r.path)}</th>
                {m.columns.map((c, ci) => {
                  const id = ids[ri][ci];
                  const now = report.applications[r.id]?.[c.id] ?? null;
                  const diff = differences.has(id);
                  return (
                    <td
                      key={c.id}
                      data-ledger-cell={id}
                      data-diff={diff ? 'true' : undefined}
                      aria-selected={selected === id}
                      className={diff ? 'diff' : undefined}
                      title={diff ? `按台账为${tally.applications[r.id][c.id]}，本报告现为${now ?? '空白'}` : undefined}
                      tabIndex={id === stop ? 0 : -1}
                      onClick={() => setSelected(id)}
                      onKeyDown={(e) => move(e, ri, ci)}
                    >
                      {tally.applications[r.id][c.id]}
                      {diff && <span className="was">（现为{now ?? '空白'}）</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
      <Typography variant="body2" sx={{ mt: 1, minHeight: '1.5em' }} data-testid="ledger-sources" aria-live="polite">
        {sel
          ? `“${rowScopeLabel(sel.r.path)}·${sel.c.label}”${rows.length ? `计入${rows.length}件：${where}` : '没有计入任何申请'}`
          : '点击表中任一格，可查看它计入了台账的哪些行。标黄的格与本报告现有数字不同。'}
      </Typography>
    </Box>
  );
}
