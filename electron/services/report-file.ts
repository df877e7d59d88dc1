// 打开报告文件: a .nianbao file (see shared/report/file.ts) read back, validated and brought to the
// current schema before it enters the store.
import { UserError } from '../../shared/api';
import { parseReportText, REPORT_FILE_EXT, type Report } from '../../shared/report';

/** A report file is a few hundred kilobytes; far more is not one. */
export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;

/** Reads a report file: the report, or a UserError saying in Chinese why not. */
export function parseReportFile(name: string, bytes: Uint8Array): Report {
  if (bytes.byteLength === 0) throw new UserError(`文件“${name}”是空的，不是报告文件。`);
  if (bytes.byteLength > MAX_REPORT_FILE_BYTES)
    throw new UserError(`文件“${name}”太大（超过20MB），不是本软件保存的报告文件。`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(
      `文件“${name}”不是本软件保存的报告文件（${REPORT_FILE_EXT}）。Word、Excel、PDF 等文件请用“从上年报告新建”导入。`,
    );
  }
  const parsed = parseReportText(text);
  if (!parsed.ok) throw new UserError(`无法打开报告文件“${name}”：${parsed.error}`);
  return parsed.report;
}
