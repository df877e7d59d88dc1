// nianbao export FILE --docx OUT.docx --xlsx OUT.xlsx --html OUT.html [--report-only]
// Exports even when the report still has 勾稽 errors (the user is on a deadline): it warns on
// stderr and exits 0; 2 only when the input cannot be read or a file cannot be written.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../shared/api';
import { reportWebPage } from '../../shared/document/html';
import { exportNotes, notesText } from '../../shared/document/warnings';
import { checkReport } from '../../shared/rules';
import { buildDocx } from '../services/docx';
import { readInIsolation } from '../services/reading';
import { buildXlsx } from '../services/xlsx';
import { argErrorMessage } from './arg-errors.mjs';
import type { Io } from './run';

const USAGE =
  '用法：nianbao export 文件 --docx 输出.docx --xlsx 输出.xlsx --html 输出.html [--report-only]（--docx、--xlsx、--html 至少指定一个）';

/** Writes next to the target, then renames: a crash never leaves half a document behind. */
export async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件夹不存在'
        : code === 'EACCES' || code === 'EPERM'
          ? '没有写入权限'
          : code === 'EBUSY'
            ? '文件正被其他程序打开'
            : code === 'ENOSPC'
              ? '磁盘空间不足'
              : code === 'EISDIR'
                ? '这是一个文件夹'
                : '无法写入';
    throw new UserError(`无法写入“${path}”（${why}）。请换一个位置，或关闭正在打开该文件的 Word / Excel 后重试。`);
  }
}

export async function exportCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        docx: { type: 'string' },
        xlsx: { type: 'string' },
        html: { type: 'string' },
        'report-only': { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UserError(`参数有误：${argErrorMessage(e, '文件名')}。${USAGE}`);
  }
  const [file, ...extra] = parsed.positionals;
  const { docx, xlsx, html } = parsed.values;
  if (!file || extra.length) throw new UserError(`请指定一个要导出的报告文件。${USAGE}`);
  if (!docx && !xlsx && !html) throw new UserError(`请用 --docx、--xlsx 或 --html 指定输出文件。${USAGE}`);
  if (parsed.values['report-only'] && !docx)
    throw new UserError(`--report-only 只用于 Word 导出，请同时指定 --docx。${USAGE}`);
  const { report } = await readInIsolation({ path: file });

  // The letter's fields (发文字号, 签发人, 红头 …) come from the report file like everything else.
  const withLetter = !!docx && !parsed.values['report-only'];
  const notes = notesText(exportNotes(report, checkReport(report), withLetter));
  if (notes) io.err(notes);
  if (docx) {
    const out = resolve(docx);
    await writeAtomic(out, await buildDocx(report, { reportOnly: parsed.values['report-only'] }));
    io.out(`已导出 Word：${out}\n`);
  }
  if (xlsx) {
    const out = resolve(xlsx);
    await writeAtomic(out, await buildXlsx(report));
    io.out(`已导出 Excel：${out}\n`);
  }
  if (html) {
    const out = resolve(html);
    await writeAtomic(out, new TextEncoder().encode(reportWebPage(report)));
    io.out(`已导出网页：${out}\n`);
  }
  return 0;
}
