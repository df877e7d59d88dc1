// Where LibreOffice is installed (CI installs it): the exported files open, print to the
// expected pages with the text and numbers on them, and the Excel formulas recompute.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../electron/services/docx';
import { buildXlsx } from '../../electron/services/xlsx';
import { coverTitle, getFormat } from '../../shared/format';
import { fmt } from '../../shared/rules';
import { fullReport } from './helpers/export-report';

/** Installed: runs at all (pdftotext has no --version and exits non-zero for it). */
const has = (cmd: string) => !spawnSync(cmd, ['-v'], { stdio: 'ignore', timeout: 60_000 }).error;
const available = has('soffice') && has('pdftotext');

describe.skipIf(!available)('rendered by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-render-'));
  const report = fullReport('2021');
  const profile = join(dir, 'profile');

  /** Converts files with a private profile (parallel runs must not share one). */
  function convert(to: string, outDir: string, files: string[]): void {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
  }
  const pages = (pdf: string) =>
    Number(
      execFileSync('pdfinfo', [pdf])
        .toString()
        .match(/Pages:\s+(\d+)/)![1],
    );
  const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  const squeeze = (s: string) => s.replace(/\s+/g, '');

  beforeAll(async () => {
    // Recalculate formulas on load, as Excel does (LibreOffice's default trusts cached results).
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
    );
    writeFileSync(join(dir, 'full.docx'), await buildDocx(report, {}));
    writeFileSync(join(dir, 'website.docx'), await buildDocx(report, { reportOnly: true }));
    writeFileSync(join(dir, 'tables.xlsx'), await buildXlsx(report));
    // The same workbook after a user changed one number in Excel (no cached results updated).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(join(dir, 'tables.xlsx'))) as unknown as ArrayBuffer);
    const m = wb.definedNames
      .getRanges('applications.granted.natural')
      .ranges[0].match(/^'?(.*?)'?!\$([A-Z]+)\$(\d+)$/)!;
    wb.getWorksheet(m[1])!.getCell(`${m[2]}${m[3]}`).value = report.applications.granted.natural! + 10;
    writeFileSync(join(dir, 'edited.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    convert('pdf', join(dir, 'pdf'), [join(dir, 'full.docx'), join(dir, 'website.docx'), join(dir, 'tables.xlsx')]);
    convert('xlsx', join(dir, 'recalc'), [join(dir, 'edited.xlsx')]);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the letter on one page and the report after it', () => {
    const full = pages(join(dir, 'pdf', 'full.pdf'));
    const website = pages(join(dir, 'pdf', 'website.pdf'));
    expect(website).toBeGreaterThanOrEqual(4);
    expect(website).toBeLessThanOrEqual(9);
    // The letter keeps to its page with its 附注 (联系人, 联系电话): the seal's room gives up a line.
    expect(full).toBe(website + 1);
    const first = squeeze(
      execFileSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'pdf', 'full.pdf'), '-']).toString(),
    );
    expect(first).toMatch(/特此报告。紫阳县行政审批服务局2025年1月20日（联系人：张三，联系电话：0915-4321234）/);
    const t = squeeze(text(join(dir, 'pdf', 'full.pdf')));
    expect(t).toContain(squeeze(coverTitle(report.org, report.year)));
    expect(t).toContain('县政府办：');
    expect(t).toContain('2025年1月20日（联系人：张三，联系电话：0915-4321234）');
    expect(squeeze(text(join(dir, 'pdf', 'website.pdf')))).not.toContain('关于报送');
  });

  it('shows the headings, narrative and every number of the tables', () => {
    const raw = text(join(dir, 'pdf', 'website.pdf'));
    const t = squeeze(raw);
    for (const s of getFormat('2021').sections) expect(t).toContain(`${s.numeral}、${s.heading}`);
    expect(t).toContain(squeeze(report.narrative.overview[0].text.split('\n')[1]));
    expect(t).toContain(squeeze(getFormat('2021').applications.note));
    expect(t).toMatch(/—\d+—/);
    // The 一 row of the matrix: label then its seven numbers in order.
    const m = getFormat('2021').applications;
    const nums = m.columns.map((c) => fmt(report.applications.newReceived[c.id]!)).join('\\s+');
    expect(raw).toMatch(new RegExp(`本年新收政府信息公开申请数量\\s+${nums}`));
    const review = getFormat('2021').review;
    const row = review.groups
      .flatMap((g) => review.columns.map((c) => fmt(report.reviewLitigation[g.id][c.id]!)))
      .join('\\s+');
    expect(raw).toMatch(new RegExp(row));
    expect(raw).toContain('12.35');
  });

  it('prints the workbook with its tables and the 校验 sheet', () => {
    const pdf = join(dir, 'pdf', 'tables.pdf');
    expect(pages(pdf)).toBeGreaterThanOrEqual(4);
    const t = squeeze(text(pdf));
    expect(t).toContain('申请人情况');
    expect(t).toContain('未经复议直接起诉');
    expect(t).toContain('不通过0项');
  });

  it('recomputes totals and 校验 when a number is changed in a spreadsheet program', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(join(dir, 'recalc', 'edited.xlsx'))) as unknown as ArrayBuffer);
    const at = (name: string) => {
      const m = wb.definedNames.getRanges(name).ranges[0].match(/^'?(.*?)'?!\$([A-Z]+)\$(\d+)$/)!;
      return wb.getWorksheet(m[1])!.getCell(`${m[2]}${m[3]}`);
    };
    expect(at('applications.granted.total').result).toBe(report.applications.granted.total! + 10);
    expect(at('applications.resultTotal.natural').result).toBe(report.applications.resultTotal.natural! + 10);
    expect(at('applications.resultTotal.total').result).toBe(report.applications.resultTotal.total! + 10);
    const summary = wb.getWorksheet('校验')!.getCell('A2').result;
    // 一+二 = 三（七）+四 no longer holds for 自然人 and for 总计.
    expect(summary).toMatch(/不通过2项$/);
  });
});
