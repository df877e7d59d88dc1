// Auto-sum: totals computed from their parts, in the order the format's relations give.
import { relations } from '../format';
import { formatOf, getCell, setCell, type Report } from '../report';
import { sumCells } from './numbers';

/** Every derivable total and the value its parts give (null when all parts are blank). */
export function derivedTotals(report: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const value = (id: string) => (out.has(id) ? out.get(id)! : getCell(report, id));
  for (const s of relations(formatOf(report)).sums) {
    out.set(s.target, sumCells(s.parts.map(value)));
  }
  return out;
}

/** The report with every total replaced by the sum of its parts. */
export function applyAutoTotals(report: Report): Report {
  let next = report;
  for (const [id, v] of derivedTotals(report)) {
    if (getCell(next, id) !== v) next = setCell(next, id, v);
  }
  return next;
}
