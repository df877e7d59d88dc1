// Fuzzing the readers: mutated samples and fixture files (cut short, random bytes, shuffled lines,
// huge numbers, XML nested 20000 deep, entity expansion …) must each end, within a bounded time,
// in a report or a UserError with a Chinese message — never a crash, never a hang. The cases run
// in a process of their own so that a case stuck even in a synchronous loop can be stopped.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Longest a single case may take before it counts as a hang (a PDF can take a few seconds). */
const PER_CASE_MS = 45_000;

interface Outcome {
  id: string;
  outcome: string;
  message: string;
}

function runCases(seed: number): Promise<{ total: number; outcomes: Outcome[]; hung: string | null }> {
  return new Promise((resolveRun) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test', 'unit', 'helpers', 'fuzz-runner.ts'), String(seed)],
      { cwd: ROOT },
    );
    const outcomes: Outcome[] = [];
    let total = -1;
    let current = '(start)';
    let buf = '';
    let timer: NodeJS.Timeout;
    let hung: string | null = null;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        hung = current;
        child.kill('SIGKILL');
      }, PER_CASE_MS);
    };
    arm();
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let msg: { total?: number; start?: number; done?: number; id?: string; outcome?: string; message?: string };
        try {
          msg = JSON.parse(line);
        } catch {
          continue;
        }
        if (msg.total !== undefined) total = msg.total;
        if (msg.start !== undefined) {
          current = msg.id!;
          arm();
        }
        if (msg.done !== undefined) outcomes.push({ id: msg.id!, outcome: msg.outcome!, message: msg.message ?? '' });
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolveRun({ total, outcomes, hung });
    });
  });
}

describe('fuzzing the readers', () => {
  it(
    'every mutated input is read or refused with a Chinese message, each within the time allowed',
    { timeout: 900_000 },
    async () => {
      const { total, outcomes, hung } = await runCases(20250101);
      expect(hung).toBeNull();
      expect(total).toBeGreaterThan(100);
      expect(outcomes).toHaveLength(total);
      expect(outcomes.filter((o) => o.outcome !== 'read' && o.outcome !== 'refused')).toEqual([]);
      // Both kinds of ending occur: damaged files are refused, and mild damage still reads.
      expect(outcomes.some((o) => o.outcome === 'read')).toBe(true);
      expect(outcomes.some((o) => o.outcome === 'refused')).toBe(true);
    },
  );
});
