// The tables of 二, 三 and 四 laid out as grids of (possibly merged) cells, in the official
// layout. Word and Excel export both render these grids, so the two files share one layout and
// every label comes from shared/format.
import { cellId, ownLabel, type ColumnDef, type FormatDef, type TableKey, type ValueKind } from '../format';

export type GridRole = 'block' | 'header' | 'note' | 'label' | 'value';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  role: GridRole;
  /** Text of a label / header cell ('' for value cells). */
  text: string;
  /** For value cells: the cell id (applications.newReceived.natural …). */
  cell?: string;
  kind?: ValueKind;
}

export interface TableGrid {
  /** Section number (2, 3, 4). */
  section: number;
  key: TableKey;
  rows: number;
  cols: number;
  /** Rows at the top that repeat on every printed page. */
  headerRows: number;
  /** Relative column widths (sum arbitrary; renderers scale them). */
  widths: number[];
  cells: GridCell[];
}

/**
 * 二: one table, as the format prints it: per block a full-width row 第二十条第（x）项, a header row
 * 信息内容 | columns, then one row per item. A block with fewer columns than the widest one lets its
 * last column span the rest.
 */
export function disclosureGrid(format: FormatDef): TableGrid {
  const n = Math.max(...format.disclosure.map((b) => b.columns.length));
  const cols = n + 1;
  const cells: GridCell[] = [];
  let r = 0;
  const spread = (i: number, count: number) => (i === count - 1 ? n - (count - 1) : 1);
  for (const block of format.disclosure) {
    cells.push({ row: r, col: 0, rowSpan: 1, colSpan: cols, role: 'block', text: block.label });
    r++;
    cells.push({ row: r, col: 0, rowSpan: 1, colSpan: 1, role: 'header', text: block.itemHeader });
    block.columns.forEach((c, i) => {
      cells.push({
        row: r,
        col: 1 + i,
        rowSpan: 1,
        colSpan: spread(i, block.columns.length),
        role: 'header',
        text: c.label,
      });
    });
    r++;
    for (const row of block.rows) {
      cells.push({ row: r, col: 0, rowSpan: 1, colSpan: 1, role: 'label', text: ownLabel(row.path) });
      block.columns.forEach((c, i) => {
        cells.push({
          row: r,
          col: 1 + i,
          rowSpan: 1,
          colSpan: spread(i, block.columns.length),
          role: 'value',
          text: '',
          cell: cellId(format.disclosureKey, row.id, c.id),
          kind: c.kind,
        });
      });
      r++;
    }
  }
  return {
    section: 2,
    key: format.disclosureKey,
    rows: r,
    cols,
    headerRows: 0,
    widths: [3, ...Array(n).fill(2)],
    cells,
  };
}

/** Consecutive runs of columns sharing a group (undefined group = a run of its own). */
function groupRuns(columns: ColumnDef[]): { group?: string; start: number; count: number }[] {
  const runs: { group?: string; start: number; count: number }[] = [];
  columns.forEach((c, i) => {
    const last = runs[runs.length - 1];
    if (c.group && last && last.group === c.group) last.count++;
    else runs.push({ group: c.group, start: i, count: 1 });
  });
  return runs;
}

/** Number of label columns of the matrix: the deepest row path. */
export function matrixLabelCols(format: FormatDef): number {
  return Math.max(...format.applications.rows.map((r) => r.path.length));
}

/**
 * 三: the matrix. Three header rows: the 勾稽 note over the label columns; 申请人情况 over all data
 * columns; then 自然人 / 法人或其他组织 (over its members) / 总计; then the members. Row labels are
 * merged down while rows share a path prefix (三、本年度办理结果, （三）不予公开 …).
 */
