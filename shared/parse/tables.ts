// Sections 二, 三 and 四: numbers found by their row and column labels. A row is found by its
// label wherever it sits; its numbers are read by the columns of its table's header when it is
// a real row of a grid that lines up, otherwise by position among the values after its label.
import { ownLabel, type ColumnDef, type FormatDef, type RowDef, type TableKey } from '../format';
import type { TableData } from '../report/model';
import type { Lexicon, Match, Target } from './lexicon';
import { lexiconFor } from './lexicon';
import type { Line } from './lines';
import { readByColumns, resolveByPosition, sliceTokens, tokensOf, type Tok } from './tokens';
import type { CellValue } from './values';

export interface TableRead {
  data: TableData;
  /** Cells read (numbers and blanks that were really in the file). */
  cells: number;
  /** Rows found with their numbers. */
  rows: number;
  /** Ids of the rows read. */
  found: string[];
}

export interface Range {
  from: number;
  to: number;
}

/** Short name of a matrix row for messages: （四）无法提供 2.没有现成信息需要另行制作. */
function rowName(path: string[]): string {
  return path.length >= 3 ? `${path[path.length - 2]} ${ownLabel(path)}` : ownLabel(path);
}

function sectionMark(format: FormatDef, no: number): string {
  const s = format.sections.find((x) => x.no === no);
  return s ? `${s.numeral}、` : '';
}

function emptyData(rows: { id: string }[], cols: { id: string }[]): TableData {
  const t: TableData = {};
  for (const r of rows) {
    t[r.id] = {};
    for (const c of cols) t[r.id][c.id] = null;
  }
  return t;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'matrixRow' && b.kind === 'matrixRow') return a.rowId === b.rowId;
  if (a.kind === 'disclosureRow' && b.kind === 'disclosureRow') return a.rowId === b.rowId;
  return false;
}

interface Collected {
  vals: Tok[];
  /** Column of the last label cell of the row on the label's line. */
  labelCol: number;
  /** Index of the first token not taken (where reading goes on). */
  next: number;
}

/**
 * The value cells after the label token at k: stops at the next label or text, and at the end
 * of a real row. A short piece of text right after the label (the rest of a label broken over
 * lines) is stepped over.
 */
function collectValues(toks: Tok[], k: number, lex: Lexicon, own: Target): Collected {
  const label = toks[k];
  const vals: Tok[] = [];
  let labelCol = label.col;
  let skipped = 0;
  let i = k + 1;
  for (; i < toks.length; i++) {
    const t = toks[i];
    if (label.strong && t.line !== label.line) break;
    if (t.value.kind !== 'text') {
      if (!(t.merged && t.strong && t.line === label.line)) vals.push(t);
      continue;
    }
    const m = lex.match(t.text);
    // The label again right after itself: a merged label cell's copies.
    if (m && !vals.length && sameTarget(m.target, own) && t.line === label.line) {
      labelCol = t.col;
      continue;
    }
    if (!m && !vals.length && skipped < 2 && t.text.length <= 30 && !/\d/.test(t.text)) {
      skipped++;
      if (t.line === label.line) labelCol = t.col;
      continue;
    }
    break;
  }
  return { vals, labelCol, next: i };
}

interface RowOutcome {
  cells: CellValue[] | null;
  problem?: string;
  next: number;
}

function describeFailure(where: string, count: number, numbers: number, n: number): string {
  if (count === 0) return `${where}没有找到数字，这一行未读取`;
  if (count < n) return `${where}只找到${numbers}个数字（应有${n}个），无法确定各是哪一列，这一行未读取，请核对`;
  return `${where}找到${numbers}个数字，多于${n}个，这一行未读取，请核对`;
}

