// The report model: defaults, the file schema (lenient where people write files by hand),
// Chinese errors for bad files, and schema versions.
import { describe, expect, it } from 'vitest';
import { allCells, format2019, format2021 } from '../../shared/format';
import {
  CURRENT_SCHEMA_VERSION,
  emptyReport,
  getCell,
  migrate,
  parseReportJson,
  parseReportText,
  serializeReport,
  setCell,
  toIsoDate,
  type Report,
} from '../../shared/report';
import { fullReport } from '../fixtures/reports';

const CJK = /[\u4e00-\u9fff]/;

function parseOk(raw: unknown): Report {
  const r = parseReportJson(raw);
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

function parseError(raw: unknown): string {
  const r = parseReportJson(raw);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error;
}

describe('emptyReport', () => {
  it('is a 2021-format report with every cell blank, ready to fill in', () => {
    const r = emptyReport('某某县行政审批服务局', 2024);
    expect(r.format).toBe('2021');
    expect(r.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    for (const c of allCells(format2021)) expect(getCell(r, c.id)).toBeNull();
    expect(Object.keys(r.applications)).toHaveLength(25);
    expect(r.activeDisclosure2019).toBeUndefined();
    expect(r.cover).toEqual({
      recipient: '县政府办',
      body: '',
      date: '',
      docNumber: '',
      signer: '',
      letterhead: 'red',
      attachment: '',
    });
    expect(r.preamble).toContain('2024年1月1日起至2024年12月31日止');
    expect(r.preamble).toContain('某某县行政审批服务局');
    expect(r.narrative.overview.map((p) => p.id)).toEqual(format2021.sections[0].parts!.map((p) => p.id));
    expect(r.narrative.other.every((p) => p.text === '')).toBe(true);
    expect(r.settings).toEqual({ autoTotals: true });
    expect(r.previous).toBeNull();
  });

  it('uses the 2019 format for years before 2021', () => {
    const r = emptyReport('某局', 2020);
    expect(r.format).toBe('2019');
    for (const c of allCells(format2019)) expect(getCell(r, c.id)).toBeNull();
    expect(Object.keys(r.applications)).toContain('other');
    expect(Object.keys(r.applications)).not.toContain('other.other');
    expect(r.activeDisclosure).toEqual({});
  });
});

describe('report file schema', () => {
  it('accepts a file with only the required keys; everything else takes its default', () => {
    const minimal = {
      format: '2021',
      year: 2024,
      org: '某局',
      activeDisclosure: { licensing: { decisions: 7 } },
      applications: { newReceived: { natural: 1, total: 1 } },
      reviewLitigation: { review: { total: 0 } },
    };
    const r = parseOk(minimal);
    const empty = emptyReport('某局', 2024);
    expect(getCell(r, 'activeDisclosure.licensing.decisions')).toBe(7);
    expect(getCell(r, 'applications.newReceived.natural')).toBe(1);
    expect(getCell(r, 'applications.newReceived.business')).toBeNull();
    expect(getCell(r, 'reviewLitigation.review.total')).toBe(0);
    // Everything not given is exactly what a new report has.
    expect({ ...r, activeDisclosure: {}, applications: {}, reviewLitigation: {} }).toEqual({
      ...empty,
      activeDisclosure: {},
      applications: {},
      reviewLitigation: {},
    });
    expect(
      allCells(format2021)
        .filter((c) => getCell(r, c.id) !== null)
        .map((c) => c.id),
    ).toEqual([
      'activeDisclosure.licensing.decisions',
      'applications.newReceived.natural',
      'applications.newReceived.total',
      'reviewLitigation.review.total',
    ]);
  });

  it('reads cells written as text: "5" is 5, "/" and "" are blank', () => {
    const r = parseOk({
      year: 2024,
      org: '某局',
      activeDisclosure: {
        rules: { issued: '/', repealed: '／', inForce: '' },
        normativeDocs: { issued: ' 5 ', repealed: '0', inForce: '1,234' },
        licensing: { decisions: '５' },
        fees: { amount: '1.5' },
      },
      applications: { newReceived: { natural: '-', business: null } },
    });
    expect(getCell(r, 'activeDisclosure.rules.issued')).toBeNull();
    expect(getCell(r, 'activeDisclosure.rules.repealed')).toBeNull();
    expect(getCell(r, 'activeDisclosure.rules.inForce')).toBeNull();
    expect(getCell(r, 'activeDisclosure.normativeDocs.issued')).toBe(5);
    expect(getCell(r, 'activeDisclosure.normativeDocs.repealed')).toBe(0);
    expect(getCell(r, 'activeDisclosure.normativeDocs.inForce')).toBe(1234);
    expect(getCell(r, 'activeDisclosure.licensing.decisions')).toBe(5);
    expect(getCell(r, 'activeDisclosure.fees.amount')).toBe(1.5);
    expect(getCell(r, 'applications.newReceived.natural')).toBeNull();
    expect(getCell(r, 'applications.newReceived.business')).toBeNull();
  });

  it('reads a signed change such as +144 (2019 format, sample 003)', () => {
    const r = parseOk({
      format: '2019',
      year: 2020,
      org: '某局',
      activeDisclosure2019: { licensing: { change: '+144' } },
    });
    expect(getCell(r, 'activeDisclosure2019.licensing.change')).toBe(144);
  });

  it('says in Chinese which cell holds something that is not a number', () => {
    const err = parseError({ year: 2024, org: '某局', applications: { granted: { natural: '五' } } });
    expect(err).toMatch(/^报告文件有误：/);
    expect(err).toContain('applications.granted.natural');
    expect(err).toContain('应为数字或空白');
    expect(parseError({ year: 2024, org: '某局', applications: { granted: { natural: true } } })).toContain(
      '应为数字或空白',
    );
  });

  it('names missing and wrong essentials in Chinese', () => {
    expect(parseError({ year: 2024 })).toContain('缺少机关名称');
    expect(parseError({ year: 2024, org: 5 })).toContain('机关名称应为文字');
    expect(parseError({ org: '某局', applications: {} })).toContain('缺少统计年度');
    expect(parseError({ year: 'abc', org: '某局' })).toContain('统计年度应为四位数字的年份');
    expect(parseError({ year: 1999, org: '某局' })).toContain('不应早于2000年');
    expect(parseError({ format: '2018', year: 2024, org: '某局' })).toContain('format 应为 "2021" 或 "2019"');
    expect(parseOk({ year: '2024', org: '某局' }).year).toBe(2024);
  });

  it('refuses what is not a report, in Chinese', () => {
    for (const [text, expected] of [
      ['not json', '不是有效的 JSON'],
      ['{"year": 2024,', '不是有效的 JSON'],
      ['[]', '应为一个 JSON 对象'],
      ['null', '应为一个 JSON 对象'],
      ['42', '应为一个 JSON 对象'],
      ['{"name": "nianbao", "version": "1.0.0"}', '没有找到 year、applications 等报告字段'],
    ]) {
      const r = parseReportText(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.error).toContain(expected);
        expect(r.error).toMatch(CJK);
      }
    }
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseReportText('\uFEFF{"year": 2024, "org": "某局"}').ok).toBe(true);
  });

  it('stores 成文日期 as YYYY-MM-DD however it was written', () => {
    expect(parseOk({ year: 2022, org: '某局', cover: { date: '2023年1月30日' } }).cover.date).toBe('2023-01-30');
    expect(toIsoDate('2023-1-5')).toBe('2023-01-05');
    expect(toIsoDate('2023/01/30')).toBe('2023-01-30');
    expect(toIsoDate(' 2023 年 1 月 30 日 ')).toBe('2023-01-30');
    expect(toIsoDate('二〇二三年一月三十日')).toBe('二〇二三年一月三十日');
  });

  it('keeps narrative parts a file gives and names untitled extra parts', () => {
    const r = parseOk({
      year: 2024,
      org: '某局',
      narrative: {
        problems: [
          { heading: '存在问题', text: '甲' },
          { id: 'improvements', text: '乙' },
        ],
      },
    });
    expect(r.narrative.problems).toEqual([
      { id: 'extra-1', heading: '存在问题', text: '甲' },
      { id: 'improvements', heading: '', text: '乙' },
    ]);
    expect(r.narrative.overview).toEqual(emptyReport('某局', 2024).narrative.overview);
  });

  it('saves and reads back a report unchanged', () => {
    const r = fullReport();
    const again = parseReportText(serializeReport(r));
    expect(again.ok && again.report).toEqual(r);
  });
});

