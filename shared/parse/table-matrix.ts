// 三 the matrix: rows found by their labels (or aligned to the format's order), digit runs split by
// each row's total and then by the columns' sums, a 总计 column that fell off derived and said.
import type { TableData } from '../report/model';
import { cellId, ownLabel, type FormatDef, type RowDef } from '../format';
import { prepareLabel } from '../format/match';
import { type BlankGroup } from './digit-runs';
import { alignLabels } from './label-align';
import { Ledger } from './ledger';
import type { Lexicon, Target } from './lexicon';
import { lexiconFor } from './lexicon';
import { emptyTable } from '../report/defaults';
import type { Line } from './lines';
import { solveRows, type RowBalance, type RowState } from './run-solver';
import { sliceTokens, tokensOf, type Tok } from './tokens';
import {
  rowName,
  sectionMark,
  collectValues,
  describeFailure,
  readRow,
  store,
  storeReadings,
  headerIndices,
  validIndices,
  linesAbove,
  withLedger,
  type Range,
  type TableRead,
} from './table-rows';
import {
  SPLIT_STEPS_PER_TABLE,
  assumedColumns,
  assumedProblem,
  type Assumed,
  type BlankPolicy,
  type RowOutcome,
  type RowRules,
} from './table-runs';

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
  if (run.length < n - 1 || run.length > n || !run.some((t) => t.value.kind !== 'blank')) return null;
  if (run.some((t) => t.line >= label.line)) return null;
  // Whole lines only: not the tail of a line whose head another row took.
  if (start > 0 && toks[start - 1].line === run[0].line) return null;
  if (start > 0 && toks[start - 1].value.kind === 'text' && !known(start - 1)) return null;
  return run;
}

/** The matrix's column sums (一+二 = 三（七）+四; 三（七） = （一）…（六）) wherever they can be checked. */
function columnChecks(format: FormatDef, data: TableData): { checked: number; failed: number } {
  const m = format.applications;
  const v = (row: string, col: string) => data[row]?.[col] ?? null;
  let checked = 0;
  let failed = 0;
  for (const c of m.columns) {
    const parts = m.resultRows.map((r) => v(r, c.id));
    const total = v(m.resultTotalRow, c.id);
    if (total !== null && parts.every((x) => x !== null)) {
      checked++;
      if (parts.reduce<number>((a, b) => a + (b ?? 0), 0) !== total) failed++;
    }
    const side = [v(m.newRow, c.id), v(m.carriedOverRow, c.id), total, v(m.carryForwardRow, c.id)];
    if (side.every((x) => x !== null)) {
      checked++;
      const [a, b, t, f] = side as number[];
      if (a + b !== t + f) failed++;
    }
  }
  return { checked, failed };
}

/** Whether the column sums hold wherever they can be checked, and can be somewhere. */
function columnsHold(format: FormatDef, data: TableData): boolean {
  const { checked, failed } = columnChecks(format, data);
  return checked > 0 && failed === 0;
}

/**
 * A row's worth of numbers among the rows that no row took: some row got numbers not its own.
 * Numbers right beside a label the table cannot place (too garbled: 1.属国于家秘密) are that
 * row's, and tell nothing about the others.
 */
function leftOver(toks: Tok[], taken: Uint8Array, n: number, isRow: (i: number) => boolean): boolean {
  const first = taken.indexOf(1);
  const last = taken.lastIndexOf(1);
  /** The texts of the line at token i (before or after a run) are there but name no row. */
  const stranger = (i: number, step: 1 | -1) => {
    const line = toks[i]?.line;
    let texts = 0;
    for (let j = i; j >= 0 && j < toks.length && toks[j].line === line && toks[j].value.kind === 'text'; j += step) {
      if (isRow(j)) return false;
      texts++;
    }
    return texts > 0;
  };
  let run = 0;
  let start = -1;
  for (let i = first; first >= 0 && i <= last + 1; i++) {
    if (i <= last && toks[i].value.kind !== 'text' && !taken[i]) {
      if (run === 0) start = i;
      if (toks[i].value.kind !== 'blank') run++;
      continue;
    }
    if (run >= n - 1 && !stranger(start - 1, -1) && !stranger(i, 1)) return true;
    run = 0;
  }
  return false;
}

