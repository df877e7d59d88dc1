// End to end, in Chromium against the browser-mode host: the forms and lists around the tables —
// 新建报告 refusing what cannot be a report, 报送信息 (成文日期 as a clerk writes it, the default
// cover body and preamble), findings about a field, last year's text beside this year's, the start
// page with many reports, deleting with 撤销, and the section navigation by keyboard.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, type Report } from '../../shared/report';
import { chromiumAvailable } from './support/browser';
import { useAppSession } from './support/session';
import type { WebApp } from './support/web-app';

const run = chromiumAvailable();

describe.skipIf(!run)('forms, lists and keyboard in Chromium (browser mode)', () => {
  const session = useAppSession({ width: 1366, height: 768 });
  const pageErrors = session.pageErrors;
  let app: WebApp;
  let page: Page;
  beforeAll(() => {
    app = session.app;
    page = session.page;
  });

  const call = session.call.bind(session);

  const create = async (report: Report) => (await call<{ id: string }>('createReport', report)).id;
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const saved = () =>
    expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');

  it('新建报告 refuses an empty 机关名称 and a year still to come, saying what to write', async () => {
    await page.getByRole('button', { name: '新建报告', exact: true }).click();
    await page.getByLabel('机关名称').fill('');
    await page.getByRole('button', { name: '创建' }).click();
    const org = page.getByRole('textbox', { name: '机关名称' });
    await expect(org.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('dialog').textContent()).resolves.toContain('请填写机关名称');
    expect(await focusedId()).toBe(await org.getAttribute('id'));

    await org.fill('某某县民政局');
    const future = new Date().getFullYear() + 3;
    await page.getByLabel('年度').fill(String(future));
    await page.getByRole('button', { name: '创建' }).click();
    await expect(page.getByRole('dialog').textContent()).resolves.toContain('不能晚于今年');
    await page.getByLabel('年度').fill('2020');
    await expect(page.getByRole('dialog').textContent()).resolves.toContain('2019年版格式');
    await page.getByRole('button', { name: '取消' }).click();
    await expect(call<unknown[]>('listReports')).resolves.toEqual([]);
  });

  it('takes 成文日期 as a clerk writes it, keeps it after a reload, and says what is wrong with a bad one', async () => {
    const id = await create(emptyReport('某某县民政局', 2024));
    await page.goto(`${app.url}#/report/${id}/cover`);
    const date = page.getByRole('textbox', { name: '成文日期' });
    await date.fill('2025.1.8');
    await date.blur();
    await expect(date.inputValue()).resolves.toBe('2025年1月8日');
    await saved();
    await expect(call<{ report: Report }>('openReport', id).then((r) => r.report.cover.date)).resolves.toBe(
      '2025-01-08',
    );
    await page.reload();
    await expect(page.getByRole('textbox', { name: '成文日期' }).inputValue()).resolves.toBe('2025年1月8日');

    await page.getByRole('textbox', { name: '成文日期' }).fill('下周');
    await page.getByRole('textbox', { name: '成文日期' }).blur();
    await expect(page.getByRole('textbox', { name: '成文日期' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#field-date-helper-text').textContent()).resolves.toContain('2025年1月20日');
  });

  it('lets the clerk clear the cover body (the default comes back), and keeps the default preamble in step with 机关名称', async () => {
    const body = page.getByRole('textbox', { name: '报送函正文' });
    await body.fill('');
    // Cleared means cleared while typing: the default does not jump back under the cursor.
    await expect(body.inputValue()).resolves.toBe('');
    await body.pressSequentially('特此报告。');
    await expect(body.inputValue()).resolves.toBe('特此报告。');
    await body.fill('');
    await body.blur();
    await expect(body.inputValue()).resolves.toContain('随文呈来');

    await page.getByRole('textbox', { name: '机关名称' }).fill('某某县退役军人事务局');
    await expect(page.getByRole('textbox', { name: '报告前言' }).inputValue()).resolves.toContain(
      '由某某县退役军人事务局编制',
    );
  });

  it('a finding about a field, not a cell, opens its page and focuses the field', async () => {
    await page.getByRole('textbox', { name: '成文日期' }).fill('');
    await page.locator('[data-section="findings"]').click();
    await page.locator('button.finding', { hasText: '未填写成文日期' }).click();
    await expect.poll(focusedId).toBe('field-date');
    expect(page.url()).toMatch(/\/cover$/);

    await page.locator('[data-section="findings"]').click();
    await page.locator('button.finding', { hasText: '信息处理费' }).click();
    await expect.poll(focusedId).toBe('part-fees');
    expect(page.url()).toMatch(/\/6$/);
  });

  it('moves through the sections with the arrow keys and opens one with Enter', async () => {
    await page.locator('[data-section="cover"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-section'))).toBe('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/3$/);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-section'))).toBe('findings');
  });

  it('shows last year’s text beside this year’s and inserts a paragraph only once', async () => {
    const report = emptyReport('某某县卫生健康局', 2024);
    const problems = emptyReport('某某县卫生健康局', 2023).narrative.problems.map((p) =>
      p.id === 'problems' ? { ...p, text: '一是公开内容不够全面。\n二是政策解读形式单一。' } : p,
    );
    report.previous = {
      year: 2023,
      org: report.org,
      format: '2021',
      source: '',
      inForce: { rules: null, normativeDocs: null },
      carryForward: {},
      narrative: { ...report.narrative, problems },
    };
    const id = await create(report);
    await page.goto(`${app.url}#/report/${id}/5`);
    // Last year's problems stand above this year's progress on them.
    await expect(page.locator('main').textContent()).resolves.toContain('2023年报告所列问题');
    // 插入到本年 adds a paragraph to this year's part of the same name, once; 复制 is the clipboard's.
    const panel = page.getByTestId('last-year-text');
    await expect(panel.getByRole('button', { name: /^复制：一是公开内容不够全面/ }).count()).resolves.toBe(1);
    await panel.getByRole('button', { name: /插入到本年“存在的主要问题”：一是公开内容不够全面/ }).click();
    const text = page.locator('textarea[data-part="problems"]');
    await expect(text.inputValue()).resolves.toBe('一是公开内容不够全面。');
    const used = panel.getByRole('button', { name: /已在本年文字中：一是公开内容不够全面/ });
    await expect(used.getAttribute('aria-disabled')).resolves.toBe('true');
    // Still focusable, so a keyboard user keeps their place; pressing it again adds nothing.
    await used.focus();
    await page.keyboard.press('Enter');
    await expect(text.inputValue()).resolves.toBe('一是公开内容不够全面。');
    await panel.getByRole('button', { name: '全部插入到本年' }).click();
    await expect(text.inputValue()).resolves.toBe('一是公开内容不够全面。\n二是政策解读形式单一。');
  });

  it('scrolls the start page to reports below the fold, and undoes a delete from the notice', async () => {
    for (let i = 0; i < 14; i++) await create(emptyReport(`某某县第${i + 1}局`, 2024));
    await page.goto(app.url);
    const rows = page.locator('tr[data-report]');
    await expect.poll(() => rows.count()).toBe(16);
    await page.mouse.move(683, 500);
    await page.mouse.wheel(0, 5000);
    await expect.poll(async () => (await rows.last().boundingBox())!.y + 40).toBeLessThan(768);

    const before = await rows.count();
    await rows.last().getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => rows.count()).toBe(before - 1);
    await page.getByTestId('notice').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => rows.count()).toBe(before);
    expect(pageErrors).toEqual([]);
  });

  it('空白处填0 fills the blank cells of one table in a single undo step, leaving totals to the sums', async () => {
    const id = await create(emptyReport('某某县司法局', 2024));
    await page.goto(`${app.url}#/report/${id}/4`);
    const input = (col: string) => page.locator(`input[data-cell="reviewLitigation.review.${col}"]`);
    await input('upheld').click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    // 15 cells, 3 auto totals, 1 typed: 11 blanks left.
    const fill = page.getByRole('button', { name: '空白处填0（11）' });
    await fill.click();
    await expect(input('corrected').inputValue()).resolves.toBe('0');
    await expect(
      page.locator('input[data-cell="reviewLitigation.litigationAfterReview.pending"]').inputValue(),
    ).resolves.toBe('0');
    await expect(input('upheld').inputValue()).resolves.toBe('2');
    await expect(input('total').inputValue()).resolves.toBe('2');
    await expect(page.getByRole('button', { name: '空白处填0', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(page.locator('main').textContent()).resolves.not.toContain('空白不等于0');
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await expect(input('corrected').inputValue()).resolves.toBe('');
    await expect(input('upheld').inputValue()).resolves.toBe('2');
  });
});
