// End to end, in Chromium against the browser-mode host: the deadlines on the start page, the
// repetition meter above the narrative, and 根据表格生成 — a draft inserted on request after the
// clerk's words, then shown as a diff and replaced on request once the tables change.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizePrevious } from '../../shared/carry';
import { daysUntil, deadlineOf, reportingYear } from '../../shared/rules';
import { todayIso } from '../../renderer/start/Deadlines';
import { fullReport, lastYearReport } from '../fixtures/reports';
import { chromiumAvailable } from './support/browser';
import { useAppSession } from './support/session';
import type { WebApp } from './support/web-app';

const run = chromiumAvailable();

describe.skipIf(!run)('narrative checks and drafts in Chromium (browser mode)', () => {
  const session = useAppSession({ width: 1366, height: 900 });
  const pageErrors = session.pageErrors;
  let app: WebApp;
  let page: Page;
  beforeAll(() => {
    app = session.app;
    page = session.page;
  });

  it('shows the deadlines that apply on the start page, with the days left', async () => {
    const today = todayIso();
    const year = reportingYear(today);
    const box = page.getByTestId('deadlines');
    await expect(box.textContent()).resolves.toContain(
      `${year}年度报告期限（《中华人民共和国政府信息公开条例》第四十九条）`,
    );
    // No report yet: both kinds of organ.
    const days = daysUntil(deadlineOf('department', year).date, today);
    await expect(box.locator('[data-deadline="department"]').getAttribute('data-days-left')).resolves.toBe(
      String(days),
    );
    await expect(box.locator('[data-deadline="department"]').textContent()).resolves.toContain(
      `${year + 1}年1月31日前向本级政府信息公开工作主管部门报送${year}年度报告并向社会公布`,
    );
    await expect(box.locator('[data-deadline="government"]').textContent()).resolves.toContain(
      `${year + 1}年3月31日前`,
    );
  });

  it('measures repetition with last year and drafts paragraphs from the tables without overwriting', async () => {
    const report = fullReport();
    // Last year's text is this year's with the year changed: all of it repeated.
    const last = {
      ...lastYearReport(),
      narrative: JSON.parse(JSON.stringify(report.narrative).replaceAll('2024', '2023')),
    };
    report.previous = summarizePrevious(last, '2023.json');
    const { id } = await session.call<{ id: string }>('createReport', report);
    await page.goto(`${app.url}#/report/${id}/1`);
    const meter = page.getByTestId('repeat-meter');
    await expect(meter.getAttribute('data-percent')).resolves.toBe('100');
    await expect(meter.textContent()).resolves.toContain('与2023年报告重复：全文100%');

    const text = page.locator('textarea[data-part="onRequest"]');
    const before = await text.inputValue();
    await page.getByRole('button', { name: '根据表格生成' }).click();
    await page.getByRole('button', { name: '插入到“依申请公开”末尾' }).first().click();
    const inserted = await text.inputValue();
    expect(inserted.startsWith(`${before}\n本年度新收政府信息公开申请15件`)).toBe(true);
    await expect(page.locator('[data-draft="onRequest"]').getAttribute('data-place')).resolves.toBe('current');

    // The tables change: the inserted paragraph is now an old draft, shown as a diff.
    await page.locator('[data-section="3"]').click();
    const cell = page.locator('input[data-cell="applications.newReceived.natural"]');
    await cell.click();
    await page.keyboard.type('11');
    await page.keyboard.press('Enter');
    await page.locator('[data-section="1"]').click();
    const panel = page.locator('[data-draft="onRequest"]');
    if (!(await panel.count())) await page.getByRole('button', { name: '查看改动' }).click();
    await expect(panel.getAttribute('data-place')).resolves.toBe('stale');
    await expect(panel.locator('del').first().textContent()).resolves.toBe('15');
    await expect(panel.locator('ins').first().textContent()).resolves.toBe('16');
    await expect(text.inputValue()).resolves.toBe(inserted);
    await page.getByRole('button', { name: '用新数字替换“依申请公开”中的这一段' }).click();
    const replaced = await text.inputValue();
    expect(replaced.startsWith(`${before}\n本年度新收政府信息公开申请16件（其中自然人11件`)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
