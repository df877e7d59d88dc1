// Layout variants of the published samples, to check that the reader depends on labels and not on
// one layout: the same report written with tab rows, `cell |` pipes, a cell per line, full- or
// half-width punctuation, extra blank lines, Windows line ends, and as a web page's HTML.

export type Layout = 'cells' | 'tabs' | 'pipes';

/** A sample's table regions as rows of cells; `null` rows are paragraphs. */
interface Piece {
  text?: string;
  row?: string[];
}

/** Reads a sample whose table rows are blocks of tab-indented cells (000, 003) or tab rows (004). */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let row: string[] | null = null;
  let lastCellRow: string[] | null = null;
  const close = () => {
    if (row) out.push({ row });
    row = null;
  };
  let pending = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line === '') {
      pending = true;
      continue;
    }
    const continuation =
      lastCellRow && !line.includes('\t') && line.trim().length <= 6 && !/^[一二三四五六七八九十]+、/.test(line.trim());
    if (pending && !continuation) close();
    pending = false;
    if (/^\t[^\t]*$/.test(line)) {
      row ??= [];
      row.push(line.slice(1).trim());
      lastCellRow = row;
      continue;
    }
    if (line.includes('\t')) {
      close();
      out.push({ row: line.split('\t').map((c) => c.trim()) });
      lastCellRow = null;
      continue;
    }
    // A piece of a label broken over lines (结果\n纠正) belongs to the cell before it.
    if (continuation && lastCellRow) {
      lastCellRow[lastCellRow.length - 1] += line.trim();
      continue;
    }
    close();
    lastCellRow = null;
    out.push({ text: line });
  }
  close();
  return out;
}

/** The sample re-written in another table layout (000, 003 and 004 keep their rows). */
export function relayout(text: string, layout: Layout): string {
  const lines: string[] = [];
  for (const p of pieces(text)) {
    if (p.text !== undefined) {
      lines.push(p.text);
      continue;
    }
    const cells = p.row!;
    if (layout === 'tabs') lines.push(cells.join('\t'));
    else if (layout === 'cells') lines.push(...cells.map((c) => `\t${c || ' '}`), '');
    else lines.push(...cells.map((c) => (c ? `${c} |` : ' |')), '|||');
  }
  return lines.join('\n');
}

/** The sample as a web page: paragraphs and real tables (one <tr> per row). */
export function toHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts: string[] = ['<html><head><meta charset="utf-8"></head><body>'];
  let inTable = false;
  for (const p of pieces(text)) {
    if (p.row) {
      if (!inTable) parts.push('<table border="1">');
      inTable = true;
      parts.push(`<tr>${p.row.map((c) => `<td>${c ? esc(c) : '&nbsp;'}</td>`).join('')}</tr>`);
      continue;
    }
    if (inTable) parts.push('</table>');
    inTable = false;
    if (p.text!.trim()) parts.push(`<p>${esc(p.text!)}</p>`);
  }
  if (inTable) parts.push('</table>');
  parts.push('</body></html>');
  return parts.join('\n');
}

/** `x |` cells one per line (sample 001) as tab-indented cells one per line, rows unknown. */
export function pipesToCells(text: string): string {
  return text
    .split('\n')
    .map((l) => (/^\|+$/.test(l.trim()) ? '' : / \|$/.test(l) ? `\t${l.replace(/ \|$/, '').trim() || ' '}` : l))
    .join('\n');
}

const HALF: Record<string, string> = { '（': '(', '）': ')', '：': ':', '，': ',', '；': ';' };
const FULL: Record<string, string> = { '(': '（', ')': '）', ':': '：', ',': '，', ';': '；' };

export function halfWidth(text: string): string {
  return text.replace(/[（）：，；]/g, (c) => HALF[c]);
}

/** Full-width punctuation, and full-width digits in the tables' cells. */
export function fullWidth(text: string): string {
  return text
    .replace(/[():,;]/g, (c) => FULL[c])
    .replace(
      /^(\t?\s*)(\d+)(\s*\|?)$/gm,
      (_, a: string, d: string, b: string) => a + d.replace(/\d/g, (x) => String.fromCharCode(0xff10 + +x)) + b,
    );
}

export function extraBlankLines(text: string): string {
  return text.replace(/\n/g, '\n\n');
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
