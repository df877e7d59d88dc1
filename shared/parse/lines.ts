// The one shape every reader's output takes before parsing: a sequence of lines, each either a
// paragraph or a row of table cells. Text, HTML and the docx/xlsx/pdf readers all produce it.
import { asciiDigits } from './values';

/**
 * What a paragraph is, when the file says so by its style (this app's own export, Word's
 * heading styles): headings are then trusted, and body text is never taken for a heading.
 */
export type ParagraphRole = 'heading' | 'subheading' | 'body' | 'contact' | 'title';

/** What readers hand over: paragraphs, and tables as grids with merged cells expanded. */
export type Block =
  | { type: 'p'; text: string; role?: ParagraphRole }
  | {
      type: 'table';
      rows: string[][];
      /** merged[r][c]: the cell is a copy of a merged cell to its left or above. */
      merged?: boolean[][];
    };

export interface Line {
  cells: string[];
  /** The cells are one real table row (a grid row, a tab- or pipe-separated line). */
  strong: boolean;
  /** Table the row belongs to, for aligning rows with their header; -1 for none. */
  table: number;
  /** A paragraph of running text (narrative, title, headings). */
  para: boolean;
  merged?: boolean[];
  /** The line as written, when text was split into cells (prose that looked like a row). */
  raw?: string;
  role?: ParagraphRole;
}

/** The text of a line that holds one piece of text: a paragraph, or a row whose cells repeat one text. */
export function singleText(line: Line): string | null {
  if (line.para) return line.cells[0] ?? '';
  let text: string | null = null;
  for (const c of line.cells) {
    const t = c.trim();
    if (!t) continue;
    if (text === null) text = t;
    else if (t !== text) return null;
  }
  return text;
}

export function blocksToLines(blocks: Block[]): Line[] {
  const out: Line[] = [];
  // (Full-width digits read as ASCII, as in plain text.)
  blocks = blocks.map((b) =>
    b.type === 'p' ? { ...b, text: asciiDigits(b.text) } : { ...b, rows: b.rows.map((r) => r.map(asciiDigits)) },
  );
  let table = 0;
  for (const b of blocks) {
    if (b.type === 'p') {
      for (const part of b.text.split('\n')) {
        out.push(
          b.role
            ? { cells: [part], strong: false, table: -1, para: true, role: b.role }
            : { cells: [part], strong: false, table: -1, para: true },
        );
      }
      continue;
    }
    // A one-column table is a box around text (some put the whole report in one): paragraphs.
    if (b.rows.every((r) => new Set(r.map((c) => c.trim()).filter(Boolean)).size <= 1)) {
      for (const r of b.rows) {
        const text = r.find((c) => c.trim()) ?? '';
        for (const part of text.split('\n'))
          if (part.trim()) out.push({ cells: [part], strong: false, table: -1, para: true });
      }
      continue;
    }
    table++;
    // Rows keep their own length: padding a short row would add blank cells that are not there.
    b.rows.forEach((row, r) => {
      out.push({ cells: row.slice(), strong: true, table, para: false, merged: b.merged?.[r]?.slice(0, row.length) });
    });
  }
  return out;
}
