// Starts the app in browser mode as the clerk would (npm start -- --web …) on a free port with a
// fresh data folder, and stops it again. The address to open is the one the app prints: it
// carries the launch's secret (?key=…), which every API call must send.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_KEY_HEADER } from '../../../shared/api';
import { ROOT } from './build';

export { buildIfStale } from './build';

export interface WebApp {
  /** The printed address, secret included: http://127.0.0.1:PORT/?key=… (append #/… for a page). */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The launch's secret, sent in the x-nianbao-key header of API calls. */
  key: string;
  dataDir: string;
  /** What the app printed so far. */
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** An existing data folder (kept on stop); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Run as this user (and group): another user of the PC, for folders they may not write. */
  user?: { uid: number; gid: number };
}

/** Headers for an API call of the running app. */
export function apiHeaders(app: Pick<WebApp, 'key'>): Record<string, string> {
  return { 'content-type': 'application/json', [BROWSER_KEY_HEADER]: app.key };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startWebApp(opts: StartOptions = {}): Promise<WebApp> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'start.mjs'), '--web', '--port', String(port), '--no-open', '--data-dir', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...opts.user },
  );
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const origin = `http://127.0.0.1:${port}`;
  const printed = new RegExp(`${origin.replace(/\./g, '\\.')}/\\?key=([A-Za-z0-9_-]+)(?=\\s)`);
  const deadline = Date.now() + 150_000;
  let key: string | undefined;
  for (;;) {
    if (exited !== null) throw new Error(`浏览器模式没有启动（退出码 ${exited}）：\n${log}`);
    key = printed.exec(log)?.[1];
    if (key) break; // printed once the server listens and the store is open
    if (Date.now() > deadline) {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      throw new Error(`浏览器模式 150 秒内没有在 ${origin} 启动：\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `${origin}/?key=${key}`,
    origin,
    key,
    dataDir,
    log: () => log,
    async stop() {
      if (exited === null && child.pid) {
        const gone = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
        if (exited === null) process.kill(-child.pid, 'SIGKILL');
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
