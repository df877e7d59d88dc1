// The one typed contract between the renderer and the main process. The Electron preload
// and the browser-mode HTTP host both implement it; every argument is validated with the
// schemas below before a service sees it.
import { z } from 'zod';
import type { FormatId } from './format';
import type { RawLedger } from './ledger/types';
import type { Report } from './report';
import type { TableLedger, TableProblem } from './parse/ledger';
import { reviewResultSchema } from './review/schema';
import type { ReviewResult } from './review/review';
import type { ReportStatus } from './rules/status';

export interface ReportSummary {
  id: string;
  /** Display name, by default <机关><年>年度报告 */
  name: string;
  org: string;
  year: number;
  format: FormatId;
  updatedAt: string;
  /** Set for reports in the trash (restorable for TRASH_DAYS days). */
  deletedAt?: string;
  /** Its findings and blanks as last saved (listReports; absent where the file cannot be read). */
  status?: ReportStatus;
}

/** 打开报告文件 when the list holds the same report: keep both (the copy named …（副本）) or replace one. */
export type SameReportChoice = { keep: 'both' } | { replace: string };

export type OpenReportFileResult = { id: string; same?: undefined } | { id?: undefined; same: ReportSummary[] };

/** What reading one file of readFiles gave: its report, or the Chinese reason it was not read. */
export type FileReadOutcome = { ok: true; result: ReadResult } | { ok: false; error: string };

/** At most this many files, and this many bytes together, in one readFiles call (the web host's body limit). */
export const MAX_BATCH_FILES = 25;
export const MAX_BATCH_BYTES = 60 * 1024 * 1024;

export interface BackupInfo {
  backupId: string;
  savedAt: string;
}

export interface ExportOptions {
  /** html: the report as one self-contained web page for the government site. */
  kind: 'docx' | 'xlsx' | 'html';
  /** .docx only: the report alone (for the website) instead of cover letter + report. */
  reportOnly?: boolean;
}

export interface FileBytes {
  name: string;
  /** File content, base64. */
  base64: string;
}

export interface ReadResult {
  report: Report;
  /** What could not be read, in Chinese. */
  problems: string[];
  /** What kind of file it was, in Chinese (本软件文件, Word 文档 …). */
  kind: string;
  /** The tables stage's problems, each naming its cells, and its ledger of rows (shared/parse/ledger.ts). */
  tables?: { problems: TableProblem[]; ledger: TableLedger };
  /** Cells the preview marks: blank or doubtful as read, with why (Chinese). */
  cellProblems?: { cell: string; message: string }[];
}

export interface AppInfo {
  mode: 'electron' | 'browser';
  version: string;
  dataDir: string;
  /** Messages to show once at start, e.g. that a damaged store was recovered from a backup. */
  notices: string[];
  /** The data folder could not be written: the app shows what is there, saves nothing. */
  readOnly?: boolean;
}

/** One kept version of a report (a backup), with what it changed from the version before it. */
export interface VersionInfo {
  backupId: string;
  savedAt: string;
  /** Chinese lines, e.g. 三、收到和处理政府信息公开申请情况：改了 3 个数字. */
  changes: string[];
}

