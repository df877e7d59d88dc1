// 历史版本 (what each kept version changed, restoring one), and report files (另存为报告文件 /
// 打开报告文件) from the service's side.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changesAsText,
  CURRENT_SCHEMA_VERSION,
  describeChanges,
  emptyReport,
  reportFileName,
  serializeReport,
  setCell,
  type Report,
} from '../../shared/report';
import { createAppService, handleCall, type AppService } from '../../electron/services/app-service';

let dir: string;
let svc: AppService;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-history-'));
  svc = createAppService({ dataDir: dir, mode: 'browser', version: 'test' });
});
afterEach(async () => {
  await svc.close();
  await rm(dir, { recursive: true, force: true });
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Saves `change(current)` the way a window does, based on the revision it opened. */
async function edit(id: string, change: (r: Report) => Report): Promise<void> {
  const { report, revision } = await svc.openReport(id);
  await svc.saveReport(id, change(report), revision);
}

describe('what changed', () => {
  it('names the sections, the cells by their labels and the text that changed', () => {
    const a = emptyReport('县教育局', 2024);
    let b = setCell(a, 'applications.newReceived.natural', 5);
    const problems = b.narrative.problems.map((p, i) => (i === 0 ? { ...p, text: '存在的问题如下。' } : p));
    b = { ...b, narrative: { ...b.narrative, problems } };
    const lines = describeChanges(a, b);
    expect(lines).toEqual([
      expect.stringMatching(/^三、收到和处理政府信息公开申请情况：“.*本年新收.*· 自然人”由空白改为5$/),
      expect.stringMatching(/^五、.*：文字有改动（现共 8 字）$/),
    ]);
    expect(describeChanges(a, a)).toEqual([]);
    expect(describeChanges(a, { ...a, org: '县民政局' })).toEqual([expect.stringContaining('报送信息')]);
    const many = ['natural', 'business', 'research', 'social', 'legal', 'other'].reduce(
      (r, col) => setCell(r, `applications.newReceived.${col}`, 1),
      a,
    );
    expect(describeChanges(a, many)[0]).toMatch(/改了 \d+ 个数字/);
  });

  it('spells out everything unsaved as text to copy', () => {
    const a = emptyReport('县教育局', 2024);
    let b = setCell(a, 'applications.newReceived.natural', 7);
    b = { ...b, narrative: { ...b.narrative, overview: [{ ...b.narrative.overview[0], text: '本年度全文。' }] } };
    const text = changesAsText(a, b);
    expect(text).toContain('自然人：7');
    expect(text).toMatch(/【一、总体情况.*】\n本年度全文。/);
  });
});

describe('历史版本', () => {
  it('lists the kept versions newest first with what each changed, and previews one', async () => {
    const { id } = await svc.createReport(emptyReport('县教育局', 2024));
    await edit(id, (r) => setCell(r, 'applications.newReceived.natural', 3));
    await edit(id, (r) => ({ ...r, preamble: '新的前言' }));
    const versions = await svc.listVersions(id);
    expect(versions).toHaveLength(3);
    expect(versions.map((v) => v.savedAt)).toEqual([...versions.map((v) => v.savedAt)].sort().reverse());
    expect(versions[0].changes).toEqual([expect.stringContaining('报送信息')]);
    expect(versions[1].changes).toEqual([expect.stringMatching(/^三、.*由空白改为3/)]);
    expect(versions[2].changes).toEqual(['最早保留的版本']);
    const { report } = await svc.readVersion(id, versions[1].backupId);
    expect(report.applications.newReceived.natural).toBe(3);
    expect(report.preamble).not.toBe('新的前言');
  });

  it('restores a version and keeps the one it replaced as a version too', async () => {
    const { id } = await svc.createReport(emptyReport('县教育局', 2024));
    await edit(id, (r) => setCell(r, 'applications.newReceived.natural', 3));
    await edit(id, (r) => setCell(r, 'applications.newReceived.natural', 9));
    const before = await svc.listVersions(id);
    const oldest = before[before.length - 1];
    await svc.restoreBackup(id, oldest.backupId);
    expect((await svc.openReport(id)).report.applications.newReceived.natural).toBeNull();
    const after = await svc.listVersions(id);
    expect(after).toHaveLength(before.length + 1);
    // The version with 9 is still there and can be restored in turn.
    const nine = after.find((v) => v.backupId === before[0].backupId)!;
    expect((await svc.readVersion(id, nine.backupId)).report.applications.newReceived.natural).toBe(9);
    expect(after[0].changes).toEqual([expect.stringMatching(/由9改为空白/)]);
  });
});

describe('report files', () => {
  it('are named after the report and come back whole through 打开报告文件', async () => {
    let report = setCell(emptyReport('某某县/行政审批服务局', 2024), 'applications.newReceived.natural', 12);
    report = { ...report, preamble: '前言', cover: { ...report.cover, date: '2025-01-20' } };
    expect(reportFileName(report)).toBe('某某县_行政审批服务局2024年政府信息公开工作年度报告.nianbao');
    const file = { name: reportFileName(report), base64: b64(serializeReport(report)) };
    const opened = await handleCall(svc, 'openReportFile', [file]);
    expect(opened).toMatchObject({ ok: true });
    const { id } = (opened as { value: { id: string } }).value;
    expect((await svc.openReport(id)).report).toEqual(report);
    expect((await svc.listReports()).map((r) => r.id)).toContain(id);
  });

  it('fills in what an older or hand-made file leaves out', async () => {
    const minimal = { year: 2024, org: '县档案馆', applications: { newReceived: { natural: '5' } } };
    const { id } = await svc.openReportFile({ name: '旧.nianbao', base64: b64(JSON.stringify(minimal)) });
    const { report } = await svc.openReport(id!);
    expect(report.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(report.applications.newReceived.natural).toBe(5);
    expect(report.narrative.overview.length).toBeGreaterThan(0);
  });

  it('refuses what is not a report file, with a Chinese reason, and adds nothing', async () => {
    const cases: [string, string][] = [
      ['a.nianbao', ''],
      ['b.nianbao', '这不是 JSON'],
      ['c.nianbao', JSON.stringify({ hello: 1 })],
      ['d.nianbao', JSON.stringify({ ...emptyReport('县', 2024), schemaVersion: CURRENT_SCHEMA_VERSION + 1 })],
    ];
    for (const [name, text] of cases) {
      const r = await handleCall(svc, 'openReportFile', [{ name, base64: b64(text) }]);
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/[\u4e00-\u9fff]/) });
      expect((r as { error: string }).error).not.toMatch(/SyntaxError|Unexpected token|undefined/);
    }
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('base64');
    expect(await handleCall(svc, 'openReportFile', [{ name: 'e.docx', base64: bytes }])).toEqual({
      ok: false,
      error: expect.stringContaining('从上年报告新建'),
    });
    expect(await svc.listReports()).toEqual([]);
  });
  it('opened twice, asks before adding the same report (same organ and year), then keeps both or replaces', async () => {
    const report = setCell(emptyReport('某某县民政局', 2024), 'applications.newReceived.natural', 3);
    const file = { name: reportFileName(report), base64: b64(serializeReport(report)) };
    const first = await svc.openReportFile(file);
    const id = first.id!;
    // Again: nothing added, the report already there is named so that the clerk can choose.
    const again = await handleCall(svc, 'openReportFile', [file]);
    expect(again).toEqual({
      ok: true,
      value: { same: [expect.objectContaining({ id, org: '某某县民政局', year: 2024 })] },
    });
    expect((await svc.listReports()).map((r) => r.id)).toEqual([id]);

    // 两份都保留: a second report under a distinct name; the first untouched.
    const both = await svc.openReportFile(file, { keep: 'both' });
    const names = (await svc.listReports()).map((r) => [r.id, r.name]);
    expect(names).toEqual(
      expect.arrayContaining([
        [id, '某某县民政局2024年度报告'],
        [both.id, '某某县民政局2024年度报告（副本）'],
      ]),
    );
    expect(names).toHaveLength(2);

    // 替换: the file's content over the chosen report, whose former content stays in 历史版本.
    const edited = setCell(report, 'applications.newReceived.natural', 7);
    const replace = { name: 'x.nianbao', base64: b64(serializeReport(edited)) };
    expect((await svc.openReportFile(replace)).same!.map((r) => r.id).sort()).toEqual([id, both.id].sort());
    expect(await svc.openReportFile(replace, { replace: id })).toEqual({ id });
    expect((await svc.openReport(id)).report.applications.newReceived.natural).toBe(7);
    const versions = await svc.listVersions(id);
    const old = await svc.readVersion(id, versions[versions.length - 1].backupId);
    expect(old.report.applications.newReceived.natural).toBe(3);
    expect(await svc.listReports()).toHaveLength(2);

    // A report of another organ cannot be replaced by it; a malformed choice is refused.
    const other = (await svc.createReport(emptyReport('县档案馆', 2024))).id;
    const wrong = await handleCall(svc, 'openReportFile', [replace, { replace: other }]);
    expect(wrong).toEqual({ ok: false, error: expect.stringContaining('未作改动') });
    expect((await svc.openReport(other)).report.org).toBe('县档案馆');
    const bad = await handleCall(svc, 'openReportFile', [replace, { keep: 'all' }]);
    expect(bad).toMatchObject({ ok: false });
    expect(await svc.listReports()).toHaveLength(3);
  });
});
