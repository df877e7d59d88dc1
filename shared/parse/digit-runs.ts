// Digits that ran together when a table lost its cell borders (a web page copied as text:
// 一、本年新收政府信息公开申请数量801000081 is 80, 1, 0, 0, 0, 0, 81). A run is split into
// numbers only where the table's own arithmetic leaves exactly one reading; the search is
// bounded and says so when it gives up. Nothing here guesses: callers keep every reading that
// remains and leave the cells on which they disagree blank.

/** A group of consecutive cells and the arithmetic its values must satisfy. */
export interface CellGroup {
  size: number;
  /** True when the group's values are consistent (e.g. the last is the sum of the others). */
  check?: (values: number[]) => boolean;
}

export interface SplitLimits {
  /** Digits of one cell at most (a count of a county's department: 7 is plenty). */
  maxDigits: number;
  /** Readings kept at most; more means the run is not worth reading. */
  maxReadings: number;
  /** Steps of the search at most. */
  maxSteps: number;
}

export const SPLIT_LIMITS: SplitLimits = { maxDigits: 7, maxReadings: 64, maxSteps: 200_000 };

export interface SplitOutcome {
  readings: number[][];
  /** The search stopped at a limit: the readings are not all there are. */
  capped: boolean;
  /** Steps the search took. */
  steps: number;
}

/** The last value of a group is the sum of the others (总计 of a row, of a group of 四). */
export const lastIsSum = (v: number[]): boolean => {
  let s = 0;
  for (let i = 0; i < v.length - 1; i++) s += v[i];
  return s === v[v.length - 1];
};

/**
 * Every way of cutting the digit strings `runs` (in order, never across two of them, each into
 * at least one number, no leading zeros) into as many numbers as the groups hold, such that
 * every group passes its check.
 */
export function splitRuns(runs: string[], groups: CellGroup[], limits: SplitLimits = SPLIT_LIMITS): SplitOutcome {
  const n = groups.reduce((s, g) => s + g.size, 0);
  const ends: (CellGroup | null)[] = Array(n).fill(null);
  let at = 0;
  for (const g of groups) {
    at += g.size;
    ends[at - 1] = g;
  }
  const groupStart = (i: number) => {
    let s = 0;
    for (const g of groups) {
      if (i < s + g.size) return s;
      s += g.size;
    }
    return s;
  };
  const starts = Array.from({ length: n }, (_, i) => groupStart(i));
  const readings: number[][] = [];
  const values: number[] = [];
  // Digits left from run r on (for pruning: each number takes 1..maxDigits digits).
  const digitsFrom: number[] = [];
  for (let r = runs.length, s = 0; r >= 0; r--) {
    digitsFrom[r] = s;
    if (r > 0) s += runs[r - 1].length;
  }
  let steps = 0;
  let capped = false;
  if (!runs.length || runs.length > n) return { readings, capped, steps };

  const walk = (r: number, off: number): void => {
    if (capped) return;
    if (++steps > limits.maxSteps) {
      capped = true;
      return;
    }
    const k = values.length;
    if (r === runs.length) {
      if (k === n) {
        if (readings.length >= limits.maxReadings) capped = true;
        else readings.push(values.slice());
      }
      return;
    }
    const left = runs[r].length - off + digitsFrom[r + 1];
    const need = n - k;
    // Every run still to come needs a number of its own; no number is longer than maxDigits.
    if (need < runs.length - r || left < need || left > need * limits.maxDigits) return;
    const run = runs[r];
    // A sign belongs to the number it stands before (本年增/减 -3).
    const sign = run[off] === '-' ? -1 : 1;
    const from = run[off] === '-' || run[off] === '+' ? off + 1 : off;
    const max = Math.min(limits.maxDigits, run.length - from);
    for (let len = 1; len <= max; len++) {
      if (len > 1 && run[from] === '0') break;
      const v = sign * Number(run.slice(from, from + len));
      const end = from + len;
      values.push(v);
      const g = ends[k];
      if (!g || !g.check || g.check(values.slice(starts[k]))) {
        if (end === run.length) walk(r + 1, 0);
        else walk(r, end);
      }
      values.pop();
    }
  };
  walk(0, 0);
  return { readings, capped, steps };
}

/** Per position: the value every reading agrees on, or null where they differ. */
export function agreed(readings: number[][], n: number): (number | null)[] {
  const out: (number | null)[] = Array(n).fill(null);
  if (!readings.length) return out;
  for (let i = 0; i < n; i++) {
    const v = readings[0][i];
    out[i] = readings.every((r) => r[i] === v) ? v : null;
  }
  return out;
}

/** Digit strings of value tokens that may be runs: whole numbers as written, a sign only in front. */
export function digitRun(text: string): string | null {
  const t = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[−–—]/, '-');
  return /^[+-]?\d{1,60}$/.test(t) ? t : null;
}