export interface NianbaoApi {
  appInfo(): Promise<AppInfo>;
  listReports(): Promise<ReportSummary[]>;
  listTrash(): Promise<ReportSummary[]>;
  createReport(report: Report): Promise<{ id: string }>;
  /** `revision` names the stored version; a save must carry the revision it was based on. */
  openReport(id: string): Promise<{ id: string; report: Report; revision: string }>;
  /** Refused with code 'conflict' when the report was saved meanwhile from another window. */
  saveReport(id: string, report: Report, baseRevision: string): Promise<{ savedAt: string; revision: string }>;
  renameReport(id: string, name: string): Promise<void>;
  duplicateReport(id: string): Promise<{ id: string }>;
  deleteReport(id: string): Promise<void>;
  restoreReport(id: string): Promise<void>;
  listBackups(id: string): Promise<BackupInfo[]>;
  restoreBackup(id: string, backupId: string): Promise<{ report: Report; revision: string }>;
  /** 历史版本: the kept versions, newest first, each with what it changed. */
  listVersions(id: string): Promise<VersionInfo[]>;
  /** One kept version, for the preview. */
  readVersion(id: string, backupId: string): Promise<{ report: Report }>;
  /**
   * 打开报告文件: reads a .nianbao file (validated, migrated) into the store as a new report. When
   * the list already holds the same report (same organ and year) and no choice is given, nothing is
   * added and `same` lists those reports (most recent first), so that the clerk can choose.
   */
  openReportFile(file: FileBytes, choice?: SameReportChoice | null): Promise<OpenReportFileResult>;
  /** Builds a .docx, .xlsx or .html of a saved report; returns its bytes and the default file name. */
  exportFile(id: string, options: ExportOptions): Promise<{ fileName: string; base64: string }>;
  /**
   * Reads any supported file (own file, .docx, .xlsx, .doc, .pdf, .txt) into a report; with
   * `previous`, last year's report of the same organ, digits run together are split with it (rule 6).
   */
  readFile(file: FileBytes, options?: { previous?: Report | null } | null): Promise<ReadResult>;
  /**
   * 审核: reads several files in turn in one reader process (the same limits per file as readFile);
   * each file's outcome, in order. A file that cannot be read is an outcome, not a failed call.
   */
  readFiles(files: FileBytes[]): Promise<FileReadOutcome[]>;
  /** The reviewer's workbook (报告一览, 问题清单, 全县数据) of a review made in the renderer. */
  exportReview(result: ReviewResult): Promise<{ fileName: string; base64: string }>;
  /** Reads an application ledger (.xlsx or .csv) into its sheets' cells; counting is shared/ledger's. */
  readLedger(file: FileBytes): Promise<RawLedger>;
}

/** What only the host window can do (save dialog, show in folder); browser mode uses downloads. */
export interface HostApi {
  saveFile(file: FileBytes): Promise<{ path: string } | null>;
  showInFolder(path: string): Promise<void>;
  /**
   * 导出 PDF (desktop app): prints the page as shown (the preview, with its print CSS) to a PDF
   * and saves it under a name the clerk confirms; null when they cancel.
   */
  printToPdf(options: { name: string }): Promise<{ path: string } | null>;
}

/**
 * Browser mode: the secret of each launch. The host puts it in the address it prints and opens
 * (?key=…); the page sends it with every API call in this header.
 */
export const BROWSER_KEY_PARAM = 'key';
export const BROWSER_KEY_HEADER = 'x-nianbao-key';

export const TRASH_DAYS = 30;
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, '无效的报告编号');
const revision = z
  .string()
  .min(1, '缺少报告的版本号')
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, '无效的版本号');
const backupId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.-]+$/);
// The report itself is validated by the report schema in the service (it fills defaults).
const reportArg = z.record(z.string(), z.unknown());
const fileBytes = z.object({
  name: z.string().min(1).max(260),
  base64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 8, '文件超过100MB，无法读取'),
});