/** Reads a row found at token k: by header columns when it lines up, otherwise by position. */
function readRow(
  lines: Line[],
  toks: Tok[],
  k: number,
  lex: Lexicon,
  own: Target,
  columns: ColumnDef[],
  indices: number[] | null,
  where: string,
): RowOutcome {
  const { vals, labelCol, next } = collectValues(toks, k, lex, own);
  const label = toks[k];
  if (indices && label.strong) {
    const byCol = readByColumns(lines[label.line], labelCol, indices);
    if (byCol) return { cells: byCol, next };
  }
  const r = resolveByPosition(vals, columns.length, label.strong);
  if (r.ok) return { cells: r.cells, next };
  return { cells: null, problem: describeFailure(where, r.count, r.numbers, columns.length), next };
}

/** Stores a row's values; says what could not be taken as a number. */
function store(
  data: TableData,
  rowId: string,
  columns: ColumnDef[],
  cells: CellValue[],
  where: string,
  problems: string[],
): number {
  let n = 0;
  columns.forEach((c, i) => {
    const v = cells[i];
    if (!v) return;
    if (v.kind === 'number') {
      data[rowId][c.id] = v.value;
      n++;
    } else if (v.kind === 'blank') {
      n++;
    } else if (v.kind === 'huge') {
      problems.push(`${where}“${c.label}”列的数字“${v.text}”过大，按空白处理`);
    } else {
      problems.push(`${where}“${c.label}”列不是数字，按空白处理`);
    }
  });
  return n;
}

/** Column positions of a grid's header: the bottom-most header cell naming each column. */
function headerIndices(
  lines: Line[],
  headerLines: number[],
  lex: Lexicon,
  columnOf: (m: Match) => string | null,
): Map<string, number> {
  const found = new Map<string, number>();
  for (let h = headerLines.length - 1; h >= 0; h--) {
    const line = lines[headerLines[h]];
    const here = new Map<string, number>();
    line.cells.forEach((cell, j) => {
      if (!cell.trim()) return;
      const m = lex.match(cell);
      const id = m ? columnOf(m) : null;
      if (id && !here.has(id)) here.set(id, j);
    });
    for (const [id, j] of here) if (!found.has(id)) found.set(id, j);
  }
  return found;
}

/** Column positions for ids, when the header names every one, left to right in the format's order. */
function validIndices(found: Map<string, number>, ids: string[]): number[] | null {
  const out: number[] = [];
  for (const id of ids) {
    const j = found.get(id);
    if (j === undefined || (out.length && j <= out[out.length - 1])) return null;
    out.push(j);
  }
  return out;
}

/** Lines of the same table before `line`, nearest last, at most `max`. */
function linesAbove(lines: Line[], line: number, max: number, from: number): number[] {
  const table = lines[line].table;
  const out: number[] = [];
  for (let i = line - 1; i >= from && out.length < max; i--) {
    if (lines[i].table !== table || !lines[i].strong) break;
    out.unshift(i);
  }
  return out;
}

// ───────────────────────────── 三 the matrix ─────────────────────────────

