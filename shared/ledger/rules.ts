// The 勾稽 check of a counted matrix: the rule engine run on the report with the matrix put in,
// keeping the findings on the matrix. Counting makes it empty by construction; the preview shows
// the engine's own word for it, and the tests assert it.
import { checkReport, type Finding } from '../rules';
import type { Report } from '../report/model';
import type { LedgerCount } from './types';

export function ledgerFindings(report: Report, counted: Pick<LedgerCount, 'applications'>): Finding[] {
  const withMatrix: Report = { ...report, applications: counted.applications, previous: null };
  return checkReport(withMatrix).filter((f) => f.cells.some((c) => c.startsWith('applications.')));
}

/**
 * Rule 5 on the counted matrix: its 二 against last year's 四 as the report keeps it. A ledger that
 * lacks last year's open applications shows here.
 */
export function ledgerCarryFindings(report: Report, counted: Pick<LedgerCount, 'applications'>): Finding[] {
  if (!report.previous) return [];
  return checkReport({ ...report, applications: counted.applications }).filter((f) => f.rule === 'carry.carriedOver');
}
