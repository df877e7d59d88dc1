// A reader process as a Node child process. From a bundle (dist/web-host.mjs, dist/cli.mjs) it
// runs the reader-worker bundle next to it, which scripts/build.mjs writes. From the sources
// (tests, `nianbao` in a checkout) worker.ts is bundled once on first use into .tmp/reader/,
// named by its content: starting Node on a bundle takes a fraction of loading every source
// file through a TypeScript loader, for each file read.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heapArgs, limitArgs } from './limits';
import type { SpawnReader } from './process';

export interface WorkerEntry {
  file: string;
  /** Node options the entry needs before the reader's own. */
  execArgv: string[];
}

let sourceBundle: string | null = null;

/** worker.ts bundled as scripts/build.mjs bundles it, inside the checkout so that node_modules resolve. */
function bundleFromSources(workerTs: string, root: string): string {
  if (sourceBundle) return sourceBundle;
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({
    entryPoints: [workerTs],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].contents;
  const dir = join(root, '.tmp', 'reader');
  const file = join(dir, `worker-${createHash('sha256').update(out).digest('hex').slice(0, 16)}.mjs`);
  mkdirSync(dir, { recursive: true });
  try {
    statSync(file);
  } catch {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, out);
    renameSync(tmp, file);
  }
  // Bundles of older sources, after a day.
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path !== file && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { force: true });
  }
  return (sourceBundle = file);
}

/** Where the reader's entry is, relative to this module (or to the bundle it was built into). */
export function workerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const here = fileURLToPath(moduleUrl);
  if (extname(here) === '.ts') {
    const root = join(dirname(here), '..', '..', '..');
    return { file: bundleFromSources(join(dirname(here), 'worker.ts'), root), execArgv: [] };
  }
  return { file: join(dirname(here), `reader-worker${extname(here)}`), execArgv: [] };
}

/** Readers as Node child processes; the entry is found on the first start (a failure there ends that read with a message). */
export function nodeReader(given?: WorkerEntry): SpawnReader {
  return (limits) => {
    const entry = given ?? workerEntry();
    const child = fork(entry.file, limitArgs(limits), {
      execArgv: [...entry.execArgv, ...heapArgs(limits)],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    child.stderr?.setEncoding('utf8');
    // A failed start ('error') is followed by 'close' as well, which ends the read.
    child.on('error', () => {});
    return {
      pid: child.pid,
      send: (request) => void child.send(request, () => {}),
      onMessage: (fn) => void child.on('message', fn),
      onExit: (fn) => void child.on('close', (code, signal) => fn(code, signal)),
      onStderr: (fn) => void child.stderr?.on('data', fn),
      kill: () => void child.kill('SIGKILL'),
    };
  };
}
