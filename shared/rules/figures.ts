// The figures a report's text can quote, derived from the format: every row, row group and
// column label of 三, 四 and 二 (and their aliases), plus the phrasings of figure-terms.ts, each
// knowing the cells it stands for. A sentence is read into tokens: named figures and numbers.
import { normalizeLabel, ownLabel, stripEnumeration, type FormatDef } from '../format';
import {
  DISCLOSURE_COLUMN_PHRASES,
  MATRIX_ROW_PHRASES,
  RECEIVED_ROW,
  REVIEW_COLUMN_PHRASES,
  REVIEW_GROUP_PHRASES,
} from './figure-terms';

export type Role =
  | { kind: 'appRow'; rows: string[]; label: string; received: boolean }
  | { kind: 'appCol'; cols: string[]; label: string }
  | { kind: 'reviewGroup'; groups: string[]; label: string }
  | { kind: 'reviewCol'; col: string; label: string }
  | { kind: 'activeRow'; block: string; row: string; label: string }
  | { kind: 'activeCol'; col: string };

export interface Term {
  phrase: string;
  role: Role;
}

/** A label as a text would write it: no enumeration, no explanatory bracket. */
export function plainLabel(label: string): string {
  return stripEnumeration(normalizeLabel(label)).replace(/（[^）]*）/g, '');
}

/** The short name of a matrix row for messages: its alias (本年新收) or its plain own label. */
export function matrixRowName(format: FormatDef, rowId: string): string {
  const row = format.applications.rows.find((r) => r.id === rowId);
  if (!row) return rowId;
  const own = plainLabel(ownLabel(row.path));
  const alias = row.aliases?.map(plainLabel).find((a) => a.length < own.length);
  if (alias) return alias;
  // （七）总计 → 本年度办理结果总计: a bare 总计 would not say of what.
  return row.path.length > 1 && own.length <= 2 ? plainLabel(row.path[0]) + own : own;
}

/** Short form of a 二 column label for messages: 本年收费金额（单位：万元） → 本年收费金额. */
export function disclosureColumnName(label: string, aliases: string[] = []): string {
  return aliases.find((a) => a.length < label.length) ?? label;
}

const MIN_PHRASE = 3;
/** Disclosure rows are short (规章) but specific; a few continue into other words. */
const NOT_AFTER: Record<string, RegExp> = { 规章: /^制度/ };

function buildTerms(format: FormatDef): Term[] {
  const terms: Term[] = [];
  const add = (phrases: string[], role: Role, min = MIN_PHRASE) => {
    for (const p of phrases) {
      const phrase = normalizeLabel(p);
      if (phrase.length >= min && !terms.some((t) => t.phrase === phrase)) terms.push({ phrase, role });
    }
  };
  const m = format.applications;
  for (const r of m.rows) {
    const own = plainLabel(ownLabel(r.path));
    const role: Role = {
      kind: 'appRow',
      rows: [r.id],
      label: matrixRowName(format, r.id),
      received: r.id === RECEIVED_ROW,
    };
    add([own, own.replace(/^(?:属于|本机关)/, ''), ...(r.aliases ?? []).map(plainLabel)], role);
    add(MATRIX_ROW_PHRASES[r.id] ?? [], role, 2);
  }
  // Row groups (（三）不予公开): the sum of their rows.
  const groups = new Map<string, string[]>();
  for (const r of m.rows) if (r.path.length === 3) groups.set(r.path[1], [...(groups.get(r.path[1]) ?? []), r.id]);
  for (const [g, rows] of groups) add([plainLabel(g)], { kind: 'appRow', rows, label: plainLabel(g), received: false });
  const colGroups = new Map<string, string[]>();
  for (const c of m.columns) {
    if (c.isTotal) continue;
    add([c.label, ...(c.aliases ?? [])], { kind: 'appCol', cols: [c.id], label: c.label });
    if (c.group) colGroups.set(c.group, [...(colGroups.get(c.group) ?? []), c.id]);
  }
  for (const [g, cols] of colGroups) add([g], { kind: 'appCol', cols, label: g });

  const rv = format.review;
  const parents = new Map<string, string[]>();
  for (const g of rv.groups) {
    add([ownLabel(g.path), ...(REVIEW_GROUP_PHRASES[g.id] ?? [])], {
      kind: 'reviewGroup',
      groups: [g.id],
      label: g.path.join(''),
    });
    for (const p of g.path.slice(0, -1)) parents.set(p, [...(parents.get(p) ?? []), g.id]);
  }
  for (const [p, ids] of parents) add([p], { kind: 'reviewGroup', groups: ids, label: p });
  for (const c of rv.columns) {
    if (c.isTotal) continue;
    add([c.label, ...(REVIEW_COLUMN_PHRASES[c.id] ?? [])], { kind: 'reviewCol', col: c.id, label: c.label }, 2);
  }

  for (const b of format.disclosure) {
    for (const r of b.rows)
      add(
        [ownLabel(r.path), ...(r.aliases ?? [])],
        { kind: 'activeRow', block: b.id, row: r.id, label: ownLabel(r.path) },
        2,
      );
    for (const c of b.columns) {
      const short = c.label
        .replace(/（[^）]*）/g, '')
        .replace(/^本年/, '')
        .replace(/(?:件数|数量)$/, '');
      add([c.label, short, ...(DISCLOSURE_COLUMN_PHRASES[c.id] ?? [])], { kind: 'activeCol', col: c.id }, 2);
    }
  }
  return terms.sort((a, b) => b.phrase.length - a.phrase.length);
}

