// Runs the command line in this process with its output captured, as a user would see it.
import { runCli } from '../../../electron/cli/run';

export async function runCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
