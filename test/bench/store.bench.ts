// How long an autosave takes in the store (backup + report file + index, each fsynced), for a
// report with every table filled and some text. Run: npm run bench -- store
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emptyReport } from '../../shared/report';
import { openStore } from '../../electron/services/store';

const N = 200;
const dir = await mkdtemp(join(tmpdir(), 'nianbao-bench-store-'));
try {
  const report = emptyReport('县教育局', 2024);
  for (const table of [report.applications, report.activeDisclosure, report.reviewLitigation]) {
    for (const row of Object.values(table)) for (const col of Object.keys(row)) row[col] = 1;
  }
  for (const part of report.narrative.overview) part.text = '本年度，我局认真贯彻落实《条例》。'.repeat(60);
  const store = await openStore({ dataDir: dir });
  const { id } = await store.create(report);
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    report.applications.newReceived.natural = i + 2;
    const t = performance.now();
    await store.save(id, report);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  const size = Buffer.byteLength(JSON.stringify(report));
  console.log(
    `store.save (${N} saves, report ${Math.round(size / 1024)} KB): median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`,
  );
  const t = performance.now();
  await openStore({ dataDir: dir });
  console.log(
    `openStore with 1 report and ${(await store.listBackups(id)).length} backups: ${(performance.now() - t).toFixed(1)} ms`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
