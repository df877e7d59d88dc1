// Text as a PDF or a printout lays it out: paragraphs broken into lines of one width (optionally
// indented), pages of a few lines each with a page number and a running header. The inverse of
// what the importer must undo; lines with tabs (table rows) are kept whole.
import { printedWidth } from '../../../shared/parse/paragraphs';

export interface PrintLayout {
  /** Printed width of a line (CJK characters count 2). */
  width?: number;
  /** Lines of text on a page. */
  pageLines?: number;
  /** Running header at the top of every page but the first. */
  header?: string;
  /** Page number line at the foot of each page. */
  pageNumber?: (page: number, pages: number) => string;
  /** First line of each paragraph indented by two full-width spaces. */
  indent?: boolean;
  /** Blank line between pages (as a PDF viewer's copy gives). */
  blankAtBreak?: boolean;
}

function wrap(line: string, width: number, indent: boolean): string[] {
  const out: string[] = [];
  let cur = indent ? '\u3000\u3000' : '';
  for (const ch of line) {
    if (printedWidth(cur + ch) > width) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

export function asPrinted(text: string, layout: PrintLayout = {}): string {
  const { width = 56, pageLines = 12, header, indent = false, blankAtBreak = false } = layout;
  const pageNumber = layout.pageNumber ?? ((n: number) => `- ${n} -`);
  const lines: string[] = [];
  let previous = '';
  for (const l of text.split('\n')) {
    if (l.includes('\t') || !l.trim()) lines.push(l);
    else {
      // Only a paragraph's first line is indented (not the rest of one the source broke).
      const starts = !previous || /[。！？；：]$/.test(previous) || previous.length <= 40;
      lines.push(...wrap(l.trim(), width, indent && starts && printedWidth(l) > width));
    }
    if (l.trim()) previous = l.trim();
  }
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += pageLines) pages.push(lines.slice(i, i + pageLines));
  const out: string[] = [];
  pages.forEach((page, p) => {
    if (p > 0 && header) out.push(header);
    out.push(...page, pageNumber(p + 1, pages.length));
    if (blankAtBreak) out.push('');
  });
  return out.join('\n');
}
