// Default names of the exported files: a name says what the file is (报送稿 = letter + report).
import { reportTitle } from '../format';
import type { Report } from '../report/model';

export type ExportKind = 'docx' | 'xlsx' | 'html' | 'pdf';

/** What the clerk hands up carries the letter: 报送稿. */
export const SUBMISSION_SUFFIX = '（报送稿）';

export function exportFileName(report: Pick<Report, 'org' | 'year'>, kind: ExportKind, reportOnly = false): string {
  const title = reportTitle(report.org.trim(), report.year);
  const withLetter = (kind === 'docx' || kind === 'pdf') && !reportOnly;
  return `${title}${withLetter ? SUBMISSION_SUFFIX : ''}.${kind}`;
}