export function readMatrix(lines: Line[], range: Range, format: FormatDef, problems: string[], all?: Tok[]): TableRead {
  const lex = lexiconFor(format).matrix;
  const m = format.applications;
  const data = emptyData(m.rows, m.columns);
  const toks = all ? sliceTokens(all, range.from, range.to) : tokensOf(lines, range.from, range.to);
  const where = (row: RowDef) => `${sectionMark(format, 3)}第“${rowName(row.path)}”行`;
  const done = new Map<string, string | undefined>();
  const colIds = m.columns.map((c) => c.id);
  const mappings = new Map<number, number[] | null>();
  let cells = 0;
  let rowsRead = 0;
  let prevLine = -1;
  let prevRow = '';

  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.value.kind !== 'text') continue;
    const match = lex.match(t.text);
    if (!match || match.target.kind !== 'matrixRow') continue;
    const rowId = match.target.rowId;
    if (t.line === prevLine && rowId === prevRow) continue;
    prevLine = t.line;
    prevRow = rowId;
    if (done.has(rowId) && done.get(rowId) === undefined) continue;
    const row = m.rows.find((r) => r.id === rowId)!;
    let indices: number[] | null = null;
    if (t.strong && t.table >= 0) {
      if (!mappings.has(t.table)) {
        const above = linesAbove(lines, t.line, 8, range.from).filter(
          (i) => !lines[i].cells.some((c) => lex.match(c)?.target.kind === 'matrixRow'),
        );
        const found = headerIndices(lines, above, lex, (mm) =>
          mm.target.kind === 'matrixColumn' ? mm.target.colId : null,
        );
        mappings.set(t.table, validIndices(found, colIds));
      }
      indices = mappings.get(t.table) ?? null;
    }
    const out = readRow(lines, toks, k, lex, match.target, m.columns, indices, where(row));
    k = Math.max(k, out.next - 1);
    if (out.cells) {
      cells += store(data, rowId, m.columns, out.cells, where(row), problems);
      rowsRead++;
      done.set(rowId, undefined);
    } else if (!done.has(rowId)) {
      done.set(rowId, out.problem);
    }
  }

  if (done.size === 0) {
    problems.push(`未找到“${sectionMark(format, 3)}${format.sections.find((s) => s.no === 3)!.heading}”的表格`);
    return { data, cells: 0, rows: 0, found: [] };
  }
  for (const row of m.rows) {
    if (!done.has(row.id)) problems.push(`${sectionMark(format, 3)}未找到“${rowName(row.path)}”行`);
    else {
      const p = done.get(row.id);
      if (p) problems.push(p);
    }
  }
  return { data, cells, rows: rowsRead, found: [...done].filter(([, p]) => p === undefined).map(([id]) => id) };
}

// ───────────────────────────── 二 the small tables ─────────────────────────────

export function readDisclosure(
  lines: Line[],
  range: Range,
  format: FormatDef,
  problems: string[],
  all?: Tok[],
): TableRead {
  const lex = lexiconFor(format).disclosure;
  const data: TableData = {};
  for (const b of format.disclosure) Object.assign(data, emptyData(b.rows, b.columns));
  const toks = all ? sliceTokens(all, range.from, range.to) : tokensOf(lines, range.from, range.to);
  const done = new Map<string, string | undefined>();
  let cells = 0;
  let rowsRead = 0;
  /** Header columns seen since the last block label, in order, with the line they sit on. */
  let header: { colId: string; tok: Tok }[] = [];
  let inHeader = false;

  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.value.kind !== 'text') continue;
    const match = lex.match(t.text);
    if (!match) {
      inHeader = false;
      continue;
    }
    const tg = match.target;
    if (tg.kind === 'block') {
      header = [];
      inHeader = false;
      continue;
    }
    if (tg.kind === 'itemHeader') {
      header = [];
      inHeader = true;
      continue;
    }
    if (tg.kind === 'disclosureColumn') {
      if (!inHeader) header = [];
      inHeader = true;
      if (!header.some((h) => h.colId === tg.colId)) header.push({ colId: tg.colId, tok: t });
      continue;
    }
    inHeader = false;
    if (tg.kind !== 'disclosureRow') continue;
    if (done.has(tg.rowId) && done.get(tg.rowId) === undefined) continue;
    const block = format.disclosure.find((b) => b.id === tg.blockId)!;
    const row = block.rows.find((r) => r.id === tg.rowId)!;
    const where = `${sectionMark(format, 2)}${block.label}“${ownLabel(row.path)}”行`;
    // The header's order when it names exactly this block's columns; the format's order otherwise.
    const ids = new Set(block.columns.map((c) => c.id));
    const fits = header.length === block.columns.length && header.every((h) => ids.has(h.colId));
    const columns = fits ? header.map((h) => block.columns.find((c) => c.id === h.colId)!) : block.columns;
    let indices: number[] | null = null;
    if (
      fits &&
      t.strong &&
      header.every((h) => h.tok.strong && h.tok.line === header[0].tok.line && h.tok.table === t.table)
    ) {
      indices = header.map((h) => h.tok.col);
    }
    const out = readRow(lines, toks, k, lex, tg, columns, indices, where);
    k = Math.max(k, out.next - 1);
    if (out.cells) {
      cells += store(data, tg.rowId, columns, out.cells, where, problems);
      rowsRead++;
      done.set(tg.rowId, undefined);
    } else if (!done.has(tg.rowId)) {
      done.set(tg.rowId, out.problem);
    }
  }

  if (done.size === 0) {
    problems.push(`未找到“${sectionMark(format, 2)}${format.sections.find((s) => s.no === 2)!.heading}”的表格`);
    return { data, cells: 0, rows: 0, found: [] };
  }
  for (const b of format.disclosure) {
    for (const row of b.rows) {
      if (!done.has(row.id)) problems.push(`${sectionMark(format, 2)}${b.label}未找到“${ownLabel(row.path)}”行`);
      else {
        const p = done.get(row.id);
        if (p) problems.push(p);
      }
    }
  }
  return { data, cells, rows: rowsRead, found: [...done].filter(([, p]) => p === undefined).map(([id]) => id) };
}

