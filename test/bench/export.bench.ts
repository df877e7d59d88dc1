// npm run bench: median time to export a full report to .docx (letter + report), .xlsx and the web page.
import { performance } from 'node:perf_hooks';
import { buildDocx } from '../../electron/services/docx';
import { buildXlsx } from '../../electron/services/xlsx';
import { reportWebPage } from '../../shared/document/html';
import { fullReport } from '../unit/helpers/export-report';

const report = fullReport('2021');
const RUNS = 15;

async function measure(name: string, fn: () => Promise<Uint8Array>): Promise<void> {
  await fn(); // warm-up: module loading and JIT
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    size = (await fn()).byteLength;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${name.padEnd(28)} median ${median.toFixed(1)} ms  min ${times[0].toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms  (${RUNS} runs, ${(size / 1024).toFixed(0)} KB)`,
  );
}

await measure('export .docx (letter+report)', () => buildDocx(report, {}));
await measure('export .docx (report only)', () => buildDocx(report, { reportOnly: true }));
await measure('export .xlsx', () => buildXlsx(report));
await measure('export .html (web page)', async () => new TextEncoder().encode(reportWebPage(report)));
