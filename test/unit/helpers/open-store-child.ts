// Child process of store-safety.test.ts: opens a data folder as another process (or another user)
// would, tries one save, and prints what it saw as JSON; a store that cannot open goes to stderr
// with exit code 1, as the app's start would.
import { createAppService } from '../../../electron/services/app-service';

const [dataDir, hold] = process.argv.slice(2);
const svc = createAppService({ dataDir, mode: 'browser', version: 'test' });
try {
  await svc.ready();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
const info = await svc.appInfo();
const list = await svc.listReports();
let saveError = '';
let saveCode = '';
if (list[0]) {
  const { report, revision } = await svc.openReport(list[0].id);
  try {
    await svc.saveReport(list[0].id, { ...report, preamble: '改过' }, revision);
  } catch (e) {
    saveError = e instanceof Error ? e.message : String(e);
    saveCode = (e as { code?: string }).code ?? '';
  }
}
process.stdout.write(
  JSON.stringify({ readOnly: !!info.readOnly, notices: info.notices, list, saveError, saveCode }) + '\n',
);
// "hold": keep the folder open until killed (a second process tries it meanwhile).
if (hold === 'hold') setInterval(() => {}, 1000);
else await svc.close();
