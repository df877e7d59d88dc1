// Ledger values -> the matrix's columns and rows: by the format's labels, then by the words in
// synonyms.ts, then by the clerk's remembered choice. Nothing is guessed: a value that names no
// target, or two, maps to null and is listed for the clerk.
import { ownLabel, rowScopeLabel, type FormatDef } from '../format';
import { normalizeLabel, stripEnumeration } from '../format/labels';
import { APPLICANT_WORDS, GROUP_WORDS, OPEN_WORDS, REASON_WORDS } from './synonyms';
import { OPEN, type LedgerMapping, type MappedBy } from './types';

export interface Mapped {
  target: string;
  by: MappedBy;
}

/** The key a value's mapping is remembered under: normalised, outcome and reason joined by ｜. */
export function valueKey(value: string, reason = ''): string {
  const v = normalizeLabel(value);
  const r = normalizeLabel(reason);
  return r ? `${v}｜${r}` : v;
}

/** A label's core for matching: normalised, without enumeration and without a bracketed note. */
function core(label: string): string {
  return stripEnumeration(normalizeLabel(label)).replace(/（[^）]*）$/, '');
}

interface Word {
  word: string;
  target: string;
}

/** The target of the longest word the text contains; null when none, or two targets tie. */
function longestWord(text: string, words: Word[]): Word | null {
  let best: Word | null = null;
  let tie = false;
  for (const w of words) {
    if (!w.word || !text.includes(w.word)) continue;
    if (!best || w.word.length > best.word.length) {
      best = w;
      tie = false;
    } else if (w.word.length === best.word.length && w.target !== best.target) tie = true;
  }
  return tie ? null : best;
}

interface ApplicantIndex {
  exact: Map<string, string>;
  words: Word[];
  /** Column group labels (法人或其他组织): they name no one column. */
  groups: string[];
}

interface OutcomeIndex {
  exact: Map<string, string>;
  /** Group words -> the group's key (granted, refused …). */
  groups: Word[];
  /** Group key -> its rows (one row: the group is the row). */
  groupRows: Map<string, string[]>;
  /** Reason words -> result row id. */
  reasons: Word[];
  open: string[];
}

const applicantCache = new WeakMap<FormatDef, ApplicantIndex>();
const outcomeCache = new WeakMap<FormatDef, OutcomeIndex>();

function applicantIndex(format: FormatDef): ApplicantIndex {
  const hit = applicantCache.get(format);
  if (hit) return hit;
  const exact = new Map<string, string>();
  const words: Word[] = [];
  for (const col of format.applications.columns) {
    if (col.isTotal) continue;
    for (const l of [col.label, ...(col.aliases ?? [])]) {
      exact.set(normalizeLabel(l), col.id);
      words.push({ word: normalizeLabel(l), target: col.id });
    }
    for (const w of APPLICANT_WORDS[col.id] ?? []) words.push({ word: w, target: col.id });
  }
  const groups = [...new Set(format.applications.columns.flatMap((c) => (c.group ? [normalizeLabel(c.group)] : [])))];
  const out = { exact, words, groups };
  applicantCache.set(format, out);
  return out;
}

/** granted, refused … : a result row's group, by its id. */
export function groupOf(rowId: string): string {
  return rowId.split('.')[0];
}

