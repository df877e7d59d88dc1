// Timing for the benches: the median of a number of runs after one to warm up.
import { performance } from 'node:perf_hooks';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median milliseconds of `rounds` runs, after one run that is not counted. */
export async function time(run: () => Promise<unknown>, rounds: number): Promise<number> {
  await run();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return median(out);
}
