// Builds what is stale before the browser tests and the editor benchmark run against dist/:
// scripts/build.mjs --if-stale rebuilds the renderer (and the Node side) only when sources changed.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST = join(ROOT, 'dist', 'renderer');

export function buildIfStale(): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], {
      cwd: ROOT,
      // Vitest sets NODE_ENV=test, which Vite would take for a development build of React: the
      // tests (and the editor benchmark after them) must run what the clerk runs.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout!.on('data', (d) => (out += d));
    p.stderr!.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`构建失败（退出码 ${code}）：\n${out}`))));
  });
}
