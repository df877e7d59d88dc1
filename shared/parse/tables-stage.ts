// The tables stage: lines in, the three tables of 二, 三 and 四 out, with one ledger of rows found,
// failed and missing, and every problem naming its cells. Errors are values; nothing throws.
import type { FormatDef } from '../format';
import type { Report, TableData } from '../report/model';
import { Ledger, type TableLedger, type TableProblem } from './ledger';
import type { Line } from './lines';
import { readDisclosure, readMatrix, readReview, type Range, type TableContext, type TableRead } from './tables';
import type { BlankPolicy } from './table-runs';
import { tokensOf } from './tokens';

export interface TablesInput {
  lines: Line[];
  format: FormatDef;
  /** Where each table is looked for (its section's lines; the whole text when the section was not found). */
  ranges: { disclosure: Range; applications: Range; review: Range };
  /** Last year's report, when known: its 现行有效件数 (rule 6) or item counts split this year's digit runs of 二. */
  previous?: Report | null;
}

export interface TablesValue {
  disclosure: TableRead;
  applications: TableRead;
  review: TableRead;
  /** Whether any of the three tables was found at all. */
  tablesFound: boolean;
}

export interface TablesStage {
  value: TablesValue;
  problems: TableProblem[];
  ledger: TableLedger;
}

/** What last year's report tells this year's reading: its 现行有效件数, or its item counts, per row (same format only). */
export function tableContext(format: FormatDef, previous?: Report | null): TableContext {
  if (!previous || previous.format !== format.id) return {};
  const data: TableData | undefined =
    format.disclosureKey === 'activeDisclosure' ? previous.activeDisclosure : previous.activeDisclosure2019;
  const lastInForce: Record<string, number | null> = {};
  const lastItems: Record<string, number | null> = {};
  for (const b of format.disclosure) {
    if (b.stock) for (const r of b.rows) lastInForce[r.id] = data?.[r.id]?.[b.stock.closing] ?? null;
    if (b.items) {
      for (const r of b.rows) {
        const last = data?.[r.id]?.[b.items.last] ?? null;
        const change = data?.[r.id]?.[b.items.change] ?? null;
        lastItems[r.id] = last === null || change === null ? null : last + change;
      }
    }
  }
  return { lastInForce, lastItems };
}

export function readTables(input: TablesInput): TablesStage {
  // First as if no blank cell vanished from a digit run; where the document shows one, again without.
  const first = readOnce(input, true);
  return first.blanksShown ? readOnce(input, false).stage : first.stage;
}

function readOnce(input: TablesInput, assumeFilled: boolean): { stage: TablesStage; blanksShown: boolean } {
  const { lines, format, ranges } = input;
  const ledger = new Ledger();
  const blanks: BlankPolicy = { assumeFilled, evidence: [], taken: 0 };
  const all = tokensOf(lines, 0, lines.length, { format });
  const context = tableContext(format, input.previous);
  const disclosure = readDisclosure(lines, ranges.disclosure, format, ledger, all, context, blanks);
  const applications = readMatrix(lines, ranges.applications, format, ledger, all, blanks);
  const review = readReview(lines, ranges.review, format, ledger, all, blanks);
  const tablesFound = disclosure.rows + applications.rows + review.rows > 0;
  const stage: TablesStage = {
    value: { disclosure, applications, review, tablesFound },
    problems: ledger.problems,
    ledger: ledger.ledger({ disclosure: disclosure.cells, applications: applications.cells, review: review.cells }),
  };
  return { stage, blanksShown: blanks.evidence.length > 0 || (blanks.taken > 0 && ledger.blanksSeen.length > 0) };
}
