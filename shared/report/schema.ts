// The report file schema (zod). Lenient where a file written by hand or by an older version
// may leave things out: every key but the essentials takes its default.
import { z } from 'zod';
import { getFormat, requiredFormatFor, type FormatDef, type FormatId } from '../format';
import { ledgerSchema } from '../ledger/schema';
import { emptyNarrative, emptyReport } from './defaults';
import { migrate } from './migrate';
import type { Narrative, NarrativePart, Report, TableData } from './model';

const BLANK = new Set(['', '/', '／', '-', '—', '－', '无', '空']);

/** Accepts numbers, numeric strings ("5", " 0 ", "1,234") and blanks; anything else is rejected. */
export const cellSchema = z.preprocess(
  (v) => {
    if (v === undefined) return null;
    if (typeof v === 'string') {
      // NFKC: full-width digits and signs (５, ＋１４４) as typed with a Chinese input method.
      const t = v.normalize('NFKC').trim().replace(/,/g, '');
      if (BLANK.has(t)) return null;
      const n = Number(t);
      return Number.isFinite(n) ? n : v;
    }
    return v;
  },
  z.number({ error: '应为数字或空白' }).refine(Number.isFinite, '应为有限的数字').nullable(),
);

const rowSchema = z.record(z.string(), cellSchema);
const tableSchema = z.record(z.string(), rowSchema);

const partSchema = z.object({
  id: z.string().default(''),
  heading: z.string().default(''),
  text: z.string().default(''),
});
const narrativeSchema = z
  .object({
    overview: z.array(partSchema).optional(),
    problems: z.array(partSchema).optional(),
    other: z.array(partSchema).optional(),
  })
  .partial();

const str = z.string().default('');

/**
 * 成文日期 as written by hand (2023年1月30日, 2023-1-30, 2023/1/30, 2023.1.30) -> 2023-01-30.
 * Anything else is kept as it is, so that the rules can say what is wrong with it.
 */
export function toIsoDate(text: string): string {
  const m = text
    .normalize('NFKC')
    .trim()
    .match(/^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$/);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim();
}

const dateSchema = z.string().transform(toIsoDate);

/** Missing key and wrong type get different messages. */
const needed = (missing: string, wrong: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrong),
});

const previousSchema = z.object({
  year: z.number().int(),
  org: str,
  format: z.enum(['2021', '2019']).default('2021'),
  inForce: z.object({ rules: cellSchema, normativeDocs: cellSchema }).default({ rules: null, normativeDocs: null }),
  carryForward: rowSchema.default({}),
  narrative: narrativeSchema.default({}),
  figures: z.record(z.string().max(100), cellSchema).optional(),
  source: str,
});

export const reportFileSchema = z.object({
  schemaVersion: z.number().int().positive().default(1),
  format: z.enum(['2021', '2019'], { error: 'format 应为 "2021" 或 "2019"' }).default('2021'),
  year: z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : v),
    z
      .number(needed('缺少统计年度', '统计年度应为四位数字的年份'))
      .int('统计年度应为四位数字的年份')
      .min(2000, '年份不应早于2000年')
      .max(2100, '年份不应晚于2100年'),
  ),
  org: z.string(needed('缺少机关名称', '机关名称应为文字')),
  preamble: z.string().optional(),
  website: str,
  contact: z
    .object({ person: str, office: str, address: str, postcode: str, phone: str, fax: str, email: str })
    .partial()
    .default({}),
  cover: z
    .object({
      recipient: z.string(),
      body: z.string(),
      date: dateSchema,
      docNumber: z.string(),
      signer: z.string(),
      letterhead: z.enum(['red', 'none'], { error: 'cover.letterhead 应为 "red" 或 "none"' }),
      attachment: z.string(),
    })
    .partial()
    .default({}),
  narrative: narrativeSchema.default({}),
  activeDisclosure: tableSchema.default({}),
  activeDisclosure2019: tableSchema.optional(),
  applications: tableSchema.default({}),
  reviewLitigation: tableSchema.default({}),
  settings: z.object({ autoTotals: z.boolean().default(true) }).default({ autoTotals: true }),
  previous: previousSchema.nullable().default(null),
  ledger: ledgerSchema.optional(),
});

