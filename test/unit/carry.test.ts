// 新建本年度报告（从上年报告结转）: carryForward(last) — the balances, the baseline of rule 6, the
// organ's details, and what cannot be carried (from the 2019 format, from blank cells).
import { describe, expect, it } from 'vitest';
import { carryForward } from '../../shared/carry';
import { getCell, setCell } from '../../shared/report';
import { checkReport } from '../../shared/rules';
import { fullReport, fullReport2019, lastYearReport, withCells } from '../fixtures/reports';

describe('carryForward', () => {
  it('fills 二、上年结转 from last year’s 四、结转下年度继续办理, column by column, and nothing else of the tables', () => {
    const last = lastYearReport();
    const { report, carried, notCarried } = carryForward(last);
    expect([report.year, report.format, report.org]).toEqual([2024, '2021', last.org]);
    expect(report.applications.carriedOver).toEqual(last.applications.carryForward);
    expect(carried).toEqual([
      { cell: 'applications.carriedOver.natural', value: 2, from: 'applications.carryForward.natural' },
      { cell: 'applications.carriedOver.business', value: 1, from: 'applications.carryForward.business' },
      { cell: 'applications.carriedOver.research', value: 0, from: 'applications.carryForward.research' },
      { cell: 'applications.carriedOver.publicInterest', value: 0, from: 'applications.carryForward.publicInterest' },
      { cell: 'applications.carriedOver.legal', value: 0, from: 'applications.carryForward.legal' },
      { cell: 'applications.carriedOver.other', value: 0, from: 'applications.carryForward.other' },
      { cell: 'applications.carriedOver.total', value: 3, from: 'applications.carryForward.total' },
    ]);
    expect(notCarried).toEqual([]);
    // 现行有效件数 is rule 6's baseline, kept with last year's summary, not typed into this year's table.
    expect(report.previous?.inForce).toEqual({ rules: 0, normativeDocs: 10 });
    expect(getCell(report, 'activeDisclosure.normativeDocs.inForce')).toBeNull();
    expect(report.applications.newReceived.natural).toBeNull();
  });

  it('copies organ, contact, recipient and website; keeps last year’s text as reference; leaves date and letter body empty', () => {
    const last = fullReport();
    const { report } = carryForward(last, 2025, '2024年报告.docx');
    expect(report.year).toBe(2025);
    expect(report.contact).toEqual(last.contact);
    expect(report.website).toBe(last.website);
    expect(report.cover).toMatchObject({ recipient: last.cover.recipient, body: '', date: '' });
    expect(report.previous).toMatchObject({ year: 2024, org: last.org, format: '2021', source: '2024年报告.docx' });
    expect(report.previous?.narrative).toEqual(last.narrative);
    expect(report.narrative.problems.every((p) => p.text === '')).toBe(true);
  });

  it('carries 签发人, 红头 setting, 报送对象 and 联系人 with phone, never 成文日期 or 发文字号', () => {
    const full = fullReport();
    const last = {
      ...full,
      contact: { ...full.contact, person: '张三', phone: '0000-1234567' },
      cover: {
        ...full.cover,
        recipient: '某某县人民政府办公室',
        signer: '李四',
        letterhead: 'none' as const,
        date: '2025-01-20',
        docNumber: '某审批发〔2025〕3号',
      },
    };
    const { report } = carryForward(last);
    expect(report.cover).toMatchObject({ recipient: '某某县人民政府办公室', signer: '李四', letterhead: 'none' });
    expect(report.cover).toMatchObject({ date: '', docNumber: '' });
    expect(report.contact).toMatchObject({ person: '张三', phone: '0000-1234567' });
    // A blank 签发人 or 报送对象 last year leaves this year's default, not an empty string over it.
    const blank = carryForward({ ...last, cover: { ...last.cover, recipient: ' ', signer: '' } }).report;
    expect(blank.cover).toMatchObject({ recipient: '县政府办', signer: '', letterhead: 'none' });
  });

  it('rule 5 then holds against last year, and rule 6 uses last year’s 现行有效件数', () => {
    const { report } = carryForward(lastYearReport());
    expect(checkReport(report).filter((f) => f.rule === 'carry.carriedOver')).toEqual([]);
    const typed = withCells(report, {
      'activeDisclosure.normativeDocs.issued': 2,
      'activeDisclosure.normativeDocs.repealed': 1,
      'activeDisclosure.normativeDocs.inForce': 5,
    });
    const f = checkReport(typed).find(
      (x) => x.rule === 'active.inForce' && x.cells.includes('activeDisclosure.normativeDocs.inForce'),
    );
    expect(f?.message).toContain('上年10');
  });

  it('a blank in last year’s row stays blank this year, and is named', () => {
    const last = setCell(lastYearReport(), 'applications.carryForward.legal', null);
    const { report, carried, notCarried } = carryForward(last);
    expect(getCell(report, 'applications.carriedOver.legal')).toBeNull();
    expect(carried.map((c) => c.cell)).not.toContain('applications.carriedOver.legal');
    expect(notCarried).toEqual(['上年报告“四、结转下年度继续办理”的“法律服务机构”为空白，本年对应单元格未填写']);
  });

  it('from a 2019-format report: carries the balances, says that 现行有效件数 has no counterpart', () => {
    const last = fullReport2019(2020);
    const { report, carried, notCarried } = carryForward(last);
    expect([report.year, report.format]).toEqual([2021, '2021']);
    expect(carried).toHaveLength(7);
    expect(report.applications.carriedOver).toEqual(last.applications.carryForward);
    expect(report.previous?.inForce).toEqual({ rules: null, normativeDocs: null });
    expect(notCarried).toEqual([
      '上年报告使用2019年版格式（试行），没有“现行有效件数”：“规章”、“行政规范性文件”的现行有效件数无法按上年基数核对（规则6），请按实际填写',
    ]);
  });

  it('a wholly blank row and a 2021 report without 现行有效件数 are both named', () => {
    let last = lastYearReport();
    for (const c of Object.keys(last.applications.carryForward))
      last = setCell(last, `applications.carryForward.${c}`, null);
    last = setCell(last, 'activeDisclosure.rules.inForce', null);
    const { carried, notCarried } = carryForward(last);
    expect(carried).toEqual([]);
    expect(notCarried).toEqual([
      '上年报告“四、结转下年度继续办理”一行全部空白，本年“二、上年结转政府信息公开申请数量”未填写，请手工填写',
      '上年报告“规章”的“现行有效件数”为空白，规则6缺少上年基数',
    ]);
  });
});
