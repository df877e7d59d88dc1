// The 勾稽 rules, each both ways: a consistent report yields nothing at all, and each kind of
// mistake yields exactly the expected findings (complete list: rule, severity, message, cells).
import { describe, expect, it } from 'vitest';
import { summarizePrevious } from '../../shared/carry';
import { format2021, relations } from '../../shared/format';
import { emptyReport, getCell, setCell, type Report } from '../../shared/report';
import { applyAutoTotals, checkReport, derivedTotals, hasErrors, RULES, type Finding } from '../../shared/rules';
import { fullReport, fullReport2019, lastYearReport, retarget, withCells } from '../fixtures/reports';

const DATA_COLS = ['natural', 'business', 'research', 'publicInterest', 'legal', 'other'];
const app = (row: string, col: string) => `applications.${row}.${col}`;
const rowCells = (row: string) => DATA_COLS.map((c) => app(row, c));
const RESULT_ROWS = format2021.applications.resultRows;
const SUM_RULES = new Set(['matrix.rowTotal', 'matrix.resultTotal', 'review.total']);

describe('a consistent report', () => {
  it('yields no finding at all (2021 format)', () => {
    expect(checkReport(fullReport())).toEqual([]);
  });

  it('yields no finding with last year’s report, given directly or kept in report.previous', () => {
    const last = lastYearReport();
    expect(checkReport(fullReport(), { last })).toEqual([]);
    expect(checkReport({ ...fullReport(), previous: summarizePrevious(last, '2023.json') })).toEqual([]);
    expect(checkReport(fullReport(), { last: summarizePrevious(last) })).toEqual([]);
  });

  it('yields no finding in the 2019 format for 2020', () => {
    expect(checkReport(fullReport2019(2020))).toEqual([]);
  });

  it('is left unchanged by auto-sum', () => {
    const r = fullReport();
    expect(applyAutoTotals(r)).toBe(r);
    for (const [id, v] of derivedTotals(r)) expect(v, id).toBe(getCell(r, id));
  });
});

describe('rule 1: each column, 一+二 = 三（七）+四', () => {
  it('reports the columns that do not balance, on their four cells', () => {
    const r = withCells(fullReport(), { [app('carryForward', 'natural')]: 1, [app('carryForward', 'total')]: 2 });
    expect(checkReport(r)).toEqual([
      {
        rule: 'matrix.balance',
        severity: 'error',
        message: '自然人列：一+二=12，三（七）+四=11，相差1',
        cells: [
          app('newReceived', 'natural'),
          app('carriedOver', 'natural'),
          app('resultTotal', 'natural'),
          app('carryForward', 'natural'),
        ],
      },
      {
        rule: 'matrix.balance',
        severity: 'error',
        message: '总计列：一+二=18，三（七）+四=17，相差1',
        cells: [
          app('newReceived', 'total'),
          app('carriedOver', 'total'),
          app('resultTotal', 'total'),
          app('carryForward', 'total'),
        ],
      },
    ]);
  });

  it('quotes the numbers as the issue shows', () => {
    const r = withCells(emptyReport('某局', 2024), {
      [app('newReceived', 'natural')]: 3,
      [app('carriedOver', 'natural')]: 2,
      [app('granted', 'natural')]: 3,
      [app('resultTotal', 'natural')]: 3,
      [app('carryForward', 'natural')]: 1,
    });
    expect(
      checkReport(r)
        .filter((f) => f.rule === 'matrix.balance')
        .map((f) => f.message),
    ).toEqual(['自然人列：一+二=5，三（七）+四=4，相差1']);
  });
});

