// Reads every file of a folder for the reviewer's desk (the command line and the bench; the app
// reads the files the reviewer picked one by one through the API). A file that is not a report
// is kept with its reading problem; only a folder that cannot be listed fails.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../../shared/api';
import type { Report } from '../../../shared/report';
import {
  reviewReports,
  toReadAgain,
  wantsPrevious,
  type LastYearInput,
  type ReviewInput,
  type ReviewResult,
} from '../../../shared/review';
import { readManyInIsolation, type BatchRead } from '../reading';
import { MAX_READERS } from '../reading/isolate';

/** Office's lock files (~$报告.docx) and hidden files are not reports of anybody. */
const skipped = (name: string) => name.startsWith('.') || name.startsWith('~$');

async function listFiles(dir: string, what: string): Promise<string[]> {
  let names: string[];
  try {
    const st = await stat(dir);
    if (!st.isDirectory()) throw new UserError(`“${dir}”不是文件夹。请指定存放各单位报告的文件夹。`);
    names = await readdir(dir);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`无法打开${what}“${dir}”：文件夹不存在或没有读取权限。`);
  }
  const files: string[] = [];
  for (const name of names.sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
    if (skipped(name)) continue;
    const st = await stat(join(dir, name)).catch(() => null);
    if (st?.isFile()) files.push(name);
  }
  return files;
}

/**
 * Reads the files in reader processes with time and memory limits, like every file the app reads
 * (a file without tables is still reviewed: its blanks are findings). Two processes at once, each
 * reading its share of the files in turn; the results in the given order. `previous` gives last
 * year's report per file, where one was matched.
 */
async function readAll(dir: string, files: string[], previous?: (Report | null)[]): Promise<BatchRead[]> {
  const lanes = Math.min(MAX_READERS, files.length);
  const out: BatchRead[] = new Array(files.length);
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const mine = files.map((f, i) => ({ f, i })).filter(({ i }) => i % lanes === lane);
      const reads = await readManyInIsolation(
        mine.map(({ f }) => ({ path: join(dir, f) })),
        { read: {}, previous: previous && mine.map(({ i }) => previous[i]) },
      );
      reads.forEach((r, k) => (out[mine[k].i] = r));
    }),
  );
  return out;
}

/** One file's reading; `readWithLast` when its numbers were read with last year's report. */
type FileRead = BatchRead & { readWithLast?: boolean };

const inputOf = (file: string, r: FileRead): ReviewInput =>
  r.ok ? { file, ...r.result, ...(r.readWithLast && { readWithLast: true }) } : { file, error: r.error };

/**
 * The files whose digit runs only last year's report can settle are read again with it (rule 6):
 * an organ is known only once its file is read, so this is a second pass over those files alone.
 */
async function rereadWithLast(dir: string, files: string[], reads: FileRead[], lasts: LastYearInput[]): Promise<void> {
  const firsts = reads.map((r) => (r.ok ? { report: r.result.report, wants: wantsPrevious(r.result) } : null));
  const again = toReadAgain(firsts, lasts);
  if (!again.length) return;
  const second = await readAll(
    dir,
    again.map((a) => files[a.index]),
    again.map((a) => a.last.report),
  );
  // A second reading that failed leaves the first.
  second.forEach((r, k) => {
    if (r.ok) reads[again[k].index] = { ok: true, result: r.result, readWithLast: true };
  });
}

export interface FolderReview extends ReviewResult {
  /** Files of last year's folder that could not be read as reports. */
  lastProblems: { file: string; error: string }[];
}

/** Last year's folder first, so that this year's files can be read with their organ's report of last year. */
export async function reviewFolder(dir: string, options: { lastDir?: string } = {}): Promise<FolderReview> {
  const files = await listFiles(dir, '报告文件夹');
  if (!files.length) throw new UserError(`文件夹“${dir}”中没有文件。请指定存放各单位报告的文件夹。`);
  const lasts: LastYearInput[] = [];
  const lastProblems: FolderReview['lastProblems'] = [];
  if (options.lastDir) {
    const lastFiles = await listFiles(options.lastDir, '上年报告文件夹');
    (await readAll(options.lastDir, lastFiles)).forEach((r, i) => {
      if (r.ok) lasts.push({ file: lastFiles[i], report: r.result.report });
      else lastProblems.push({ file: lastFiles[i], error: r.error });
    });
  }
  const reads: FileRead[] = await readAll(dir, files);
  if (lasts.length) await rereadWithLast(dir, files, reads, lasts);
  const inputs = files.map((f, i) => inputOf(f, reads[i]));
  return { ...reviewReports(inputs, lasts), lastProblems };
}
