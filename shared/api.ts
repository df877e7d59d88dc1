// The one typed contract between the renderer and the main process. The Electron preload
// and the browser-mode HTTP host both implement it; every argument is validated with the
// schemas below before a service sees it.
import { z } from 'zod';
import type { FormatId } from './format';
import type { RawLedger } from './ledger/types';
import type { Report } from './report';

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
}

export interface BackupInfo {
  backupId: string;
  savedAt: string;
}

export interface ExportOptions {
  kind: 'docx' | 'xlsx';
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
}

export interface AppInfo {
  mode: 'electron' | 'browser';
  version: string;
  dataDir: string;
  /** Messages to show once at start, e.g. that a damaged store was recovered from a backup. */
  notices: string[];
}

export interface NianbaoApi {
  appInfo(): Promise<AppInfo>;
  listReports(): Promise<ReportSummary[]>;
  listTrash(): Promise<ReportSummary[]>;
  createReport(report: Report): Promise<{ id: string }>;
  openReport(id: string): Promise<{ id: string; report: Report }>;
  saveReport(id: string, report: Report): Promise<{ savedAt: string }>;
  renameReport(id: string, name: string): Promise<void>;
  duplicateReport(id: string): Promise<{ id: string }>;
  deleteReport(id: string): Promise<void>;
  restoreReport(id: string): Promise<void>;
  listBackups(id: string): Promise<BackupInfo[]>;
  restoreBackup(id: string, backupId: string): Promise<{ report: Report }>;
  /** Builds a .docx or .xlsx of a saved report; returns its bytes and the default file name. */
  exportFile(id: string, options: ExportOptions): Promise<{ fileName: string; base64: string }>;
  /** Reads any supported file (own file, .docx, .xlsx, .doc, .pdf, .txt) into a report. */
  readFile(file: FileBytes): Promise<ReadResult>;
  /** Reads an application ledger (.xlsx or .csv) into its sheets' cells; counting is shared/ledger's. */
  readLedger(file: FileBytes): Promise<RawLedger>;
}

/** What only the host window can do (save dialog, show in folder); browser mode uses downloads. */
export interface HostApi {
  saveFile(file: FileBytes): Promise<{ path: string } | null>;
  showInFolder(path: string): Promise<void>;
}

export const TRASH_DAYS = 30;
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, '无效的报告编号');
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
  saveReport: z.tuple([id, reportArg]),
  renameReport: z.tuple([id, z.string().trim().min(1, '名称不能为空').max(200)]),
  duplicateReport: z.tuple([id]),
  deleteReport: z.tuple([id]),
  restoreReport: z.tuple([id]),
  listBackups: z.tuple([id]),
  restoreBackup: z.tuple([
    id,
    z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/),
  ]),
  exportFile: z.tuple([id, z.object({ kind: z.enum(['docx', 'xlsx']), reportOnly: z.boolean().optional() })]),
  readFile: z.tuple([fileBytes]),
  readLedger: z.tuple([fileBytes]),
} satisfies Record<keyof NianbaoApi, z.ZodTypeAny>;

export const hostArgs = {
  saveFile: z.tuple([fileBytes]),
  showInFolder: z.tuple([z.string().min(1).max(4096)]),
} satisfies Record<keyof HostApi, z.ZodTypeAny>;

export type ApiMethod = keyof NianbaoApi;
export const API_METHODS = Object.keys(apiArgs) as ApiMethod[];

/** An error a service raises on purpose: its message is Chinese and safe to show the user. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** What crosses IPC or HTTP for every call: errors travel as Chinese messages, never as stacks. */
export type ApiResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export type Transport = (method: string, args: unknown[]) => Promise<ApiResponse>;

/** Wraps a transport (Electron IPC or HTTP) into a typed API whose calls reject with Chinese errors. */
export function createClient<T extends object>(transport: Transport, methods: readonly (keyof T & string)[]): T {
  const client = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const m of methods) {
    client[m] = async (...args: unknown[]) => {
      const res = await transport(m, args);
      if (!res.ok) throw new UserError(res.error);
      return res.value;
    };
  }
  return client as T;
}

export const HOST_METHODS = Object.keys(hostArgs) as (keyof HostApi)[];

/** Validates a call's arguments against its schema; the error message is Chinese. */
export function validateArgs(
  schemas: Record<string, z.ZodTypeAny>,
  method: string,
  args: unknown,
): { ok: true; args: unknown[] } | { ok: false; error: string } {
  const schema = Object.prototype.hasOwnProperty.call(schemas, method) ? schemas[method] : undefined;
  if (!schema) return { ok: false, error: `未知的操作“${method}”。` };
  const r = schema.safeParse(args);
  if (!r.success) {
    const first = r.error.issues[0];
    return { ok: false, error: `操作“${method}”的参数无效：${first?.message ?? '格式不对'}` };
  }
  return { ok: true, args: r.data as unknown[] };
}