describe('rule 2: each row, 总计 = the six applicant columns', () => {
  it('reports the row, with the derived total as suggestion', () => {
    const r = setCell(fullReport(), app('granted', 'total'), 8);
    expect(checkReport(r)).toEqual([
      {
        rule: 'matrix.resultTotal',
        severity: 'error',
        message: '总计列：三（七）=15，（一）至（六）各项之和=16，相差1',
        cells: [app('resultTotal', 'total'), ...RESULT_ROWS.map((row) => app(row, 'total'))],
      },
      {
        rule: 'matrix.rowTotal',
        severity: 'error',
        message: '“（一）予以公开”行：总计=8，自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他=7，相差1',
        cells: [app('granted', 'total'), ...rowCells('granted')],
        suggestion: { cell: app('granted', 'total'), value: 7 },
      },
    ]);
  });

  it('names a numbered row with its group, so 1. and 3.其他 are unambiguous', () => {
    const r = setCell(fullReport(), app('refused.stateSecret', 'total'), 2);
    expect(checkReport(r).filter((f) => f.rule === 'matrix.rowTotal')).toEqual([
      {
        rule: 'matrix.rowTotal',
        severity: 'error',
        message:
          '“（三）不予公开1.属于国家秘密”行：总计=2，自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他=1，相差1',
        cells: [app('refused.stateSecret', 'total'), ...rowCells('refused.stateSecret')],
        suggestion: { cell: app('refused.stateSecret', 'total'), value: 1 },
      },
    ]);
  });
});

describe('rule 3: each column, （七）总计 = （一） to （六）', () => {
  it('reports a result total that misses a part, with the sums as suggestions', () => {
    const r = withCells(fullReport(), {
      [app('refused.otherLaw', 'natural')]: 1,
      [app('refused.otherLaw', 'total')]: 1,
    });
    expect(checkReport(r)).toEqual([
      {
        rule: 'matrix.resultTotal',
        severity: 'error',
        message: '自然人列：三（七）=10，（一）至（六）各项之和=11，相差1',
        cells: [app('resultTotal', 'natural'), ...RESULT_ROWS.map((row) => app(row, 'natural'))],
        suggestion: { cell: app('resultTotal', 'natural'), value: 11 },
      },
      {
        rule: 'matrix.resultTotal',
        severity: 'error',
        message: '总计列：三（七）=15，（一）至（六）各项之和=16，相差1',
        cells: [app('resultTotal', 'total'), ...RESULT_ROWS.map((row) => app(row, 'total'))],
        suggestion: { cell: app('resultTotal', 'total'), value: 16 },
      },
    ]);
  });

  it('reports a blank result total as blank, not as 0 (errors before warnings)', () => {
    const r = setCell(fullReport(), app('resultTotal', 'natural'), null);
    expect(checkReport(r)).toEqual([
      {
        rule: 'matrix.resultTotal',
        severity: 'error',
        message: '自然人列：三（七）=空白，（一）至（六）各项之和=10',
        cells: [app('resultTotal', 'natural'), ...RESULT_ROWS.map((row) => app(row, 'natural'))],
        suggestion: { cell: app('resultTotal', 'natural'), value: 10 },
      },
      {
        rule: 'matrix.rowTotal',
        severity: 'error',
        message: '“（七）总计”行：总计=15，自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他=5，相差10',
        cells: [app('resultTotal', 'total'), ...rowCells('resultTotal')],
      },
      {
        rule: 'matrix.balance',
        severity: 'error',
        message: '自然人列：一+二=12，三（七）+四=2，相差10',
        cells: [
          app('newReceived', 'natural'),
          app('carriedOver', 'natural'),
          app('resultTotal', 'natural'),
          app('carryForward', 'natural'),
        ],
      },
      {
        rule: 'value.blank',
        severity: 'warning',
        message: '第三部分“（七）总计”有1个单元格空白（自然人）：空白不等于0，没有的请填0',
        cells: [app('resultTotal', 'natural')],
      },
    ]);
  });

  it('sums the 2019 format’s single （六）其他处理 row', () => {
    const r = setCell(fullReport2019(), app('other', 'business'), 2);
    expect(checkReport(r).map((f) => [f.rule, f.message])).toEqual([
      ['matrix.resultTotal', '商业企业列：三（七）=3，（一）至（六）各项之和=4，相差1'],
      [
        'matrix.rowTotal',
        '“（六）其他处理”行：总计=1，自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他=2，相差1',
      ],
    ]);
  });
});

