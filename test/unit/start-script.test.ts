// npm start's command line: bad options are answered in Chinese before anything is built.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const script = join(__dirname, '..', '..', 'scripts', 'start.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 30_000 });

it('rejects an unknown option and a bad port with usage in Chinese', () => {
  const unknown = run('--wbe');
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/参数有误/);
  expect(unknown.stderr).toMatch(/--no-open/);
  const port = run('--web', '--port', 'abc');
  expect(port.status).toBe(2);
  expect(port.stderr).toMatch(/端口“abc”无效/);
});

it('prints its usage with --help', () => {
  const help = run('--help');
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/--data-dir/);
});

it('says what is wrong with an option in Chinese only, never in Node’s English', () => {
  const unknown = run('--wbe');
  expect(unknown.stderr).toContain('不认识的选项 --wbe');
  const missing = run('--web', '--port');
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('选项 --port 后面缺少一个值');
  for (const r of [unknown, missing, run('--help')]) {
    expect(r.stdout + r.stderr).not.toMatch(/Unknown option|argument missing|Usage|browser mode|default/i);
  }
});
