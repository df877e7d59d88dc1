// Cells in reading order, with where they sit, and the two ways of reading a row's numbers:
// by the columns its table's header names (when the row is a real row of a real table), or
// by position among the numbers that follow the row's label (when only text is left).
import type { Line } from './lines';
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
}

/** A label run into the number of the next cell (行政规范性文件5: a PDF's narrow gap). */
const LABEL_AND_NUMBER = /^(.*[\u4e00-\u9fff）)”」])([+-]?\d{1,12}(?:\.\d+)?)$/;

export function tokensOf(lines: Line[], from: number, to: number): Tok[] {
  const out: Tok[] = [];
  for (let i = from; i < to; i++) {
    const l = lines[i];
    for (let j = 0; j < l.cells.length; j++) {
      const text = l.cells[j];
      const value = readCell(text);
      const merged = l.merged ? !!l.merged[j] : false;
      const split = value.kind === 'text' && !l.para && text.length <= 80 ? LABEL_AND_NUMBER.exec(text.trim()) : null;
      if (split) {
        out.push({
          text: split[1],
          value: readCell(split[1]),
          line: i,
          col: j,
          strong: l.strong,
          table: l.table,
          merged,
        });
        out.push({
          text: split[2],
          value: readCell(split[2]),
          line: i,
          col: j,
          strong: l.strong,
          table: l.table,
          merged,
        });
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
