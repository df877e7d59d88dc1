// Loose label matching: real reports drift in spacing, punctuation width and wording.

const FULLWIDTH: Record<string, string> = {
  '(': '（',
  ')': '）',
  ',': '，',
  ':': '：',
  ';': '；',
  '"': '',
  '“': '',
  '”': '',
  '‘': '',
  '’': '',
  "'": '',
  '、': '、',
  '.': '.',
  '．': '.',
  '/': '/',
  '／': '/',
};

/** Normalises a label for comparison: no whitespace, full-width brackets, no quotes. */
export function normalizeLabel(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC')) {
    if (/\s|\u3000|\|/.test(ch)) continue;
    out += ch in FULLWIDTH ? FULLWIDTH[ch] : ch;
  }
  return out.replace(/\*+/g, '');
}

/** Drops leading enumeration such as 一、 （三） 1. so that 2.其他… matches 其他…. */
export function stripEnumeration(s: string): string {
  return s.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])+/, '');
}

/** Shortest label that may match by prefix (本年新收, 部分公开); shorter ones must match exactly. */
const MIN_PREFIX = 4;

/** True when a candidate label (from a file) means the defined label or one of its aliases. */
export function labelMatches(candidate: string, label: string, aliases: string[] = []): boolean {
  const c = stripEnumeration(normalizeLabel(candidate));
  if (!c) return false;
  for (const l of [label, ...aliases]) {
    const d = stripEnumeration(normalizeLabel(l));
    if (!d) continue;
    if (c === d) return true;
    // Prefixes only between labels of some length: 其他 must not match 其他结果 or 其他法律…禁止公开.
    const shorter = Math.min(c.length, d.length);
    if (shorter >= MIN_PREFIX && (c.startsWith(d) || d.startsWith(c))) return true;
  }
  return false;
}
