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

/** Per position: the value every reading agrees on (a number, or null for a blank), undefined where they differ. */
export function agreed(readings: (number | null)[][], n: number): (number | null | undefined)[] {
  const out: (number | null | undefined)[] = Array(n).fill(undefined);
  if (!readings.length) return out;
  for (let i = 0; i < n; i++) {
    const v = readings[0][i];
    out[i] = readings.every((r) => r[i] === v) ? v : undefined;
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

/** A group of cells whose blanks vanished from the text with their separators. */
export interface BlankGroup {
  size: number;
  /** The last cell is the sum of the others and is never blank (a 总计): blanks only among the others. */
  sum?: boolean;
  /** A check of the group's values with its blanks (null), e.g. rule 6. */
  check?: (values: (number | null)[]) => boolean;
}

export interface BlankOutcome {
  readings: (number | null)[][];
  capped: boolean;
  steps: number;
}

/**
 * The readings in which every cell holds a number (no blank vanished): the groups' sums and checks
 * as they stand. A document that shows no blank cell anywhere is read so (table-rows.ts).
 */
export function filledReadings(runs: string[], groups: BlankGroup[], limits: SplitLimits = SPLIT_LIMITS): SplitOutcome {
  return splitRuns(
    runs,
    groups.map((g) => ({
      size: g.size,
      check: g.sum || g.check ? (v: number[]) => (!g.sum || lastIsSum(v)) && (!g.check || g.check(v)) : undefined,
    })),
    limits,
  );
}

/** Ways of choosing k of n positions, in order. */
function choose(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (from: number) => {
    if (pick.length === k) {
      out.push(pick.slice());
      return;
    }
    for (let i = from; i <= n - (k - pick.length); i++) {
      pick.push(i);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

/**
 * Every reading of digit runs as the cells of `groups` when blank cells may have left no trace
 * (a web page drops an empty cell with its borders): as many numbers as cells, or fewer with the
 * rest blank. A reading is only worth taking when it is the one reading of all these.
 */
export function readingsWithBlanks(
  runs: string[],
  groups: BlankGroup[],
  limits: SplitLimits = SPLIT_LIMITS,
): BlankOutcome {
  const digits = runs.reduce((s, r) => s + r.replace(/^[+-]/, '').length, 0);
  const readings: (number | null)[][] = [];
  let steps = 0;
  let capped = false;
  // Cells present per group: 1…size (a 总计 is always present, so at least it).
  const counts: number[][] = [];
  const walk = (g: number, acc: number[]) => {
    if (g === groups.length) {
      counts.push(acc.slice());
      return;
    }
    for (let s = groups[g].size; s >= 1; s--) walk(g + 1, [...acc, s]);
  };
  walk(0, []);
  for (const present of counts) {
    const total = present.reduce((a, b) => a + b, 0);
    if (total > digits || total < runs.length) continue;
    const left = limits.maxSteps - steps;
    if (left <= 0) {
      capped = true;
      break;
    }
    const split = splitRuns(
      runs,
      present.map((s, g) => ({ size: s, check: groups[g].sum ? lastIsSum : undefined })),
      { ...limits, maxSteps: left },
    );
    steps += split.steps;
    if (split.capped) capped = true;
    for (const values of split.readings) {
      // Every way of placing each group's numbers among its cells.
      let partial: (number | null)[][] = [[]];
      let at = 0;
      groups.forEach((g, gi) => {
        const s = present[gi];
        const mine = values.slice(at, at + s);
        at += s;
        const places = g.sum ? choose(g.size - 1, s - 1).map((p) => [...p, g.size - 1]) : choose(g.size, s);
        const fills = places
          .map((p) => {
            const cells: (number | null)[] = Array(g.size).fill(null);
            p.forEach((pos, i) => (cells[pos] = mine[i]));
            return cells;
          })
          .filter((cells) => !g.check || g.check(cells));
        const next: (number | null)[][] = [];
        for (const head of partial) for (const f of fills) next.push([...head, ...f]);
        partial = next;
      });
      for (const r of partial) {
        if (readings.length >= limits.maxReadings) {
          capped = true;
          break;
        }
        readings.push(r);
      }
      if (capped) break;
    }
    if (capped) break;
  }
  return { readings, capped, steps };
}
