// Draws the document description (shared/document) as Word paragraphs and tables. Each block
// kind has its own paragraph style (layout.ts STYLE), which the reader keys on.
import {
  BorderStyle,
  LineRuleType,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IParagraphOptions,
  type Table,
} from 'docx';
import { lines as textLines } from '../../../shared/document/describe';
import { LETTERHEAD_LINE, LETTERHEAD_RED, SEPARATOR_EIGHTHS, SEPARATOR_GAP_MM } from '../../../shared/document/layout';
import type { Block, ParagraphBlock, ParagraphKind } from '../../../shared/document/types';
import { clean } from '../tables/xmltext';
import { CHAR, FONTS, LINE_PITCH, STYLE, TEXT_WIDTH, font, mm } from './layout';
import { gridTable } from './tables';

/** Splits text into its non-empty lines (control characters dropped): one paragraph each. */
export function lines(text: string): string[] {
  return textLines(clean(text));
}

const STYLE_OF: Record<ParagraphKind, string> = {
  letterTitle: STYLE.letterTitle,
  recipient: STYLE.recipient,
  letterBody: STYLE.letterBody,
  attachment: STYLE.attachment,
  signature: STYLE.signature,
  date: STYLE.date,
  note: STYLE.note,
  title: STYLE.title,
  body: STYLE.body,
  contact: STYLE.contact,
  heading1: STYLE.heading1,
  heading2: STYLE.heading2,
};

function paragraph(b: ParagraphBlock): Paragraph {
  const runs = b.lines.map((l, i) => new TextRun({ text: clean(l), break: i > 0 ? 1 : undefined }));
  const options: IParagraphOptions = {
    style: STYLE_OF[b.kind],
    children: runs,
    spacing: b.spaceBefore ? { before: Math.round(b.spaceBefore * LINE_PITCH) } : undefined,
    indent: b.indentRight !== undefined ? { right: Math.round(b.indentRight * CHAR) } : undefined,
    keepNext: b.keepWithNext || undefined,
  };
  return new Paragraph(options);
}

/** Points of the red separator's distance below the 发文字号 line (w:space is in points). */
const SEPARATOR_SPACE = Math.round((SEPARATOR_GAP_MM * 72) / 25.4);

export function blockParagraphs(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((b, i) => {
    switch (b.type) {
      case 'paragraph':
        out.push(paragraph(b));
        break;
      case 'letterhead':
        // Pre-printed paper: the same height, left blank.
        out.push(
          new Paragraph({
            style: STYLE.letterhead,
            spacing: { line: Math.round(b.sizePt * 20 * LETTERHEAD_LINE), lineRule: LineRuleType.EXACT },
            children: b.printed
              ? [new TextRun({ text: clean(b.text), size: b.sizePt * 2, color: LETTERHEAD_RED })]
              : [],
          }),
        );
        break;
      case 'docNumber': {
        const next = blocks[i + 1];
        const line = next?.type === 'separator' && next.printed;
        const children: TextRun[] = [];
        if (b.docNumber) children.push(new TextRun(clean(b.docNumber)));
        if (b.signer) {
          children.push(new TextRun({ children: [new Tab(), '签发人：'] }));
          children.push(new TextRun({ text: clean(b.signer), font: font(FONTS.heading2) }));
        }
        out.push(
          new Paragraph({
            style: STYLE.docNumber,
            // 签发人 居右空一字: a right tab one character before the right margin.
            tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
            border: line
              ? {
                  bottom: {
                    style: BorderStyle.SINGLE,
                    size: SEPARATOR_EIGHTHS,
                    color: LETTERHEAD_RED,
                    space: SEPARATOR_SPACE,
                  },
                }
              : undefined,
            // Without the red line the space it takes is kept, so the title stands where it would.
            spacing: line ? undefined : { after: mm(SEPARATOR_GAP_MM) },
            children,
          }),
        );
        break;
      }
      case 'separator':
        break; // drawn as the 发文字号 line's bottom border
      case 'table':
        out.push(gridTable(b));
        break;
    }
  });
  return out;
}
