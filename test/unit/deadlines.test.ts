// 《条例》第四十九条: departments by 31 January, a government's own report by 31 March; the days
// left, and 成文日期 checked against the deadline that applies.
import { describe, expect, it } from 'vitest';
import { checkReport, daysLeftText, daysUntil, organKind, reportDeadline, reportingYear } from '../../shared/rules';
import { fullReport } from '../fixtures/reports';

describe('deadlines', () => {
  it('tell a government’s own report from a department’s', () => {
    expect(organKind('某某县人民政府')).toBe('government');
    expect(organKind('某某市政府')).toBe('government');
    expect(organKind('某某县行政审批服务局')).toBe('department');
    expect(organKind('某某县人民政府办公室')).toBe('department');
    expect(organKind('某某镇人民政府')).toBe('department');
    expect(reportDeadline('某某县人民政府', 2024)).toMatchObject({ date: '2025-03-31', verb: '公布' });
    expect(reportDeadline('某某县行政审批服务局', 2024)).toMatchObject({ date: '2025-01-31', verb: '报送' });
  });

  it('count the days left, and the year being prepared', () => {
    expect(daysUntil('2027-01-31', '2026-12-01')).toBe(61);
    expect(daysUntil('2027-01-31', '2027-02-03')).toBe(-3);
    expect([61, 0, -3].map(daysLeftText)).toEqual(['还有61天', '今天截止', '已过3天']);
    expect(reportingYear('2026-12-01')).toBe(2026);
    expect(reportingYear('2027-03-31')).toBe(2026);
    expect(reportingYear('2027-04-01')).toBe(2027);
  });

  it('check 成文日期 against the deadline that applies', () => {
    const dated = (org: string, date: string) =>
      checkReport({ ...fullReport(), org, cover: { ...fullReport().cover, date } })
        .filter((f) => f.rule === 'meta.date')
        .map((f) => f.message);
    expect(dated('某某县行政审批服务局', '2025-01-31')).toEqual([]);
    expect(dated('某某县行政审批服务局', '2025-02-10')).toEqual(['成文日期2025年2月10日晚于报送截止日期2025年1月31日']);
    expect(dated('某某县人民政府', '2025-02-10')).toEqual([]);
    expect(dated('某某县人民政府', '2025-04-01')).toEqual(['成文日期2025年4月1日晚于公布截止日期2025年3月31日']);
    expect(dated('某某县人民政府', '')).toEqual(['未填写成文日期：报告应于2025年3月31日前公布']);
  });
});
