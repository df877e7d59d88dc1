// Each published sample (shared/samples) parses to exactly the numbers it holds, as typed in by
// hand in test/fixtures/samples/<sample>.json: every cell compared, a blank stays blank. The same
// holds for the sample re-written in other layouts, which is what reports nobody here has seen do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCells, getFormat } from '../../shared/format';
import { parseHtml, parseText, type ParsedReport } from '../../shared/parse';
import { getCell, type Report } from '../../shared/report';
import { loadReport, SAMPLES_DIR } from '../fixtures/reports';
import { crlf, extraBlankLines, fullWidth, halfWidth, pipesToCells, relayout, toHtml } from './helpers/sample-variants';

/** The published samples as text (test/fixtures/published, copies of shared/samples). */
const textDir = join(SAMPLES_DIR, '..', 'published');
const names = readdirSync(SAMPLES_DIR)
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const text = (name: string) => readFileSync(join(textDir, `${name}.txt`), 'utf8');
const expected = (name: string) => loadReport(join(SAMPLES_DIR, `${name}.json`));

/** Every table cell that differs, as `id: got → want` (empty when all agree). */
function diff(got: Report, want: Report): string[] {
  const out: string[] = [];
  if (got.format !== want.format) out.push(`format: ${got.format} → ${want.format}`);
  for (const c of allCells(getFormat(want.format))) {
    const a = getCell(got, c.id);
    const b = getCell(want, c.id);
    if (a !== b) out.push(`${c.id}: ${a} → ${b}`);
  }
  return out;
}

function expectSame(parsed: ParsedReport, want: Report): void {
  expect(diff(parsed.report, want)).toEqual([]);
  expect([parsed.report.org, parsed.report.year, parsed.report.format]).toEqual([want.org, want.year, want.format]);
}

describe('published samples', () => {
  it('there are samples and their typed-in tables', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of names) {
    it(`${name}: every cell as typed in, blanks stay blank`, () => {
      const parsed = parseText(text(name));
      expectSame(parsed, expected(name));
      expect(parsed.problems.filter((p) => /行|表格|数字/.test(p))).toEqual([]);
      expect(parsed.stats.tablesFound).toBe(true);
    });
  }

  it('000: cover letter, year from the text when the title has none, blanks not read as 0', () => {
    const parsed = parseText(text(names[0]));
    const want = expected(names[0]);
    expect(parsed.report.cover).toEqual(want.cover);
    expect(parsed.problems).toContain('标题中没有写年度，按第一部分开头定为2022年，请核对');
    const blanks = allCells(getFormat('2021')).filter((c) => getCell(parsed.report, c.id) === null);
    expect(blanks.length).toBe(4 + 25 * 6 + 3 * 4);
    expect(getCell(parsed.report, 'applications.newReceived.total')).toBe(0);
  });

  it('003: the 2019 format (本年新制作数量, one （六） row), +144 read as 144, section 五 without its numeral', () => {
    const parsed = parseText(text(names[2]));
    expect(parsed.report.format).toBe('2019');
    expect(getCell(parsed.report, 'activeDisclosure2019.licensing.change')).toBe(144);
    expect(getCell(parsed.report, 'applications.other.natural')).toBe(0);
    expect(parsed.stats.sections).toEqual([1, 2, 3, 4, 5, 6]);
    const overview = parsed.report.narrative.overview;
    expect(overview.find((p) => p.id === 'active')!.text).toMatch(/^2020年共在政府网站主动公开各类信息100余条/);
    expect(overview.find((p) => p.id === 'supervision')!.text).toMatch(/^仔细审查公开内容/);
    expect(parsed.report.cover.date).toBe('2021-01-27');
  });

  it('004: contact, website and narrative parts (（一）主动公开方面。…) mapped to the format’s parts', () => {
    const parsed = parseText(text(names[3]));
    const r = parsed.report;
    expect(r.contact).toMatchObject({ postcode: '756500', phone: '0954—7015216', fax: '0954—7012517' });
    expect(r.contact.address).toBe(
      '彭阳县审批服务管理局(悦龙山人社大楼)四楼 402-1'.normalize('NFKC') === r.contact.address
        ? r.contact.address
        : '彭阳县审批服务管理局（悦龙山人社大楼）四楼 402-1',
    );
    expect(r.website).toContain('www.pengyang.gov.cn');
    expect(r.narrative.overview.map((p) => p.id)).toEqual([
      'intro',
      'active',
      'onRequest',
      'management',
      'platform',
      'supervision',
    ]);
    expect(r.narrative.problems.find((p) => p.id === 'improvements')!.text).toMatch(/^一是进一步加强宣传力度/);
    expect(r.preamble).toMatch(/^本报告是彭阳县审批服务管理局/);
    // The contact lines are kept as contact, not as text of section 六.
    expect(r.narrative.other.map((p) => p.text).join('\n')).not.toMatch(/电话：/);
  });
});

