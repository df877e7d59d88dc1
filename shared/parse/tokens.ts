// Cells in reading order, with where they sit, and the two ways of reading a row's numbers:
// by the columns its table's header names (when the row is a real row of a real table), or
// by position among the numbers that follow the row's label (when only text is left).
import type { FormatDef } from '../format';
import type { Line } from './lines';
import { glueDictionary, unglue } from './unglue';
import { readCell, type CellValue } from './values';

export interface Tok {
  text: string;
  value: CellValue;
  line: number;
  col: number;
  strong: boolean;
  table: number;
  /** A copy of a merged cell (its value is counted once). */
  merged: boolean;
  /** Cut out of text whose cells ran together. */
  glued?: boolean;
}

/** A label run into the number of the next cell (行政规范性文件5: a PDF's narrow gap). */
const LABEL_AND_NUMBER = /^(.*[\u4e00-\u9fff）)”」])([+-]?\d{1,12}(?:\.\d+)?)$/;
/**
 * Characters of group labels printed one per line down the table's left columns, landed at the
 * start of another row's label: `本   2.其他法律行政法规禁止公开`, `度  （  1.属于国家秘密`.
 */
const STRAY_LEAD = /^(?:[\u4e00-\u9fff、（）()][\s\u3000]+){1,2}(?=[（(一二三四五六七八九十\d])/;
/** Numbers at the end of a short line of text: a wrapped label's middle line that holds its row's numbers. */
const TRAILING_VALUES = /^(.*?\S)((?:[\s\u3000]+[+-]?\d[\d.,]*){2,})[\s\u3000]*$/;

/** A page number left in a PDF's text (- 3 -, — 2 —, 第3页): not a cell of any table. */
const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)$/;

function isPageNumber(l: Line): boolean {
  const t = l.cells.join(' ').trim();
  return t.length <= 20 && PAGE_NUMBER.test(t);
}

export interface TokenOptions {
  /** The format whose labels cut text whose cells ran together (unglue.ts); none: no cutting. */
  format?: FormatDef;
}

export function tokensOf(lines: Line[], from: number, to: number, options: TokenOptions = {}): Tok[] {
  const out: Tok[] = [];
  const dict = options.format ? glueDictionary(options.format) : null;
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (l.cells.length <= 3 && isPageNumber(l)) continue;
    for (let j = 0; j < l.cells.length; j++) {
      let text = l.cells[j];
      const merged = l.merged ? !!l.merged[j] : false;
      const push = (t: string, glued = false) =>
        out.push({ text: t, value: readCell(t), line: i, col: j, strong: l.strong, table: l.table, merged, glued });
      if (dict && text.length > 2 && !(l.strong && !merged && readCell(text).kind !== 'text')) {
        const pieces = unglue(text, dict, l.strong);
        if (pieces) {
          for (const p of pieces) push(p.text, true);
          continue;
        }
      }
      if (!l.strong && text.length <= 120) {
        const tail = l.para ? TRAILING_VALUES.exec(text) : null;
        if (tail) {
          push(tail[1].replace(STRAY_LEAD, ''));
          for (const v of tail[2].trim().split(/[\s\u3000]+/)) push(v);
          continue;
        }
      }
      const value = readCell(text);
      if (value.kind === 'text' && text.length <= 80) text = text.replace(STRAY_LEAD, '');
      const split = value.kind === 'text' && !l.para && text.length <= 80 ? LABEL_AND_NUMBER.exec(text.trim()) : null;
      if (split) {
        push(split[1]);
        push(split[2]);
      } else out.push({ text, value, line: i, col: j, strong: l.strong, table: l.table, merged });
    }
  }
  return out;
}

/** Tokens of a range of lines out of the tokens of all lines (made once per document). */
export function sliceTokens(all: Tok[], from: number, to: number): Tok[] {
  const first = (line: number) => {
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].line < line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return all.slice(first(from), first(to));
}

export type Resolved =
  { ok: true; cells: CellValue[]; guessed: boolean } | { ok: false; count: number; numbers: number };

/**
 * Picks n values out of the value cells that followed a label. Extra cells are dropped only
 * where they are blanks at either end (label-column fillers, line-end tabs): from the end
 * first for cells one per line (fillers come before the next label), from the start first for
 * a real row. Anything else is left unread rather than guessed.
 */
export function resolveByPosition(vals: Tok[], n: number, strong: boolean): Resolved {
  const numbers = vals.filter((v) => v.value.kind !== 'blank').length;
  if (vals.length === n) return { ok: true, cells: vals.map((v) => v.value), guessed: false };
  if (vals.length < n) return { ok: false, count: vals.length, numbers };
  const extra = vals.length - n;
  let lead = 0;
  while (lead < vals.length && vals[lead].value.kind === 'blank') lead++;
  let trail = 0;
  while (trail < vals.length - lead && vals[vals.length - 1 - trail].value.kind === 'blank') trail++;
  if (extra > lead + trail) return { ok: false, count: vals.length, numbers };
  let dropStart: number;
  if (strong) {
    dropStart = Math.min(extra, lead);
  } else {
    dropStart = extra - Math.min(extra, trail);
  }
  const dropEnd = extra - dropStart;
  const kept = vals.slice(dropStart, vals.length - dropEnd);
  const guessed = kept.some((v) => v.value.kind === 'blank');
  return { ok: true, cells: kept.map((v) => v.value), guessed };
}

/**
 * Every way of dropping a row's extra blank cells from its two ends (fillers before, a stray
 * cell after): more than one when blanks stand at both ends, and the numbers then sit in
 * different columns depending on the choice.
 */
export function positionReadings(vals: Tok[], n: number): CellValue[][] {
  const extra = vals.length - n;
  if (extra <= 0) return extra === 0 ? [vals.map((v) => v.value)] : [];
  let lead = 0;
  while (lead < vals.length && vals[lead].value.kind === 'blank') lead++;
  let trail = 0;
  while (trail < vals.length - lead && vals[vals.length - 1 - trail].value.kind === 'blank') trail++;
  const out: CellValue[][] = [];
  for (let start = Math.max(0, extra - trail); start <= Math.min(extra, lead); start++)
    out.push(vals.slice(start, start + n).map((v) => v.value));
  return out;
}

/** Values of a real row by its table's column positions; null when the row does not line up. */
export function readByColumns(line: Line, labelCol: number, indices: number[]): CellValue[] | null {
  if (!indices.length) return null;
  let min = Infinity;
  let max = -1;
  for (const i of indices) {
    if (i < min) min = i;
    if (i > max) max = i;
  }
  if (min <= labelCol || line.cells.length <= max) return null;
  const wanted = new Set(indices);
  for (let j = labelCol + 1; j < line.cells.length; j++) {
    if (!wanted.has(j) && !line.merged?.[j] && line.cells[j].trim() !== '') return null;
  }
  return indices.map((j) => readCell(line.cells[j]));
}
