// What this year's report keeps of last year's: balances and text.
import { allCells, getFormat, relations } from '../format';
import { getCell, type Cell, type PreviousYear, type Report } from '../report';

export function summarizePrevious(last: Report, source = ''): PreviousYear {
  // Rule 6's baseline: the closing counts of the format's stock rows (规章, 行政规范性文件).
  // The 2019 format has none (its 对外公开总数量 counts something else): no baseline.
  const format = getFormat(last.format);
  const inForce: Record<string, Cell> = { rules: null, normativeDocs: null };
  for (const s of relations(format).stocks) inForce[s.rowId] = getCell(last, s.closing);
  return {
    year: last.year,
    org: last.org,
    format: last.format,
    inForce: inForce as PreviousYear['inForce'],
    carryForward: { ...(last.applications[format.applications.carryForwardRow] ?? {}) },
    narrative: last.narrative,
    // For 同比 in the drafted paragraphs (shared/draft).
    figures: Object.fromEntries(allCells(format).map((c) => [c.id, getCell(last, c.id)])),
    source,
  };
}