// ───────────────────────────── 四 review and litigation ─────────────────────────────

export function readReview(lines: Line[], range: Range, format: FormatDef, problems: string[], all?: Tok[]): TableRead {
  const lex = lexiconFor(format).review;
  const r = format.review;
  const data = emptyData(r.groups, r.columns);
  const toks = all ? sliceTokens(all, range.from, range.to) : tokensOf(lines, range.from, range.to);
  const heading = `${sectionMark(format, 4)}${format.sections.find((s) => s.no === 4)!.heading}`;
  let sawHeader = false;
  let vals: Tok[] = [];
  let result: Tok[] | null = null;
  for (const t of toks) {
    if (t.value.kind !== 'text') {
      if (sawHeader && !(t.merged && t.strong)) vals.push(t);
      continue;
    }
    const m = lex.match(t.text);
    // 总计 alone is every table's; the table begins with a label of its own (行政复议, 结果维持 …).
    if (m && !sawHeader && m.target.kind === 'reviewColumn' && m.target.colId === r.totalColumn) continue;
    if (m) {
      if (vals.some((v) => v.value.kind !== 'blank')) {
        result = vals;
        break;
      }
      sawHeader = true;
      vals = [];
      continue;
    }
    if (vals.some((v) => v.value.kind !== 'blank')) {
      result = vals;
      break;
    }
  }
  if (!result && vals.some((v) => v.value.kind !== 'blank')) result = vals;
  if (!sawHeader) {
    problems.push(`未找到“${heading}”的表格`);
    return { data, cells: 0, rows: 0, found: [] };
  }
  if (!result) {
    problems.push(`${heading}：表格中没有找到数字`);
    return { data, cells: 0, rows: 0, found: [] };
  }
  const columns: { group: string; col: ColumnDef }[] = r.groups.flatMap((g) =>
    r.columns.map((col) => ({ group: g.id, col })),
  );
  let cellsOut: CellValue[] | null = null;
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
    if (res.ok) cellsOut = res.cells;
    else {
      problems.push(describeFailure(`${heading}：`, res.count, res.numbers, columns.length));
      return { data, cells: 0, rows: 0, found: [] };
    }
  }
  let cells = 0;
  for (const g of r.groups) {
    const part = columns.map((c, i) => ({ c, v: cellsOut![i] })).filter((x) => x.c.group === g.id);
    const groupName = g.path.join('');
    cells += store(
      data,
      g.id,
      part.map((x) => x.c.col),
      part.map((x) => x.v),
      `${sectionMark(format, 4)}“${groupName}”`,
      problems,
    );
  }
  return { data, cells, rows: r.groups.length, found: r.groups.map((g) => g.id) };
}

export type { TableKey };
