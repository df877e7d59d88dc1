// Ranked label matching, for readers that must pick the best of several labels that all match
// loosely (3.其他 is both a row of the matrix and, without its number, a column; （七）总计 too).
// Same test as labelMatches (score > 0 exactly when it matches), plus a ranking.
import { normalizeLabel, stripEnumeration } from './labels';

const MIN_PREFIX = 4;
const ENUM = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|（\d+）|\d+[.、．])/;

export interface PreparedLabel {
  /** Normalised, without its leading enumeration. */
  core: string;
  /** The leading enumeration (一. （三） 2.), or ''. */
  enumeration: string;
}

/** Numberings stripEnumeration leaves: （1） and ①/1 right before the text (NFKC turns ① into 1). */
const MORE_ENUM = /^(?:（\d+）|\d+(?=[\u4e00-\u9fff]))/;

export function prepareLabel(s: string): PreparedLabel {
  const n = normalizeLabel(s);
  const m = n.match(ENUM) ?? n.match(MORE_ENUM);
  let core = stripEnumeration(n);
  for (let k = 0; k < 3 && MORE_ENUM.test(core); k++) core = stripEnumeration(core.replace(MORE_ENUM, ''));
  return {
    core,
    enumeration: m
      ? m[0]
          .replace(/[、.．]$/, '.')
          .replace(/^（(\d+)）$/, '$1.')
          .replace(/^(\d+)$/, '$1.')
      : '',
  };
}

/** Score of a prepared candidate against one prepared label: 0 for no match. */
export function scorePrepared(c: PreparedLabel, d: PreparedLabel): number {
  if (!c.core || !d.core) return 0;
  let s = 0;
  if (c.core === d.core) s = 100 + d.core.length;
  else if (Math.min(c.core.length, d.core.length) >= MIN_PREFIX) {
    // A prefix match counts the characters the two share: a label cut short (2.其他法律行政法规禁止)
    // and a label run on into the next cell's text both match by what they have in common.
    if (c.core.startsWith(d.core)) s = 50 + d.core.length;
    else if (d.core.startsWith(c.core)) s = 50 + c.core.length;
  }
  if (!s) return 0;
  if (c.enumeration && d.enumeration) s += c.enumeration === d.enumeration ? 20 : -20;
  else if (c.enumeration || d.enumeration) s -= 5;
  return s;
}

/**
 * How well a candidate (text from a file) names a label or one of its aliases: 0 when it does
 * not, otherwise higher for an exact match, a longer match and an agreeing enumeration.
 */
export function labelScore(candidate: string, label: string, aliases: string[] = []): number {
  const c = prepareLabel(candidate);
  let best = 0;
  for (const l of [label, ...aliases]) best = Math.max(best, scorePrepared(c, prepareLabel(l)));
  return best;
}
