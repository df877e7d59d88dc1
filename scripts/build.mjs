// npm run build: the renderer with Vite (vite.config.ts: renderer/ -> dist/renderer) and the
// Node side with esbuild:
//   electron/main.ts    -> dist/electron/main.cjs     (Electron main process)
//   electron/preload.ts -> dist/electron/preload.cjs  (sandboxed preload: only 'electron' is required)
//   electron/web-host.ts-> dist/web-host.mjs          (browser mode, used by scripts/start.mjs)
//   electron/cli.ts     -> dist/cli.mjs               (the command line, used by bin/nianbao.mjs)
//   electron/services/reading/worker.ts -> dist/reader-worker.mjs and dist/electron/reader-worker.cjs
//                          (the process that reads an imported file: a child of browser mode and
//                          the CLI, or Electron's utility process)
// Also importable: build({ renderer, node }) and isStale() for scripts/start.mjs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const RENDERER_INPUTS = ['renderer', 'shared', 'vite.config.ts', 'package.json'];
const RENDERER_OUTPUTS = ['dist/renderer/index.html'];
const NODE_INPUTS = ['electron', 'shared', 'package.json'];
const NODE_OUTPUTS = [
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/web-host.mjs',
  'dist/cli.mjs',
  'dist/reader-worker.mjs',
  'dist/electron/reader-worker.cjs',
];

/**
 * Loaded at run time from node_modules instead of being bundled: pdf.js finds its worker file
 * next to itself. Import it with a dynamic import() so that it also loads from main.cjs.
 */
const KEEP_EXTERNAL = ['electron', 'pdfjs-dist'];

function newestMtime(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function oldestOutput(outputs) {
  let oldest = Infinity;
  for (const o of outputs) {
    const p = join(root, o);
    if (!existsSync(p)) return 0;
    oldest = Math.min(oldest, statSync(p).mtimeMs);
  }
  return oldest;
}

/** Which parts need building: missing outputs, or sources newer than them. */
export function isStale() {
  const inputs = (list) => Math.max(...list.map((p) => newestMtime(join(root, p))));
  return {
    renderer: oldestOutput(RENDERER_OUTPUTS) < inputs(RENDERER_INPUTS),
    node: oldestOutput(NODE_OUTPUTS) < inputs(NODE_INPUTS),
  };
}

async function buildRenderer() {
  const { build } = await import('vite');
  const cwd = process.cwd();
  process.chdir(root); // vite.config.ts gives its paths relative to the project folder
  try {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    process.chdir(cwd);
  }
}

/** The esbuild jobs, writing under outDir (dist, or a temp folder in tests). */
export function bundles(outDir = 'dist') {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    sourcemap: false,
  };
  // Services written as ES modules use import.meta.url (createRequire, file locations): give
  // CommonJS bundles their own file's URL, which they otherwise lack.
  const electronCjs = {
    ...common,
    format: 'cjs',
    external: KEEP_EXTERNAL,
    banner: { js: '"use strict";\nconst __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__importMetaUrl' },
  };
  return [
    { ...electronCjs, entryPoints: ['electron/main.ts'], outfile: join(outDir, 'electron/main.cjs') },
    {
      ...electronCjs,
      entryPoints: ['electron/services/reading/worker.ts'],
      outfile: join(outDir, 'electron/reader-worker.cjs'),
    },
    {
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: join(outDir, 'electron/preload.cjs'),
      format: 'cjs',
      external: ['electron'],
    },
    // Browser mode and the CLI run under plain Node from this folder: dependencies stay in node_modules.
    {
      ...common,
      entryPoints: ['electron/web-host.ts'],
      outfile: join(outDir, 'web-host.mjs'),
      format: 'esm',
      packages: 'external',
    },
    {
      ...common,
      entryPoints: ['electron/cli.ts'],
      outfile: join(outDir, 'cli.mjs'),
      format: 'esm',
      packages: 'external',
    },
    {
      ...common,
      entryPoints: ['electron/services/reading/worker.ts'],
      outfile: join(outDir, 'reader-worker.mjs'),
      format: 'esm',
      packages: 'external',
    },
  ];
}

async function buildNode() {
  const esbuild = await import('esbuild');
  await Promise.all(bundles().map((options) => esbuild.build(options)));
}

export async function build({ renderer = true, node = true } = {}) {
  if (renderer) {
    console.log('构建界面（vite）…');
    await buildRenderer();
  }
  if (node) {
    console.log('构建主进程、预加载脚本、浏览器模式、命令行与文件读取进程（esbuild）…');
    await buildNode();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only = process.argv.includes('--if-stale') ? isStale() : { renderer: true, node: true };
  try {
    await build(only);
    console.log('构建完成：dist/');
  } catch (e) {
    console.error(`构建失败：${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
