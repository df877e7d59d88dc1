// The application ledger (依申请公开登记台账): what a reader hands over, the records found in it,
// the clerk's remembered choices, and what counting it gives.
import type { TableData } from '../report/model';

/** A cell as a reader gives it: text, a number (an Excel serial when it is a date), or null. */
export type RawCell = string | number | null;

/** One sheet of a ledger file; rows[i] is sheet row i + 1. */
export interface RawSheet {
  name: string;
  rows: RawCell[][];
}

export interface RawLedger {
  /** The file name, for messages. */
  file: string;
  sheets: RawSheet[];
}

/** The columns a ledger must (applicant, received) or may have. */
export type LedgerField = 'applicant' | 'received' | 'answered' | 'outcome' | 'reason';

/** One application as read from a ledger row (or a 登记 page entry). */
export interface LedgerRecord {
  /** Row number in the sheet (1-based), or the entry's number on the 登记 page. */
  row: number;
  applicant: string;
  received: RawCell;
  answered: RawCell;
  outcome: string;
  reason: string;
  /** 申请内容, when the ledger has such a column (not counted; kept when stored on the 登记 page). */
  subject?: string;
}

/** What an outcome may be mapped to besides a result row: still being handled at 31 December. */
export const OPEN = 'open';

/**
 * The clerk's choices for values that map to nothing by themselves, by normalised value
 * (see valueKey): applicant value -> column id; outcome value -> result row id or OPEN.
 */
export interface LedgerMapping {
  applicant: Record<string, string>;
  outcome: Record<string, string>;
}

/** An application kept on the 登记 page: the same columns as a ledger sheet, as text. */
export interface LedgerEntry {
  /** 收到日期, YYYY-MM-DD or as typed. */
  received: string;
  /** 申请人类型: a column label of the matrix or a word a ledger uses. */
  applicant: string;
  /** 申请内容 (for the clerk only; not counted). */
  subject: string;
  /** 答复日期, or '' while open. */
  answered: string;
  /** 办理结果: a result row's label, or ''. */
  outcome: string;
  /** 不予公开理由 / 具体情形. */
  reason: string;
}

/** The ledger a report keeps: entries typed on the 登记 page and the remembered mapping. */
export interface ReportLedger {
  entries: LedgerEntry[];
  mapping: LedgerMapping;
}

export type LedgerProblemKind = 'file' | 'header' | 'row' | 'unmapped';

export interface LedgerProblem {
  kind: LedgerProblemKind;
  /** Chinese: what is wrong and what to do. */
  message: string;
  /** Sheet rows concerned (1-based). */
  rows: number[];
  /** For unmapped values: which column and the value as written. */
  field?: 'applicant' | 'outcome';
  value?: string;
  /** For unmapped outcomes: the reason written beside the outcome. */
  reason?: string;
  /** For a row not placed: what is wrong with it, without the row number (没有收到日期). */
  detail?: string;
}

/** Where each ledger column was found. */
export interface FoundColumn {
  /** 0-based column index. */
  index: number;
  /** The header as written. */
  header: string;
}

export interface LedgerLayout {
  sheet: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  columns: Partial<Record<LedgerField, FoundColumn>>;
  /** Other sheets with a ledger header, not counted (one sheet is counted: see ledgerRecords). */
  otherSheets: string[];
  /** The 申请内容 column, if any (not counted). */
  subject?: FoundColumn;
}

export type MappedBy = 'label' | 'synonym' | 'remembered';

/** One distinct value seen in a column, and what it maps to. */
export interface SeenValue {
  field: 'applicant' | 'outcome';
  /** The value as written (outcome: with its reason, 不予公开｜属于国家秘密). */
  value: string;
  outcome?: string;
  reason?: string;
  /** Key under which a choice for it is remembered. */
  key: string;
  /** Column id, result row id or OPEN; null when it maps to nothing. */
  target: string | null;
  by: MappedBy | null;
  rows: number[];
}

export interface LedgerCount {
  /** Every cell of the matrix, totals included: a count, never blank. */
  applications: TableData;
  /** Cell id -> the ledger rows it counts. */
  sources: Record<string, number[]>;
  problems: LedgerProblem[];
  /** Applications read (non-empty rows under the header). */
  rows: number;
  /** Rows counted in the matrix. */
  counted: number;
  /** Rows received and answered before the reporting year: not part of this report. */
  earlier: number[];
}
