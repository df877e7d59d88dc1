// shared/parse and the XML/HTML readers in detail: values, layouts of text, titles, sections,
// narrative parts, problems said in Chinese, and grids with merged cells.
import { describe, expect, it } from 'vitest';
import { format2021, ownLabel } from '../../shared/format';
import { htmlToBlocks, parseBlocks, parseText, textToLines } from '../../shared/parse';
import { readCell } from '../../shared/parse/values';
import { getCell } from '../../shared/report';
import { docxToBlocks } from '../../electron/services/readers/docx';

const M = format2021.applications;
const row = (id: string) => M.rows.find((r) => r.id === id)!;

/** A minimal report text: title, the matrix as tab rows (the given rows' numbers), nothing else. */
function matrixText(rows: Record<string, string[]>, title = '某某县教育局2024年政府信息公开工作年度报告'): string {
  const lines = [title, '三、收到和处理政府信息公开申请情况', M.columns.map((c) => c.label).join('\t')];
  for (const r of M.rows) lines.push([ownLabel(r.path), ...(rows[r.id] ?? M.columns.map(() => '0'))].join('\t'));
  return lines.join('\n');
}

describe('a cell as a number', () => {
  it('blank, / and dashes are blanks (never 0); signs, separators, full-width digits and units are read', () => {
    const v = (s: string) => {
      const c = readCell(s);
      return c.kind === 'number' ? c.value : c.kind;
    };
    expect(['', ' ', '\u00a0', '\u3000', '/', '／', '-', '—', '无'].map(v)).toEqual(Array(9).fill('blank'));
    expect(['0', ' 5 ', '+144', '-3', '1,234', '1 234', '１２', '12.5', '5件', '0.25万元'].map(v)).toEqual([
      0, 5, 144, -3, 1234, 1234, 12, 12.5, 5, 0.25,
    ]);
    expect(['很多', '95%', '1.2.3', '一'].map(v)).toEqual(['text', 'text', 'text', 'text']);
    expect(v('1234567890123456789')).toBe('huge');
  });
});

describe('text layouts', () => {
  it('a cell per line: lone tabs and spaces are blank cells, empty lines carry nothing, split labels are joined', () => {
    const lines = textToLines('\t结果\n纠正\n\t商业\n\n企业\n\t\n  \n\t0\n');
    expect(lines.map((l) => l.cells)).toEqual([['结果纠正'], ['商业企业'], [''], [''], ['0']]);
  });

  it('`cell |` pipes: ` |` is a blank cell, `|||` a filler; markdown rows are rows', () => {
    expect(textToLines('规章 |\n0 |\n |\n|||\n| a | b |\n|---|---|').map((l) => l.cells)).toEqual([
      ['规章'],
      ['0'],
      [''],
      ['a', 'b'],
    ]);
  });

  it('rows written with spaces (a PDF viewer’s copy) are split; prose is not', () => {
    const lines = textToLines(
      '规章 0 0 0\n行政规范性文件  1  2  3\n本机关 2021 年未收到政府信息公开申请，未收取信息处理费。',
    );
    expect(lines.map((l) => l.cells)).toEqual([
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '1', '2', '3'],
      ['本机关 2021 年未收到政府信息公开申请，未收取信息处理费。'],
    ]);
  });
});

describe('title, year and organ', () => {
  it('a title over several lines, with spaces around the year', () => {
    const p = parseText(`彭阳县审批服务管理局\n\n2021 年政府信息\n公开工作年度报告\n一、总体情况\n本年度…`);
    expect([p.report.org, p.report.year]).toEqual(['彭阳县审批服务管理局', 2021]);
    expect(p.problems.filter((x) => /年度|机关/.test(x))).toEqual([]);
  });

  it('a title without its year takes the statistical period, and says so', () => {
    const p = parseText(
      '某某县统计局政府信息公开工作年度报告\n本报告所列数据的统计期限为2023年1月1日至2023年12月31日。\n一、总体情况\n…',
    );
    expect([p.report.org, p.report.year]).toEqual(['某某县统计局', 2023]);
    expect(p.problems).toContain('标题中没有写年度，按统计期限定为2023年，请核对');
  });

  it('a title without the organ takes it from the text', () => {
    const p = parseText('2022年政府信息公开工作年度报告\n本报告由某某县林业局编制。\n一、总体情况\n…');
    expect([p.report.org, p.report.year]).toEqual(['某某县林业局', 2022]);
    expect(p.problems).toContain('标题中没有机关名称，取“某某县林业局”，请核对');
  });
});

