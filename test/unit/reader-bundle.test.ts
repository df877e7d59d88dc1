// The reader process as scripts/build.mjs bundles it: dist/reader-worker.mjs (browser mode, the
// CLI) and dist/electron/reader-worker.cjs (Electron's utility process, its channel played by a
// stand-in for process.parentPort). Each reads a .docx and a .pdf (pdf.js loads from
// node_modules, so the bundles are written inside the checkout).
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { bundles } from '../../scripts/build.mjs';
import { nodeReader, readInIsolation } from '../../electron/services/reading';
import { FIXTURES_DIR } from '../fixtures/reports';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHIM = join(ROOT, 'test', 'unit', 'helpers', 'parent-port-shim.cjs');
let dir = '';

beforeAll(async () => {
  await mkdir(join(ROOT, '.tmp'), { recursive: true });
  dir = await mkdtemp(join(ROOT, '.tmp', 'reader-bundle-'));
  const jobs = (bundles(join(dir, 'dist')) as { outfile: string }[]).filter((j) => /reader-worker/.test(j.outfile));
  expect(jobs.map((j) => j.outfile.slice(dir.length + 1)).sort()).toEqual([
    'dist/electron/reader-worker.cjs',
    'dist/reader-worker.mjs',
  ]);
  await Promise.all(jobs.map((j) => build(j as Parameters<typeof build>[0])));
}, 120_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const cases = [
  { label: 'dist/reader-worker.mjs over Node IPC', file: () => join(dir, 'dist', 'reader-worker.mjs'), execArgv: [] },
  {
    label: "dist/electron/reader-worker.cjs over a utility process's parentPort",
    file: () => join(dir, 'dist', 'electron', 'reader-worker.cjs'),
    execArgv: ['--require', SHIM],
  },
];

describe.each(cases)('$label', ({ file, execArgv }) => {
  it('reads a .docx and a .pdf', { timeout: 60_000 }, async () => {
    const spawn = nodeReader({ file: file(), execArgv });
    for (const name of ['official-2021.docx', 'official-2021.pdf']) {
      const bytes = await readFile(join(FIXTURES_DIR, 'import', name));
      const r = await readInIsolation({ name, base64: bytes.toString('base64') }, { spawn });
      expect(r.report.org, name).toBe('某某县行政审批服务局');
    }
  });
});
