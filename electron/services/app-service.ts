// NianbaoApi over the store, the readers and the exporters, plus the one dispatcher that both
// Electron IPC and browser mode put every call through. Plain Node: never imports 'electron'.
import { apiArgs, UserError, validateArgs, type ApiResponse, type AppInfo, type NianbaoApi } from '../../shared/api';
import { reportWebPage } from '../../shared/document/html';
import { exportFileName } from '../../shared/document/names';
import { buildDocx } from './docx/index';
import { addReportFile, parseReportFile } from './report-file';
import { readInIsolation, readLedgerInIsolation, readManyInIsolation, type SpawnReader } from './reading';
import { fromBase64 } from './reading/base64';
import { ReportStatuses } from './report-status';
import { openStore, type ReportStore } from './store';
import { buildReviewWorkbook } from './review/workbook';
import { buildXlsx } from './xlsx/index';

export interface AppServiceOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  /** The clock, for tests. */
  now?: () => Date;
  /** How a file is read in a process of its own (Electron: its utility process); default a Node child process. */
  reader?: SpawnReader;
}

export interface AppService extends NianbaoApi {
  /** Resolves once the store is open (and repaired if it had to be). */
  ready(): Promise<void>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Creates the service. It returns at once; the store opens in the background and every call
 * waits for it, so a damaged store is repaired before the first answer.
 */
export function createAppService(opts: AppServiceOptions): AppService {
  const storePromise: Promise<ReportStore> = openStore({ dataDir: opts.dataDir, now: opts.now });
  storePromise.catch(() => {}); // reported by the first call that needs the store
  const store = () => storePromise;
  let statuses: ReportStatuses | null = null;

  return {
    async ready() {
      await storePromise;
    },
    async close() {
      await (await storePromise.catch(() => null))?.close();
    },
    async appInfo() {
      const s = await store();
      const info: AppInfo = { mode: opts.mode, version: opts.version, dataDir: opts.dataDir, notices: [...s.notices] };
      if (s.readOnly) info.readOnly = true;
      return info;
    },
    async listReports() {
      const s = await store();
      statuses ??= new ReportStatuses((id) => s.reportPath(id));
      return statuses.add(await s.list());
    },
    listTrash: async () => (await store()).listTrash(),
    createReport: async (report) => (await store()).create(report),
    openReport: async (id) => ({ id, ...(await (await store()).open(id)) }),
    saveReport: async (id, report, baseRevision) => (await store()).save(id, report, baseRevision),
    renameReport: async (id, name) => (await store()).rename(id, name),
    duplicateReport: async (id) => (await store()).duplicate(id),
    deleteReport: async (id) => (await store()).remove(id),
    restoreReport: async (id) => (await store()).restore(id),
    listBackups: async (id) => (await store()).listBackups(id),
    restoreBackup: async (id, backupId) => (await store()).restoreBackup(id, backupId),
    listVersions: async (id) => (await store()).listVersions(id),
    readVersion: async (id, backupId) => (await store()).readVersion(id, backupId),
    async openReportFile(file, choice) {
      const report = parseReportFile(file.name, fromBase64(file.name, file.base64));
      return addReportFile(await store(), report, choice);
    },
    async exportFile(id, options) {
      const report = await (await store()).read(id);
      const fileName = exportFileName(report, options.kind, options.reportOnly);
      if (options.kind === 'docx') {
        const bytes = await buildDocx(report, { reportOnly: options.reportOnly });
        return { fileName, base64: toBase64(bytes) };
      }
      if (options.kind === 'html') {
        return { fileName, base64: toBase64(new TextEncoder().encode(reportWebPage(report))) };
      }
      return { fileName, base64: toBase64(await buildXlsx(report)) };
    },
    readFile: (file, options) =>
      readInIsolation(
        { name: file.name, base64: file.base64 },
        { spawn: opts.reader, read: options?.previous ? { previous: options.previous } : {} },
      ),
    readFiles: (files) =>
      readManyInIsolation(
        files.map((f) => ({ name: f.name, base64: f.base64 })),
        { spawn: opts.reader },
      ),
    async exportReview(result) {
      const day = (opts.now?.() ?? new Date()).toISOString().slice(0, 10);
      return { fileName: `年度报告审核表（${day}）.xlsx`, base64: toBase64(await buildReviewWorkbook(result)) };
    },
    async readLedger(file) {
      return readLedgerInIsolation({ name: file.name, base64: file.base64 }, { spawn: opts.reader });
    },
  };
}

export const INTERNAL_ERROR =
  '操作没有完成：程序内部出错。请重试；如果问题依旧，请重新启动软件，已保存的内容不会丢失。';

/** Runs a function, turning errors into the envelope: UserError messages as they are, others generic. */
export async function toResponse(label: string, fn: () => Promise<unknown>): Promise<ApiResponse> {
  try {
    const value = await fn();
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    if (e instanceof UserError)
      return e.code ? { ok: false, error: e.message, code: e.code } : { ok: false, error: e.message };
    // The stack goes to the log only; the user gets a message that says what to do.
    console.error(`[nianbao] ${label} failed:`, e instanceof Error ? e.stack : e);
    return { ok: false, error: INTERNAL_ERROR };
  }
}

/** The one entry point for calls from the renderer, over IPC or HTTP: validate, run, wrap. */
export async function handleCall(service: NianbaoApi, method: string, args: unknown): Promise<ApiResponse> {
  const checked = validateArgs(apiArgs, method, args);
  if (!checked.ok) return { ok: false, error: checked.error };
  const fn = (service as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
  return toResponse(method, () => fn.apply(service, checked.args));
}
