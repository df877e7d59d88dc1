// The review table: one row per file, sortable by any column; a click opens the report read-only.
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { getFormat } from '../../shared/format';
import { duplicateNote, FIGURE_LABELS, type ReviewEntry } from '../../shared/review';
import { sortEntries, type SortDir, type SortKey } from './sort';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'org', label: '机关' },
  { key: 'year', label: '年度', numeric: true },
  { key: 'file', label: '文件' },
  { key: 'errors', label: '错误', numeric: true },
  { key: 'warnings', label: '警告', numeric: true },
  { key: 'repeatPercent', label: '与上年重复', numeric: true },
  { key: 'received', label: FIGURE_LABELS.received, numeric: true },
  { key: 'substantiveRate', label: '实质公开率', numeric: true },
  { key: 'readProblems', label: '读取提示', numeric: true },
];

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

interface Props {
  entries: ReviewEntry[];
  onOpen(entry: ReviewEntry): void;
}

export function ReviewTable({ entries, onOpen }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'errors', dir: 'desc' });
  const rows = useMemo(() => sortEntries(entries, sort.key, sort.dir), [entries, sort]);
  const by = (key: SortKey) =>
    setSort((s) => ({
      key,
      dir: s.key === key && s.dir === 'desc' ? 'asc' : key === 'org' || key === 'file' ? 'asc' : 'desc',
    }));
  return (
    <TableContainer>
      <Table size="small" aria-label="各单位报告审核结果" data-testid="review-table">
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell
                key={c.key}
                align={c.numeric ? 'right' : 'left'}
                sortDirection={sort.key === c.key ? sort.dir : false}
              >
                <TableSortLabel
                  active={sort.key === c.key}
                  direction={sort.key === c.key ? sort.dir : 'asc'}
                  onClick={() => by(c.key)}
                >
                  {c.label}
                </TableSortLabel>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((e) => (
            <TableRow
              key={e.file}
              hover
              data-file={e.file}
              tabIndex={0}
              sx={{ cursor: 'pointer' }}
              onClick={() => onOpen(e)}
              onKeyDown={(k) => k.key === 'Enter' && onOpen(e)}
            >
              <TableCell>
                {e.isReport ? e.org || '（未写机关名称）' : <Typography color="error">不是报告或无法读取</Typography>}
                {e.duplicateOf && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {duplicateNote(e)}
                  </Typography>
                )}
                {e.otherYear && (
                  <Typography variant="caption" color="warning.main" component="div">
                    年度与其他报告不同，未计入全县数据
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right">{num(e.year)}</TableCell>
              <TableCell>
                {e.file}
                {e.format && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {getFormat(e.format).name}
                  </Typography>
                )}
                {e.readWithLast && (
                  <Typography variant="caption" color="text.secondary" component="div" data-read-with-last>
                    连在一起的数字已参考上年报告拆分
                  </Typography>
                )}
              </TableCell>
              <TableCell
                align="right"
                sx={{ color: e.errors ? 'error.main' : undefined, fontWeight: e.errors ? 600 : 400 }}
              >
                {e.isReport ? e.errors : '—'}
              </TableCell>
              <TableCell align="right">{e.isReport ? e.warnings : '—'}</TableCell>
              <TableCell align="right">{pct(e.repeatPercent)}</TableCell>
              <TableCell align="right">{num(e.figures?.received)}</TableCell>
              <TableCell align="right">{pct(e.figures?.substantiveRate)}</TableCell>
              <TableCell align="right">{e.readProblems.length || ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
