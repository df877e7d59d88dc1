// Last year's text as the author wrote it, whatever the file did to it: a PDF's or printout's
// line breaks, page numbers and running headers; a web page's breadcrumb, particulars, tools
// and footer, saved as .html or .mht in GB18030, or copied as one long line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportBytes } from '../../electron/services/readers';
import { parseHtml, parseText, type ParsedReport } from '../../shared/parse';
import type { Report } from '../../shared/report';
import { FIXTURES_DIR, PUBLISHED_DIR } from '../fixtures/reports';
import { asPrinted } from './helpers/print-layout';

const TEXT_DIR = join(FIXTURES_DIR, 'text');
const written = readFileSync(join(TEXT_DIR, 'report-as-written.txt'), 'utf8');
const TITLE = written.split('\n')[0];

/** The narrative as heading → text, in order (the parts with text). */
const parts = (r: Report) =>
  Object.fromEntries(
    Object.entries(r.narrative).map(([k, ps]) => [
      k,
      ps.filter((p) => p.text).map((p) => [p.heading, p.text] as [string, string]),
    ]),
  );
const allText = (r: Report) =>
  [
    r.preamble,
    r.cover.body,
    ...Object.values(r.narrative).flatMap((ps) => ps.map((p) => `${p.heading}\n${p.text}`)),
  ].join('\n');

function checkAsWritten(parsed: Pick<ParsedReport, 'report'>, { tables = true } = {}) {
  const r = parsed.report;
  expect([r.org, r.year]).toEqual(['某某县人民政府办公室', 2023]);
  expect(r.preamble).toBe(written.split('\n')[1]);
  const src = written.split('\n');
  const after = (line: string) => src[src.indexOf(line) + 1];
  expect(parts(r)).toEqual({
    overview: [
      // A paragraph without a heading, then a heading of the author's own, then the format's.
      ['', after('一、总体情况')],
      ['健全组织机构，责任落实到人', after('（一）健全组织机构，责任落实到人')],
      ['主动公开', after('（二）主动公开')],
    ],
    problems: [
      ['存在的主要问题', after('（一）存在的主要问题')],
      ['改进措施', after('（二）改进措施')],
    ],
    other: [['信息处理费收取情况', '本年度未收取信息处理费。']],
  });
  expect(r.cover.date).toBe('2024-01-20');
  if (tables) expect(r.activeDisclosure.normativeDocs).toEqual({ issued: 3, repealed: 1, inForce: 12 });
}

describe('text as written (the reference)', () => {
  it('every paragraph under its own heading, custom ones and none included', () => {
    checkAsWritten(parseText(written));
  });
});

describe('text laid out for print: line breaks, page numbers and running headers undone', () => {
  const layouts = {
    'lines of one width, - 1 - at the foot of each page': {},
    'indented paragraphs, — 2 — and the title as running header': {
      indent: true,
      header: TITLE,
      pageNumber: (n: number) => `— ${n} —`,
    },
    'a footer with the page number in it (某某县人民政府办公室　第n页), no other page mark': {
      width: 64,
      pageLines: 8,
      pageNumber: (n: number) => `某某县人民政府办公室\u3000第${n}页`,
    },
    'a blank line at each page break, 第 n 页 共 m 页 and an organ header': {
      width: 70,
      pageLines: 9,
      blankAtBreak: true,
      header: '某某县人民政府办公室文件',
      pageNumber: (n: number, m: number) => `第 ${n} 页 共 ${m} 页`,
    },
  };
  for (const [name, layout] of Object.entries(layouts)) {
    it(name, () => {
      const printed = asPrinted(written, layout);
      expect(printed.split('\n').length).toBeGreaterThan(written.split('\n').length + 10);
      for (const rows of ['real', 'stream'] as const) {
        const parsed = parseText(printed, { textRows: rows });
        checkAsWritten(parsed);
        expect(allText(parsed.report)).not.toMatch(/[-—]\s*\d+\s*[-—]|第 ?\d+ ?页|人民政府办公室文件/);
      }
    });
  }

  it('a PDF printed by a word processor: running header, — n —, indents, a paragraph over a page break', async () => {
    const read = await readReportBytes(
      'printed-report.pdf',
      new Uint8Array(readFileSync(join(TEXT_DIR, 'printed-report.pdf'))),
    );
    // Its small table is the table readers' matter (a row's cells run together in this layout).
    checkAsWritten(read, { tables: false });
    expect(allText(read.report)).not.toMatch(/—\s*\d+\s*—|人民政府办公室文件/);
  });

  it('a line that ends a sentence, a heading, a title, a signature and a table row are not joined', () => {
    const text = [
      '某某县人民政府办公室',
      '2023年政府信息公开工作年度报告',
      '一、总体情况',
      '我办全面贯彻落实《条例》各项规定。不断加大政府信息公开力度，稳步推进五公开工作',
      '取得了新进展。',
      '（一）健全组织机构，责任落实到人',
      '成立了政务公开工作领导小组，',
      '明确了各股室的职责。',
      '强化监督考核，明确工作职责',
      '把任务分解到各业务股室。',
      '二、主动公开政府信息情况',
      '规章\t0\t0\t0',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费，全年共发布政府信息一千余条，各项工作平稳有序开展。',
      '某某县人民政府办公室',
      '2024年1月20日',
    ].join('\n');
    const r = parseText(text).report;
    expect(r.org).toBe('某某县人民政府办公室');
    expect(parts(r).overview).toEqual([
      ['', '我办全面贯彻落实《条例》各项规定。不断加大政府信息公开力度，稳步推进五公开工作取得了新进展。'],
      [
        '健全组织机构，责任落实到人',
        '成立了政务公开工作领导小组，明确了各股室的职责。\n强化监督考核，明确工作职责\n把任务分解到各业务股室。',
      ],
    ]);
    expect(r.cover.date).toBe('2024-01-20');
  });

  // The published reports, printed: the same paragraphs as read from the website's text.
  for (const file of readdirSync(PUBLISHED_DIR).filter((f) => f.endsWith('.txt'))) {
    it(`published ${file.slice(0, 3)}: printed and read back, the same paragraphs`, () => {
      const text = readFileSync(join(PUBLISHED_DIR, file), 'utf8');
      const direct = parseText(text).report;
      const printed = parseText(asPrinted(text, { width: 60, indent: true, header: 'XX县政务公开' })).report;
      expect(parts(printed)).toEqual(parts(direct));
      expect([printed.org, printed.year]).toEqual([direct.org, direct.year]);
    });
  }
});

