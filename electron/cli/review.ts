// nianbao review DIR [--last LASTDIR] [--xlsx OUT.xlsx] [--json]
// Every report of a folder through every check; exit 0, 1 when any report has an error, 2 when
// the folder cannot be read.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UserError } from '../../shared/api';
import { duplicateNote, reviewHasErrors, type ReviewEntry } from '../../shared/review';
import { reviewFolder, type FolderReview } from '../services/review/folder';
import { buildReviewWorkbook } from '../services/review/workbook';
import { argErrorMessage } from './arg-errors.mjs';
import type { Io } from './run';

const USAGE = '用法：nianbao review 文件夹 [--last 上年文件夹] [--xlsx 输出.xlsx] [--json]';

function line(r: ReviewEntry): string {
  if (!r.isReport) return `  ✗ ${r.file}：${r.readProblems.join('；')}`;
  const repeat = r.repeatPercent === null ? '' : `，与上年重复${r.repeatPercent}%`;
  const read = r.readProblems.length ? `，读取提示${r.readProblems.length}条` : '';
  const withLast = r.readWithLast ? `，连在一起的数字已参考上年报告“${r.lastFile}”拆分` : '';
  const twice = r.duplicateOf ? `；${duplicateNote(r)}` : r.otherYear ? '；年度与其他报告不同，未计入全县数据' : '';
  const mark = r.errors ? '✗' : '✓';
  return `  ${mark} ${r.org || '（未写机关名称）'}${r.year ?? ''}年（${r.file}）：错误${r.errors}个，警告${r.warnings}个${repeat}${read}${withLast}${twice}`;
}

function summary(result: FolderReview): string {
  const t = result.totals;
  const out = [`共${t.files}个文件，其中报告${t.reports}份：`];
  for (const r of result.reports) out.push(line(r));
  for (const p of result.lastProblems) out.push(`  上年文件“${p.file}”未读取：${p.error}`);
  out.push(
    `有错误的报告${t.withErrors}份，错误共${t.errors}个，警告共${t.warnings}个` +
      (t.unreadable ? `；${t.unreadable}个文件不是报告或无法读取` : '') +
      '。',
  );
  const f = t.figures;
  if (f.received !== null) {
    const rate = f.substantiveRate === null ? '' : `，实质公开率${f.substantiveRate}%`;
    out.push(`全县本年新收政府信息公开申请${f.received}件${rate}。`);
  }
  return out.join('\n') + '\n';
}

export async function reviewCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, last: { type: 'string' }, xlsx: { type: 'string' } },
    });
  } catch (e) {
    throw new UserError(`参数有误：${argErrorMessage(e, '文件夹名')}。${USAGE}`);
  }
  const [dir, ...extra] = parsed.positionals;
  if (!dir) throw new UserError(`请指定存放各单位报告的文件夹。${USAGE}`);
  if (extra.length) throw new UserError(`一次只能审核一个文件夹，多出了“${extra.join('”“')}”。${USAGE}`);
  const result = await reviewFolder(dir, { lastDir: parsed.values.last });
  if (parsed.values.xlsx) {
    try {
      await writeFile(parsed.values.xlsx, await buildReviewWorkbook(result));
    } catch {
      throw new UserError(`无法写入“${parsed.values.xlsx}”：请确认文件夹存在、文件没有在 Excel/WPS 中打开。`);
    }
  }
  if (parsed.values.json) io.out(JSON.stringify(result) + '\n');
  else {
    io.out(summary(result));
    if (parsed.values.xlsx) io.out(`审核表已保存到 ${parsed.values.xlsx}\n`);
  }
  return reviewHasErrors(result) ? 1 : 0;
}
