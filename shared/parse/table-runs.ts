// Digit runs of one row: the values that may be cells run together (a number as written, or one
// cell cut at a sign), split by the row's sums with blanks allowed or assumed away (BlankPolicy),
// the cells an assumption settled named for the clerk, and a row with blanks at both ends placed
// by its sums. What a row reader gets back: RowOutcome.
import { cellId, type ColumnDef, type TableKey } from '../format';
import { agreed, digitRun, filledReadings, readingsWithBlanks, SPLIT_LIMITS, type BlankGroup } from './digit-runs';
import type { TableProblem } from './ledger';
import { positionReadings, type Tok } from './tokens';
import type { CellValue } from './values';

export interface RowOutcome {
  /** A cell left undefined was not in the file (a total that could not be derived). */
  cells: (CellValue | undefined)[] | null;
  /** Digits run together that split in several consistent ways: each reading, in column order. */
  readings?: (number | null)[][];
  /**
   * Read on the assumption that no blank cell vanished from the run: the readings a blank
   * allowed anywhere would leave ('capped': too many to tell), to name the cells that rest on it.
   */
  loose?: (number | null)[][] | 'capped';
  /** The digit runs as written, for messages. */
  digits?: string;
  /** The last column (总计) was computed from the others. */
  derived?: boolean;
  problem?: string;
  next: number;
}

/**
 * Whether digit runs may be read as if every cell held a number. A web page drops an empty cell
 * with its borders, so a run could hide a blank; but a document that shows no blank cell anywhere
 * (every row with as many digits as cells, every run readable without a blank) is taken to have
 * none, and the cells read so are named for the clerk to check. Once a blank shows, it is not
 * assumed anywhere (tables-stage.ts reads the tables again).
 */
export interface BlankPolicy {
  assumeFilled: boolean;
  /** Where the document showed a blank cell, or a run that only reads with one. */
  evidence: string[];
  /** Runs read on the assumption (their readings would differ had a blank been allowed). */
  taken: number;
}

/** How a row's numbers may be read beyond lining up: digit runs split by `groups`; a missing total derived. */
export interface RowRules {
  /** The row's cells as groups, for splitting digit runs (blanks may have vanished). */
  groups: BlankGroup[];
  /** Steps of digit-run search left for the whole document (shared by every row). */
  budget?: { steps: number };
  /** The table printed without its 总计 column: six numbers a row, the total derived. */
  deriveTotal?: boolean;
  blanks?: BlankPolicy;
  /**
   * Where to assume no vanished blank (with `blanks.assumeFilled`): by default wherever the sums
   * leave one full reading (三, whose column sums catch a wrong split); 'oneDigitEach' only where
   * every cell then holds one digit (四: sums within its groups only); 'never' (二: no sums at all).
   */
  assume?: 'oneDigitEach' | 'never';
}

/** Steps of digit-run search a table may take in all (a file repeating a row label thousands of times stays quick). */
export const SPLIT_STEPS_PER_TABLE = 1_000_000;

const numberTok = (t: Tok) => t.value.kind === 'number' || t.value.kind === 'huge';

/**
 * The digit runs of a row's values, when they may be cells run together: one number as written,
 * or the pieces of one cell of text cut at a sign (20-315: the sign begins a cell of its own).
 */
function runsOf(core: Tok[]): string[] | null {
  if (!core.length || !core.every(numberTok)) return null;
  const runs = core.map((t) => digitRun(t.text));
  if (runs.some((r) => r === null)) return null;
  if (core.length === 1) return runs as string[];
  const [first] = core;
  const oneCell = core.every((t) => t.glued && t.line === first.line && t.col === first.col);
  return oneCell && runs.every((r, i) => i === 0 || /^[+-]/.test(r!)) ? (runs as string[]) : null;
}

const digitCount = (runs: string[]) => runs.reduce((s, r) => s + r.replace(/^[+-]/, '').length, 0);

