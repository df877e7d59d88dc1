// A 勾稽 difference that exists only because the importer could not read some cells is a reading
// problem, not a mistake of last year's report: findings that concern a cell the tables stage
// left blank for a reason (ledger.unread) are told apart from the others, for the preview to show
// next to those rows.
import type { Finding } from '../rules/types';
import type { TableLedger } from './ledger';

export interface SeparatedFindings {
  /** Findings on cells the importer could not read: show as reading problems. */
  reading: Finding[];
  /** Findings of the report as published. */
  report: Finding[];
}

export function separateReadingFindings(findings: Finding[], ledger: TableLedger | undefined): SeparatedFindings {
  const unread = new Set(ledger?.unread ?? []);
  const reading: Finding[] = [];
  const report: Finding[] = [];
  for (const f of findings) (f.cells.some((c) => unread.has(c)) ? reading : report).push(f);
  return { reading, report };
}
