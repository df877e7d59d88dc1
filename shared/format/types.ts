// Types describing an official report format as data. Everything that shows, checks,
// exports or imports a report walks these structures instead of spelling labels out.

export type FormatId = '2021' | '2019';

/** How a cell's value is constrained: counts are whole numbers ≥ 0, amounts decimals ≥ 0, changes signed integers. */
export type ValueKind = 'count' | 'amount' | 'change';

/** The three tables of a report, named by the key they have in the report file. */
export type TableKey = 'activeDisclosure' | 'activeDisclosure2019' | 'applications' | 'reviewLitigation';

export interface ColumnDef {
  id: string;
  /** Exact label as the format prints it. */
  label: string;
  /** Other spellings seen in real reports (matched loosely). */
  aliases?: string[];
  kind: ValueKind;
  /** Optional group header above this column (two-level headers). */
  group?: string;
  /** True for a column that is the sum of the others in its row. */
  isTotal?: boolean;
}

export interface RowDef {
  id: string;
  /**
   * The row's label path from the outermost merged label to its own, e.g.
   * ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']. The last item is the row's own label.
   */
  path: string[];
  aliases?: string[];
  isTotal?: boolean;
}

/** One of the small tables of section 二 (第二十条第（x）项). */
export interface DisclosureBlockDef {
  id: string;
  /** e.g. 第二十条第（一）项 */
  label: string;
  /** Header of the label column, 信息内容. */
  itemHeader: string;
  columns: ColumnDef[];
  rows: RowDef[];
  /**
   * Column ids of a running stock carried across years (rule 6): this year's closing =
   * last year's closing + added − removed. Only the 2021 format's 第二十条第（一）项 has one.
   */
  stock?: { added: string; removed: string; closing: string };
  /**
   * Column ids of an item count and its change this year (the 2019 format's 上一年项目数量 and
   * 本年增/减): their sum is this year's count, which is never below 0.
   */
  items?: { last: string; change: string };
}

export interface MatrixDef {
  /** Header of the whole column block, 申请人情况. */
  header: string;
  /** The 勾稽 note printed in the top-left header cell. */
  note: string;
  columns: ColumnDef[];
  rows: RowDef[];
  /** Rows (ids) whose sum is the result total row. */
  resultRows: string[];
  resultTotalRow: string;
  newRow: string;
  carriedOverRow: string;
  carryForwardRow: string;
  totalColumn: string;
}

export interface ReviewGroupDef {
  id: string;
  /** Header path, e.g. ['行政诉讼', '未经复议直接起诉']. */
  path: string[];
}

export interface ReviewDef {
  groups: ReviewGroupDef[];
  columns: ColumnDef[];
  totalColumn: string;
}

export interface NarrativePartDef {
  id: string;
  /** Customary sub-heading; empty for an untitled opening paragraph. */
  heading: string;
  /** A hint shown in an empty editor. */
  hint: string;
}

export interface SectionDef {
  /** 1..6 */
  no: number;
  /** 一 … 六 */
  numeral: string;
  heading: string;
  aliases?: string[];
  kind: 'narrative' | 'table';
  parts?: NarrativePartDef[];
}

export interface FormatDef {
  id: FormatId;
  name: string;
  /** Document that fixes the format. */
  source: string;
  sections: SectionDef[];
  disclosureKey: 'activeDisclosure' | 'activeDisclosure2019';
  disclosure: DisclosureBlockDef[];
  applications: MatrixDef;
  review: ReviewDef;
}

/** A single editable cell, enumerated from a format. */
export interface CellDef {
  /** e.g. applications.newReceived.natural */
  id: string;
  table: TableKey;
  rowId: string;
  colId: string;
  kind: ValueKind;
  rowLabel: string;
  colLabel: string;
  /** Derived from other cells by a sum relation of the format. */
  isTotal: boolean;
}
