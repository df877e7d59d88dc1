import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyReport, serializeReport } from '../../shared/report';
import type { ApiResponse } from '../../shared/api';

// The exporters are another module's work; here only the plumbing around them is under test.
vi.mock('../../electron/services/docx/index', () => ({
  buildDocx: vi.fn(async (_r: unknown, o: { reportOnly?: boolean }) =>
    new TextEncoder().encode(o.reportOnly ? 'DOCX-report-only' : 'DOCX-full'),
  ),
}));
vi.mock('../../electron/services/xlsx/index', () => ({
  buildXlsx: vi.fn(async () => new Uint8Array([0x50, 0x4b, 3, 4])),
}));

const {
  createAppService: createService,
  handleCall,
  INTERNAL_ERROR,
} = await import('../../electron/services/app-service');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-svc-'));
});
/** Services a test started: closed (the store opened, the folder lock given up) before the folder goes. */
const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function createAppService(...args: Parameters<typeof createService>) {
  const svc = createService(...args);
  started.push(svc);
  return svc;
}

function value<T>(r: ApiResponse): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r.value as T;
}

describe('handleCall', () => {
  it('runs the methods end to end', async () => {
    const svc = createAppService({ dataDir: dir, mode: 'browser', version: '1.2.3' });
    const info = value<{ mode: string; version: string; notices: string[] }>(await handleCall(svc, 'appInfo', []));
    expect(info).toMatchObject({ mode: 'browser', version: '1.2.3', dataDir: dir, notices: [] });
    const { id } = value<{ id: string }>(await handleCall(svc, 'createReport', [emptyReport('县民政局', 2024)]));
    const opened = value<{ report: { org: string } }>(await handleCall(svc, 'openReport', [id]));
    expect(opened.report.org).toBe('县民政局');
    value(await handleCall(svc, 'renameReport', [id, '民政局']));
    expect(value<{ name: string }[]>(await handleCall(svc, 'listReports', []))[0].name).toBe('民政局');
    expect(value(await handleCall(svc, 'deleteReport', [id]))).toBeNull();
    expect(value<unknown[]>(await handleCall(svc, 'listTrash', []))).toHaveLength(1);
  });

  it('rejects bad arguments with a Chinese message before any service runs', async () => {
    const svc = createAppService({ dataDir: dir, mode: 'browser', version: '1' });
    const spy = vi.spyOn(svc, 'openReport');
    expect(await handleCall(svc, 'openReport', ['../../etc/passwd'])).toEqual({
      ok: false,
      error: expect.stringMatching(/参数无效/),
    });
    expect(await handleCall(svc, 'openReport', [])).toMatchObject({ ok: false });
    expect(await handleCall(svc, 'openReport', 'abc')).toMatchObject({ ok: false });
    expect(await handleCall(svc, 'renameReport', ['abc', '   '])).toEqual({
      ok: false,
      error: expect.stringMatching(/名称不能为空/),
    });
    expect(await handleCall(svc, 'constructor', [])).toEqual({ ok: false, error: '未知的操作“constructor”。' });
    expect(await handleCall(svc, '__proto__', [])).toMatchObject({ ok: false });
    expect(spy).not.toHaveBeenCalled();
  });

  it('passes a UserError through and hides any other error behind a generic message', async () => {
    const svc = createAppService({ dataDir: dir, mode: 'browser', version: '1' });
    expect(await handleCall(svc, 'openReport', ['missing'])).toEqual({
      ok: false,
      error: expect.stringMatching(/找不到这份报告/),
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(svc, 'listReports').mockRejectedValue(new TypeError('Cannot read properties of undefined'));
    const r = await handleCall(svc, 'listReports', []);
    expect(r).toEqual({ ok: false, error: INTERNAL_ERROR });
    expect(JSON.stringify(r)).not.toMatch(/TypeError|undefined/);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('listReports'), expect.stringContaining('TypeError'));
  });

  it('rejects an invalid report on save with a Chinese message', async () => {
    const svc = createAppService({ dataDir: dir, mode: 'browser', version: '1' });
    const { id } = await svc.createReport(emptyReport('县民政局', 2024));
    const { revision } = await svc.openReport(id);
    const r = await handleCall(svc, 'saveReport', [id, { ...emptyReport('县民政局', 2024), year: 1800 }, revision]);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^报告内容有误，未保存：.*2000/) });
  });
});