describe('2019-format files', () => {
  it('recognises a 2019 file by its format, its row `other` and activeDisclosure2019', () => {
    const r = parseOk({
      format: '2019',
      year: 2020,
      org: '某局',
      activeDisclosure2019: { licensing: { lastYearItems: 105, change: 144, decisions: 29497 } },
      applications: { other: { natural: 1, total: 1 } },
    });
    expect(r.format).toBe('2019');
    expect(getCell(r, 'applications.other.natural')).toBe(1);
    expect(getCell(r, 'activeDisclosure2019.licensing.decisions')).toBe(29497);
    expect(r.applications['other.other']).toBeUndefined();
  });

  it('recognises a 2019 file that does not say its format', () => {
    const byTable = parseOk({ year: 2022, org: '某局', activeDisclosure2019: { licensing: { decisions: 3 } } });
    expect(byTable.format).toBe('2019');
    expect(getCell(byTable, 'activeDisclosure2019.licensing.decisions')).toBe(3);
    const byRow = parseOk({ year: 2020, org: '某局', applications: { other: { natural: 2 } } });
    expect(byRow.format).toBe('2019');
    expect(getCell(byRow, 'applications.other.natural')).toBe(2);
  });

  it('otherwise takes the format the year requires', () => {
    expect(parseOk({ year: 2024, org: '某局' }).format).toBe('2021');
    expect(parseOk({ year: 2020, org: '某局' }).format).toBe('2019');
    expect(parseOk({ year: 2020, org: '某局', applications: { 'other.noFee': { natural: 1 } } }).format).toBe('2021');
  });
});