describe('sections and narrative parts', () => {
  it('headings without numerals, other spellings, text run on after a heading', () => {
    const p = parseText(
      [
        '某某局2024年政府信息公开工作年度报告',
        '总体情况',
        '主动公开。全年公开信息100条。',
        '（二）依申请公开方面。收到申请2件。',
        '（三）加强队伍建设',
        '举办培训2次。',
        '五、存在的主要问题和改进情况',
        '（一）存在的问题。公开不够及时。',
        '（二）下一步工作打算。加强培训。',
        '六、其他需要报告的事项：本年度未收取信息处理费。',
      ].join('\n'),
    );
    expect(p.stats.sections).toEqual([1, 5, 6]);
    const o = p.report.narrative.overview.filter((x) => x.text);
    expect(o.map((x) => [x.id, x.heading, x.text])).toEqual([
      ['active', '主动公开', '全年公开信息100条。'],
      ['onRequest', '依申请公开', '收到申请2件。'],
      ['extra-1', '加强队伍建设', '举办培训2次。'],
    ]);
    expect(p.report.narrative.problems.filter((x) => x.text).map((x) => x.id)).toEqual(['problems', 'improvements']);
    expect(p.report.narrative.other.find((x) => x.text)!.text).toBe('本年度未收取信息处理费。');
  });

  it('a cover letter: recipient, body and date; the title after it', () => {
    const p = parseText(
      '关于报送《某某局2024年政府信息公开工作年度报告》的报告\n县政府办：\n现将报告报上，请审阅。\n某某局\n2025年1月20日\n某某局2024年政府信息公开工作年度报告\n一、总体情况\n…',
    );
    expect(p.report.cover).toMatchObject({ recipient: '县政府办', body: '现将报告报上，请审阅。', date: '2025-01-20' });
    expect(p.report.org).toBe('某某局');
  });
});

describe('the tables: by labels, never a blank read as 0, problems in Chinese', () => {
  it('a row with a number missing is left unread and named as the brief asks', () => {
    const p = parseText(matrixText({ 'unable.needsCreation': ['1', '0', '0', '0', '0', '1'] }));
    expect(p.problems).toContain(
      '三、第“（四）无法提供 2.没有现成信息需要另行制作”行只找到6个数字（应有7个），无法确定各是哪一列，这一行未读取，请核对',
    );
    expect(getCell(p.report, 'applications.unable.needsCreation.natural')).toBeNull();
    expect(getCell(p.report, 'applications.unable.notHeld.natural')).toBe(0);
  });

  it('blank cells (empty between tabs) stay blank; a word where a number should be is named', () => {
    const p = parseText(
      matrixText({ newReceived: ['', '2', '', '', '', '', '2'], carriedOver: ['很多', '0', '0', '0', '0', '0', '0'] }),
    );
    expect(p.report.applications.newReceived).toEqual({
      natural: null,
      business: 2,
      research: null,
      publicInterest: null,
      legal: null,
      other: null,
      total: 2,
    });
    expect(p.problems.some((x) => x.includes('二、上年结转政府信息公开申请数量'))).toBe(true);
  });

  it('rows found by label in any order of the text; a missing row is named', () => {
    const rows = M.rows.filter((r) => r.id !== 'refused.security').reverse();
    const text = [
      '某局2024年政府信息公开工作年度报告',
      ...rows.map((r) => `${r.path.join('')}\t1\t0\t0\t0\t0\t0\t1`),
    ].join('\n');
    const p = parseText(text);
    expect(getCell(p.report, 'applications.other.other.total')).toBe(1);
    expect(p.problems).toContain(
      `三、未找到“${row('refused.security').path[1]} ${ownLabel(row('refused.security').path)}”行`,
    );
  });

  it('the 2019 format is told by its labels, the 2021 format by its own', () => {
    expect(
      parseText(
        '某局2023年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0',
      ).stats.format,
    ).toBe('2019');
    expect(
      parseText(
        '某局2020年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0',
      ).stats.format,
    ).toBe('2021');
  });
});

