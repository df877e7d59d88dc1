// Row labels as published drift from the format (2.其他法律行政止公开, （六）其他 for （六）其他处理).
// The rows of the matrix come in a fixed order, so the labels found are aligned, in order, to the
// format's rows (a weighted longest-common-subsequence alignment): a label that matches no row on
// its own is taken for the row its place and its likeness both point to, never for a row that an
// exact label elsewhere already holds, and never out of order.
import { prepareLabel, type PreparedLabel } from '../format/match';

/** Likeness below this is no match at all. */
export const MIN_LIKENESS = 0.6;

function lcs(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** 0…1: how alike a label found is to one of a row's labels (characters in order, numbering). */
export function likeness(found: PreparedLabel, label: PreparedLabel): number {
  const a = found.core;
  const b = label.core;
  if (a.length < 2 || !b.length) return 0;
  let s = (2 * lcs(a, b)) / (a.length + b.length);
  if (found.enumeration && label.enumeration) s += found.enumeration === label.enumeration ? 0.1 : -0.25;
  return Math.min(1, s);
}

export interface AlignInput {
  /** The label text found, in the order of the file. */
  text: string;
  /** Row (index into the format's rows) an exact label already names; null when none. */
  exact: number | null;
}

/**
 * For each label found, the row it stands for: its exact row when the alignment keeps it, else
 * the row it is aligned to by likeness, else null. Rows are the format's, in order, each with
 * its labels (own label, aliases, joined path).
 */
export function alignLabels(found: AlignInput[], rows: string[][], minLikeness = MIN_LIKENESS): (number | null)[] {
  const m = found.length;
  const n = rows.length;
  const preparedRows = rows.map((ls) => ls.map(prepareLabel));
  const preparedFound = found.map((f) => (f.exact === null ? prepareLabel(f.text) : null));
  const score = (i: number, j: number): number => {
    const f = found[i];
    if (f.exact !== null) return f.exact === j ? 2 : -1;
    const p = preparedFound[i]!;
    let best = 0;
    for (const l of preparedRows[j]) best = Math.max(best, likeness(p, l));
    return best >= minLikeness ? best : -1;
  };
  // dp[i][j]: best total aligning found[0..i) to rows[0..j).
  const dp: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(n + 1));
  const take: Uint8Array[] = Array.from({ length: m + 1 }, () => new Uint8Array(n + 1));
  const s: Float64Array[] = Array.from({ length: m }, (_, i) =>
    Float64Array.from({ length: n }, (_, j) => score(i, j)),
  );
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      let best = dp[i - 1][j];
      let how = 1;
      if (dp[i][j - 1] > best) {
        best = dp[i][j - 1];
        how = 2;
      }
      const pair = s[i - 1][j - 1];
      if (pair > 0 && dp[i - 1][j - 1] + pair > best) {
        best = dp[i - 1][j - 1] + pair;
        how = 3;
      }
      dp[i][j] = best;
      take[i][j] = how;
    }
  }
  const out: (number | null)[] = Array(m).fill(null);
  for (let i = m, j = n; i > 0 && j > 0;) {
    const how = take[i][j];
    if (how === 3) {
      out[i - 1] = j - 1;
      i--;
      j--;
    } else if (how === 2) j--;
    else i--;
  }
  return out;
}
