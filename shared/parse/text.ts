// Plain text (a .txt file, text pasted from a web page, a PDF's or a .doc's text) -> lines.
// Tables lose their borders in text; what is left are the layouts of the samples and their
// relatives: a cell per line (tab-indented, or ending in `|`), tab- or pipe-separated rows,
// cells separated by runs of spaces, bare numbers one per line. Blank cells survive as lone
// tabs or spaces; an empty line carries nothing (it may even split a cell: 商业\n\n企业).
import type { Line } from './lines';
import { asciiDigits, isValueish } from './values';

const MAX_LINE = 20_000;
const SENTENCE = /[。，；：,;:！？!?]/;
const NUMERAL_HEAD = /^[一二三四五六七八九十]+、/;
const ONLY_SPACE = /^[\s\u00a0\u3000\u2000-\u200a\u202f\u205f]*$/;

/**
 * Radicals that some PDF writers (Chrome's printing, some printer drivers) map a glyph to in the
 * text layer: ⼀ for 一, ⾸⻚ for 首页. The Kangxi radicals decompose to the characters they stand
 * for (NFKC); of the supplement's simplified forms, those a report uses.
 */
const RADICALS = /[\u2e80-\u2ef3\u2f00-\u2fd5]/g;
const SIMPLIFIED_RADICALS: Record<string, string> = {
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec6': '角',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee5': '鱼',
  '\u2ee9': '黄',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef2': '龟',
};
export const unifyRadicals = (text: string): string =>
  text.replace(RADICALS, (c) => SIMPLIFIED_RADICALS[c] ?? c.normalize('NFKC'));

/** Removes characters that carry nothing, puts radicals back as characters, normalises line ends and digits. */
export function cleanText(text: string): string {
  return asciiDigits(unifyRadicals(text))
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u000b\f\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
}

/** Two pieces of one text broken over lines: a space only between two words of Latin letters. */
export function joinPieces(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** `规章 0 0 0`, `规章  0  0  0`, `0 0 0 0`: a row written with spaces; null when the line is prose. */
function splitSpacedRow(line: string): string[] | null {
  const t = line.trim();
  if (!t || t.length > 400 || t.includes('。')) return null;
  const prose = (s: string) => SENTENCE.test(s.replace(/[（(][^）)]*[）)]/g, ''));
  const words = t.split(/[\s\u00a0\u3000]+/);
  if (words.length >= 2) {
    let k = words.length;
    while (k > 0 && isValueish(words[k - 1])) k--;
    if (k < words.length) {
      if (k === 0) return words;
      const label = words.slice(0, k).join(' ');
      if (label.length <= 80 && !prose(label) && !/[年月日第]$/.test(label)) return [label, ...words.slice(k)];
    }
  }
  const segments = t
    .split(/\s{2,}|\u3000+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (segments.length >= 2 && segments.every((s) => s.length <= 40) && !prose(t)) {
    if (segments.length >= 3 || segments.some((s) => isValueish(s))) return segments;
  }
  return null;
}

function pipeCells(line: string): string[] | 'filler' {
  const parts = line.split('|');
  if (parts.every((p) => /^[\s:\-–—]*$/.test(p) && !/\s/.test(p.replace(/[:\-–—]/g, '')))) return 'filler';
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length > 1 && parts[0] === '') parts.shift();
  if (parts.every((p) => /^[:\-–—\s]+$/.test(p) && /[-–—]/.test(p))) return 'filler';
  return parts.map((p) => p.trim());
}

export interface TextLayout {
  /**
   * 'stream' when the line breaks of the text are not the table's rows: a .doc's text (cell and
   * row ends both become tabs) or a PDF's (a cell's wrapped lines are lines of their own).
   */
  rows?: 'real' | 'stream';
}

export function textToLines(input: string, layout: TextLayout = {}): Line[] {
  const realRows = layout.rows !== 'stream';
  const text = cleanText(input);
  const out: Line[] = [];
  let table = 0;
  let lastWasTable = false;
  const push = (cells: string[], strong: boolean, para: boolean, raw?: string) => {
    if (para) {
      if (lastWasTable) table++;
      lastWasTable = false;
      out.push({ cells, strong: false, table: -1, para: true });
      return;
    }
    lastWasTable = true;
    out.push(raw === undefined ? { cells, strong, table, para: false } : { cells, strong, table, para: false, raw });
  };
  /** The last line that can take a continuation: a short text cell on its own line. */
  let open: Line | null = null;

  for (let raw of text.split('\n')) {
    if (raw.length > MAX_LINE) raw = raw.slice(0, MAX_LINE);
    if (raw === '') continue;
    if (ONLY_SPACE.test(raw)) {
      push([''], false, false);
      open = null;
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed.startsWith('|') || trimmed.endsWith('|')) {
      // Untrimmed: ` |` is a blank cell, `|` alone a filler.
      const cells = pipeCells(raw.trimEnd());
      if (cells === 'filler') continue;
      push(cells, realRows && cells.length > 1, false);
      open = null;
      continue;
    }
    if (raw.includes('\t')) {
      const parts = raw.split('\t');
      if (parts.length === 2 && parts[0].trim() === '') {
        const cell = parts[1].trim();
        push([cell], false, false);
        open = cell && !isValueish(cell) && cell.length <= 16 ? out[out.length - 1] : null;
      } else if (realRows) {
        push(
          parts.map((p) => p.trim()),
          true,
          false,
          raw.replace(/\t+/g, ' ').trim(),
        );
        open = null;
      } else {
        // Not a row: each cell a line of its own (a heading may even follow a table's last cell).
        for (const p of parts) push([p.trim()], false, false);
        open = null;
      }
      continue;
    }
    // A short piece under a short label cell: the rest of a label broken over lines (结果\n纠正).
    if (
      open &&
      trimmed.length <= 12 &&
      !SENTENCE.test(trimmed) &&
      !NUMERAL_HEAD.test(trimmed) &&
      !isValueish(trimmed)
    ) {
      open.cells[0] = joinPieces(open.cells[0], trimmed);
      open = open.cells[0].length <= 24 ? open : null;
      continue;
    }
    open = null;
    const row = splitSpacedRow(raw);
    if (row) push(row, realRows, false, trimmed);
    else push([trimmed], false, true);
  }
  return out;
}
