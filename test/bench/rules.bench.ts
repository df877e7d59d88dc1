// npm run bench: how long a full 勾稽 check takes, and a recheck after one cell changes
// (auto-sum + full check, what the editor runs on every keystroke). Prints median and p95.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../shared/parse';
import { applyAutoTotals, checkReport } from '../../shared/rules';
import { setCell } from '../../shared/report';
import { fullReport, lastYearReport, PUBLISHED_DIR } from '../fixtures/reports';

function measure(name: string, iterations: number, fn: (i: number) => unknown): void {
  for (let i = 0; i < 2000; i++) fn(i); // warm up: let the JIT settle
  const times: number[] = [];
  // Time batches of 20 calls: a single call is near the timer's resolution.
  const batch = 20;
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) fn(i * batch + j);
    times.push(((performance.now() - t0) * 1000) / batch);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(
    `${name.padEnd(50)} median ${at(0.5).toFixed(1).padStart(6)} µs   p95 ${at(0.95).toFixed(1).padStart(6)} µs   (${iterations}×${batch} runs)`,
  );
}

const report = fullReport();
const last = lastYearReport();
const cell = 'applications.refused.thirdParty.business';

measure('checkReport, full report', 2000, () => checkReport(report));
measure('checkReport, full report + last year', 2000, () => checkReport(report, { last }));
measure('one cell changed: applyAutoTotals + checkReport', 2000, (i) =>
  checkReport(applyAutoTotals(setCell(report, cell, i % 5))),
);

// The text rules on a real report's text (a published sample, ~10,000 characters) with last
// year's text to compare: what a keystroke in the narrative costs.
const published = parseText(readFileSync(join(PUBLISHED_DIR, '004_a4584f6e36514f0f.txt'), 'utf8')).report;
const withText = { ...report, narrative: published.narrative };
const lastWithText = { ...last, narrative: published.narrative };
measure('checkReport, published text (text rules)', 200, () => checkReport(withText));
measure('checkReport, published text + last year’s text', 200, () => checkReport(withText, { last: lastWithText }));