describe('the samples in other layouts', () => {
  const tableSamples = names.filter((n) => !n.startsWith('001'));
  const cases: [string, (t: string) => string][] = [
    ['tab rows', (t) => relayout(t, 'tabs')],
    ['a cell per line', (t) => relayout(t, 'cells')],
    ['`cell |` pipes', (t) => relayout(t, 'pipes')],
    ['half-width punctuation', halfWidth],
    ['full-width punctuation and digits', fullWidth],
    ['extra blank lines', extraBlankLines],
    ['Windows line ends', crlf],
  ];
  for (const name of tableSamples) {
    for (const [what, f] of cases) {
      it(`${name} with ${what}`, () => {
        expectSame(parseText(f(text(name))), expected(name));
      });
    }
    it(`${name} copied from a web page as HTML`, () => {
      expectSame(parseHtml(toHtml(text(name))), expected(name));
    });
  }
  const pipes = names.find((n) => n.startsWith('001'))!;
  for (const [what, f] of [
    ['a cell per line', pipesToCells],
    ['half-width punctuation', halfWidth],
    ['full-width punctuation and digits', fullWidth],
    ['extra blank lines', extraBlankLines],
  ] as [string, (t: string) => string][]) {
    it(`${pipes} with ${what}`, () => {
      expectSame(parseText(f(text(pipes))), expected(pipes));
    });
  }
});

describe('the samples with their line breaks lost, or every space and line break lost (a page copied badly)', () => {
  /** Cells read right, and those read wrong (`id: got → want`), over every cell of the format. */
  function score(parsed: ParsedReport, want: Report): { share: number; wrong: string[] } {
    const cells = allCells(getFormat(want.format));
    const wrong: string[] = [];
    let right = 0;
    for (const c of cells) {
      const a = getCell(parsed.report, c.id);
      const b = getCell(want, c.id);
      if (a === b) right++;
      else if (a !== null) wrong.push(`${c.id}: ${a} → ${b}`);
    }
    return { share: right / cells.length, wrong };
  }
  const cases: [string, (t: string) => string, number][] = [
    // Cells still apart (tabs), rows not: 0行政规范性文件, 03.其他, 0五、存在的主要问题… are cut; a
    // header glued to the first row's label (现行有效件数规章) leaves that row unread (004).
    ['one line, tabs kept', (t) => t.replace(/\r?\n+/g, ''), 0.95],
    // Nothing apart: every cell's digits run into the next label's.
    ['no whitespace at all', (t) => t.replace(/[\s\u3000\u00a0]+/g, ''), 0.95],
  ];
  for (const name of names) {
    for (const [what, f, least] of cases) {
      it(`${name}, ${what}: never a wrong cell, at least ${least * 100} % read`, () => {
        const want = expected(name);
        const parsed = parseText(f(text(name)));
        expect(parsed.report.format).toBe(want.format);
        const s = score(parsed, want);
        expect(s.wrong).toEqual([]);
        expect(s.share).toBeGreaterThanOrEqual(least);
      });
    }
  }
});
