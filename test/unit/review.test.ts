// The reviewer's desk: key figures, matching by organ, a mixed folder through `nianbao review`,
// and its workbook.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './helpers/cli';
import { buildDocx } from '../../electron/services/docx/index';
import { serializeReport, type Report } from '../../shared/report';
import { duplicateNote, keyFigures, matchByOrgan, normalizeOrg, reviewReports } from '../../shared/review';
import { buildReviewWorkbook } from '../../electron/services/review/workbook';
import { fullReport, lastYearReport, withCells } from '../fixtures/reports';

let dir: string;

const run = runCaptured;

const withOrg = (r: Report, org: string): Report => ({ ...r, org });

describe('key figures', () => {
  it('reads received, handled and the rates from the tables', () => {
    const r = fullReport();
    const a = r.applications;
    const f = keyFigures(r);
    expect(f.received).toBe(a.newReceived.total);
    expect(f.handled).toBe(a.resultTotal.total);
    const disclosed = a.granted.total! + a.partlyGranted.total!;
    expect(f.disclosed).toBe(disclosed);
    expect(f.substantiveRate).toBeCloseTo((disclosed / a.resultTotal.total!) * 100, 1);
    const rv = r.reviewLitigation;
    expect(f.reviewCases).toBe(rv.review.total);
    expect(f.reviewConcluded).toBe(rv.review.total! - rv.review.pending!);
    expect(f.litigationCorrected).toBe(rv.litigationDirect.corrected! + rv.litigationAfterReview.corrected!);
    expect(f.fees).toBe(r.activeDisclosure.fees.amount);
  });

  it('leaves a rate blank where its base is blank or zero, never 0 %', () => {
    const r = withCells(fullReport(), { 'applications.resultTotal.total': null });
    expect(keyFigures(r).handled).toBeNull();
    expect(keyFigures(r).substantiveRate).toBeNull();
    const none = withCells(fullReport(), {
      'reviewLitigation.review.total': 0,
      'reviewLitigation.review.pending': 0,
      'reviewLitigation.review.upheld': 0,
    });
    expect(keyFigures(none).reviewCorrectionRate).toBeNull();
  });

  it('adds the county up and recomputes its rates from the sums', () => {
    const a = fullReport();
    const b = withOrg(
      withCells(fullReport(), { 'applications.newReceived.total': 5, 'applications.granted.total': 1 }),
      '某某县教育局',
    );
    const result = reviewReports([
      { file: 'a.json', report: a, problems: [] },
      { file: 'b.json', report: b, problems: [] },
    ]);
    const t = result.totals.figures;
    expect(t.received).toBe(a.applications.newReceived.total! + 5);
    const disclosed = keyFigures(a).disclosed! + keyFigures(b).disclosed!;
    expect(t.substantiveRate).toBeCloseTo((disclosed / (keyFigures(a).handled! + keyFigures(b).handled!)) * 100, 1);
    const shares = result.totals.byOrgan.map((o) => o.share!);
    expect(shares.reduce((x, y) => x + y, 0)).toBeCloseTo(100, 0);
  });
});

describe('matching last year by organ', () => {
  const of = (c: { org: string; year: number }) => c;
  it('matches names that differ only in spaces, brackets or width', () => {
    expect(normalizeOrg(' 某某县（市）教育局 ')).toBe(normalizeOrg('某某县(市)教育局'));
    const m = matchByOrgan('某某县 教育局', 2024, [{ org: '某某县教育局', year: 2023 }], of);
    expect(m.item?.org).toBe('某某县教育局');
    expect(m.note).toBe('');
  });
  it('takes a looser name only where it is the one candidate, and says so', () => {
    const m = matchByOrgan(
      '某某县教育局',
      2024,
      [
        { org: '教育局', year: 2023 },
        { org: '某某县财政局', year: 2023 },
      ],
      of,
    );
    expect(m.item?.org).toBe('教育局');
    expect(m.note).toContain('相近');
  });
  it('matches nobody when two candidates fit equally', () => {
    const m = matchByOrgan(
      '某某县教育局',
      2024,
      [
        { org: '某某县教育局', year: 2023 },
        { org: '某某县 教育局', year: 2023 },
      ],
      of,
    );
    expect(m.item).toBeNull();
    expect(m.note).toContain('2份');
  });
  it('prefers the year before among the same organ’s reports', () => {
    const m = matchByOrgan(
      '某某县教育局',
      2024,
      [
        { org: '某某县教育局', year: 2022 },
        { org: '某某县教育局', year: 2023 },
      ],
      of,
    );
    expect(m.item?.year).toBe(2023);
  });
});

