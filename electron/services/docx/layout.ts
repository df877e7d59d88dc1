// GB/T 9704-2012 (党政机关公文格式) as numbers: page, grid, fonts and the paragraph styles.
// Style ids are ours (Nb…) so that the reader can tell headings from body text exactly.
import { AlignmentType, LineRuleType, type IParagraphStyleOptions } from 'docx';
import {
  BODY_CONDENSE_TWIPS,
  CHAR_TWIPS,
  CHARS_PER_LINE,
  FONTS as FONT_DEFS,
  ATTACHMENT_HANG,
  ATTACHMENT_INDENT,
  LETTERHEAD_DROP_MM,
  LINE_PITCH_TWIPS,
  PAGE_MM,
  SIZE_PT,
  TEXT_WIDTH_TWIPS,
  twips,
} from '../../../shared/document/layout';

export const mm = twips;

export const PAGE = {
  width: mm(PAGE_MM.width),
  height: mm(PAGE_MM.height),
  top: mm(PAGE_MM.top),
  bottom: mm(PAGE_MM.bottom),
  left: mm(PAGE_MM.left),
  right: mm(PAGE_MM.right),
  /** Page number line: 一字线 7 mm below the text block; the footer distance is its baseline area. */
  footer: mm(PAGE_MM.bottom - PAGE_MM.pageNumberBelow - 6),
  header: mm(15),
};

/** Text width, 156 mm: tables are set to exactly this width. */
export const TEXT_WIDTH = TEXT_WIDTH_TWIPS;

/** Body size 3号 = 16 pt, in half-points. */
export const BODY_SIZE = SIZE_PT.body * 2;
/** 22 lines in the 225 mm text block: 579 twips (≈28.95 pt). */
export const LINE_PITCH = LINE_PITCH_TWIPS;
/**
 * 28 characters in 156 mm: each character gets TEXT_WIDTH/28 twips; w:charSpace is the difference
 * to the 16 pt body size in 1/4096 pt.
 */
export const CHAR_SPACE = Math.round((TEXT_WIDTH / CHARS_PER_LINE / 20 - BODY_SIZE / 2) * 4096);
/**
 * Word would reach 28 characters through the grid's charSpace, but LibreOffice then gives every
 * 16 pt character two grid cells (half the text per line). So the grid is type "lines" and body
 * runs are condensed by this many twips instead, which every word processor honours.
 */
export const BODY_CONDENSE = BODY_CONDENSE_TWIPS;
/** One character of body text, for indents (twips). */
export const CHAR = CHAR_TWIPS;

/**
 * Font names as Word and WPS on Windows know them. Linux (信创) machines with WPS have the same
 * names; elsewhere fontTable.xml carries an alternative name and the generic family so that
 * LibreOffice and Word pick a serif / sans CJK fallback (shared/document/layout.ts, package.ts).
 */
export const FONTS = {
  title: FONT_DEFS.title.name,
  body: FONT_DEFS.body.name,
  heading1: FONT_DEFS.heading1.name,
  heading2: FONT_DEFS.heading2.name,
  pageNumber: FONT_DEFS.pageNumber.name,
  table: FONT_DEFS.table.name,
} as const;

/** Half-points, from the shared sizes in points. */
export const SIZES = {
  /** 2号 */
  title: SIZE_PT.title * 2,
  /** 3号 */
  body: BODY_SIZE,
  /** 4号 */
  pageNumber: SIZE_PT.pageNumber * 2,
  /** 五号 */
  table: SIZE_PT.table * 2,
  /** The matrix and the table of 四 have many columns: 小五. */
  tableDense: SIZE_PT.tableDense * 2,
} as const;

export const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Paragraph style ids: the reader keys on these (see README.md). */
export const STYLE = {
  letterTitle: 'NbLetterTitle',
  recipient: 'NbRecipient',
  letterBody: 'NbLetterBody',
  signature: 'NbSignature',
  date: 'NbDate',
  note: 'NbNote',
  title: 'NbTitle',
  body: 'NbBody',
  contact: 'NbContact',
  heading1: 'NbHeading1',
  heading2: 'NbHeading2',
  tableText: 'NbTableText',
  pageNumber: 'NbPageNumber',
  letterhead: 'NbLetterhead',
  docNumber: 'NbDocNumber',
  attachment: 'NbAttachment',
} as const;

/** 发文机关标志 上边缘至版心上边缘 35 mm. */
export const LETTERHEAD_DROP = mm(LETTERHEAD_DROP_MM);

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
const indent2 = { firstLine: 2 * CHAR, firstLineChars: 200 };

