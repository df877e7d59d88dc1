// What was read, cell by cell: the three tables of the report as the format lays them out, each
// number as read and each blank shown as a blank (a blank is not a zero).
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { cellId, getFormat, ownLabel, type ColumnDef } from '../../shared/format';
import { getCell, type Report } from '../../shared/report';
import { fmt } from '../../shared/rules';

const cellSx = { px: 0.75, py: 0.25, fontSize: 12, whiteSpace: 'nowrap' } as const;

function Value({ report, id, filled }: { report: Report; id: string; filled?: Set<string> }) {
  const v = getCell(report, id);
  const mark = filled?.has(id);
  return (
    <TableCell
      align="right"
      sx={{
        ...cellSx,
        bgcolor: mark ? '#e3f2e6' : v === null ? 'grey.100' : undefined,
        color: v === null ? 'text.disabled' : undefined,
      }}
      title={id}
    >
      {v === null ? '空白' : fmt(v)}
    </TableCell>
  );
}

function Grid(props: {
  title: string;
  columns: ColumnDef[];
  rows: { label: string; ids: string[] }[];
  report: Report;
  filled?: Set<string>;
}) {
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
            {props.rows.map((r) => (
              <TableRow key={r.label}>
                <TableCell sx={{ ...cellSx, whiteSpace: 'normal', minWidth: 180 }}>{r.label}</TableCell>
                {r.ids.map((id) => (
                  <Value key={id} report={props.report} id={id} filled={props.filled} />
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}

/** The report's tables; `filled` marks cells (ids) to highlight, e.g. the ones carried forward. */
export default function ReadTables({
  report,
  filled,
  only,
}: {
  report: Report;
  filled?: Set<string>;
  only?: 'applications';
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
            report={report}
            filled={filled}
          />
        ))}
      <Grid title={section(3)} columns={m.columns} rows={matrixRows} report={report} filled={filled} />
      {!only && (
        <Grid
          title={section(4)}
          columns={format.review.columns}
          rows={format.review.groups.map((g) => ({
            label: g.path.join(' · '),
            ids: format.review.columns.map((c) => cellId('reviewLitigation', g.id, c.id)),
          }))}
          report={report}
          filled={filled}
        />
      )}
    </Box>
  );
}