function outcomeIndex(format: FormatDef): OutcomeIndex {
  const hit = outcomeCache.get(format);
  if (hit) return hit;
  const m = format.applications;
  const exact = new Map<string, string>();
  const groups: Word[] = [];
  const groupRows = new Map<string, string[]>();
  const reasons: Word[] = [];
  const rows = m.rows.filter((r) => m.resultRows.includes(r.id));
  const ownCount = new Map<string, number>();
  for (const r of rows) ownCount.set(core(ownLabel(r.path)), (ownCount.get(core(ownLabel(r.path))) ?? 0) + 1);
  for (const r of rows) {
    const g = groupOf(r.id);
    groupRows.set(g, [...(groupRows.get(g) ?? []), r.id]);
    const own = core(ownLabel(r.path));
    for (const form of [r.path.join(''), r.path.slice(1).join(''), rowScopeLabel(r.path)]) {
      exact.set(normalizeLabel(form), r.id);
    }
    // 3.其他 alone says too little to be a label match.
    if (ownCount.get(own) === 1 && own.length >= 3) exact.set(own, r.id);
    if (r.path.length >= 3) {
      // A sub-row: its own label and aliases are reason words; the group label a group word.
      reasons.push({ word: own, target: r.id });
      for (const a of r.aliases ?? []) reasons.push({ word: core(a), target: r.id });
      groups.push({ word: core(r.path[1]), target: g });
    } else {
      groups.push({ word: own, target: g });
      for (const a of r.aliases ?? []) groups.push({ word: core(a), target: g });
    }
  }
  for (const [g, words] of Object.entries(GROUP_WORDS)) {
    if (groupRows.has(g)) for (const w of words) groups.push({ word: w, target: g });
  }
  for (const [id, words] of Object.entries(REASON_WORDS)) {
    // A reason of a row this format lacks counts in its group's single row (2019: 其他处理).
    const target = rows.some((r) => r.id === id) ? id : groupRows.get(groupOf(id))?.length === 1 ? groupOf(id) : null;
    if (target) for (const w of words) reasons.push({ word: w, target });
  }
  const out = { exact, groups, groupRows, reasons, open: OPEN_WORDS };
  outcomeCache.set(format, out);
  return out;
}

/** The matrix column an applicant type means. */
export function mapApplicant(format: FormatDef, value: string, mapping?: LedgerMapping): Mapped | null {
  const key = valueKey(value);
  if (!key) return null;
  const remembered = mapping?.applicant[key];
  if (remembered && format.applications.columns.some((c) => c.id === remembered && !c.isTotal))
    return { target: remembered, by: 'remembered' };
  const idx = applicantIndex(format);
  const exact = idx.exact.get(key);
  if (exact) return { target: exact, by: 'label' };
  // 法人或其他组织 contains 其他组织, yet names the group, not its column 其他.
  const rest = idx.groups.reduce((t, g) => without(t, g), key);
  const w = longestWord(rest, idx.words);
  return w ? { target: w.target, by: 'synonym' } : null;
}

/** Blanks out every occurrence of a word, so that 公开 inside 公开出版物 is not read again. */
function without(text: string, word: string): string {
  return text.split(word).join('\u0000');
}

/**
 * The result row an outcome (with its reason, from its own column or in brackets) means, or
 * OPEN for an application still being handled.
 */
export function mapOutcome(format: FormatDef, outcome: string, reason = '', mapping?: LedgerMapping): Mapped | null {
  const key = valueKey(outcome, reason);
  if (!key) return null;
  const remembered = mapping?.outcome[key];
  if (remembered && (remembered === OPEN || format.applications.resultRows.includes(remembered)))
    return { target: remembered, by: 'remembered' };
  const idx = outcomeIndex(format);
  const text = normalizeLabel(outcome + reason);
  const exact = idx.exact.get(text) ?? idx.exact.get(normalizeLabel(outcome));
  if (exact) return { target: exact, by: 'label' };
  if (idx.open.some((w) => text === w || normalizeLabel(outcome) === w)) return { target: OPEN, by: 'synonym' };
  const r = longestWord(text, idx.reasons);
  const rest = r ? without(text, r.word) : text;
  // 部分公开 counts only as 部分公开, whatever else the cell says.
  const partly = idx.groups.find((w) => w.target === 'partlyGranted' && rest.includes(w.word));
  const g = partly ?? longestWord(rest, idx.groups);
  // A reason alone names its row, unless it is as short as 其他.
  if (!g) return r && r.word.length >= 3 ? { target: r.target, by: 'synonym' } : null;
  const rows = idx.groupRows.get(g.target)!;
  if (rows.length === 1) return { target: rows[0], by: 'synonym' };
  // A group with reasons (不予公开 …) needs its reason, and the reason must belong to it.
  if (!r || groupOf(r.target) !== g.target) return null;
  return { target: r.target, by: 'synonym' };
}

/** 不予公开（属于国家秘密） -> outcome 不予公开, reason 属于国家秘密 (when no reason column says it). */
export function splitBracketReason(outcome: string, reason: string): { outcome: string; reason: string } {
  if (reason.trim() || !/[）)】\]]\s*$/.test(outcome)) return { outcome, reason };
  const m = outcome
    .normalize('NFKC')
    .trim()
    .match(/^(.+?)\s*[（(【[]\s*(.+?)\s*[）)】\]]$/);
  return m ? { outcome: m[1], reason: m[2] } : { outcome, reason };
}
