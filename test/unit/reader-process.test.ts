// The desktop app's reader process: Electron's utilityProcess behind the SpawnReader interface,
// with electron mocked; the test plays the child. The conversation and the limits are the same
// code as in browser mode (reading-process.test.ts runs them against a real process).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, beforeEach, vi } from 'vitest';

vi.mock('electron', () => import('./helpers/electron-mock'));

const mock = await import('./helpers/electron-mock');
const { utilityReader } = await import('../../electron/reader-process');
const { readInProcess } = await import('../../electron/services/reading');
const { WATCHDOG_MARK } = await import('../../electron/services/reading/protocol');
const { emptyReport } = await import('../../shared/report');

/** Where the bundled worker would be; the mocked utilityProcess never opens it. */
const WORKER = join(tmpdir(), 'dist', 'electron', 'reader-worker.cjs');
const LIMITS = { timeoutMs: 30_000, memoryMb: 1024 };
const request = {
  type: 'read' as const,
  source: { path: join(tmpdir(), '年报.docx') },
  options: { requireTables: true },
};
const result = { report: emptyReport('县民政局', 2024), problems: ['未找到表格'], kind: 'Word 文档（.docx）' };

beforeEach(() => mock.resetElectronMock());

/** Starts a read over the glue and hands back the fake child it forked. */
function start(limits = LIMITS) {
  const reply = readInProcess(request, limits, utilityReader(WORKER));
  const child = mock.state.utilityProcesses[0];
  return { reply, child };
}

describe('utilityReader', () => {
  it('forks the bundled worker with the limits, a heap limit and stderr piped', () => {
    const { child } = start();
    expect(mock.utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(child.modulePath).toBe(WORKER);
    expect(child.args).toEqual(['--timeout-ms=30000', '--memory-mb=1024']);
    expect(child.options).toMatchObject({ stdio: ['ignore', 'ignore', 'pipe'], serviceName: expect.any(String) });
    expect(child.options.execArgv).toEqual([expect.stringMatching(/^--max-old-space-size=\d+$/)]);
    child.emit('exit', 0);
    child.stderr.end();
  });

  it('sends the request once the child is up and ready, returns its reply and stops it', async () => {
    const { reply, child } = start();
    child.emit('message', { type: 'ready' }); // ready before 'spawn' was seen: held back
    expect(child.postMessage).not.toHaveBeenCalled();
    child.emit('spawn');
    expect(child.postMessage).toHaveBeenCalledWith(request);
    child.emit('message', { type: 'reply', reply: { ok: true, result } });
    expect(await reply).toEqual({ ok: true, result });
    expect(child.kill).toHaveBeenCalled();
  });

  it('a reply that is not a valid report is not taken (the child parsed hostile bytes)', async () => {
    const { reply, child } = start();
    child.emit('spawn');
    child.emit('message', { type: 'ready' });
    child.emit('message', { type: 'reply', reply: { ok: true, result: { ...result, report: { year: 'x' } } } });
    expect(await reply).toEqual({ ok: false, error: expect.stringMatching(/读取文件的后台进程意外退出/) });
  });

  it('a child that ends without answering: why, from what its watchdog wrote to stderr', async () => {
    const { reply, child } = start();
    child.emit('spawn');
    child.stderr.write(`${WATCHDOG_MARK.memory}\n`);
    child.emit('exit', 9);
    child.stderr.end();
    expect(await reply).toEqual({ ok: false, error: expect.stringMatching(/^读取“年报.docx”需要的内存超过1GB/) });
  });

  it('a child that never answers is stopped at the time limit', async () => {
    const { reply, child } = start({ ...LIMITS, timeoutMs: 1000 });
    child.emit('spawn');
    expect(await reply).toEqual({ ok: false, error: expect.stringMatching(/^读取“年报.docx”超过1秒仍未完成/) });
    expect(child.kill).toHaveBeenCalled();
  });
});
