#!/usr/bin/env node
// Command-line entry: in a source checkout, runs the TypeScript CLI through tsx so it is never
// stale; the bundled dist/cli.mjs is used only where the sources are absent (packaged app).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'electron', 'cli.ts');
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(join(root, 'dist', 'cli.mjs')).href);
}