/** Argument schemas of every API method, as tuples. */
export const apiArgs = {
  appInfo: z.tuple([]),
  listReports: z.tuple([]),
  listTrash: z.tuple([]),
  createReport: z.tuple([reportArg]),
  openReport: z.tuple([id]),
  saveReport: z.tuple([id, reportArg, revision]),
  renameReport: z.tuple([id, z.string().trim().min(1, '名称不能为空').max(200)]),
  duplicateReport: z.tuple([id]),
  deleteReport: z.tuple([id]),
  restoreReport: z.tuple([id]),
  listBackups: z.tuple([id]),
  restoreBackup: z.tuple([id, backupId]),
  listVersions: z.tuple([id]),
  readVersion: z.tuple([id, backupId]),
  openReportFile: z.tuple([
    fileBytes,
    z.union([z.object({ keep: z.literal('both') }).strict(), z.object({ replace: id }).strict()]).nullish(),
  ]),
  exportFile: z.tuple([id, z.object({ kind: z.enum(['docx', 'xlsx', 'html']), reportOnly: z.boolean().optional() })]),
  // Last year's report is checked by the report schema where it is used (the reader, services/reading).
  readFile: z.tuple([fileBytes, z.object({ previous: reportArg.nullable().optional() }).nullable().optional()]),
  readFiles: z.tuple([
    z
      .array(fileBytes)
      .min(1)
      .max(MAX_BATCH_FILES)
      .refine(
        (files) => files.reduce((n, f) => n + f.base64.length, 0) <= Math.ceil((MAX_BATCH_BYTES * 4) / 3) + 8,
        '一次读取的文件合计超过60MB，请分批读取',
      ),
  ]),
  exportReview: z.tuple([reviewResultSchema]),
  readLedger: z.tuple([fileBytes]),
} satisfies Record<keyof NianbaoApi, z.ZodTypeAny>;

export const hostArgs = {
  saveFile: z.tuple([fileBytes]),
  showInFolder: z.tuple([z.string().min(1).max(4096)]),
  printToPdf: z.tuple([z.object({ name: z.string().trim().min(1).max(260) })]),
} satisfies Record<keyof HostApi, z.ZodTypeAny>;

export type ApiMethod = keyof NianbaoApi;
export const API_METHODS = Object.keys(apiArgs) as ApiMethod[];

/**
 * Errors the window answers differently from a plain failure: 'conflict' (saved meanwhile from
 * another window: offer to reload), 'readOnly' (the data folder cannot be written).
 */
export type ErrorCode = 'conflict' | 'readOnly';

/** An error a service raises on purpose: its message is Chinese and safe to show the user. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code?: ErrorCode,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The code of an error, if it is one the window answers differently. */
export function errorCode(e: unknown): ErrorCode | undefined {
  return e instanceof UserError ? e.code : undefined;
}

/** What crosses IPC or HTTP for every call: errors travel as Chinese messages, never as stacks. */
export type ApiResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: string; code?: ErrorCode };

export type Transport = (method: string, args: unknown[]) => Promise<ApiResponse>;

/** Wraps a transport (Electron IPC or HTTP) into a typed API whose calls reject with Chinese errors. */
export function createClient<T extends object>(transport: Transport, methods: readonly (keyof T & string)[]): T {
  const client = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const m of methods) {
    client[m] = async (...args: unknown[]) => {
      const res = await transport(m, args);
      if (!res.ok) throw new UserError(res.error, res.code);
      return res.value;
    };
  }
  return client as T;
}

export const HOST_METHODS = Object.keys(hostArgs) as (keyof HostApi)[];

/** zod's own messages are English: keep the Chinese ones our schemas give, say the rest in Chinese. */
function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return '格式不对';
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  const which = typeof issue.path[0] === 'number' ? `第${issue.path[0] + 1}个参数` : '参数';
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.path.length === 0) return '参数个数不对';
  if (issue.code === 'invalid_type') return `${which}的类型不对`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return `${which}的长度不对`;
  return `${which}的格式不对`;
}

/** Validates a call's arguments against its schema; the error message is Chinese. */
export function validateArgs(
  schemas: Record<string, z.ZodTypeAny>,
  method: string,
  args: unknown,
): { ok: true; args: unknown[] } | { ok: false; error: string } {
  const schema = Object.prototype.hasOwnProperty.call(schemas, method) ? schemas[method] : undefined;
  if (!schema) return { ok: false, error: `未知的操作“${method}”。` };
  const r = schema.safeParse(args);
  if (!r.success) return { ok: false, error: `操作“${method}”的参数无效：${issueText(r.error.issues[0])}` };
  return { ok: true, args: r.data as unknown[] };
}