export const paragraphStyles: IParagraphStyleOptions[] = [
  {
    // Normal carries the body size itself: LibreOffice measures the character grid against it.
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    run: {
      font: font(FONTS.body),
      size: SIZES.body,
      characterSpacing: BODY_CONDENSE,
      language: { value: 'en-US', eastAsia: 'zh-CN' },
    },
  },
  {
    id: STYLE.body,
    name: 'NB 正文',
    quickFormat: true,
    basedOn: 'Normal',
    next: STYLE.body,
    run: { font: font(FONTS.body), size: SIZES.body },
    paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exactLine, indent: indent2 },
  },
  {
    id: STYLE.title,
    name: 'NB 标题',
    quickFormat: true,
    basedOn: STYLE.body,
    next: STYLE.body,
    run: { font: font(FONTS.title), size: SIZES.title, characterSpacing: 0 },
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, firstLineChars: 0 },
      spacing: { ...exactLine, after: LINE_PITCH },
      keepNext: true,
    },
  },
  {
    id: STYLE.contact,
    name: 'NB 联系方式',
    basedOn: STYLE.body,
    next: STYLE.body,
    run: { font: font(FONTS.body), size: SIZES.body },
  },
  {
    id: STYLE.heading1,
    name: 'NB 一级标题',
    quickFormat: true,
    basedOn: STYLE.body,
    next: STYLE.body,
    run: { font: font(FONTS.heading1), size: SIZES.body },
    paragraph: { keepNext: true, outlineLevel: 0 },
  },
  {
    id: STYLE.heading2,
    name: 'NB 二级标题',
    quickFormat: true,
    basedOn: STYLE.body,
    next: STYLE.body,
    run: { font: font(FONTS.heading2), size: SIZES.body },
    paragraph: { keepNext: true, outlineLevel: 1 },
  },
  {
    id: STYLE.letterTitle,
    name: 'NB 报送函标题',
    basedOn: STYLE.title,
    next: STYLE.recipient,
    run: { font: font(FONTS.title), size: SIZES.title },
  },
  {
    id: STYLE.recipient,
    name: 'NB 主送机关',
    basedOn: STYLE.body,
    next: STYLE.letterBody,
    run: { font: font(FONTS.body), size: SIZES.body },
    paragraph: { indent: { firstLine: 0, firstLineChars: 0 } },
  },
  {
    id: STYLE.letterBody,
    name: 'NB 报送函正文',
    basedOn: STYLE.body,
    next: STYLE.letterBody,
    run: { font: font(FONTS.body), size: SIZES.body },
  },
  {
    // 发文机关署名: above the date, centred on it; the blank space above is room for the seal.
    id: STYLE.signature,
    name: 'NB 发文机关署名',
    basedOn: STYLE.body,
    next: STYLE.date,
    run: { font: font(FONTS.body), size: SIZES.body },
    paragraph: {
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0, firstLineChars: 0 },
      spacing: { ...exactLine, before: 2 * LINE_PITCH },
      keepNext: true,
    },
  },
  {
    // 成文日期: 右空四字.
    id: STYLE.date,
    name: 'NB 成文日期',
    basedOn: STYLE.body,
    next: STYLE.body,
    run: { font: font(FONTS.body), size: SIZES.body },
    paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0, right: 4 * CHAR } },
  },
  {
    // 附注: 成文日期下一行, 居左空二字加圆括号 (GB/T 9704 7.3.6).
    id: STYLE.note,
    name: 'NB 附注',
    basedOn: STYLE.body,
    next: STYLE.body,
    run: { font: font(FONTS.body), size: SIZES.body },
  },
  {
    // 发文机关标志: red 小标宋, centred; its size is set per organ name (content.ts).
    id: STYLE.letterhead,
    name: 'NB 发文机关标志',
    basedOn: STYLE.title,
    next: STYLE.docNumber,
    run: { font: font(FONTS.title), size: SIZE_PT.letterhead * 2, characterSpacing: 0 },
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, firstLineChars: 0 },
      spacing: { before: LETTERHEAD_DROP, after: 0 },
      keepNext: true,
    },
  },
  {
    // 发文字号 居左空一字 and 签发人 居右空一字 on one line, 发文机关标志下空二行.
    id: STYLE.docNumber,
    name: 'NB 发文字号',
    basedOn: STYLE.body,
    next: STYLE.letterTitle,
    run: { font: font(FONTS.body), size: SIZES.body },
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: { firstLine: 0, firstLineChars: 0, left: CHAR },
      spacing: { ...exactLine, before: 2 * LINE_PITCH },
      keepNext: true,
    },
  },
  {
    // 附件说明: 正文下空一行左空二字; a long name wraps under its own first character.
    id: STYLE.attachment,
    name: 'NB 附件说明',
    basedOn: 'Normal',
    next: STYLE.signature,
    run: { font: font(FONTS.body), size: SIZES.body },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: exactLine,
      indent: { left: ATTACHMENT_INDENT * CHAR, hanging: ATTACHMENT_HANG * CHAR },
    },
  },
  {
    id: STYLE.tableText,
    name: 'NB 表格文字',
    next: STYLE.tableText,
    run: { font: font(FONTS.table), size: SIZES.table, characterSpacing: 0, snapToGrid: false },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    },
  },
  {
    id: STYLE.pageNumber,
    name: 'NB 页码',
    next: STYLE.pageNumber,
    run: { font: font(FONTS.pageNumber), size: SIZES.pageNumber, characterSpacing: 0, snapToGrid: false },
    paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
  },
];