describe('nianbao review', () => {
  let folder: string;
  let last: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-review-'));
    folder = join(dir, '2024');
    last = join(dir, '2023');
    mkdirSync(folder);
    mkdirSync(last);
    const good = fullReport();
    writeFileSync(join(folder, '审批局.json'), serializeReport(good));
    // 一、本年新收 of the natural persons one too many: the column and the row no longer add up.
    const bad = withOrg(withCells(fullReport(), { 'applications.newReceived.natural': 11 }), '某某县教育局');
    writeFileSync(join(folder, '教育局.json'), serializeReport(bad));
    writeFileSync(join(folder, '财政局.docx'), await buildDocx(withOrg(fullReport(), '某某县财政局')));
    writeFileSync(join(folder, '会议纪要.txt'), '关于召开全县安全生产工作会议的通知\n请各单位准时参加。\n');
    writeFileSync(join(folder, '~$审批局.docx'), 'lock');
    writeFileSync(join(last, '审批局2023.json'), serializeReport(lastYearReport()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reviews every file of a mixed folder, lists the one that is not a report, exits 1 on an error', async () => {
    const r = await run('review', folder, '--last', last, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    const files = out.reports.map((x: { file: string }) => x.file).sort();
    expect(files).toEqual(['会议纪要.txt', '审批局.json', '教育局.json', '财政局.docx'].sort());
    const by = (f: string) => out.reports.find((x: { file: string }) => x.file === f);
    const notes = by('会议纪要.txt');
    expect(notes.readProblems.join('')).toContain('不像是');
    expect(notes.errors).toBe(0);
    const edu = by('教育局.json');
    expect(edu.org).toBe('某某县教育局');
    expect(edu.errors).toBeGreaterThan(0);
    expect(
      edu.findings.some(
        (f: { rule: string; cells: string[] }) =>
          f.rule === 'matrix.balance' && f.cells.includes('applications.newReceived.natural'),
      ),
    ).toBe(true);
    const approval = by('审批局.json');
    expect(approval.errors).toBe(0);
    expect(approval.year).toBe(2024);
    expect(approval.format).toBe('2021');
    expect(approval.lastFile).toBe('审批局2023.json');
    expect(typeof approval.repeatPercent).toBe('number');
    expect(by('财政局.docx').org).toBe('某某县财政局');
    expect(by('财政局.docx').lastFile).toBeNull();
    for (const k of [
      'file',
      'org',
      'year',
      'format',
      'readProblems',
      'errors',
      'warnings',
      'repeatPercent',
      'findings',
    ])
      expect(Object.keys(approval)).toContain(k);
    expect(out.totals.reports).toBe(3);
    expect(out.totals.unreadable).toBe(1);
    expect(out.totals.withErrors).toBe(1);
  });

  it('exits 0 when no report has an error, and prints a readable summary', async () => {
    const clean = join(dir, 'clean');
    mkdirSync(clean);
    writeFileSync(join(clean, 'a.json'), serializeReport(fullReport()));
    const r = await run('review', clean);
    expect(r.code).toBe(0);
    expect(r.out).toContain('某某县行政审批服务局');
    expect(r.out).toContain('错误0个');
  });

  it('writes a workbook: one row per report, every finding, the county’s figures', async () => {
    const out = join(dir, '审核.xlsx');
    const r = await run('review', folder, '--xlsx', out);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报告一览', '问题清单', '全县数据']);
    const list = wb.getWorksheet('报告一览')!;
    expect(list.rowCount).toBe(1 + 4);
    const findings = wb.getWorksheet('问题清单')!;
    const messages = findings.getColumn(6).values.slice(2).map(String);
    expect(messages.some((m) => m.includes('自然人'))).toBe(true);
    const county = wb.getWorksheet('全县数据')!;
    const last = county.getRow(county.rowCount);
    expect(last.getCell(1).value).toBe('全县合计');
    const received = (row: number) => Number(county.getRow(row).getCell(2).value);
    expect(received(county.rowCount)).toBe(received(2) + received(3) + received(4));
  });

  it('fails with exit 2 and a Chinese message when the folder cannot be read', async () => {
    const r = await run('review', join(dir, 'nowhere'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法打开');
    expect(r.err).not.toMatch(/ENOENT|Error:/);
    const u = await run('review');
    expect(u.code).toBe(2);
    expect(u.err).toContain('用法');
  });
});

describe('the same organ twice', () => {
  it('counts it once for the county and says which file repeats which', () => {
    const a = fullReport();
    const result = reviewReports([
      { file: '审批局.docx', report: a, problems: [] },
      { file: '审批局.pdf', report: a, problems: [] },
    ]);
    expect(result.reports[1].duplicateOf).toBe('审批局.docx');
    expect(duplicateNote(result.reports[1])).toBe('与“审批局.docx”是同一份报告，只计一次');
    expect(result.totals.duplicates).toBe(1);
    expect(result.totals.figures.received).toBe(a.applications.newReceived.total);
  });

  it('two versions of one report (the numbers differ) are said to be two versions, and their findings listed once', async () => {
    const a = fullReport();
    const older = withCells(a, { 'applications.newReceived.total': 99 });
    const result = reviewReports([
      { file: '审批局.nianbao', report: older, problems: [] },
      { file: '审批局.docx', report: a, problems: [] },
    ]);
    const copy = result.reports.find((r) => r.duplicateOf)!;
    expect(duplicateNote(copy)).toMatch(
      /是同一机关同一年度的报告，但数字不同；只计“审批局\.nianbao”，请确认哪一份是报送稿/,
    );
    // 问题清单 lists the counted copy's findings only, as many as 报告一览 counts.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildReviewWorkbook(result)) as unknown as ArrayBuffer);
    const files: string[] = [];
    wb.getWorksheet('问题清单')!.eachRow((row, i) => i > 1 && files.push(String(row.getCell(2).value)));
    expect(files).not.toContain(copy.file);
  });
});

describe('copies and other years', () => {
  it('lets the fullest copy speak for a report given twice, whatever the folder order', () => {
    const a = fullReport();
    const result = reviewReports([
      { file: '审批局.html', report: { ...a, cover: { ...a.cover, date: '' } }, problems: [] },
      { file: '审批局.docx', report: a, problems: [] },
    ]);
    expect(result.reports[0].duplicateOf).toBe('审批局.docx');
    expect(result.reports[1].duplicateOf).toBeNull();
    expect(result.totals.reports).toBe(1);
    expect(result.totals.warnings).toBe(result.reports[1].warnings);
  });

  it('lists a report of another year and leaves it out of the county’s figures', () => {
    const a = fullReport();
    const b = withOrg(fullReport(), '某某县教育局');
    const old = { ...withOrg(fullReport(), '某某县财政局'), year: a.year - 2 };
    const result = reviewReports([
      { file: 'a.json', report: a, problems: [] },
      { file: 'b.json', report: b, problems: [] },
      { file: 'old.json', report: old, problems: [] },
    ]);
    expect(result.totals.year).toBe(a.year);
    expect(result.reports.map((r) => r.otherYear)).toEqual([false, false, true]);
    expect(result.totals.otherYear).toBe(1);
    expect(result.totals.figures.received).toBe(2 * a.applications.newReceived.total!);
    expect(result.totals.byOrgan.map((o) => o.file)).toEqual(['a.json', 'b.json']);
  });
});
