// Text laid out for print (a PDF's text layer, text copied from a PDF viewer, a .txt saved from
// Word with line breaks) -> the text as the author wrote it: page numbers (- 1 -, — 2 —, 第1页)
// and running headers and footers dropped, lines the printer broke joined back into their
// paragraphs. Table rows (tabs, numbers) are left alone; a heading or an indented line always
// starts a paragraph of its own.
import { matchTitle } from './front';
import { joinPieces, unifyRadicals } from './text';
import { isValueish } from './values';
import type { Stage } from './stage';

/** `- 1 -`, `— 2 —`, `－3－`, `第1页`, `第 1 页 共 5 页`, `1/5`: a page number on a line of its own. */
export const PAGE_NUMBER_LINE =
  /^[\s\u3000]*(?:[-—–－‐]{1,2}[\s\u3000]*\d{1,4}[\s\u3000]*[-—–－‐]{1,2}|第[\s\u3000]*\d{1,4}[\s\u3000]*页(?:[\s\u3000]*[，,/]?[\s\u3000]*共[\s\u3000]*\d{1,4}[\s\u3000]*页)?|\d{1,4}[\s\u3000]*\/[\s\u3000]*\d{1,4})[\s\u3000]*$/;

/** A line that opens a paragraph by its numbering: 一、 （一） (1) 1. 1、 ① 第一， 一是. */
const OPENS_PARAGRAPH =
  /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][\s\u3000]*[一二三四五六七八九十\d]{1,3}[\s\u3000]*[)）]|\d{1,2}[.、．](?!\d)|[①-⑳]|第[一二三四五六七八九十]+[，、,:：])/;
/** Markdown's headings, bold lines, quotes and list items: lines of their own. */
const MARKDOWN = /^[\s\u3000]*(?:#{1,6}\s|\*\*|>\s|[-*+]\s)/;
/** Ends a sentence: a line ending so may end its paragraph (a closing bracket only after 。！？). */
const ENDS_SENTENCE = /(?:[。！？!?；;：:…]|[。！？!?][”」）)])$/;
const INDENT = /^(?:[ \u00a0]{2,}|\u3000|\t)/;

/** Width as printed: CJK characters count two, ASCII one. */
export function printedWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 1 : 2;
  return w;
}

const isProse = (line: string) => {
  const t = line.trim();
  // (Cells set apart by runs of spaces are a row: split, not a backtracking pattern, on long runs.
  // Two cells a wide gap apart — 信息内容      本年收费金额 — are a row of a text layer too.)
  const parts = t.split(/\s{2,}/).length;
  return (
    t.length > 0 &&
    !line.includes('\t') &&
    !isValueish(t) &&
    parts < 3 &&
    (parts === 1 || !/\S[ \u00a0]{4,}\S/.test(t)) &&
    !t.includes('|')
  );
};

/**
 * The width the printer wrapped at, or null when the text is not wrapped: the widest width that
 * a tenth of the prose lines, and two at least, come close to (headings are narrower), when most
 * of the lines that wide end inside a sentence (a paragraph of a web page ends with its 。).
 */
export function wrapWidth(lines: string[]): number | null {
  const body = lines.filter((l) => isProse(l) && !MARKDOWN.test(l) && !OPENS_PARAGRAPH.test(l));
  const widths = body
    .map((l) => printedWidth(l.trim()))
    .filter((w) => w >= 16)
    .sort((a, b) => b - a);
  // The widest width that enough lines come close to: a few wider lines are no text width (a
  // table's labels in a smaller type hold more characters to a line than the text).
  const enough = Math.max(2, Math.ceil(widths.length * 0.1));
  let w: number | null = null;
  for (let i = 0, j = 0; i < widths.length; i++) {
    j = Math.max(j, i);
    while (j < widths.length && widths[j] >= widths[i] * 0.95) j++;
    if (j - i >= enough) {
      w = widths[i];
      break;
    }
  }
  if (w === null || w < 40 || w > 200) return null;
  const full = body.filter((l) => printedWidth(l.trim()) >= w * 0.85);
  const open = full.filter((l) => !ENDS_SENTENCE.test(l.trim()));
  return open.length >= 2 && open.length >= full.length * 0.4 ? w : null;
}

/** A line that stands alone: a heading (numbered, no sentence in it) or a title (not a full line). */
const standsAlone = (line: string, full: boolean) =>
  MARKDOWN.test(line) ||
  (OPENS_PARAGRAPH.test(line) && !/[。；;]/.test(line) && !full && line.trim().length <= 40) ||
  (!full && /(?:报告|通知|公告)$/.test(line.trim())) ||
  matchTitle(line) !== null;

/**
 * Lines that repeat at the top or bottom of pages (running headers and footers), digits aside.
 * The same edge each time: the organ above the title on the first page and under the text on
 * the last (the signature) is no running line.
 */
