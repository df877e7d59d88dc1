// npm run bench: reports read per second from .docx files — the whole import (unzip with limits,
// document.xml to paragraphs and grids, every table cell found by its labels, narrative parts) —
// beside mammoth's raw text extraction of the same files (mammoth.extractRawText), the floor.
// Files: the LibreOffice fixtures (test/fixtures/import/*.docx) and this app's own exports of the
// full fixture and of the four samples, read as hand-made files (without the embedded report).
// Also the floor of unzipping document.xml and taking its text (fflate + one regex), the time of
// one report per import (aim: well under 50 ms median), and the text layouts of
// test/fixtures/import/layouts (web text run together, PDF text, markdown, saved web pages).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { buildDocx } from '../../electron/services/docx';
import { parseHtml, parseText } from '../../shared/parse';
import { readReportBytes } from '../../electron/services/readers';
import { FIXTURES_DIR, fullReport, loadReport, SAMPLES_DIR } from '../fixtures/reports';

const ROUNDS = Number(process.env.BENCH_RUNS ?? 15);

async function files(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const dir = join(FIXTURES_DIR, 'import');
  const out = readdirSync(dir)
    .filter((f) => f.endsWith('.docx'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
  const reports = [fullReport(), ...readdirSync(SAMPLES_DIR).map((f) => loadReport(join(SAMPLES_DIR, f)))];
  for (const [i, r] of reports.entries()) {
    const parts = unzipSync(await buildDocx(r));
    for (const k of Object.keys(parts)) if (k.startsWith('customXml/')) delete parts[k];
    out.push({ name: `export-${i}.docx`, bytes: zipSync(parts) });
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeRounds(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out;
}

const docs = await files();
const totalKb = docs.reduce((n, d) => n + d.bytes.length, 0) / 1024;
console.log(
  `${docs.length} .docx files (${totalKb.toFixed(0)} KB), ${ROUNDS} rounds; ${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)}`,
);

const ours = await timeRounds(async () => {
  for (const d of docs) await readReportBytes(d.name, d.bytes);
});
const floor = await timeRounds(async () => {
  for (const d of docs) await mammoth.extractRawText({ buffer: Buffer.from(d.bytes) });
});
const perSec = (ms: number) => (docs.length / ms) * 1000;
const mOurs = median(ours);
const mFloor = median(floor);
console.log(
  `import (readReportBytes → report)   median ${mOurs.toFixed(1)} ms per round  → ${perSec(mOurs).toFixed(0)} reports/s`,
);
console.log(
  `mammoth.extractRawText (floor)      median ${mFloor.toFixed(1)} ms per round  → ${perSec(mFloor).toFixed(0)} files/s`,
);
console.log(`ratio import / floor: ${(mOurs / mFloor).toFixed(2)}× (aim: within 2×)`);
// The unzip+text floor: inflate document.xml and strip its tags, nothing else.
const unzipText = (bytes: Uint8Array) =>
  strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']).replace(
    /<[^>]+>/g,
    '',
  );
const bare = median(
  await timeRounds(async () => {
    for (const d of docs) unzipText(d.bytes);
  }),
);
console.log(
  `unzip + text of document.xml (floor) median ${bare.toFixed(1)} ms per round; ratio import / unzip+text: ${(mOurs / bare).toFixed(1)}×`,
);
const perFile: number[] = [];
for (const d of docs) {
  const a = median(await timeRounds(() => readReportBytes(d.name, d.bytes)));
  const b = median(await timeRounds(() => mammoth.extractRawText({ buffer: Buffer.from(d.bytes) })));
  const c = median(await timeRounds(async () => unzipText(d.bytes)));
  perFile.push(a);
  console.log(
    `  ${d.name.padEnd(22)} ${(d.bytes.length / 1024).toFixed(0).padStart(4)} KB  import ${a.toFixed(2)} ms  mammoth ${b.toFixed(2)} ms  unzip+text ${c.toFixed(2)} ms (import ${(a / c).toFixed(1)}× the floor)`,
  );
}
console.log(
  `one report per import (.docx): median ${median(perFile).toFixed(2)} ms, slowest ${Math.max(...perFile).toFixed(2)} ms (aim: well under 50 ms)`,
);

const layoutDir = join(FIXTURES_DIR, 'import', 'layouts');
const layouts = readdirSync(layoutDir)
  .filter((f) => /\.(txt|html)$/.test(f))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(layoutDir, f), 'utf8') }));
const layoutTimes: { name: string; ms: number }[] = [];
for (const l of layouts) {
  const parse = l.name.endsWith('.html') ? parseHtml : parseText;
  layoutTimes.push({ name: l.name, ms: median(await timeRounds(async () => parse(l.text))) });
}
layoutTimes.sort((a, b) => b.ms - a.ms);
console.log(
  `${layouts.length} layout fixtures (text/HTML → report): median ${median(layoutTimes.map((t) => t.ms)).toFixed(2)} ms, slowest ${layoutTimes[0].name} ${layoutTimes[0].ms.toFixed(2)} ms (aim: well under 50 ms)`,
);
