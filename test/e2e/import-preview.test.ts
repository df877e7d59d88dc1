// End to end, in Chromium against the browser-mode host: last year's report with a row the
// importer cannot read (四、结转下年度继续办理 is missing from the file). The preview marks its
// cells, shows the 勾稽 checks that wait on them by the row — not as last year's errors — and lets
// the clerk type the numbers in; 确定结转并新建 carries the corrected report (二、上年结转 filled
// from what was typed). Then last year's text stands beside this year's section 一, under the
// author's own heading: 复制 puts a paragraph on the clipboard, 插入到本年 adds it to this year's text.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellId, format2021, ownLabel } from '../../shared/format';
import { getCell } from '../../shared/report';
import { CUSTOM_HEADING, CUSTOM_TEXT, reportAsText } from '../fixtures/as-text';
import { fullReport } from '../fixtures/reports';
import { chromiumAvailable } from './support/browser';
import { useAppSession } from './support/session';
import type { WebApp } from './support/web-app';

const run = chromiumAvailable();
const LAST = fullReport();
const MISSING_ROW = format2021.applications.carryForwardRow;

describe.skipIf(!run)('the import preview the clerk corrects, and last year’s text beside this year’s', () => {
  const session = useAppSession({ width: 1366, height: 900 });
  let app: WebApp;
  let page: Page;
  beforeAll(() => {
    app = session.app;
    page = session.page;
  });
  const columns = format2021.applications.columns;
  const missing = columns.map((c) => cellId('applications', MISSING_ROW, c.id));

  it('marks the cells not read and keeps the checks waiting on them apart from last year’s errors', async () => {
    await page.getByRole('button', { name: '从上年报告新建' }).first().click();
    await page.getByTestId('import-file').setInputFiles({
      name: '上年报告.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(reportAsText(LAST, [MISSING_ROW])),
    });
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent(), { timeout: 60_000 }).toContain(`${LAST.org}${LAST.year}年`);
    for (const id of missing) {
      await expect(dialog.locator(`td[data-problem] input[data-cell="${id}"]`).inputValue()).resolves.toBe('');
    }
    // Every other cell of the matrix was read and is not marked.
    const read = cellId('applications', 'newReceived', 'natural');
    await expect(dialog.locator(`input[data-cell="${read}"]`).inputValue()).resolves.toBe(String(getCell(LAST, read)));
    await expect(dialog.locator(`td[data-problem] input[data-cell="${read}"]`).count()).resolves.toBe(0);
    // By the row: why, and the balance check (一+二=三（七）+四) that cannot be made without it.
    const notes = dialog.locator('[data-reading-note]');
    const label = ownLabel(format2021.applications.rows.find((r) => r.id === MISSING_ROW)!.path);
    await expect.poll(() => notes.allTextContents()).toContainEqual(`三、未找到“${label}”行`);
    expect((await notes.allTextContents()).some((t) => t.startsWith('因此无法核对：'))).toBe(true);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toMatch(/因未能读取而无法核对 \d+ 项/);
    expect(text).toContain('上年报告勾稽错误 0 个');
    await dialog.getByRole('tab', { name: /上年报告的问题/ }).click();
    await expect(dialog.getByTestId('reading-findings').textContent()).resolves.toContain('不算上年报告的错误');
    await dialog.getByRole('tab', { name: '读到的表格' }).click();
    expect(session.pageErrors).toEqual([]);
  });

  it('takes the numbers the clerk types, and carries the corrected report', { timeout: 120_000 }, async () => {
    const dialog = page.getByRole('dialog');
    for (const id of missing) {
      const input = dialog.locator(`input[data-cell="${id}"]`);
      await input.click();
      await page.keyboard.type(String(getCell(LAST, id)));
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => dialog.locator('[data-reading-note]').count()).toBe(0);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(`已更正 ${missing.length} 个单元格`);
    expect(text).not.toMatch(/因未能读取而无法核对/);
    expect(await dialog.locator(`td[data-corrected] input[data-cell="${missing[0]}"]`).count()).toBe(1);
    // What does not read as a number is not taken.
    const first = dialog.locator(`input[data-cell="${missing[0]}"]`);
    await first.fill('三');
    await expect(first.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(first.inputValue()).resolves.toBe(String(getCell(LAST, missing[0])));

    await page.getByRole('button', { name: '确定结转并新建' }).click();
    await expect
      .poll(() => page.getByTestId('report-title').textContent(), { timeout: 60_000 })
      .toContain(`${LAST.org}${LAST.year + 1}年`);
    await page.locator('[data-section="3"]').click();
    for (const c of columns) {
      const want = getCell(LAST, cellId('applications', MISSING_ROW, c.id));
      await expect
        .poll(() => page.locator(`input[data-cell="applications.carriedOver.${c.id}"]`).inputValue())
        .toBe(String(want));
    }
    expect(session.pageErrors).toEqual([]);
  });

  it('shows last year’s text under its own heading: 复制 to the clipboard, 插入到本年 into this year’s', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await page.locator('[data-section="1"]').click();
    const panel = page.getByTestId('last-year-text');
    await expect.poll(() => panel.textContent()).toContain(CUSTOM_HEADING.replace('（一）', ''));
    expect(await panel.textContent()).toContain(CUSTOM_TEXT);
    await panel.getByRole('button', { name: `复制：${CUSTOM_TEXT.slice(0, 20)}…` }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(CUSTOM_TEXT);
    // Copying changed nothing in this year's text; inserting is its own action.
    const intro = page.locator('textarea[data-part="intro"]');
    await expect(intro.inputValue()).resolves.toBe('');
    await panel.getByRole('button', { name: /^插入到本年“开篇段落（不加小标题）”：/ }).click();
    await expect(intro.inputValue()).resolves.toBe(CUSTOM_TEXT);
    await expect(panel.getByRole('button', { name: /^已在本年文字中：/ }).getAttribute('aria-disabled')).resolves.toBe(
      'true',
    );
    expect(session.pageErrors).toEqual([]);
  });
});
