// The arithmetic relations of a format (勾稽关系), generated from its tables. The rule engine
// checks them; the editor's auto-sum evaluates the sums.
import { cellId } from './cells';
import type { FormatDef } from './types';

export type SumRuleId = 'matrix.rowTotal' | 'matrix.resultTotal' | 'review.total';

export interface SumRelation {
  rule: SumRuleId;
  /** Cell that must equal the sum of parts. */
  target: string;
  parts: string[];
  /** What is summed, for messages: e.g. 自然人列, （七）总计行. */
  scope: string;
  /** Part labels, in order, for messages. */
  partLabels: string[];
  targetLabel: string;
  /** How the parts are named in a message: 自然人+商业企业+… or （一）至（六）各项之和. */
  partsDesc: string;
}

export interface BalanceRelation {
  rule: 'matrix.balance';
  left: string[];
  right: string[];
  scope: string;
  leftLabel: string;
  rightLabel: string;
}

/** Rule 6: a row of section 二 whose closing count carries over from last year. */
export interface StockRelation {
  rule: 'active.inForce';
  rowId: string;
  /** The row's own label, e.g. 行政规范性文件. */
  label: string;
  added: string;
  removed: string;
  closing: string;
  addedLabel: string;
  removedLabel: string;
  closingLabel: string;
}

export interface Relations {
  sums: SumRelation[];
  balances: BalanceRelation[];
  stocks: StockRelation[];
}

const cache = new WeakMap<FormatDef, Relations>();

/**
 * A matrix row named for a message without its outermost group: 一、本年新收…, （一）予以公开,
 * （三）不予公开1.属于国家秘密 (a bare 1.属于国家秘密 or 3.其他 would be ambiguous).
 */
export function rowScopeLabel(path: string[]): string {
  const own = path[path.length - 1];
  return path.length >= 3 ? path[path.length - 2] + own : own;
}

/** Short numeral of a matrix row for messages: 一, 二, 三（七）, 四. */
export function shortRowLabel(format: FormatDef, rowId: string): string {
  const row = format.applications.rows.find((r) => r.id === rowId);
  if (!row) return rowId;
  const own = row.path[row.path.length - 1];
  const head = row.path[0].match(/^([一二三四五六七八九十]+)、/);
  const sub = own.match(/^（[一二三四五六七八九十]+）/);
  if (row.path.length === 1 && head) return head[1];
  if (head && sub) return head[1] + sub[0];
  return own;
}

function resultPartsDesc(format: FormatDef): string {
  const m = format.applications;
  const sub = (id: string) =>
    m.rows.find((r) => r.id === id)?.path[1]?.match(/^（[一二三四五六七八九十]+）/)?.[0] ?? id;
  return `${sub(m.resultRows[0])}至${sub(m.resultRows[m.resultRows.length - 1])}各项之和`;
}

export function relations(format: FormatDef): Relations {
  const hit = cache.get(format);
  if (hit) return hit;
  const m = format.applications;
  const dataCols = m.columns.filter((c) => !c.isTotal);
  const sums: SumRelation[] = [];
  // Column sums first (rule 3), then row totals (rule 2): auto-sum evaluates in this order so that
  // the row total of （七）总计 sees the column sums already computed.
  for (const col of m.columns) {
    sums.push({
      rule: 'matrix.resultTotal',
      target: cellId('applications', m.resultTotalRow, col.id),
      parts: m.resultRows.map((r) => cellId('applications', r, col.id)),
      scope: `${col.label}列`,
      partLabels: m.resultRows.map((r) => shortRowLabel(format, r)),
      targetLabel: shortRowLabel(format, m.resultTotalRow),
      partsDesc: resultPartsDesc(format),
    });
  }
  for (const row of m.rows) {
    sums.push({
      rule: 'matrix.rowTotal',
      target: cellId('applications', row.id, m.totalColumn),
      parts: dataCols.map((c) => cellId('applications', row.id, c.id)),
      scope: `“${rowScopeLabel(row.path)}”行`,
      partLabels: dataCols.map((c) => c.label),
      targetLabel: m.columns.find((c) => c.id === m.totalColumn)!.label,
      partsDesc: dataCols.map((c) => c.label).join('+'),
    });
  }
  const r = format.review;
  const reviewParts = r.columns.filter((c) => !c.isTotal);
  for (const g of r.groups) {
    sums.push({
      rule: 'review.total',
      target: cellId('reviewLitigation', g.id, r.totalColumn),
      parts: reviewParts.map((c) => cellId('reviewLitigation', g.id, c.id)),
      scope: g.path.join('·'),
      partLabels: reviewParts.map((c) => c.label),
      targetLabel: r.columns.find((c) => c.id === r.totalColumn)!.label,
      partsDesc: reviewParts.map((c) => c.label).join('+'),
    });
  }
  const balances: BalanceRelation[] = m.columns.map((col) => ({
    rule: 'matrix.balance',
    left: [cellId('applications', m.newRow, col.id), cellId('applications', m.carriedOverRow, col.id)],
    right: [cellId('applications', m.resultTotalRow, col.id), cellId('applications', m.carryForwardRow, col.id)],
    scope: `${col.label}列`,
    leftLabel: `${shortRowLabel(format, m.newRow)}+${shortRowLabel(format, m.carriedOverRow)}`,
    rightLabel: `${shortRowLabel(format, m.resultTotalRow)}+${shortRowLabel(format, m.carryForwardRow)}`,
  }));
  const stocks: StockRelation[] = [];
  for (const block of format.disclosure) {
    if (!block.stock) continue;
    const col = (id: string) => block.columns.find((c) => c.id === id)!.label;
    for (const row of block.rows) {
      stocks.push({
        rule: 'active.inForce',
        rowId: row.id,
        label: row.path[row.path.length - 1],
        added: cellId(format.disclosureKey, row.id, block.stock.added),
        removed: cellId(format.disclosureKey, row.id, block.stock.removed),
        closing: cellId(format.disclosureKey, row.id, block.stock.closing),
        addedLabel: col(block.stock.added),
        removedLabel: col(block.stock.removed),
        closingLabel: col(block.stock.closing),
      });
    }
  }
  const out = { sums, balances, stocks };
  cache.set(format, out);
  return out;
}

/** Cells that are targets of a sum: shown read-only while auto-sum is on. */
export function derivedCells(format: FormatDef): Set<string> {
  return new Set(relations(format).sums.map((s) => s.target));
}
