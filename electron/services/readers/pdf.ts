// A PDF's text layer -> text whose lines are the page's lines and whose cells are separated by
// tabs where the text has a wide gap (table columns). Page numbers in the margins are dropped;
// a blank cell is put back where the rows around show its column; a group label printed down
// its merged cell is left out of the rows it lands on; an empty line marks a paragraph's space
// after. pdfjs (legacy build, for Node) does the decoding; scanned pages have no text to give.
// The real PDFs of test/fixtures/import/pdf (LibreOffice from Word) show what this meets.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export class PdfError extends Error {
  constructor(
    readonly problem: 'noText' | 'encrypted' | 'corrupt' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'PdfError';
  }
}

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export const PDF_LIMITS = { maxPages: 300, timeoutMs: 60_000 };

const PAGE_NUMBER =
  /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

const VALUE = /^(?:[+-]?\d+(?:[.,]\d+)*|[/／\\\-—–－])$/;
const isValue = (it: Item) => VALUE.test(it.str.trim());

interface Row {
  y: number;
  size: number;
  items: Item[];
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** Spaces pdfjs puts between the characters of a justified (stretched) line: none in Chinese. */
const SPREAD = /(?<=[\u3000-\u9fff\uff00-\uffef])[ \u00a0]+(?=[\u3000-\u9fff\uff00-\uffef])/g;

/**
 * What a justified line adds between its characters beyond their width (a line stretched
 * around a long web address): told by its runs of Chinese, each character exactly one em wide.
 */
function letterSpacing(items: Item[]): number {
  let spacing = 0;
  for (const it of items) {
    const chars = [...it.str].filter((c) => c.trim());
    if (chars.length < 4 || !chars.every((c) => CJK.test(c))) continue;
    spacing = Math.max(spacing, (it.w - chars.length * it.size) / (chars.length - 1));
  }
  return spacing;
}

/** Joins a row's items: a tab where the gap is a cell's padding or more, else as written. */
function joinItems(items: Item[]): string {
  let line = '';
  let end = -Infinity;
  let prev = '';
  const spacing = letterSpacing(items);
  for (const it of items) {
    const gap = it.x - end - spacing;
    // Table cells sit apart by their padding (about a third of a character and more); between
    // a run of running text and a number a word processor leaves up to that much by itself.
    const autospace =
      CJK.test(line.slice(-1)) !== CJK.test(it.str.slice(0, 1)) &&
      (prev.length >= 8 || (CJK.test(it.str) && it.str.length >= 8));
    if (line && gap > it.size * (autospace ? 0.36 : 0.3)) line += '\t';
    else if (line && gap > it.size * 0.25 && /[\x21-\x7e]$/.test(line) && /^[\x21-\x7e]/.test(it.str)) line += ' ';
    line += it.str;
    prev = it.str;
    end = Math.max(end, it.x + it.w);
  }
  return line;
}

const near = (a: Item, b: Item, tol: number) =>
  Math.abs(a.x - b.x) <= tol || Math.abs(a.x + a.w / 2 - (b.x + b.w / 2)) <= tol;

/**
 * A blank cell leaves no text in a PDF: a row of 6 numbers under rows of 7 has lost one. Where
 * the rows around it (at least two, agreeing) show where every column's number stands, the
 * missing one is put back as an empty cell; otherwise the row is left as it is.
 */
function withBlanks(rows: Row[], r: number): string[] | null {
  const row = rows[r];
  const values = row.items.filter(isValue);
  if (!values.length) return null;
  const firstValue = values[0].x;
  if (row.items.some((it) => !isValue(it) && it.x > firstValue)) return null;
  const tol = row.size * 0.6;
  const labelEnd = Math.max(-Infinity, ...row.items.filter((it) => !isValue(it)).map((it) => it.x + it.w));
  const counts = new Map<number, Item[][]>();
  for (let k = Math.max(0, r - 8); k < Math.min(rows.length, r + 9); k++) {
    if (k === r) continue;
    const other = rows[k].items.filter((it) => isValue(it) && it.x > labelEnd);
    if (other.length <= values.length || other.length > values.length + 3) continue;
    let j = 0;
    for (const v of values) {
      while (j < other.length && !near(v, other[j], tol)) j++;
      if (j >= other.length) break;
      j++;
    }
    if (j > other.length || !values.every((v) => other.some((o) => near(v, o, tol)))) continue;
    const list = counts.get(other.length) ?? [];
    list.push(other);
    counts.set(other.length, list);
  }
  let template: Item[] | null = null;
  for (const [, list] of counts)
    if (list.length >= 2 && (!template || list[0].length < template.length)) template = list[0];
  // One full row right next to it will do (规章 above 行政规范性文件).
  if (!template) {
    for (const k of [r - 1, r + 1, r - 2, r + 2]) {
      const other = rows[k]?.items.filter((it) => isValue(it) && it.x > labelEnd);
      if (
        other &&
        other.length > values.length &&
        other.length <= values.length + 3 &&
        values.every((v) => other.some((o) => near(v, o, tol)))
      ) {
        template = other;
        break;
      }
    }
  }
  // A table of one row (四): the header cells above stand where the numbers do.
  if (!template) template = headerSlots(rows, r, labelEnd, values, tol);
  if (!template) return null;
  const used = new Set<Item>();
  return template.map((slot) => {
    const v = values.find((x) => !used.has(x) && near(x, slot, tol));
    if (!v) return '';
    used.add(v);
    return v.str;
  });
}

/** Column positions from the header rows right above a row of numbers, when its numbers fit them. */
function headerSlots(rows: Row[], r: number, labelEnd: number, values: Item[], tol: number): Item[] | null {
  const header: Item[] = [];
  for (let k = r - 1; k >= Math.max(0, r - 6); k--) {
    const items = rows[k].items;
    if (items.some(isValue)) break;
    // Characters of one cell may come as separate items: a cell is a run without a gap.
    const cells: Item[] = [];
    for (const it of items) {
      const last = cells[cells.length - 1];
      if (last && it.x - (last.x + last.w) <= it.size * 0.3)
        cells[cells.length - 1] = { ...last, str: last.str + it.str, w: it.x + it.w - last.x };
      else cells.push(it);
    }
    // A header row has a cell per column: a line of one cell (a block label spanning the table,
    // 第二十条第（一）项, a heading or prose above the table) ends the header.
    const right = cells.filter((it) => it.x > labelEnd);
    if (right.length < 2) break;
    header.push(...right);
  }
  // A group's cell (行政诉讼, 未经复议直接起诉) spans the columns under it: it is no column of its own.
  const centre = (it: Item) => it.x + it.w / 2;
  const spans = (g: Item) =>
    header.filter((it) => !near(it, g, tol) && centre(it) > g.x && centre(it) < g.x + g.w).length >= 2;
  const slots: Item[] = [];
  for (const it of header) if (!spans(it) && !slots.some((s) => near(s, it, tol))) slots.push(it);
  slots.sort((a, b) => a.x - b.x);
  if (slots.length <= values.length) return null;
  // Every number under a column of its own, in order: then the columns left empty are known.
  const used = new Set<Item>();
  let from = 0;
  for (const v of values) {
    const at = slots.findIndex((x, i) => i >= from && !used.has(x) && near(v, x, tol));
    if (at < 0) return null;
    used.add(slots[at]);
    from = at + 1;
  }
  // A header cell far out beside the columns (the 勾稽 note's second line in a wide label
  // column) is no column: the columns stand a pitch apart.
  const pitches = slots
    .slice(1)
    .map((it, i) => centre(it) - centre(slots[i]))
    .sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)];
  const apart = (a: Item, b: Item) => Math.abs(centre(a) - centre(b)) > pitch * 1.8;
  while (slots.length > 1 && !used.has(slots[0]) && apart(slots[0], slots[1])) slots.shift();
  while (slots.length > 1 && !used.has(slots.at(-1)!) && apart(slots.at(-1)!, slots.at(-2)!)) slots.pop();
  return slots.length > values.length ? slots : null;
}

