// End to end, in Chromium against the browser-mode host: on table 三 the clerk opens a ledger with
// 从登记台账计算, sees the mapping, the rows not placed and the counted matrix beside the report's,
// maps a value once (remembered), looks up the rows behind a cell, fills the matrix (one undo
// step) and undoes it; then keeps one application on the 登记台账 page and counts that.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, type Report } from '../../shared/report';
import { LEDGER_2024, xlsxBytes } from '../fixtures/ledgers';
import { chromiumAvailable } from './support/browser';
import { useAppSession } from './support/session';

const run = chromiumAvailable();
const cell = (page: Page, id: string) => page.locator(`input[data-cell="applications.${id}"]`);

describe.skipIf(!run)('从登记台账计算 in Chromium (browser mode)', () => {
  const session = useAppSession({ width: 1366, height: 900 });
  let page: Page;
  let id: string;
  let file: string;
  beforeAll(async () => {
    page = session.page;
    file = join(mkdtempSync(join(tmpdir(), 'nianbao-e2e-ledger-')), '2024年依申请公开登记台账.xlsx');
    writeFileSync(file, await xlsxBytes(LEDGER_2024));
    ({ id } = await session.call<{ id: string }>('createReport', emptyReport('某某县住房和城乡建设局', 2024)));
  });

  async function openDialog() {
    await page.getByRole('button', { name: '从登记台账计算' }).click();
    return page.getByRole('dialog');
  }

  it(
    'shows the mapping, the problems and the counted matrix, and remembers a value mapped',
    { timeout: 120_000 },
    async () => {
      await page.goto(`${session.app.url}#/report/${id}/3`);
      const dialog = await openDialog();
      await dialog.getByTestId('ledger-file').setInputFiles(file);
      await expect
        .poll(() => dialog.getByTestId('ledger-summary').textContent(), { timeout: 30_000 })
        .toContain('共16件申请，计入2024年度10件');
      expect(await dialog.getByTestId('ledger-layout').textContent()).toContain('表头在第3行');
      expect(await dialog.getByTestId('ledger-rules').textContent()).toContain('满足全部勾稽关系');
      expect(await dialog.getByTestId('ledger-problems').textContent()).toContain('第13行：没有收到日期');
      // The report's matrix is blank: every counted cell differs and says what the report holds.
      const newTotal = dialog.locator('td[data-ledger-cell="applications.newReceived.total"]');
      expect(await newTotal.getAttribute('data-diff')).toBe('true');
      expect(await newTotal.textContent()).toBe('8（现为空白）');
      // Which rows a cell counts.
      await dialog.locator('td[data-ledger-cell="applications.carryForward.natural"]').click();
      expect(await dialog.getByTestId('ledger-sources').textContent()).toContain('计入2件：台账第9、11行');
      await page.keyboard.press('ArrowUp');
      expect(await dialog.getByTestId('ledger-sources').textContent()).toContain(
        '“（七）总计·自然人”计入2件：台账第4、19行',
      );
      // 村委会 maps to nothing until the clerk says where it goes.
      const row = dialog.locator('tr[data-value="村委会"]');
      expect(await row.getAttribute('data-unmapped')).toBe('true');
      await dialog.getByRole('combobox', { name: '“村委会”对应到' }).click();
      await page.getByRole('option', { name: '其他', exact: true }).click();
      await expect.poll(() => dialog.getByTestId('ledger-summary').textContent()).toContain('计入2024年度11件');
      expect(await row.textContent()).toContain('您的选择');
      expect(await dialog.getByTestId('ledger-rules').textContent()).toContain('满足全部勾稽关系');
      expect(session.pageErrors).toEqual([]);
    },
  );

  it('fills the matrix on OK as one undo step', { timeout: 60_000 }, async () => {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /填入表三/ }).click();
    await expect.poll(() => cell(page, 'newReceived.total').inputValue()).toBe('9');
    expect(await cell(page, 'newReceived.other').inputValue()).toBe('1');
    expect(await cell(page, 'carriedOver.business').inputValue()).toBe('1');
    expect(await cell(page, 'refused.stateSecret.business').inputValue()).toBe('1');
    expect(await cell(page, 'carryForward.total').inputValue()).toBe('3');
    expect(await cell(page, 'refused.query.natural').inputValue()).toBe('0');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => cell(page, 'newReceived.total').inputValue()).toBe('');
    expect(await cell(page, 'refused.query.natural').inputValue()).toBe('');
    await page.getByRole('button', { name: '重做' }).click();
    await expect.poll(() => cell(page, 'newReceived.total').inputValue()).toBe('9');
    // The choice for 村委会 is kept with the report.
    await expect
      .poll(async () => (await session.call<{ report: Report }>('openReport', id)).report.ledger?.mapping.applicant, {
        timeout: 15_000,
      })
      .toEqual({ 村委会: 'other' });
    expect(session.pageErrors).toEqual([]);
  });

  it('counts the applications kept on the 登记台账 page', { timeout: 60_000 }, async () => {
    await page.locator('[data-section="ledger"]').click();
    await page.getByRole('button', { name: '登记一件申请' }).click();
    await page.getByLabel('第1条收到日期').fill('2024-03-05');
    await page.getByRole('combobox', { name: '第1条申请人类型' }).click();
    await page.getByRole('option', { name: '科研机构' }).click();
    await page.getByLabel('第1条答复日期').fill('2024-03-15');
    await page.getByRole('combobox', { name: '第1条办理结果' }).click();
    await page.getByRole('option', { name: '（三）不予公开5.属于三类内部事务信息' }).click();
    await expect
      .poll(() => page.getByTestId('ledger-page-summary').textContent())
      .toContain('共登记1件，按2024年度计入1件');
    expect(await page.locator('[data-placed="1"]').textContent()).toBe('一 → （三）5.属于三类内部事务信息');
    // A deleted entry comes back from the notice.
    await page.getByLabel('第1条申请内容').fill('规划许可');
    await page.getByRole('button', { name: '删除第1条' }).click();
    expect(await page.locator('tr[data-entry]').count()).toBe(0);
    await page.getByTestId('notice').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByLabel('第1条申请内容').inputValue()).toBe('规划许可');
    await page.locator('[data-section="3"]').click();
    const dialog = await openDialog();
    await dialog.getByRole('button', { name: '使用“登记台账”页的1件申请' }).click();
    expect(await dialog.getByTestId('ledger-rules').textContent()).toContain('满足全部勾稽关系');
    await dialog.locator('td[data-ledger-cell="applications.refused.internal.research"]').click();
    expect(await dialog.getByTestId('ledger-sources').textContent()).toContain('“登记台账”页第1条');
    await dialog.getByRole('button', { name: '填入表三', exact: true }).click();
    await expect.poll(() => cell(page, 'refused.internal.research').inputValue()).toBe('1');
    expect(await cell(page, 'newReceived.total').inputValue()).toBe('1');
    expect(await cell(page, 'carryForward.total').inputValue()).toBe('0');
    expect(session.pageErrors).toEqual([]);
  });

  it('next year’s report of the same organ starts with the choices made this year', { timeout: 60_000 }, async () => {
    const next = await session.call<{ id: string }>('createReport', emptyReport('某某县住房和城乡建设局', 2025));
    await page.goto(`${session.app.url}#/report/${next.id}/3`);
    const dialog = await openDialog();
    await expect
      .poll(() => dialog.getByTestId('ledger-inherited').textContent(), { timeout: 15_000 })
      .toContain('1个选择');
    await expect
      .poll(
        async () => (await session.call<{ report: Report }>('openReport', next.id)).report.ledger?.mapping.applicant,
        {
          timeout: 15_000,
        },
      )
      .toEqual({ 村委会: 'other' });
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(session.pageErrors).toEqual([]);
  });

  it('brings last year’s applications still open into the new 登记台账 page', { timeout: 60_000 }, async () => {
    const { report: last, revision } = await session.call<{ report: Report; revision: string }>('openReport', id);
    const open = {
      received: '2024-12-20',
      applicant: '自然人',
      subject: '年底收到',
      answered: '',
      outcome: '',
      reason: '',
    };
    await session.call(
      'saveReport',
      id,
      { ...last, ledger: { ...last.ledger!, entries: [...last.ledger!.entries, open] } },
      revision,
    );
    const next = (await session.call<{ id: string; year: number }[]>('listReports')).find((r) => r.year === 2025)!;
    await page.goto(`${session.app.url}#/report/${next.id}/ledger`);
    await page.getByRole('button', { name: '带入这1件' }).click();
    expect(await page.getByLabel('第1条收到日期').inputValue()).toBe('2024-12-20');
    await expect.poll(() => page.locator('[data-placed="1"]').textContent()).toBe('二 → 四');
    expect(session.pageErrors).toEqual([]);
  });

  it('stores a ledger file on an empty 登记台账 page', { timeout: 60_000 }, async () => {
    const other = await session.call<{ id: string }>('createReport', emptyReport('某某县自然资源局', 2024));
    await page.goto(`${session.app.url}#/report/${other.id}/3`);
    const dialog = await openDialog();
    await dialog.getByTestId('ledger-file').setInputFiles(file);
    await expect.poll(() => dialog.getByTestId('ledger-summary').textContent()).toContain('共16件申请');
    await dialog.getByRole('button', { name: '存入“登记台账”页' }).click();
    await expect.poll(() => dialog.getByRole('button', { name: '使用“登记台账”页的16件申请' }).isVisible()).toBe(true);
    expect(await dialog.getByTestId('ledger-summary').textContent()).toContain('计入2024年度10件');
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.locator('[data-section="ledger"]').click();
    expect(await page.locator('tr[data-entry]').count()).toBe(16);
    expect(await page.getByLabel('第1条申请内容').inputValue()).toBe('某小区规划许可');
    expect(await page.getByLabel('第1条收到日期').inputValue()).toBe('2024-01-08');
    expect(await page.locator('[data-placed="1"]').textContent()).toBe('一 → （一）予以公开');
    expect(await page.locator('[data-placed="7"]').textContent()).toBe('二 → （三）1.属于国家秘密');
    expect(await page.locator('[data-placed="9"]').textContent()).toBe('2023年已办结，属上年报告');
    expect(await page.locator('[data-placed="10"]').textContent()).toBe('未计入：没有收到日期');
    expect(session.pageErrors).toEqual([]);
  });
});
