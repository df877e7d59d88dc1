// npm run bench: what reading a file in a process of its own costs per import — starting the
// reader process, sending it the file (base64, as the page sends it) and getting the report
// back — beside the import itself, run in this process; and how long a check of a report with
// a 60,000-character paragraph takes now that the rules read at most MAX_CHECKED_CHARS of it
// (and a long run of blanks as one).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildDocx } from '../../electron/services/docx';
import { readReportBytes } from '../../electron/services/readers';
import { nodeReader, readInIsolation, readInProcess } from '../../electron/services/reading';
import { READ_LIMITS } from '../../electron/services/reading/limits';
import { buildXlsx } from '../../electron/services/xlsx';
import { checkReport } from '../../shared/rules';
import { MAX_CHECKED_CHARS } from '../../shared/rules/limits';
import { time as timeRuns } from './timing';
import { FIXTURES_DIR, fullReport } from '../fixtures/reports';

const ROUNDS = Number(process.env.BENCH_RUNS ?? 9);
const time = (run: () => Promise<unknown>, rounds = ROUNDS) => timeRuns(run, rounds);

const spawn = nodeReader(); // bundles the worker from the sources once, as dist/reader-worker.mjs is built
console.log(`${ROUNDS} rounds; ${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)}`);

// A file the reader refuses at once (a zip without its directory): what is left is the process and the transfer.
const empty = Buffer.from('PK\x03\x04');
const spawnMs = await time(() =>
  readInProcess(
    { type: 'read', source: { name: 'x.zip', base64: empty.toString('base64') }, options: {} },
    READ_LIMITS,
    spawn,
  ),
);
console.log(`reader process: start, handshake, answer, stop       median ${spawnMs.toFixed(1)} ms`);
for (const mb of [1, 10, 50]) {
  const bytes = Buffer.concat([empty, Buffer.alloc(mb * 1024 * 1024, 7)]).toString('base64');
  const ms = await time(
    () => readInProcess({ type: 'read', source: { name: 'x.zip', base64: bytes }, options: {} }, READ_LIMITS, spawn),
    5,
  );
  console.log(
    `  … with a ${String(mb).padStart(2)} MB file sent as base64               median ${ms.toFixed(1)} ms  (transfer ≈ ${(ms - spawnMs).toFixed(1)} ms)`,
  );
}

const dir = join(FIXTURES_DIR, 'import');
const files: { name: string; bytes: Uint8Array }[] = readdirSync(dir)
  .filter((f) => /\.(docx|pdf|html|doc|txt)$/.test(f))
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
files.push({ name: 'export.docx', bytes: await buildDocx(fullReport()) });
files.push({ name: 'export.xlsx', bytes: await buildXlsx(fullReport()) });
console.log('\nimport per file: in this process | in the reader process (the app and the CLI) | cost of the process');
for (const f of files) {
  const base64 = Buffer.from(f.bytes).toString('base64');
  const here = await time(() => readReportBytes(f.name, f.bytes));
  const isolated = await time(() => readInIsolation({ name: f.name, base64 }, { spawn }).catch(() => null));
  console.log(
    `  ${f.name.padEnd(26)} ${(f.bytes.length / 1024).toFixed(0).padStart(5)} KB   ${here.toFixed(1).padStart(7)} ms | ${isolated.toFixed(1).padStart(7)} ms | +${(isolated - here).toFixed(1)} ms`,
  );
}

console.log(`\ncheckReport with a long paragraph (the rules read ${MAX_CHECKED_CHARS} characters of one text)`);
const SENTENCE = '本机关认真贯彻落实政府信息公开条例，';
const cases: [string, string][] = [
  ['no long text', ''],
  ['60,000 characters of prose', SENTENCE.repeat(Math.ceil(60_000 / SENTENCE.length)).slice(0, 60_000)],
  ['a date, then 60,000 spaces', `截至2023年12月31日。2023年1月1日${' '.repeat(60_000)}`],
];
for (const [label, text] of cases) {
  const report = fullReport();
  if (text) report.narrative.overview[0].text = text;
  const ms = await time(async () => checkReport(report), 5);
  console.log(`  ${label.padEnd(30)} median ${ms.toFixed(2)} ms`);
}
