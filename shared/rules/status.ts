// A report's state in a few numbers, for the report list: what is wrong, what to look at, and how
// many cells are still blank. Warnings are counted as 检查结果 lists them (blanks by group).
import { getFormat } from '../format';
import type { Report } from '../report';
import { countFindings } from './blanks';
import { checkReport } from './engine';

export interface ReportStatus {
  errors: number;
  warnings: number;
  /** Table cells left blank (a blank is not a 0). */
  blanks: number;
}

export function reportStatus(report: Report): ReportStatus {
  const findings = checkReport(report);
  const counts = countFindings(findings, getFormat(report.format));
  let blanks = 0;
  for (const f of findings) if (f.rule === 'value.blank') blanks += f.cells.length;
  return { errors: counts.error, warnings: counts.warning, blanks };
}
