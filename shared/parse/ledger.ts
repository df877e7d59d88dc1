// One account of what the table readers (二, 三, 四) found: rows read, rows found but not read,
// rows not found, cells left blank for a reason, and every problem with the cells it concerns.
// The tables stage returns it beside its value, so that the preview can mark the cells and a
// 勾稽 difference caused by an unread row is told apart from a mistake of the report itself.
import { cellId, type TableKey } from '../format';

export type TableProblemKind =
  /** A table not found at all. */
  | 'tableMissing'
  /** A row of the format not found in the file. */
  | 'rowMissing'
  /** A row found, its numbers not read (too few, too many). */
  | 'rowUnread'
  /** A cell that is not a number, or a number too large: left blank. */
  | 'cellUnread'
  /** Digits run together that split in more than one consistent way: those cells left blank. */
  | 'ambiguous'
  /** Cells computed from the others (a 总计 column that fell off the printed page). */
  | 'derived'
  /** Merged cells of an HTML table expanded only up to a limit. */
  | 'spanCapped'
  /** Digits run together, split on the assumption that no blank cell vanished: read, to be checked. */
  | 'assumed';

export interface TableProblem {
  kind: TableProblemKind;
  /** What happened and what to do, in Chinese, for the user. */
  message: string;
  /** Rows concerned, as `<table key>.<row id>`. */
  rows: string[];
  /** Cells concerned (ids of shared/format cellId). */
  cells: string[];
  /** For an ambiguous digit run: the digits as written. */
  digits?: string;
  /** For an ambiguous digit run: the readings that remain, each a value per cell of `cells` (null: blank). */
  readings?: (number | null)[][];
}

export interface TableLedger {
  /** Rows read with their numbers, `<table key>.<row id>`. */
  found: string[];
  /** Rows found by their label whose numbers could not be read. */
  failed: string[];
  /** Rows of the format not found. */
  missing: string[];
  /** Cells left blank because of a reading problem (not blanks of the file). */
  unread: string[];
  /** Cells whose value was derived rather than read. */
  derived: string[];
  /** Cells read (numbers and real blanks), per table. */
  cells: { disclosure: number; applications: number; review: number };
}

const rowKey = (table: TableKey, rowId: string) => `${table}.${rowId}`;

/** Collects the ledger and the problems while the readers go. */
export class Ledger {
  readonly problems: TableProblem[] = [];
  private found = new Set<string>();
  private failed = new Map<string, TableProblem>();
  private missing = new Set<string>();
  private unread = new Set<string>();
  private derived = new Set<string>();
  private blanks: string[] = [];

  rowRead(table: TableKey, rowId: string): void {
    const k = rowKey(table, rowId);
    this.found.add(k);
    this.failed.delete(k);
  }

  /** A row read, then found unsure: no longer read. */
  retract(table: TableKey, rowId: string): void {
    this.found.delete(rowKey(table, rowId));
  }

  isRead(table: TableKey, rowId: string): boolean {
    return this.found.has(rowKey(table, rowId));
  }

  /** A row found but not read; only its first failure is kept, and none once it is read. */
  rowFailed(table: TableKey, rowId: string, colIds: string[], message: string): void {
    const k = rowKey(table, rowId);
    if (this.found.has(k) || this.failed.has(k)) return;
    const cells = colIds.map((c) => cellId(table, rowId, c));
    this.failed.set(k, { kind: 'rowUnread', message, rows: [k], cells });
  }

  hasFailed(table: TableKey, rowId: string): boolean {
    return this.failed.has(rowKey(table, rowId));
  }

  rowMissing(table: TableKey, rowId: string, colIds: string[], message: string): void {
    const k = rowKey(table, rowId);
    this.missing.add(k);
    this.add({ kind: 'rowMissing', message, rows: [k], cells: colIds.map((c) => cellId(table, rowId, c)) });
  }

  /** Moves the failures kept so far into the problems, in the order given (the format's). */
  settleFailures(table: TableKey, rowIds: string[]): void {
    for (const id of rowIds) {
      const p = this.failed.get(rowKey(table, id));
      if (p && !this.problems.includes(p)) this.add(p);
    }
  }

  add(p: TableProblem): void {
    this.problems.push(p);
    if (p.kind === 'derived') for (const c of p.cells) this.derived.add(c);
    else if (p.kind !== 'spanCapped' && p.kind !== 'tableMissing' && p.kind !== 'assumed')
      for (const c of p.cells) this.unread.add(c);
  }

  /** A blank cell of the file itself (the document leaves cells blank, so a digit run may hide one). */
  blankSeen(cell: string): void {
    this.blanks.push(cell);
  }

  get blanksSeen(): readonly string[] {
    return this.blanks;
  }

  ledger(cells: TableLedger['cells']): TableLedger {
    return {
      found: [...this.found],
      failed: [...this.failed.keys()],
      missing: [...this.missing],
      unread: [...this.unread],
      derived: [...this.derived],
      cells,
    };
  }
}
