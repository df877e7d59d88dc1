// npm run bench review-app: the 审核 page's reading of a folder through the API — readFiles in
// batches of ten, two at a time (as renderer/review/useFolderReview does), against readFile once a
// file (one reader process each, as before). Hand-made-looking .docx, the app's .xlsx, web-page text.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { unzipSync, zipSync } from 'fflate';
import type { FileBytes } from '../../shared/api';
import { createAppService } from '../../electron/services/app-service';
import { buildDocx } from '../../electron/services/docx';
import { buildXlsx } from '../../electron/services/xlsx';
import { batches } from '../../renderer/review/batches';
import { fullReport } from '../fixtures/reports';

const N = Number(process.env.BENCH_REPORTS ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'nianbao-review-app-bench-'));
const svc = createAppService({ dataDir: join(dir, 'data'), mode: 'browser', version: 'bench' });

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const base = fullReport();
const files: (FileBytes & { size: number })[] = [];
for (let i = 0; i < N; i++) {
  const org = `某某县第${i + 1}局`;
  const report = { ...base, org };
  let name: string;
  let bytes: Uint8Array;
  if (i % 3 === 0) {
    const parts = unzipSync(await buildDocx(report));
    for (const k of Object.keys(parts)) if (k.startsWith('customXml/')) delete parts[k];
    [name, bytes] = [`${org}.docx`, zipSync(parts)];
  } else if (i % 3 === 1) {
    [name, bytes] = [`${org}.xlsx`, await buildXlsx(report)];
  } else {
    [name, bytes] = [
      `${org}.txt`,
      new TextEncoder().encode(`${org}2024年政府信息公开工作年度报告\n一、总体情况\n无。\n`),
    ];
  }
  files.push({ name, base64: b64(bytes), size: bytes.length });
}

const t0 = performance.now();
for (const f of files) await svc.readFile({ name: f.name, base64: f.base64 }).catch(() => null);
const t1 = performance.now();
const queue = batches(files);
let next = 0;
let read = 0;
const lane = async () => {
  while (next < queue.length) {
    const batch = queue[next++];
    const got = await svc.readFiles(batch.map((f) => ({ name: f.name, base64: f.base64 })));
    read += got.length;
  }
};
await Promise.all([lane(), lane()]);
const t2 = performance.now();
await svc.close();
rmSync(dir, { recursive: true, force: true });

console.log(`${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)}`);
console.log(`审核 reading of ${N} files: readFile once a file ${((t1 - t0) / 1000).toFixed(2)} s`);
console.log(
  `  readFiles in ${queue.length} batches, two at a time: ${((t2 - t1) / 1000).toFixed(2)} s (${read} outcomes)`,
);
