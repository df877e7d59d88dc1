// npm run bench: reading one real PDF report (test/fixtures/import/pdf, Word documents converted
// by LibreOffice) — median per file in this process (readReportBytes: pdfjs, lines and rows, the
// parse) and through the reader process (readInIsolation, as the app and the command line read),
// beside the floor: pdfjs's text of the same pages alone (getTextContent), and the share of the
// whole that our layout and parse add to it.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { readReportBytes } from '../../electron/services/readers';
import { pdfText } from '../../electron/services/readers/pdf';
import { nodeReader, readInIsolation } from '../../electron/services/reading';
import { median, time as timeRuns } from './timing';
import { FIXTURES_DIR } from '../fixtures/reports';

const ROUNDS = Number(process.env.BENCH_RUNS ?? 9);
const time = (run: () => Promise<unknown>, rounds = ROUNDS) => timeRuns(run, rounds);

/** pdfjs alone: every page's text items, nothing made of them. */
async function floor(bytes: Uint8Array): Promise<void> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
  await task.destroy();
}

const dir = join(FIXTURES_DIR, 'import', 'pdf');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.pdf'))
  .map((f) => ({ name: f, path: join(dir, f), bytes: new Uint8Array(readFileSync(join(dir, f))) }));
const spawn = nodeReader();
console.log(
  `${files.length} real PDF reports, ${ROUNDS} rounds; ${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)}`,
);
console.log('per file: pdfjs text alone | our text layer (pdfText) | whole import here | in the reader process');
const here: number[] = [];
const isolated: number[] = [];
for (const f of files) {
  const bare = await time(() => floor(f.bytes));
  const text = await time(() => pdfText(f.bytes));
  const whole = await time(() => readReportBytes(f.name, f.bytes));
  const process = await time(() => readInIsolation({ path: f.path }, { spawn }));
  here.push(whole);
  isolated.push(process);
  console.log(
    `  ${f.name.padEnd(30)} ${(f.bytes.length / 1024).toFixed(0).padStart(4)} KB  ${bare.toFixed(1).padStart(6)} ms | ${text.toFixed(1).padStart(6)} ms | ${whole.toFixed(1).padStart(6)} ms (×${(whole / bare).toFixed(2)} the floor) | ${process.toFixed(1).padStart(6)} ms`,
  );
}
console.log(
  `one real PDF report, median over the files: in this process ${median(here).toFixed(1)} ms, through the reader process ${median(isolated).toFixed(1)} ms`,
);
