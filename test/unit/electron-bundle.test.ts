// The bundled main process and preload (as scripts/build.mjs makes them) load and start
// under a stand-in for Electron: catches bundling mistakes that the TypeScript tests cannot.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { build } from 'esbuild';
// @ts-expect-error plain .mjs script without types
import { bundles } from '../../scripts/build.mjs';

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('bundles main.cjs and preload.cjs that start with only electron required', { timeout: 120_000 }, async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-bundle-'));
  const jobs = (bundles(join(dir, 'dist')) as { outfile: string }[]).filter((j) =>
    /main\.cjs|preload\.cjs/.test(j.outfile),
  );
  await Promise.all(jobs.map((j) => build(j as Parameters<typeof build>[0])));
  await mkdir(join(dir, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  const stub = join(__dirname, 'helpers', 'electron-stub.cjs');
  const env = { ...process.env, STUB_APP_PATH: dir, STUB_USER_DATA: join(dir, 'user') };

  // import.meta.url (used by services for createRequire) must survive the CommonJS bundle.
  const mainSource = await readFile(join(dir, 'dist', 'electron', 'main.cjs'), 'utf8');
  expect(mainSource).not.toMatch(/import_meta\d* = \{\}/);

  const main = spawnSync(process.execPath, ['--require', stub, join(dir, 'dist', 'electron', 'main.cjs')], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(main.stderr).toBe('');
  const out = main.stdout;
  expect(out).toContain('scheme');
  expect(out).toContain('ipc nianbao:api');
  expect(out).toContain('ipc nianbao:host');
  expect(out).toContain('menu 文件,编辑,视图,帮助');
  expect(out).toContain('"contextIsolation":true,"sandbox":true,"nodeIntegration":false');
  expect(out).toContain('loadURL app://nianbao/index.html');

  const preload = spawnSync(process.execPath, ['--require', stub, join(dir, 'dist', 'electron', 'preload.cjs')], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(preload.stderr).toBe('');
  expect(preload.stdout).toContain('expose nianbao invoke');
  expect(preload.stdout).toContain('expose nianbaoHost invoke,onCommand');
  // A sandboxed preload may require 'electron' and nothing else.
  const requires = (await readFile(join(dir, 'dist', 'electron', 'preload.cjs'), 'utf8')).match(/require\([^)]*\)/g);
  expect(requires).toEqual(['require("electron")']);
});
