// Table text whose cells ran together (a web page copied as text, often the whole report on one
// line): 第二十条第（一）项信息内容本年制发件数…规章000行政规范性文件3112. Cut into the labels
// of the format (longest first) and the digit runs between them, as if each had been a cell of
// its own; the digit runs are split later, by the tables' sums (digit-runs.ts).
import { ownLabel, type FormatDef } from '../format';
import { normalizeLabel } from '../format/labels';

export interface GluedPiece {
  text: string;
  /** A label of the format, a digit run (with its decimals), or other text. */
  kind: 'label' | 'value' | 'text';
}

export interface GlueDictionary {
  /** Normalised labels by their first character, longest first. */
  byFirst: Map<string, string[]>;
  /** Labels of columns and headers: a cell that names them is a table, not prose. */
  headers: Set<string>;
  /** Section headings: what follows a table's last number when their line break was lost. */
  ends: Set<string>;
}

const cache = new WeakMap<FormatDef, GlueDictionary>();

/** Every label of the format's tables, normalised as the text will be. */
export function glueDictionary(format: FormatDef): GlueDictionary {
  const hit = cache.get(format);
  if (hit) return hit;
  const rows: string[] = [];
  const headers: string[] = [];
  const m = format.applications;
  for (const r of m.rows) {
    rows.push(...r.path, ...(r.path.length > 1 ? [r.path.slice(1).join('')] : []));
  }
  headers.push(m.header, m.note, ...m.columns.map((c) => c.label), ...m.columns.flatMap((c) => c.group ?? []));
  for (const b of format.disclosure) {
    headers.push(b.label, b.itemHeader, ...b.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])]));
    rows.push(...b.rows.map((r) => ownLabel(r.path)));
  }
  for (const g of format.review.groups) headers.push(...g.path);
  // Section headings end a table: 0五、存在的主要问题及改进情况 is a last number and the next section.
  const ends = format.sections.flatMap((x) => [`${x.numeral}、${x.heading}`, x.heading]);
  rows.push(...ends);
  headers.push(...format.review.columns.map((c) => c.label));
  const byFirst = new Map<string, string[]>();
  const norm = (s: string) => normalizeLabel(s);
  for (const l of new Set([...rows, ...headers].map(norm))) {
    if (!l) continue;
    const list = byFirst.get(l[0]) ?? [];
    list.push(l);
    byFirst.set(l[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const out = { byFirst, headers: new Set(headers.map(norm)), ends: new Set(ends.map(norm)) };
  cache.set(format, out);
  return out;
}

const DIGIT = /\d/;
const ENUM_MARK = /[.、．]/;
/** What follows a number in prose (5件, 12个, 95%), never the next label of a table. */
const UNIT_AFTER = /^[件个项次条万元人余家年月日天%％份期场篇名户]/;

/** A chunk (no whitespace) cut into labels, digit runs and other text. */
function cutChunk(chunk: string, dict: GlueDictionary, out: GluedPiece[]): void {
  let gap = '';
  const flush = () => {
    if (gap) out.push({ text: gap, kind: 'text' });
    gap = '';
  };
  let i = 0;
  while (i < chunk.length) {
    const ch = chunk[i];
    const cands = dict.byFirst.get(ch);
    const label = cands?.find((l) => chunk.startsWith(l, i));
    if (label) {
      flush();
      out.push({ text: label, kind: 'label' });
      i += label.length;
      continue;
    }
    // A sign right before digits is the number's (本年增/减 +144, -3).
    const signed = (ch === '+' || ch === '-') && DIGIT.test(chunk[i + 1] ?? '');
    if (signed || DIGIT.test(ch)) {
      let e = signed ? i + 1 : i;
      while (e < chunk.length && DIGIT.test(chunk[e])) e++;
      // 00000002.其他…: the last digit is the next row's enumeration.
      if (e < chunk.length && ENUM_MARK.test(chunk[e]) && !DIGIT.test(chunk[e + 1] ?? '') && e - i >= 1) {
        if (e - 1 > i) {
          flush();
          out.push({ text: chunk.slice(i, e - 1), kind: 'value' });
        }
        gap += chunk[e - 1];
        i = e;
        // The enumeration and its label are matched from the digit on.
        const rest = chunk.slice(e - 1);
        const l = dict.byFirst.get(rest[0])?.find((x) => rest.startsWith(x));
        if (l) {
          gap = gap.slice(0, -1);
          flush();
          out.push({ text: l, kind: 'label' });
          i = e - 1 + l.length;
        }
        continue;
      }
      if (chunk[e] === '.' && DIGIT.test(chunk[e + 1] ?? '')) {
        e++;
        while (e < chunk.length && DIGIT.test(chunk[e])) e++;
      }
      flush();
      out.push({ text: chunk.slice(i, e), kind: 'value' });
      i = e;
      continue;
    }
    gap += ch;
    i++;
  }
  flush();
}

/**
 * The pieces of a text whose table cells ran together, or null when the text is not such a
 * table (prose: a label followed by a number and a unit, 行政处罚12件, does not count).
 * `cell`: the text is one cell of a row whose cells stand apart (tabs, a table's cell).
 */
export function unglue(text: string, dict: GlueDictionary, cell = false): GluedPiece[] | null {
  if (!DIGIT.test(text)) return null;
  const pieces: GluedPiece[] = [];
  for (const chunk of text.split(/[\s\u00a0\u3000]+/)) {
    if (!chunk) continue;
    const n = normalizeLabel(chunk);
    if (n) cutChunk(n, dict, pieces);
  }
  let rowsWithValues = 0;
  let header = false;
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k];
    if (p.kind !== 'label') continue;
    if (dict.headers.has(p.text)) header = true;
    const v = pieces[k + 1];
    const after = pieces[k + 2];
    if (v?.kind === 'value' && (!after || after.kind === 'label' || !UNIT_AFTER.test(after.text))) rowsWithValues++;
  }
  // A line of nothing but labels and numbers (行政许可5543) is a row however short.
  const onlyCells = pieces.every((p) => p.kind !== 'text');
  // 0行政规范性文件, 03.其他: a row's last number and the next row's label, their line break lost,
  // in a cell of a row whose cells stand apart (`cell`). An item's own number (2.其他法律…) is its label's.
  const numberThenLabel = cell && pieces.length === 2 && pieces[0].kind === 'value' && pieces[1].kind === 'label';
  const [first, second] = pieces;
  const tableEnds = first?.kind === 'value' && second?.kind === 'label' && dict.ends.has(second.text);
  return rowsWithValues >= 2 || (rowsWithValues >= 1 && (header || onlyCells)) || numberThenLabel || tableEnds
    ? pieces
    : null;
}
