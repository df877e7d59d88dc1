// Word export of a report: the cover letter (报告) and the report, laid out per GB/T 9704-2012.
// Plain Node: never import 'electron'. The structure is described in README.md for the reader.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { describeDocument } from '../../../shared/document/describe';
import type { Report } from '../../../shared/report/model';
import { blockParagraphs } from './content';
import { BODY_SIZE, CHAR_SPACE, FONTS, LINE_PITCH, PAGE, SIZES, STYLE, font, paragraphStyles } from './layout';
import { finishPackage, metadataProperties } from './package';
import { clean } from '../tables/xmltext';

export interface DocxOptions {
  /** Omit the cover letter (报告), e.g. for publishing on the website. */
  reportOnly?: boolean;
}

/** — 1 — at the outer side: odd pages right, even pages left, one character in from the margin. */
function pageFooter(side: 'odd' | 'even'): Footer {
  const oneChar = SIZES.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function section(children: ISectionOptions['children'], first: boolean): ISectionOptions {
  return {
    properties: {
      type: first ? undefined : SectionType.NEXT_PAGE,
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: {
          top: PAGE.top,
          bottom: PAGE.bottom,
          left: PAGE.left,
          right: PAGE.right,
          header: PAGE.header,
          footer: PAGE.footer,
        },
        // Numbered from 1 on the first page and on through the attached report (GB/T 9704 7.5).
        pageNumbers: first ? { start: 1 } : undefined,
      },
      // 22 lines per page; charSpace is what Word's grid dialog would show for 28 characters.
      grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
    },
    footers: { default: pageFooter('odd'), even: pageFooter('even') },
    children,
  };
}

export async function buildDocx(report: Report, options: DocxOptions = {}): Promise<Uint8Array> {
  const description = describeDocument(report, { reportOnly: options.reportOnly });
  const sections = description.sections.map((s, i) => section(blockParagraphs(s.blocks), i === 0));
  const doc = new Document({
    title: clean(description.title),
    creator: clean(report.org),
    description: '公开年报导出',
    evenAndOddHeaderAndFooters: true,
    customProperties: metadataProperties(report),
    styles: {
      default: {
        // The Normal font size is what w:charSpace is measured against: 3号.
        document: { run: { font: font(FONTS.body), size: BODY_SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
      },
      paragraphStyles,
    },
    sections,
  });
  const bytes = await Packer.toBuffer(doc);
  return finishPackage(new Uint8Array(bytes), report);
}
