// The report model: what a report file holds. Stable across versions (see schemaVersion).
import type { FormatId } from '../format';
import type { ReportLedger } from '../ledger/types';

/** A number, or null for a cell left blank (a blank is not a zero). */
export type Cell = number | null;
/** rowId -> colId -> value */
export type TableData = Record<string, Record<string, Cell>>;

export interface NarrativePart {
  /** Id of a customary sub-part of the format, or `extra-N` for a heading found in a file. */
  id: string;
  heading: string;
  text: string;
}

export type NarrativeKey = 'overview' | 'problems' | 'other';
export type Narrative = Record<NarrativeKey, NarrativePart[]>;

export interface Contact {
  /** 联系人; a parsed report always has it ('' when not given), code building a contact may leave it out. */
  person?: string;
  office: string;
  address: string;
  postcode: string;
  phone: string;
  fax: string;
  email: string;
}

export interface CoverLetter {
  /** 县政府办 — printed as 县政府办： */
  recipient: string;
  /** Body of the letter; empty means the default text. */
  body: string;
  /** 成文日期, ISO YYYY-MM-DD, or '' while not set. */
  date: string;
  /** 发文字号, e.g. 紫审批发〔2023〕5号 ('' while not set). */
  docNumber: string;
  /** 签发人 (an upward document names who signed it off). */
  signer: string;
  /** "red": print the 红头 (发文机关标志 and red separator); "none": paper with a pre-printed 红头. */
  letterhead: Letterhead;
  /** 附件 line after the body (the attachment's name); '' for none. */
  attachment: string;
}

export type Letterhead = 'red' | 'none';

/** What is kept of last year's report: the balances carried and its text as reference. */
export interface PreviousYear {
  year: number;
  org: string;
  format: FormatId;
  /** 现行有效件数 of 规章 and 行政规范性文件: the baseline of rule 6. */
  inForce: { rules: Cell; normativeDocs: Cell };
  /** Last year's 四、结转下年度继续办理 row. */
  carryForward: Record<string, Cell>;
  narrative: Narrative;
  /** Every cell of last year's tables (cell id → value), for 同比 in drafted text; absent in older files. */
  figures?: Record<string, Cell>;
  /** Where it came from (file name), for the user. */
  source: string;
}

export interface Report {
  schemaVersion: number;
  format: FormatId;
  /** 统计年度 */
  year: number;
  /** 机关名称 */
  org: string;
  preamble: string;
  website: string;
  contact: Contact;
  cover: CoverLetter;
  narrative: Narrative;
  /** 二 (2021 format) */
  activeDisclosure: TableData;
  /** 二 (2019 format) */
  activeDisclosure2019?: TableData;
  /** 三 */
  applications: TableData;
  /** 四 */
  reviewLitigation: TableData;
  settings: { autoTotals: boolean };
  previous: PreviousYear | null;
  /** The application ledger kept on the 登记 page, and the clerk's choices for ledger values. */
  ledger?: ReportLedger;
}

export const NARRATIVE_SECTIONS: { no: number; key: NarrativeKey }[] = [
  { no: 1, key: 'overview' },
  { no: 5, key: 'problems' },
  { no: 6, key: 'other' },
];

export function narrativeKeyOf(no: number): NarrativeKey | null {
  return NARRATIVE_SECTIONS.find((s) => s.no === no)?.key ?? null;
}
