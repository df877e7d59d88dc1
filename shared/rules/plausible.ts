// Rule 7, the plausibility half: figures a clerk most likely mistyped (a digit too many, a key
// held down). Only warnings — a real figure may be large — and only on the figures typed, not on
// the totals computed from them (the typed figure is the one to check).
import { derivedCells, type FormatDef } from '../format';
import { fmt } from './numbers';
import { read, type Plan, type Tables } from './plan';
import type { Finding } from './types';

/** From this many digits before the decimal point a figure is beyond what a report's cells hold. */
export const MAX_PLAUSIBLE_DIGITS = 8;
/** A figure this many times the typical figure of its table is worth a second look … */
export const FAR_ABOVE_FACTOR = 100;
/** … when it is at least this large, and the table holds enough other figures to compare with. */
export const FAR_ABOVE_MIN = 1000;
const FAR_ABOVE_PEERS = 3;

function digits(v: number): number {
  return String(Math.trunc(Math.abs(v))).length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const derivedOf = new WeakMap<FormatDef, Set<string>>();

export function checkPlausible(format: FormatDef, plan: Plan, t: Tables, out: Finding[]): void {
  let derived = derivedOf.get(format);
  if (!derived) derivedOf.set(format, (derived = derivedCells(format)));
  // The typed, non-zero counts of each table: what "the report's other figures" look like there.
  const byTable = new Map<string, { id: string; v: number; label: string }[]>();
  for (const row of plan.rows) {
    for (const c of row.cells) {
      if (derived.has(c.id)) continue;
      const v = read(t, { table: row.table, row: row.rowId, col: c.col });
      if (v === null || v === 0) continue;
      const label = `${row.label}的“${c.colLabel}”`;
      if (digits(v) > MAX_PLAUSIBLE_DIGITS) {
        out.push({
          rule: 'value.implausible',
          severity: 'warning',
          message: `${label}填写了${fmt(v)}，有${digits(v)}位数，超出这类数字的常见范围：请核对是否多输了数字`,
          cells: [c.id],
        });
        continue;
      }
      // 二's figures are of unlike things (规章 a handful, 行政许可 thousands): compared only in 三 and 四.
      if (c.kind !== 'count' || row.table === format.disclosureKey) continue;
      let list = byTable.get(row.table);
      if (!list) byTable.set(row.table, (list = []));
      list.push({ id: c.id, v, label });
    }
  }
  for (const list of byTable.values()) {
    if (list.length <= FAR_ABOVE_PEERS) continue;
    for (const x of list) {
      if (x.v < FAR_ABOVE_MIN) continue;
      const typical = median(list.filter((y) => y !== x).map((y) => y.v));
      if (x.v < FAR_ABOVE_FACTOR * typical) continue;
      out.push({
        rule: 'value.implausible',
        severity: 'warning',
        message: `${x.label}填写了${fmt(x.v)}，远大于本表其他数字（一般在${fmt(typical)}左右）：请核对是否多输了数字`,
        cells: [x.id],
      });
    }
  }
}
