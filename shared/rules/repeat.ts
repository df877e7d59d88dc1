// How much of this year's text repeats last year's (text.repeat): sentence by sentence, a
// sentence counting as repeated when it is last year's with only its numbers or year changed, or
// nearly last year's (a word or two edited). Shares are by characters, so that a repeated long
// paragraph weighs more than a repeated short heading.
import { narrativeKeyOf, type Narrative, type PreviousYear, type Report } from '../report';
import type { Finding } from './types';
import { narrativeParagraphs, sentences } from './paragraphs';

export interface RepeatResult {
  /** 0–100: share of this year's narrative (by characters, sentence by sentence) repeating last year's. */
  percent: number;
  bySection: { section: number; percent: number }[];
  /** Paragraphs with any repetition, most repeated first (then longest first). */
  paragraphs: { section: number; part: string; percent: number; text: string }[];
}

/** Two sentences this alike (Dice coefficient of their character pairs) count as one repeated. */
const NEAR = 0.8;
/** Shorter sentences must match exactly (after numbers are masked). */
const MIN_FUZZY = 8;

/** A sentence reduced to what a rewrite would change: no spaces or punctuation, numbers masked. */
export function sentenceKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[0-9０-９]+(?:[.,，][0-9]+)*%?/g, '#')
    .replace(/[〇零一二三四五六七八九十百千万两]+(?=[年月日件条个项次%])/g, '#')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The pairs of adjacent characters of a text (what near-sameness is measured on). */
export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Last year's sentences, indexed for exact and near look-up. */
class LastYearIndex {
  private exact = new Set<string>();
  private grams: Set<string>[] = [];
  private byGram = new Map<string, number[]>();

  constructor(narrative: Narrative) {
    for (const p of narrativeParagraphs(narrative)) {
      for (const s of sentences(p.text)) {
        const key = sentenceKey(s);
        if (!key || this.exact.has(key)) continue;
        this.exact.add(key);
        if (key.length < MIN_FUZZY) continue;
        const g = bigrams(key);
        const i = this.grams.push(g) - 1;
        for (const b of g) {
          const list = this.byGram.get(b);
          if (list) list.push(i);
          else this.byGram.set(b, [i]);
        }
      }
    }
  }

  get empty(): boolean {
    return this.exact.size === 0;
  }

  repeats(key: string): boolean {
    if (this.exact.has(key)) return true;
    if (key.length < MIN_FUZZY) return false;
    const g = bigrams(key);
    const shared = new Map<number, number>();
    for (const b of g) for (const i of this.byGram.get(b) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, n] of shared) if ((2 * n) / (g.size + this.grams[i].size) >= NEAR) return true;
    return false;
  }
}

const pct = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : 0);

// Last year's text does not change while this year's is typed: index it once.
const indexes = new WeakMap<Narrative, LastYearIndex>();

function indexOf(narrative: Narrative): LastYearIndex {
  let index = indexes.get(narrative);
  if (!index) {
    index = new LastYearIndex(narrative);
    indexes.set(narrative, index);
  }
  return index;
}

export function textRepeat(thisYear: Report, lastYear: Report | PreviousYear): RepeatResult {
  const index = indexOf(lastYear.narrative);
  const sections = new Map<number, { repeated: number; total: number }>();
  const paragraphs: RepeatResult['paragraphs'] = [];
  let repeated = 0;
  let total = 0;
  for (const p of narrativeParagraphs(thisYear.narrative)) {
    let pr = 0;
    let pt = 0;
    for (const s of sentences(p.text)) {
      const key = sentenceKey(s);
      pt += key.length;
      if (key && !index.empty && index.repeats(key)) pr += key.length;
    }
    const sec = sections.get(p.section) ?? { repeated: 0, total: 0 };
    sec.repeated += pr;
    sec.total += pt;
    sections.set(p.section, sec);
    repeated += pr;
    total += pt;
    if (pr) paragraphs.push({ section: p.section, part: p.part, percent: pct(pr, pt), text: p.text });
  }
  paragraphs.sort((a, b) => b.percent - a.percent || b.text.length - a.text.length);
  return {
    percent: pct(repeated, total),
    bySection: [...sections].map(([section, s]) => ({ section, percent: pct(s.repeated, s.total) })),
    paragraphs,
  };
}

/** Above this share the text counts as copied from last year's (a common deduction). */
export const REPEAT_LIMIT = 50;

const sectionName = (no: number) => `第${['', '一', '二', '三', '四', '五', '六'][no] ?? no}部分`;

export function checkTextRepeat(report: Report, last: Report | PreviousYear, out: Finding[]): void {
  if (last.year >= report.year) return;
  const r = textRepeat(report, last);
  if (r.percent <= REPEAT_LIMIT) return;
  const top = r.paragraphs.slice(0, 3);
  const headingOf = (section: number, part: string) =>
    report.narrative[narrativeKeyOf(section)!]?.find((p) => p.id === part)?.heading ?? '';
  out.push({
    rule: 'text.repeat',
    severity: 'warning',
    message:
      `正文有${r.percent}%与${last.year}年报告相同或只改了数字、年份` +
      `（${r.bySection.map((s) => `${sectionName(s.section)}${s.percent}%`).join('，')}）。重复最多的段落：` +
      top
        .map((p) => {
          const h = headingOf(p.section, p.part);
          return `${sectionName(p.section)}${h ? `“${h}”` : ''}（${p.percent}%）“${p.text.length > 30 ? `${p.text.slice(0, 30)}…` : p.text}”`;
        })
        .join('；') +
      '。请按本年工作情况改写',
    cells: [],
    field: top[0] ? { section: top[0].section, part: top[0].part } : { section: 1 },
  });
}

/** Whether two sentences are one with a few words edited (or only numbers changed). */
export function nearlySame(a: string, b: string): boolean {
  const ka = sentenceKey(a);
  const kb = sentenceKey(b);
  if (ka === kb) return true;
  if (ka.length < MIN_FUZZY || kb.length < MIN_FUZZY) return false;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  let n = 0;
  for (const g of ga) if (gb.has(g)) n++;
  return (2 * n) / (ga.size + gb.size) >= NEAR;
}