describe('grids with merged cells', () => {
  it('HTML: colspan and rowspan expanded, copies marked; entities decoded; a layout table read as text', () => {
    const blocks = htmlToBlocks(
      '<table><tr><td>x<table><tr><td rowspan="2">a&amp;b</td><td colspan="2">c</td></tr><tr><td>d</td><td>&nbsp;</td></tr></table></td></tr></table><p>尾</p>',
    );
    expect(blocks).toEqual([
      { type: 'p', text: 'x' },
      {
        type: 'table',
        rows: [
          ['a&b', 'c', 'c'],
          ['a&b', 'd', '\u00a0'],
        ],
        merged: [
          [false, false, true],
          [true, false, false],
        ],
      },
      { type: 'p', text: '尾' },
    ]);
  });

  it('HTML that never closes or nests thousands deep ends quickly', () => {
    const deep = '<div>'.repeat(50_000) + '某局2024年政府信息公开工作年度报告' + '<td><tr><a href="'.repeat(5000);
    const t0 = Date.now();
    htmlToBlocks(deep);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('docx: w:gridSpan and w:vMerge expanded, deleted text and field codes left out', () => {
    const tc = (t: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const xml =
      '<w:document><w:body><w:p><w:r><w:t>标题</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>' +
      `<w:tbl><w:tr>${tc('A', '<w:vMerge w:val="restart"/>')}${tc('B', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('1')}${tc('2')}</w:tr></w:tbl></w:body></w:document>`;
    expect(docxToBlocks(xml).blocks).toEqual([
      { type: 'p', text: '标题' },
      {
        type: 'table',
        rows: [
          ['A', 'B', 'B'],
          ['A', '1', '2'],
        ],
        merged: [
          [false, false, true],
          [true, false, false],
        ],
      },
    ]);
  });

  it('a docx-like grid with an extra blank column and numbers as text is read by its header', () => {
    const header = ['', ...M.columns.slice(0, -1).map((c) => c.label), '', M.columns[M.columns.length - 1].label];
    const rows = [header, ...M.rows.map((r) => [ownLabel(r.path), ' 1 ', '0', '0', '0', '0', '0', '', ' 1 '])];
    const p = parseBlocks([
      { type: 'p', text: '某局2024年政府信息公开工作年度报告' },
      { type: 'table', rows },
    ]);
    expect(p.report.applications.granted).toEqual({
      natural: 1,
      business: 0,
      research: 0,
      publicInterest: 0,
      legal: 0,
      other: 0,
      total: 1,
    });
    expect(p.problems.filter((x) => x.startsWith('三、') || x.startsWith('四、'))).toEqual([]);
    expect(p.problems).toContain('未找到“四、政府信息公开行政复议、行政诉讼情况”的表格');
  });
});

describe('reports written in other ways', () => {
  const enumStyle = (label: string, style: string) =>
    style === 'paren'
      ? label.replace(/^(\d+)\./, '($1)')
      : style === 'circled'
        ? label.replace(/^(\d+)\./, (_, d: string) => String.fromCharCode(0x245f + +d))
        : label.replace(/^(\d+)\./, '$1、');
  for (const style of ['paren', 'circled', 'dun']) {
    it(`items numbered ${style === 'paren' ? '(1)' : style === 'circled' ? '①' : '1、'}; a title without 年度, a heading reworded, a date in Chinese numerals`, () => {
      const lines = [
        '某县民政局2022年度政府信息公开工作报告',
        '一、总体情况',
        '2022年，本局……',
        '三、收到和处理政府信息公开申请情况',
        M.columns.map((c) => c.label).join('\t'),
      ];
      M.rows.forEach((r, i) =>
        lines.push(
          [
            r.path.slice(0, -1).join(''),
            enumStyle(ownLabel(r.path), style),
            ...M.columns.map((_, j) => String(i + j)),
          ].join('\t'),
        ),
      );
      lines.push(
        '五、政府信息公开工作存在的主要问题及改进情况',
        '问题……',
        '六、其他需要报告的事项',
        '无。',
        '某县民政局',
        '二〇二三年一月十八日',
      );
      const p = parseText(lines.join('\n'));
      expect([p.report.org, p.report.year, p.report.cover.date]).toEqual(['某县民政局', 2022, '2023-01-18']);
      expect(p.stats.sections).toEqual([1, 3, 5, 6]);
      M.rows.forEach((r, i) => expect(getCell(p.report, `applications.${r.id}.natural`)).toBe(i));
      expect(getCell(p.report, 'applications.other.other.total')).toBe(22 + 6);
    });
  }
});
