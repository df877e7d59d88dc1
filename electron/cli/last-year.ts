// --last 上年文件 of nianbao check and nianbao import: last year's report of the same organ, used to
// read this year's file (digits run together, rule 6) and, by check, to compare the carry-over.
// A --last that cannot be read, or is not last year's report of the file's organ, is said and left
// out: the file is still read and checked without it.
import { basename } from 'node:path';
import { UserError, type ReadResult } from '../../shared/api';
import type { Report } from '../../shared/report';
import { previousOf, previousUsedLine, readWithPrevious } from '../../shared/review';
import { readInIsolation } from '../services/reading';

export interface ReadWithLastFile {
  result: ReadResult;
  /** Last year's report when it is the file's organ's report of the year before; else null. */
  last: Report | null;
  /** What to tell the user about --last (Chinese lines). */
  notes: string[];
}

const readPath = (path: string, previous?: Report) =>
  readInIsolation({ path }, { read: previous ? { requireTables: true, previous } : { requireTables: true } });

async function readLast(path: string): Promise<{ report: Report | null; note: string }> {
  try {
    return { report: (await readPath(path)).report, note: '' };
  } catch (e) {
    if (e instanceof UserError) return { report: null, note: `上年报告：${e.message}本次未使用上年报告。` };
    throw e;
  }
}

/** Reads FILE, with last year's report from LASTFILE where it fits. FILE's own refusals are thrown as ever. */
export async function readWithLastFile(file: string, lastPath?: string): Promise<ReadWithLastFile> {
  if (!lastPath) return { result: await readPath(file), last: null, notes: [] };
  const given = await readLast(lastPath);
  const last = given.report;
  if (!last) return { result: await readPath(file), last: null, notes: [given.note] };
  const fits = (report: Report) => previousOf(report, [last], (l) => l).item !== null;
  const read = await readWithPrevious(
    (previous) => readPath(file, previous),
    async (report) => ({ report: fits(report) ? last : null, note: '' }),
  );
  const report = read.result.report;
  if (!fits(report)) {
    const wanted = `${report.org || '本报告机关'}${report.year - 1}年`;
    const note = `上年报告“${basename(lastPath)}”是${last.org || '未写机关名称'}${last.year}年的报告，不是${wanted}的报告，本次未使用。`;
    return { result: read.result, last: null, notes: [note] };
  }
  return { result: read.result, last, notes: read.previous ? [previousUsedLine(read.previous)] : [] };
}
