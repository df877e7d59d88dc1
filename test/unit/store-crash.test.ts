// Kills a process that is saving a report at random moments, many times over, and checks
// that the store always opens cleanly with the last completed save.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { emptyReport } from '../../shared/report';
import { openStore } from '../../electron/services/store';

const RUNS = 30;
const writer = join(__dirname, 'helpers', 'store-crash-writer.ts');
const root = join(__dirname, '..', '..');
let dir = '';

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the writer, kills it at a random moment once it is saving; returns its output lines. */
function runAndKill(dataDir: string, id: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, id], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.includes('saved ')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 250);
      }
    });
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (code ${code}): ${err}`));
      else resolve(out.split('\n').filter(Boolean));
    });
  });
}

async function filesIn(d: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(d, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await filesIn(join(d, e.name))));
    else out.push(e.name);
  }
  return out;
}

it(`holds the last completed save after being killed ${RUNS} times mid-write`, { timeout: 300_000 }, async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-crash-'));
  const first = await openStore({ dataDir: dir });
  const { id } = await first.create(emptyReport('县教育局', 2024));
  await first.close(); // one writer per folder: the writer processes take it from here
  let expected = 0;
  for (let run = 0; run < RUNS; run++) {
    const lines = await runAndKill(dir, id);
    const start = Number(/^start (\d+)$/.exec(lines[0] ?? '')?.[1]);
    // The writer opened the store holding what the previous run last completed (or the one in flight).
    expect([expected, expected + 1]).toContain(start);
    const saved = lines.filter((l) => l.startsWith('saved ')).map((l) => Number(l.slice(6)));
    const lastCompleted = saved.length ? saved[saved.length - 1] : start;

    const store = await openStore({ dataDir: dir });
    expect(store.notices).toEqual([]);
    const report = await store.read(id);
    const held = report.applications.newReceived.natural ?? 0;
    // Exactly the last completed save — or the next one, if the kill came after its rename but
    // before the line was printed. Never an older save, never a mix of two.
    expect([lastCompleted, lastCompleted + 1]).toContain(held);
    expect(report.preamble).toBe(held ? `第${held}次保存` : report.preamble);
    const [newest] = await store.listBackups(id);
    expect(newest).toBeDefined();
    const files = await filesIn(dir);
    expect(files.filter((f) => f.endsWith('.tmp') || f.includes('.damaged-'))).toEqual([]);
    expected = held;
    await store.close();
  }
});
