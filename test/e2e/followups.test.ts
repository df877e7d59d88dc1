// End to end, in Chromium (browser mode): small things a clerk notices — blank cells counted one
// way in 检查结果, the header and the command line; the same report file opened twice; long organ
// names in the editor's title bar and the start page's status chips.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFindings } from '../../electron/cli/check';
import { getFormat } from '../../shared/format';
import { emptyReport, reportFileName, serializeReport, setCell, type Report } from '../../shared/report';
import { blankHeadline, checkReport, countFindings, summarizeBlanks } from '../../shared/rules';
import { chromiumAvailable } from './support/browser';
import { useAppSession } from './support/session';

const run = chromiumAvailable();

describe.skipIf(!run)('follow-ups in Chromium (browser mode)', () => {
  const session = useAppSession({ width: 1366, height: 768 });
  let page: Page;
  let dir: string;
  beforeAll(async () => {
    page = session.page;
    dir = await mkdtemp(join(tmpdir(), 'nianbao-followups-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const list = () => session.call<{ id: string; name: string }[]>('listReports');
  const reportOf = async (id: string) => (await session.call<{ report: Report }>('openReport', id)).report;

  it('检查结果 lists blank cells by group and counts them as the header and `nianbao check` do', async () => {
    const report = setCell(emptyReport('某某县民政局', 2024), 'applications.granted.natural', 1);
    const format = getFormat(report.format);
    const findings = checkReport(report);
    const blanks = summarizeBlanks(findings, format)!;
    const warnings = countFindings(findings, format).warning;
    const { id } = await session.call<{ id: string }>('createReport', report);
    await page.goto(`${session.app.url}#/report/${id}/findings`);
    const section = page.locator('[data-severity="warning"]');
    await expect.poll(() => section.locator('h2').textContent()).toBe(`警告（${warnings}）`);
    await expect(page.getByTestId('warning-count').textContent()).resolves.toBe(`警告 ${warnings}`);
    await expect(page.getByTestId('blank-summary').textContent()).resolves.toContain(blankHeadline(blanks));
    const listed = await section.locator('button.finding[data-rule="value.blank"] .finding-msg').allTextContents();
    expect(listed).toEqual(blanks.groups.map((g) => g.text));
    // The command line says the same lines and the same count.
    const cli = formatFindings(findings, format);
    expect(cli).toContain(`警告（${warnings}）：`);
    for (const g of blanks.groups) expect(cli).toContain(g.text);
    // A group takes the clerk to its first cell.
    await section.locator('button.finding[data-rule="value.blank"]').nth(1).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell')))
      .toBe(blanks.groups[1].cells[0]);
  });

  it('新建报告 of an organ and year already in the list asks: open it, or make a copy named …（副本）', async () => {
    const { id } = await session.call<{ id: string }>('createReport', emptyReport('某某县水利局', 2024));
    const create = async () => {
      await page.goto(`${session.app.url}#/`);
      await page.getByRole('button', { name: '新建报告', exact: true }).click();
      await page.getByLabel('机关名称').fill('某某县水利局');
      await page.getByLabel('年度').fill('2024');
      await page.getByRole('button', { name: '创建' }).click();
      return page.getByTestId('same-new-report-dialog');
    };
    const before = (await list()).length;
    const ask = await create();
    await expect(ask.textContent()).resolves.toContain('报告列表中已有“某某县水利局2024年度报告”');
    await ask.getByRole('button', { name: '打开已有的报告' }).click();
    await expect.poll(() => page.url()).toContain(`#/report/${id}`);
    expect((await list()).length).toBe(before);
    await (await create()).getByRole('button', { name: '仍然新建一份' }).click();
    await expect.poll(async () => (await list()).length).toBe(before + 1);
    expect((await list()).map((r) => r.name)).toContain('某某县水利局2024年度报告（副本）');
  });

  it('打开报告文件 of a report already in the list asks: 取消 adds nothing, 替换 keeps the old in 历史版本, 两份都保留 names the copy', async () => {
    const report = setCell(emptyReport('某某县交通运输局', 2024), 'applications.newReceived.natural', 4);
    const { id } = await session.call<{ id: string }>('createReport', report);
    const path = join(dir, reportFileName(report));
    await writeFile(path, serializeReport(setCell(report, 'applications.newReceived.natural', 9)));
    const before = (await list()).length;
    await page.goto(`${session.app.url}#/`);
    const dialog = page.getByTestId('same-report-dialog');
    const pick = async () => {
      await page.getByTestId('open-report-file').setInputFiles(path);
      await expect.poll(() => dialog.textContent()).toContain('是同一机关同一年度的报告');
    };

    await pick();
    await expect(dialog.textContent()).resolves.toContain('“某某县交通运输局2024年度报告”');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await list()).length).toBe(before);

    await pick();
    await dialog.getByRole('button', { name: '替换' }).click();
    await expect.poll(() => page.getByTestId('report-title').textContent()).toContain('某某县交通运输局2024年');
    expect(page.url()).toContain(id);
    expect((await list()).length).toBe(before);
    expect((await reportOf(id)).applications.newReceived.natural).toBe(9);
    const versions = await session.call<{ backupId: string }[]>('listVersions', id);
    const old = await session.call<{ report: Report }>('readVersion', id, versions[versions.length - 1].backupId);
    expect(old.report.applications.newReceived.natural).toBe(4);

    await page.goto(`${session.app.url}#/`);
    await pick();
    await dialog.getByRole('button', { name: '两份都保留' }).click();
    await expect.poll(() => page.getByTestId('report-title').textContent()).toContain('某某县交通运输局2024年');
    const names = (await list()).map((r) => r.name).filter((n) => n.startsWith('某某县交通运输局'));
    expect(names.sort()).toEqual(['某某县交通运输局2024年度报告', '某某县交通运输局2024年度报告（副本）']);
  });

  it('shows a long organ name whole on hover, wrapped in the title bar; the start page’s status chips on one line', async () => {
    const org = '某某市某某区人民政府某某街道办事处综合行政执法队（某某街道应急管理和消防安全办公室）';
    // 总计 5 against parts of 1: an error beside the warnings and the blanks.
    const report = setCell(
      setCell(emptyReport(org, 2024), 'applications.newReceived.total', 5),
      'applications.newReceived.natural',
      1,
    );
    const { id } = await session.call<{ id: string }>('createReport', report);
    await page.goto(`${session.app.url}#/report/${id}/cover`);
    const title = page.getByTestId('report-title');
    await expect.poll(() => title.getAttribute('title')).toContain(org);
    // Two lines at most, nothing drawn past them, and the header's buttons stay whole.
    const box = await title.evaluate((el) => ({
      lines: Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)),
      clipped: el.scrollHeight > el.clientHeight + 1,
    }));
    expect(box.lines).toBe(2);
    expect(box.clipped).toBe(false);
    const button = await page.getByRole('button', { name: '历史版本' }).boundingBox();
    expect(button!.height).toBeLessThan(40);

    // A report with errors, warnings and blanks: its three chips side by side.
    await page.goto(`${session.app.url}#/`);
    const status = page.locator(`[data-report="${id}"] [data-testid="report-status"]`);
    await status.locator('.MuiChip-root').first().waitFor();
    const tops = await status
      .locator('.MuiChip-root')
      .evaluateAll((chips) => chips.map((c) => c.getBoundingClientRect().top));
    expect(tops.length).toBe(3);
    expect(new Set(tops).size).toBe(1);
  });

  it('审核 reads a folder in batches through readFiles, not one call per file, and lists every file', async () => {
    const folder = join(dir, '各单位2024年报告');
    await mkdir(folder);
    const orgs = Array.from({ length: 11 }, (_, i) => `某某县第${i + 1}局`);
    for (const org of orgs) await writeFile(join(folder, `${org}.json`), serializeReport(emptyReport(org, 2024)));
    await writeFile(join(folder, '通知.txt'), '关于召开全县安全生产工作会议的通知\n请各单位准时参加。\n');
    const calls: string[] = [];
    const count = (r: { url(): string }) => {
      const m = /\/api\/(readFiles?)$/.exec(new URL(r.url()).pathname);
      if (m) calls.push(m[1]);
    };
    page.on('request', count);
    try {
      await page.goto(`${session.app.url}#/`);
      await page.getByRole('button', { name: '审核' }).click();
      await page.getByRole('heading', { name: '审核各单位报告' }).waitFor();
      await page.getByTestId('review-folder').setInputFiles(folder);
      const table = page.getByTestId('review-table');
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60_000 }).toBe(12);
      await expect.poll(() => page.getByTestId('review-progress').count()).toBe(0);
      expect(await table.locator('tr[data-file="通知.txt"]').textContent()).toContain('不是报告');
      // Twelve files in two batches of at most ten: two calls, none per file.
      expect(calls).toEqual(['readFiles', 'readFiles']);
    } finally {
      page.off('request', count);
    }
  });
});
