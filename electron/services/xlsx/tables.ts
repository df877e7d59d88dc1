// One worksheet per table of 二, 三, 四 in the official layout (grids from services/tables),
// totals as formulas so that Excel and WPS recompute them when a number is changed.
import type { Workbook, Worksheet, Cell as XCell, Borders } from 'exceljs';
import { getFormat, relations, reportTitle, type SumRelation } from '../../../shared/format';
import { getCell } from '../../../shared/report/access';
import type { Report } from '../../../shared/report/model';
import { nearlyEqual, sumCells } from '../../../shared/rules/numbers';
import { gridRows, type GridCell, type TableGrid } from '../tables/grid';

/** Short sheet names by section number (a tab cannot hold the whole heading comfortably). */
const SHEET_SHORT: Record<number, string> = { 2: '主动公开', 3: '依申请公开', 4: '复议诉讼' };
/** The table starts on this row: row 1 is the report title, row 2 the section heading. */
export const TABLE_TOP = 3;

export function sheetName(report: Report, section: number): string {
  const s = getFormat(report.format).sections.find((x) => x.no === section)!;
  return `${s.numeral}、${SHEET_SHORT[section] ?? s.heading}`;
}

export function colLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Where each cell id of the report sits: sheet name and A1 address. */
export type CellMap = Map<string, { sheet: string; address: string }>;

export function ref(map: CellMap, id: string, fromSheet?: string): string {
  const at = map.get(id);
  if (!at) throw new Error(`cell ${id} is not on any sheet`);
  return at.sheet === fromSheet ? at.address : `'${at.sheet}'!${at.address}`;
}

/** A1:A9 when the cells form one row or column run on one sheet, otherwise A1,B3,… */
export function rangeRef(map: CellMap, ids: string[], fromSheet?: string): string {
  const at = ids.map((id) => map.get(id)!);
  const sameSheet = at.every((a) => a.sheet === at[0].sheet);
  const parse = (a: string) => {
    const m = a.match(/^([A-Z]+)(\d+)$/)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { col, row: Number(m[2]) };
  };
  const pts = at.map((a) => parse(a.address));
  const sameRow = pts.every((p, i) => p.row === pts[0].row && p.col === pts[0].col + i);
  const sameCol = pts.every((p, i) => p.col === pts[0].col && p.row === pts[0].row + i);
  if (sameSheet && ids.length > 1 && (sameRow || sameCol)) {
    const prefix = at[0].sheet === fromSheet ? '' : `'${at[0].sheet}'!`;
    return `${prefix}${at[0].address}:${at[at.length - 1].address}`;
  }
  return ids.map((id) => ref(map, id, fromSheet)).join(',');
}

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const allBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const BASE_FONT = { name: '宋体', size: 10.5 };

/** Display width of text in Excel character units: CJK counts two. */
export function textUnits(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 1 : 2;
  return w;
}

/** Excel column widths (characters) for a grid, from its relative widths. */
function excelWidths(grid: TableGrid): number[] {
  const total = grid.key === 'applications' ? 120 : grid.key === 'reviewLitigation' ? 135 : 90;
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  return grid.widths.map((w) => Math.max(6, Math.round((w / sum) * total * 10) / 10));
}

/**
 * The formula of each derived total. Where a cell is the target of two sums (（七）总计 × 总计),
 * the last relation wins, as in auto-sum. COUNT keeps a total blank while all its parts are blank.
 */
export function totalFormulas(report: Report): Map<string, SumRelation> {
  const out = new Map<string, SumRelation>();
  for (const s of relations(getFormat(report.format)).sums) out.set(s.target, s);
  return out;
}

export interface SheetResult {
  sheet: Worksheet;
  grid: TableGrid;
}