describe('rule 4: section 四, 总计 = 结果维持+结果纠正+其他结果+尚未审结', () => {
  it('reports each group on its five cells', () => {
    const r = withCells(fullReport(), {
      'reviewLitigation.review.total': 3,
      'reviewLitigation.litigationDirect.pending': 1,
    });
    const cells = (g: string) =>
      ['total', 'upheld', 'corrected', 'other', 'pending'].map((c) => `reviewLitigation.${g}.${c}`);
    expect(checkReport(r)).toEqual([
      {
        rule: 'review.total',
        severity: 'error',
        message: '行政复议：总计=3，结果维持+结果纠正+其他结果+尚未审结=2，相差1',
        cells: cells('review'),
        suggestion: { cell: 'reviewLitigation.review.total', value: 2 },
      },
      {
        rule: 'review.total',
        severity: 'error',
        message: '行政诉讼·未经复议直接起诉：总计=1，结果维持+结果纠正+其他结果+尚未审结=2，相差1',
        cells: cells('litigationDirect'),
        suggestion: { cell: 'reviewLitigation.litigationDirect.total', value: 2 },
      },
    ]);
  });
});

describe('rule 5: 上年结转 = last year’s 结转下年度继续办理', () => {
  const last = withCells(lastYearReport(), { [app('carryForward', 'natural')]: 3, [app('carryForward', 'total')]: 4 });
  const expected: Finding[] = [
    {
      rule: 'carry.carriedOver',
      severity: 'error',
      message: '自然人列：本年“上年结转政府信息公开申请数量”=2，2023年报告“结转下年度继续办理”=3，相差1',
      cells: [app('carriedOver', 'natural')],
      suggestion: { cell: app('carriedOver', 'natural'), value: 3 },
    },
    {
      rule: 'carry.carriedOver',
      severity: 'error',
      message: '总计列：本年“上年结转政府信息公开申请数量”=3，2023年报告“结转下年度继续办理”=4，相差1',
      cells: [app('carriedOver', 'total')],
      suggestion: { cell: app('carriedOver', 'total'), value: 4 },
    },
  ];

  it('reports each column that differs, with last year’s report', () => {
    expect(checkReport(fullReport(), { last })).toEqual(expected);
  });

  it('reports the same from report.previous, and a given last year wins over it', () => {
    expect(checkReport({ ...fullReport(), previous: summarizePrevious(last) })).toEqual(expected);
    expect(checkReport({ ...fullReport(), previous: summarizePrevious(last) }, { last: lastYearReport() })).toEqual([]);
  });

  it('reports a blank 上年结转 as blank', () => {
    const r = setCell(fullReport(), app('carriedOver', 'research'), null);
    expect(checkReport(r, { last: lastYearReport() })).toEqual([
      {
        rule: 'carry.carriedOver',
        severity: 'error',
        message: '科研机构列：本年“上年结转政府信息公开申请数量”=空白，2023年报告“结转下年度继续办理”=0',
        cells: [app('carriedOver', 'research')],
        suggestion: { cell: app('carriedOver', 'research'), value: 0 },
      },
      {
        rule: 'value.blank',
        severity: 'warning',
        message: '第三部分“二、上年结转政府信息公开申请数量”有1个单元格空白（科研机构）：空白不等于0，没有的请填0',
        cells: [app('carriedOver', 'research')],
      },
    ]);
  });

  it('works with last year’s report in the 2019 format (2020 → 2021)', () => {
    const r = retarget(fullReport(), 2021);
    let old = emptyReport('某某县行政审批服务局', 2020);
    for (const col of [...DATA_COLS, 'total'])
      old = setCell(old, app('carryForward', col), getCell(r, app('carriedOver', col)));
    expect(old.format).toBe('2019');
    expect(checkReport(r, { last: old })).toEqual([]);
    old = setCell(old, app('carryForward', 'business'), 0);
    expect(checkReport(r, { last: old }).map((f) => f.message)).toEqual([
      '商业企业列：本年“上年结转政府信息公开申请数量”=1，2020年报告“结转下年度继续办理”=0，相差1',
    ]);
  });

  it('says so, and checks nothing across years, when the last report is not last year’s', () => {
    const wrong = { ...lastYearReport(), year: 2022 };
    expect(checkReport(setCell(fullReport(), app('carriedOver', 'natural'), 2), { last: wrong })).toEqual([
      {
        rule: 'carry.lastYear',
        severity: 'warning',
        message:
          '作为上年报告提供的是2022年度的报告，本报告是2024年度：未核对上年结转和现行有效件数，请改用2023年度的报告',
        cells: [],
      },
    ]);
  });

  it('checks nothing when last year left the row blank', () => {
    expect(checkReport(fullReport(), { last: emptyReport('某某县行政审批服务局', 2023) })).toEqual([]);
  });
});

