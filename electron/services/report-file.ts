// 打开报告文件: a .nianbao file (see shared/report/file.ts) read back, validated and brought to the
// current schema before it enters the store.
import { UserError, type OpenReportFileResult, type SameReportChoice } from '../../shared/api';
import { parseReportText, REPORT_FILE_EXT, sameReports, type Report } from '../../shared/report';
import { copyName, defaultReportName, type ReportStore } from './store';

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

/**
 * Brings an opened report file into the list. The same report already there (same organ and
 * year) is never overwritten or doubled silently: without a choice nothing is added and those
 * reports are returned; 'both' adds it under a distinct name (…（副本）); replace saves it over
 * the one chosen, whose former content stays in its 历史版本.
 */
export async function addReportFile(
  store: ReportStore,
  report: Report,
  choice?: SameReportChoice | null,
): Promise<OpenReportFileResult> {
  const live = await store.list();
  const same = sameReports(live, report.org, report.year);
  if (choice && 'replace' in choice) {
    if (!same.some((r) => r.id === choice.replace))
      throw new UserError('要替换的报告已不在报告列表中，或不是同一机关同一年度的报告，未作改动。请重新打开报告文件。');
    await store.save(choice.replace, report);
    return { id: choice.replace };
  }
  if (same.length && !choice) return { same };
  const { id } = await store.create(report);
  if (same.length)
    await store.rename(
      id,
      copyName(
        defaultReportName(report.org, report.year),
        live.map((r) => r.name),
      ),
    );
  return { id };
}