/** Digit runs among too few values: every consistent split, when the digits could be cells run together. */
export function splitRow(vals: Tok[], n: number, rules: RowRules, where: string, next: number): RowOutcome | null {
  let a = 0;
  let b = vals.length;
  while (a < b && vals[a].value.kind === 'blank') a++;
  while (b > a && vals[b - 1].value.kind === 'blank') b--;
  // Numbers that stand apart were cells apart, and one too few of them is a cell missing (a PDF
  // that dropped it), not two cells run together.
  const runs = runsOf(vals.slice(a, b));
  if (!runs) return null;
  const digits = digitCount(runs);
  if (digits < n) {
    // Fewer digits than cells: blanks vanished from this document. Read with them (a lone 0 is a
    // row of blanks and its 总计), once the document is read so throughout.
    rules.blanks?.evidence.push(where);
    if (rules.blanks?.assumeFilled !== false) return null;
  }
  if (runs.length > 1 && runs.length === digits) return null;
  const shown = runs.join(' ');
  const budget = rules.budget ?? { steps: SPLIT_LIMITS.maxSteps };
  const limits = () => ({ ...SPLIT_LIMITS, maxSteps: Math.max(0, Math.min(SPLIT_LIMITS.maxSteps, budget.steps)) });
  const tooMany: RowOutcome = {
    cells: null,
    next,
    problem: `${where}的数字连在一起（“${shown}”），可能的拆分太多，无法确定，这一行未读取，请核对`,
  };
  const outcome = (readings: (number | null)[][]): RowOutcome =>
    readings.length === 1
      ? { cells: readings[0].map((v) => (v === null ? { kind: 'blank' } : { kind: 'number', value: v })), next }
      : { cells: null, readings, digits: shown, next };
  const assume = rules.assume === 'never' ? false : rules.assume === 'oneDigitEach' ? digits === n : true;
  // Every reading, blanks allowed; those without a blank are among them unless the search stopped.
  const loose = readingsWithBlanks(runs, rules.groups, limits());
  budget.steps -= loose.steps;
  if (rules.blanks?.assumeFilled && assume) {
    let full = { readings: loose.readings.filter((r) => r.every((v) => v !== null)), capped: false };
    if (loose.capped) {
      const own = filledReadings(runs, rules.groups, limits());
      budget.steps -= own.steps;
      full = own;
    }
    if (full.capped) return tooMany;
    if (full.readings.length) {
      const out = outcome(full.readings);
      if (loose.capped) out.loose = 'capped';
      else if (loose.readings.length > full.readings.length) out.loose = loose.readings;
      if (out.loose) rules.blanks.taken++;
      return out;
    }
    // Only a reading with a blank fits: this document drops its blanks.
    rules.blanks.evidence.push(where);
  }
  if (loose.capped) return tooMany;
  if (!loose.readings.length) {
    return {
      cells: null,
      next,
      problem: `${where}的数字连在一起（“${shown}”），按本行的合计无法拆分，这一行未读取，请核对`,
    };
  }
  return outcome(loose.readings);
}

/**
 * Cells of a row that rest on the assumption of no vanished blank: every reading taken agrees on
 * them, and the readings a blank allowed would not.
 */
export function assumedColumns(taken: (number | null)[][], loose: (number | null)[][] | 'capped', n: number): number[] {
  const mine = agreed(taken, n);
  const other = loose === 'capped' ? null : agreed(loose, n);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (mine[i] !== undefined && (!other || other[i] === undefined)) out.push(i);
  return out;
}

/** The cells read on the assumption of no vanished blank, one note per table. */
export interface Assumed {
  row: string;
  where: string;
  cells: string[];
}

/** The cells of a row read that rest on the assumption of no vanished blank, if any. */
export function assumedOf(
  table: TableKey,
  rowId: string,
  columns: ColumnDef[],
  out: RowOutcome,
  where: string,
): Assumed | null {
  if (!out.loose) return null;
  const taken = out.readings ?? (out.cells ? [out.cells.map((c) => (c?.kind === 'number' ? c.value : null))] : null);
  if (!taken) return null;
  const cols = assumedColumns(taken, out.loose, columns.length);
  if (!cols.length) return null;
  return { row: `${table}.${rowId}`, where, cells: cols.map((i) => cellId(table, rowId, columns[i].id)) };
}

export function assumedProblem(entries: Assumed[]): TableProblem | null {
  if (!entries.length) return null;
  // 四、“行政诉讼未经复议直接起诉”、“行政诉讼复议后起诉”: the section named once.
  const mark = /^[一二三四五六七八九十]+、/.exec(entries[0].where)?.[0] ?? '';
  const rows = entries
    .map((e, i) => (i && mark && e.where.startsWith(mark) ? e.where.slice(mark.length) : e.where))
    .join('、');
  return {
    kind: 'assumed',
    message: `${rows}的数字连在一起，原文看不出哪里有空白格，已假定每格都有数字来拆分；如果原表有空白格，这些数字可能不对，请对照原文核对`,
    rows: entries.map((e) => e.row),
    cells: entries.flatMap((e) => e.cells),
  };
}

export const UNSURE_COLUMNS = '前后都有空白格，数字属于哪一列无法确定，这一行未读取，请核对';

/** Whether cells meet their groups' sums (a 总计 present and equal to the rest) and checks. */
function meetsGroups(cells: CellValue[], groups: BlankGroup[]): boolean {
  if (cells.some((c) => c.kind !== 'number' && c.kind !== 'blank')) return true;
  const v = cells.map((c) => (c.kind === 'number' ? c.value : null));
  let at = 0;
  for (const g of groups) {
    const part = v.slice(at, at + g.size);
    at += g.size;
    if (g.sum) {
      const total = part[part.length - 1];
      if (total === null || total !== part.slice(0, -1).reduce<number>((s, x) => s + (x ?? 0), 0)) return false;
    }
    if (g.check && !g.check(part)) return false;
  }
  return true;
}

/**
 * A row with blanks at both ends and more cells than columns: which blanks to drop decides the
 * column of every number. The sums choose where they can; where two choices both fit and place
 * the numbers differently, the row is left open ('open'). Undefined: one choice, or none fits
 * (the report's own sums disagree), so the usual choice stands.
 */
export function settleEnds(vals: Tok[], n: number, groups: BlankGroup[]): CellValue[] | 'open' | undefined {
  const ways = positionReadings(vals, n);
  if (ways.length < 2) return undefined;
  const fit = ways.filter((w) => meetsGroups(w, groups));
  const key = (w: CellValue[]) => w.map((c) => (c.kind === 'number' ? c.value : c.kind)).join(',');
  const distinct = new Set(fit.map(key));
  if (distinct.size === 1) return fit[0];
  if (distinct.size > 1 && groups.some((g) => g.sum || g.check)) return 'open';
  return undefined;
}
