// The main process's handlers for errors nobody caught: logged, and told once in Chinese.
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./helpers/electron-mock'));
const mock = await import('./helpers/electron-mock');
const { installCrashHandlers, installMainCrashHandlers, CRASH_TITLE } = await import('../../electron/crash');

function fakeProcess() {
  const proc = new EventEmitter();
  return { proc, on: proc.on.bind(proc) as NodeJS.Process['on'] };
}

describe('installCrashHandlers', () => {
  it('logs every uncaught error and rejection, and shows one Chinese dialog at a time', async () => {
    const { proc, on } = fakeProcess();
    const log = vi.fn();
    let close = () => {};
    const show = vi.fn(() => new Promise<void>((r) => (close = r)));
    let t = 0;
    installCrashHandlers({ log, show, logPath: '/logs/main.log', now: () => t }, { on });
    proc.emit('uncaughtException', new TypeError('boom'));
    proc.emit('unhandledRejection', new Error('later'));
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[0][0]).toMatch(/uncaughtException: TypeError: boom/);
    expect(log.mock.calls[1][0]).toMatch(/unhandledRejection: Error: later/);
    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith(
      CRASH_TITLE,
      expect.stringContaining('已保存的报告不受影响'),
      expect.stringContaining('/logs/main.log'),
    );
    expect(JSON.stringify(show.mock.calls[0])).not.toMatch(/TypeError|boom|stack/);
    close();
    await new Promise((r) => setTimeout(r, 0));
    proc.emit('uncaughtException', new Error('again, at once'));
    expect(show).toHaveBeenCalledTimes(1); // not a storm of dialogs
    t += 61_000;
    proc.emit('uncaughtException', new Error('a minute later'));
    expect(show).toHaveBeenCalledTimes(2);
  });
});

describe('installMainCrashHandlers', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the log under the user-data folder and shows Electron’s message box in Chinese', async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-crash-log-'));
    mock.state.userData = dir;
    const before = process.listeners('uncaughtException').length;
    installMainCrashHandlers();
    installMainCrashHandlers(); // once per process
    const added = process.listeners('uncaughtException').slice(before);
    expect(added).toHaveLength(1);
    const rejections = process.listeners('unhandledRejection');
    const ours = rejections[rejections.length - 1];
    try {
      added[0](new Error('from a test'), 'uncaughtException');
      expect(await readFile(join(dir, 'logs', 'main.log'), 'utf8')).toMatch(/uncaughtException: Error: from a test/);
      expect(mock.dialog.showMessageBox).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'error', title: CRASH_TITLE, buttons: ['知道了'] }),
      );
    } finally {
      process.off('uncaughtException', added[0]);
      process.off('unhandledRejection', ours);
    }
  });
});
