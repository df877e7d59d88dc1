// Reading a report with last year's report of the same organ at hand (shared/parse's
// ParseOptions.previous: rule 6 splits digits run together). Which organ a file is of is only known
// once it is read, so a file is read, its last year's report looked up, and read again with it —
// only when the first reading left something that last year's report can settle.
import type { ReadResult } from '../api';
import type { Report } from '../report';
import { matchByOrgan, type OrgMatch } from './organ';
import type { LastYearInput } from './review';

/** Whether a reading left digit runs that more than one split fits (what last year's report can settle). */
export function wantsPrevious(read: Pick<ReadResult, 'tables'>): boolean {
  return read.tables?.problems.some((p) => p.kind === 'ambiguous') ?? false;
}

/**
 * Last year's report of the report's organ among candidates: matched by organ as the review matches
 * (matchByOrgan), and of exactly the year before — a report of another year would split the digits
 * wrongly, so it is not taken, and the note says why.
 */
export function previousOf<T>(
  report: Pick<Report, 'org' | 'year'>,
  candidates: readonly T[],
  of: (t: T) => { org: string; year: number | null },
): OrgMatch<T> {
  const match = matchByOrgan(report.org, report.year, candidates, of);
  if (!match.item) return match;
  const year = of(match.item).year;
  if (year !== report.year - 1)
    return { item: null, note: `上年报告是${year ?? '未知'}年的，不是${report.year - 1}年的，读取数字时未使用` };
  return match;
}

/**
 * Of a folder's readings (null: not read), those to read again and with which of last year's
 * reports: the ones whose digit runs stayed ambiguous (`wants`) and whose organ has a report of
 * the year before among `lasts`.
 */
export function toReadAgain(
  reads: readonly ({ report: Report; wants: boolean } | null)[],
  lasts: readonly LastYearInput[],
): { index: number; last: LastYearInput }[] {
  return reads.flatMap((r, index) => {
    if (!r?.wants) return [];
    const last = previousOf(r.report, lasts, (l) => ({ org: l.report.org, year: l.report.year })).item;
    return last ? [{ index, last }] : [];
  });
}

/** A report read with (or without) last year's report, and the line that tells the user which. */
export interface ReadWithPrevious {
  result: ReadResult;
  /** Last year's report the numbers were read with; null when read without. */
  previous: Report | null;
  /** Why last year's report was not used, when one was looked for and not found or not fit (Chinese). */
  note: string;
}

/**
 * Reads a file, and when its digit runs stay ambiguous, looks up last year's report of its organ
 * (`find`, given the report as first read) and reads it again with it. A look-up or a second
 * reading that fails leaves the first one: the file never goes unread because of last year's report.
 */
export async function readWithPrevious(
  read: (previous?: Report) => Promise<ReadResult>,
  find: (report: Report) => Promise<{ report: Report | null; note: string }>,
): Promise<ReadWithPrevious> {
  const first = await read();
  if (!wantsPrevious(first)) return { result: first, previous: null, note: '' };
  let found: { report: Report | null; note: string };
  try {
    found = await find(first.report);
  } catch {
    return { result: first, previous: null, note: '未能查找上年报告，已按不参考上年报告读取' };
  }
  if (!found.report) return { result: first, previous: null, note: found.note };
  try {
    return { result: await read(found.report), previous: found.report, note: '' };
  } catch {
    return { result: first, previous: null, note: '用上年报告重新读取时出错，已保留第一次读取的结果' };
  }
}

/** The one line that says last year's report was used to read the numbers (preview, command line). */
export function previousUsedLine(previous: Pick<Report, 'org' | 'year'>): string {
  return `已参考前一年的报告（${previous.org || '未写机关名称'}${previous.year}年）拆分连在一起的数字。`;
}
