// nianbao import FILE [--json], and nianbao check on every file type: in-process with captured
// output, and once as a real subprocess. A damaged or unsupported file: exit 2, a Chinese message
// on stderr, nothing on stdout, no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './helpers/cli';
import { getCell, parseReportJson } from '../../shared/report';
import { SAMPLES_DIR } from '../fixtures/reports';
import { markEncrypted, pdfWithoutText } from './helpers/craft';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const IMPORT = join(SAMPLES_DIR, '..', 'import');
/** The published samples as text (test/fixtures/published, copies of shared/samples). */
const TEXTS = resolve(ROOT, 'test', 'fixtures', 'published');
const SAMPLE_TEXT = join(TEXTS, '004_a4584f6e36514f0f.txt');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-import-cli-'));
});

const run = runCaptured;

function expectUnreadable(r: { code: number; out: string; err: string }, text: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toMatch(text);
  expect(r.err).not.toMatch(/\n\s+at |Error:|TypeError|ENOENT/);
}

describe('nianbao import', () => {
  it('--json prints the report alone on stdout: one JSON object with the required keys', async () => {
    const r = await run('import', join(IMPORT, 'official-2021.docx'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    for (const key of [
      'format',
      'year',
      'org',
      'activeDisclosure',
      'applications',
      'reviewLitigation',
      'schemaVersion',
    ])
      expect(json).toHaveProperty(key);
    const parsed = parseReportJson(json);
    expect(parsed.ok).toBe(true);
    const expected = JSON.parse(readFileSync(join(IMPORT, 'official-2021.expected.json'), 'utf8'));
    if (parsed.ok) for (const [id, v] of Object.entries(expected.cells)) expect(getCell(parsed.report, id)).toBe(v);
    expect(json.applications['refused.query'].natural).toBeNull();
    expect(r.err).toBe('');
  });

  it('--json: what could not be read goes to stderr, stdout stays the report', async () => {
    const r = await run('import', join(TEXTS, '000_0bc252219158d4bd.txt'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).org).toBe('紫阳县行政审批服务局');
    expect(r.err).toContain('读取提示：标题中没有写年度，按第一部分开头定为2022年，请核对');
  });

  it('without --json: a short summary in Chinese', async () => {
    const r = await run('import', SAMPLE_TEXT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('文本文件：彭阳县审批服务管理局2021年政府信息公开工作年度报告（2021年版格式）');
    expect(r.out).toContain('全部内容均已读取');
  });

  it('exit 2 with a Chinese message: missing, empty, not a report, corrupt or encrypted zip, no tables, a scan, bad usage', async () => {
    const write = (name: string, data: Uint8Array | string) => {
      const p = join(dir, name);
      writeFileSync(p, data);
      return p;
    };
    const docx = new Uint8Array(readFileSync(join(IMPORT, 'official-2021.docx')));
    expectUnreadable(await run('import', join(dir, 'nope.docx'), '--json'), /找不到文件/);
    expectUnreadable(await run('import', write('empty.docx', ''), '--json'), /是空的/);
    expectUnreadable(
      await run('import', write('note.txt', '会议纪要\n讨论办公用品采购。'), '--json'),
      /不像是政府信息公开工作年度报告/,
    );
    expectUnreadable(await run('import', write('cut.docx', docx.slice(0, 3000)), '--json'), /已损坏/);
    expectUnreadable(await run('import', write('locked.docx', markEncrypted(docx)), '--json'), /已加密/);
    expectUnreadable(await run('import', join(IMPORT, 'no-tables.docx'), '--json'), /没有找到统计表/);
    expectUnreadable(
      await run('import', write('scan.pdf', pdfWithoutText()), '--json'),
      /PDF 没有文字层（可能是扫描件）/,
    );
    expectUnreadable(await run('import'), /请指定要读取的报告文件/);
    expectUnreadable(await run('import', SAMPLE_TEXT, '--jsn'), /不认识的选项 --jsn/);
    expectUnreadable(await run('import', SAMPLE_TEXT, SAMPLE_TEXT), /一次只能读取一个文件/);
  });
});

describe('nianbao check on any file type', () => {
  it('checks a .docx, a .pdf, a .doc and pasted web text', async () => {
    for (const f of ['official-2021.docx', 'official-2021.pdf', 'official-2021.doc', 'odd-layout.html']) {
      const r = await run('check', join(IMPORT, f), '--json');
      expect([0, 1]).toContain(r.code);
      const parsed = JSON.parse(r.out);
      expect(parsed.report.org).toMatch(/^某某县/);
      expect(Array.isArray(parsed.findings)).toBe(true);
    }
    const t = await run('check', SAMPLE_TEXT);
    expect([0, 1]).toContain(t.code);
  });

  it('exit 2 for a document without any table: nothing to check', async () => {
    expectUnreadable(await run('check', join(IMPORT, 'no-tables.docx')), /没有找到统计表/);
  });
});

describe('bin/nianbao.mjs import', () => {
  it('runs as a real command: the report JSON on stdout, exit 2 and no stack for a damaged file', () => {
    const ok = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'nianbao.mjs'), 'import', join(IMPORT, 'official-2019.docx'), '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60000,
      },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).format).toBe('2019');
    const path = join(dir, 'bad.docx');
    writeFileSync(path, new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const bad = spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.mjs'), 'import', path, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/已损坏/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
