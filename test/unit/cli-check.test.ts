// nianbao check, run in-process with captured output (and once as a real subprocess).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './helpers/cli';
import { emptyReport, serializeReport, setCell, type Report } from '../../shared/report';
import { FULL_2021, fullReport, lastYearReport, SAMPLES_DIR } from '../fixtures/reports';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir: string;

const run = runCaptured;

function file(name: string, content: string | Report): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : serializeReport(content));
  return path;
}

/** A Chinese message on stderr, nothing on stdout, no stack trace. */
function expectUnreadable(r: { code: number; out: string; err: string }, text: string): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain(text);
  expect(r.err).toMatch(/[\u4e00-\u9fff]/);
  expect(r.err).not.toMatch(/\n\s+at |Error:|TypeError|ENOENT/);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nianbao check', () => {
  it('exits 0 and says so for a consistent report', async () => {
    const r = await run('check', FULL_2021);
    expect(r).toEqual({
      code: 0,
      out: '某某县行政审批服务局2024年政府信息公开工作年度报告——2021年版格式\n未发现问题：所有勾稽关系都成立。\n',
      err: '',
    });
  });

  it('exits 1 and lists the findings grouped by severity when a total is wrong', async () => {
    const bad = {
      ...setCell(fullReport(), 'reviewLitigation.review.total', 3),
      cover: { ...fullReport().cover, date: '' },
    };
    const r = await run('check', file('bad.json', bad));
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      [
        '某某县行政审批服务局2024年政府信息公开工作年度报告——2021年版格式',
        '错误（1）：',
        '  1. 行政复议：总计=3，结果维持+结果纠正+其他结果+尚未审结=2，相差1（规则4）',
        '警告（1）：',
        '  1. 未填写成文日期：报告应于2025年1月31日前报送（规则8）',
        '共 1 个错误、1 个警告。',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when there are only warnings', async () => {
    const r = await run('check', join(SAMPLES_DIR, '004_a4584f6e36514f0f.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('警告（5）：');
    expect(r.out).not.toContain('错误');
  });

  it('--json prints {report, findings: [{rule, severity, message, cells}]}', async () => {
    const bad = setCell(fullReport(), 'applications.granted.total', 8);
    const r = await run('check', file('bad-json.json', bad), '--json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const parsed = JSON.parse(r.out);
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(['report', 'findings']));
    expect(parsed.report).toEqual(bad);
    expect(parsed.findings).toHaveLength(2);
    for (const f of parsed.findings) expect(Object.keys(f).sort()).toEqual(['cells', 'message', 'rule', 'severity']);
    expect(parsed.findings[1]).toEqual({
      rule: 'matrix.rowTotal',
      severity: 'error',
      message: '“（一）予以公开”行：总计=8，自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他=7，相差1',
      cells: ['total', 'natural', 'business', 'research', 'publicInterest', 'legal', 'other'].map(
        (c) => `applications.granted.${c}`,
      ),
    });
  });

  it('--json of a file with only the required keys gives the full report with defaults', async () => {
    const path = file(
      'minimal.json',
      JSON.stringify({
        format: '2021',
        year: 2024,
        org: '某局',
        activeDisclosure: {},
        applications: {},
        reviewLitigation: {},
      }),
    );
    const r = await run('check', path, '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out);
    expect(parsed.report).toEqual(emptyReport('某局', 2024));
    expect(parsed.findings.every((f: { severity: string }) => f.severity === 'warning')).toBe(true);
    // A finding on text says where, as in `nianbao review --json`: field, beside rule and cells.
    expect(parsed.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'narrative.empty', field: { section: 1 } })]),
    );
    expect(parsed.findings.find((f: { rule: string }) => f.rule === 'value.blank')).not.toHaveProperty('field');
  });

  it('--last checks the carry-over against last year’s file', async () => {
    const last = file('last.json', lastYearReport());
    expect((await run('check', FULL_2021, '--last', last)).code).toBe(0);
    const wrongLast = file('last-wrong.json', setCell(lastYearReport(), 'applications.carryForward.natural', 3));
    const r = await run('check', FULL_2021, '--last', wrongLast);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '自然人列：本年“上年结转政府信息公开申请数量”=2，2023年报告“结转下年度继续办理”=3，相差1（规则5）',
    );
    const j = await run('check', FULL_2021, '--json', '--last', wrongLast);
    expect(JSON.parse(j.out).findings.map((f: { rule: string }) => f.rule)).toEqual(['carry.carriedOver']);
  });

  it('says once that blanks are blank, instead of a line per row (sample 000)', async () => {
    const r = await run('check', join(SAMPLES_DIR, '000_0bc252219158d4bd.json'));
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '紫阳县行政审批服务局2022年政府信息公开工作年度报告——2021年版格式',
        '警告（7）：',
        '  1. 第二部分“规章”、“行政规范性文件”的“本年废止件数、现行有效件数”空白（4个单元格）（规则7）',
        '  2. 第三部分每一行的“自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他”都空白（150个单元格）（规则7）',
        '  3. 第四部分每一行的“结果维持、结果纠正、其他结果、尚未审结”都空白（12个单元格）（规则7）',
        '  4. 第一部分“总体情况”还没有内容（完整性）',
        '  5. 第五部分“存在的主要问题及改进情况”还没有内容（完整性）',
        '  6. 第六部分“其他需要报告的事项”还没有内容（完整性）',
        '  7. 第六部分未说明信息处理费收取情况：请写明本年度是否收取信息处理费（未收取的写“未收取信息处理费”）（完整性）',
        '  有166个单元格空白（涉及30行）：空白不等于0，没有的请填0。',
        '共 7 个警告。',
        '',
      ].join('\n'),
    );
  });

  it('says a whole blank table or row once', async () => {
    const empty = emptyReport('某局', 2024);
    const r = await run('check', file('empty.json', empty));
    expect(r.out).toContain('  1. 第二部分“主动公开政府信息情况”的表格全部空白（10个单元格）（规则7）\n');
    expect(r.out).toContain('  2. 第三部分“收到和处理政府信息公开申请情况”的表格全部空白（175个单元格）（规则7）\n');
    expect(r.out).toContain('  3. 第四部分“政府信息公开行政复议、行政诉讼情况”的表格全部空白（15个单元格）（规则7）\n');
    let some = setCell(fullReport(), 'applications.granted.natural', null);
    for (const c of ['natural', 'business', 'research', 'publicInterest', 'legal', 'other', 'total']) {
      some = setCell(some, `applications.other.other.${c}`, null);
    }
    const s = await run('check', file('some.json', some));
    expect(s.out).toContain('第三部分“（六）其他处理3.其他”整行空白（规则7）');
    expect(s.out).toContain('第三部分“（一）予以公开”的“自然人”空白（规则7）');
  });

  it('exits 2 with a Chinese message for a missing file', async () => {
    expectUnreadable(await run('check', join(dir, 'nope.json')), '找不到文件');
  });

  it('exits 2 for a folder, an empty file, a file that is not JSON, and JSON that is not a report', async () => {
    const folder = join(dir, 'folder.json');
    mkdirSync(folder, { recursive: true });
    expectUnreadable(await run('check', folder), '不是文件');
    expectUnreadable(await run('check', file('empty-file.json', '')), '是空的');
    expectUnreadable(await run('check', file('broken.json', '{"year": 2024, "org": ')), '不是有效的 JSON');
    expectUnreadable(await run('check', file('package.json', '{"name": "x", "version": "1.0.0"}')), '不是年度报告');
    expectUnreadable(
      await run(
        'check',
        file('bad-cell.json', '{"year": 2024, "org": "某局", "applications": {"granted": {"natural": "很多"}}}'),
      ),
      'applications.granted.natural',
    );
    expectUnreadable(
      await run('check', file('future.json', '{"schemaVersion": 99, "year": 2024, "org": "某局"}')),
      '请升级本软件',
    );
  });

  it('checks without last year’s file when it cannot be read, and says it is last year’s', async () => {
    const r = await run('check', FULL_2021, '--last', join(dir, 'nope.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('上年报告：找不到文件');
    expect(r.out).toContain('本次未使用上年报告。');
    expect(r.out).toContain('未发现问题');
  });

  it('exits 2 with Chinese usage help for bad arguments', async () => {
    expectUnreadable(await run('check'), '请指定要检查的报告文件');
    expectUnreadable(await run('check', FULL_2021, '--jsn'), '不认识的选项 --jsn');
    expectUnreadable(await run('check', FULL_2021, '--last'), '选项 --last 后面缺少文件名');
    expectUnreadable(await run('check', FULL_2021, FULL_2021), '一次只能检查一个报告文件');
    expectUnreadable(await run('chek', FULL_2021), '未知的命令“chek”');
  });
});

describe('bin/nianbao.mjs', () => {
  it('runs check as a real command: JSON on stdout, exit code 1 for an error finding', () => {
    const path = file('bin.json', setCell(fullReport(), 'reviewLitigation.review.total', 3));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.mjs'), 'check', path, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.findings.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual([
      ['review.total', '行政复议：总计=3，结果维持+结果纠正+其他结果+尚未审结=2，相差1'],
    ]);
    expect(parsed.report.org).toBe('某某县行政审批服务局');
  });
});
