// The report store: a lowdb index (index.json) plus one JSON file per report, with rotating
// backups, a trash, and recovery from damaged files. Layout of the data folder:
//   index.json                the list of reports (lowdb)
//   reports/<id>.json         each report's last completed save
//   backups/<id>/<stamp>.json the last MAX_BACKUPS saves of each report, newest = current
//   backups/.index/<stamp>.json  versions of index.json (after create/rename/delete …)
//   .lock                     the process that has the folder open (one writer per folder)
// A file that cannot be read is renamed to *.damaged-<stamp>, never deleted. A folder that
// cannot be written opens read-only: everything is shown, nothing is saved.
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { TRASH_DAYS, UserError, type BackupInfo, type ReportSummary, type VersionInfo } from '../../../shared/api';
import {
  CURRENT_SCHEMA_VERSION,
  parseReportJson,
  parseReportText,
  serializeReport,
  type Report,
} from '../../../shared/report';
import { removeStaleTempFiles, renameWithRetry, writeFileAtomic } from './atomic';
import { dateOfStamp, isBackupId, listBackupIds, MAX_BACKUPS, readBackup, stampOf, writeBackup } from './backups';
import { fsErrorToUser } from './fs-errors';
import {
  createIndexDb,
  DamagedFileError,
  emptyIndex,
  parseIndexText,
  serializeIndex,
  type IndexData,
  type IndexEntry,
} from './index-file';
import { isReadOnlyError, takeFolder } from './folder';
import { notices as say } from './notices';
import { CONFLICT_MESSAGE, revisionOf } from './revision';
import { versionsIn } from './versions';

/** Why a file could not be moved, in Chinese. */
function whyNotMoved(e: unknown): string {
  return isReadOnlyError(e) ? '数据文件夹不能写入' : '文件正被其他程序占用或无法访问';
}

export interface StoreOptions {
  dataDir: string;
  /** The clock; tests move it to expire the trash. */
  now?: () => Date;
  maxBackups?: number;
  trashDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const INDEX_BACKUPS = '.index'; // a dot keeps it apart from report ids, which cannot contain one

/** A name for a second copy of a report, distinct from the names taken: <name>（副本）, （副本2）… */
export function copyName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  let copy = `${name}（副本）`;
  for (let n = 2; names.has(copy); n++) copy = `${name}（副本${n}）`;
  return copy;
}

export function defaultReportName(org: string, year: number): string {
  return `${org.trim() || '未填写机关'}${year}年度报告`;
}

function toSummary(e: IndexEntry): ReportSummary {
  const s: ReportSummary = {
    id: e.id,
    name: e.name,
    org: e.org,
    year: e.year,
    format: e.format,
    updatedAt: e.updatedAt,
  };
  if (e.deletedAt) s.deletedAt = e.deletedAt;
  return s;
}

/** Validates what the renderer sends before anything is written. */
function checkReport(raw: unknown): Report {
  const parsed = parseReportJson(raw);
  if (!parsed.ok) throw new UserError(`报告内容有误，未保存：${parsed.error}`);
  return parsed.report;
}

function isNewerVersion(text: string): boolean {
  try {
    const v = (JSON.parse(text) as { schemaVersion?: unknown })?.schemaVersion;
    return typeof v === 'number' && v > CURRENT_SCHEMA_VERSION;
  } catch {
    return false;
  }
}

export class ReportStore {
  readonly notices: string[] = [];
  /** The folder cannot be written: nothing is repaired on disk and every change is refused. */
  readOnly = false;
  private releaseLock: (() => Promise<void>) | null = null;
  /**
   * Reports whose damaged file could not be moved aside: kept in the index (the next start tries
   * again) but left out of this session, with the notice that says why.
   */
  private readonly unavailable = new Map<string, string>();
  readonly dataDir: string;
  private readonly db: Low<IndexData>;
  private readonly now: () => Date;
  private readonly maxBackups: number;
  private readonly trashDays: number;
  private queue: Promise<unknown> = Promise.resolve();
  /** id -> text of its last save, so that an autosave without changes writes nothing. */
  private readonly lastText = new Map<string, string>();

  constructor(opts: StoreOptions) {
    this.dataDir = opts.dataDir;
    this.now = opts.now ?? (() => new Date());
    this.maxBackups = opts.maxBackups ?? MAX_BACKUPS;
    this.trashDays = opts.trashDays ?? TRASH_DAYS;
    this.db = createIndexDb(this.indexPath);
  }

