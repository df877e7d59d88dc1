// Reads every file of a folder for the reviewer's desk (the command line and the bench; the app
// reads the files the reviewer picked one by one through the API). A file that is not a report
// is kept with its reading problem; only a folder that cannot be listed fails.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../../shared/api';
import { reviewReports, type LastYearInput, type ReviewInput, type ReviewResult } from '../../../shared/review';
import { readManyInIsolation } from '../reading';
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
 * reading its share of the folder in turn; the results in the folder's order.
 */
async function readAll(dir: string, files: string[]): Promise<ReviewInput[]> {
  const lanes = Math.min(MAX_READERS, files.length);
  const out: ReviewInput[] = new Array(files.length);
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const mine = files.map((f, i) => ({ f, i })).filter(({ i }) => i % lanes === lane);
      const reads = await readManyInIsolation(
        mine.map(({ f }) => ({ path: join(dir, f) })),
        { read: {} },
      );
      reads.forEach((r, k) => {
        const { f, i } = mine[k];
        out[i] = r.ok ? { file: f, ...r.result } : { file: f, error: r.error };
      });
    }),
  );
  return out;
}

export interface FolderReview extends ReviewResult {
  /** Files of last year's folder that could not be read as reports. */
  lastProblems: { file: string; error: string }[];
}

export async function reviewFolder(dir: string, options: { lastDir?: string } = {}): Promise<FolderReview> {
  const files = await listFiles(dir, '报告文件夹');
  if (!files.length) throw new UserError(`文件夹“${dir}”中没有文件。请指定存放各单位报告的文件夹。`);
  const inputs = await readAll(dir, files);
  const lasts: LastYearInput[] = [];
  const lastProblems: FolderReview['lastProblems'] = [];
  if (options.lastDir) {
    const lastDir = options.lastDir;
    for (const r of await readAll(lastDir, await listFiles(lastDir, '上年报告文件夹'))) {
      const f = r.file;
      if ('error' in r) lastProblems.push({ file: f, error: r.error });
      else lasts.push({ file: f, report: r.report });
    }
  }
  return { ...reviewReports(inputs, lasts), lastProblems };
}
