// The document description: what the letter and the report print, block by block, before any
// renderer (Word, preview, web page) decides how. One description, several renderers.
import type { TableGrid } from './grid';

/** Paragraph kinds, each with one look in every renderer (Word styles Nb…, CSS classes nb-…). */
export type ParagraphKind =
  | 'letterTitle'
  | 'recipient'
  | 'letterBody'
  | 'attachment'
  | 'signature'
  | 'date'
  | 'note'
  | 'title'
  | 'body'
  | 'contact'
  | 'heading1'
  | 'heading2';

export interface ParagraphBlock {
  type: 'paragraph';
  kind: ParagraphKind;
  /** The paragraph's lines: more than one where a manual line break splits it (two-line titles). */
  lines: string[];
  /** Blank space before, in body lines (half a line after a table). */
  spaceBefore?: number;
  /** Right indent in body characters (发文机关署名, centred on the 成文日期). */
  indentRight?: number;
  /**
   * Kept on the page of what follows: the letter's last line goes with 署名 and 成文日期, so that no
   * page holds the seal alone (GB/T 9704 7.3.5.1: 不得出现空白印章页).
   */
  keepWithNext?: boolean;
}

/** 发文机关标志: `printed` false on paper with a pre-printed 红头 (its space stays blank). */
export interface LetterheadBlock {
  type: 'letterhead';
  text: string;
  sizePt: number;
  printed: boolean;
}

/** 发文字号 (居左空一字) and, for an upward document, 签发人 (居右空一字) on one line. */
export interface DocNumberBlock {
  type: 'docNumber';
  docNumber: string;
  signer: string;
}

/** The red 分隔线 under the 发文字号, as wide as the text block. */
export interface SeparatorBlock {
  type: 'separator';
  printed: boolean;
}

export interface TableBlock {
  type: 'table';
  grid: TableGrid;
  /** Text of each grid cell, by index in grid.cells: labels as printed, values as numbers or ''. */
  texts: string[];
  /** Many columns: 小五 instead of 五号. */
  dense: boolean;
  /** Alignment of each grid cell's text: the matrix's row labels and note read as text (left). */
  aligns: ('left' | 'center')[];
  /** Section heading the table belongs to (for captions in the web page). */
  caption: string;
}

export type Block = ParagraphBlock | LetterheadBlock | DocNumberBlock | SeparatorBlock | TableBlock;

/** A part that starts on a new page: the letter, then the report. */
export interface DocSection {
  id: 'letter' | 'report';
  blocks: Block[];
}

export interface DocumentDescription {
  /** The report's title (<机关><年>年政府信息公开工作年度报告). */
  title: string;
  sections: DocSection[];
  /** Pages are numbered on from the letter into the report (GB/T 9704: attachments run on). */
  firstPage: number;
}
