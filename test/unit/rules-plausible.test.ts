// Figures a clerk most likely mistyped are warned about (never refused, never cut off); the report
// list's status counts; and every finding outside the tables says where it points (Finding.field).
import { describe, expect, it } from 'vitest';
import { emptyReport, type Report } from '../../shared/report';
import { applyAutoTotals, checkReport, reportStatus } from '../../shared/rules';
import { fullReport, withCells } from '../fixtures/reports';

const implausible = (r: Report) => checkReport(r).filter((f) => f.rule === 'value.implausible');
const GRANTED = 'applications.granted.natural';

describe('value.implausible', () => {
  it('warns about a figure with more digits than a report holds, on its cell only', () => {
    const r = applyAutoTotals(withCells(fullReport(), { [GRANTED]: 1234567890 }));
    const found = implausible(r);
    expect(found.map((f) => f.cells)).toEqual([[GRANTED]]);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain('1234567890');
    expect(found[0].message).toContain('10位数');
  });

  it('warns about a figure far above the other figures of its table (a zero too many)', () => {
    const base = fullReport();
    const typical = base.applications.granted.natural ?? 0;
    const r = applyAutoTotals(withCells(base, { [GRANTED]: Math.max(typical, 5) * 10000 }));
    const found = implausible(r);
    expect(found.map((f) => f.cells)).toEqual([[GRANTED]]);
    expect(found[0].message).toContain('远大于本表其他数字');
  });

  it('leaves alone large figures of 二 (规章 are few, 行政许可 thousands) and an ordinary report', () => {
    expect(implausible(fullReport())).toEqual([]);
    const r = withCells(fullReport(), { 'activeDisclosure.licensing.decisions': 98765 });
    expect(implausible(r)).toEqual([]);
  });

  it('does not compare a table that holds too few figures to tell', () => {
    const r = withCells(emptyReport('某局', 2024), { [GRANTED]: 5000, 'applications.granted.legal': 2 });
    expect(implausible(r)).toEqual([]);
  });
});

describe('reportStatus', () => {
  it('counts errors, warnings and blank cells', () => {
    expect(reportStatus(fullReport())).toEqual({ errors: 0, warnings: 0, blanks: 0 });
    const empty = reportStatus(emptyReport('', 2024));
    expect(empty.errors).toBeGreaterThan(0); // 机关名称
    expect(empty.blanks).toBeGreaterThan(100);
    const broken = reportStatus(withCells(fullReport(), { [GRANTED]: null }));
    expect(broken.blanks).toBe(1);
  });
});

describe('Finding.field', () => {
  it('is set on every finding that has no cells, and is a section or a model path', () => {
    const r = emptyReport('', 2019, '2019');
    const odd: Report = {
      ...r,
      cover: { ...r.cover, recipient: '', date: '2020-02-30' },
      preamble: '统计期限为2018年1月1日至2018年12月31日。',
    };
    const findings = [...checkReport(odd), ...checkReport(emptyReport('', 2024))];
    const cellLess = findings.filter((f) => !f.cells.length);
    expect(cellLess.length).toBeGreaterThan(4);
    for (const f of cellLess) {
      expect(f.field, f.message).toBeDefined();
      if (typeof f.field === 'string') expect(f.field).toMatch(/^[a-z]+(\.[a-zA-Z]+)?$/);
      else expect([1, 5, 6]).toContain(f.field!.section);
    }
  });
});
