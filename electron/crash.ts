// The main process's last resort: an error nobody caught (or a rejected promise nobody awaited)
// is written to the log file and told to the clerk in Chinese, instead of Electron's English
// dialog with a stack trace. Saved reports are not touched by it; the app keeps running.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog } from 'electron';

export const CRASH_TITLE = '公开年报遇到了意外错误';
export const CRASH_MESSAGE = '程序内部出错，刚才的操作可能没有完成。已保存的报告不受影响。';
const CRASH_DETAIL =
  '请检查刚才的操作结果；如果界面没有反应，请保存后重新启动公开年报。如果问题反复出现，请把日志文件交给技术人员：';

/** One dialog at a time, and not again within this long: an error in a loop must not bury the screen. */
const QUIET_MS = 60_000;

export interface CrashDeps {
  /** Appends a line to the log (and never throws). */
  log(line: string): void;
  logPath: string;
  /** Shows the Chinese dialog; resolves when it is closed. */
  show(title: string, message: string, detail: string): Promise<unknown>;
  now?: () => number;
}

/** Registers the handlers on `proc`; returns the function they call (for tests). */
export function installCrashHandlers(
  deps: CrashDeps,
  proc: Pick<NodeJS.Process, 'on'> = process,
): (kind: string, error: unknown) => void {
  const now = deps.now ?? Date.now;
  let showing = false;
  let lastShown = -Infinity;
  const handle = (kind: string, error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    deps.log(`${new Date(now()).toISOString()} ${kind}: ${text}`);
    if (showing || now() - lastShown < QUIET_MS) return;
    showing = true;
    lastShown = now();
    void deps
      .show(CRASH_TITLE, CRASH_MESSAGE, `${CRASH_DETAIL}${deps.logPath}`)
      .catch(() => {})
      .finally(() => {
        showing = false;
      });
  };
  proc.on('uncaughtException', (e: Error) => handle('uncaughtException', e));
  proc.on('unhandledRejection', (reason: unknown) => handle('unhandledRejection', reason));
  return handle;
}

let installed = false;

/** The handlers with Electron's log folder and message box (once per process). */
export function installMainCrashHandlers(): void {
  if (installed) return;
  installed = true;
  const dir = join(app.getPath('userData'), 'logs');
  const logPath = join(dir, 'main.log');
  installCrashHandlers({
    logPath,
    log(line) {
      console.error(`[nianbao] ${line}`);
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        appendFileSync(logPath, line + '\n', { mode: 0o600 });
      } catch {
        // a log that cannot be written must not raise another error
      }
    },
    show: (title, message, detail) =>
      app.isReady()
        ? dialog.showMessageBox({ type: 'error', title, message, detail, buttons: ['知道了'], noLink: true })
        : Promise.resolve(dialog.showErrorBox(title, `${message}\n\n${detail}`)),
  });
}
