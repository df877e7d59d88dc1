// Taking a data folder when the store opens: made private, locked for this process, or — when it
// cannot be written — opened read-only (nothing repaired on disk, every change refused).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsErrorToUser } from './fs-errors';
import { acquireFolderLock } from './lock';
import { makePrivateDir } from './private';

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

export function isReadOnlyError(e: unknown): boolean {
  return READ_ONLY_CODES.has((e as NodeJS.ErrnoException)?.code ?? '');
}

/** The folder as the store has it: read-only, or locked until `release`. */
export type Folder = { readOnly: true; release: null } | { readOnly: false; release(): Promise<void> };

const READ_ONLY: Folder = { readOnly: true, release: null };

/** Takes a data folder, creating it (and reports/, backups/) if needed. Throws a UserError when it cannot be used. */
export async function takeFolder(dataDir: string): Promise<Folder> {
  const cannotUse = (e: unknown) => fsErrorToUser(e, `无法使用数据文件夹“${dataDir}”`);
  try {
    await makePrivateDir(dataDir);
  } catch (e) {
    const exists = await stat(dataDir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isReadOnlyError(e) || !exists) throw cannotUse(e);
    return READ_ONLY;
  }
  const lock = await acquireFolderLock(dataDir);
  if (lock.kind === 'readOnly') return READ_ONLY;
  try {
    await makePrivateDir(join(dataDir, 'reports'));
    await makePrivateDir(join(dataDir, 'backups'));
  } catch (e) {
    await lock.release();
    if (!isReadOnlyError(e)) throw cannotUse(e);
    return READ_ONLY;
  }
  return { readOnly: false, release: lock.release };
}
