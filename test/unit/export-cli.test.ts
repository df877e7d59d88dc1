// nianbao export FILE --docx OUT --xlsx OUT [--report-only]: exports even with 勾稽 errors.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from './helpers/cli';
import { serializeReport, setCell } from '../../shared/report';
import { fullReport } from './helpers/export-report';
import { unzip } from './helpers/ooxml';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCaptured;

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

  it('writes the web page with --html, the letter fields from the report file with --docx', async () => {
    const r = await run('export', good, '--html', join(dir, 'site.html'), '--docx', join(dir, 'letter.docx'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('已导出网页');
    const html = readFileSync(join(dir, 'site.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toContain('关于报送');
    expect(html.match(/<table border="1"/g)).toHaveLength(3);
    const doc = unzip(readFileSync(join(dir, 'letter.docx')))['word/document.xml'];
    const report = fullReport();
    expect(doc).toContain(report.cover.docNumber);
    expect(doc).toContain(report.cover.signer);
  });

  it('mentions blanks, empty sections and a missing 成文日期 or 签发人 on stderr, and exports all the same', async () => {
    const r0 = fullReport();
    const sparse = join(dir, 'sparse.json');
    writeFileSync(
      sparse,
      serializeReport({
        ...setCell(r0, 'applications.granted.natural', null),
        cover: { ...r0.cover, date: '', signer: '' },
        narrative: { ...r0.narrative, problems: r0.narrative.problems.map((p) => ({ ...p, text: '' })) },
      }),
    );
    const r = await run('export', sparse, '--docx', join(dir, 'sparse.docx'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/提示：还有 \d+ 处需要留意（不影响导出）/);
    expect(r.err).toMatch(/表格中有\d+个单元格空白（涉及\d+行）/);
    expect(r.err).toContain('未填写成文日期');
    expect(r.err).toContain('还没有内容');
    expect(r.err).toContain('未填写签发人');
    expect(readFileSync(join(dir, 'sparse.docx')).subarray(0, 2).toString()).toBe('PK');
    // The report alone (for the website) has no letter: nothing about 签发人 or 成文日期.
    const only = await run('export', sparse, '--docx', join(dir, 'sparse-site.docx'), '--report-only');
    expect(only.err).not.toContain('签发人');
    expect(only.err).not.toContain('成文日期');
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
    expect(noOut.err).toContain('--docx、--xlsx 或 --html');
    const missing = await run('export', join(dir, 'none.json'), '--docx', join(dir, 'x.docx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    const unwritable = await run('export', good, '--docx', join(dir, 'no-such-dir', 'x.docx'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toContain('无法写入');
    expect(unwritable.err).not.toMatch(/at .*\.ts:\d+/);
  });
});
