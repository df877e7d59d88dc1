// The report as one file to carry to another PC (另存为报告文件 / 打开报告文件): the report JSON as
// the store keeps it, named <机关><年>年政府信息公开工作年度报告.nianbao.
import { reportTitle } from '../format';
import type { Report } from './model';

export const REPORT_FILE_EXT = '.nianbao';

/** The file name of a report file; what Windows and Linux refuse in a name is replaced. */
export function reportFileName(report: Pick<Report, 'org' | 'year'>): string {
  const title = reportTitle(report.org.trim() || '未填写机关', report.year);
  return `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim()}${REPORT_FILE_EXT}`;
}