describe('rule 6: 现行有效件数 = last year’s + 本年制发 − 本年废止', () => {
  const ad = (row: string, col: string) => `activeDisclosure.${row}.${col}`;
  const docCells = [ad('normativeDocs', 'inForce'), ad('normativeDocs', 'issued'), ad('normativeDocs', 'repealed')];

  it('reports a 现行有效件数 that does not follow, with the expected count', () => {
    const r = setCell(fullReport(), ad('normativeDocs', 'inForce'), 13);
    const finding: Finding = {
      rule: 'active.inForce',
      severity: 'warning',
      message: '行政规范性文件：现行有效件数应为 上年10+本年制发件数3−本年废止件数1=12，填报13，相差1',
      cells: docCells,
      suggestion: { cell: ad('normativeDocs', 'inForce'), value: 12 },
    };
    expect(checkReport(r, { last: lastYearReport() })).toEqual([finding]);
    expect(checkReport({ ...r, previous: summarizePrevious(lastYearReport()) })).toEqual([finding]);
  });

  it('checks 规章 separately', () => {
    const r = withCells(fullReport(), { [ad('rules', 'issued')]: 1 });
    expect(checkReport(r, { last: lastYearReport() }).map((f) => [f.rule, f.message, f.cells])).toEqual([
      [
        'active.inForce',
        '规章：现行有效件数应为 上年0+本年制发件数1−本年废止件数0=1，填报0，相差1',
        [ad('rules', 'inForce'), ad('rules', 'issued'), ad('rules', 'repealed')],
      ],
    ]);
  });

  it('reports a blank 现行有效件数 with what it should be', () => {
    const r = setCell(fullReport(), ad('normativeDocs', 'inForce'), null);
    expect(checkReport(r, { last: lastYearReport() })).toEqual([
      {
        rule: 'value.blank',
        severity: 'warning',
        message: '第二部分“行政规范性文件”有1个单元格空白（现行有效件数）：空白不等于0，没有的请填0',
        cells: [ad('normativeDocs', 'inForce')],
      },
      {
        rule: 'active.inForce',
        severity: 'warning',
        message: '行政规范性文件：现行有效件数应为 上年10+本年制发件数3−本年废止件数1=12，现为空白',
        cells: docCells,
        suggestion: { cell: ad('normativeDocs', 'inForce'), value: 12 },
      },
    ]);
  });

  it('with 本年制发件数 or 本年废止件数 blank, says so and offers no figure to fill in (blank is not 0)', () => {
    const r = withCells(fullReport(), {
      [ad('normativeDocs', 'issued')]: null,
      [ad('normativeDocs', 'inForce')]: null,
    });
    const f = checkReport(r, { last: lastYearReport() }).find((x) => x.rule === 'active.inForce');
    expect(f).toEqual({
      rule: 'active.inForce',
      severity: 'warning',
      message:
        '行政规范性文件：现行有效件数应为 上年10+本年制发件数−本年废止件数；本年制发件数空白（空白不等于0），填上后才能核对，现为空白',
      cells: docCells,
    });
  });

  it('reports repealing more than was in force, on 本年废止件数 only', () => {
    const r = setCell(fullReport(), ad('normativeDocs', 'repealed'), 20);
    const finding: Finding = {
      rule: 'active.repealedExceeds',
      severity: 'error',
      message: '行政规范性文件：本年废止件数20超过上年现行有效件数10与本年制发件数3之和13',
      cells: [ad('normativeDocs', 'repealed')],
    };
    expect(checkReport(r, { last: lastYearReport() })).toEqual([finding]);
    expect(checkReport({ ...r, previous: summarizePrevious(lastYearReport()) })).toEqual([finding]);
  });

  it('has no baseline without last year, or when last year used the 2019 format', () => {
    const r = setCell(fullReport(), ad('normativeDocs', 'inForce'), 13);
    expect(checkReport(r)).toEqual([]);
    const old = emptyReport('某某县行政审批服务局', 2023, '2019');
    expect(summarizePrevious(old).inForce).toEqual({ rules: null, normativeDocs: null });
    expect(checkReport(r, { last: old })).toEqual([]);
  });
});

