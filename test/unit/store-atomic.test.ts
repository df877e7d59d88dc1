import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/services/store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function busy(code: string): Error {
  return Object.assign(new Error(`${code}: operation not permitted, rename`), { code });
}

it('retries a rename that Windows refuses while a scanner holds the file', async () => {
  const target = join(dir, 'report.json');
  await writeFile(target, 'old');
  let refusals = 0;
  await writeFileAtomic(target, 'new', async (from, to) => {
    if (refusals < 3) {
      refusals++;
      throw busy(refusals === 2 ? 'EBUSY' : 'EPERM');
    }
    await rename(from, to);
  });
  expect(refusals).toBe(3);
  expect(await readFile(target, 'utf8')).toBe('new');
  expect(await readdir(dir)).toEqual(['report.json']);
});

it('gives up after a while, leaving the old file whole and no temp file behind', async () => {
  const target = join(dir, 'report.json');
  await writeFile(target, 'old');
  await expect(
    writeFileAtomic(target, 'new', async () => {
      throw busy('EPERM');
    }),
  ).rejects.toThrow(/EPERM/);
  expect(await readFile(target, 'utf8')).toBe('old');
  expect(await readdir(dir)).toEqual(['report.json']);
});

it('does not retry errors that will not go away', async () => {
  let calls = 0;
  await expect(
    writeFileAtomic(join(dir, 'x.json'), 'x', async () => {
      calls++;
      throw busy('ENOSPC');
    }),
  ).rejects.toThrow(/ENOSPC/);
  expect(calls).toBe(1);
});
