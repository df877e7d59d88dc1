// npm run bench: `nianbao review` of a county's folder — 100 reports of 100 organs as clerks hand
// them up (hand-made-looking .docx without the embedded report, the app's .xlsx, web-page text),
// with last year's folder — read, checked by every rule, matched by organ, summed. Aim: under 10 s.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { unzipSync, zipSync } from 'fflate';
import { buildDocx } from '../../electron/services/docx';
import { reviewFolder } from '../../electron/services/review/folder';
import { buildReviewWorkbook } from '../../electron/services/review/workbook';
import { buildXlsx } from '../../electron/services/xlsx';
import { serializeReport, type Report } from '../../shared/report';
import { fullReport, loadReport, PUBLISHED_DIR, retarget, SAMPLES_DIR } from '../fixtures/reports';

const N = Number(process.env.BENCH_REPORTS ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'nianbao-review-bench-'));
const folder = join(dir, '2024');
const last = join(dir, '2023');
mkdirSync(folder);
mkdirSync(last);

// The published samples as web-page text, each under its own organ's name.
const texts = readdirSync(PUBLISHED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({
    text: readFileSync(join(PUBLISHED_DIR, f), 'utf8'),
    org: loadReport(join(SAMPLES_DIR, f.replace('.txt', '.json'))).org,
  }));
const base = fullReport();
for (let i = 0; i < N; i++) {
  const org = `某某县第${i + 1}局`;
  const report: Report = { ...base, org };
  const kind = i % 10;
  if (kind < 5) {
    // A Word file as if made by hand: this app's layout without its embedded report.
    const parts = unzipSync(await buildDocx(report));
    for (const k of Object.keys(parts)) if (k.startsWith('customXml/')) delete parts[k];
    writeFileSync(join(folder, `${org}.docx`), zipSync(parts));
  } else if (kind < 8) {
    writeFileSync(join(folder, `${org}.xlsx`), await buildXlsx(report));
  } else {
    const sample = texts[i % texts.length];
    writeFileSync(join(folder, `${org}.txt`), sample.text.replaceAll(sample.org, org));
  }
  writeFileSync(join(last, `${org}2023.json`), serializeReport({ ...retarget(base, 2023), org }));
}

const t0 = performance.now();
const result = await reviewFolder(folder, { lastDir: last });
const t1 = performance.now();
const workbook = await buildReviewWorkbook(result);
const t2 = performance.now();
rmSync(dir, { recursive: true, force: true });

const t = result.totals;
console.log(`${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)}`);
console.log(
  `review of ${t.files} files (${t.reports} reports, ${t.unreadable} not read) with last year's folder: ` +
    `${((t1 - t0) / 1000).toFixed(2)} s (${((t1 - t0) / t.files).toFixed(1)} ms a file; aim under 10 s)`,
);
console.log(
  `workbook of ${t.reports} reports and ${t.errors + t.warnings} findings: ${(t2 - t1).toFixed(0)} ms, ${(workbook.length / 1024).toFixed(0)} KB`,
);
