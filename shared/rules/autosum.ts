// Auto-sum: totals computed from their parts, in the order the format's relations give.
import type { Report, TableData } from '../report';
import { formatOf } from '../report';
import { planOf, read, tablesOf } from './plan';

/** Every derivable total and the value its parts give (null when all parts are blank). */
export function derivedTotals(report: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const t = tablesOf(report);
  for (const { rel, parts } of planOf(formatOf(report)).sums) {
    // A part that is itself derived (a row total inside （七）总计's column) counts with its derived value.
    let sum: number | null = null;
    for (let i = 0; i < parts.length; i++) {
      const id = rel.parts[i];
      const v = out.has(id) ? out.get(id)! : read(t, parts[i]);
      if (v !== null) sum = (sum ?? 0) + v;
    }
    out.set(rel.target, sum === null ? null : Math.round(sum * 10000) / 10000);
  }
  return out;
}

/** The report with every total replaced by the sum of its parts (the same object when nothing changes). */
export function applyAutoTotals(report: Report): Report {
  const derived = derivedTotals(report);
  const t = tablesOf(report);
  let next: Report | null = null;
  const copied = new Set<string>();
  for (const { rel, target } of planOf(formatOf(report)).sums) {
    const v = derived.get(rel.target)!;
    if (!t[target.table]?.[target.row] || read(t, target) === v) continue;
    next ??= { ...report };
    const tables = next as unknown as Record<string, TableData>;
    // Copy each touched table and row once: the editor relies on unchanged rows keeping identity.
    if (!copied.has(target.table)) {
      tables[target.table] = { ...tables[target.table] };
      copied.add(target.table);
    }
    const rowKey = `${target.table}.${target.row}`;
    if (!copied.has(rowKey)) {
      tables[target.table][target.row] = { ...tables[target.table][target.row] };
      copied.add(rowKey);
    }
    tables[target.table][target.row][target.col] = v;
  }
  return next ?? report;
}
