// What was read, cell by cell: the three tables of the report as the format lays them out, each
// number as read and each blank shown as a blank (a blank is not a zero). With `onEdit`, every
// cell is a field the clerk can correct before the report is carried; cells with a reading
// problem are marked, and each row says what could not be read and which 勾稽 checks wait on it.
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { cellId, getFormat, ownLabel, type ColumnDef } from '../../shared/format';
import { readCell } from '../../shared/parse/values';
import { getCell, type Cell, type Report } from '../../shared/report';
import { fmt, type Finding } from '../../shared/rules';

const cellSx = { px: 0.75, py: 0.25, fontSize: 12, whiteSpace: 'nowrap' } as const;
const MARKED = '#fff3e0';
const CORRECTED = '#e3f2fd';

export interface TableMarks {
  /** Cell id → why it is marked (not read, doubtful). */
  problems: ReadonlyMap<string, string>;
  /** Cells the clerk has typed in. */
  corrected: ReadonlySet<string>;
  /** 勾稽 findings that wait on cells not read, shown by their rows. */
  reading: Finding[];
}

function ValueInput({ id, value, onEdit }: { id: string; value: Cell; onEdit(id: string, value: Cell): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value === null ? '' : String(value));
  const parsed = readCell(shown.trim());
  const bad = parsed.kind === 'text' || parsed.kind === 'huge';
  const commit = () => {
    if (draft === null || bad) return;
    onEdit(id, parsed.kind === 'number' ? parsed.value : null);
    setDraft(null);
  };
  return (
    <input
      data-cell={id}
      value={shown}
      placeholder="空白"
      inputMode="decimal"
      aria-invalid={bad}
      title={bad ? '请填写数字；没有的填0，不知道的留空' : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        // Escape takes back what was typed in the cell (and only then leaves the dialog open).
        if (e.key === 'Escape' && draft !== null) {
          e.stopPropagation();
          setDraft(null);
        }
      }}
      style={{
        width: '4.5em',
        font: 'inherit',
        textAlign: 'right',
        border: 'none',
        background: 'transparent',
        outline: bad ? '2px solid #d32f2f' : undefined,
      }}
    />
  );
}

function Value({
  report,
  id,
  filled,
  marks,
  onEdit,
}: {
  report: Report;
  id: string;
  filled?: ReadonlySet<string>;
  marks?: TableMarks;
  onEdit?(id: string, value: Cell): void;
}) {
  const v = getCell(report, id);
  const problem = marks?.problems.get(id);
  const corrected = marks?.corrected.has(id);
  const bgcolor = filled?.has(id)
    ? '#e3f2e6'
    : corrected
      ? CORRECTED
      : problem
        ? MARKED
        : v === null
          ? 'grey.100'
          : undefined;
  return (
    <TableCell
      align="right"
      sx={{ ...cellSx, bgcolor, color: v === null && !onEdit ? 'text.disabled' : undefined }}
      title={corrected ? '已按您填写的数字更正' : (problem ?? id)}
      data-problem={problem && !corrected ? problem : undefined}
      data-corrected={corrected ? 'true' : undefined}
    >
      {onEdit ? <ValueInput id={id} value={v} onEdit={onEdit} /> : v === null ? '空白' : fmt(v)}
    </TableCell>
  );
}

/** What a row's marks say: its cells not read, and the checks that wait on them. */
function rowNotes(ids: string[], marks?: TableMarks): string[] {
  if (!marks) return [];
  const open = ids.filter((id) => marks.problems.has(id) && !marks.corrected.has(id));
  if (!open.length) return [];
  const reasons = [...new Set(open.map((id) => marks.problems.get(id)!))];
  // (A blank cell's own finding says what the reason above says already.)
  const checks = marks.reading
    .filter((f) => f.rule !== 'value.blank' && f.cells.some((c) => open.includes(c)))
    .map((f) => f.message);
  return [...reasons, ...[...new Set(checks)].map((m) => `因此无法核对：${m}`)];
}

interface GridProps {
  title: string;
  columns: ColumnDef[];
  rows: { label: string; ids: string[] }[];
  report: Report;
  filled?: ReadonlySet<string>;
  marks?: TableMarks;
  onEdit?(id: string, value: Cell): void;
}

function Grid(props: GridProps) {
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {props.title}
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" sx={{ '& td, & th': { border: 1, borderColor: 'divider' } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={cellSx} />
              {props.columns.map((c) => (
                <TableCell key={c.id} align="right" sx={cellSx}>
                  {c.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {props.rows.map((r) => {
              const notes = rowNotes(r.ids, props.marks);
              return (
                <TableRow key={r.label}>
                  <TableCell sx={{ ...cellSx, whiteSpace: 'normal', minWidth: 180 }}>
                    {r.label}
                    {notes.map((n, i) => (
                      <Typography key={i} variant="caption" component="div" color="warning.dark" data-reading-note>
                        {n}
                      </Typography>
                    ))}
                  </TableCell>
                  {r.ids.map((id) => (
                    <Value
                      key={id}
                      report={props.report}
                      id={id}
                      filled={props.filled}
                      marks={props.marks}
                      onEdit={props.onEdit}
                    />
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}

/**
 * The report's tables; `filled` marks cells (ids) to highlight, e.g. the ones carried forward;
 * `marks` and `onEdit` make it the correctable preview of an import.
 */
export default function ReadTables({
  report,
  filled,
  only,
  marks,
  onEdit,
}: {
  report: Report;
  filled?: ReadonlySet<string>;
  only?: 'applications';
  marks?: TableMarks;
  onEdit?(id: string, value: Cell): void;
}) {
  const format = getFormat(report.format);
  const m = format.applications;
  const matrixRows = m.rows.map((r) => ({
    label: r.path.length >= 3 ? `${r.path[r.path.length - 2]} ${ownLabel(r.path)}` : ownLabel(r.path),
    ids: m.columns.map((c) => cellId('applications', r.id, c.id)),
  }));
  const section = (no: number) => {
    const s = format.sections.find((x) => x.no === no)!;
    return `${s.numeral}、${s.heading}`;
  };
  const common = { report, filled, marks, onEdit };
  return (
    <Box>
      {!only &&
        format.disclosure.map((b) => (
          <Grid
            key={b.id}
            title={`${section(2)} · ${b.label}`}
            columns={b.columns}
            rows={b.rows.map((r) => ({
              label: ownLabel(r.path),
              ids: b.columns.map((c) => cellId(format.disclosureKey, r.id, c.id)),
            }))}
            {...common}
          />
        ))}
      <Grid title={section(3)} columns={m.columns} rows={matrixRows} {...common} />
      {!only && (
        <Grid
          title={section(4)}
          columns={format.review.columns}
          rows={format.review.groups.map((g) => ({
            label: g.path.join(' · '),
            ids: format.review.columns.map((c) => cellId('reviewLitigation', g.id, c.id)),
          }))}
          {...common}
        />
      )}
    </Box>
  );
}