describe('rule 7: whole numbers ≥ 0, amounts ≥ 0, no blanks', () => {
  it('reports fractional and negative counts on their cell', () => {
    const r = withCells(fullReport(), {
      'activeDisclosure.licensing.decisions': 2.5,
      'activeDisclosure.punishment.decisions': -1,
    });
    expect(checkReport(r)).toEqual([
      {
        rule: 'value.invalid',
        severity: 'error',
        message: '第二部分“行政许可”的“本年处理决定数量”填写了2.5，件数应为不小于0的整数',
        cells: ['activeDisclosure.licensing.decisions'],
      },
      {
        rule: 'value.invalid',
        severity: 'error',
        message: '第二部分“行政处罚”的“本年处理决定数量”填写了-1，件数应为不小于0的整数',
        cells: ['activeDisclosure.punishment.decisions'],
      },
    ]);
  });

  it('reports a negative count in the matrix even where the sums still hold', () => {
    const r = withCells(fullReport(), {
      [app('granted', 'natural')]: 7,
      [app('granted', 'total')]: 9,
      [app('refused.stateSecret', 'natural')]: -1,
      [app('refused.stateSecret', 'total')]: -1,
    });
    expect(checkReport(r)).toEqual([
      {
        rule: 'value.invalid',
        severity: 'error',
        message: '第三部分“（三）不予公开1.属于国家秘密”的“自然人”填写了-1，件数应为不小于0的整数',
        cells: [app('refused.stateSecret', 'natural')],
      },
      {
        rule: 'value.invalid',
        severity: 'error',
        message: '第三部分“（三）不予公开1.属于国家秘密”的“总计”填写了-1，件数应为不小于0的整数',
        cells: [app('refused.stateSecret', 'total')],
      },
    ]);
  });

  it('accepts a fractional 收费金额 in 万元, but not a negative one', () => {
    expect(checkReport(setCell(fullReport(), 'activeDisclosure.fees.amount', 0.35))).toEqual([]);
    expect(checkReport(setCell(fullReport(), 'activeDisclosure.fees.amount', -0.5))).toEqual([
      {
        rule: 'value.invalid',
        severity: 'error',
        message: '第二部分“行政事业性收费”的“本年收费金额（单位：万元）”填写了-0.5，金额不能为负数',
        cells: ['activeDisclosure.fees.amount'],
      },
    ]);
  });

  it('accepts a negative 本年增/减 (2019 format) but not a fractional one', () => {
    expect(checkReport(setCell(fullReport2019(), 'activeDisclosure2019.licensing.change', -3))).toEqual([]);
    expect(checkReport(setCell(fullReport2019(), 'activeDisclosure2019.licensing.change', 1.5))).toEqual([
      {
        rule: 'value.invalid',
        severity: 'error',
        message: '第二部分“行政许可”的“本年增/减”填写了1.5，应为整数',
        cells: ['activeDisclosure2019.licensing.change'],
      },
    ]);
  });

  it('reports blank cells once per row, listing the cells, and does not read them as 0', () => {
    const r = withCells(fullReport(), {
      'activeDisclosure.fees.amount': null,
      [app('newReceived', 'research')]: null,
      'reviewLitigation.litigationAfterReview.upheld': null,
      'reviewLitigation.litigationAfterReview.corrected': null,
      'reviewLitigation.litigationAfterReview.other': null,
      'reviewLitigation.litigationAfterReview.pending': null,
      'reviewLitigation.litigationAfterReview.total': null,
    });
    expect(checkReport(r)).toEqual([
      {
        rule: 'value.blank',
        severity: 'warning',
        message: '第二部分“行政事业性收费”有1个单元格空白（本年收费金额（单位：万元））：空白不等于0，没有的请填0',
        cells: ['activeDisclosure.fees.amount'],
      },
      {
        rule: 'value.blank',
        severity: 'warning',
        message: '第三部分“一、本年新收政府信息公开申请数量”有1个单元格空白（科研机构）：空白不等于0，没有的请填0',
        cells: [app('newReceived', 'research')],
      },
      {
        rule: 'value.blank',
        severity: 'warning',
        message:
          '第四部分“行政诉讼·复议后起诉”有5个单元格空白（结果维持、结果纠正、其他结果、尚未审结、总计）：空白不等于0，没有的请填0',
        cells: ['upheld', 'corrected', 'other', 'pending', 'total'].map(
          (c) => `reviewLitigation.litigationAfterReview.${c}`,
        ),
      },
    ]);
  });
});

