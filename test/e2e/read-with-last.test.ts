// End to end, in Chromium against the browser-mode host: a web page's text whose cells run together
// (`行政规范性文件8855698`) read with the report of the year before when the app holds one — in
// 从上年报告新建 from the store, on the 审核 page from last year's folder — and left blank without.
// The import dialog also takes the app's own .nianbao file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, serializeReport, setCell } from '../../shared/report';
import { FIXTURES_DIR, fullReport } from '../fixtures/reports';
import { chromiumAvailable } from './support/browser';
import { useAppSession } from './support/session';

const run = chromiumAvailable();
const ORG = '某某县自然资源局';
/** The 2022 report as a web page's text (the lead's layout fixture). */
const TEXT = readFileSync(join(FIXTURES_DIR, 'import', 'layouts', 'busy.web-rows.txt'));
/** 2021: 665 in force, so rule 6 reads 8855698 as 88, 55, 698 (88 − 55 + 665 = 698). */
const LAST = setCell(emptyReport(ORG, 2021), 'activeDisclosure.normativeDocs.inForce', 665);
const CELLS = ['issued', 'repealed', 'inForce'].map((c) => `activeDisclosure.normativeDocs.${c}`);

describe.skipIf(!run)('last year’s report used to read run-together digits, in Chromium', () => {
  const session = useAppSession({ width: 1366, height: 900 });
  let page: Page;
  let dir: string;
  beforeAll(() => {
    page = session.page;
    dir = mkdtempSync(join(tmpdir(), 'nianbao-last-e2e-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const dialog = () => page.getByRole('dialog');
  const values = () => Promise.all(CELLS.map((id) => dialog().locator(`input[data-cell="${id}"]`).inputValue()));
  async function importText() {
    await page.getByTestId('import-file').setInputFiles({ name: '2022年报.txt', mimeType: 'text/plain', buffer: TEXT });
    await expect.poll(() => dialog().textContent(), { timeout: 60_000 }).toContain(`${ORG}2022年`);
  }

  it(
    '从上年报告新建: blank without the year before; read with the store’s 2021 report, and said',
    { timeout: 120_000 },
    async () => {
      await page.getByRole('button', { name: '从上年报告新建' }).first().click();
      await importText();
      expect(await values()).toEqual(['', '', '']);
      expect(await dialog().getByTestId('previous-used').count()).toBe(0);

      await session.call('createReport', LAST);
      await dialog().getByRole('button', { name: '重新选择' }).click();
      await importText();
      await expect.poll(values, { timeout: 30_000 }).toEqual(['88', '55', '698']);
      expect(await dialog().getByTestId('previous-used').textContent()).toBe(
        `已参考前一年的报告（${ORG}2021年）拆分连在一起的数字。`,
      );
      expect(session.pageErrors).toEqual([]);
    },
  );

  it('takes the app’s own .nianbao file', { timeout: 60_000 }, async () => {
    await dialog().getByRole('button', { name: '重新选择' }).click();
    expect(await page.getByTestId('import-file').getAttribute('accept')).toContain('.nianbao');
    const own = fullReport();
    await page.getByTestId('import-file').setInputFiles({
      name: '上年报告.nianbao',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(serializeReport(own)),
    });
    await expect.poll(() => dialog().textContent(), { timeout: 60_000 }).toContain(`${own.org}${own.year}年`);
    expect(await dialog().textContent()).toContain('未能读取 0 处');
    await dialog().getByRole('button', { name: '取消' }).click();
    expect(session.pageErrors).toEqual([]);
  });

  it(
    '审核: this year’s file read again with its organ’s report from last year’s folder',
    { timeout: 120_000 },
    async () => {
      const folder = join(dir, '2022');
      const last = join(dir, '2021');
      mkdirSync(folder);
      mkdirSync(last);
      writeFileSync(join(folder, '自然资源局.txt'), TEXT);
      writeFileSync(join(last, '自然资源局2021.nianbao'), serializeReport(LAST));
      await page.getByRole('button', { name: '审核' }).click();
      await page.getByRole('heading', { name: '审核各单位报告' }).waitFor();
      await page.getByTestId('review-folder').setInputFiles(folder);
      const row = page.getByTestId('review-table').locator('tr[data-file="自然资源局.txt"]');
      await row.waitFor({ timeout: 60_000 });
      expect(await row.locator('[data-read-with-last]').count()).toBe(0);
      await page.getByTestId('review-last-folder').setInputFiles(last);
      await expect.poll(() => row.locator('[data-read-with-last]').count(), { timeout: 60_000 }).toBe(1);
      await row.click();
      const opened = page.getByTestId('reviewed-report');
      await expect.poll(() => opened.textContent()).toContain('连在一起的数字已参考这份上年报告拆分');
      const cells = CELLS.map((id) => opened.locator(`td[data-cell="${id}"]`).textContent());
      expect(await Promise.all(cells)).toEqual(['88', '55', '698']);
      expect(session.pageErrors).toEqual([]);
    },
  );
});
