// A report's state in a few numbers, for the report list: what is wrong, what to look at, and how
// many cells are still blank.
import type { Report } from '../report';
import { checkReport } from './engine';

export interface ReportStatus {
  errors: number;
  warnings: number;
  /** Table cells left blank (a blank is not a 0). */
  blanks: number;
}

export function reportStatus(report: Report): ReportStatus {
  const status: ReportStatus = { errors: 0, warnings: 0, blanks: 0 };
  for (const f of checkReport(report)) {
    if (f.severity === 'error') status.errors++;
    else if (f.severity === 'warning') status.warnings++;
    if (f.rule === 'value.blank') status.blanks += f.cells.length;
  }
  return status;
}