function runningLines(pages: string[][]): Set<string> {
  const key = (l: string) => l.trim().replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const page of pages) {
    const body = page.filter((l) => l.trim());
    const edges = new Set([
      ...body.slice(0, 2).map((l) => `top:${key(l)}`),
      ...body.slice(-2).map((l) => `bottom:${key(l)}`),
    ]);
    for (const k of edges) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out = new Set<string>();
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const [edged, n] of counts) {
    const k = edged.slice(edged.indexOf(':') + 1);
    if (n >= needed && k.replace(/#/g, '').length >= 4 && !isValueish(k)) out.add(k);
  }
  return out;
}

/**
 * Without page breaks to go by: a line that comes back three times or more, the same but for a
 * number in it (某某县人民政府办公室 第3页), is a running footer or header.
 */
function numberedRepeats(lines: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.trim();
    // Prose only (a table's header row repeats too) with words in it: 某某县人民政府办公室 第#页.
    if (t.length < 6 || t.length > 60 || !/\d/.test(t) || !isProse(l) || !/[\u4e00-\u9fff]{4}/.test(t)) continue;
    const k = t.replace(/\d+/g, '#');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return new Set([...counts].filter(([k, n]) => n >= 3 && k.replace(/[#\s\u3000]/g, '').length >= 4).map(([k]) => k));
}

/** Splits text into pages: at form feeds, or else after each page-number line. */
function pagesOf(lines: string[]): string[][] {
  const pages: string[][] = [[]];
  for (const l of lines) {
    if (l.includes('\f')) {
      const [before, ...after] = l.split('\f');
      pages[pages.length - 1].push(before);
      for (const a of after) pages.push([a]);
      continue;
    }
    pages[pages.length - 1].push(l);
    if (PAGE_NUMBER_LINE.test(l)) pages.push([]);
  }
  return pages;
}

export interface Rebuilt {
  text: string;
  /** Lines dropped as page numbers, running headers or footers. */
  dropped: number;
  /** Line breaks joined back. */
  joined: number;
}

export function rebuildParagraphs(input: string): Stage<Rebuilt> {
  // (Radicals first: ⼀、总体情况 is a heading too.)
  const raw = unifyRadicals(input).replace(/\r\n?/g, '\n').split('\n');
  const pages = pagesOf(raw);
  const running = pages.length >= 2 ? runningLines(pages) : numberedRepeats(raw);
  const key = (l: string) => l.trim().replace(/\d+/g, '#');
  let dropped = 0;
  const kept: string[] = [];
  let keptRunning = false;
  for (const page of pages) {
    for (const l of page) {
      if (PAGE_NUMBER_LINE.test(l)) {
        dropped++;
        continue;
      }
      if (running.has(key(l))) {
        // The first one, near the top of the text, may be the title itself: kept there.
        if (!keptRunning && kept.filter((k) => k.trim()).length < 3) kept.push(l);
        else dropped++;
        keptRunning = true;
        continue;
      }
      kept.push(l);
    }
  }

  const width = wrapWidth(kept);
  const indented = kept.filter((l) => isProse(l) && INDENT.test(l)).length >= 2;
  // Paragraphs set apart by empty lines (flush left, space after each, as a PDF's text shows it).
  const spaced =
    kept.filter((l, i) => !l.trim() && isProse(kept[i - 1] ?? '') && isProse(kept[i + 1] ?? '')).length >= 3;
  const out: string[] = [];
  let joined = 0;
  /** Index in `out` of the last prose line, while only blank lines (a page break) followed it. */
  let open = -1;
  /** The last physical line joined there (its width and end decide whether the next continues it). */
  let last = '';
  for (const l of kept) {
    if (!l.trim()) {
      out.push(l);
      continue;
    }
    if (open >= 0 && isProse(l)) {
      const full = width !== null && printedWidth(last) >= width * 0.85;
      // Broken inside a sentence: a full line, or a paragraph (it has a sentence) not ending with one.
      // (A table's cell, narrow in a wrapped text, or without a sentence in it, is left alone.)
      const paragraph = out[open].trim();
      const narrow = width !== null && paragraph === last && printedWidth(last) < width * 0.5;
      // (A heading may hold a comma — 健全组织机构，责任落实到人 — but not a finished sentence.)
      const inside =
        !ENDS_SENTENCE.test(last) &&
        !narrow &&
        (full || /[，,、]$/.test(last) || /[。；;！？!?]/.test(paragraph.slice(0, -1)));
      const startsOwn = OPENS_PARAGRAPH.test(l) || MARKDOWN.test(l) || (indented && INDENT.test(l));
      let continues: boolean;
      // (Only a line that begins its paragraph can be a heading or a title.)
      if (paragraph === last && standsAlone(last, full)) continues = false;
      // It goes on over a page break (a blank line) too; after a full line, whatever the next begins with.
      else if (inside && (full || !startsOwn)) continues = true;
      else if (open < out.length - 1 || startsOwn) continues = false;
      // In indented text a full line goes on (paragraphs begin indented), and in spaced text
      // (paragraphs end with an empty line).
      else continues = full && (indented || spaced);
      if (continues) {
        out.length = open + 1;
        out[open] = joinPieces(out[open].trimEnd(), l.trim());
        last = l.trim();
        joined++;
        continue;
      }
    }
    out.push(l);
    open = isProse(l) ? out.length - 1 : -1;
    last = l.trim();
  }
  return { value: { text: out.join('\n'), dropped, joined }, problems: [] };
}
