// Finding the ledger in a sheet: the header row (not necessarily the first) and the columns by
// the words their headers contain, as ledgers name them.
import { normalizeLabel } from '../format/labels';
import type { FoundColumn, LedgerField, LedgerLayout, RawCell, RawSheet } from './types';

/**
 * Header words by field, best first: a header containing an earlier word wins over one
 * containing a later (收到日期 over 申请日期 when a ledger has both).
 */
export const HEADER_WORDS: Record<LedgerField, string[]> = {
  applicant: [
    '申请人类型',
    '申请人性质',
    '申请人类别',
    '申请人身份',
    '申请主体类型',
    '申请人分类',
    '主体类型',
    '类别',
    '类型',
  ],
  received: [
    '收到申请日期',
    '收到日期',
    '收到时间',
    '收文日期',
    '接收日期',
    '受理日期',
    '登记日期',
    '申请日期',
    '申请时间',
    '登记时间',
  ],
  answered: ['答复日期', '办结日期', '答复时间', '办结时间', '回复日期', '告知日期', '答复告知日期', '完成日期'],
  outcome: ['办理结果', '答复结果', '处理结果', '答复类型', '答复情况', '办理情况', '结果'],
  reason: ['不予公开理由', '具体情形', '不予公开原因', '不予公开依据', '理由', '原因', '情形'],
};

/** Headers of the column saying what was asked for: kept, never counted. */
const SUBJECT = /申请内容|所需信息|申请事项|内容描述|申请公开的内容|信息名称|申请信息/;

/** Headers that contain a field's words but mean something else (答复期限 is a deadline). */
const NOT_A_FIELD = /期限|截止|编号|序号|联系|电话|地址|姓名|名称|内容|备注|信息类别|信息类型|方式$/;

/** Rows searched for the header: ledgers put a title and notes above it, seldom more. */
const HEADER_SEARCH_ROWS = 30;

function cellText(c: RawCell): string {
  return c === null ? '' : normalizeLabel(String(c));
}

/** The field a header names and how well (higher is better), or null. */
export function headerField(header: string): { field: LedgerField; score: number } | null {
  // A note in brackets (申请人类型（自然人/法人）) neither names the field nor makes it long.
  const h = normalizeLabel(header).replace(/（[^）]*）/g, '');
  if (!h || h.length > 20 || NOT_A_FIELD.test(h)) return null;
  let best: { field: LedgerField; score: number } | null = null;
  for (const field of Object.keys(HEADER_WORDS) as LedgerField[]) {
    const words = HEADER_WORDS[field];
    for (let i = 0; i < words.length; i++) {
      if (!h.includes(words[i])) continue;
      // Earlier words and headers that are nothing but the word score higher.
      const score = 100 - i * 5 + (h === words[i] ? 10 : 0) + words[i].length;
      if (!best || score > best.score) best = { field, score };
      break;
    }
  }
  return best;
}

/** The columns a row names, each field taken by its best-named column. */
function columnsOf(row: RawCell[]): Partial<Record<LedgerField, FoundColumn & { score: number }>> {
  const out: Partial<Record<LedgerField, FoundColumn & { score: number }>> = {};
  row.forEach((c, index) => {
    if (typeof c !== 'string') return;
    const hit = headerField(c);
    if (!hit) return;
    const had = out[hit.field];
    if (!had || hit.score > had.score) out[hit.field] = { index, header: c.trim(), score: hit.score };
  });
  return out;
}

/** A header row must name at least the applicant type and the date received. */
function isHeader(cols: Partial<Record<LedgerField, unknown>>): boolean {
  return !!cols.applicant && !!cols.received && Object.keys(cols).length >= 3;
}

/** The header row of a sheet and its columns, or null when the sheet has none. */
export function findLayout(sheet: RawSheet): LedgerLayout | null {
  let best: { row: number; cols: ReturnType<typeof columnsOf>; n: number } | null = null;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cols = columnsOf(sheet.rows[r] ?? []);
    if (!isHeader(cols)) continue;
    const n = Object.keys(cols).length;
    if (!best || n > best.n) best = { row: r, cols, n };
  }
  if (!best) return null;
  const columns: LedgerLayout['columns'] = {};
  for (const [field, c] of Object.entries(best.cols) as [LedgerField, FoundColumn][]) {
    columns[field] = { index: c.index, header: c.header };
  }
  const header = sheet.rows[best.row];
  const s = header.findIndex((c) => typeof c === 'string' && SUBJECT.test(normalizeLabel(c)));
  const subject = s >= 0 ? { index: s, header: String(header[s]).trim() } : undefined;
  return { sheet: sheet.name, headerRow: best.row + 1, columns, otherSheets: [], ...(subject ? { subject } : {}) };
}

/** True for a row that repeats the header (ledgers printed page by page repeat it). */
export function repeatsHeader(row: RawCell[], layout: LedgerLayout): boolean {
  const c = layout.columns.received;
  return !!c && cellText(row[c.index] ?? null) === normalizeLabel(c.header);
}

/** Column names of the 登记 page and of messages: the first word ledgers use for each field. */
export const FIELD_LABELS: Record<LedgerField, string> = {
  applicant: HEADER_WORDS.applicant[0],
  received: HEADER_WORDS.received[1],
  answered: HEADER_WORDS.answered[0],
  outcome: HEADER_WORDS.outcome[0],
  reason: `${HEADER_WORDS.reason[0]}/${HEADER_WORDS.reason[1]}`,
};
