// The matrix's column arithmetic applied to rows whose digits ran together: of the readings each
// such row allows on its own (its 总计), keep those that fit a consistent whole table, column by
// column (一+二 = 三（七）+四; 三（七） = （一）…（六）). Bounded: past the limit, or when no
// combination fits (the report's own sums disagree), every row keeps all its readings.

/** Σ rows `left` = Σ rows `right`, in every column. */
export interface RowBalance {
  left: string[];
  right: string[];
}

export type RowState = { values: (number | null)[] } | { readings: (number | null)[][] };

export interface Solved {
  /** Readings left per row that had several. */
  readings: Map<string, (number | null)[][]>;
  /** Why nothing was narrowed: the search hit its limit, or no combination fitted. */
  gaveUp?: 'capped' | 'inconsistent';
}

export const MAX_COMBINATIONS = 100_000;

export function solveRows(
  rows: Map<string, RowState>,
  balances: RowBalance[],
  width: number,
  maxSteps = MAX_COMBINATIONS,
): Solved {
  const vars = [...rows].filter(([, s]) => 'readings' in s && s.readings.length > 1).map(([id]) => id);
  const original = new Map(vars.map((id) => [id, (rows.get(id) as { readings: (number | null)[][] }).readings]));
  if (!vars.length) return { readings: original };
  const order = new Map(vars.map((id, i) => [id, i]));
  // A balance is checked once its last open row has a reading; balances with a row not read are of no use.
  const usable = balances.filter((b) => [...b.left, ...b.right].every((id) => rows.has(id)));
  const checksAt: RowBalance[][] = vars.map(() => []);
  for (const b of usable) {
    const depth = Math.max(-1, ...[...b.left, ...b.right].map((id) => order.get(id) ?? -1));
    if (depth >= 0) checksAt[depth].push(b);
  }
  const chosen: (number | null)[][] = [];
  const valueOf = (id: string, col: number): number | null => {
    const i = order.get(id);
    // A blank of a reading is a cell the text had no digits for: none (the row's own total counts it so).
    if (i !== undefined) return chosen[i][col] ?? 0;
    const s = rows.get(id)!;
    return 'values' in s ? s.values[col] : (s.readings[0][col] ?? 0);
  };
  const fits = (b: RowBalance): boolean => {
    for (let c = 0; c < width; c++) {
      let l = 0;
      let r = 0;
      let known = true;
      for (const id of b.left) {
        const v = valueOf(id, c);
        if (v === null) known = false;
        else l += v;
      }
      for (const id of b.right) {
        const v = valueOf(id, c);
        if (v === null) known = false;
        else r += v;
      }
      if (known && l !== r) return false;
    }
    return true;
  };
  const kept: Set<number>[] = vars.map(() => new Set());
  const picks: number[] = [];
  let steps = 0;
  let solutions = 0;
  let capped = false;
  const walk = (d: number): void => {
    if (capped) return;
    if (d === vars.length) {
      solutions++;
      picks.forEach((p, i) => kept[i].add(p));
      return;
    }
    const options = original.get(vars[d])!;
    for (let p = 0; p < options.length; p++) {
      if (++steps > maxSteps) {
        capped = true;
        return;
      }
      chosen[d] = options[p];
      picks[d] = p;
      if (checksAt[d].every(fits)) walk(d + 1);
    }
  };
  walk(0);
  if (capped) return { readings: original, gaveUp: 'capped' };
  if (!solutions) return { readings: original, gaveUp: 'inconsistent' };
  return {
    readings: new Map(vars.map((id, i) => [id, original.get(id)!.filter((_, p) => kept[i].has(p))])),
  };
}
