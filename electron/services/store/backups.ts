// Rotating backups: one file per saved version, named by UTC time so that names sort by time
// (20250130T131400123Z.json). Every save writes one, so the newest backup always equals the
// last completed save and recovering from it loses nothing.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic';

export const MAX_BACKUPS = 20;
const NAME = /^(\d{8}T\d{9}Z)\.json$/;

export function stampOf(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

/** The moment a backup id stands for, or null when it is not one of ours. */
export function dateOfStamp(stamp: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function isBackupId(id: string): boolean {
  return dateOfStamp(id) !== null;
}

/** Backup ids in a folder, newest first. */
export async function listBackupIds(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const ids: string[] = [];
  for (const n of names) {
    const m = NAME.exec(n);
    if (m && dateOfStamp(m[1])) ids.push(m[1]);
  }
  return ids.sort().reverse();
}

export function backupPath(dir: string, id: string): string {
  return join(dir, `${id}.json`);
}

export async function readBackup(dir: string, id: string): Promise<string | null> {
  try {
    return await readFile(backupPath(dir, id), 'utf8');
  } catch {
    return null;
  }
}

/** Writes a new backup (its id strictly after every existing one) and drops the oldest beyond `keep`. */
export async function writeBackup(dir: string, text: string, now: Date, keep = MAX_BACKUPS): Promise<string> {
  await mkdir(dir, { recursive: true });
  const existing = await listBackupIds(dir);
  let stamp = stampOf(now);
  const newest = existing[0];
  if (newest && stamp <= newest) stamp = stampOf(new Date(dateOfStamp(newest)!.getTime() + 1));
  await writeFileAtomic(backupPath(dir, stamp), text);
  const drop = [stamp, ...existing].slice(keep);
  await Promise.all(drop.map((id) => unlink(backupPath(dir, id)).catch(() => {})));
  return stamp;
}