describe('rule 8: year and date', () => {
  const meta = (r: Report) => checkReport(r);

  it('reports a statistical period of another year', () => {
    const r = { ...fullReport(), preamble: fullReport().preamble.replaceAll('2024', '2023') };
    expect(meta(r)).toEqual([
      {
        rule: 'meta.year',
        severity: 'error',
        message: '报告前言的统计期限写的是2023年1月1日至2023年12月31日，与报告年度2024年不一致',
        cells: [],
        field: 'preamble',
      },
    ]);
  });

  it('finds the period however it is spaced', () => {
    const r = { ...fullReport(), preamble: '所列数据统计期限为 2021 年 1 月 1 日至 2021 年 12 月 31 日。' };
    expect(meta(r).map((f) => f.message)).toEqual([
      '报告前言的统计期限写的是2021年1月1日至2021年12月31日，与报告年度2024年不一致',
    ]);
  });

  it('reports a report title of another year in the cover letter', () => {
    const r = {
      ...fullReport(),
      cover: {
        ...fullReport().cover,
        body: '现将《某某县行政审批服务局2023年政府信息公开工作年度报告》随文呈来，请审阅。',
      },
    };
    expect(meta(r)).toEqual([
      {
        rule: 'meta.year',
        severity: 'error',
        message: '报送函正文提到的报告名称是2023年度，与报告年度2024年不一致',
        cells: [],
        field: 'cover.body',
      },
    ]);
  });

  it('lets the narrative cite last year’s report, but not an older one', () => {
    const r = fullReport();
    const problems = r.narrative.problems.map((p, i) => (i === 0 ? { ...p, text: p.text.replace('2023', '2022') } : p));
    expect(meta({ ...r, narrative: { ...r.narrative, problems } })).toEqual([
      {
        rule: 'meta.year',
        severity: 'error',
        message: '第五部分提到的报告名称是2022年度，与报告年度2024年不一致',
        cells: [],
        field: { section: 5, part: r.narrative.problems[0].id },
      },
    ]);
  });

  it('warns when 一 opens with another year (text copied from an old report)', () => {
    const r = fullReport();
    const overview = r.narrative.overview.map((p, i) => (i === 0 ? { ...p, text: p.text.replace('2024', '2023') } : p));
    expect(meta({ ...r, narrative: { ...r.narrative, overview } })).toEqual([
      {
        rule: 'meta.year',
        severity: 'warning',
        message: '第一部分开头写的是“2023年”，与报告年度2024年不一致，请核对是否沿用了往年的文字',
        cells: [],
        field: { section: 1, part: overview.find((p) => p.text.trim())!.id },
      },
    ]);
  });

  const withDate = (date: string) => ({ ...fullReport(), cover: { ...fullReport().cover, date } });

  it('wants a date', () => {
    expect(meta(withDate(''))).toEqual([
      {
        rule: 'meta.date',
        severity: 'warning',
        message: '未填写成文日期：报告应于2025年1月31日前报送',
        cells: [],
        field: 'cover.date',
      },
    ]);
  });

  it('reports a date that does not exist', () => {
    expect(meta(withDate('2025-02-30'))).toEqual([
      {
        rule: 'meta.date',
        severity: 'error',
        message: '成文日期“2025-02-30”不是有效的日期',
        cells: [],
        field: 'cover.date',
      },
    ]);
    expect(meta(withDate('2025年1月'))).toEqual([
      {
        rule: 'meta.date',
        severity: 'error',
        message: '成文日期“2025年1月”不是有效的日期',
        cells: [],
        field: 'cover.date',
      },
    ]);
  });

  it('warns about a date after 1月31日 of the next year, or before the year ends', () => {
    expect(meta(withDate('2025-02-01'))).toEqual([
      {
        rule: 'meta.date',
        severity: 'warning',
        message: '成文日期2025年2月1日晚于报送截止日期2025年1月31日',
        cells: [],
        field: 'cover.date',
      },
    ]);
    expect(meta(withDate('2024-12-30'))).toEqual([
      {
        rule: 'meta.date',
        severity: 'warning',
        message: '成文日期2024年12月30日早于统计期限结束（2024年12月31日）',
        cells: [],
        field: 'cover.date',
      },
    ]);
    expect(meta(withDate('2025-01-31'))).toEqual([]);
    expect(meta(withDate('2024-12-31'))).toEqual([]);
  });

  it('wants the organ’s name', () => {
    expect(meta({ ...fullReport(), org: '  ' })).toEqual([
      { rule: 'meta.org', severity: 'error', message: '未填写机关名称：请在“报送信息”中填写', cells: [], field: 'org' },
    ]);
  });

  it('wants the cover letter’s recipient', () => {
    const r = fullReport();
    expect(checkReport({ ...r, cover: { ...r.cover, recipient: ' ' } })).toEqual([
      {
        rule: 'meta.recipient',
        severity: 'warning',
        message: '未填写报送函的主送机关（如“县政府办”）：请在“报送信息”中填写，否则导出的报送函没有主送机关',
        cells: [],
        field: 'cover.recipient',
      },
    ]);
  });
});