/** A row's first cell: its leading items without a gap between them. */
function firstCell(row: Row): Item[] {
  const cell = [row.items[0]];
  for (const it of row.items.slice(1)) {
    const last = cell[cell.length - 1];
    if (it.x - (last.x + last.w) > it.size * 0.3) break;
    cell.push(it);
  }
  return cell;
}

/**
 * A group label printed down its merged cell (三、本年度办理结果, （六）其他处理 a few characters a
 * line) lands at the start of the rows beside it, cutting their own labels, wrapped over the
 * same lines, into pieces. The rows of a table come in the format's order: the group's
 * characters are left out, so that each row's label reads whole. Told by three rows or more
 * whose first cell is a piece of at most three characters centred on the same column, with a
 * row's label (or its numbers) after it.
 */
function withoutVerticalLabels(rows: Row[]): Row[] {
  const centre = (items: Item[]) => (items[0].x + items.at(-1)!.x + items.at(-1)!.w) / 2;
  const piece = (row: Row) => {
    if (!row.items.length || isValue(row.items[0])) return null;
    const cell = firstCell(row);
    const text = cell
      .map((it) => it.str)
      .join('')
      .trim();
    if ([...text].length > 3 || !CJK.test(text)) return null;
    const next = row.items[cell.length];
    // Beside a label (five characters or more), numbers, or alone on its line.
    const beside =
      !next ||
      isValue(next) ||
      [
        ...firstCell({ ...row, items: row.items.slice(cell.length) })
          .map((it) => it.str)
          .join(''),
      ].length >= 5;
    return { cell, at: centre(cell), beside };
  };
  let run: { r: number; cell: Item[]; beside: boolean }[] = [];
  let at = 0;
  const finish = () => {
    if (run.filter((p) => p.beside).length >= 3)
      for (const p of run) rows[p.r].items = rows[p.r].items.filter((it) => !p.cell.includes(it));
    run = [];
  };
  rows.forEach((row, r) => {
    const p = piece(row);
    const tol = row.size * 0.6;
    if (p && run.length && Math.abs(p.at - at) <= tol) run.push({ r, ...p });
    else if (run.length && !row.items.some((it) => it.x - tol <= at && it.x + it.w + tol >= at)) return;
    else {
      finish();
      if (p) {
        run.push({ r, ...p });
        at = p.at;
      }
    }
  });
  finish();
  return rows.filter((row) => row.items.length);
}