/** Lays out a grid; returns the sheet. Registers every value cell in `map` (and as a defined name). */
export function addTableSheet(wb: Workbook, report: Report, grid: TableGrid, map: CellMap): SheetResult {
  const name = sheetName(report, grid.section);
  const section = getFormat(report.format).sections.find((s) => s.no === grid.section)!;
  const landscape = grid.cols > 6;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      printTitlesRow: grid.headerRows ? `${TABLE_TOP}:${TABLE_TOP + grid.headerRows - 1}` : undefined,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: TABLE_TOP - 1 + grid.headerRows, xSplit: 0 }],
  });
  const widths = excelWidths(grid);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = colLetter(grid.cols - 1);

  ws.mergeCells(`A1:${last}1`);
  Object.assign(ws.getCell('A1'), {
    value: reportTitle(report.org, report.year),
    font: { name: '黑体', size: 14 },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  ws.getRow(1).height = 26;
  ws.mergeCells(`A2:${last}2`);
  Object.assign(ws.getCell('A2'), {
    value: `${section.numeral}、${section.heading}`,
    font: { name: '黑体', size: 12 },
    alignment: { horizontal: 'left', vertical: 'middle' },
  });
  ws.getRow(2).height = 22;

  const formulas = totalFormulas(report);
  const rows = gridRows(grid);
  // First pass: positions, so formulas can refer to cells laid out later.
  for (const c of grid.cells) {
    if (c.cell) map.set(c.cell, { sheet: name, address: `${colLetter(c.col)}${TABLE_TOP + c.row}` });
  }
  const lineUnits: number[] = Array(grid.rows).fill(1);
  for (const row of rows) {
    for (const c of row) {
      const top = TABLE_TOP + c.row;
      const from = `${colLetter(c.col)}${top}`;
      const to = `${colLetter(c.col + c.colSpan - 1)}${top + c.rowSpan - 1}`;
      if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(`${from}:${to}`);
      // Borders on every cell the merge covers, so the outline prints whole.
      for (let r = 0; r < c.rowSpan; r++) {
        for (let k = 0; k < c.colSpan; k++) ws.getCell(top + r, c.col + k + 1).border = allBorders;
      }
      const cell = ws.getCell(from);
      if (c.role === 'value') writeValue(cell, c, report, map, formulas, name);
      else cell.value = c.text;
      cell.font = BASE_FONT;
      const leftAligned = grid.key === 'applications' && (c.role === 'label' || c.role === 'note');
      cell.alignment = { horizontal: leftAligned ? 'left' : 'center', vertical: 'middle', wrapText: true };
      if (c.rowSpan === 1 && c.text) {
        const width = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
        lineUnits[c.row] = Math.max(lineUnits[c.row], Math.ceil(textUnits(c.text) / Math.max(1, width - 1)));
      }
    }
  }
  lineUnits.forEach((n, i) => (ws.getRow(TABLE_TOP + i).height = Math.max(20, n * 14 + 6)));
  return { sheet: ws, grid };
}

function writeValue(
  cell: XCell,
  c: GridCell,
  report: Report,
  map: CellMap,
  formulas: Map<string, SumRelation>,
  sheet: string,
): void {
  const id = c.cell!;
  const v = getCell(report, id);
  const rel = formulas.get(id);
  const sum = rel ? sumCells(rel.parts.map((p) => getCell(report, p))) : null;
  const consistent = rel && ((v === null && sum === null) || (v !== null && sum !== null && nearlyEqual(v, sum)));
  if (rel && consistent) {
    const range = rangeRef(map, rel.parts, sheet);
    cell.value = { formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, result: v === null ? '' : v };
  } else {
    // A total that disagrees with its parts stays as the user wrote it: the 校验 sheet shows the
    // difference instead of a formula silently "correcting" the report.
    cell.value = v;
  }
  cell.name = id;
  if (!rel) {
    cell.dataValidation =
      c.kind === 'count'
        ? {
            type: 'whole',
            operator: 'greaterThanOrEqual',
            formulae: [0],
            allowBlank: true,
            showErrorMessage: true,
            errorTitle: '数值有误',
            error: '件数应为不小于0的整数',
          }
        : c.kind === 'amount'
          ? {
              type: 'decimal',
              operator: 'greaterThanOrEqual',
              formulae: [0],
              allowBlank: true,
              showErrorMessage: true,
              errorTitle: '数值有误',
              error: '金额应为不小于0的数（单位：万元）',
            }
          : {
              type: 'whole',
              operator: 'between',
              formulae: [-1000000, 1000000],
              allowBlank: true,
              showErrorMessage: true,
              errorTitle: '数值有误',
              error: '应为整数',
            };
  }
}
