// Sections 二, 三 and 四: numbers found by their row and column labels. A row is found by its
// label wherever it sits; its numbers are read by the columns of its table's header when it is
// a real row of a grid that lines up, otherwise by position among the values after its label.
// The readers: table-disclosure.ts (二), table-matrix.ts (三), table-review.ts (四); what they
// share: table-rows.ts, and table-runs.ts for digit runs. tables-stage.ts runs all three with one ledger.
export type { TableKey } from '../format';
export { readDisclosure } from './table-disclosure';
export { readMatrix } from './table-matrix';
export { readReview } from './table-review';
export type { Range, TableContext, TableRead } from './table-rows';
