// The four published samples (shared/samples), their tables typed in by hand as report files,
// checked by the engine. The fixtures double as the expected output of the text importer.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCells, getFormat, requiredFormatFor } from '../../shared/format';
import { getCell, type Report } from '../../shared/report';
import { checkReport } from '../../shared/rules';
import { loadReport, SAMPLES_DIR } from '../fixtures/reports';

const sample = (name: string): Report => loadReport(join(SAMPLES_DIR, `${name}.json`));

/** The findings a report without narrative text always gets (the fixtures hold tables only). */
const NO_TEXT = [
  ['narrative.empty', 'warning', '第一部分“总体情况”还没有内容'],
  ['narrative.empty', 'warning', '第五部分“存在的主要问题及改进情况”还没有内容'],
  ['narrative.empty', 'warning', '第六部分“其他需要报告的事项”还没有内容'],
  [
    'narrative.fee',
    'warning',
    '第六部分未说明信息处理费收取情况：请写明本年度是否收取信息处理费（未收取的写“未收取信息处理费”）',
  ],
];
const brief = (r: Report) => checkReport(r).map((f) => [f.rule, f.severity, f.message]);

describe('sample fixtures', () => {
  it('are the four samples', () => {
    expect(readdirSync(SAMPLES_DIR).sort()).toEqual([
      '000_0bc252219158d4bd.json',
      '001_c6c31d5f8237c802.json',
      '003_4a52da9c95e361e9.json',
      '004_a4584f6e36514f0f.json',
    ]);
  });

  it('000 (紫阳, 2022): blanks stay blank and are reported as blanks, not read as zeros', () => {
    const r = sample('000_0bc252219158d4bd');
    expect([r.org, r.year, r.format]).toEqual(['紫阳县行政审批服务局', 2022, '2021']);
    expect(r.cover).toMatchObject({
      recipient: '县政府办',
      body: '现将《紫阳县行政审批服务局政府信息公开工作年度报告》随文呈来，请审阅。',
      date: '2023-01-30',
    });
    expect(getCell(r, 'activeDisclosure.licensing.decisions')).toBe(5543);
    expect(getCell(r, 'applications.newReceived.natural')).toBeNull();
    expect(getCell(r, 'applications.newReceived.total')).toBe(0);
    const blank = allCells(getFormat('2021')).filter((c) => getCell(r, c.id) === null);
    expect(blank).toHaveLength(4 + 25 * 6 + 3 * 4);

    const findings = checkReport(r);
    // No arithmetic finding: the printed totals are 0 and blank parts add up to nothing.
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const blanks = findings.filter((f) => f.rule === 'value.blank');
    expect(blanks).toHaveLength(2 + 25 + 3);
    expect(blanks.every((f) => f.severity === 'warning')).toBe(true);
    // Every blank cell is in exactly one blank finding, and nothing else is.
    expect(blanks.flatMap((f) => f.cells).sort()).toEqual(blank.map((c) => c.id).sort());
    expect(blanks[0]).toEqual({
      rule: 'value.blank',
      severity: 'warning',
      message: '第二部分“规章”有2个单元格空白（本年废止件数、现行有效件数）：空白不等于0，没有的请填0',
      cells: ['activeDisclosure.rules.repealed', 'activeDisclosure.rules.inForce'],
    });
    expect(blanks[2].message).toBe(
      '第三部分“一、本年新收政府信息公开申请数量”有6个单元格空白（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）：空白不等于0，没有的请填0',
    );
    expect(findings.filter((f) => f.rule !== 'value.blank').map((f) => [f.rule, f.severity, f.message])).toEqual(
      NO_TEXT,
    );
  });

  it('001 (麦积, 2022): all zeros, consistent; undated', () => {
    const r = sample('001_c6c31d5f8237c802');
    expect([r.org, r.year, r.format]).toEqual(['天水市麦积区政务服务管理局', 2022, '2021']);
    expect(allCells(getFormat('2021')).every((c) => getCell(r, c.id) === 0)).toBe(true);
    expect(brief(r)).toEqual([['meta.date', 'warning', '未填写成文日期：报告应于2023年1月31日前报送'], ...NO_TEXT]);
  });

  it('003 (汶上, 2020): the 2019 format, which 2020 may still use', () => {
    const r = sample('003_4a52da9c95e361e9');
    expect([r.org, r.year, r.format]).toEqual(['汶上县行政审批服务局', 2020, '2019']);
    expect(requiredFormatFor(2020)).toBe('2019');
    expect(r.applications.other).toEqual({
      natural: 0,
      business: 0,
      research: 0,
      publicInterest: 0,
      legal: 0,
      other: 0,
      total: 0,
    });
    expect(r.applications['other.other']).toBeUndefined();
    expect(r.activeDisclosure2019!.licensing).toEqual({ lastYearItems: 105, change: 144, decisions: 29497 });
    expect(getCell(r, 'applications.newReceived.natural')).toBe(2);
    expect(getCell(r, 'applications.resultTotal.total')).toBe(2);
    expect(r.cover.date).toBe('2021-01-27');
    // 2020: before 国办函〔2020〕109号 took effect, so no 信息处理费 statement is required.
    expect(brief(r)).toEqual(NO_TEXT.filter(([rule]) => rule !== 'narrative.fee'));
    // The same tables for 2021 would be in the wrong format.
    expect(checkReport({ ...r, year: 2021 }).map((f) => f.rule)).toContain('format.outdated');
  });

  it('004 (彭阳, 2021): consistent; undated', () => {
    const r = sample('004_a4584f6e36514f0f');
    expect([r.org, r.year, r.format]).toEqual(['彭阳县审批服务管理局', 2021, '2021']);
    expect(getCell(r, 'activeDisclosure.licensing.decisions')).toBe(2648);
    const nonZero = allCells(getFormat('2021'))
      .filter((c) => getCell(r, c.id) !== 0)
      .map((c) => c.id);
    expect(nonZero).toEqual(['activeDisclosure.licensing.decisions']);
    expect(brief(r)).toEqual([['meta.date', 'warning', '未填写成文日期：报告应于2022年1月31日前报送'], ...NO_TEXT]);
  });
});
