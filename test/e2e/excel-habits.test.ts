// End to end at 1093 × 615 CSS px — a 1366×768 screen at Windows' 125 % scaling — in Chromium
// against the browser-mode host: the grid's Excel habits (Tab runs, computed cells passed over,
// sticky headers, no sideways scrolling, messages beside the cell, not over the next row),
// pastes that say what they did and ask before overwriting, findings that open the cell changed
// last, the clerk's own sub-headings with undo across sections, Ctrl+S, 联系人 and the report list.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, type Report } from '../../shared/report';
import { chromiumAvailable } from './support/browser';
import { pasteText, saved } from './support/editing';
import { useAppSession } from './support/session';

const run = chromiumAvailable();
const SHOTS = mkdtempSync(join(tmpdir(), 'nianbao-1093-'));

const cell = (page: Page, id: string) => page.locator(`input[data-cell="${id}"]`);
const app = (page: Page, id: string) => cell(page, `applications.${id}`);
const focused = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset.cell ?? '');

type Box = { top: number; bottom: number; left: number; right: number };
const boxOf = (page: Page, selector: string): Promise<Box> =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    });
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe.skipIf(!run)('the editor at 1093 px, as a clerk on a 125 % screen uses it', () => {
  const session = useAppSession({ width: 1093, height: 615 });
  let page: Page;
  let id = '';
  const open = async (section: string) => {
    await page.goto(`${session.app.url}#/report/${id}/${section}`);
    await page.locator('main h1').waitFor();
  };

  beforeAll(async () => {
    page = session.page;
    const report: Report = emptyReport('某某县行政审批服务局', 2024);
    id = (await session.call<{ id: string }>('createReport', report)).id;
  });

  it('二: 0 Tab 0 Tab 0 Enter 2 puts the 2 under 本年制发件数 of the next row', async () => {
    await open('2');
    await cell(page, 'activeDisclosure.rules.issued').click();
    await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2');
    expect(await focused(page)).toBe('activeDisclosure.normativeDocs.issued');
    await expect(cell(page, 'activeDisclosure.normativeDocs.issued').inputValue()).resolves.toBe('2');
    await expect(cell(page, 'activeDisclosure.normativeDocs.inForce').inputValue()).resolves.toBe('');
  });

  it('三: Tab and Shift+Tab pass over the computed 总计', async () => {
    await open('3');
    await app(page, 'newReceived.other').click();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('applications.carriedOver.natural');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('applications.newReceived.other');
  });

  it('shows the whole matrix without sideways scrolling, 其他 and 总计 included', async () => {
    const wrap = page.locator('.grid-wrap');
    const [scrollW, clientW] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollW).toBeLessThanOrEqual(clientW);
    const main = await boxOf(page, 'main');
    for (const col of ['other', 'total']) {
      const b = await boxOf(page, `input[data-cell="applications.newReceived.${col}"]`);
      expect(b.right).toBeLessThanOrEqual(main.right);
    }
    await page.screenshot({ path: join(SHOTS, 'matrix-top.png') });
  });

  it('keeps the column headers in view at the 四 row', async () => {
    await app(page, 'carryForward.natural').click();
    await app(page, 'carryForward.natural').scrollIntoViewIfNeeded();
    const wrap = await boxOf(page, '.grid-wrap');
    const head = await boxOf(page, '.grid-applications thead');
    const row = await boxOf(page, 'input[data-cell="applications.carryForward.natural"]');
    const first = await boxOf(page, 'input[data-cell="applications.newReceived.natural"]');
    expect(first.bottom).toBeLessThan(wrap.top + 1); // the first rows have scrolled away …
    expect(head.top).toBeGreaterThanOrEqual(wrap.top - 1); // … the headers have not
    expect(head.bottom).toBeLessThanOrEqual(row.top + 1);
    // What is drawn at the header's place is the header, not a row scrolled under it.
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('thead') !== null,
      [(head.left + head.right) / 2, head.bottom - 4],
    );
    expect(hit).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'matrix-scrolled.png') });
  });

  it('keeps the row labels in view when the matrix must scroll sideways (a narrower window)', async () => {
    await page.setViewportSize({ width: 900, height: 615 });
    try {
      const wrap = page.locator('.grid-wrap');
      await wrap.evaluate((el) => el.scrollTo({ left: 200 }));
      const scrolled = await wrap.evaluate((el) => el.scrollLeft);
      expect(scrolled).toBeGreaterThan(0);
      const wrapBox = await boxOf(page, '.grid-wrap');
      const label = await boxOf(page, 'tr:has(input[data-cell="applications.carryForward.natural"]) th.lbl');
      expect(Math.abs(label.left - wrapBox.left)).toBeLessThan(2);
    } finally {
      await page.setViewportSize({ width: 1093, height: 615 });
      await page.locator('.grid-wrap').evaluate((el) => el.scrollTo({ left: 0 }));
    }
  });

  it('shows an invalid entry at its cell, above it, and never over the next row; Enter stays', async () => {
    await app(page, 'granted.natural').click();
    await page.keyboard.type('-2');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('applications.granted.natural');
    const tip = page.getByRole('tooltip');
    await expect(tip.textContent()).resolves.toContain('只能填写不小于0的整数');
    const tipBox = await boxOf(page, '[role="tooltip"]');
    const here = await boxOf(page, 'input[data-cell="applications.granted.natural"]');
    const below = await boxOf(page, 'input[data-cell="applications.partlyGranted.natural"]');
    expect(overlaps(tipBox, here)).toBe(false);
    expect(overlaps(tipBox, below)).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'invalid.png') });
    // Clicked away, the entry stays shown at its cell, in red, not taken.
    await app(page, 'granted.legal').click();
    await expect(app(page, 'granted.natural').inputValue()).resolves.toBe('-2');
    await expect(app(page, 'granted.natural').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(app(page, 'granted.total').inputValue()).resolves.toBe('');
    // A screen reader reads the reason with the cell.
    const described = await app(page, 'granted.natural').evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toContain('“-2”未被采用');
    // Typed over, it is gone.
    await app(page, 'granted.natural').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect(app(page, 'granted.natural').inputValue()).resolves.toBe('3');
    await expect(app(page, 'granted.total').inputValue()).resolves.toBe('3');
  });

  it('warns about a 10-digit figure at its cell and shows it whole', async () => {
    await app(page, 'partlyGranted.business').click();
    await page.keyboard.type('1234567890');
    await page.keyboard.press('Enter');
    const input = app(page, 'partlyGranted.business');
    await expect(input.inputValue()).resolves.toBe('1234567890');
    const [sw, cw] = await input.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(sw).toBeLessThanOrEqual(cw);
    await expect.poll(() => input.evaluate((el) => el.parentElement!.className)).toMatch(/m-(warning|error)/);
    await input.hover();
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('10位数');
    await input.click();
    await page.keyboard.press('Delete');
  });

  it('says how many cells a paste filled, and asks before overwriting more than a few', async () => {
    await app(page, 'unable.notHeld.natural').click();
    await pasteText(page, '1\t2\r\n3\t4\r\n5\t6\r\n');
    await expect(page.getByTestId('grid-message').textContent()).resolves.toContain('填入6个单元格');
    await app(page, 'unable.notHeld.natural').click();
    await pasteText(page, '7\t7\r\n7\t7\r\n7\t7\r\n');
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('覆盖6个已填写的单元格');
    await dialog.getByRole('button', { name: '取消粘贴' }).click();
    await expect(app(page, 'unable.notHeld.natural').inputValue()).resolves.toBe('1');
    await app(page, 'unable.notHeld.natural').click();
    await pasteText(page, '7\t7\r\n7\t7\r\n7\t7\r\n');
    await page.getByRole('dialog').getByRole('button', { name: '覆盖并粘贴' }).click();
    await expect(app(page, 'unable.unclear.business').inputValue()).resolves.toBe('7');
    await expect(page.getByTestId('grid-message').textContent()).resolves.toContain('覆盖原有数值6个');
    // An entry a cell cannot take is not pasted but shown at its cell, in red.
    await app(page, 'refused.stateSecret.natural').click();
    await pasteText(page, '2\t两件\r\n');
    await expect(app(page, 'refused.stateSecret.natural').inputValue()).resolves.toBe('2');
    await expect(app(page, 'refused.stateSecret.business').inputValue()).resolves.toBe('两件');
    await expect(app(page, 'refused.stateSecret.business').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(app(page, 'refused.stateSecret.total').inputValue()).resolves.toBe('2');
    await expect(page.getByTestId('grid-message').textContent()).resolves.toContain('已在单元格中标红');
    await app(page, 'refused.stateSecret.business').click();
    await page.keyboard.press('Delete');
    await expect(app(page, 'refused.stateSecret.business').inputValue()).resolves.toBe('');
  });

  it('opens a finding at the cell changed last among its cells, scrolled into view', async () => {
    await app(page, 'newReceived.natural').click();
    await page.keyboard.type('50');
    await app(page, 'carryForward.natural').click();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await page.locator('[data-section="findings"]').click();
    await page.locator('button.finding', { hasText: '自然人列' }).click();
    await expect.poll(() => focused(page)).toBe('applications.carryForward.natural');
    const wrap = await boxOf(page, '.grid-wrap');
    const head = await boxOf(page, '.grid-applications thead');
    const target = await boxOf(page, 'input[data-cell="applications.carryForward.natural"]');
    expect(target.top).toBeGreaterThanOrEqual(head.bottom - 1);
    expect(target.bottom).toBeLessThanOrEqual(wrap.bottom + 1);
  });

  it('shows a hovered cell’s messages away from the cell being typed into', async () => {
    await open('3');
    await app(page, 'newReceived.natural').click();
    await page.keyboard.type('51');
    await app(page, 'carriedOver.natural').hover();
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('自然人列');
    const tip = await boxOf(page, '[role="tooltip"]');
    const typing = await boxOf(page, 'input[data-cell="applications.newReceived.natural"]');
    expect(overlaps(tip, typing)).toBe(false);
    await page.keyboard.press('Enter');
  });

  it('Ctrl+S saves now and says so, instead of the browser saving the page', async () => {
    await open('3');
    await app(page, 'granted.business').click();
    await page.keyboard.type('1');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      window.addEventListener('keydown', (e) => seen.push(`${e.key}:${e.defaultPrevented}`));
    });
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('已保存');
    // The browser's own 保存网页 never sees the key.
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toContain('s:true');
    await expect(page.getByTestId('save-status').getAttribute('data-state')).resolves.toBe('saved');
    const { report } = await session.call<{ report: Report }>('openReport', id);
    expect(report.applications.granted.business).toBe(1);
  });
});