/** A row of running text: words, no cell of a table. */
const isProseRow = (row: Row) =>
  !row.items.some(isValue) && joinItems(row.items).length >= 2 && !joinItems(row.items).includes('\t');

/**
 * Rows that follow more space than a line of their text takes (a paragraph's space after, as
 * text set flush left shows where paragraphs end): an empty line goes before them. Measured
 * against the page's usual distance between two lines of running text.
 */
function spacedAfter(rows: Row[]): Set<number> {
  const gaps: number[] = [];
  for (let r = 1; r < rows.length; r++)
    if (rows[r].size === rows[r - 1].size && isProseRow(rows[r]) && isProseRow(rows[r - 1]))
      gaps.push(rows[r - 1].y - rows[r].y);
  const out = new Set<number>();
  if (gaps.length < 4) return out;
  const pitch = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
  for (let r = 1; r < rows.length; r++) {
    const gap = rows[r - 1].y - rows[r].y;
    if (isProseRow(rows[r]) && isProseRow(rows[r - 1]) && gap > pitch * 1.3 && gap > rows[r].size * 0.4 + pitch)
      out.add(r);
  }
  return out;
}

/**
 * A paragraph's first line, indented by about two characters from the text's left edge, keeps
 * its indent (two ideographic spaces), so that the parser can tell where paragraphs begin.
 */
