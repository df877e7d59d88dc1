// One writer per data folder: a lock file (.lock) taken when the store opens and removed when it
// closes. A second process on the same folder (browser mode beside the desktop app, two
// browser-mode servers) is refused; a lock left by a process that no longer runs is taken over.
import { readFileSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../shared/api';
import { PRIVATE_FILE } from './private';

export const LOCK_FILE = '.lock';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** Which process that pid was (Linux: boot and start time), so that a reused pid is not taken for it. */
  process?: string;
}

/** What taking the lock gave: the lock, or a folder that cannot be written (open it read-only). */
export type LockResult = { kind: 'locked'; release(): Promise<void> } | { kind: 'readOnly' };

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}

/**
 * Names one process for as long as the machine runs: boot id and start time on Linux (a lock
 * left before a reboot, or a pid the system gave to another program since, is then stale).
 * Null where the system does not say.
 */
export function processIdentity(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]; // field 22, starttime
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return start ? `${boot}:${start}` : null;
  } catch {
    return null;
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string'
      ? {
          pid: v.pid,
          host: v.host,
          startedAt: String(v.startedAt ?? ''),
          ...(typeof v.process === 'string' ? { process: v.process } : {}),
        }
      : null;
  } catch {
    return null;
  }
}

/** The Chinese message for a folder in use, naming it and saying what to do. */
export function folderInUseMessage(dataDir: string, holder: LockInfo): string {
  const where = holder.host === hostname() ? `进程 ${holder.pid}` : `电脑“${holder.host}”上的进程 ${holder.pid}`;
  return (
    `数据文件夹“${dataDir}”正被另一个公开年报（${where}）使用，同一个数据文件夹同时只能由一个窗口打开。` +
    `请先关闭另一个公开年报（桌面程序或浏览器模式），再重新启动；或用 --data-dir 指定另一个数据文件夹。` +
    (holder.host === hostname() ? '' : `如果确定那台电脑已不再使用它，请删除文件“${join(dataDir, LOCK_FILE)}”。`)
  );
}

/**
 * A lock is stale when its process is gone. Only this computer's processes can be checked; the
 * lock of this very process (a store opened again in the same process) counts as ours.
 */
function isStale(info: LockInfo | null): boolean {
  if (!info) return true; // half-written by a process killed while writing it
  if (info.host !== hostname()) return false;
  if (info.pid === process.pid || !processAlive(info.pid)) return true;
  return !!info.process && processIdentity(info.pid) !== info.process;
}

/** Takes the lock of a data folder (which must exist). Throws a UserError while another process holds it. */
export async function acquireFolderLock(dataDir: string): Promise<LockResult> {
  const path = join(dataDir, LOCK_FILE);
  const identity = processIdentity(process.pid);
  const mine: LockInfo = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    ...(identity ? { process: identity } : {}),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx', PRIVATE_FILE);
      try {
        await fh.writeFile(JSON.stringify(mine));
      } finally {
        await fh.close();
      }
      let released = false;
      return {
        kind: 'locked',
        async release() {
          if (released) return;
          released = true;
          // Only our own lock: never remove one a later process took over.
          const now = parseLock(await readFile(path, 'utf8').catch(() => ''));
          if (now && now.pid === mine.pid && now.startedAt === mine.startedAt) await unlink(path).catch(() => {});
        },
      };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (READ_ONLY_CODES.has(code)) return { kind: 'readOnly' };
      if (code !== 'EEXIST') throw e;
    }
    const holder = parseLock(await readFile(path, 'utf8').catch(() => ''));
    if (!isStale(holder)) throw new UserError(folderInUseMessage(dataDir, holder!));
    try {
      await unlink(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (READ_ONLY_CODES.has(code)) return { kind: 'readOnly' };
      if (code !== 'ENOENT') throw e;
    }
  }
  throw new UserError(`无法锁定数据文件夹“${dataDir}”：另一个程序正在同时打开它。请稍后重新启动公开年报。`);
}
