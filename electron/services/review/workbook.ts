// The reviewer's workbook: one row per report, every finding, and the county's figures with each
// organ's share. Plain Node (exceljs); the figures come from shared/review, not from here.
import ExcelJS from 'exceljs';
import { getFormat } from '../../../shared/format';
import {
  duplicateNote,
  FIGURE_LABELS,
  findingPlace,
  percent,
  type FigureKey,
  type KeyFigures,
  type ReviewResult,
} from '../../../shared/review';
import { groupBlanks, RULES } from '../../../shared/rules';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

/** The figures shown per report and for the county, in this order. */
export const SHOWN_FIGURES: FigureKey[] = [
  'received',
  'carriedOver',
  'handled',
  'disclosed',
  'substantiveRate',
  'reviewCases',
  'reviewCorrected',
  'reviewCorrectionRate',
  'litigationCases',
  'litigationCorrected',
  'litigationCorrectionRate',
  'fees',
];

const figureCells = (f: KeyFigures | null) => SHOWN_FIGURES.map((k) => f?.[k] ?? null);

function styleHeader(ws: ExcelJS.Worksheet): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.height = 32;
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
}

function widths(ws: ExcelJS.Worksheet, list: number[]): void {
  list.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

export async function buildReviewWorkbook(result: ReviewResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = '政府信息公开工作年度报告审核';
  wb.created = new Date();

  const list = wb.addWorksheet('报告一览');
  list.addRow([
    '机关',
    '年度',
    '文件',
    '格式',
    '读取问题',
    '错误',
    '警告',
    '与上年重复（%）',
    ...SHOWN_FIGURES.map((k) => FIGURE_LABELS[k]),
    '上年报告',
    '备注',
  ]);
  for (const r of result.reports) {
    list.addRow([
      r.isReport ? r.org : '（不是报告）',
      r.year,
      r.file,
      r.format ? getFormat(r.format).name : '',
      r.readProblems.join('；'),
      r.isReport ? r.errors : null,
      r.isReport ? r.warnings : null,
      r.repeatPercent,
      ...figureCells(r.figures),
      [r.lastFile, r.lastNote].filter(Boolean).join('；'),
      r.duplicateOf ? duplicateNote(r) : r.otherYear ? `不是${result.totals.year}年度的报告，未计入全县数据` : '',
    ]);
  }
  styleHeader(list);
  widths(list, [24, 7, 28, 22, 30, 7, 7, 10, ...SHOWN_FIGURES.map(() => 11), 28, 28]);

  const findings = wb.addWorksheet('问题清单');
  findings.addRow(['机关', '文件', '严重程度', '规则', '规则说明', '说明', '位置']);
  for (const r of result.reports) {
    if (!r.isReport) {
      for (const p of r.readProblems) findings.addRow(['', r.file, '无法读取', '', '', p, '']);
      continue;
    }
    // Another copy of a report listed: its findings are the counted copy's (报告一览 says which).
    if (r.duplicateOf) continue;
    // Blank cells by group, as counted in 报告一览's 警告 (shared/rules/blanks.ts).
    for (const f of r.format ? groupBlanks(r.findings, getFormat(r.format)) : r.findings) {
      const rule = RULES[f.rule as keyof typeof RULES];
      findings.addRow([
        r.org,
        r.file,
        SEVERITY[f.severity],
        f.rule,
        rule?.title ?? '',
        f.message,
        findingPlace(r.format, f.cells, f.field),
      ]);
    }
  }
  styleHeader(findings);
  widths(findings, [24, 28, 9, 22, 36, 70, 40]);
  findings.getColumn(6).alignment = { wrapText: true, vertical: 'top' };

  const county = wb.addWorksheet('全县数据');
  const totals = result.totals.figures;
  county.addRow(['机关', ...SHOWN_FIGURES.map((k) => FIGURE_LABELS[k]), '收到申请占全县（%）']);
  for (const r of result.reports) {
    if (!r.isReport || !r.figures || r.duplicateOf || r.otherYear) continue;
    county.addRow([r.org, ...figureCells(r.figures), percent(r.figures.received, totals.received)]);
  }
  const sumRow = county.addRow(['全县合计', ...figureCells(totals), totals.received === null ? null : 100]);
  sumRow.font = { bold: true };
  styleHeader(county);
  widths(county, [24, ...SHOWN_FIGURES.map(() => 11), 12]);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