describe('exportFile and readFile', () => {
  it('names the export after the report title and returns its bytes in base64', async () => {
    const svc = createAppService({ dataDir: dir, mode: 'electron', version: '1' });
    const { id } = await svc.createReport(emptyReport('县审计局', 2024));
    const docx = value<{ fileName: string; base64: string }>(
      await handleCall(svc, 'exportFile', [id, { kind: 'docx', reportOnly: true }]),
    );
    expect(docx.fileName).toBe('县审计局2024年政府信息公开工作年度报告.docx');
    expect(Buffer.from(docx.base64, 'base64').toString()).toBe('DOCX-report-only');
    const xlsx = value<{ fileName: string; base64: string }>(
      await handleCall(svc, 'exportFile', [id, { kind: 'xlsx' }]),
    );
    expect(xlsx.fileName).toBe('县审计局2024年政府信息公开工作年度报告.xlsx');
    expect([...Buffer.from(xlsx.base64, 'base64')]).toEqual([0x50, 0x4b, 3, 4]);
    const letter = value<{ fileName: string }>(await handleCall(svc, 'exportFile', [id, { kind: 'docx' }]));
    expect(letter.fileName).toBe('县审计局2024年政府信息公开工作年度报告（报送稿）.docx');
    const html = value<{ fileName: string; base64: string }>(
      await handleCall(svc, 'exportFile', [id, { kind: 'html' }]),
    );
    expect(html.fileName).toBe('县审计局2024年政府信息公开工作年度报告.html');
    expect(Buffer.from(html.base64, 'base64').toString('utf8')).toContain('<h1 align="center">县审计局2024年');
    expect(await handleCall(svc, 'exportFile', [id, { kind: 'pdf' }])).toMatchObject({ ok: false });
  });

  it('reads an uploaded report file', async () => {
    const svc = createAppService({ dataDir: dir, mode: 'browser', version: '1' });
    const base64 = Buffer.from(serializeReport(emptyReport('县统计局', 2023))).toString('base64');
    const r = value<{ report: { org: string; year: number } }>(
      await handleCall(svc, 'readFile', [{ name: '上年.json', base64 }]),
    );
    expect(r.report).toMatchObject({ org: '县统计局', year: 2023 });
    expect(await handleCall(svc, 'readFile', [{ name: 'x.json', base64: '###' }])).toEqual({
      ok: false,
      error: expect.stringMatching(/重新选择文件/),
    });
  });
});

describe('readFiles (审核 of a folder)', () => {
  it('reads several files in one call, each its outcome in order, an unreadable one among them', async () => {
    const svc = createAppService({ dataDir: dir, mode: 'browser', version: '1' });
    const file = (name: string, org: string) => ({
      name,
      base64: Buffer.from(serializeReport(emptyReport(org, 2024))).toString('base64'),
    });
    const outcomes = value<{ ok: boolean; result?: { report: { org: string } }; error?: string }[]>(
      await handleCall(svc, 'readFiles', [
        [file('a.json', '县统计局'), { name: 'x.json', base64: '###' }, file('b.json', '县审计局')],
      ]),
    );
    expect(outcomes.map((o) => (o.ok ? o.result!.report.org : 'error'))).toEqual(['县统计局', 'error', '县审计局']);
    expect(outcomes[1].error).toMatch(/[\u4e00-\u9fff]/);
    // The batch's size is validated like every argument.
    expect(await handleCall(svc, 'readFiles', [[]])).toMatchObject({ ok: false });
    const many = Array.from({ length: 26 }, (_, i) => file(`${i}.json`, '县统计局'));
    expect(await handleCall(svc, 'readFiles', [many])).toMatchObject({ ok: false });
  });
});

describe('notices', () => {
  it('reports a recovered store through appInfo', async () => {
    const first = createAppService({ dataDir: dir, mode: 'browser', version: '1' });
    const { id } = await first.createReport(emptyReport('县林业局', 2024));
    await first.close();
    await writeFile(join(dir, 'reports', `${id}.json`), '{broken');
    const svc = createAppService({ dataDir: dir, mode: 'browser', version: '1' });
    const info = await svc.appInfo();
    expect(info.notices).toHaveLength(1);
    expect(info.notices[0]).toMatch(/县林业局2024年度报告.*已自动恢复/);
  });
});
