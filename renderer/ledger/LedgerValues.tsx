// The mapping of a ledger: which column each header was found in, and what each distinct value
// maps to. A value that maps to nothing is listed first; the clerk picks its target once and the
// choice is remembered in the report.
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Typography from '@mui/material/Typography';
import { rowScopeLabel, type FormatDef } from '../../shared/format';
import { FIELD_LABELS, OPEN, otherSheetsNote, type LedgerLayout, type SeenValue } from '../../shared/ledger';

const BY: Record<string, string> = { label: '名称相同', synonym: '同义词', remembered: '您的选择' };

/** What a value may be mapped to: the matrix's columns, or its result rows and 未办结. */
export function targetOptions(format: FormatDef, field: SeenValue['field']): { id: string; label: string }[] {
  const m = format.applications;
  if (field === 'applicant') return m.columns.filter((c) => !c.isTotal).map((c) => ({ id: c.id, label: c.label }));
  return [
    ...m.rows.filter((r) => m.resultRows.includes(r.id)).map((r) => ({ id: r.id, label: rowScopeLabel(r.path) })),
    { id: OPEN, label: `尚未办结（计入${rowScopeLabel(m.rows.find((r) => r.id === m.carryForwardRow)!.path)}）` },
  ];
}

export function LayoutLine({ layout }: { layout: LedgerLayout }) {
  const found = (Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[])
    .map((f) =>
      layout.columns[f] ? `${FIELD_LABELS[f]}＝“${layout.columns[f]!.header}”` : `${FIELD_LABELS[f]}：未找到`,
    )
    .join('；');
  return (
    <Typography variant="body2" data-testid="ledger-layout">
      工作表“{layout.sheet}”，表头在第{layout.headerRow}行。{found}。{otherSheetsNote(layout)}
    </Typography>
  );
}

export function LedgerValues(props: {
  format: FormatDef;
  seen: SeenValue[];
  onChoose(v: SeenValue, target: string): void;
}) {
  const { format, seen, onChoose } = props;
  const sorted = [...seen].sort(
    (a, b) => Number(a.target !== null) - Number(b.target !== null) || a.field.localeCompare(b.field),
  );
  return (
    <Box sx={{ overflow: 'auto', maxHeight: 260, border: 1, borderColor: 'divider' }}>
      <table className="ledger-values" aria-label="台账中的值及其对应">
        <thead>
          <tr>
            <th>列</th>
            <th>台账中的值</th>
            <th>件数</th>
            <th>对应到表三</th>
            <th>依据</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((v) => (
            <tr key={`${v.field}:${v.key}`} data-unmapped={v.target === null ? 'true' : undefined} data-value={v.value}>
              <td>{FIELD_LABELS[v.field]}</td>
              <td>{v.value}</td>
              <td>{v.rows.length}</td>
              <td>
                <Select
                  size="small"
                  value={v.target ?? ''}
                  displayEmpty
                  onChange={(e) => onChoose(v, String(e.target.value))}
                  inputProps={{ 'aria-label': `“${v.value}”对应到` }}
                  sx={{ minWidth: 220, fontSize: 13 }}
                >
                  <MenuItem value="" disabled>
                    请选择（暂未计入）
                  </MenuItem>
                  {targetOptions(format, v.field).map((o) => (
                    <MenuItem key={o.id} value={o.id}>
                      {o.label}
                    </MenuItem>
                  ))}
                </Select>
              </td>
              <td>{v.by ? BY[v.by] : '未能对应'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
