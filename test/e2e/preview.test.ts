// End to end, in Chromium against the browser-mode host: 预览 lays the letter and the report out
// as A4 pages drawn from the same description as the Word export, prints those pages and nothing
// of the interface, follows the clerk's typing, and 复制网页格式 puts the web page on the clipboard.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { buildDocx } from '../../electron/services/docx';
import { contactLines } from '../../shared/document/describe';
import { reportWebPage } from '../../shared/document/html';
import { reportTitle } from '../../shared/format';
import type { Report } from '../../shared/report';
import { fmt } from '../../shared/rules';
import { fullReport } from '../unit/helpers/export-report';
import { chromiumAvailable } from './support/browser';
import { ROOT } from './support/build';
import { useAppSession } from './support/session';

const run = chromiumAvailable();
const hasPdftotext = !spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error;
const hasSoffice = hasPdftotext && !spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).error;
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!run)('预览 and print in Chromium (browser mode)', () => {
  const session = useAppSession({ width: 1366, height: 900 });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-preview-'));
  let page: Page;
  let id: string;
  const report: Report = fullReport('2021');
  beforeAll(async () => {
    page = session.page;
    id = (await session.call<{ id: string }>('createReport', report)).id;
    await page.goto(`${session.app.url}#/report/${id}/cover`);
    await page.locator('[data-section="preview"]').click();
    await page.locator('.nb-page').first().waitFor();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pageCount = () => page.locator('.nb-page').count();

  it('shows the letter and the report as numbered A4 pages', async () => {
    const n = await pageCount();
    expect(n).toBeGreaterThanOrEqual(5);
    const size = await page.locator('.nb-page').first().boundingBox();
    // 210 × 297 mm at 96 px per inch.
    expect(Math.round(size!.width)).toBe(794);
    expect(Math.round(size!.height)).toBe(1123);
    const numbers = await page.locator('.nb-pageno').allTextContents();
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => `— ${i + 1} —`));
    const first = await page.locator('.nb-page').first().textContent();
    expect(first).toContain(`${report.org}文件`);
    expect(first).toContain(report.cover.docNumber);
    expect(first).toContain(`签发人：${report.cover.signer}`);
    // The letter keeps to its page with its 附注 (联系人, 联系电话): the seal's room gives up a line.
    expect(await page.getByTestId('preview-letter-long').count()).toBe(0);
    expect(first).toContain('特此报告。');
    expect(first).toContain('2025年1月20日');
    expect(await page.locator('.nb-page').first().locator('.nb-note').textContent()).toBe(
      '（联系人：张三，联系电话：0915-4321234）',
    );
    // The report's contact sentences, 联系人 included, as the Word file and the web page give them.
    expect(await page.locator('.nb-pages .nb-contact').allTextContents()).toEqual(contactLines(report));
    // The README's picture of the letter, written to docs/ only when asked (UPDATE_SCREENSHOT=1).
    const shots = process.env.UPDATE_SCREENSHOT === '1' ? join(ROOT, 'docs') : dir;
    await page.screenshot({ path: join(shots, 'screenshot-preview.png') });
    // The report starts on a page of its own.
    expect(await page.locator('.nb-page').nth(1).locator('.nb-title').textContent()).toBe(
      reportTitle(report.org, report.year),
    );
    // Nothing overflows its page's text block.
    const overflow = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('.nb-page .nb-text')].filter(
          (t) => t.scrollHeight > t.clientHeight + 1,
        ).length,
    );
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(dir, 'preview.png') });
  });

  /** Prints the Word file of a report with LibreOffice; the text of each page. */
  function libreOfficePages(name: string, bytes: Uint8Array): string[] {
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, bytes);
    const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      stdio: 'ignore',
      timeout: 180_000,
    });
    const pdf = join(dir, `${name}.pdf`);
    const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
    return Array.from({ length: n }, (_, i) =>
      squeeze(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-']).toString()),
    );
  }

  /**
   * Same page count, and each page starts at the same place give or take a few characters: where
   * 仿宋_GB2312 is missing, LibreOffice and Chromium fall back on fonts whose digits differ a little.
   */
  async function expectSamePages(words: string[]) {
    expect(await pageCount()).toBe(words.length);
    for (let i = 0; i < words.length; i++) {
      const preview = squeeze((await page.locator('.nb-page').nth(i).locator('.nb-text').textContent()) ?? '');
      const around = (words[i - 1] ?? '').replace(/—\d+—$/, '').slice(-12) + words[i].slice(0, 12);
      expect([i + 1, around.includes(preview.slice(0, 4))]).toEqual([i + 1, true]);
    }
  }

  it.skipIf(!hasSoffice)(
    'has as many pages as the Word file printed by LibreOffice, breaking at the same places',
    async () => {
      await expectSamePages(libreOfficePages('report', await buildDocx(report, {})));
      // A letter on pre-printed paper whose long 附件 line takes 署名 and 成文日期 to a second page.
      const spill: Report = {
        ...report,
        cover: {
          ...report.cover,
          letterhead: 'none',
          body: '',
          attachment: `${reportTitle(report.org, report.year)}统计表及说明材料`,
        },
      };
      const sid = (await session.call<{ id: string }>('createReport', spill)).id;
      await page.goto(`${session.app.url}#/report/${sid}/preview`);
      await expect.poll(() => page.locator('.nb-pages .nb-attachment').count()).toBe(1);
      await expectSamePages(libreOfficePages('spill', await buildDocx(spill, {})));
      expect(await page.locator('.nb-page').nth(1).locator('.nb-attachment').count()).toBe(1);
      await expect(page.getByTestId('preview-letter-long').textContent()).resolves.toContain('报送函排成了2页');
      await page.goto(`${session.app.url}#/report/${id}/preview`);
      await expect.poll(() => page.locator('.nb-pages .nb-attachment').count()).toBe(0);
      await page.locator('.nb-page').first().waitFor();
    },
    300_000, // two LibreOffice conversions on a busy machine
  );

  it('shows the tables with their merged cells and every number', async () => {
    const text = squeeze((await page.locator('.nb-pages').textContent()) ?? '');
    for (const v of [report.applications.newReceived.total, report.reviewLitigation.reviewTotal?.total]) {
      if (typeof v === 'number') expect(text).toContain(fmt(v));
    }
    // 二 and 四 fit on a page: cell for cell, row for row, the tables of the web page (same description).
    const rowsOf = (table: string) =>
      [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
        [...r[1].matchAll(/<t[dh]([^>]*)>([^<]*)</g)].map(
          (c) => `${squeeze(c[2])}${c[1].match(/(?:col|row)span="\d+"/g)?.join('') ?? ''}`,
        ),
      );
    const tables = [...reportWebPage(report).matchAll(/<table\b[\s\S]*?<\/table>/g)].map((m) => rowsOf(m[0]));
    const shown = await page
      .locator('.nb-pages .nb-table')
      .evaluateAll((els) =>
        els.map((t) =>
          [...t.querySelectorAll('tr')].map((tr) =>
            [...tr.querySelectorAll('td,th')].map(
              (c) =>
                (c.textContent ?? '').replace(/\s+/g, '') +
                (c.getAttribute('colspan') ? `colspan="${c.getAttribute('colspan')}"` : '') +
                (c.getAttribute('rowspan') ? `rowspan="${c.getAttribute('rowspan')}"` : ''),
            ),
          ),
        ),
      );
    expect(shown[0]).toEqual(tables[0]);
    expect(shown[shown.length - 1]).toEqual(tables[2]);
    // The matrix's note spans three label columns and three header rows.
    const note = page.locator('.nb-table th[rowspan="3"][colspan="3"]').first();
    await expect(note.textContent()).resolves.toContain('勾稽关系');
  });

  it.skipIf(!hasPdftotext)('prints those pages and no interface (print media, A4)', async () => {
    await page.emulateMedia({ media: 'print' });
    const visibleInterface = await page.evaluate(
      () =>
        [...document.querySelectorAll('nav, header, button')].filter((e) => (e as HTMLElement).offsetParent !== null)
          .length,
    );
    expect(visibleInterface).toBe(0);
    const pdf = join(dir, 'print.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBe(await pageCount());
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const printed = squeeze(execFileSync('pdftotext', [pdf, '-']).toString());
    expect(printed).toContain(squeeze(reportTitle(report.org, report.year)));
    expect(printed).toContain(squeeze(report.narrative.overview[0].text.split('\n')[0]));
    for (const ui of ['报告列表', '导出Word', '检查结果', '报送信息', '打印', '预览'])
      expect(printed).not.toContain(ui);
  });

  it('shows the report alone for the website, numbered from 1', async () => {
    const both = await pageCount();
    await page.getByRole('button', { name: '仅报告' }).click();
    await expect.poll(pageCount).toBe(both - 1);
    await expect(page.locator('.nb-page').first().locator('.nb-title').textContent()).resolves.toBe(
      reportTitle(report.org, report.year),
    );
    await expect(page.locator('.nb-pageno').first().textContent()).resolves.toBe('— 1 —');
    await expect(page.locator('.nb-pages').textContent()).resolves.not.toContain('签发人');
    await page.getByRole('button', { name: '报送函+报告' }).click();
    await expect.poll(pageCount).toBe(both);
  });

  it('follows what the clerk types', async () => {
    await page.locator('[data-section="cover"]').click();
    await page.getByRole('textbox', { name: '签发人' }).fill('李四');
    await page.locator('[data-section="preview"]').click();
    await expect(page.locator('.nb-page').first().textContent()).resolves.toContain('签发人：李四');
  });

  it('prints on Ctrl+P from any page of the editor, after opening 预览', async () => {
    await page.locator('[data-section="3"]').click();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => (window as unknown as { printed: number }).printed++;
    });
    await page.keyboard.press('Control+p');
    await page.locator('.nb-page').first().waitFor();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(page.url()).toMatch(/\/preview$/);
  });

  it('puts the web page on the clipboard as text/html with 复制网页格式', async () => {
    await page.evaluate(() => {
      window.addEventListener('copy', (e) => {
        (window as unknown as { copied: string }).copied = e.clipboardData?.getData('text/html') ?? '';
      });
    });
    await page.getByRole('button', { name: '复制网页格式' }).click();
    const html = await page.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(html).toMatch(/^<h1/);
    expect(html.match(/<table border="1"/g)).toHaveLength(3);
    expect(html).toContain('rowspan=');
    expect(html).not.toContain('<script');
  });

  it('names the exports after what they hold and lists blanks and missing fields beside the errors, never blocking', async () => {
    const sparse = { ...fullReport('2021'), cover: { ...report.cover, date: '', docNumber: '' } };
    sparse.applications = { ...sparse.applications, granted: { ...sparse.applications.granted, natural: null } };
    const sid = (await session.call<{ id: string }>('createReport', sparse)).id;
    await page.goto(`${session.app.url}#/report/${sid}/cover`);
    await expect.poll(() => page.getByRole('textbox', { name: '发文字号' }).inputValue()).toBe('');
    await page.getByRole('button', { name: '导出 Word' }).click();
    const dialog = page.getByRole('dialog');
    const warnings = await dialog.getByTestId('export-warnings').textContent();
    expect(warnings).toContain('表格中有1个单元格空白（涉及1行）');
    expect(warnings).toContain('未填写成文日期');
    expect(warnings).toContain('未填写发文字号');
    const title = reportTitle(report.org, report.year);
    await expect(dialog.getByTestId('export-file-name').textContent()).resolves.toBe(`文件名：${title}（报送稿）.docx`);
    await dialog.getByLabel('仅报告（用于网站公开）').check();
    await expect(dialog.getByTestId('export-file-name').textContent()).resolves.toBe(`文件名：${title}.docx`);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: /导出/ }).last().click();
    expect((await download).suggestedFilename()).toBe(`${title}.docx`);

    const page2 = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出网页' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /导出/ }).last().click();
    expect((await page2).suggestedFilename()).toBe(`${title}.html`);
  });
});