export interface Vocabulary {
  format: FormatDef;
  /** Terms by their first character, longest first. */
  byFirst: Map<string, Term[]>;
}

const cache = new WeakMap<FormatDef, Vocabulary>();

export function vocabularyOf(format: FormatDef): Vocabulary {
  const hit = cache.get(format);
  if (hit) return hit;
  const byFirst = new Map<string, Term[]>();
  for (const t of buildTerms(format)) {
    const list = byFirst.get(t.phrase[0]);
    if (list) list.push(t);
    else byFirst.set(t.phrase[0], [t]);
  }
  const v = { format, byFirst };
  cache.set(format, v);
  return v;
}

export type Token =
  /** conj: joined to the term before by 及/和/、 (set while reading a sentence). */
  | { type: 'term'; start: number; end: number; term: Term; conj?: boolean }
  | { type: 'number'; start: number; end: number; value: number; unit: string; percent: boolean };

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十二 → 12, 一百零五 → 105, 两千 → 2000 (small counts as texts write them); NaN otherwise. */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (!unit) return NaN;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  return total + (digit < 0 ? 0 : digit);
}

const NUMBER =
  /(百分之)?([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)(%|件|个|条|宗|起|项|份|次|万元|元)?/g;

/** Terms (longest first, no overlap) and numbers with a unit, in order. */
export function tokenize(sentence: string, vocab: Vocabulary): Token[] {
  const out: Token[] = [];
  const numbers: Token[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const percent = !!m[1] || m[3] === '%';
    const unit = m[3] ?? '';
    if (!unit && !percent) continue;
    const value = /^[0-9]/.test(m[2]) ? Number(m[2].replace(/,/g, '')) : chineseNumber(m[2]);
    if (!Number.isFinite(value)) continue;
    // 十九大, 二中全会: a Chinese numeral counts only right before a counting unit.
    if (!/^[0-9]/.test(m[2]) && !unit) continue;
    numbers.push({ type: 'number', start: m.index, end: m.index + m[0].length, value, unit, percent });
  }
  let n = 0;
  for (let i = 0; i < sentence.length;) {
    if (n < numbers.length && numbers[n].start === i) {
      out.push(numbers[n]);
      i = numbers[n++].end;
      continue;
    }
    while (n < numbers.length && numbers[n].start < i) n++;
    const hit = vocab.byFirst
      .get(sentence[i])
      ?.find(
        (t) => sentence.startsWith(t.phrase, i) && !NOT_AFTER[t.phrase]?.test(sentence.slice(i + t.phrase.length)),
      );
    if (hit && (n >= numbers.length || numbers[n].start >= i + hit.phrase.length)) {
      out.push({ type: 'term', start: i, end: i + hit.phrase.length, term: hit });
      i += hit.phrase.length;
    } else i++;
  }
  return out;
}
