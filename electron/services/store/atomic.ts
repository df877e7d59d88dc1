// Crash-safe file writes: a write either lands whole or not at all, and once it returns it
// survives a power cut. Temp file in the same folder (so rename stays on one volume),
// fsync, rename over the target, fsync the folder.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_FILE } from './private';

/** Codes Windows gives while a virus scanner or indexer briefly holds the target open. */
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);
const TEMP_SUFFIX = '.tmp';

export type RenameFn = (from: string, to: string) => Promise<void>;

export async function renameWithRetry(
  from: string,
  to: string,
  renameFn: RenameFn = rename,
  attempts = 8,
): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await renameFn(from, to);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!TRANSIENT.has(code) || i >= attempts - 1) throw e;
      await new Promise((r) => setTimeout(r, 25 * 2 ** i)); // 25 ms … ~3 s in all
    }
  }
}

async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // folders cannot be opened for sync there; NTFS journals renames
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some file systems refuse fsync on folders; the rename itself already happened.
  }
}

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, renameFn?: RenameFn): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const fh = await open(tmp, 'wx', PRIVATE_FILE);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(tmp, path, renameFn);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fsyncDir(dir);
}

function writerAlive(name: string): boolean {
  const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1]);
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files left behind by a write that was killed midway (not those of a live writer). */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const stale = names.filter((n) => isTempFile(n) && !writerAlive(n));
  await Promise.all(stale.map((n) => unlink(join(dir, n)).catch(() => {})));
}
