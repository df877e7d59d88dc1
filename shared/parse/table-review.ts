// 四 review and litigation: one row of 15 numbers (or one small table per group), by the header
// cells above them when they line up, else by position; a digit run split by each group's 总计.
import { cellId, type ColumnDef, type FormatDef, type TableKey } from '../format';
import { type BlankGroup } from './digit-runs';
import { Ledger } from './ledger';
import { lexiconFor } from './lexicon';
import { emptyTable } from '../report/defaults';
import type { Line } from './lines';
import { readByColumns, resolveByPosition, sliceTokens, tokensOf, type Tok } from './tokens';
import type { CellValue } from './values';
import {
  sectionMark,
  describeFailure,
  store,
  storeReadings,
  linesAbove,
  withLedger,
  type Range,
  type TableRead,
} from './table-rows';
import { splitRow, assumedColumns, assumedProblem, type BlankPolicy, type RowOutcome } from './table-runs';

export function readReview(
  lines: Line[],
  range: Range,
  format: FormatDef,
  problems: string[] | Ledger,
  all?: Tok[],
  blanks?: BlankPolicy,
): TableRead {
  return withLedger(problems, (ledger) => readReviewInto(lines, range, format, ledger, all, blanks));
}

function readReviewInto(
  lines: Line[],
  range: Range,
  format: FormatDef,
  ledger: Ledger,
  all?: Tok[],
  blanks?: BlankPolicy,
): TableRead {
  const table: TableKey = 'reviewLitigation';
  const lex = lexiconFor(format).review;
  const r = format.review;
  const data = emptyTable(r.groups, r.columns);
  const allIds = r.groups.flatMap((g) => r.columns.map((c) => cellId(table, g.id, c.id)));
  const allRows = r.groups.map((g) => `${table}.${g.id}`);
  const toks = all ? sliceTokens(all, range.from, range.to) : tokensOf(lines, range.from, range.to, { format });
  const heading = `${sectionMark(format, 4)}${format.sections.find((s) => s.no === 4)!.heading}`;
  let sawHeader = false;
  let vals: Tok[] = [];
  let result: Tok[] | null = null;
  const width = r.columns.length;
  const total = r.groups.length * width;
  // One small table per group (行政复议, then 行政诉讼 …): a group's numbers, then the next group's header.
  const groupsDone: Tok[] = [];
  let paused = false;
  const hasNumbers = (xs: Tok[]) => xs.some((v) => v.value.kind !== 'blank');
  /** Ends a run of values: the whole row, or one group of a table per group. True when reading stops. */
  const endRun = (): boolean => {
    if (!hasNumbers(vals)) return false;
    const n = groupsDone.length + vals.length;
    if (vals.length % width === 0 && n < total) {
      groupsDone.push(...vals);
      vals = [];
      paused = true;
      return false;
    }
    result = [...groupsDone, ...vals];
    return true;
  };
  for (const t of toks) {
    if (t.value.kind !== 'text') {
      if (sawHeader && !paused && !(t.merged && t.strong)) vals.push(t);
      continue;
    }
    const m = lex.match(t.text);
    // 总计 alone is every table's; the table begins with a label of its own (行政复议, 结果维持 …).
    if (m && !sawHeader && m.target.kind === 'reviewColumn' && m.target.colId === r.totalColumn) continue;
    if (m) {
      if (endRun()) break;
      sawHeader = true;
      paused = false;
      vals = [];
      continue;
    }
    if (endRun()) break;
  }
  if (!result && hasNumbers(vals)) result = [...groupsDone, ...vals];
  if (!result && groupsDone.length) result = groupsDone;
  if (!sawHeader) {
    ledger.add({ kind: 'tableMissing', message: `未找到“${heading}”的表格`, rows: [], cells: [] });
    return { data, cells: 0, rows: 0, found: [] };
  }
  if (!result) {
    ledger.add({ kind: 'rowUnread', message: `${heading}：表格中没有找到数字`, rows: allRows, cells: allIds });
    return { data, cells: 0, rows: 0, found: [] };
  }
  const columns: { group: string; col: ColumnDef }[] = r.groups.flatMap((g) =>
    r.columns.map((col) => ({ group: g.id, col })),
  );
  let cellsOut: CellValue[] | null = null;
  let readings: (number | null)[][] | null = null;
  let digits = '';
  let loose: RowOutcome['loose'];
  // A real row: map every column by the header cells above it (group from the nearest group label to its left).
  const first = result[0];
  if (first.strong && result.every((v) => v.line === first.line)) {
    const above = linesAbove(lines, first.line, 6, range.from);
    const idx = new Map<string, number>();
    const width = lines[first.line].cells.length;
    for (let j = 0; j < width; j++) {
      let group: string | null = null;
      let col: string | null = null;
      for (let h = above.length - 1; h >= 0 && (!group || !col); h--) {
        const cellsH = lines[above[h]].cells;
        if (!col) {
          const mm = cellsH[j] ? lex.match(cellsH[j]) : null;
          if (mm?.target.kind === 'reviewColumn') col = mm.target.colId;
        }
        if (!group) {
          for (let x = Math.min(j, cellsH.length - 1); x >= 0; x--) {
            const mm = cellsH[x]?.trim() ? lex.match(cellsH[x]) : null;
            if (mm?.target.kind === 'reviewGroup') {
              if (mm.target.groupId) group = mm.target.groupId;
              break;
            }
          }
        }
      }
      const key = `${group}.${col}`;
      if (group && col && !idx.has(key)) idx.set(key, j);
    }
    const indices = columns.map((c) => idx.get(`${c.group}.${c.col.id}`));
    if (indices.every((i): i is number => i !== undefined) && new Set(indices).size === indices.length) {
      cellsOut = readByColumns(lines[first.line], Math.min(...indices) - 1, indices);
    }
  }
  if (!cellsOut) {
    const res = resolveByPosition(result, columns.length, first.strong);
    const groups: BlankGroup[] = r.groups.map(() => ({
      size: r.columns.length,
      sum: r.columns[r.columns.length - 1].id === r.totalColumn,
    }));
    const split =
      res.ok || res.count >= columns.length
        ? null
        : splitRow(result, columns.length, { groups, blanks, assume: 'oneDigitEach' }, heading, 0);
    loose = split?.loose;
    if (res.ok) cellsOut = res.cells;
    else if (split?.cells) cellsOut = split.cells as CellValue[];
    else if (split?.readings) [readings, digits] = [split.readings, split.digits ?? ''];
    else {
      const message = split?.problem ?? describeFailure(`${heading}：`, res.count, res.numbers, columns.length);
      ledger.add({ kind: 'rowUnread', message, rows: allRows, cells: allIds });
      return { data, cells: 0, rows: 0, found: [] };
    }
  }
  if (loose) {
    const taken = readings ?? [cellsOut!.map((c) => (c.kind === 'number' ? c.value : null))];
    const w = r.columns.length;
    const cols = assumedColumns(taken, loose, columns.length);
    const entries = r.groups
      .map((g, gi) => ({
        row: `${table}.${g.id}`,
        where: `${sectionMark(format, 4)}“${g.path.join('')}”`,
        cells: cols.filter((i) => Math.floor(i / w) === gi).map((i) => cellId(table, g.id, columns[i].col.id)),
      }))
      .filter((e) => e.cells.length);
    const note = assumedProblem(entries);
    if (note) ledger.add(note);
  }
  let cells = 0;
  if (readings) {
    const w = r.columns.length;
    r.groups.forEach((g, gi) => {
      const part = readings!.map((x) => x.slice(gi * w, gi * w + w));
      const where = `${sectionMark(format, 4)}“${g.path.join('')}”`;
      cells += storeReadings(data, table, g.id, r.columns, part, digits, where, ledger);
      ledger.rowRead(table, g.id);
    });
    return { data, cells, rows: r.groups.length, found: r.groups.map((g) => g.id) };
  }
  for (const g of r.groups) {
    const part = columns.map((c, i) => ({ c, v: cellsOut![i] })).filter((x) => x.c.group === g.id);
    const groupName = g.path.join('');
    cells += store(
      data,
      table,
      g.id,
      part.map((x) => x.c.col),
      part.map((x) => x.v),
      `${sectionMark(format, 4)}“${groupName}”`,
      ledger,
    );
    ledger.rowRead(table, g.id);
  }
  return { data, cells, rows: r.groups.length, found: r.groups.map((g) => g.id) };
}
