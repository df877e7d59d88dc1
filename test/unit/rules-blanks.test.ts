// Blank cells said one way: 检查结果, `nianbao check`, the export notes and 审核 group the engine's
// row-by-row value.blank findings the same way and give the same count of cells and rows.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatFindings } from '../../electron/cli/check';
import { buildReviewWorkbook } from '../../electron/services/review/workbook';
import { exportNotes } from '../../shared/document';
import { getFormat } from '../../shared/format';
import { emptyReport, setCell } from '../../shared/report';
import {
  blankHeadline,
  checkReport,
  countFindings,
  groupBlanks,
  reportStatus,
  summarizeBlanks,
} from '../../shared/rules';
import { reviewReports } from '../../shared/review';
import { fullReport } from '../fixtures/reports';

const format = getFormat('2021');

describe('summarizeBlanks', () => {
  it('counts the cells and the rows of the engine’s value.blank findings, and groups them per table', () => {
    const report = emptyReport('某局', 2024);
    const findings = checkReport(report);
    const rows = findings.filter((f) => f.rule === 'value.blank');
    const s = summarizeBlanks(findings, format)!;
    expect(s.cells).toBe(rows.reduce((n, f) => n + f.cells.length, 0));
    expect(s.cells).toBe(200);
    expect(s.rows).toBe(rows.length);
    expect(s.groups.map((g) => g.text)).toEqual([
      '第二部分“主动公开政府信息情况”的表格全部空白（10个单元格）',
      '第三部分“收到和处理政府信息公开申请情况”的表格全部空白（175个单元格）',
      '第四部分“政府信息公开行政复议、行政诉讼情况”的表格全部空白（15个单元格）',
    ]);
    // Every blank cell is in exactly one group.
    expect(s.groups.flatMap((g) => g.cells).sort()).toEqual(rows.flatMap((f) => f.cells).sort());
    expect(blankHeadline(s)).toBe(`有200个单元格空白（涉及${rows.length}行）`);
  });

  it('gives a group per kind of gap, each with its cells, and nothing when no cell is blank', () => {
    let r = setCell(fullReport(), 'applications.granted.natural', null);
    r = setCell(r, 'applications.granted.business', null);
    const s = summarizeBlanks(checkReport(r), format)!;
    expect(s).toEqual({
      cells: 2,
      rows: 1,
      groups: [
        {
          text: '第三部分“（一）予以公开”的“自然人、商业企业”空白',
          cells: ['applications.granted.natural', 'applications.granted.business'],
        },
      ],
    });
    expect(summarizeBlanks(checkReport(fullReport()), format)).toBeNull();
  });
});

describe('every place says the same', () => {
  const report = setCell(emptyReport('某局', 2024), 'applications.granted.natural', 1);
  const findings = checkReport(report);
  const headline = blankHeadline(summarizeBlanks(findings, format)!);

  it('the command line, the export notes and the counts of 检查结果', () => {
    const text = formatFindings(findings, format);
    expect(text).toContain(`  ${headline}：空白不等于0，没有的请填0。`);
    expect(exportNotes(report, findings, false).warnings[0].message).toBe(
      `表格中${headline}：空白不等于0，没有的请填0`,
    );
    // The count of warnings is the number of lines listed: blanks as their groups.
    const counts = countFindings(findings, format);
    expect(text).toContain(`警告（${counts.warning}）：`);
    expect(groupBlanks(findings, format).filter((f) => f.severity === 'warning')).toHaveLength(counts.warning);
    const blankRows = findings.filter((f) => f.rule === 'value.blank').length;
    const others = findings.filter((f) => f.severity === 'warning' && f.rule !== 'value.blank').length;
    expect(counts.warning).toBe(others + summarizeBlanks(findings, format)!.groups.length);
    expect(counts.warning).toBeLessThan(others + blankRows);
    expect(reportStatus(report).warnings).toBe(counts.warning);
    // The reviewer's table too (nianbao review, 审核).
    const [entry] = reviewReports([{ file: 'a.json', report, problems: [] }], []).reports;
    expect(entry.warnings).toBe(counts.warning);
    expect(entry.findings.filter((f) => f.rule === 'value.blank')).toHaveLength(blankRows);
  });

  it('the reviewer’s workbook: 问题清单 lists as many lines for a report as 报告一览 counts', async () => {
    const result = reviewReports([{ file: 'a.json', report, problems: [] }], []);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildReviewWorkbook(result)) as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('问题清单')!.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    const [entry] = result.reports;
    expect(rows).toHaveLength(entry.errors + entry.warnings + findings.filter((f) => f.severity === 'info').length);
    expect(rows.map((r) => String(r[6]))).toEqual(
      expect.arrayContaining(summarizeBlanks(findings, format)!.groups.map((g) => g.text)),
    );
  });
});
