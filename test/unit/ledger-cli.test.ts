// nianbao ledger LEDGER --year Y [--json]: the counted matrix as text or JSON with the report
// file's keys; exit 0 when every row was placed, 1 when some were not or values did not map,
// 2 when the file cannot be read. In-process, and once as a real subprocess.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './helpers/cli';
import { emptyReport, parseReportJson } from '../../shared/report';
import { checkReport } from '../../shared/rules';
import { csvText, HEADER, LEDGER_2024, xlsxBytes } from '../fixtures/ledgers';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir: string;
let full: string;
let clean: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-ledger-cli-'));
  full = join(dir, '台账.xlsx');
  writeFileSync(full, await xlsxBytes(LEDGER_2024));
  clean = join(dir, '干净台账.csv');
  writeFileSync(
    clean,
    csvText([
      ['说明：一行一件申请'],
      HEADER,
      [1, '2024-02-01', '张某', '个人', '', '2024-02-09', '予以公开', ''],
      [2, '2023-12-20', '某公司', '企业', '', '', '', ''],
    ]),
  );
});

const run = runCaptured;

describe('nianbao ledger', () => {
  it('prints the counted matrix with the report file’s keys (--json), exit 1 for rows not placed', async () => {
    const r = await run('ledger', full, '--year', '2024', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['applications', 'problems', 'rows']);
    expect(json.rows).toBe(16);
    expect(json.applications.newReceived.total).toBe(8);
    expect(json.applications['refused.stateSecret'].business).toBe(1);
    expect(json.problems).toHaveLength(5);
    expect(json.problems[0]).toMatchObject({ kind: 'row', rows: [13] });
    // Same keys as a report file: it reads as one, and the rules find nothing wrong in 三.
    const parsed = parseReportJson({ ...emptyReport('某局', 2024), applications: json.applications });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(checkReport(parsed.report).filter((f) => f.rule.startsWith('matrix.'))).toEqual([]);
  });

  it('prints a table and the problems in Chinese, exit 0 when all rows are placed', async () => {
    const bad = await run('ledger', full, '--year', '2024');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('共16件申请，计入2024年度10件；1件在2023年已办结');
    expect(bad.out).toMatch(/一、本年新收政府信息公开申请数量\t3\t2\t1\t1\t1\t0\t8/);
    expect(bad.out).toContain('第13行：没有收到日期，未计入。');
    expect(bad.out).toContain('申请人类型“村委会”');
    const ok = await run('ledger', clean, '--year', '2024');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('全部申请均已计入；表中数字满足全部勾稽关系：每列一+二=三（七）+四');
    expect(ok.out).toMatch(/四、结转下年度继续办理\t0\t1\t0\t0\t0\t0\t1/);
  });

  it('exit 2 with a Chinese message when the file cannot be read or the options are wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['ledger', join(dir, '没有.xlsx'), '--year', '2024'], /找不到文件/],
      [['ledger', full], /请用 --year 指定统计年度/],
      [['ledger', full, '--year', '24'], /统计年度“24”无效/],
      [['ledger', '--year', '2024'], /请指定登记台账文件/],
      [['ledger', full, '--year', '2024', '--xyz'], /不认识的选项 --xyz/],
    ];
    const notLedger = join(dir, '通讯录.csv');
    writeFileSync(notLedger, '姓名,电话\n张三,1\n');
    cases.push([['ledger', notLedger, '--year', '2024'], /没有找到台账的表头/]);
    const broken = join(dir, '坏.xlsx');
    writeFileSync(broken, (await xlsxBytes(LEDGER_2024)).subarray(0, 300));
    cases.push([['ledger', broken, '--year', '2024'], /已损坏/]);
    for (const [argv, text] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(text);
      expect(r.err).not.toMatch(/\n\s+at |TypeError/);
    }
  });

  it('runs as bin/nianbao.mjs', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'nianbao.mjs'), 'ledger', clean, '--year', '2024', '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60000,
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).applications.carriedOver.business).toBe(1);
  });
});