describe.skipIf(!run)('the clerk’s own sub-headings, undo across sections, 联系人 and the report list', () => {
  const session = useAppSession({ width: 1093, height: 615 });
  let page: Page;
  let id = '';

  beforeAll(async () => {
    page = session.page;
    id = (await session.call<{ id: string }>('createReport', emptyReport('某某县卫生健康局', 2024))).id;
  });

  it('renames, adds, removes and reorders the sub-headings of 一, and exports them as written', async () => {
    await page.goto(`${session.app.url}#/report/${id}/1`);
    const headings = page.locator('input[data-heading]');
    await expect.poll(() => headings.count()).toBe(6);
    await headings.nth(1).fill('（一）健全组织机构，责任落实到人');
    await page.locator('textarea[data-part="active"]').fill('成立了政务公开工作领导小组。');
    await page.getByRole('button', { name: '删除“依申请公开”' }).click();
    await expect.poll(() => headings.count()).toBe(5);
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('已删除“依申请公开”');
    // The keyboard stays in the section, on the next sub-heading.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.heading))
      .toBe('management');
    await page.getByRole('button', { name: '在“（一）健全组织机构，责任落实到人”之后添加小标题' }).click();
    await expect.poll(() => headings.count()).toBe(6);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.heading)).toBe('own-1');
    await page.keyboard.type('（二）完善制度建设');
    await page.locator('textarea[data-part="own-1"]').fill('修订了公开指南。');
    await page.getByRole('button', { name: '上移“（二）完善制度建设”' }).click();
    const order = await headings.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(order.slice(0, 3)).toEqual(['', '（二）完善制度建设', '（一）健全组织机构，责任落实到人']);
    await saved(page);
    const file = await session.call<{ base64: string }>('exportFile', id, { kind: 'docx', reportOnly: true });
    const xml = strFromU8(unzipSync(Buffer.from(file.base64, 'base64'))['word/document.xml']);
    // The sub-headings printed (those with text), in the clerk's order and wording, numbered by place.
    const subHeadings = xml
      .split(/<w:p[ >]/)
      .filter((p) => p.includes('w:val="NbHeading2"'))
      .map((p) => p.replace(/<[^>]+>/g, ''));
    expect(subHeadings.slice(0, 2)).toEqual(['（一）完善制度建设', '（二）健全组织机构，责任落实到人']);
    expect(subHeadings).not.toContain('（三）依申请公开');
    expect(subHeadings.some((h) => h.endsWith('依申请公开'))).toBe(false);
  });

  it('undoes and redoes the narrative after switching to another section and back', async () => {
    const text = page.locator('textarea[data-part="own-1"]');
    await text.click();
    await page.keyboard.press('End');
    await page.keyboard.type('印发了工作要点。');
    await expect(text.inputValue()).resolves.toBe('修订了公开指南。印发了工作要点。');
    await page.locator('[data-section="3"]').click();
    await page.locator('[data-section="1"]').click();
    await page.locator('textarea[data-part="own-1"]').click();
    await page.keyboard.press('Control+z');
    await expect(page.locator('textarea[data-part="own-1"]').inputValue()).resolves.toBe('修订了公开指南。');
    await page.keyboard.press('Control+z'); // the move
    await page.keyboard.press('Control+y');
    await page.keyboard.press('Control+y');
    await expect(page.locator('textarea[data-part="own-1"]').inputValue()).resolves.toBe(
      '修订了公开指南。印发了工作要点。',
    );
    await page.locator('main').getByRole('button', { name: '撤销' }).click();
    await page.locator('main').getByRole('button', { name: '撤销' }).click();
    const order = await page
      .locator('input[data-heading]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(order.slice(0, 3)).toEqual(['', '（一）健全组织机构，责任落实到人', '（二）完善制度建设']);
  });

  it('keeps a 联系人 in the contact details', async () => {
    await page.locator('[data-section="cover"]').click();
    await page.getByRole('textbox', { name: '联系人' }).fill('王明');
    await saved(page);
    await page.reload();
    await expect(page.getByRole('textbox', { name: '联系人' }).inputValue()).resolves.toBe('王明');
    const { report } = await session.call<{ report: Report }>('openReport', id);
    expect(report.contact.person).toBe('王明');
  });

  it('shows each report’s errors, warnings, blanks and last save in the report list', async () => {
    await page.getByRole('button', { name: '‹ 报告列表' }).click();
    const status = page.locator(`tr[data-report="${id}"] [data-testid="report-status"]`);
    await status.waitFor();
    const { report } = await session.call<{ report: Report }>('openReport', id);
    const blanks = Number(await status.getAttribute('data-blanks'));
    expect(blanks).toBeGreaterThan(100); // the tables are still empty
    await expect(status.textContent()).resolves.toContain(`空白 ${blanks}格`);
    await expect(status.textContent()).resolves.toMatch(/警告 \d+/);
    expect(report.org).toBe('某某县卫生健康局');
    await expect(page.locator(`tr[data-report="${id}"]`).textContent()).resolves.toMatch(/\d{2}:\d{2}/);
    // Ctrl+S on the list saves nothing and says so (no browser dialog).
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('自动保存');
    expect(session.pageErrors).toEqual([]);
  });
});
