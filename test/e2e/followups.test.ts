// End to end, in Chromium (browser mode): small things a clerk notices — blank cells counted one
// way in 检查结果, the header and the command line; the same report file opened twice; long organ
// names in the editor's title bar and the start page's status chips.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFindings } from '../../electron/cli/check';
import { getFormat } from '../../shared/format';
import { emptyReport, setCell } from '../../shared/report';
import { blankHeadline, checkReport, countFindings, summarizeBlanks } from '../../shared/rules';
import { chromiumAvailable } from './support/browser';
import { useAppSession } from './support/session';

const run = chromiumAvailable();

describe.skipIf(!run)('follow-ups in Chromium (browser mode)', () => {
  const session = useAppSession({ width: 1366, height: 768 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

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
});