describe('schema versions', () => {
  it('treats a file without schemaVersion as version 1 and stamps the current version', () => {
    expect(migrate({ year: 2024 })).toEqual({ ok: true, value: { year: 2024, schemaVersion: CURRENT_SCHEMA_VERSION } });
    expect(parseOk({ year: 2024, org: '某局' }).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('refuses a file from a newer version of the app, saying to upgrade', () => {
    const err = parseError({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, year: 2024, org: '某局' });
    expect(err).toContain('更新版本');
    expect(err).toContain('请升级本软件');
  });

  it('refuses a nonsensical schemaVersion', () => {
    expect(parseError({ schemaVersion: 0, year: 2024, org: '某局' })).toContain('schemaVersion（0）无效');
    expect(parseError({ schemaVersion: 1.5, year: 2024, org: '某局' })).toContain('无效');
  });
});

describe('cell access', () => {
  it('changes one cell and shares every untouched row', () => {
    const r = fullReport();
    const next = setCell(r, 'applications.refused.stateSecret.natural', 9);
    expect(getCell(next, 'applications.refused.stateSecret.natural')).toBe(9);
    expect(getCell(r, 'applications.refused.stateSecret.natural')).toBe(1);
    expect(next.applications.granted).toBe(r.applications.granted);
    expect(next.reviewLitigation).toBe(r.reviewLitigation);
  });

  it('ignores ids that are not cells of the report', () => {
    const r = fullReport();
    expect(setCell(r, 'applications.nope.natural', 1)).toBe(r);
    expect(setCell(r, 'bogus', 1)).toBe(r);
    expect(getCell(r, 'applications.nope.natural')).toBeNull();
    expect(getCell(r, 'activeDisclosure2019.licensing.change')).toBeNull();
  });
});
