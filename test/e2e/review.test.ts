// End to end, in Chromium against the browser-mode host: the 审核 page — choose a folder of
// reports and last year's folder, see the sortable table and the county's figures, open a report
// read-only with its cells marked, export the workbook.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeReport } from '../../shared/report';
import { fullReport, lastYearReport, withCells } from '../fixtures/reports';
import { chromiumAvailable } from './support/browser';
import { ROOT } from './support/build';
import { useAppSession } from './support/session';

const run = chromiumAvailable();

describe.skipIf(!run)('审核 in Chromium (browser mode)', () => {
  const session = useAppSession({ width: 1366, height: 900 });
  let page: Page;
  let dir: string;
  let folder: string;
  let last: string;
  beforeAll(async () => {
    page = session.page;
    dir = mkdtempSync(join(tmpdir(), 'nianbao-review-e2e-'));
    folder = join(dir, '各单位2024年报告');
    last = join(dir, '各单位2023年报告');
    mkdirSync(folder);
    mkdirSync(last);
    writeFileSync(join(folder, '审批局.json'), serializeReport(fullReport()));
    const bad = { ...withCells(fullReport(), { 'applications.newReceived.natural': 11 }), org: '某某县教育局' };
    writeFileSync(join(folder, '教育局.json'), serializeReport(bad));
    writeFileSync(join(folder, '通知.txt'), '关于召开全县安全生产工作会议的通知\n请各单位准时参加。\n');
    writeFileSync(join(last, '审批局2023.json'), serializeReport(lastYearReport()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'reviews a chosen folder: every file in the table, the one that is not a report said so',
    { timeout: 120_000 },
    async () => {
      await page.getByRole('button', { name: '审核' }).click();
      await page.getByRole('heading', { name: '审核各单位报告' }).waitFor();
      await page.getByTestId('review-folder').setInputFiles(folder);
      const table = page.getByTestId('review-table');
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60_000 }).toBe(3);
      // Sorted by errors, most first: the 教育局's report leads.
      expect(await table.locator('tbody tr').first().getAttribute('data-file')).toBe('教育局.json');
      const summary = (await page.getByTestId('review-summary').textContent()) ?? '';
      expect(summary).toContain('报告2份');
      expect(summary).toContain('有错误的1份');
      expect(summary).toContain('1个文件不是报告或无法读取');
      expect(await table.locator('tr[data-file="通知.txt"]').textContent()).toContain('不是报告');
      await page.getByTestId('review-last-folder').setInputFiles(last);
      await expect
        .poll(() => table.locator('tr[data-file="审批局.json"] td').nth(5).textContent(), { timeout: 60_000 })
        .toMatch(/%$/);
      // Sortable: by 机关 ascending puts 某某县教育局 after 某某县行政审批服务局? compare as the page does.
      await table.getByRole('button', { name: '机关' }).click();
      const orgs = await table.locator('tbody tr td:first-child').allTextContents();
      const reports = orgs.filter((o) => !o.includes('不是报告'));
      expect(reports).toEqual([...reports].sort((a, b) => a.localeCompare(b, 'zh-CN')));
      expect(await page.getByTestId('review-charts').locator('svg').count()).toBeGreaterThan(0);
      // The README's picture, written only when asked: UPDATE_SCREENSHOT=1 npx vitest run test/e2e/review.test.ts
      if (process.env.UPDATE_SCREENSHOT === '1')
        await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-review.png') });
      expect(session.pageErrors).toEqual([]);
    },
  );

  it('opens a report read-only with the cells of its findings marked', { timeout: 60_000 }, async () => {
    await page.getByTestId('review-table').locator('tr[data-file="教育局.json"]').click();
    const dialog = page.getByTestId('reviewed-report');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('自然人');
    await expect
      .poll(() => dialog.locator('td.mark-error[data-cell="applications.newReceived.natural"]').count())
      .toBe(1);
    expect(await dialog.locator('td[data-cell="applications.newReceived.natural"]').textContent()).toBe('11');
    expect(await dialog.locator('input, textarea').count()).toBe(0);
    // The same report as it would print, drawn by the 预览 of the editor.
    await page.getByRole('tab', { name: '打印版式' }).click();
    await expect
      .poll(() => dialog.getByTestId('preview-pages').locator('.nb-page').count(), { timeout: 30_000 })
      .toBeGreaterThan(1);
    expect(await dialog.getByTestId('preview-pages').textContent()).toContain('某某县教育局');
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('exports the workbook', { timeout: 60_000 }, async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出审核表' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^年度报告审核表.*\.xlsx$/);
    const path = join(dir, 'out.xlsx');
    await d.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet('报告一览')!.rowCount).toBe(4);
    expect(session.pageErrors).toEqual([]);
  });
});
