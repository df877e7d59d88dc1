// The web page for the government site (导出网页 / 复制网页格式 / nianbao export --html): its
// structure survives an editor that strips CSS, and the app reads it back exactly.
import { describe, expect, it } from 'vitest';
import { readReportBytes } from '../../electron/services/readers';
import { disclosureGrid, matrixGrid, reviewGrid } from '../../shared/document/grid';
import { contactLines } from '../../shared/document/describe';
import { reportWebFragment, reportWebPage } from '../../shared/document/html';
import { readOwnHtml } from '../../shared/document/read-html';
import { allCells, getFormat } from '../../shared/format';
import { getCell, narrativeKeyOf, type Report } from '../../shared/report';
import { fullReport } from './helpers/export-report';

const page = reportWebPage;
const paragraphs = (t: string) =>
  t
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

describe.each(['2021', '2019'] as const)('the %s web page read back by the importer', (formatId) => {
  const report = fullReport(formatId);
  it('gives every number and every paragraph as exported', async () => {
    const html = page(report);
    const { report: back, problems } = await readReportBytes('年报.html', new TextEncoder().encode(html));
    expect(problems).toEqual([]);
    expect([back.org, back.year, back.format]).toEqual([report.org, report.year, report.format]);
    for (const c of allCells(getFormat(formatId)))
      expect([c.id, getCell(back, c.id)]).toEqual([c.id, getCell(report, c.id)]);
    expect(paragraphs(back.preamble)).toEqual(paragraphs(report.preamble));
    expect(back.website).toBe(report.website);
    expect(back.contact).toEqual(report.contact);
    // The contact sentences as the Word file and the 预览 print them, 联系人 included.
    for (const line of contactLines(report))
      expect(html).toContain(`<p class="nb-contact" style="text-indent:2em">${line}</p>`);
    expect(contactLines(report).join('')).toContain('联系人：张三');
    for (const s of getFormat(formatId).sections) {
      const key = narrativeKeyOf(s.no);
      if (!key) continue;
      const text = (r: Report) => r.narrative[key].filter((p) => p.text.trim()).map((p) => paragraphs(p.text));
      expect(text(back)).toEqual(text(report));
    }
  });
});

describe('readOwnHtml', () => {
  it('recognises only this app’s own page', () => {
    expect(
      readOwnHtml('<html><head><meta name="generator" content="Microsoft Word"></head><body><p>x</p></body></html>'),
    ).toBeNull();
    expect(readOwnHtml(reportWebPage(fullReport('2021')))?.report.org).toBe(fullReport('2021').org);
  });
});

describe('the page as a website editor gives it back (head, styles and classes stripped)', () => {
  it('still gives every number through the generic reader', async () => {
    const report = fullReport('2021');
    const pasted = `<html><body>${reportWebFragment(report)}</body></html>`
      .replace(/\s(?:style|class)="[^"]*"/g, '')
      .replace(/<\/?(?:thead|tbody|colgroup|col)[^>]*>/g, '');
    const { report: back } = await readReportBytes('网站.html', new TextEncoder().encode(pasted));
    expect([back.org, back.year]).toEqual([report.org, report.year]);
    for (const c of allCells(getFormat('2021')))
      expect([c.id, getCell(back, c.id)]).toEqual([c.id, getCell(report, c.id)]);
  });
});

describe('the web page structure', () => {
  const report = fullReport('2021');
  const html = reportWebPage(report);
  const tables = [...html.matchAll(/<table\b[\s\S]*?<\/table>/g)].map((m) => m[0]);

  it('is UTF-8 with semantic headings and paragraphs, the title first', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(new RegExp(`<h1[^>]*>${report.org}${report.year}年政府信息公开工作年度报告</h1>`));
    const f = getFormat(report.format);
    expect([...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(
      f.sections.map((s) => `${s.numeral}、${s.heading}`),
    );
    expect(html).toContain(`<h3>（一）${report.narrative.overview[1].heading}</h3>`);
    expect(html).toContain(`>${report.narrative.overview[0].text.split('\n')[0]}</p>`);
  });

  it('has no script, no style sheet or image from outside, no link anywhere', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\bsrc=|\bhref=|url\(|@import|javascript:/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('writes the three tables with border attributes and every merge as rowspan/colspan', () => {
    expect(tables).toHaveLength(3);
    const f = getFormat(report.format);
    [disclosureGrid(f), matrixGrid(f), reviewGrid(f)].forEach((grid, i) => {
      const t = tables[i];
      expect(t).toMatch(/^<table border="1" cellspacing="0" cellpadding="4"/);
      const spans = (attr: string) =>
        [...t.matchAll(new RegExp(`${attr}="(\\d+)"`, 'g'))].map((m) => Number(m[1])).sort((a, b) => a - b);
      const expected = (key: 'rowSpan' | 'colSpan') =>
        grid.cells
          .map((c) => c[key])
          .filter((n) => n > 1)
          .sort((a, b) => a - b);
      expect(spans('rowspan')).toEqual(expected('rowSpan'));
      expect(spans('colspan')).toEqual(expected('colSpan'));
      // Every row of the grid is one <tr>, every merged cell one <td>/<th>.
      expect(t.match(/<tr>/g)).toHaveLength(grid.rows);
      expect(t.match(/<t[dh][ >]/g)).toHaveLength(grid.cells.length);
    });
    const m = getFormat(report.format).applications;
    expect(tables[1]).toContain(`<th colspan="3" rowspan="3" align="left" valign="middle">${m.note}</th>`);
  });

  it('puts the same tables and text on the clipboard, without the page around them', () => {
    const fragment = reportWebFragment(report);
    expect(fragment).not.toMatch(/<html|<head|<meta|<style/);
    expect(html).toContain(fragment);
  });

  it('escapes what the clerk typed', () => {
    const r = structuredClone(report);
    r.narrative.problems[0].text = '<b>加粗</b> & "引号"\u0001';
    const page = reportWebPage(r);
    expect(page).toContain('&lt;b&gt;加粗&lt;/b&gt; &amp; &quot;引号&quot;</p>');
    expect(page).not.toContain('\u0001');
  });
});
