// Sections 二, 三 and 四: numbers found by their row and column labels. A row is found by its
// label wherever it sits; its numbers are read by the columns of its table's header when it is
// a real row of a grid that lines up, otherwise by position among the values after its label.
import { cellId, ownLabel, type ColumnDef, type FormatDef, type RowDef, type TableKey } from '../format';
import type { TableData } from '../report/model';
import { prepareLabel } from '../format/match';
import { agreed, digitRun, lastIsSum, SPLIT_LIMITS, splitRuns, type CellGroup } from './digit-runs';
import { alignLabels } from './label-align';
import { Ledger } from './ledger';
import type { Lexicon, Match, Target } from './lexicon';
import { lexiconFor } from './lexicon';
import type { Line } from './lines';
import { solveRows, type RowBalance, type RowState } from './run-solver';
import { readByColumns, resolveByPosition, sliceTokens, tokensOf, type Tok } from './tokens';
import type { CellValue } from './values';

/** What the readers may know besides the file: last year's 现行有效件数 (rule 6), per row of 二. */
export interface TableContext {
  lastInForce?: Partial<Record<string, number | null>>;
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
  /** A cell left undefined was not in the file (a total that could not be derived). */
  cells: (CellValue | undefined)[] | null;
  /** Digits run together that split in several consistent ways: each reading, in column order. */
  readings?: number[][];
  /** The digit runs as written, for messages. */
  digits?: string;
  /** The last column (总计) was computed from the others. */
  derived?: boolean;
  problem?: string;
  next: number;
}

function describeFailure(where: string, count: number, numbers: number, n: number): string {
  if (count === 0) return `${where}没有找到数字，这一行未读取`;
  if (count < n) return `${where}只找到${numbers}个数字（应有${n}个），无法确定各是哪一列，这一行未读取，请核对`;
  return `${where}找到${numbers}个数字，多于${n}个，这一行未读取，请核对`;
}

/** How a row's numbers may be read beyond lining up: digit runs split by `groups`; a missing total derived. */
interface RowRules {
  groups: CellGroup[];
  /** Steps of digit-run search left for the whole document (shared by every row). */
  budget?: { steps: number };
  /** The table printed without its 总计 column: six numbers a row, the total derived. */
  deriveTotal?: boolean;
}

/** Steps of digit-run search a table may take in all (a file repeating a row label thousands of times stays quick). */
const SPLIT_STEPS_PER_TABLE = 1_000_000;

const numberTok = (t: Tok) => t.value.kind === 'number' || t.value.kind === 'huge';

/** Digit runs among too few values: every consistent split, when the digits could be cells run together. */
function splitRow(vals: Tok[], n: number, rules: RowRules, where: string, next: number): RowOutcome | null {
  let a = 0;
  let b = vals.length;
  while (a < b && vals[a].value.kind === 'blank') a++;
  while (b > a && vals[b - 1].value.kind === 'blank') b--;
  const core = vals.slice(a, b);
  const runs = core.map((t) => (numberTok(t) ? digitRun(t.text) : null));
  if (!core.length || runs.some((r) => r === null)) return null;
  const digits = (runs as string[]).join('');
  if (digits.length < n || runs.every((r) => r!.length === 1)) return null;
  const shown = (runs as string[]).join(' ');
  const budget = rules.budget ?? { steps: SPLIT_LIMITS.maxSteps };
  const limits = { ...SPLIT_LIMITS, maxSteps: Math.min(SPLIT_LIMITS.maxSteps, budget.steps) };
  const { readings, capped, steps } = splitRuns(runs as string[], rules.groups, limits);
  budget.steps -= steps;
  if (capped) {
    return {
      cells: null,
      next,
      problem: `${where}的数字连在一起（“${shown}”），可能的拆分太多，无法确定，这一行未读取，请核对`,
    };
  }
  if (!readings.length) {
    return {
      cells: null,
      next,
      problem: `${where}的数字连在一起（“${shown}”），按本行的合计无法拆分，这一行未读取，请核对`,
    };
  }
  if (readings.length === 1) return { cells: readings[0].map((v) => ({ kind: 'number', value: v })), next };
  return { cells: null, readings, digits: shown, next };
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
  if (r.ok) return { cells: r.cells, next };
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
    const part = splitRow(vals, n - 1, { groups: [{ size: n - 1 }], budget: rules.budget }, where, next);
    if (part?.cells) {
      const sum = part.cells.reduce((s, c) => s + (c?.kind === 'number' ? c.value : 0), 0);
      return { ...part, cells: [...part.cells, { kind: 'number', value: sum }], derived: true };
    }
    if (part?.readings) return { ...part, readings: part.readings.map((x) => [...x, x.reduce((s, v) => s + v, 0)]) };
    if (part) return part;
    if (split) return split;
    return { cells: null, problem: describeFailure(where, six.count, six.numbers, n - 1), next };
  }
  return { cells: null, problem: describeFailure(where, r.count, r.numbers, n), next };
}

