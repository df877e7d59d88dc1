// The store when more than one window, process or user meets it: revisions refuse a stale save,
// one process per data folder, private permissions, read-only folders and files that cannot be
// moved aside open with notices instead of failing.
import { spawn, spawnSync } from 'node:child_process';
import { chmod, chown, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyReport } from '../../shared/report';
import { openStore } from '../../electron/services/store';
import { LOCK_FILE, processIdentity } from '../../electron/services/store/lock';

const root = join(__dirname, '..', '..');
const child = join(__dirname, 'helpers', 'open-store-child.ts');
const isRoot = process.getuid?.() === 0;
/** Root may write anywhere: a folder is read-only for the tests' child only under another user. */
const OTHER = { uid: 65534, gid: 65534 };
const posix = process.platform !== 'win32';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-safety-'));
  if (isRoot) await chmod(dir, 0o755); // the other user must reach the folder inside
});
afterEach(async () => {
  await walk(dir, (p, isDir) => chmod(p, isDir ? 0o700 : 0o600)).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function walk(path: string, fn: (p: string, isDir: boolean) => Promise<void>): Promise<void> {
  const s = await stat(path);
  if (s.isDirectory()) for (const n of await readdir(path)) await walk(join(path, n), fn);
  await fn(path, s.isDirectory());
}

interface ChildOut {
  code: number | null;
  stderr: string;
  out: {
    readOnly: boolean;
    notices: string[];
    list: { id: string; name: string }[];
    saveError: string;
    saveCode: string;
  };
}

/** Opens `dataDir` in another process, as another user when `asOther` (and we are root). */
function openInChild(dataDir: string, asOther = false): ChildOut {
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, dataDir], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    ...(asOther && isRoot ? OTHER : {}),
  });
  return { code: r.status, stderr: r.stderr, out: r.status === 0 ? JSON.parse(r.stdout) : null };
}

/** What a read-only share looks like: everything readable, nothing writable. */
function makeReadOnly(path: string): Promise<void> {
  return walk(path, (p, isDir) => chmod(p, isDir ? 0o555 : 0o444));
}

const ERRNO = /\bE(ACCES|PERM|ROFS|NOENT|BUSY)\b|permission denied|read-only file system/i;

