// Excel export of a report's tables: 二, 三, 四 in the official layout with formula totals, a
// 校验 sheet of every 勾稽 rule, and the report itself in a hidden sheet for reading it back.
// Plain Node: never import 'electron'. Structure described in ../docx/README.md.
import ExcelJS from 'exceljs';
import { getFormat, reportTitle } from '../../../shared/format';
import type { Report } from '../../../shared/report/model';
import { withoutLedgerEntries } from '../../../shared/ledger/ledger';
import { serializeReport } from '../../../shared/report/schema';
import { reportGrids } from '../tables/grid';
import { addCheckSheet } from './checks';
import { addTableSheet, type CellMap } from './tables';

/** Hidden sheet holding org / year / format / schemaVersion and the report JSON. */
export const META_SHEET = '_nianbao';
/** Excel's limit per cell is 32767 characters: the JSON is split over B-column cells of its row. */
const CHUNK = 30000;

function addMetaSheet(wb: ExcelJS.Workbook, report: Report): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  ws.addRow(['key', 'value']);
  ws.addRow(['org', report.org]);
  ws.addRow(['year', report.year]);
  ws.addRow(['format', report.format]);
  ws.addRow(['schemaVersion', report.schemaVersion]);
  const json = serializeReport(withoutLedgerEntries(report));
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  ws.addRow(['json', ...chunks]);
}

export async function buildXlsx(report: Report): Promise<Uint8Array> {
  const format = getFormat(report.format);
  const wb = new ExcelJS.Workbook();
  wb.creator = report.org;
  wb.title = reportTitle(report.org, report.year);
  wb.subject = `${format.name}（${format.source}）`;
  wb.keywords = `nianbao org=${report.org} year=${report.year} format=${report.format} schemaVersion=${report.schemaVersion}`;
  wb.category = '政府信息公开工作年度报告';
  wb.created = new Date();
  // Excel and WPS recompute every formula on opening; the cached results are right already.
  wb.calcProperties = { fullCalcOnLoad: true };
  const map: CellMap = new Map();
  for (const grid of reportGrids(format)) addTableSheet(wb, report, grid, map);
  addCheckSheet(wb, report, map);
  addMetaSheet(wb, report);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
