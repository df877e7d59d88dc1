// GB/T 9704-2012 (党政机关公文格式) as numbers in millimetres and points: page, text block, line
// grid, type sizes and fonts. The Word export converts them to twips, the preview to CSS; both
// draw the same page from these figures.

export const PAGE_MM = {
  width: 210,
  height: 297,
  /** 天头 37 mm, 订口 28 mm: the 156 × 225 mm 版心 per GB/T 9704 5.2.1. */
  top: 37,
  bottom: 35,
  left: 28,
  right: 26,
  /** The page number's 一字线 sits 7 mm below the text block. */
  pageNumberBelow: 7,
} as const;

export const TEXT_WIDTH_MM = PAGE_MM.width - PAGE_MM.left - PAGE_MM.right;
export const TEXT_HEIGHT_MM = PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Type sizes in points: 2号 22, 3号 16, 4号 14, 五号 10.5, 小五 9. */
export const SIZE_PT = {
  title: 22,
  body: 16,
  pageNumber: 14,
  table: 10.5,
  tableDense: 9,
  /** 发文机关标志: 小初, or smaller so that a long organ name fits on one line. */
  letterhead: 36,
} as const;

export const POINTS_PER_MM = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * POINTS_PER_MM;
/** Word's unit: a twentieth of a point. Page measures are whole twips in the .docx. */
export const twips = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** Text width in twips (A4 11906 less the margins 1587 + 1474 = 8845): the tables' width. */
export const TEXT_WIDTH_TWIPS = twips(PAGE_MM.width) - twips(PAGE_MM.left) - twips(PAGE_MM.right);
const TEXT_HEIGHT_TWIPS = twips(PAGE_MM.height) - twips(PAGE_MM.top) - twips(PAGE_MM.bottom);
/** 22 lines in the 225 mm text block: 579 twips (≈28.95 pt), the exact line pitch of body text. */
export const LINE_PITCH_TWIPS = Math.floor(TEXT_HEIGHT_TWIPS / LINES_PER_PAGE);
/** One character of body text, for indents (twips). */
export const CHAR_TWIPS = Math.round(TEXT_WIDTH_TWIPS / CHARS_PER_LINE);
/** Body runs are condensed by this many twips so that 28 characters of 3号 fill a line. */
export const BODY_CONDENSE_TWIPS = Math.floor(TEXT_WIDTH_TWIPS / CHARS_PER_LINE - SIZE_PT.body * 20);

/** 发文机关标志 上边缘至版心上边缘 35 mm (GB/T 9704 7.2.3). */
export const LETTERHEAD_DROP_MM = 35;
/** 红色分隔线: 4 mm below the 发文字号 (7.2.6). */
export const SEPARATOR_GAP_MM = 4;
/** The red of the 红头. */
export const LETTERHEAD_RED = 'E60012';
/** The red separator's thickness, in eighths of a point (Word's border unit). */
export const SEPARATOR_EIGHTHS = 12;

/** Table cells, in twips (borders in eighths of a point): what Word and the preview both draw. */
export const TABLE_TWIPS = { rowMinHeight: 360, padX: 57, padY: 20, borderEighths: 4 } as const;

/** 附件说明: 左空二字, then 附件： (3 characters); the name's next lines align under its first character. */
export const ATTACHMENT_HANG = 3;
export const ATTACHMENT_INDENT = 2 + ATTACHMENT_HANG;

/** The 发文机关标志's exact line height, as a multiple of its size. */
export const LETTERHEAD_LINE = 1.25;

/** Size of the 发文机关标志 that fits `text` on one line of the text block (whole points). */
export function letterheadSizePt(text: string): number {
  const chars = Math.max(1, [...text].length);
  return Math.min(SIZE_PT.letterhead, Math.floor(mmToPt(TEXT_WIDTH_MM) / chars));
}

export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'pageNumber' | 'table';

export interface FontDef {
  /** As Word and WPS on Windows (and 信创 Linux with WPS) know it. */
  name: string;
  /** The Windows font to use when `name` is missing (fontTable.xml altName). */
  alt: string;
  /** Other names of the same face on other systems (the preview's CSS tries them too). */
  others: string[];
  generic: 'serif' | 'sans-serif';
}

/**
 * The 公文 fonts and their fallbacks: Word reads name + alt from the font table, LibreOffice then
 * picks by the generic family, and the preview lists the same names in a CSS font stack.
 */
export const FONTS: Record<FontRole, FontDef> = {
  title: {
    name: '方正小标宋简体',
    alt: '宋体',
    others: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', 'SimSun'],
    generic: 'serif',
  },
  body: { name: '仿宋_GB2312', alt: '仿宋', others: ['FangSong', 'STFangsong', 'FangSong_GB2312'], generic: 'serif' },
  heading1: { name: '黑体', alt: 'SimHei', others: ['STHeiti'], generic: 'sans-serif' },
  heading2: { name: '楷体_GB2312', alt: '楷体', others: ['KaiTi', 'STKaiti', 'KaiTi_GB2312'], generic: 'serif' },
  pageNumber: { name: '宋体', alt: 'SimSun', others: ['STSong'], generic: 'serif' },
  table: { name: '宋体', alt: 'SimSun', others: ['STSong'], generic: 'serif' },
};

/** A CSS font-family list for a role: the same names Word tries, then the generic family. */
export function cssFontStack(role: FontRole): string {
  const f = FONTS[role];
  return [f.name, f.alt, ...f.others].map((n) => `"${n}"`).join(', ') + `, ${f.generic}`;
}