export function matrixGrid(format: FormatDef): TableGrid {
  const m = format.applications;
  const L = matrixLabelCols(format);
  const H = 3;
  const cols = L + m.columns.length;
  const cells: GridCell[] = [];
  cells.push({ row: 0, col: 0, rowSpan: H, colSpan: L, role: 'note', text: m.note });
  cells.push({ row: 0, col: L, rowSpan: 1, colSpan: m.columns.length, role: 'header', text: m.header });
  for (const run of groupRuns(m.columns)) {
    if (run.group) {
      cells.push({ row: 1, col: L + run.start, rowSpan: 1, colSpan: run.count, role: 'header', text: run.group });
      for (let i = 0; i < run.count; i++) {
        cells.push({
          row: 2,
          col: L + run.start + i,
          rowSpan: 1,
          colSpan: 1,
          role: 'header',
          text: m.columns[run.start + i].label,
        });
      }
    } else {
      cells.push({
        row: 1,
        col: L + run.start,
        rowSpan: 2,
        colSpan: 1,
        role: 'header',
        text: m.columns[run.start].label,
      });
    }
  }
  // Row labels: a label at depth d merges down over following rows with the same path prefix.
  const open: (GridCell | null)[] = Array(L).fill(null);
  m.rows.forEach((row, i) => {
    const r = H + i;
    const depth = row.path.length;
    for (let d = 0; d < depth; d++) {
      const own = d === depth - 1;
      const prev = open[d];
      const samePrefix =
        !own &&
        prev &&
        i > 0 &&
        m.rows[i - 1].path.length > d + 1 &&
        m.rows[i - 1].path.slice(0, d + 1).join('\u0000') === row.path.slice(0, d + 1).join('\u0000');
      if (samePrefix && prev) {
        prev.rowSpan++;
        continue;
      }
      const cell: GridCell = { row: r, col: d, rowSpan: 1, colSpan: own ? L - d : 1, role: 'label', text: row.path[d] };
      cells.push(cell);
      open[d] = own ? null : cell;
    }
    for (let d = depth; d < L; d++) open[d] = null;
    m.columns.forEach((c, j) => {
      cells.push({
        row: r,
        col: L + j,
        rowSpan: 1,
        colSpan: 1,
        role: 'value',
        text: '',
        cell: cellId('applications', row.id, c.id),
        kind: c.kind,
      });
    });
  });
  // Label columns get room for the long 2021 labels (two lines at most); numbers need little.
  const labelWidths = L === 3 ? [5, 6, 15] : Array(L).fill(9);
  return {
    section: 3,
    key: 'applications',
    rows: H + m.rows.length,
    cols,
    headerRows: H,
    widths: [...labelWidths, ...Array(m.columns.length).fill(3.4)],
    cells,
  };
}

/**
 * 四: groups side by side. Row 1 the outer header (行政复议 | 行政诉讼 merged over its groups),
 * row 2 the inner group (未经复议直接起诉 | 复议后起诉); a group without an inner level lets its
 * column labels fill both lower rows, as the format prints it. Then one row of numbers.
 */
export function reviewGrid(format: FormatDef): TableGrid {
  const r = format.review;
  const k = r.columns.length;
  const depth = Math.max(...r.groups.map((g) => g.path.length));
  const H = depth + 1;
  const cells: GridCell[] = [];
  // Outer levels: merge consecutive groups with the same path prefix.
  for (let d = 0; d < depth; d++) {
    let i = 0;
    while (i < r.groups.length) {
      const g = r.groups[i];
      if (g.path.length <= d) {
        i++;
        continue;
      }
      const key = g.path.slice(0, d + 1).join('\u0000');
      let j = i + 1;
      while (
        j < r.groups.length &&
        r.groups[j].path.length > d &&
        r.groups[j].path.slice(0, d + 1).join('\u0000') === key
      )
        j++;
      cells.push({ row: d, col: i * k, rowSpan: 1, colSpan: (j - i) * k, role: 'header', text: g.path[d] });
      i = j;
    }
  }
  r.groups.forEach((g, gi) => {
    const top = g.path.length;
    r.columns.forEach((c, ci) => {
      cells.push({ row: top, col: gi * k + ci, rowSpan: H - top, colSpan: 1, role: 'header', text: c.label });
      cells.push({
        row: H,
        col: gi * k + ci,
        rowSpan: 1,
        colSpan: 1,
        role: 'value',
        text: '',
        cell: cellId('reviewLitigation', g.id, c.id),
        kind: c.kind,
      });
    });
  });
  const cols = r.groups.length * k;
  return { section: 4, key: 'reviewLitigation', rows: H + 1, cols, headerRows: H, widths: Array(cols).fill(1), cells };
}

export function reportGrids(format: FormatDef): TableGrid[] {
  return [disclosureGrid(format), matrixGrid(format), reviewGrid(format)];
}

/** The grid as rows of cells in reading order (each merged cell listed once, at its top-left). */
export function gridRows(grid: TableGrid): GridCell[][] {
  const rows: GridCell[][] = Array.from({ length: grid.rows }, () => []);
  for (const c of grid.cells) rows[c.row].push(c);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}
