// End to end, in Chromium against the browser-mode host: 从上年报告新建 — choose last year's Word
// file, see what was read, what could not be, last year's own findings and the cells that will be
// carried; nothing happens before 确定结转并新建, which then opens this year's report with 二、上年结转
// filled. Then the same from text pasted from a web page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { ROOT } from './support/build';
import { useAppSession } from './support/session';
import type { WebApp } from './support/web-app';

const run = chromiumAvailable();
const FIXTURE = join(ROOT, 'test', 'fixtures', 'import', 'official-2021.docx');
const EXPECTED = JSON.parse(
  readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'official-2021.expected.json'), 'utf8'),
);
const SAMPLE_TEXT = readFileSync(join(ROOT, 'test', 'fixtures', 'published', '004_a4584f6e36514f0f.txt'), 'utf8');

describe.skipIf(!run)('从上年报告新建 in Chromium (browser mode)', () => {
  const session = useAppSession({ width: 1366, height: 900 });
  const pageErrors = session.pageErrors;
  let app: WebApp;
  let page: Page;
  beforeAll(() => {
    app = session.app;
    page = session.page;
  });

  it('reads a Word file and previews it before anything is created', { timeout: 120_000 }, async () => {
    await page.getByRole('button', { name: '从上年报告新建' }).first().click();
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.textContent(), { timeout: 60_000 })
      .toContain('某某县行政审批服务局2024年政府信息公开工作年度报告');
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Word 文档（.docx）');
    expect(text).toContain('未能读取 0 处');
    // The matrix cell by cell, blanks shown as blanks.
    expect(await dialog.locator('input[data-cell="applications.refused.query.natural"]').inputValue()).toBe('');
    expect(await dialog.locator('input[data-cell="applications.newReceived.natural"]').inputValue()).toBe(
      String(EXPECTED.cells['applications.newReceived.natural']),
    );
    await dialog.getByRole('tab', { name: /上年报告的问题/ }).click();
    await dialog.getByRole('tab', { name: '本年将结转' }).click();
    await expect
      .poll(() => dialog.textContent(), { timeout: 60_000 })
      .toContain('将新建“某某县行政审批服务局2025年政府信息公开工作年度报告”');
    expect(pageErrors).toEqual([]);
  });

  it(
    '确定结转并新建 opens this year’s report with 二、上年结转 filled from last year’s 四',
    { timeout: 120_000 },
    async () => {
      await page.getByRole('button', { name: '确定结转并新建' }).click();
      await expect
        .poll(() => page.getByTestId('report-title').textContent(), { timeout: 60_000 })
        .toContain('某某县行政审批服务局2025年');
      await page.locator('[data-section="3"]').click();
      for (const col of ['natural', 'business', 'total']) {
        const want = EXPECTED.cells[`applications.carryForward.${col}`];
        await expect
          .poll(() => page.locator(`input[data-cell="applications.carriedOver.${col}"]`).inputValue())
          .toBe(want === null ? '' : String(want));
      }
      expect(pageErrors).toEqual([]);
    },
  );

  it('reads pasted text from a web page, and cancelling creates nothing', { timeout: 120_000 }, async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: '从上年报告新建' }).first().waitFor();
    await expect.poll(() => page.locator('[data-report]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const before = await page.locator('[data-report]').count();
    await page.getByRole('button', { name: '从上年报告新建' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: '粘贴文字' }).click();
    await page.getByTestId('import-paste').fill(SAMPLE_TEXT);
    await dialog.getByRole('button', { name: '读取粘贴的文字' }).click();
    await expect
      .poll(() => dialog.textContent(), { timeout: 60_000 })
      .toContain('彭阳县审批服务管理局2021年政府信息公开工作年度报告');
    expect(await dialog.textContent()).toContain('粘贴的文字');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.locator('[data-report]').count(), { timeout: 60_000 }).toBe(before);
    expect(pageErrors).toEqual([]);
  });
});
