// The 勾稽 check of a counted matrix: the rule engine run on the report with the matrix put in,
// keeping the findings on the matrix. Counting makes it empty by construction; the preview shows
// the engine's own word for it, and the tests assert it.
import { relations, type FormatDef } from '../format';
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

/** The matrix's 勾稽 rules in a sentence, from the format's relations: 每列一+二=三（七）+四；… */
export function matrixRulesText(format: FormatDef): string {
  const rel = relations(format);
  const b = rel.balances[0];
  const row = rel.sums.find((s) => s.rule === 'matrix.rowTotal')!;
  const col = rel.sums.find((s) => s.rule === 'matrix.resultTotal')!;
  return `每列${b.leftLabel}=${b.rightLabel}，每行${row.targetLabel}=各列之和，每列${col.targetLabel}=${col.partsDesc}`;
}