export type ParseResult = { ok: true; report: Report } | { ok: false; error: string };

/** Copies the values a file holds onto a full empty table, so that every cell of the format exists. */
function fillTable(base: TableData, given: TableData | undefined): TableData {
  if (!given) return base;
  for (const rowId of Object.keys(base)) {
    const row = given[rowId];
    if (!row) continue;
    for (const colId of Object.keys(base[rowId])) {
      if (row[colId] !== undefined) base[rowId][colId] = row[colId];
    }
  }
  return base;
}

function fillNarrative(
  format: FormatDef,
  given: Partial<Record<keyof Narrative, NarrativePart[] | undefined>>,
): Narrative {
  const base = emptyNarrative(format);
  for (const key of Object.keys(base) as (keyof Narrative)[]) {
    const parts = given[key];
    if (parts && parts.length) base[key] = parts.map((p, i) => ({ ...p, id: p.id || `extra-${i + 1}` }));
  }
  return base;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : '文件';
  return `${where}：${issue.message}`;
}

/**
 * A file that leaves out `format` is read by its content: the 2019 format's own section 二 or
 * its single （六）其他处理 row mark it; otherwise the format its year requires.
 */
function withFormat(obj: Record<string, unknown>): Record<string, unknown> {
  if (obj.format !== undefined) return obj;
  const apps = obj.applications && typeof obj.applications === 'object' ? Object.keys(obj.applications) : [];
  const ad = obj.activeDisclosure && typeof obj.activeDisclosure === 'object' ? Object.keys(obj.activeDisclosure) : [];
  const old = obj.activeDisclosure2019 !== undefined || apps.includes('other');
  const current = ad.length > 0 || apps.some((k) => k.startsWith('other.'));
  const year = typeof obj.year === 'number' ? obj.year : Number(obj.year);
  const format: FormatId =
    old && !current ? '2019' : current && !old ? '2021' : Number.isInteger(year) ? requiredFormatFor(year) : '2021';
  return { ...obj, format };
}

/** Parses a report file's JSON (any supported schema version) into a complete Report. */
export function parseReportJson(raw: unknown): ParseResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, error: '文件内容不是年度报告：应为一个 JSON 对象。' };
  }
  const obj = raw as Record<string, unknown>;
  if (!('applications' in obj) && !('activeDisclosure' in obj) && !('reviewLitigation' in obj) && !('year' in obj)) {
    return { ok: false, error: '文件内容不是年度报告：没有找到 year、applications 等报告字段。' };
  }
  const migrated = migrate(withFormat(obj));
  if (!migrated.ok) return migrated;
  const parsed = reportFileSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map(describeIssue);
    return { ok: false, error: `报告文件有误：${lines.join('；')}` };
  }
  const f = parsed.data;
  const format = getFormat(f.format);
  const base = emptyReport(f.org, f.year, f.format);
  const report: Report = {
    ...base,
    schemaVersion: base.schemaVersion,
    preamble: f.preamble ?? base.preamble,
    website: f.website,
    contact: { ...base.contact, ...f.contact },
    cover: { ...base.cover, ...f.cover },
    narrative: fillNarrative(format, f.narrative),
    activeDisclosure: fillTable(base.activeDisclosure, f.activeDisclosure),
    applications: fillTable(base.applications, f.applications),
    reviewLitigation: fillTable(base.reviewLitigation, f.reviewLitigation),
    settings: f.settings,
    previous: f.previous
      ? {
          ...f.previous,
          inForce: f.previous.inForce,
          narrative: fillNarrative(getFormat(f.previous.format), f.previous.narrative),
        }
      : null,
  };
  if (f.ledger) report.ledger = f.ledger;
  if (f.format === '2019') report.activeDisclosure2019 = fillTable(base.activeDisclosure2019!, f.activeDisclosure2019);
  return { ok: true, report };
}

/** Parses the text of a report file. */
export function parseReportText(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: '文件不是有效的 JSON，可能已损坏或不是本软件保存的报告。' };
  }
  return parseReportJson(raw);
}

/** The JSON text a report is saved as. */
export function serializeReport(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
