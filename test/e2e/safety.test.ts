// End to end in Chromium against the real browser-mode host: two tabs on one report (the later
// save is refused, nothing typed is lost), 历史版本 and 恢复, a report file saved and opened again,
// the launch secret, a second server on the same folder, a read-only folder, and a page that fails.
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, setCell, type Report } from '../../shared/report';
import { openStore } from '../../electron/services/store';
import { chromiumAvailable, launchChromium } from './support/browser';
import { useAppSession } from './support/session';
import { startWebApp, type WebApp } from './support/web-app';

const run = chromiumAvailable();
const isRoot = process.getuid?.() === 0;

const cell = (page: Page, id: string) => page.locator(`input[data-cell="applications.${id}"]`);
/** Totals typed by hand: the editor leaves the report as it is on opening (no save of its own). */
const manual = (r: Report): Report => ({ ...r, settings: { ...r.settings, autoTotals: false } });
const saveState = (page: Page) => page.getByTestId('save-status').getAttribute('data-state');

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await cell(page, id).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe.skipIf(!run)('nothing lost, nobody else in (browser mode)', () => {
  const session = useAppSession({ width: 1366, height: 768 });
  const call = <T>(method: string, ...args: unknown[]) => session.call<T>(method, ...args);
  const create = async (report: Report) => (await call<{ id: string }>('createReport', report)).id;
  let app: WebApp;
  let page: Page;
  beforeAll(() => {
    app = session.app;
    page = session.page;
  });

  it('refuses the later save of two tabs, says so in Chinese, and keeps the unsaved text after a reload', async () => {
    const id = await create(emptyReport('某某县统计局', 2024));
    const tabB = await page.context().newPage();
    await page.goto(`${app.url}#/report/${id}/3`);
    await tabB.goto(`${app.url}#/report/${id}/3`);
    await cell(tabB, 'newReceived.natural').waitFor();

    await typeInto(page, 'newReceived.natural', '5');
    await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('saved');
    await typeInto(tabB, 'newReceived.business', '7');
    await expect.poll(() => saveState(tabB), { timeout: 10_000 }).toBe('conflict');
    const dialog = tabB.getByTestId('conflict-dialog');
    await expect(dialog.textContent()).resolves.toContain('此报告已在另一个窗口中修改');
    await expect(tabB.getByTestId('unsaved-text').inputValue()).resolves.toContain('商业企业：7');
    // Tab A's save stands.
    const stored = await call<{ report: Report }>('openReport', id);
    expect(stored.report.applications.newReceived.natural).toBe(5);
    expect(stored.report.applications.newReceived.business).toBeNull();

    await tabB.getByRole('button', { name: '重新载入' }).click();
    await expect.poll(() => cell(tabB, 'newReceived.natural').inputValue()).toBe('5');
    await expect(tabB.getByTestId('unsaved-panel').isVisible()).resolves.toBe(true);
    await expect(tabB.getByTestId('unsaved-text').inputValue()).resolves.toContain('商业企业：7');
    // Reloaded, tab B saves again, on top of tab A's work.
    await typeInto(tabB, 'newReceived.business', '7');
    await expect.poll(() => saveState(tabB), { timeout: 10_000 }).toBe('saved');
    const both = (await call<{ report: Report }>('openReport', id)).report.applications.newReceived;
    expect([both.natural, both.business]).toEqual([5, 7]);
    await tabB.close();
  });

  it('shows 历史版本 newest first with what changed, and 恢复 keeps the replaced version', async () => {
    let report = manual(emptyReport('某某县审计局', 2024));
    const id = await create(report);
    const { revision } = await call<{ revision: string }>('openReport', id);
    report = setCell(report, 'applications.newReceived.natural', 4);
    await call('saveReport', id, report, revision);
    await page.goto(`${app.url}#/report/${id}/3`);
    await expect.poll(() => cell(page, 'newReceived.natural').inputValue()).toBe('4');

    await page.getByRole('button', { name: '历史版本' }).click();
    const dialog = page.getByTestId('history-dialog');
    const items = dialog.locator('[data-version]');
    await expect.poll(() => items.count()).toBe(2);
    await expect(items.nth(0).textContent()).resolves.toMatch(/当前版本.*由空白改为4/);
    await expect(items.nth(1).textContent()).resolves.toContain('最早保留的版本');
    await items.nth(1).click();
    await expect(dialog.getByTestId('version-preview').textContent()).resolves.toMatch(/由4改为空白/);
    await dialog.getByRole('button', { name: '恢复', exact: true }).click();

    await expect.poll(() => cell(page, 'newReceived.natural').inputValue()).toBe('');
    expect((await call<{ report: Report }>('openReport', id)).report.applications.newReceived.natural).toBeNull();
    await page.getByRole('button', { name: '历史版本' }).click();
    await expect.poll(() => items.count()).toBe(3);
    await expect(items.nth(1).textContent()).resolves.toContain('由空白改为4'); // the version it replaced
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('saves 另存为报告文件 named after the report and reads it back with 打开报告文件', async () => {
    const report = manual(setCell(emptyReport('某某县档案馆', 2024), 'applications.newReceived.natural', 11));
    const id = await create(report);
    await page.goto(`${app.url}#/report/${id}/3`);
    await expect.poll(() => cell(page, 'newReceived.natural').inputValue()).toBe('11');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '另存为报告文件' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('某某县档案馆2024年政府信息公开工作年度报告.nianbao');
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-file-'));
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);

    await page.goto(`${app.url}#/`);
    await page.getByRole('button', { name: '打开报告文件' }).waitFor();
    const before = (await call<unknown[]>('listReports')).length;
    await page.getByTestId('open-report-file').setInputFiles(path);
    // The list already holds this report (it was saved from it): the clerk is asked, and keeps both.
    const same = page.getByTestId('same-report-dialog');
    await expect.poll(() => same.textContent()).toContain('某某县档案馆2024年度报告');
    await same.getByRole('button', { name: '两份都保留' }).click();
    await expect.poll(() => page.getByTestId('report-title').textContent()).toContain('某某县档案馆2024年');
    const list = await call<{ id: string }[]>('listReports');
    expect(list).toHaveLength(before + 1);
    const opened = list.find((r) => r.id !== id && page.url().includes(r.id))!;
    expect((await call<{ report: Report }>('openReport', opened.id)).report).toEqual(report);
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the page without the secret, but neither reports nor the secret reach it', async () => {
    const stranger = await page.context().newPage();
    await stranger.goto(`${app.origin}/`);
    await expect.poll(() => stranger.locator('body').textContent(), { timeout: 10_000 }).toContain('访问密钥');
    const body = (await stranger.content()) + (await stranger.locator('body').textContent());
    expect(body).not.toContain(app.key);
    expect(body).not.toContain('某某县统计局');
    const res = await fetch(`${app.origin}/api/listReports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"args":[]}',
    });
    expect(res.status).toBe(403);
    await stranger.close();
  });

  it('refuses a second server on the same data folder with a Chinese message naming it', async () => {
    const second = await startWebApp({ dataDir: app.dataDir }).then(
      (a) => a.stop().then(() => 'started'),
      (e: Error) => e.message,
    );
    expect(second).toContain('退出码 1');
    expect(second).toContain(`数据文件夹“${app.dataDir}”正被另一个公开年报`);
  });

  it('says in Chinese, without errno or stack, when the data folder cannot be used', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-notdir-'));
    const file = join(dir, 'a-file');
    await writeFile(file, 'not a folder');
    const failed = await startWebApp({ dataDir: file }).then(
      (a) => a.stop().then(() => 'started'),
      (e: Error) => e.message,
    );
    expect(failed).toContain('退出码 1');
    expect(failed).toContain(`无法使用数据文件夹“${file}”`);
    expect(failed).not.toMatch(/\bE[A-Z]{4,}\b|Error|\n\s+at /);
    await rm(dir, { recursive: true, force: true });
  });

  it('shows a Chinese message and a way back when a page fails, and the saved work is still there', async () => {
    const id = await create(setCell(emptyReport('某某县气象局', 2024), 'applications.newReceived.natural', 2));
    // A host answering with a report the page cannot draw.
    await page.route('**/api/openReport', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: true,
          value: { id, revision: 'x', report: { ...emptyReport('某某县气象局', 2024), narrative: null } },
        }),
      }),
    );
    await page.goto(`${app.url}#/report/${id}/1`);
    const failed = page.getByTestId('page-error');
    await expect.poll(() => failed.textContent(), { timeout: 10_000 }).toContain('界面出错了');
    await expect(failed.textContent()).resolves.toContain('已保存的内容不会丢失');
    await page.unroute('**/api/openReport');
    await page.getByRole('button', { name: '返回报告列表' }).click();
    await expect.poll(() => page.locator(`tr[data-report="${id}"]`).count()).toBe(1);
    expect((await call<{ report: Report }>('openReport', id)).report.applications.newReceived.natural).toBe(2);
  });
});

describe.skipIf(!run || !isRoot)('a data folder the clerk may not write (browser mode)', () => {
  let dir = '';
  let app: WebApp | null = null;
  afterAll(async () => {
    await app?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens read-only with a lasting 修改不会保存 banner, and the damaged report as a notice', async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-ro-'));
    const store = await openStore({ dataDir: dir });
    await store.create(setCell(emptyReport('某某县林业局', 2024), 'applications.newReceived.natural', 6));
    const bad = await store.create(emptyReport('某某县水利局', 2024));
    await store.close();
    await writeFile(join(dir, 'reports', `${bad.id}.json`), '{ damaged');
    await rm(join(dir, 'backups', bad.id), { recursive: true });
    const walk = async (p: string): Promise<void> => {
      const s = await stat(p);
      if (s.isDirectory()) for (const n of await readdir(p)) await walk(join(p, n));
      await chmod(p, s.isDirectory() ? 0o555 : 0o444);
    };
    await walk(dir);

    app = await startWebApp({ dataDir: dir, user: { uid: 65534, gid: 65534 } });
    await expect.poll(() => app!.log()).toContain('修改不会保存');
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await page.goto(app.url);
      const banner = page.getByTestId('read-only-banner');
      await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain('修改不会保存');
      await expect(page.getByRole('dialog').textContent()).resolves.toMatch(/某某县水利局.*已损坏/);
      await page.getByRole('button', { name: '知道了' }).click();
      await page.getByRole('button', { name: '某某县林业局2024年度报告' }).click();
      await expect.poll(() => page.getByTestId('save-status').count()).toBe(1);
      await expect(banner.isVisible()).resolves.toBe(true); // still there in the editor
      await page.locator('[data-section="3"]').click();
      await cell(page, 'newReceived.natural').click();
      await page.keyboard.type('9');
      await page.keyboard.press('Enter');
      await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('readOnly');
      const text = await page.locator('body').textContent();
      expect(text).not.toMatch(/\bE(ACCES|ROFS|PERM)\b/);
      await page.getByRole('button', { name: '‹ 报告列表' }).click();
      await expect.poll(() => page.getByRole('button', { name: '打开报告文件' }).count()).toBe(1);
    } finally {
      await browser.close();
    }
  });
});
