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

export function getCell(report: Report, id: string): Cell {
  const p = parseCellId(id);
  if (!p) return null;
  const v = tableOf(report, p.table)?.[p.rowId]?.[p.colId];
  return v === undefined ? null : v;
}

/** Returns a new report with one cell changed (structural sharing: only the touched row is copied). */
export function setCell(report: Report, id: string, value: Cell): Report {
  const p = parseCellId(id);
  if (!p) return report;
  const table = tableOf(report, p.table);
  if (!table || !table[p.rowId]) return report;
  return { ...report, [p.table]: { ...table, [p.rowId]: { ...table[p.rowId], [p.colId]: value } } };
}

export function formatOf(report: Report): FormatDef {
  return getFormat(report.format);
}