/** Stores a row's values; says what could not be taken as a number. */
function store(
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
function storeReadings(
  data: TableData,
  table: TableKey,
  rowId: string,
  columns: ColumnDef[],
  readings: number[][],
  digits: string,
  where: string,
  ledger: Ledger,
): number {
  const same = agreed(readings, columns.length);
  let n = 0;
  const open: number[] = [];
  columns.forEach((c, i) => {
    const v = same[i];
    if (v === null) open.push(i);
    else {
      data[rowId][c.id] = v;
      n++;
    }
  });
  if (!open.length) return n;
  const seen = new Set<string>();
  const left: number[][] = [];
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
    .map((p) => p.join('、'))
    .join('；或 ');
  const names = open.map((i) => columns[i].label).join('、');
  ledger.add({
    kind: 'ambiguous',
    message: `${where}的数字连在一起（“${digits}”），“${names}”列可读作 ${shown}${left.length > 4 ? ` 等${left.length}种` : ''}，无法确定，已留空，请核对后填写`,
    rows: [`${table}.${rowId}`],
    cells: open.map((i) => cellId(table, rowId, columns[i].id)),
    digits,
    readings: left,
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

/** Tokens that may be row labels: text followed by a number (after at most one short piece of text). */
function labelCandidates(
  toks: Tok[],
  lex: Lexicon,
  rows: RowDef[],
): { k: number; text: string; exact: number | null }[] {
  const out: { k: number; text: string; exact: number | null }[] = [];
  const index = new Map(rows.map((r, i) => [r.id, i]));
  for (let k = 0; k < toks.length && out.length < 400; k++) {
    const t = toks[k];
    if (t.value.kind !== 'text' || t.text.length > 60) continue;
    const m = lex.match(t.text);
    if (m?.target.kind === 'matrixRow') {
      out.push({ k, text: t.text, exact: index.get(m.target.rowId)! });
      continue;
    }
    // A numbered label taken for a column (（六）其他 for （六）其他处理) may still be a row.
    if (m && !(m.target.kind === 'matrixColumn' && prepareLabel(t.text).enumeration)) continue;
    const a = toks[k + 1];
    const b = toks[k + 2];
    const wrapped =
      !!a && !!b && a.text.length <= 30 && !lex.match(a.text) && b.value.kind !== 'text' && b.value.kind !== 'blank';
    const valueNext = (a && a.value.kind !== 'text') || wrapped;
    // A label wrapped over lines is compared whole: its first line and the rest.
    if (valueNext && t.text.replace(/\s/g, '').length >= 3)
      out.push({ k, text: wrapped ? t.text + a.text : t.text, exact: null });
  }
  return out;
}

/** Whether the matrix's header names a 总计 column (before its first row), or the table has no header at all. */
function headerHasTotal(toks: Tok[], lex: Lexicon, totalColumn: string): boolean {
  let sawColumn = false;
  for (const t of toks) {
    if (t.value.kind !== 'text') continue;
    const m = lex.match(t.text);
    if (!m) continue;
    if (m.target.kind === 'matrixRow') break;
    if (m.target.kind === 'matrixColumn') {
      sawColumn = true;
      if (m.target.colId === totalColumn) return true;
    }
  }
  return !sawColumn;
}

/** The value tokens right before token k, back to the nearest text or to `from`. */
function valuesBefore(toks: Tok[], k: number, from = 0): Tok[] {
  let i = k;
  while (i > from && toks[i - 1].value.kind !== 'text') i--;
  return toks.slice(i, k).filter((t) => !(t.merged && t.strong));
}

/**
 * Numbers printed above their label (a text layer that puts a row's numbers before its label, for
 * some rows or all): a full row of numbers on the lines right above a label that stands alone on
 * its line, taken by no row, and following a finished row or the header (not an unread label).
 */
function numbersAbove(
  toks: Tok[],
  k: number,
  consumed: number,
  n: number,
  known: (i: number) => boolean,
): Tok[] | null {
  const label = toks[k];
  const after = toks[k + 1];
  if (after && after.value.kind !== 'text' && after.line === label.line) return null;
  const run = valuesBefore(toks, k, consumed);
  const start = k - run.length;
  if (run.length < n - 1 || !run.some((t) => t.value.kind !== 'blank')) return null;
  if (run.some((t) => t.line >= label.line)) return null;
  // Whole lines only: not the tail of a line whose head another row took.
  if (start > 0 && toks[start - 1].line === run[0].line) return null;
  if (start > 0 && toks[start - 1].value.kind === 'text' && !known(start - 1)) return null;
  return run;
}

export function readMatrix(
  lines: Line[],
  range: Range,
  format: FormatDef,
  problems: string[] | Ledger,
  all?: Tok[],
): TableRead {
  const ledger = problems instanceof Ledger ? problems : new Ledger();
  const out = readMatrixInto(lines, range, format, ledger, all);
  if (Array.isArray(problems)) problems.push(...ledger.problems.map((p) => p.message));
  return out;
}

function readMatrixInto(lines: Line[], range: Range, format: FormatDef, ledger: Ledger, all?: Tok[]): TableRead {
  const lex = lexiconFor(format).matrix;
  const m = format.applications;
  const data = emptyData(m.rows, m.columns);
  const toks = all ? sliceTokens(all, range.from, range.to) : tokensOf(lines, range.from, range.to, { format });
  const where = (row: RowDef) => `${sectionMark(format, 3)}第“${rowName(row.path)}”行`;
  const colIds = m.columns.map((c) => c.id);
  const mappings = new Map<number, number[] | null>();
  const totalAt = m.columns.findIndex((c) => c.id === m.totalColumn);
  const rowSum: CellGroup = {
    size: m.columns.length,
    check: totalAt === m.columns.length - 1 ? lastIsSum : undefined,
  };
  const rules: RowRules = {
    groups: [rowSum],
    budget: { steps: SPLIT_STEPS_PER_TABLE },
    deriveTotal: totalAt === m.columns.length - 1 && !headerHasTotal(toks, lex, m.totalColumn),
  };
  // Labels that match no row on their own, placed by the order of the rows around them.
  const cands = labelCandidates(toks, lex, m.rows);
  const aligned = new Map<number, string>();
  alignLabels(
    cands.map((c) => ({ text: c.text, exact: c.exact })),
    m.rows.map((r) => [ownLabel(r.path), ...(r.aliases ?? []), r.path.slice(1).join('')]),
  ).forEach((j, i) => {
    if (j !== null && cands[i].exact === null) aligned.set(cands[i].k, m.rows[j].id);
  });
  const rowAt = (k: number): string | null => {
    const t = toks[k];
    if (t.value.kind !== 'text') return null;
    const match = lex.match(t.text);
    return match?.target.kind === 'matrixRow' ? match.target.rowId : (aligned.get(k) ?? null);
  };
  /** A text the table knows: a row, column or header label (not an unread row's label). */
  const known = (i: number) => !!lex.match(toks[i].text) || aligned.has(i);
  const seen = new Set<string>();
  const states = new Map<string, RowState>();
  const pending = new Map<string, { readings: number[][]; digits: string }>();
  const derivedRows: string[] = [];
  let cells = 0;
  let prevLine = -1;
  let prevRow = '';
  /** Tokens before this index were taken by a row already. */
  let consumed = 0;

  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.value.kind !== 'text') continue;
    const rowId = rowAt(k);
    if (!rowId) continue;
    const target: Target = { kind: 'matrixRow', rowId };
    if (t.line === prevLine && rowId === prevRow) continue;
    prevLine = t.line;
    prevRow = rowId;
    seen.add(rowId);
    if (ledger.isRead('applications', rowId) || pending.has(rowId)) {
      // Its numbers are no other row's.
      consumed = Math.max(consumed, collectValues(toks, k, lex, target).next);
      continue;
    }
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
    const above = t.strong && indices ? null : numbersAbove(toks, k, consumed, m.columns.length, known);
    const out = readRow(lines, toks, k, lex, target, m.columns, indices, where(row), rules, above ?? undefined);
    consumed = Math.max(consumed, out.next);
    k = Math.max(k, out.next - 1);
    if (out.cells) {
      cells += store(data, 'applications', rowId, m.columns, out.cells, where(row), ledger);
      ledger.rowRead('applications', rowId);
      states.set(rowId, { values: m.columns.map((c) => data[rowId][c.id] ?? null) });
      if (out.derived) derivedRows.push(rowId);
    } else if (out.readings) {
      pending.set(rowId, { readings: out.readings, digits: out.digits ?? '' });
      states.set(rowId, { readings: out.readings });
    } else {
      ledger.rowFailed('applications', rowId, colIds, out.problem ?? describeFailure(where(row), 0, 0, colIds.length));
    }
  }

  if (seen.size === 0) {
    ledger.add({
      kind: 'tableMissing',
      message: `未找到“${sectionMark(format, 3)}${format.sections.find((s) => s.no === 3)!.heading}”的表格`,
      rows: [],
      cells: [],
    });
    return { data, cells: 0, rows: 0, found: [] };
  }
  // Rows whose digits ran together: narrowed by the columns' sums, then what remains is left open.
  if (pending.size) {
    const balances: RowBalance[] = [
      { left: [m.resultTotalRow], right: m.resultRows },
      { left: [m.newRow, m.carriedOverRow], right: [m.resultTotalRow, m.carryForwardRow] },
    ];
    const solved = solveRows(states, balances, m.columns.length);
    for (const [rowId, p] of pending) {
      const row = m.rows.find((r) => r.id === rowId)!;
      const readings = solved.readings.get(rowId) ?? p.readings;
      cells += storeReadings(data, 'applications', rowId, m.columns, readings, p.digits, where(row), ledger);
      ledger.rowRead('applications', rowId);
    }
  }
  if (derivedRows.length) {
    const total = m.columns[totalAt];
    ledger.add({
      kind: 'derived',
      message: `${sectionMark(format, 3)}表格没有“${total.label}”列（可能在打印时被截掉），“${total.label}”按其余六列相加得出，请核对`,
      rows: derivedRows.map((id) => `applications.${id}`),
      cells: derivedRows.map((id) => cellId('applications', id, total.id)),
    });
  }
  for (const row of m.rows) {
    if (!seen.has(row.id))
      ledger.rowMissing('applications', row.id, colIds, `${sectionMark(format, 3)}未找到“${rowName(row.path)}”行`);
    else ledger.settleFailures('applications', [row.id]);
  }
  const found = m.rows.filter((r) => ledger.isRead('applications', r.id)).map((r) => r.id);
  return { data, cells, rows: found.length, found };
}

// ───────────────────────────── 二 the small tables ─────────────────────────────

export function readDisclosure(
  lines: Line[],
  range: Range,
  format: FormatDef,
  problems: string[] | Ledger,
  all?: Tok[],
  context: TableContext = {},
): TableRead {
  const ledger = problems instanceof Ledger ? problems : new Ledger();
  const out = readDisclosureInto(lines, range, format, ledger, all, context);
  if (Array.isArray(problems)) problems.push(...ledger.problems.map((p) => p.message));
  return out;
}

/** Rule 6 as a check of a digit run's reading: 现行有效 = last year's + 制发 − 废止. */
function stockGroup(
  columns: ColumnDef[],
  stock: { added: string; removed: string; closing: string } | undefined,
  last: number | null | undefined,
): CellGroup {
  const at = (id: string) => columns.findIndex((c) => c.id === id);
  if (!stock || last === null || last === undefined) return { size: columns.length };
  const [a, r, c] = [at(stock.added), at(stock.removed), at(stock.closing)];
  if (a < 0 || r < 0 || c < 0) return { size: columns.length };
  return { size: columns.length, check: (v) => v[c] === last + v[a] - v[r] && v[r] <= last + v[a] };
}

function readDisclosureInto(
  lines: Line[],
  range: Range,
  format: FormatDef,
  ledger: Ledger,
  all: Tok[] | undefined,
  context: TableContext,
): TableRead {
  const table = format.disclosureKey;
  const lex = lexiconFor(format).disclosure;
  const data: TableData = {};
  for (const b of format.disclosure) Object.assign(data, emptyData(b.rows, b.columns));
  const toks = all ? sliceTokens(all, range.from, range.to) : tokensOf(lines, range.from, range.to, { format });
  const seen = new Set<string>();
  const budget = { steps: SPLIT_STEPS_PER_TABLE };
  let cells = 0;
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
    seen.add(tg.rowId);
    if (ledger.isRead(table, tg.rowId)) continue;
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
    const rules: RowRules = { groups: [stockGroup(columns, block.stock, context.lastInForce?.[tg.rowId])], budget };
    const out = readRow(lines, toks, k, lex, tg, columns, indices, where, rules);
    k = Math.max(k, out.next - 1);
    if (out.cells) {
      cells += store(data, table, tg.rowId, columns, out.cells, where, ledger);
      ledger.rowRead(table, tg.rowId);
    } else if (out.readings) {
      cells += storeReadings(data, table, tg.rowId, columns, out.readings, out.digits ?? '', where, ledger);
      ledger.rowRead(table, tg.rowId);
    } else {
      const ids = columns.map((c) => c.id);
      ledger.rowFailed(table, tg.rowId, ids, out.problem ?? describeFailure(where, 0, 0, ids.length));
    }
  }

  if (seen.size === 0) {
    ledger.add({
      kind: 'tableMissing',
      message: `未找到“${sectionMark(format, 2)}${format.sections.find((s) => s.no === 2)!.heading}”的表格`,
      rows: [],
      cells: [],
    });
    return { data, cells: 0, rows: 0, found: [] };
  }
  const found: string[] = [];
  for (const b of format.disclosure) {
    for (const row of b.rows) {
      const ids = b.columns.map((c) => c.id);
      if (!seen.has(row.id))
        ledger.rowMissing(table, row.id, ids, `${sectionMark(format, 2)}${b.label}未找到“${ownLabel(row.path)}”行`);
      else ledger.settleFailures(table, [row.id]);
      if (ledger.isRead(table, row.id)) found.push(row.id);
    }
  }
  return { data, cells, rows: found.length, found };
}

// ───────────────────────────── 四 review and litigation ─────────────────────────────

export function readReview(
  lines: Line[],
  range: Range,
  format: FormatDef,
  problems: string[] | Ledger,
  all?: Tok[],
): TableRead {
  const ledger = problems instanceof Ledger ? problems : new Ledger();
  const out = readReviewInto(lines, range, format, ledger, all);
  if (Array.isArray(problems)) problems.push(...ledger.problems.map((p) => p.message));
  return out;
}

function readReviewInto(lines: Line[], range: Range, format: FormatDef, ledger: Ledger, all?: Tok[]): TableRead {
  const table: TableKey = 'reviewLitigation';
  const lex = lexiconFor(format).review;
  const r = format.review;
  const data = emptyData(r.groups, r.columns);
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
  let readings: number[][] | null = null;
  let digits = '';
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
    const groups: CellGroup[] = r.groups.map(() => ({
      size: r.columns.length,
      check: r.columns[r.columns.length - 1].id === r.totalColumn ? lastIsSum : undefined,
    }));
    const split =
      res.ok || res.count >= columns.length ? null : splitRow(result, columns.length, { groups }, heading, 0);
    if (res.ok) cellsOut = res.cells;
    else if (split?.cells) cellsOut = split.cells as CellValue[];
    else if (split?.readings) [readings, digits] = [split.readings, split.digits ?? ''];
    else {
      const message = split?.problem ?? describeFailure(`${heading}：`, res.count, res.numbers, columns.length);
      ledger.add({ kind: 'rowUnread', message, rows: allRows, cells: allIds });
      return { data, cells: 0, rows: 0, found: [] };
    }
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

export type { TableKey };
