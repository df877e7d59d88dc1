/** Prints a number as a clerk writes it: no float noise (0.1+0.2 → 0.3). */
export function fmt(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** Sum that treats blank as 0; null when every value is blank. */
export function sumCells(values: (number | null)[]): number | null {
  let any = false;
  let s = 0;
  for (const v of values) {
    if (v === null) continue;
    any = true;
    s += v;
  }
  return any ? Math.round(s * 10000) / 10000 : null;
}

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}