describe('revisions', () => {
  it('refuses a save based on an older revision and says so in Chinese', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(emptyReport('县教育局', 2024));
    const a = await store.open(id);
    const b = await store.open(id);
    expect(a.revision).toBe(b.revision);

    const first = { ...a.report, preamble: '窗口A写的' };
    const saved = await store.save(id, first, a.revision);
    expect(saved.revision).not.toBe(a.revision);

    const err = await store.save(id, { ...b.report, preamble: '窗口B写的' }, b.revision).catch((e) => e);
    expect(err).toMatchObject({ code: 'conflict', message: expect.stringContaining('此报告已在另一个窗口中修改') });
    expect((await store.read(id)).preamble).toBe('窗口A写的'); // A's save stands
    // Saving exactly what is stored is no conflict, whatever the base.
    await expect(store.save(id, first, b.revision)).resolves.toMatchObject({ revision: saved.revision });
    // The next save of A, based on what its last save returned, goes through.
    await expect(store.save(id, { ...first, preamble: '再改' }, saved.revision)).resolves.toBeTruthy();
  });

  it('gives a restored version a new revision, so a window still on the old one is refused', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(emptyReport('县教育局', 2024));
    const a = await store.open(id);
    const { revision } = await store.save(id, { ...a.report, preamble: '第二版' }, a.revision);
    const [, older] = await store.listBackups(id);
    const restored = await store.restoreBackup(id, older.backupId);
    expect(restored.revision).toBe(a.revision); // the same content as first loaded
    await expect(store.save(id, { ...a.report, preamble: '第三版' }, revision)).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('one process per data folder', () => {
  it('refuses a second process with a Chinese message naming the folder and exit code 1', async () => {
    const store = await openStore({ dataDir: dir });
    await store.create(emptyReport('县教育局', 2024));
    const second = openInChild(dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`数据文件夹“${dir}”正被另一个公开年报`);
    expect(second.stderr).toContain('--data-dir');
    expect(second.stderr).not.toMatch(/Error|at |\bE[A-Z]{3,}\b/);

    await store.close();
    await expect(stat(join(dir, LOCK_FILE))).rejects.toThrow(); // given up on close
    expect(openInChild(dir).code).toBe(0);
  });

  it('takes over the lock of a process that no longer runs, and a half-written lock', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, host: hostname(), startedAt: '' }));
    const r = openInChild(dir);
    expect(r.code).toBe(0);
    await writeFile(join(dir, LOCK_FILE), '');
    expect(openInChild(dir).code).toBe(0);
  });

  it.skipIf(process.platform !== 'linux')('takes over a lock whose pid now belongs to another program', async () => {
    // Our parent runs, but it is not the process that wrote this lock (say, before a reboot).
    const lock = { pid: process.ppid, host: hostname(), startedAt: '', process: 'another-boot:123' };
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(lock));
    expect(openInChild(dir).code).toBe(0);
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ ...lock, process: processIdentity(process.ppid) }));
    expect(openInChild(dir).code).toBe(1);
  });

  it('keeps the lock while its process runs, however long', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', child, dir, 'hold'], { cwd: root, stdio: 'pipe' });
    try {
      await new Promise<void>((ok, bad) => {
        holder.stdout.on('data', () => ok());
        holder.on('exit', (code) => bad(new Error(`holder exited ${code}`)));
      });
      const second = openInChild(dir);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`进程 ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('close', r));
    }
    // Killed without closing: the lock it left behind is stale now.
    expect(openInChild(dir).code).toBe(0);
  });
});

describe.skipIf(!posix)('permissions', () => {
  it('creates the data folder 0700 and every file in it 0600', async () => {
    const data = join(dir, 'new', 'data');
    const store = await openStore({ dataDir: data });
    const { id } = await store.create(emptyReport('县教育局', 2024));
    const { report, revision } = await store.open(id);
    await store.save(id, { ...report, preamble: '改' }, revision);
    await store.rename(id, '新名字');
    await walk(data, async (p, isDir) => {
      expect({ p, mode: (await stat(p)).mode & 0o777 }).toEqual({ p, mode: isDir ? 0o700 : 0o600 });
    });
    await store.close();
  });

  it('takes away what others may do with an existing folder, but never makes one writable', async () => {
    await chmod(dir, 0o755);
    await (await openStore({ dataDir: dir })).close();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const ro = join(dir, 'ro');
    await (await openStore({ dataDir: ro })).close();
    await makeReadOnly(ro);
    await chmod(ro, 0o555);
    await (await openStore({ dataDir: ro })).close();
    expect((await stat(ro)).mode & 0o777).toBe(0o500);
  });
});

describe.skipIf(!posix)('a folder that cannot be written', () => {
  it('opens read-only with notices for damaged reports; saves are refused in Chinese', async () => {
    const store = await openStore({ dataDir: dir });
    const good = await store.create(emptyReport('县教育局', 2024));
    const lost = await store.create(emptyReport('县民政局', 2024));
    const fromBackup = await store.create(emptyReport('县财政局', 2024));
    await store.close();
    await writeFile(join(dir, 'reports', `${lost.id}.json`), '{ damaged');
    await rm(join(dir, 'backups', lost.id), { recursive: true });
    await writeFile(join(dir, 'reports', `${fromBackup.id}.json`), 'also damaged');
    await makeReadOnly(dir);

    const r = openInChild(dir, true);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.readOnly).toBe(true);
    expect(r.out.list.map((x) => x.id).sort()).toEqual([good.id, fromBackup.id].sort());
    expect(r.out.notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/县民政局.*已损坏.*无法移到一旁.*数据文件夹不能写入/),
        expect.stringMatching(/县财政局.*已损坏.*备份显示/),
      ]),
    );
    expect(r.out.saveCode).toBe('readOnly');
    expect(r.out.saveError).toContain('修改不会保存');
    expect(JSON.stringify(r.out)).not.toMatch(ERRNO);
    // Nothing was moved or written.
    expect(await readFile(join(dir, 'reports', `${lost.id}.json`), 'utf8')).toBe('{ damaged');
    expect((await readdir(dir)).filter((n) => n.includes('damaged') || n === LOCK_FILE)).toEqual([]);
  });

  it.skipIf(!isRoot)(
    'turns a damaged report that cannot be moved aside into a notice, not a failed start',
    async () => {
      const store = await openStore({ dataDir: dir });
      const good = await store.create(emptyReport('县教育局', 2024));
      const bad = await store.create(emptyReport('县民政局', 2024));
      await store.close();
      await writeFile(join(dir, 'reports', `${bad.id}.json`), '{ damaged');
      // The folder is the other user's; its reports folder is not (a file left by an administrator).
      await walk(dir, (p) => chown(p, OTHER.uid, OTHER.gid));
      await chown(join(dir, 'reports'), 0, 0);
      await walk(join(dir, 'reports'), (p, isDir) => chmod(p, isDir ? 0o755 : 0o644));

      const r = openInChild(dir, true);
      expect(r.code).toBe(0);
      expect(r.out.readOnly).toBe(false);
      expect(r.out.list.map((x) => x.id)).toEqual([good.id]);
      expect(r.out.notices).toEqual([expect.stringMatching(/县民政局.*已损坏.*无法移到一旁.*没有删除/)]);
      expect(JSON.stringify(r.out)).not.toMatch(ERRNO);
    },
  );
});