describe('web pages: the page around the report is dropped', () => {
  const bytes = (name: string) => new Uint8Array(readFileSync(join(TEXT_DIR, name)));
  for (const name of ['web-page-gb18030.html', 'web-page.mht']) {
    it(`${name}: navigation, breadcrumb, particulars, tools, footer and scripts left out`, async () => {
      const read = await readReportBytes(name, bytes(name));
      const r = read.report;
      expect([r.org, r.year]).toEqual(['某某县人民政府办公室', 2023]);
      expect(r.preamble).toBe(written.split('\n')[1]);
      expect(parts(r).overview.map(([h]) => h)).toEqual(['', '健全组织机构，责任落实到人', '主动公开']);
      expect(parts(r).problems.map(([h]) => h)).toEqual(['存在的主要问题', '改进措施']);
      expect(allText(r)).not.toMatch(/当前位置|发布时间|浏览次数|打印本页|主办单位|ICP备|版权所有|网站首页|document/);
      expect(r.activeDisclosure.normativeDocs).toEqual({ issued: 3, repealed: 1, inForce: 12 });
    });
  }

  it('the whole page copied as one line: cut at the page’s labels and the report’s headings', () => {
    const lines = written.trim().split('\n');
    const oneLine = [
      '当前位置：首页 > 政务公开 > 政府信息公开年报',
      `标题: ${TITLE}`,
      '发布时间: 2024-01-22 10:30',
      '来源: 某某县人民政府办公室',
      '浏览次数: 356',
      '字号：[大 中 小]',
      ...lines.filter((l) => !l.includes('\t') && !l.startsWith('第二十条')),
      '【打印本页】【关闭窗口】',
      '主办单位：某某县人民政府办公室 网站标识码：1234567890 ICP备12345678号',
    ].join(' ');
    const r = parseText(oneLine).report;
    expect([r.org, r.year]).toEqual(['某某县人民政府办公室', 2023]);
    expect(r.preamble).toBe(lines[1]);
    expect(parts(r).overview.map(([h]) => h)).toEqual(['', '健全组织机构，责任落实到人', '主动公开']);
    expect(parts(r).overview[1][1]).toBe(lines[lines.indexOf('（一）健全组织机构，责任落实到人') + 1]);
    expect(parts(r).problems.map(([h]) => h)).toEqual(['存在的主要问题', '改进措施']);
    expect(allText(r)).not.toMatch(/当前位置|发布时间|浏览次数|打印本页|主办单位|ICP备/);
  });

  it('a word of the text that looks like a page label stays in the text', () => {
    const oneLine = [
      `标题: ${TITLE} 发布时间: 2024-01-22`,
      '一、总体情况',
      '全年受理政府信息公开申请5件，办理时间：平均7个工作日；经费来源：财政拨款，未收取任何费用。',
      '五、存在的主要问题及改进情况 公开内容还不够全面。',
      '六、其他需要报告的事项 本年度未收取信息处理费。',
    ].join(' ');
    const r = parseText(oneLine).report;
    expect(r.org).toBe('某某县人民政府办公室');
    expect(r.narrative.overview.map((p) => p.text).join('')).toBe(
      '全年受理政府信息公开申请5件，办理时间：平均7个工作日；经费来源：财政拨款，未收取任何费用。',
    );
  });

  it('the table of an article’s particulars (索引号, 发布机构 …) and a page number are the page’s, not the report’s', () => {
    const html = [
      '<table><tr><td>索引号：</td><td>11610924MB1234567X/2024-00012</td><td>发布机构：</td><td>某某县人民政府办公室</td></tr>',
      '<tr><td>发文日期：</td><td>2024-01-22</td><td>主题分类：</td><td>政务公开</td></tr></table>',
      `<h1>${TITLE}</h1>`,
      ...written
        .split('\n')
        .slice(1)
        .filter((l) => !l.includes('\t'))
        .map((l) => `<p>${l}</p>`),
    ].join('');
    const parsed = parseHtml(html.replace('<p>（二）主动公开</p>', '<p>- 2 -</p><p>（二）主动公开</p>'));
    expect([parsed.report.org, parsed.report.year]).toEqual(['某某县人民政府办公室', 2023]);
    expect(parsed.stats.tablesFound).toBe(false);
    expect(allText(parsed.report)).not.toMatch(/索引号|发布机构|主题分类|2024-00012|- 2 -/);
    expect(parts(parsed.report).overview.map(([h]) => h)).toEqual(['', '健全组织机构，责任落实到人', '主动公开']);
  });
});
