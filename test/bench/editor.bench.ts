// npm run bench: how fast a keystroke in the matrix shows its effect, in Chromium.
//
// Measured inside the page: performance.now() at keydown (capture) → after the input event has
// been handled the DOM shows the new total → requestAnimationFrame + setTimeout(0), i.e. the frame
// with the change has been produced.
// Beside it, the floor: the same measurement on a bare page of 175 <input>s with no logic, where
// "the DOM shows it" is the typed digit itself. The app runs against an in-memory stand-in for
// the host (autosave is debounced and not part of a keystroke anyway).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { emptyReport, setCell } from '../../shared/report';
import { applyAutoTotals, checkReport } from '../../shared/rules';
import { buildMarks } from '../../renderer/editor/marks';
import { format2021 } from '../../shared/format';
import { chromiumAvailable, launchChromium } from '../e2e/support/browser';
import { buildIfStale } from '../e2e/support/build';
import { FAKE_ORIGIN, routeFakeHost } from '../e2e/support/fake-api';

const WARMUP = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);

const MEASURE = `
window.__arm = (sel, expected) => {
  window.__result = new Promise((resolve) => {
    let t0 = 0;
    const el = () => document.querySelector(sel);
    const done = () => {
      const shown = performance.now() - t0;
      requestAnimationFrame(() => setTimeout(() => resolve([performance.now() - t0, shown]), 0));
    };
    const poll = () => (el().value === expected ? done() : setTimeout(poll, 0));
    const onKey = () => {
      window.removeEventListener('keydown', onKey, true);
      t0 = performance.now();
    };
    // Bubble phase on window: after the page's own input handling (React's, at its root) is done.
    const onInput = () => {
      window.removeEventListener('input', onInput);
      poll();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('input', onInput);
  });
};`;

const BARE = `<!doctype html><html><head><meta charset="utf-8"><style>
table{border-collapse:collapse} td{border:1px solid #999;padding:0} input{width:70px;height:26px;border:0;text-align:right}
</style></head><body><table>${Array.from({ length: 25 }, (_, r) =>
  `<tr>${Array.from({ length: 7 }, (_, c) => `<td><input id="c${r}_${c}"></td>`).join('')}</tr>`,
).join('')}</table></body></html>`;

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

const f = (n: number) => n.toFixed(2).padStart(7);

/** Per keystroke: [keydown → frame painted, keydown → DOM updated (before the frame)]. */
async function measure(page: Page, runs: number, step: (i: number) => Promise<{ sel: string; expected: string; key: string }>): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < runs + WARMUP; i++) {
    const { sel, expected, key } = await step(i);
    await page.evaluate(([s, e]) => (window as unknown as { __arm(s: string, e: string): void }).__arm(s, e), [sel, expected]);
    // Let the frames of the preparation settle, so each keystroke starts from an idle page.
    await page.waitForTimeout(40);
    await page.keyboard.press(key);
    const ms = await page.evaluate(() => (window as unknown as { __result: Promise<number[]> }).__result);
    if (i >= WARMUP) out.push(ms);
  }
  return out;
}

async function floor(page: Page): Promise<number[][]> {
  await page.setContent(BARE);
  await page.evaluate(MEASURE);
  await page.focus('#c0_0');
  return measure(page, RUNS, async (i) => {
    const d = String(1 + (i % 9));
    await page.evaluate(() => (document.activeElement as HTMLInputElement).select());
    return { sel: '#c0_0', expected: d, key: d };
  });
}

async function app(page: Page): Promise<number[][]> {
  await routeFakeHost(page);
  await page.goto(FAKE_ORIGIN + '/');
  await page.getByRole('button', { name: '新建报告', exact: true }).click();
  await page.getByLabel('机关名称').fill('某某县行政审批服务局');
  await page.getByRole('button', { name: '创建' }).click();
  await page.locator('[data-section="3"]').click();
  await page.evaluate(MEASURE);
  // A report in progress: the other cells filled, so every keystroke moves totals and highlights.
  const cellSel = 'input[data-cell="applications.refused.security.research"]';
  await page.locator('input[data-cell="applications.newReceived.natural"]').click();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    const row = '1\t0\t2\t0\t0\t1';
    dt.setData('text/plain', Array.from({ length: 24 }, () => row).join('\r\n'));
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.locator(cellSel).click();
  // The floor page is never clicked: park the mouse where it is there, so that neither page pays
  // for hover hit-testing over the table after each change.
  await page.mouse.move(0, 0);
  const totalSel = 'input[data-cell="applications.resultTotal.research"]';
  const base = Number(await page.locator(totalSel).inputValue()) - Number(await page.locator(cellSel).inputValue());
  return measure(page, RUNS, async (i) => {
    const d = 1 + (i % 9);
    if (i > 0) {
      // Leave and come back (not measured): each keystroke starts a fresh edit, as typing does.
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowUp');
    }
    return { sel: totalSel, expected: String(base + d), key: String(d) };
  });
}

function logicOnly(): { median: number; p95: number; mean: number } {
  // The synchronous work per keystroke, in Node: set a cell, auto-sum, check, build marks.
  let r = emptyReport('某某县行政审批服务局', 2024);
  let marks = buildMarks(checkReport(r), format2021);
  const xs: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    r = applyAutoTotals(setCell(r, 'applications.granted.natural', i % 9));
    marks = buildMarks(checkReport(r), format2021, marks);
    xs.push(performance.now() - t0);
  }
  return stats(xs.slice(200));
}

async function main() {
  if (!chromiumAvailable()) return;
  await buildIfStale();
  const browser = await launchChromium((process.env.BENCH_ARGS ?? '').split(' ').filter(Boolean));
  try {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const bare = await floor(await ctx.newPage());
    const real = await app(await ctx.newPage());
    const b = stats(bare.map((x) => x[0]));
    const a = stats(real.map((x) => x[0]));
    const bs = stats(bare.map((x) => x[1]));
    const as = stats(real.map((x) => x[1]));
    const l = logicOnly();
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (other work inflates both rows)`);
    console.log(`keystroke → painted, ${RUNS} keystrokes each (ms)      median     p95    mean`);
    console.log(`  floor: bare page, 175 <input>s, no logic     ${f(b.median)} ${f(b.p95)} ${f(b.mean)}`);
    console.log(`  editor: matrix cell → totals + highlights    ${f(a.median)} ${f(a.p95)} ${f(a.mean)}`);
    console.log(`  ratio editor / floor                         ${f(a.median / b.median)}x ${f(a.p95 / b.p95)}x`);
    console.log(`of which keydown → DOM updated (before the frame)`);
    console.log(`  floor                                        ${f(bs.median)} ${f(bs.p95)} ${f(bs.mean)}`);
    console.log(`  editor (input handling, React, rules)        ${f(as.median)} ${f(as.p95)} ${f(as.mean)}`);
    console.log(`  rules + auto-sum + marks alone (Node)        ${f(l.median)} ${f(l.p95)} ${f(l.mean)}`);
    console.log(`  aim: within 1.5x the floor and p95 < 16 ms: ${a.median <= 1.5 * b.median && a.p95 < 16 ? 'met' : 'NOT met'}`);
  } finally {
    await browser.close();
  }
}

await main();
