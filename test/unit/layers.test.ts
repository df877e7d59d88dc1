// The layering of the README (and docs/architecture.md), checked on the real source files:
//   shared/    imports nothing but zod and files within shared/: no package, no Node built-in, nothing
//              from electron/ or renderer/, no DOM globals;
//   renderer/  imports only renderer/ and shared/ (and packages), never electron/ (it goes through shared/api.ts);
//   electron/services/ imports only itself and shared/, never 'electron' (services run in plain Node: tests,
//              CLI, browser mode).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(abs, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(relative(ROOT, path)));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Source without comments and without the contents of string and template literals. */
export function stripCommentsAndStrings(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < src.length && src[i] !== c) i += src[i] === '\\' ? 2 : 1;
      i++;
      out += c + c;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Every module a file imports: static and dynamic imports, re-exports, require(). */
export function importsOf(src: string): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\s*from\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const p of patterns) for (const m of code.matchAll(p)) out.push(m[1]);
  return out;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
}

const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/');

/** The top-level folder a relative import lands in ('shared', 'electron', …), or null for a package. */
function landsIn(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(ROOT, resolve(dirname(file), spec)).split(sep)[0];
}

/** Whether a relative import stays within the given folders of the repository. */
function staysIn(file: string, spec: string, folders: string[]): boolean {
  const to = relative(ROOT, resolve(dirname(file), spec))
    .split(sep)
    .join('/');
  return folders.some((f) => to === f || to.startsWith(`${f}/`));
}

/** What is wrong with one file under the rules of its layer. */
export function violations(layer: 'shared' | 'renderer' | 'services', file: string, src: string): string[] {
  const out: string[] = [];
  for (const spec of importsOf(src)) {
    const target = landsIn(file, spec);
    if (layer === 'shared') {
      if (target === 'electron' || target === 'renderer') out.push(`imports ${spec} (${target}/)`);
      else if (target !== null && target !== 'shared') out.push(`imports ${spec} (outside shared/)`);
      if (isNodeBuiltin(spec)) out.push(`imports the Node built-in ${spec}`);
      else if (isElectron(spec)) out.push(`imports ${spec}`);
      else if (target === null && spec !== 'zod' && !spec.startsWith('zod/')) out.push(`imports the package ${spec}`);
    }
    if (layer === 'renderer' && (target === 'electron' || isElectron(spec))) out.push(`imports ${spec}`);
    else if (layer === 'renderer' && target !== null && !staysIn(file, spec, ['renderer', 'shared']))
      out.push(`imports ${spec} (outside renderer/ and shared/)`);
    if (layer === 'services' && isElectron(spec)) out.push(`imports ${spec}`);
    else if (layer === 'services' && target !== null && !staysIn(file, spec, ['electron/services', 'shared']))
      out.push(`imports ${spec} (outside electron/services/ and shared/)`);
  }
  if (layer === 'shared') {
    for (const m of stripCommentsAndStrings(src).matchAll(/(?<![\w$.])(window|document)\b(?!\s*:)/g))
      out.push(`uses ${m[1]}`);
  }
  return out;
}

function scan(layer: 'shared' | 'renderer' | 'services', dir: string): { files: number; problems: string[] } {
  const files = sourceFiles(dir);
  const problems = files.flatMap((f) =>
    violations(layer, f, readFileSync(f, 'utf8')).map((v) => `${relative(ROOT, f)}: ${v}`),
  );
  return { files: files.length, problems };
}

describe('layers (real files)', () => {
  it('shared/ is pure TypeScript importing nothing but zod: nothing from electron/ or renderer/, no Node, no DOM', () => {
    const { files, problems } = scan('shared', 'shared');
    expect(files).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('renderer/ imports only renderer/ and shared/, never electron/', () => {
    expect(scan('renderer', 'renderer').problems).toEqual([]);
  });

  it("electron/services/ imports only itself and shared/, never 'electron'", () => {
    const { files, problems } = scan('services', 'electron/services');
    expect(files).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe('the layer check itself catches violations', () => {
  const sharedFile = join(ROOT, 'shared', 'rules', 'x.ts');

  it('in shared/', () => {
    const src = [
      "import { readFile } from 'node:fs/promises';",
      "import path from 'path';",
      "import { x } from '../../electron/services/readers';",
      "export { y } from '../../renderer/app';",
      "import type { BrowserWindow } from 'electron';",
      "const m = await import('fs');",
      "import { useState } from 'react';",
      "import fp from 'lodash/fp';",
      "import { fullReport } from '../../test/fixtures/reports';",
      'const w = window.innerWidth;',
      "document.title = 'x';",
    ].join('\n');
    expect(violations('shared', sharedFile, src).sort()).toEqual(
      [
        'imports ../../electron/services/readers (electron/)',
        'imports ../../renderer/app (renderer/)',
        'imports the Node built-in node:fs/promises',
        'imports the Node built-in path',
        'imports electron',
        'imports the Node built-in fs',
        'imports the package react',
        'imports the package lodash/fp',
        'imports ../../test/fixtures/reports (outside shared/)',
        'uses window',
        'uses document',
      ].sort(),
    );
  });

  it('but not words in comments and strings, properties, or imports within shared/', () => {
    const src = [
      '// the document that fixes the format; window of time',
      "const s = 'document';",
      'const o = { document: 1 }; o.document;',
      "import { getFormat } from '../format';",
      "import { z } from 'zod';",
      "import type { ZodType } from 'zod/v4';",
    ].join('\n');
    expect(violations('shared', sharedFile, src)).toEqual([]);
  });

  it('in renderer/ and electron/services/', () => {
    const rendererFile = join(ROOT, 'renderer', 'editor', 'x.tsx');
    expect(violations('renderer', rendererFile, "import { store } from '../../electron/services/store';")).toEqual([
      'imports ../../electron/services/store',
    ]);
    expect(violations('renderer', rendererFile, "import { ipcRenderer } from 'electron';")).toEqual([
      'imports electron',
    ]);
    expect(violations('renderer', rendererFile, "import type { NianbaoApi } from '../../shared/api';")).toEqual([]);
    expect(violations('renderer', rendererFile, "import { fullReport } from '../../test/fixtures/reports';")).toEqual([
      'imports ../../test/fixtures/reports (outside renderer/ and shared/)',
    ]);
    const serviceFile = join(ROOT, 'electron', 'services', 'store', 'x.ts');
    expect(violations('services', serviceFile, "import { app } from 'electron';")).toEqual(['imports electron']);
    expect(violations('services', serviceFile, "import { readFile } from 'node:fs/promises';")).toEqual([]);
    expect(violations('services', serviceFile, "import { startWeb } from '../../web-host';")).toEqual([
      'imports ../../web-host (outside electron/services/ and shared/)',
    ]);
    expect(violations('services', serviceFile, "import { parseReportText } from '../../../shared/report';")).toEqual(
      [],
    );
  });
});
