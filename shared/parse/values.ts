// Reading one table cell as a number. A blank stays a blank (null), never a zero; `/` and
// dashes mean "not applicable" and are blanks too. Anything else that is not a number is text.
import type { Cell } from '../report/model';

export type CellValue =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  /** Digits so many that the number cannot be held exactly. */
  | { kind: 'huge'; text: string }
  | { kind: 'text' };

const NOT_APPLICABLE = new Set([
  '/',
  '\\',
  '-',
  '—',
  '–',
  '－',
  '‐',
  '−',
  '——',
  '--',
  '无',
  '空',
  '不适用',
  'x',
  'X',
  '×',
  '*',
]);
const UNIT = /\s*[（(]?(?:件|个|项|次|条|人次|万元|元)[）)]?$/;
// 1234 | 1,234 | 1 234 | 12.5 | +144 | -3
const NUMBER = /^[+-]?(?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d+)?$/;
const MAX_DIGITS = 15;

const BLANK: CellValue = { kind: 'blank' };
const TEXT: CellValue = { kind: 'text' };

export function readCell(raw: string): CellValue {
  if (raw.length > 40) return TEXT;
  // Fast paths: an empty cell, a plain whole number, a label.
  if (raw === '') return BLANK;
  if (/^\d{1,15}$/.test(raw)) return { kind: 'number', value: Number(raw) };
  if (/^[\u4e00-\u9fff（(]/.test(raw) && !/[\d０-９]/.test(raw)) return NOT_APPLICABLE.has(raw.trim()) ? BLANK : TEXT;
  let t = raw
    .normalize('NFKC')
    .replace(/(?:\s|\u200b|\u200c|\u200d|\ufeff)+/g, ' ')
    .trim();
  if (!t) return BLANK;
  if (NOT_APPLICABLE.has(t)) return BLANK;
  t = t.replace(UNIT, '').trim();
  t = t.replace(/^[（(](.*)[）)]$/, '$1').trim();
  t = t.replace(/^[−–—]/, '-');
  if (!NUMBER.test(t)) return TEXT;
  const digits = t.replace(/[^\d]/g, '');
  if (digits.replace(/^0+/, '').length > MAX_DIGITS) return { kind: 'huge', text: t };
  const n = Number(t.replace(/[, ]/g, ''));
  return Number.isFinite(n) ? { kind: 'number', value: n } : { kind: 'huge', text: t };
}

/** True for a cell a table row may hold as a value (number or blank). */
export function isValueish(raw: string): boolean {
  const v = readCell(raw);
  return v.kind !== 'text';
}

export function cellOf(v: CellValue): Cell {
  return v.kind === 'number' ? v.value : null;
}

/**
 * Full-width digits (２０２２, ３５．６) as ASCII: some clerks type them, and a digit run or a year
 * must read the same either way.
 */
export function asciiDigits(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)．(?=\d)/g, '.');
}
