// Reading and writing cells of a report by cell id.
import { getFormat, parseCellId, type FormatDef } from '../format';
import type { Cell, Report, TableData } from './model';

export function tableOf(report: Report, table: string): TableData | undefined {
  switch (table) {
    case 'activeDisclosure':
      return report.activeDisclosure;
    case 'activeDisclosure2019':
      return report.activeDisclosure2019;
    case 'applications':
      return report.applications;
    case 'reviewLitigation':
      return report.reviewLitigation;
    default:
      return undefined;
  }
}

// Cell ids come from a small fixed set (the formats'), so parsing each once keeps the rule
// engine's hundreds of reads per check cheap. Bounded in case callers pass arbitrary ids.
const parsed = new Map<string, ReturnType<typeof parseCellId>>();

function parse(id: string): ReturnType<typeof parseCellId> {
  let p = parsed.get(id);
  if (p === undefined) {
    p = parseCellId(id);
    if (parsed.size < 5000) parsed.set(id, p);
  }
  return p;
}

export function getCell(report: Report, id: string): Cell {
  const p = parse(id);
  if (!p) return null;
  const v = tableOf(report, p.table)?.[p.rowId]?.[p.colId];
  return v === undefined ? null : v;
}

/** Returns a new report with one cell changed (structural sharing: only the touched row is copied). */
export function setCell(report: Report, id: string, value: Cell): Report {
  const p = parse(id);
  if (!p) return report;
  const table = tableOf(report, p.table);
  if (!table || !table[p.rowId]) return report;
  return { ...report, [p.table]: { ...table, [p.rowId]: { ...table[p.rowId], [p.colId]: value } } };
}

export function formatOf(report: Report): FormatDef {
  return getFormat(report.format);
}
