// Child process of store-crash.test.ts: opens the store and saves one report over and over,
// printing a line after each save has completed, until it is killed.
import { openStore } from '../../../electron/services/store';

const [dataDir, id] = process.argv.slice(2);
const store = await openStore({ dataDir });
const report = await store.read(id);
let n = report.applications.newReceived.natural ?? 0;
process.stdout.write(`start ${n}\n`);
for (;;) {
  n++;
  report.applications.newReceived.natural = n;
  report.preamble = `第${n}次保存`;
  await store.save(id, report);
  // Pipes are synchronous on Linux: once this returns, the parent will read the line.
  process.stdout.write(`saved ${n}\n`);
}
