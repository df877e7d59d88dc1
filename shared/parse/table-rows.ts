// What the readers of 二, 三 and 四 share: a row's numbers after (or above) its label, read by the
// columns of its table's header when it is a real row of a grid that lines up, otherwise by
// position; digit runs split by the row's own sums (table-runs.ts); values stored with their problems.
import { cellId, ownLabel, type ColumnDef, type FormatDef, type TableKey } from '../format';
import type { TableData } from '../report/model';
import { agreed } from './digit-runs';
import { Ledger } from './ledger';
import type { Lexicon, Match, Target } from './lexicon';
import type { Line } from './lines';
import { settleEnds, splitRow, UNSURE_COLUMNS, type RowOutcome, type RowRules } from './table-runs';
import { readByColumns, resolveByPosition, type Tok } from './tokens';
import type { CellValue } from './values';

/** What the readers may know besides the file: last year's 现行有效件数 (rule 6), per row of 二. */
export interface TableContext {
  lastInForce?: Partial<Record<string, number | null>>;
  /** Last year's item count per row (its 上一年项目数量 + 本年增/减): this year's 上一年项目数量 (2019 format). */
  lastItems?: Partial<Record<string, number | null>>;
}

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
export function rowName(path: string[]): string {
  return path.length >= 3 ? `${path[path.length - 2]} ${ownLabel(path)}` : ownLabel(path);
}

