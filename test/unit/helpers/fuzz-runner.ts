// Runs the fuzz cases one by one in a process of their own (see import-fuzz.test.ts) and prints a
// line per case: so the test can stop a case that hangs, even in a synchronous loop.
import { UserError } from '../../../shared/api';
import { readReportBytes } from '../../../electron/services/readers';
import { fuzzCases } from './fuzz-cases';

const cases = fuzzCases(Number(process.argv[2] ?? 20250101));
process.stdout.write(JSON.stringify({ total: cases.length }) + '\n');
for (let i = 0; i < cases.length; i++) {
  const c = cases[i];
  process.stdout.write(JSON.stringify({ start: i, id: c.id }) + '\n');
  const t0 = performance.now();
  let outcome: string;
  let message = '';
  try {
    const r = await readReportBytes(c.name, c.bytes);
    const ok = r && typeof r.report.year === 'number' && typeof r.report.org === 'string' && Array.isArray(r.problems);
    outcome = ok ? 'read' : 'bad-result';
  } catch (e) {
    if (e instanceof UserError && /[\u4e00-\u9fff]/.test(e.message)) outcome = 'refused';
    else {
      outcome = 'crash';
      message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    if (outcome === 'refused') message = (e as Error).message;
  }
  process.stdout.write(
    JSON.stringify({ done: i, id: c.id, outcome, message, ms: Math.round(performance.now() - t0) }) + '\n',
  );
}
