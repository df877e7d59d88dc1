// nianbao export FILE --docx OUT --xlsx OUT [--report-only]: exports even with 勾稽 errors.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { serializeReport, setCell } from '../../shared/report';
import { fullReport } from './helpers/export-report';
import { unzip } from './helpers/ooxml';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const good = join(dir, 'good.json');
writeFileSync(good, serializeReport(fullReport()));
const bad = join(dir, 'bad.json');
writeFileSync(bad, serializeReport(setCell(fullReport(), 'applications.newReceived.natural', 99)));

describe('nianbao export', () => {
  it('writes both files and leaves no temporary file behind', async () => {
    const r = await run('export', good, '--docx', join(dir, 'a.docx'), '--xlsx', join(dir, 'a.xlsx'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('已导出 Word');
    expect(r.out).toContain('已导出 Excel');
    expect(unzip(readFileSync(join(dir, 'a.docx')))['word/document.xml']).toContain('关于报送');
    expect(readFileSync(join(dir, 'a.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves out the letter with --report-only', async () => {
    const r = await run('export', good, '--docx', join(dir, 'b.docx'), '--report-only');
    expect(r.code).toBe(0);
    expect(unzip(readFileSync(join(dir, 'b.docx')))['word/document.xml']).not.toContain('关于报送');
  });

  it('warns in Chinese about 勾稽 errors but exports all the same', async () => {
    const r = await run('export', bad, '--xlsx', join(dir, 'c.xlsx'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^警告：报告还有 2 处勾稽错误，仍照常导出/);
    expect(r.err).toContain('自然人列');
    expect(readFileSync(join(dir, 'c.xlsx')).length).toBeGreaterThan(1000);
  });

  it('exits 2 with a Chinese message on bad usage, unreadable input or an unwritable target', async () => {
    const noOut = await run('export', good);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--docx 或 --xlsx');
    const missing = await run('export', join(dir, 'none.json'), '--docx', join(dir, 'x.docx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    const unwritable = await run('export', good, '--docx', join(dir, 'no-such-dir', 'x.docx'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toContain('无法写入');
    expect(unwritable.err).not.toMatch(/at .*\.ts:\d+/);
  });
});