export function sectionMark(format: FormatDef, no: number): string {
  const s = format.sections.find((x) => x.no === no);
  return s ? `${s.numeral}、` : '';
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
export function collectValues(toks: Tok[], k: number, lex: Lexicon, own: Target): Collected {
  const label = toks[k];
  const vals: Tok[] = [];
  let labelCol = label.col;
  let skipped = 0;
  let rowLine = label.line;
  let i = k + 1;
  for (; i < toks.length; i++) {
    const t = toks[i];
    // A real row ends with its line; a label wrapped over two lines of a text layer may hold its numbers on the next.
    if (label.strong && t.line !== rowLine) {
      if (vals.length > 0 || rowLine !== label.line || t.line !== label.line + 1) break;
      rowLine = t.line;
    }
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

export function describeFailure(where: string, count: number, numbers: number, n: number): string {
  if (count === 0) return `${where}没有找到数字，这一行未读取`;
  if (count < n) return `${where}只找到${numbers}个数字（应有${n}个），无法确定各是哪一列，这一行未读取，请核对`;
  return `${where}找到${numbers}个数字，多于${n}个，这一行未读取，请核对`;
}

/** Reads a row found at token k: by header columns when it lines up, otherwise by position. */
export function readRow(
  lines: Line[],
  toks: Tok[],
  k: number,
  lex: Lexicon,
  own: Target,
  columns: ColumnDef[],
  indices: number[] | null,
  where: string,
  rules: RowRules,
  before?: Tok[],
): RowOutcome {
  const { vals, labelCol, next } = before
    ? { vals: before, labelCol: toks[k].col, next: k + 1 }
    : collectValues(toks, k, lex, own);
  const label = toks[k];
  if (indices && label.strong) {
    const byCol = readByColumns(lines[label.line], labelCol, indices);
    if (byCol) return { cells: byCol, next };
  }
  const n = columns.length;
  const r = resolveByPosition(vals, n, label.strong);
  if (r.ok) {
    const settled = settleEnds(vals, n, rules.groups);
    if (settled === 'open') return { cells: null, next, problem: `${where}${UNSURE_COLUMNS}` };
    return { cells: settled ?? r.cells, next };
  }
  const split = r.count < n ? splitRow(vals, n, rules, where, next) : null;
  if (split && !(rules.deriveTotal && !split.cells && !split.readings)) return split;
  if (rules.deriveTotal) {
    const six = resolveByPosition(vals, n - 1, label.strong);
    if (six.ok && six.cells.every((c) => c.kind === 'number')) {
      const sum = six.cells.reduce((s, c) => s + (c.kind === 'number' ? c.value : 0), 0);
      return { cells: [...six.cells, { kind: 'number', value: sum }], derived: true, next };
    }
    // Six read with a blank among them: no total to derive, the six kept.
    if (six.ok) return { cells: [...six.cells, undefined], next };
    const part = splitRow(vals, n - 1, { ...rules, groups: [{ size: n - 1 }], deriveTotal: false }, where, next);
    const withTotal = (x: (number | null)[]) => [...x, x.reduce<number>((s, v) => s + (v ?? 0), 0)];
    if (part && Array.isArray(part.loose)) part.loose = part.loose.map(withTotal);
    if (part?.cells) {
      const sum = part.cells.reduce((s, c) => s + (c?.kind === 'number' ? c.value : 0), 0);
      return { ...part, cells: [...part.cells, { kind: 'number', value: sum }], derived: true };
    }
    if (part?.readings) return { ...part, readings: part.readings.map(withTotal) };
    if (part) return part;
    if (split) return split;
    return { cells: null, problem: describeFailure(where, six.count, six.numbers, n - 1), next };
  }
  return { cells: null, problem: describeFailure(where, r.count, r.numbers, n), next };
}

/** Stores a row's values; says what could not be taken as a number. */
export function store(
  data: TableData,
  table: TableKey,
  rowId: string,
  columns: ColumnDef[],
  cells: (CellValue | undefined)[],
  where: string,
  ledger: Ledger,
): number {
  let n = 0;
  columns.forEach((c, i) => {
    const v = cells[i];
    if (!v) return;
    const id = cellId(table, rowId, c.id);
    const row = [`${table}.${rowId}`];
    if (v.kind === 'number') {
      data[rowId][c.id] = v.value;
      n++;
    } else if (v.kind === 'blank') {
      ledger.blankSeen(id);
      n++;
    } else if (v.kind === 'huge') {
      ledger.add({
        kind: 'cellUnread',
        message: `${where}“${c.label}”列的数字“${v.text}”过大，按空白处理`,
        rows: row,
        cells: [id],
      });
    } else {
      ledger.add({ kind: 'cellUnread', message: `${where}“${c.label}”列不是数字，按空白处理`, rows: row, cells: [id] });
    }
  });
  return n;
}

/** Readings of a row that remain: the cells they agree on are stored, the others left blank and named. */
export function storeReadings(
  data: TableData,
  table: TableKey,
  rowId: string,
  columns: ColumnDef[],
  readings: (number | null)[][],
  digits: string,
  where: string,
  ledger: Ledger,
): number {
  const same = agreed(readings, columns.length);
  let n = 0;
  const open: number[] = [];
  columns.forEach((c, i) => {
    const v = same[i];
    if (v === undefined) open.push(i);
    else {
      // Every reading agrees: a number, or a blank of the file.
      if (v !== null) data[rowId][c.id] = v;
      n++;
    }
  });
  if (!open.length) return n;
  const seen = new Set<string>();
  const left: (number | null)[][] = [];
  for (const r of readings) {
    const part = open.map((i) => r[i]);
    const key = part.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      left.push(part);
    }
  }
  const shown = left
    .slice(0, 4)
    .map((p) => p.map((v) => (v === null ? '空白' : String(v))).join('、'))
    .join('；或 ');
  const names = open.map((i) => columns[i].label).join('、');
  // Fewer digits than cells: not digits run together but cells left blank, whose places are lost.
  const what =
    digits.replace(/[^\d]/g, '').length < columns.length
      ? `只有数字“${digits}”，其余是空白格`
      : `的数字连在一起（“${digits}”）`;
  ledger.add({
    kind: 'ambiguous',
    message: `${where}${what}，“${names}”列可读作 ${shown}${left.length > 4 ? ` 等${left.length}种` : ''}，无法确定，已留空，请核对后填写`,
    rows: [`${table}.${rowId}`],
    cells: open.map((i) => cellId(table, rowId, columns[i].id)),
    digits,
    readings: left,
  });
  return n;
}

/** Column positions of a grid's header: the bottom-most header cell naming each column. */
export function headerIndices(
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
export function validIndices(found: Map<string, number>, ids: string[]): number[] | null {
  const out: number[] = [];
  for (const id of ids) {
    const j = found.get(id);
    if (j === undefined || (out.length && j <= out[out.length - 1])) return null;
    out.push(j);
  }
  return out;
}

/** Lines of the same table before `line`, nearest last, at most `max`. */
export function linesAbove(lines: Line[], line: number, max: number, from: number): number[] {
  const table = lines[line].table;
  const out: number[] = [];
  for (let i = line - 1; i >= from && out.length < max; i--) {
    if (lines[i].table !== table || !lines[i].strong) break;
    out.unshift(i);
  }
  return out;
}

/** Runs a reader on a ledger; with a plain list (the old entry points), adds its messages to it. */
export function withLedger(problems: string[] | Ledger, read: (ledger: Ledger) => TableRead): TableRead {
  const ledger = problems instanceof Ledger ? problems : new Ledger();
  const out = read(ledger);
  if (Array.isArray(problems)) problems.push(...ledger.problems.map((p) => p.message));
  return out;
}