/** A row's worth of numbers between the table's first label and the first numbers a row took, taken by none. */
function untakenBefore(toks: Tok[], taken: Uint8Array, lex: Lexicon, n: number): boolean {
  const first = taken.indexOf(1);
  let i = toks.findIndex((t) => t.value.kind === 'text' && !!lex.match(t.text));
  let run = 0;
  for (; i >= 0 && i < first; i++) {
    if (toks[i].value.kind === 'text') run = 0;
    else if (toks[i].value.kind !== 'blank' && ++run >= n - 1) return true;
  }
  return false;
}

/** A label alone on its line with numbers right before it that no row took. */
function aloneWithNumbersBefore(toks: Tok[], k: number, consumed: number): boolean {
  const after = toks[k + 1];
  if (after && after.value.kind !== 'text' && after.line === toks[k].line) return false;
  return valuesBefore(toks, k, consumed).some((t) => t.value.kind !== 'blank');
}

export function readMatrix(
  lines: Line[],
  range: Range,
  format: FormatDef,
  problems: string[] | Ledger,
  all?: Tok[],
  blanks?: BlankPolicy,
): TableRead {
  return withLedger(problems, (ledger) => readMatrixInto(lines, range, format, ledger, all, blanks));
}

function readMatrixInto(
  lines: Line[],
  range: Range,
  format: FormatDef,
  ledger: Ledger,
  all?: Tok[],
  blanks?: BlankPolicy,
): TableRead {
  const lex = lexiconFor(format).matrix;
  const m = format.applications;
  const data = emptyTable(m.rows, m.columns);
  const toks = all ? sliceTokens(all, range.from, range.to) : tokensOf(lines, range.from, range.to, { format });
  const where = (row: RowDef) => `${sectionMark(format, 3)}第“${rowName(row.path)}”行`;
  const colIds = m.columns.map((c) => c.id);
  const mappings = new Map<number, number[] | null>();
  const totalAt = m.columns.findIndex((c) => c.id === m.totalColumn);
  // A row's 总计 is the sum of its six columns; it is there even where other cells are blank.
  const rowSum: BlankGroup = { size: m.columns.length, sum: totalAt === m.columns.length - 1 };
  const rules: RowRules = {
    groups: [rowSum],
    budget: { steps: SPLIT_STEPS_PER_TABLE },
    blanks,
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
  const pending = new Map<string, { readings: (number | null)[][]; digits: string }>();
  const derivedRows: string[] = [];
  /** Rows read on the assumption that no blank vanished, with what a blank allowed would leave. */
  const looseOf = new Map<string, NonNullable<RowOutcome['loose']>>();
  let cells = 0;
  let prevLine = -1;
  let prevRow = '';
  /** Tokens before this index were taken by a row already. */
  let consumed = 0;
  /** Rows that took numbers printed above their label: kept only if the columns' sums hold. */
  const placed = new Set<string>();
  /** Lone labels that took the numbers after them: in a table that prints numbers above, not theirs. */
  const below = new Set<string>();
  const cellsOf = new Map<string, number>();
  /** The last label had no numbers after it at all. */
  let lastEmpty = false;
  /** Some label had no numbers after it at all (in a table printed one way, every row has its own). */
  let anyEmpty = false;
  /** Tokens some row read. */
  const taken = new Uint8Array(toks.length);

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
    if (!above && aloneWithNumbersBefore(toks, k, consumed)) {
      // Numbers above that no row took, and numbers below: whose are which cannot be told.
      ledger.rowFailed(
        'applications',
        rowId,
        colIds,
        `${where(row)}的上方和下方都有数字，无法确定哪些是这一行的，这一行未读取，请核对`,
      );
      continue;
    }
    let out = readRow(lines, toks, k, lex, target, m.columns, indices, where(row), rules, above ?? undefined);
    if (above && (out.cells || out.readings)) placed.add(rowId);
    else if ((out.cells || out.readings) && !t.strong && toks[k + 1]?.line !== t.line) below.add(rowId);
    // Two rows of numbers after a lone label: its own, then the next label's printed above it.
    if (!out.cells && !out.readings && !above && !t.strong) {
      const { vals } = collectValues(toks, k, lex, target);
      const n = m.columns.length;
      if (vals.length > n) {
        // The numbers beyond its own row's worth stay for the rows after it to account for.
        const rest = toks.indexOf(vals[n], k);
        const first = readRow(lines, toks, k, lex, target, m.columns, null, where(row), rules, vals.slice(0, n));
        if (first.cells) {
          out = { ...first, next: rest };
          placed.add(rowId);
        } else out = { ...out, next: rest };
      }
    }
    if (above) for (const v of above) taken[toks.indexOf(v, Math.max(0, k - above.length - 1))] = 1;
    else for (let i = k + 1; i < out.next; i++) taken[i] = 1;
    consumed = Math.max(consumed, out.next);
    k = Math.max(k, out.next - 1);
    if (out.loose && (out.cells || out.readings)) looseOf.set(rowId, out.loose);
    if (out.cells) {
      const n = store(data, 'applications', rowId, m.columns, out.cells, where(row), ledger);
      cells += n;
      cellsOf.set(rowId, n);
      ledger.rowRead('applications', rowId);
      states.set(rowId, { values: m.columns.map((c) => data[rowId][c.id] ?? null) });
      if (out.derived) derivedRows.push(rowId);
    } else if (out.readings) {
      pending.set(rowId, { readings: out.readings, digits: out.digits ?? '' });
      states.set(rowId, { readings: out.readings });
    } else {
      ledger.rowFailed('applications', rowId, colIds, out.problem ?? describeFailure(where(row), 0, 0, colIds.length));
    }
    lastEmpty = !out.cells && !out.readings && out.next === k + 1;
    if (lastEmpty) anyEmpty = true;
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
  const balances: RowBalance[] = [
    { left: [m.resultTotalRow], right: m.resultRows },
    { left: [m.newRow, m.carriedOverRow], right: [m.resultTotalRow, m.carryForwardRow] },
  ];
  const solution = pending.size ? solveRows(states, balances, m.columns.length) : null;
  const solved: Map<string, (number | null)[][]> = solution?.readings ?? new Map();
  const readingsOf = (rowId: string) =>
    solved.get(rowId) ?? pending.get(rowId)?.readings ?? [m.columns.map((c) => data[rowId][c.id] ?? null)];
  if (looseOf.size) {
    // The same, had a blank been allowed anywhere: the cells on which the two differ rest on the assumption.
    const loose = new Map(states);
    for (const [rowId, l] of looseOf) if (l !== 'capped') loose.set(rowId, { readings: l });
    const other = solveRows(loose, balances, m.columns.length).readings;
    const entries: Assumed[] = [];
    for (const [rowId, l] of looseOf) {
      const n = m.columns.length;
      const cols = assumedColumns(readingsOf(rowId), l === 'capped' ? l : (other.get(rowId) ?? l), n);
      const row = m.rows.find((r) => r.id === rowId)!;
      if (cols.length)
        entries.push({
          row: `applications.${rowId}`,
          where: where(row),
          cells: cols.map((i) => cellId('applications', rowId, m.columns[i].id)),
        });
    }
    const note = assumedProblem(entries);
    if (note) ledger.add(note);
  }
  for (const [rowId, p] of pending) {
    const row = m.rows.find((r) => r.id === rowId)!;
    cells += storeReadings(data, 'applications', rowId, m.columns, readingsOf(rowId), p.digits, where(row), ledger);
    ledger.rowRead('applications', rowId);
  }
  // Rows read as if no blank vanished, and the columns' sums fail: a blank may have vanished after all.
  if (looseOf.size && blanks && (solution?.gaveUp === 'inconsistent' || columnChecks(format, data).failed > 0))
    blanks.evidence.push(sectionMark(format, 3));
  // A row of numbers before the first row that none took, and none after the last label: the
  // numbers stand above their labels, and every lone label that read downwards took its neighbour's.
  const shifted =
    below.size > 0 && lastEmpty && (untakenBefore(toks, taken, lex, m.columns.length) || !columnsHold(format, data));
  if (placed.size || shifted) {
    const unsure =
      anyEmpty || !columnsHold(format, data) || leftOver(toks, taken, m.columns.length, (i) => rowAt(i) !== null);
    // Each cell a line of its own (a PDF read as a stream): a lone label tells nothing there.
    const stream = toks.every((x, i) => i === 0 || x.value.kind === 'text' || x.line !== toks[i - 1].line);
    const suspects = stream && !shifted && !unsure ? [] : [...below].filter((id) => !placed.has(id));
    for (const rowId of [...(unsure ? placed : []), ...suspects]) {
      const row = m.rows.find((r) => r.id === rowId)!;
      for (const c of m.columns) data[rowId][c.id] = null;
      cells -= cellsOf.get(rowId) ?? 0;
      ledger.retract('applications', rowId);
      ledger.rowFailed(
        'applications',
        rowId,
        colIds,
        `${where(row)}的数字印在行标签的上方或下方，按各列合计无法确定是哪一行的，这一行未读取，请核对`,
      );
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