describe('rule 9: the 2021 format from the 2021 reporting year on', () => {
  it('reports a 2021 report in the 2019 format', () => {
    expect(checkReport(fullReport2019(2021))).toEqual([
      {
        rule: 'format.outdated',
        severity: 'error',
        message:
          '2021年度报告应使用2021年版格式（国办公开办函〔2021〕30号），本报告使用的是2019年版格式（试行）：请按2021年版格式重新填报',
        cells: [],
        field: 'year',
      },
    ]);
    expect(checkReport(fullReport2019(2023)).map((f) => f.rule)).toEqual(['format.outdated']);
  });

  it('accepts either format for 2020', () => {
    expect(checkReport(fullReport2019(2020))).toEqual([]);
    expect(checkReport(retarget(fullReport(), 2020))).toEqual([]);
  });
});

describe('completeness', () => {
  it('reports an empty narrative section', () => {
    const r = fullReport();
    const problems = r.narrative.problems.map((p) => ({ ...p, text: '  ' }));
    expect(checkReport({ ...r, narrative: { ...r.narrative, problems } })).toEqual([
      {
        rule: 'narrative.empty',
        severity: 'warning',
        message: '第五部分“存在的主要问题及改进情况”还没有内容',
        cells: [],
        field: { section: 5 },
      },
    ]);
  });

  it('reports section 六 silent on 信息处理费', () => {
    const r = fullReport();
    const other = r.narrative.other.filter((p) => p.id !== 'fees');
    expect(checkReport({ ...r, narrative: { ...r.narrative, other } })).toEqual([
      {
        rule: 'narrative.fee',
        severity: 'warning',
        message: '第六部分未说明信息处理费收取情况：请写明本年度是否收取信息处理费（未收取的写“未收取信息处理费”）',
        cells: [],
        field: { section: 6 },
      },
    ]);
  });

  it('has a Chinese title for every rule id', () => {
    for (const [id, r] of Object.entries(RULES)) expect(r.title, id).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('auto-sum', () => {
  it('fills every total from its parts, touching only the rows that change', () => {
    const before = setCell(fullReport(), app('granted', 'natural'), 6);
    const after = applyAutoTotals(before);
    expect(getCell(after, app('granted', 'total'))).toBe(8);
    expect(getCell(after, app('resultTotal', 'natural'))).toBe(11);
    expect(getCell(after, app('resultTotal', 'total'))).toBe(16);
    expect(getCell(before, app('granted', 'total'))).toBe(7);
    expect(after.applications.newReceived).toBe(before.applications.newReceived);
    expect(after.reviewLitigation).toBe(before.reviewLitigation);
    // What remains is the clerk's own mistake: 一+二 no longer equals 三（七）+四.
    expect(checkReport(after).map((f) => f.message)).toEqual([
      '自然人列：一+二=12，三（七）+四=13，相差1',
      '总计列：一+二=18，三（七）+四=19，相差1',
    ]);
  });

  it('leaves a total blank while all its parts are blank', () => {
    const empty = emptyReport('某局', 2024);
    expect([...derivedTotals(empty).values()].every((v) => v === null)).toBe(true);
    expect(applyAutoTotals(empty)).toBe(empty);
    const one = applyAutoTotals(setCell(empty, app('granted', 'legal'), 2));
    expect(getCell(one, app('granted', 'total'))).toBe(2);
    expect(getCell(one, app('resultTotal', 'legal'))).toBe(2);
    expect(getCell(one, app('resultTotal', 'total'))).toBe(2);
    expect(getCell(one, app('newReceived', 'total'))).toBeNull();
  });

  it('adds amounts without float noise', () => {
    let r = emptyReport('某局', 2024);
    r = withCells(r, { 'reviewLitigation.review.upheld': 0.1, 'reviewLitigation.review.corrected': 0.2 });
    expect(derivedTotals(r).get('reviewLitigation.review.total')).toBe(0.3);
  });

  it('covers exactly the targets of the format’s sums', () => {
    const targets = new Set(relations(format2021).sums.map((s) => s.target));
    expect(new Set(derivedTotals(fullReport()).keys())).toEqual(targets);
    expect(targets.size).toBe(7 + 25 + 3 - 1); // （七）总计·总计 is both a row and a column total
  });

  it('suggests for a total exactly what auto-sum would write, and following the suggestions fixes the sums', () => {
    const mistakes: Record<string, number | null>[] = [
      { [app('granted', 'total')]: 8 },
      { [app('refused.otherLaw', 'natural')]: 1, [app('refused.otherLaw', 'total')]: 1 },
      { [app('resultTotal', 'natural')]: null },
      { [app('resultTotal', 'total')]: 99, [app('newReceived', 'legal')]: 4 },
      { 'reviewLitigation.review.total': 3, 'reviewLitigation.litigationAfterReview.pending': 2 },
    ];
    for (const m of mistakes) {
      let r = withCells(fullReport(), m);
      const derived = derivedTotals(r);
      const findings = checkReport(r).filter((f) => SUM_RULES.has(f.rule));
      expect(findings.length, JSON.stringify(m)).toBeGreaterThan(0);
      for (const f of findings) {
        if (f.suggestion) expect(f.suggestion.value, f.message).toBe(derived.get(f.suggestion.cell));
      }
      for (const f of findings) if (f.suggestion) r = setCell(r, f.suggestion.cell, f.suggestion.value);
      expect(
        checkReport(r).filter((f) => SUM_RULES.has(f.rule)),
        JSON.stringify(m),
      ).toEqual([]);
    }
  });
});

describe('findings', () => {
  it('come errors first, then warnings', () => {
    const r = withCells(
      { ...fullReport(), cover: { ...fullReport().cover, date: '' } },
      { 'reviewLitigation.review.total': 3 },
    );
    const f = checkReport(r);
    expect(f.map((x) => x.severity)).toEqual(['error', 'warning']);
    expect(hasErrors(f)).toBe(true);
    expect(hasErrors(f.slice(1))).toBe(false);
  });
});
