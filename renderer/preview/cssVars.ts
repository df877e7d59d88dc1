// The page's figures (shared/document/layout.ts) as CSS custom properties for preview.css: one
// definition for the Word file and the preview.
import type { CSSProperties } from 'react';
import {
  ATTACHMENT_HANG,
  ATTACHMENT_INDENT,
  BODY_CONDENSE_TWIPS,
  CHAR_TWIPS,
  cssFontStack,
  FONTS,
  LETTERHEAD_DROP_MM,
  LETTERHEAD_RED,
  SEPARATOR_EIGHTHS,
  TABLE_TWIPS,
  LINE_PITCH_TWIPS,
  PAGE_MM,
  SEPARATOR_GAP_MM,
  SIZE_PT,
  TEXT_HEIGHT_MM,
  TEXT_WIDTH_MM,
  type FontRole,
} from '../../shared/document';

const pt = (twips: number) => `${twips / 20}pt`;
const mm = (v: number) => `${v}mm`;

export const DOCUMENT_CSS_VARS = {
  '--nb-page-w': mm(PAGE_MM.width),
  '--nb-page-h': mm(PAGE_MM.height),
  '--nb-top': mm(PAGE_MM.top),
  '--nb-left': mm(PAGE_MM.left),
  '--nb-right': mm(PAGE_MM.right),
  '--nb-text-w': mm(TEXT_WIDTH_MM),
  '--nb-text-h': mm(TEXT_HEIGHT_MM),
  '--nb-pageno-top': mm(PAGE_MM.top + TEXT_HEIGHT_MM + PAGE_MM.pageNumberBelow),
  '--nb-letterhead-drop': mm(LETTERHEAD_DROP_MM),
  '--nb-separator-gap': mm(SEPARATOR_GAP_MM),
  '--nb-red': `#${LETTERHEAD_RED}`,
  '--nb-separator': `${SEPARATOR_EIGHTHS / 8}pt`,
  '--nb-row-min': pt(TABLE_TWIPS.rowMinHeight),
  '--nb-cell-pad': `${pt(TABLE_TWIPS.padY)} ${pt(TABLE_TWIPS.padX)}`,
  '--nb-cell-border': `${TABLE_TWIPS.borderEighths / 8}pt`,
  '--nb-attachment-indent': `calc(${ATTACHMENT_INDENT} * ${pt(CHAR_TWIPS)})`,
  '--nb-attachment-hang': `calc(${-ATTACHMENT_HANG} * ${pt(CHAR_TWIPS)})`,
  '--nb-line': pt(LINE_PITCH_TWIPS),
  '--nb-char': pt(CHAR_TWIPS),
  '--nb-condense': pt(BODY_CONDENSE_TWIPS),
  '--nb-size-body': `${SIZE_PT.body}pt`,
  '--nb-size-title': `${SIZE_PT.title}pt`,
  '--nb-size-table': `${SIZE_PT.table}pt`,
  '--nb-size-dense': `${SIZE_PT.tableDense}pt`,
  '--nb-size-pageno': `${SIZE_PT.pageNumber}pt`,
  ...Object.fromEntries((Object.keys(FONTS) as FontRole[]).map((r) => [`--nb-font-${r}`, cssFontStack(r)])),
} as CSSProperties;
