// The format definition against report-format.md: labels are the spec, so they are spelled out here.
import { describe, expect, it } from 'vitest';
import {
  allCells,
  cellId,
  coverTitle,
  format2019,
  format2021,
  getFormat,
  labelMatches,
  normalizeLabel,
  ownLabel,
  parseCellId,
  relations,
  reportTitle,
  requiredFormatFor,
  tableSection,
} from '../../shared/format';

const RESULTS = '三、本年度办理结果';
const REFUSED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_HANDLED = '（五）不予处理';
const OTHER = '（六）其他处理';

/** The 25 rows of the 2021 matrix: id and label path, as report-format.md lists them. */
const ROWS_2021: [string, string[]][] = [
  ['newReceived', ['一、本年新收政府信息公开申请数量']],
  ['carriedOver', ['二、上年结转政府信息公开申请数量']],
  ['granted', [RESULTS, '（一）予以公开']],
  ['partlyGranted', [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']],
  ['refused.stateSecret', [RESULTS, REFUSED, '1.属于国家秘密']],
  ['refused.otherLaw', [RESULTS, REFUSED, '2.其他法律行政法规禁止公开']],
  ['refused.security', [RESULTS, REFUSED, '3.危及“三安全一稳定”']],
  ['refused.thirdParty', [RESULTS, REFUSED, '4.保护第三方合法权益']],
  ['refused.internal', [RESULTS, REFUSED, '5.属于三类内部事务信息']],
  ['refused.process', [RESULTS, REFUSED, '6.属于四类过程性信息']],
  ['refused.enforcementFile', [RESULTS, REFUSED, '7.属于行政执法案卷']],
  ['refused.query', [RESULTS, REFUSED, '8.属于行政查询事项']],
  ['unable.notHeld', [RESULTS, UNABLE, '1.本机关不掌握相关政府信息']],
  ['unable.needsCreation', [RESULTS, UNABLE, '2.没有现成信息需要另行制作']],
  ['unable.unclear', [RESULTS, UNABLE, '3.补正后申请内容仍不明确']],
  ['notHandled.petition', [RESULTS, NOT_HANDLED, '1.信访举报投诉类申请']],
  ['notHandled.repeat', [RESULTS, NOT_HANDLED, '2.重复申请']],
  ['notHandled.publication', [RESULTS, NOT_HANDLED, '3.要求提供公开出版物']],
  ['notHandled.massRepeat', [RESULTS, NOT_HANDLED, '4.无正当理由大量反复申请']],
  ['notHandled.confirm', [RESULTS, NOT_HANDLED, '5.要求行政机关确认或重新出具已获取信息']],
  ['other.noCorrection', [RESULTS, OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']],
  ['other.noFee', [RESULTS, OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']],
  ['other.other', [RESULTS, OTHER, '3.其他']],
  ['resultTotal', [RESULTS, '（七）总计']],
  ['carryForward', ['四、结转下年度继续办理']],
];

const COLUMNS: [string, string, string | undefined][] = [
  ['natural', '自然人', undefined],
  ['business', '商业企业', '法人或其他组织'],
  ['research', '科研机构', '法人或其他组织'],
  ['publicInterest', '社会公益组织', '法人或其他组织'],
  ['legal', '法律服务机构', '法人或其他组织'],
  ['other', '其他', '法人或其他组织'],
  ['total', '总计', undefined],
];

describe('2021 format: the matrix of 三', () => {
  const m = format2021.applications;

  it('has the 25 rows of report-format.md, in order, with their exact labels and hierarchy', () => {
    expect(m.rows).toHaveLength(25);
    expect(m.rows.map((r) => [r.id, r.path])).toEqual(ROWS_2021);
  });

  it('has the 7 columns, the five of 法人或其他组织 grouped, 总计 last', () => {
    expect(m.columns.map((c) => [c.id, c.label, c.group])).toEqual(COLUMNS);
    expect(m.columns.filter((c) => c.isTotal).map((c) => c.id)).toEqual(['total']);
    expect(m.header).toBe('申请人情况');
    expect(m.note).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  });

  it('sums （一） to （六） into （七）总计, and balances 一+二 against 三（七）+四', () => {
    expect(m.resultRows).toEqual(ROWS_2021.slice(2, 23).map(([id]) => id));
    expect([m.newRow, m.carriedOverRow, m.resultTotalRow, m.carryForwardRow]).toEqual([
      'newReceived',
      'carriedOver',
      'resultTotal',
      'carryForward',
    ]);
    const rel = relations(format2021);
    expect(rel.balances).toHaveLength(7);
    expect(rel.balances[0]).toMatchObject({
      left: ['applications.newReceived.natural', 'applications.carriedOver.natural'],
      right: ['applications.resultTotal.natural', 'applications.carryForward.natural'],
      leftLabel: '一+二',
      rightLabel: '三（七）+四',
    });
    // 7 column sums (rule 3) + 25 row totals (rule 2) + 3 groups of 四 (rule 4)
    expect(rel.sums.map((s) => s.rule)).toEqual([
      ...Array(7).fill('matrix.resultTotal'),
      ...Array(25).fill('matrix.rowTotal'),
      ...Array(3).fill('review.total'),
    ]);
  });
});

describe('2021 format: section 二 and 四, sections', () => {
  it('has the four small tables of 第二十条 with their rows and columns', () => {
    const blocks = format2021.disclosure.map((b) => ({
      label: b.label,
      header: b.itemHeader,
      rows: b.rows.map((r) => [r.id, ownLabel(r.path)]),
      cols: b.columns.map((c) => [c.id, c.label, c.kind]),
    }));
    const three = [
      ['issued', '本年制发件数', 'count'],
      ['repealed', '本年废止件数', 'count'],
      ['inForce', '现行有效件数', 'count'],
    ];
    const decisions = [['decisions', '本年处理决定数量', 'count']];
    expect(blocks).toEqual([
      {
        label: '第二十条第（一）项',
        header: '信息内容',
        rows: [
          ['rules', '规章'],
          ['normativeDocs', '行政规范性文件'],
        ],
        cols: three,
      },
      { label: '第二十条第（五）项', header: '信息内容', rows: [['licensing', '行政许可']], cols: decisions },
      {
        label: '第二十条第（六）项',
        header: '信息内容',
        rows: [
          ['punishment', '行政处罚'],
          ['enforcement', '行政强制'],
        ],
        cols: decisions,
      },
      {
        label: '第二十条第（八）项',
        header: '信息内容',
        rows: [['fees', '行政事业性收费']],
        cols: [['amount', '本年收费金额（单位：万元）', 'amount']],
      },
    ]);
    expect(format2021.disclosureKey).toBe('activeDisclosure');
  });

  it('has the 15 numbers of 四: three groups of five', () => {
    const r = format2021.review;
    expect(r.groups.map((g) => [g.id, g.path])).toEqual([
      ['review', ['行政复议']],
      ['litigationDirect', ['行政诉讼', '未经复议直接起诉']],
      ['litigationAfterReview', ['行政诉讼', '复议后起诉']],
    ]);
    expect(r.columns.map((c) => [c.id, c.label])).toEqual([
      ['upheld', '结果维持'],
      ['corrected', '结果纠正'],
      ['other', '其他结果'],
      ['pending', '尚未审结'],
      ['total', '总计'],
    ]);
  });

  it('has the six sections in order, 一 五 六 as narrative with the customary parts', () => {
    expect(format2021.sections.map((s) => [s.numeral, s.heading, s.kind])).toEqual([
      ['一', '总体情况', 'narrative'],
      ['二', '主动公开政府信息情况', 'table'],
      ['三', '收到和处理政府信息公开申请情况', 'table'],
      ['四', '政府信息公开行政复议、行政诉讼情况', 'table'],
      ['五', '存在的主要问题及改进情况', 'narrative'],
      ['六', '其他需要报告的事项', 'narrative'],
    ]);
    expect(format2021.sections[0].parts!.map((p) => p.heading).filter(Boolean)).toEqual([
      '主动公开',
      '依申请公开',
      '政府信息管理',
      '平台建设',
      '监督保障',
    ]);
    expect(format2021.sections[5].parts!.map((p) => p.heading)).toContain('信息处理费收取情况');
  });

  it('names the section each table is printed in', () => {
    expect(tableSection(format2021, 'activeDisclosure')?.numeral).toBe('二');
    expect(tableSection(format2021, 'applications')?.numeral).toBe('三');
    expect(tableSection(format2021, 'reviewLitigation')?.numeral).toBe('四');
    expect(tableSection(format2019, 'activeDisclosure2019')?.numeral).toBe('二');
    expect(tableSection(format2021, 'activeDisclosure2019')).toBeUndefined();
  });
});

describe('2019 format', () => {
  it('has 23 matrix rows: （六）其他处理 is the single row `other`', () => {
    const rows = format2019.applications.rows;
    expect(rows).toHaveLength(23);
    const expected = [
      ...ROWS_2021.filter(([id]) => !id.startsWith('other.')).slice(0, 20),
      ['other', [RESULTS, OTHER]],
      ...ROWS_2021.slice(23),
    ];
    expect(rows.map((r) => [r.id, r.path])).toEqual(expected);
    expect(format2019.applications.resultRows.at(-1)).toBe('other');
    expect(format2019.applications.columns.map((c) => c.id)).toEqual(COLUMNS.map(([id]) => id));
  });

  it('keeps its own section 二 under activeDisclosure2019', () => {
    expect(format2019.disclosureKey).toBe('activeDisclosure2019');
    const blocks = format2019.disclosure.map((b) => [
      b.label,
      b.rows.map((r) => ownLabel(r.path)),
      b.columns.map((c) => c.label),
    ]);
    const items = ['上一年项目数量', '本年增/减'];
    expect(blocks).toEqual([
      ['第二十条第（一）项', ['规章', '规范性文件'], ['本年新制作数量', '本年新公开数量', '对外公开总数量']],
      ['第二十条第（五）项', ['行政许可', '其他对外管理服务事项'], [...items, '处理决定数量']],
      ['第二十条第（六）项', ['行政处罚', '行政强制'], [...items, '处理决定数量']],
      ['第二十条第（八）项', ['行政事业性收费'], items],
      ['第二十条第（九）项', ['政府集中采购'], ['采购项目数量', '采购总金额']],
    ]);
    // 本年增/减 is a signed change (sample 003 prints +144).
    expect(format2019.disclosure[1].columns[1]).toMatchObject({ id: 'change', kind: 'change' });
    // No 现行有效件数 in 2019: no running stock for rule 6.
    expect(relations(format2019).stocks).toEqual([]);
    expect(relations(format2021).stocks.map((s) => [s.rowId, s.closing])).toEqual([
      ['rules', 'activeDisclosure.rules.inForce'],
      ['normativeDocs', 'activeDisclosure.normativeDocs.inForce'],
    ]);
  });
});

describe('cells', () => {
  it('enumerates every cell of 2021 in reading order: 10 of 二, 175 of 三, 15 of 四', () => {
    const cells = allCells(format2021);
    expect(cells).toHaveLength(200);
    expect(cells.filter((c) => c.table === 'activeDisclosure')).toHaveLength(10);
    expect(cells.filter((c) => c.table === 'applications')).toHaveLength(175);
    expect(cells.filter((c) => c.table === 'reviewLitigation')).toHaveLength(15);
    expect(cells[0].id).toBe('activeDisclosure.rules.issued');
    expect(cells[10].id).toBe('applications.newReceived.natural');
    expect(cells.at(-1)!.id).toBe('reviewLitigation.litigationAfterReview.total');
    expect(new Set(cells.map((c) => c.id)).size).toBe(200);
    expect(cells.find((c) => c.id === 'activeDisclosure.fees.amount')!.kind).toBe('amount');
  });

  it('marks the total row and the total column, and nothing else, as totals', () => {
    const totals = allCells(format2021).filter((c) => c.isTotal && c.table === 'applications');
    expect(totals).toHaveLength(25 + 6);
    expect(totals.every((c) => c.rowId === 'resultTotal' || c.colId === 'total')).toBe(true);
  });

  it('enumerates the 2019 format: 22 of 二, 161 of 三, 15 of 四', () => {
    const cells = allCells(format2019);
    expect(cells.filter((c) => c.table === 'activeDisclosure2019')).toHaveLength(22);
    expect(cells.filter((c) => c.table === 'applications')).toHaveLength(161);
    expect(cells.some((c) => c.id === 'applications.other.natural')).toBe(true);
    expect(cells.some((c) => c.rowId.startsWith('other.'))).toBe(false);
    // Row `other`, column `other` (法人或其他组织·其他): the id is unambiguous because columns never hold dots.
    expect(parseCellId('applications.other.other')).toEqual({ table: 'applications', rowId: 'other', colId: 'other' });
  });

  it('parses cell ids whose row ids contain dots', () => {
    expect(parseCellId('applications.refused.stateSecret.natural')).toEqual({
      table: 'applications',
      rowId: 'refused.stateSecret',
      colId: 'natural',
    });
    expect(parseCellId('applications.other.other.total')).toEqual({
      table: 'applications',
      rowId: 'other.other',
      colId: 'total',
    });
    expect(parseCellId('applications.other.total')).toEqual({ table: 'applications', rowId: 'other', colId: 'total' });
    expect(parseCellId('reviewLitigation.review.total')).toEqual({
      table: 'reviewLitigation',
      rowId: 'review',
      colId: 'total',
    });
    for (const c of [...allCells(format2021), ...allCells(format2019)]) {
      expect(parseCellId(c.id)).toEqual({ table: c.table, rowId: c.rowId, colId: c.colId });
      expect(cellId(c.table, c.rowId, c.colId)).toBe(c.id);
    }
  });

  it('rejects what is not a cell id', () => {
    for (const bad of [
      '',
      'applications',
      'applications.granted',
      'sheet.granted.natural',
      'narrative.overview.text',
    ]) {
      expect(parseCellId(bad)).toBeNull();
    }
  });
});

describe('labelMatches: spellings drift in real reports', () => {
  const col = (id: string) => format2021.applications.columns.find((c) => c.id === id)!;
  const row = (id: string) => format2021.applications.rows.find((r) => r.id === id)!;
  const matchesRow = (text: string, id: string) => labelMatches(text, ownLabel(row(id).path), row(id).aliases);

  it('matches the drifted spellings report-format.md names', () => {
    expect(labelMatches('社会组织', col('publicInterest').label, col('publicInterest').aliases)).toBe(true);
    expect(matchesRow('2.其他法律法规禁止公开', 'refused.otherLaw')).toBe(true);
    expect(matchesRow('其他法律法规禁止公开', 'refused.otherLaw')).toBe(true);
    expect(labelMatches('结果 维持', '结果维持')).toBe(true);
    expect(labelMatches('尚未\n审结', '尚未审结')).toBe(true);
    expect(labelMatches('商业\n\n企业', '商业企业')).toBe(true);
  });

  it('ignores bracket and punctuation width, quotes and enumeration', () => {
    expect(matchesRow('(一) 予以公开', 'granted')).toBe(true);
    expect(matchesRow('(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)', 'partlyGranted')).toBe(true);
    expect(matchesRow('3.危及"三安全一稳定"', 'refused.security')).toBe(true);
    expect(matchesRow('3.危及三安全一稳定', 'refused.security')).toBe(true);
    expect(labelMatches('本年收费金额(单位:万元)', '本年收费金额（单位：万元）')).toBe(true);
    expect(labelMatches('第二十条第(一)项 |', '第二十条第（一）项')).toBe(true);
    expect(normalizeLabel(' （本列数据）| ')).toBe(normalizeLabel('(本列数据)'));
  });

  it('matches a long label by its beginning, but never a short one by prefix', () => {
    expect(matchesRow('本年新收', 'newReceived')).toBe(true);
    expect(labelMatches('其他结果', '其他')).toBe(false);
    expect(matchesRow('2.其他法律行政法规禁止公开', 'other.other')).toBe(false);
    expect(matchesRow('其他对外管理服务事项', 'other.other')).toBe(false);
    expect(labelMatches('行政处罚', '行政强制')).toBe(false);
    expect(labelMatches('', '规章')).toBe(false);
  });

  it('tells every matrix row and column of both formats apart', () => {
    for (const f of [format2021, format2019]) {
      for (const r of f.applications.rows) {
        const hits = f.applications.rows.filter((x) => labelMatches(ownLabel(r.path), ownLabel(x.path), x.aliases));
        expect(
          hits.map((x) => x.id),
          ownLabel(r.path),
        ).toEqual([r.id]);
      }
      for (const c of f.applications.columns) {
        const hits = f.applications.columns.filter((x) => labelMatches(c.label, x.label, x.aliases));
        expect(hits.map((x) => x.id)).toEqual([c.id]);
      }
    }
  });
});

describe('format choice and titles', () => {
  it('requires the 2021 format from the 2021 reporting year on', () => {
    expect(requiredFormatFor(2019)).toBe('2019');
    expect(requiredFormatFor(2020)).toBe('2019');
    expect(requiredFormatFor(2021)).toBe('2021');
    expect(requiredFormatFor(2024)).toBe('2021');
    expect(getFormat('2019')).toBe(format2019);
  });

  it('builds the report and cover letter titles', () => {
    expect(reportTitle('某某县行政审批服务局', 2024)).toBe('某某县行政审批服务局2024年政府信息公开工作年度报告');
    expect(coverTitle('某局', 2024)).toBe('关于报送《某局2024年政府信息公开工作年度报告》的报告');
  });
});
