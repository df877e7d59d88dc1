// 二 the small tables of 第二十条: each block's header in its own order; digit runs split with last
// year's 现行有效件数 when known (rule 6).
import { ownLabel, type ColumnDef, type DisclosureBlockDef, type FormatDef } from '../format';
import type { TableData } from '../report/model';
import { type BlankGroup } from './digit-runs';
import { Ledger } from './ledger';
import { lexiconFor, type Match, type Target } from './lexicon';
import { likeness } from './label-align';
import { prepareLabel } from '../format/match';
import { emptyDisclosure } from '../report/defaults';
import type { Line } from './lines';
import { sliceTokens, tokensOf, type Tok } from './tokens';
import {
  sectionMark,
  describeFailure,
  readRow,
  store,
  storeReadings,
  withLedger,
  type Range,
  type TableContext,
  type TableRead,
} from './table-rows';
import {
  SPLIT_STEPS_PER_TABLE,
  assumedOf,
  assumedProblem,
  type Assumed,
  type BlankPolicy,
  type RowRules,
} from './table-runs';

export function readDisclosure(
  lines: Line[],
  range: Range,
  format: FormatDef,
  problems: string[] | Ledger,
  all?: Tok[],
  context: TableContext = {},
  blanks?: BlankPolicy,
): TableRead {
  return withLedger(problems, (ledger) => readDisclosureInto(lines, range, format, ledger, all, context, blanks));
}

/** Rule 6 as a check of a digit run's reading: 现行有效 = last year's + 制发 − 废止. */
function stockGroup(
  columns: ColumnDef[],
  stock: { added: string; removed: string; closing: string } | undefined,
  last: number | null | undefined,
): BlankGroup {
  const at = (id: string) => columns.findIndex((c) => c.id === id);
  if (!stock || last === null || last === undefined) return { size: columns.length };
  const [a, r, c] = [at(stock.added), at(stock.removed), at(stock.closing)];
  if (a < 0 || r < 0 || c < 0) return { size: columns.length };
  // A blank 制发 or 废止 is none; a blank 现行有效 cannot be checked.
  return {
    size: columns.length,
    check: (v) => v[c] !== null && v[c] === last + (v[a] ?? 0) - (v[r] ?? 0) && (v[r] ?? 0) <= last + (v[a] ?? 0),
  };
}

/**
 * What any reading of a row must satisfy besides rule 6: only a change (本年增/减) is below 0,
 * and an item count plus its change is this year's count, never below 0; with last year's report,
 * 上一年项目数量 is last year's count (2019 format).
 */
function withinReason(
  columns: ColumnDef[],
  block: DisclosureBlockDef,
  group: BlankGroup,
  lastItems: number | null | undefined,
): BlankGroup {
  const signed = columns.map((c) => c.kind === 'change');
  const last = block.items ? columns.findIndex((c) => c.id === block.items!.last) : -1;
  const change = block.items ? columns.findIndex((c) => c.id === block.items!.change) : -1;
  const check = group.check;
  // Last year's report known: this year's 上一年项目数量 is its count (its 上一年项目数量 + 本年增/减); as with
  // rule 6, a reading that leaves it blank is not taken.
  const known = last >= 0 && lastItems !== null && lastItems !== undefined ? lastItems : null;
  return {
    ...group,
    check: (v) =>
      v.every((x, i) => x === null || x >= 0 || signed[i]) &&
      (last < 0 || change < 0 || v[last] === null || (v[last] ?? 0) + (v[change] ?? 0) >= 0) &&
      (known === null || v[last] === known) &&
      (!check || check(v)),
  };
}

/** Likeness a mistyped row label needs, and its lead over the next row of the block. */
const MISTYPED = { least: 0.7, margin: 0.15 };

/**
 * A row label of the current block as mistyped (行政许囗, 行政事性收费): a short text right
 * before a number, most like one row of the block not yet found and clearly less like the others.
 */
function mistyped(t: Tok, next: Tok | undefined, block: DisclosureBlockDef | null, seen: Set<string>): Match | null {
  if (!block || !next || next.value.kind === 'text' || t.text.length > 20) return null;
  const found = prepareLabel(t.text);
  const scored = block.rows
    .map((r) => ({
      r,
      s: Math.max(...[ownLabel(r.path), ...(r.aliases ?? [])].map((l) => likeness(found, prepareLabel(l)))),
    }))
    .sort((a, b) => b.s - a.s);
  const [best, second] = scored;
  if (!best || seen.has(best.r.id) || best.s < MISTYPED.least || (second && best.s - second.s < MISTYPED.margin))
    return null;
  return { target: { kind: 'disclosureRow', blockId: block.id, rowId: best.r.id }, score: best.s };
}

function readDisclosureInto(
  lines: Line[],
  range: Range,
  format: FormatDef,
  ledger: Ledger,
  all: Tok[] | undefined,
  context: TableContext,
  blanks: BlankPolicy | undefined,
): TableRead {
  const table = format.disclosureKey;
  const assumed: Assumed[] = [];
  const lex = lexiconFor(format).disclosure;
  const data: TableData = emptyDisclosure(format);
  const toks = all ? sliceTokens(all, range.from, range.to) : tokensOf(lines, range.from, range.to, { format });
  const seen = new Set<string>();
  const budget = { steps: SPLIT_STEPS_PER_TABLE };
  let cells = 0;
  /** Header columns seen since the last block label, in order, with the line they sit on. */
  let header: { colId: string; tok: Tok }[] = [];
  let inHeader = false;
  /** The block (第二十条第（x）项) whose label came last: where a mistyped row label is looked for. */
  let block: DisclosureBlockDef | null = null;

  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.value.kind !== 'text') continue;
    const match: Match | null = lex.match(t.text) ?? mistyped(t, toks[k + 1], block, seen);
    if (!match) {
      inHeader = false;
      continue;
    }
    const tg: Target = match.target;
    if (tg.kind === 'block') {
      block = format.disclosure.find((b) => b.id === tg.blockId) ?? null;
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
    const own: DisclosureBlockDef = format.disclosure.find((b) => b.id === tg.blockId)!;
    block = own;
    const row = own.rows.find((r) => r.id === tg.rowId)!;
    const where = `${sectionMark(format, 2)}${own.label}“${ownLabel(row.path)}”行`;
    // The header's order when it names exactly this block's columns; the format's order otherwise.
    const ids = new Set(own.columns.map((c) => c.id));
    const fits = header.length === own.columns.length && header.every((h) => ids.has(h.colId));
    const columns = fits ? header.map((h) => own.columns.find((c) => c.id === h.colId)!) : own.columns;
    let indices: number[] | null = null;
    if (
      fits &&
      t.strong &&
      header.every((h) => h.tok.strong && h.tok.line === header[0].tok.line && h.tok.table === t.table)
    ) {
      indices = header.map((h) => h.tok.col);
    }
    const rules: RowRules = {
      groups: [
        withinReason(
          columns,
          own,
          stockGroup(columns, own.stock, context.lastInForce?.[tg.rowId]),
          context.lastItems?.[tg.rowId],
        ),
      ],
      budget,
      blanks,
      assume: 'never',
    };
    const out = readRow(lines, toks, k, lex, tg, columns, indices, where, rules);
    k = Math.max(k, out.next - 1);
    const guess = assumedOf(table, tg.rowId, columns, out, where);
    if (guess) assumed.push(guess);
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
  const note = assumedProblem(assumed);
  if (note) ledger.add(note);
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
