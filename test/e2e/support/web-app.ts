// Starts the app in browser mode as the clerk would (npm start -- --web …) on a free port with a
// fresh data folder, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './build';

export { buildIfStale } from './build';

export interface WebApp {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
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

export async function startWebApp(): Promise<WebApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'start.mjs'), '--web', '--port', String(port), '--no-open', '--data-dir', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (exited !== null) throw new Error(`浏览器模式没有启动（退出码 ${exited}）：\n${log}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      throw new Error(`浏览器模式 150 秒内没有在 ${url} 应答：\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    async stop() {
      if (exited === null && child.pid) {
        const gone = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
        if (exited === null) process.kill(-child.pid, 'SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
