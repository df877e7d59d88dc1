// npm run bench: counting a ledger of 10,000 applications — from the sheet's cells (header search,
// records, mapping, counting; what the dialog reruns when the clerk maps a value), and reading
// the same ledger as .xlsx and .csv first. Prints median and p95.
import { format2021 } from '../../shared/format';
import {
  countLedger,
  countLedgerSheets,
  countReportLedger,
  emptyMapping,
  ledgerRecords,
  type RawLedger,
} from '../../shared/ledger';
import { emptyReport } from '../../shared/report';
import { readLedgerFile } from '../../electron/services/ledger/read';
import { bigLedger, csvText, rawRows, xlsxBytes } from '../fixtures/ledgers';

const N = 10_000;

async function measure(name: string, iterations: number, fn: () => unknown): Promise<void> {
  for (let i = 0; i < Math.min(5, iterations); i++) await fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(
    `${name.padEnd(52)} median ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms   (${iterations} runs)`,
  );
}

const rows = bigLedger(N);
const raw: RawLedger = { file: 'bench.xlsx', sheets: [{ name: '台账', rows: rawRows(rows) }] };
const read = ledgerRecords(raw);
if (!read.ok) throw new Error(read.problem.message);
const check = countLedgerSheets(raw, format2021, 2024);
if (!check.ok) throw new Error(check.problem.message);
console.log(
  `ledger of ${N} applications: ${check.tally.counted} counted for 2024, ${check.tally.earlier.length} answered in 2023, ${check.tally.problems.length} problems`,
);

await measure(`countLedger, ${N} records`, 50, () => countLedger(format2021, 2024, read.records));
await measure(`countLedgerSheets (header, records, count), ${N} rows`, 50, () =>
  countLedgerSheets(raw, format2021, 2024),
);
// The same applications kept on the 登记台账 page (what the page recounts on every keystroke).
const entries = read.records.map((r) => ({
  received: String(r.received ?? ''),
  applicant: r.applicant,
  subject: '',
  answered: String(r.answered ?? ''),
  outcome: r.outcome,
  reason: r.reason,
}));
const kept = { ...emptyReport('某局', 2024), ledger: { entries, mapping: emptyMapping() } };
await measure(`countReportLedger (登记台账 page), ${N} entries`, 50, () => countReportLedger(kept));
const xlsx = await xlsxBytes(rows);
const csv = new TextEncoder().encode(csvText(rows));
console.log(`files: .xlsx ${(xlsx.length / 1024).toFixed(0)} KB, .csv ${(csv.length / 1024).toFixed(0)} KB`);
await measure(`readLedgerFile .xlsx, ${N} rows`, 5, () => readLedgerFile(xlsx, 'bench.xlsx'));
await measure(`readLedgerFile .csv, ${N} rows`, 10, () => readLedgerFile(csv, 'bench.csv'));