function indentOf(row: Row, left: number): string {
  const indent = row.items[0].x - left;
  const text = joinItems(row.items);
  const prose = text.length >= 8 && !text.includes('\t');
  return prose && indent >= row.size * 1.5 && indent <= row.size * 2.6 ? '\u3000\u3000' : '';
}

/** The lines of one page, cells separated by tabs. */
export function pageLines(items: Item[], pageHeight: number): string[] {
  const sorted = items
    .filter((i) => i.str.trim())
    .map((i) => (/[ \u00a0]/.test(i.str) ? { ...i, str: i.str.replace(SPREAD, '') } : i))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const built: Row[] = [];
  // From the top down, an item joins the row above while it stands within a fraction of a
  // character of that row's lowest item and of its top: a row's digits sit a little off its
  // characters' baseline, and a character of a vertical label a little off the row beside it.
  let bottom = Infinity;
  for (const it of sorted) {
    const row = built[built.length - 1];
    const size = row ? Math.min(row.size, it.size) : 0;
    if (row && bottom - it.y <= Math.max(1, size * 0.4) && row.y - it.y <= Math.max(1, size * 0.6)) row.items.push(it);
    else built.push({ y: it.y, size: it.size, items: [it] });
    bottom = it.y;
  }
  built.sort((a, b) => b.y - a.y);
  for (const row of built) row.items.sort((a, b) => a.x - b.x);
  const rows = withoutVerticalLabels(built);
  const out: string[] = [];
  const left = Math.min(...rows.map((row) => row.items[0].x));
  const spaced = spacedAfter(rows);
  rows.forEach((row, r) => {
    if (spaced.has(r)) out.push('');
    const filled = withBlanks(rows, r);
    let line: string;
    if (filled && filled.includes('')) {
      const labels = row.items.filter((it) => !isValue(it));
      line = [...(labels.length ? [joinItems(labels)] : []), ...filled].join('\t');
    } else line = joinItems(row.items);
    const inMargin = row.y < pageHeight * 0.08 || row.y > pageHeight * 0.92;
    if (inMargin && PAGE_NUMBER.test(line.trim())) return;
    out.push(indentOf(row, left) + line);
  });
  return out;
}

export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = pdfjsDir();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfError('timeout', 'PDF 读取超时')), PDF_LIMITS.timeoutMs);
  });
  try {
    return await Promise.race([
      (async () => {
        let doc;
        try {
          doc = await task.promise;
        } catch (e) {
          const name = (e as { name?: string })?.name ?? '';
          if (name === 'PasswordException') throw new PdfError('encrypted', 'PDF 设置了打开密码');
          throw new PdfError('corrupt', 'PDF 文件已损坏或不是有效的 PDF');
        }
        const pages = Math.min(doc.numPages, PDF_LIMITS.maxPages);
        const lines: string[] = [];
        for (let p = 1; p <= pages; p++) {
          const page = await doc.getPage(p);
          const view = page.view;
          const content = await page.getTextContent();
          const items: Item[] = [];
          for (const raw of content.items) {
            if (!('str' in raw)) continue;
            const t = raw.transform as number[];
            items.push({
              str: raw.str,
              x: t[4],
              y: t[5] - view[1],
              w: raw.width,
              size: Math.hypot(t[2], t[3]) || Math.abs(t[0]) || 10,
            });
          }
          // A form feed between pages: running headers and footers are told by it (shared/parse/paragraphs.ts).
          if (p > 1) lines.push('\f');
          lines.push(...pageLines(items, view[3] - view[1]));
          page.cleanup();
        }
        return { text: lines.join('\n'), pages };
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => undefined);
  }
}