  get indexPath(): string {
    return join(this.dataDir, 'index.json');
  }
  reportPath(id: string): string {
    return join(this.dataDir, 'reports', `${id}.json`);
  }
  backupDir(id: string): string {
    return join(this.dataDir, 'backups', id);
  }
  private get indexBackupDir(): string {
    return this.backupDir(INDEX_BACKUPS);
  }

  /** Runs store operations one at a time, in call order. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  // ---- opening and repair ----------------------------------------------------------------

  /** Refuses a change while the folder is read-only. */
  private writable(): void {
    if (this.readOnly)
      throw new UserError(
        `数据文件夹“${this.dataDir}”不能写入，修改不会保存。请把报告另存为报告文件，或检查文件夹权限后重新启动。`,
        'readOnly',
      );
  }

  /** Loads the index, repairs what is damaged, empties the expired trash. Called once by openStore. */
  async load(): Promise<void> {
    return this.serial(async () => {
      const folder = await takeFolder(this.dataDir);
      this.readOnly = folder.readOnly;
      this.releaseLock = folder.release;
      await removeStaleTempFiles(this.dataDir);
      await removeStaleTempFiles(join(this.dataDir, 'reports'));
      for (const d of await readdir(join(this.dataDir, 'backups')).catch(() => [] as string[])) {
        await removeStaleTempFiles(join(this.dataDir, 'backups', d));
      }

      let indexRecovered = false;
      try {
        await this.db.read();
      } catch (e) {
        if (!(e instanceof DamagedFileError)) throw fsErrorToUser(e, '无法读取报告列表');
        await this.recoverIndex();
        indexRecovered = true;
      }
      let changed = indexRecovered;
      for (const entry of [...this.db.data.reports]) {
        try {
          if (await this.checkEntry(entry, indexRecovered)) changed = true;
        } catch (e) {
          // One report must not keep the others from opening.
          const user = fsErrorToUser(e, '读取');
          this.notices.push(say.reportUnreadable(entry.name, user instanceof UserError ? user.message : '未知原因'));
          console.error('[nianbao] checking a report failed:', e);
        }
      }
      if (await this.adoptOrphans()) changed = true;
      if (!this.readOnly && this.expiredTrash().length) {
        await this.purge(this.expiredTrash());
        changed = true;
      }
      if (changed && !this.readOnly) await this.writeIndex(true);
    });
  }

  /** Renames a damaged file out of the way; null (and why) when it cannot be moved. */
  private async setAside(path: string): Promise<{ path: string; why?: undefined } | { path: null; why: string }> {
    if (this.readOnly) return { path: null, why: '数据文件夹不能写入' };
    try {
      return { path: await this.moveAside(path) };
    } catch (e) {
      return { path: null, why: whyNotMoved(e) };
    }
  }

  private async moveAside(path: string): Promise<string> {
    let target = `${path}.damaged-${stampOf(this.now())}`;
    for (
      let i = 2;
      await stat(target).then(
        () => true,
        () => false,
      );
      i++
    )
      target = `${path}.damaged-${stampOf(this.now())}-${i}`;
    await renameWithRetry(path, target);
    return target;
  }

  private async recoverIndex(): Promise<void> {
    const aside = await this.setAside(this.indexPath);
    if (aside.path === null) this.notices.push(say.indexNotSetAside(this.indexPath, aside.why));
    for (const id of await listBackupIds(this.indexBackupDir)) {
      const data = parseIndexText((await readBackup(this.indexBackupDir, id)) ?? '');
      if (data) {
        this.db.data = data;
        if (aside.path) this.notices.push(say.indexRestored(dateOfStamp(id)!, aside.path));
        return;
      }
    }
    this.db.data = emptyIndex();
    if (aside.path) this.notices.push(say.indexRebuilt(aside.path));
  }

