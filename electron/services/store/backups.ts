// Rotating backups: one file per saved version, named by UTC time so that names sort by time
// (20250130T131400123Z.json). Every save writes one, so the newest backup always equals the
// last completed save and recovering from it loses nothing. Older versions are thinned rather
// than simply dropped: autosave writes about once a second while typing, and a clerk who wiped a
// table by mistake may notice only an hour later.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic';
import { PRIVATE_DIR } from './private';

export const MAX_BACKUPS = 20;
/** The newest versions, always kept one by one. */
export const RECENT_BACKUPS = 10;
const MINUTE = 60_000;

/** Bucket of an older version: one per 10 minutes within the last hour, one per hour within the last day, then one per day. */
function bucketOf(time: number, newest: number): string {
  const age = newest - time;
  if (age < 60 * MINUTE) return `m${Math.floor(time / (10 * MINUTE))}`;
  if (age < 24 * 60 * MINUTE) return `h${Math.floor(time / (60 * MINUTE))}`;
  return `d${Math.floor(time / (24 * 60 * MINUTE))}`;
}

/**
 * Which backup ids to keep (ids newest first): the RECENT newest, then the oldest version of each
 * time bucket (the state before a burst of edits), at most `keep` in all.
 */
export function backupsToKeep(ids: string[], keep = MAX_BACKUPS): string[] {
  const recent = Math.min(RECENT_BACKUPS, keep);
  const kept = ids.slice(0, recent);
  const newest = ids.length ? dateOfStamp(ids[0])!.getTime() : 0;
  const byBucket = new Map<string, string>();
  for (const id of ids.slice(recent)) byBucket.set(bucketOf(dateOfStamp(id)!.getTime(), newest), id); // last seen = oldest
  const older = [...byBucket.values()].sort().reverse();
  return [...kept, ...older].slice(0, keep);
}
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

/** Writes a new backup (its id strictly after every existing one) and thins the older ones (backupsToKeep). */
export async function writeBackup(dir: string, text: string, now: Date, keep = MAX_BACKUPS): Promise<string> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
  const existing = await listBackupIds(dir);
  let stamp = stampOf(now);
  const newest = existing[0];
  if (newest && stamp <= newest) stamp = stampOf(new Date(dateOfStamp(newest)!.getTime() + 1));
  await writeFileAtomic(backupPath(dir, stamp), text);
  const all = [stamp, ...existing];
  const kept = new Set(backupsToKeep(all, keep));
  const drop = all.filter((id) => !kept.has(id));
  await Promise.all(drop.map((id) => unlink(backupPath(dir, id)).catch(() => {})));
  return stamp;
}