  /** Reads a report file, repairing it from its backups when it is damaged or missing. */
  private async readChecked(entry: IndexEntry): Promise<Report | null> {
    const path = this.reportPath(entry.id);
    let text: string | null = null;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fsErrorToUser(e, `无法读取报告“${entry.name}”`);
    }
    if (text !== null) {
      const parsed = parseReportText(text);
      if (parsed.ok) {
        this.lastText.set(entry.id, serializeReport(parsed.report));
        return parsed.report;
      }
      // A file from a newer version of the app is not damaged: leave it for that version.
      if (isNewerVersion(text)) throw new UserError(parsed.error);
    }
    return this.recoverReport(entry, text !== null);
  }

  private async recoverReport(entry: IndexEntry, fileExists: boolean): Promise<Report | null> {
    const path = this.reportPath(entry.id);
    const moved = fileExists ? await this.setAside(path) : null;
    // Read-only: the backup is shown as it is, the damaged file stays where it is.
    if (moved && moved.path === null && !this.readOnly) return this.leaveInPlace(entry, moved.why);
    const aside = moved?.path ?? null;
    const dir = this.backupDir(entry.id);
    for (const id of await listBackupIds(dir)) {
      const parsed = parseReportText((await readBackup(dir, id)) ?? '');
      if (!parsed.ok) continue;
      const text = serializeReport(parsed.report);
      if (!this.readOnly) await writeFileAtomic(path, text);
      this.lastText.set(entry.id, text);
      const at = dateOfStamp(id)!;
      // A report in the trash that had lost its file is restored silently: the user deleted it.
      if (!entry.deletedAt)
        this.notices.push(
          this.readOnly
            ? say.reportShownFromBackup(entry.name, at)
            : aside
              ? say.reportRestored(entry.name, at, aside)
              : say.reportMissingRestored(entry.name, at),
        );
      return parsed.report;
    }
    if (this.readOnly && fileExists) return this.leaveInPlace(entry, '数据文件夹不能写入');
    if (!entry.deletedAt || aside)
      this.notices.push(aside ? say.reportLost(entry.name, aside) : say.reportMissingLost(entry.name));
    this.db.data.reports = this.db.data.reports.filter((e) => e.id !== entry.id);
    return null;
  }

  private leaveInPlace(entry: IndexEntry, why: string): null {
    const notice = say.reportNotSetAside(entry.name, this.reportPath(entry.id), why);
    this.notices.push(notice);
    this.unavailable.set(entry.id, notice);
    return null;
  }

  /** The index entries this session shows. */
  private get shown(): IndexEntry[] {
    return this.db.data.reports.filter((e) => !this.unavailable.has(e.id));
  }

  /** Brings an index entry in line with its file. Returns whether the entry changed. */
  private async checkEntry(entry: IndexEntry, refreshTimes: boolean): Promise<boolean> {
    let report: Report | null;
    try {
      report = await this.readChecked(entry);
    } catch (e) {
      if (e instanceof UserError) return false; // newer version, or unreadable now: keep the entry as is
      throw e;
    }
    if (!report) return true;
    const before = JSON.stringify(entry);
    this.describe(entry, report);
    if (refreshTimes) {
      const mtime = await stat(this.reportPath(entry.id)).then(
        (s) => s.mtime.toISOString(),
        () => entry.updatedAt,
      );
      if (mtime > entry.updatedAt) entry.updatedAt = mtime;
    }
    return JSON.stringify(entry) !== before;
  }

  /** Report files the index does not list (a crash between writing a new report and the index). */
  private async adoptOrphans(): Promise<boolean> {
    const known = new Set(this.db.data.reports.map((e) => e.id));
    const names = await readdir(join(this.dataDir, 'reports')).catch(() => [] as string[]);
    const adopted: string[] = [];
    for (const n of names) {
      const m = /^([A-Za-z0-9_-]+)\.json$/.exec(n);
      if (!m || known.has(m[1])) continue;
      const mtime = await stat(join(this.dataDir, 'reports', n)).then(
        (s) => s.mtime.toISOString(),
        () => this.now().toISOString(),
      );
      const entry: IndexEntry = {
        id: m[1],
        name: m[1],
        customName: false,
        org: '',
        year: 0,
        format: '2021',
        createdAt: mtime,
        updatedAt: mtime,
      };
      this.db.data.reports.push(entry);
      const report = await this.readChecked(entry).catch(() => null);
      if (!report) {
        this.db.data.reports = this.db.data.reports.filter((e) => e !== entry);
        continue;
      }
      this.describe(entry, report);
      adopted.push(entry.name);
    }
    if (adopted.length) this.notices.push(say.orphansFound(adopted));
    return adopted.length > 0;
  }

  private describe(entry: IndexEntry, report: Report): void {
    entry.org = report.org;
    entry.year = report.year;
    entry.format = report.format;
    if (!entry.customName) entry.name = defaultReportName(report.org, report.year);
  }

  private expiredTrash(): IndexEntry[] {
    const limit = this.now().getTime() - this.trashDays * DAY_MS;
    return this.db.data.reports.filter((e) => e.deletedAt && Date.parse(e.deletedAt) <= limit);
  }

  /** Deletes for good. Backups go first, so a crash midway never brings a purged report back as live. */
  private async purge(entries: IndexEntry[]): Promise<void> {
    for (const e of entries) {
      await rm(this.backupDir(e.id), { recursive: true, force: true });
      await unlink(this.reportPath(e.id)).catch(() => {});
      this.lastText.delete(e.id);
    }
    const gone = new Set(entries.map((e) => e.id));
    this.db.data.reports = this.db.data.reports.filter((e) => !gone.has(e.id));
  }

  private async writeIndex(keepVersion: boolean): Promise<void> {
    await this.db.write();
    if (keepVersion) await writeBackup(this.indexBackupDir, serializeIndex(this.db.data), this.now(), this.maxBackups);
  }

  // ---- lookups -----------------------------------------------------------------------------

  private entry(id: string): IndexEntry {
    const away = this.unavailable.get(id);
    if (away) throw new UserError(away);
    const e = this.db.data.reports.find((r) => r.id === id);
    if (!e) throw new UserError('找不到这份报告，可能已被彻底删除。请刷新报告列表。');
    return e;
  }

  private liveEntry(id: string): IndexEntry {
    const e = this.entry(id);
    if (e.deletedAt) throw new UserError(`报告“${e.name}”在回收站中，请先恢复它再操作。`);
    return e;
  }

  /** Writes a report: a backup first (so the newest backup always equals the current file), then the file. */
  private async writeReport(id: string, text: string): Promise<void> {
    await writeBackup(this.backupDir(id), text, this.now(), this.maxBackups);
    await writeFileAtomic(this.reportPath(id), text);
    this.lastText.set(id, text);
  }

  private async guarded<T>(action: string, fn: () => Promise<T>, write = true): Promise<T> {
    return this.serial(async () => {
      if (write) this.writable();
      try {
        return await fn();
      } catch (e) {
        throw fsErrorToUser(e, action);
      }
    });
  }

  // ---- the API -----------------------------------------------------------------------------

  list(): Promise<ReportSummary[]> {
    return this.serial(async () =>
      this.shown
        .filter((e) => !e.deletedAt)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map(toSummary),
    );
  }

  listTrash(): Promise<ReportSummary[]> {
    return this.guarded(
      '清理回收站',
      async () => {
        const expired = this.readOnly ? [] : this.expiredTrash();
        if (expired.length) {
          await this.purge(expired);
          await this.writeIndex(true);
        }
        return this.shown
          .filter((e) => e.deletedAt)
          .sort((a, b) => b.deletedAt!.localeCompare(a.deletedAt!))
          .map(toSummary);
      },
      false,
    );
  }

  async create(raw: unknown): Promise<{ id: string }> {
    const report = checkReport(raw);
    return this.guarded('新建报告', async () => {
      const id = randomUUID();
      const at = this.now().toISOString();
      await this.writeReport(id, serializeReport(report));
      const entry: IndexEntry = {
        id,
        name: '',
        customName: false,
        org: '',
        year: 0,
        format: '2021',
        createdAt: at,
        updatedAt: at,
      };
      this.describe(entry, report);
      // Never two reports of one name in the list: a second of the same organ and year is a copy.
      const names = this.db.data.reports.filter((r) => !r.deletedAt).map((r) => r.name);
      if (names.includes(entry.name)) Object.assign(entry, { name: copyName(entry.name, names), customName: true });
      this.db.data.reports.push(entry);
      await this.writeIndex(true);
      return { id };
    });
  }

  read(id: string): Promise<Report> {
    return this.open(id).then((r) => r.report);
  }

  /** A report with its revision, which a save must name as its base. */
  open(id: string): Promise<{ report: Report; revision: string }> {
    return this.guarded(
      '打开报告',
      async () => {
        const entry = this.liveEntry(id);
        const report = await this.readChecked(entry);
        if (!report) {
          if (!this.readOnly) await this.writeIndex(true);
          throw new UserError(this.notices[this.notices.length - 1]);
        }
        return { report, revision: revisionOf(this.lastText.get(id)!) };
      },
      false,
    );
  }

  /** The stored text of a live report (read when it was not read since the store opened). */
  private async storedText(entry: IndexEntry): Promise<string> {
    const known = this.lastText.get(entry.id);
    if (known !== undefined) return known;
    if (!(await this.readChecked(entry))) throw new UserError(this.notices[this.notices.length - 1]);
    return this.lastText.get(entry.id)!;
  }

  /**
   * Saves a report edited from the version `baseRevision`. Refused (code 'conflict') when the
   * stored report has changed since, unless it already holds exactly this content. The API
   * always passes a base; only callers that own the report outright (tools, tests) omit it.
   */
  async save(id: string, raw: unknown, baseRevision?: string): Promise<{ savedAt: string; revision: string }> {
    const report = checkReport(raw);
    return this.guarded('保存报告', async () => {
      const entry = this.liveEntry(id);
      const text = serializeReport(report);
      const stored = await this.storedText(entry);
      if (stored === text) return { savedAt: entry.updatedAt, revision: revisionOf(text) };
      if (baseRevision !== undefined && revisionOf(stored) !== baseRevision)
        throw new UserError(CONFLICT_MESSAGE, 'conflict');
      await this.writeReport(id, text);
      entry.updatedAt = this.now().toISOString();
      this.describe(entry, report);
      await this.writeIndex(false);
      return { savedAt: entry.updatedAt, revision: revisionOf(text) };
    });
  }

  rename(id: string, name: string): Promise<void> {
    return this.guarded('重命名报告', async () => {
      const entry = this.liveEntry(id);
      const clean = name.trim();
      if (!clean) throw new UserError('报告名称不能为空。');
      if (clean.length > 200) throw new UserError('报告名称太长，请控制在200字以内。');
      entry.name = clean;
      entry.customName = true;
      await this.writeIndex(true);
    });
  }

  duplicate(id: string): Promise<{ id: string }> {
    return this.guarded('复制报告', async () => {
      const source = this.liveEntry(id);
      const report = await this.readChecked(source);
      if (!report) throw new UserError(this.notices[this.notices.length - 1]);
      const copyId = randomUUID();
      const at = this.now().toISOString();
      await this.writeReport(copyId, serializeReport(report));
      const name = copyName(
        source.name,
        this.db.data.reports.filter((r) => !r.deletedAt).map((r) => r.name),
      );
      this.db.data.reports.push({ ...source, id: copyId, name, customName: true, createdAt: at, updatedAt: at });
      await this.writeIndex(true);
      return { id: copyId };
    });
  }

  /** Moves a report to the trash, from which it can be restored for trashDays days. */
  remove(id: string): Promise<void> {
    return this.guarded('删除报告', async () => {
      const entry = this.liveEntry(id);
      entry.deletedAt = this.now().toISOString();
      await this.writeIndex(true);
    });
  }

  restore(id: string): Promise<void> {
    return this.guarded('恢复报告', async () => {
      const entry = this.entry(id);
      if (!entry.deletedAt) return;
      delete entry.deletedAt;
      await this.writeIndex(true);
    });
  }

  listBackups(id: string): Promise<BackupInfo[]> {
    return this.guarded(
      '读取备份列表',
      async () => {
        this.entry(id);
        const ids = await listBackupIds(this.backupDir(id));
        return ids.map((b) => ({ backupId: b, savedAt: dateOfStamp(b)!.toISOString() }));
      },
      false,
    );
  }

  /** The kept versions, newest first, each with what it changed from the one before (damaged ones left out). */
  listVersions(id: string): Promise<VersionInfo[]> {
    return this.guarded(
      '读取历史版本',
      async () => {
        this.liveEntry(id);
        return versionsIn(this.backupDir(id));
      },
      false,
    );
  }

  /** One kept version. */
  readVersion(id: string, backupId: string): Promise<{ report: Report }> {
    return this.guarded(
      '读取历史版本',
      async () => {
        this.liveEntry(id);
        return { report: await this.backupReport(id, backupId) };
      },
      false,
    );
  }

  private async backupReport(id: string, backupId: string): Promise<Report> {
    if (!isBackupId(backupId)) throw new UserError('找不到这个备份。');
    const text = await readBackup(this.backupDir(id), backupId);
    if (text === null) throw new UserError('找不到这个备份，它可能已被较新的版本替换。请刷新备份列表后重试。');
    const parsed = parseReportText(text);
    if (!parsed.ok) throw new UserError('这个备份已损坏，无法恢复。请选择其他备份。');
    return parsed.report;
  }

  /** Makes a backup the current version (itself saved as a new version, so nothing is lost). */
  restoreBackup(id: string, backupId: string): Promise<{ report: Report; revision: string }> {
    return this.guarded('恢复备份', async () => {
      const entry = this.liveEntry(id);
      const report = await this.backupReport(id, backupId);
      const clean = serializeReport(report);
      if ((await this.storedText(entry)) !== clean) {
        await this.writeReport(id, clean);
        entry.updatedAt = this.now().toISOString();
        this.describe(entry, report);
        await this.writeIndex(false);
      }
      return { report, revision: revisionOf(clean) };
    });
  }

  /** Waits for every pending write. */
  async flush(): Promise<void> {
    await this.serial(async () => {});
  }

  /** Waits for pending writes and gives the folder up for another process. */
  async close(): Promise<void> {
    await this.flush();
    await this.releaseLock?.();
    this.releaseLock = null;
  }
}

/** Opens (creating if needed) the store in a data folder, repairing what it must. */
export async function openStore(opts: StoreOptions): Promise<ReportStore> {
  const store = new ReportStore(opts);
  await store.load();
  return store;
}
