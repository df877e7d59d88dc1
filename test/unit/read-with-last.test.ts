// Every caller that knows last year's report of the same organ reads this year's file with it:
// web text whose cells run together (`行政规范性文件8855698`) is read as 88, 55, 698 only because
// rule 6 (现行有效 = 上年 + 制发 − 废止) settles it with last year's 665. Without it, or with a report of
// another organ or year, the cells stay blank and the user is told why last year's was not used.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, handleCall } from '../../electron/services/app-service';
import { checkedOptions, isReadRequest } from '../../electron/services/reading/protocol';
import { runRead } from '../../electron/services/reading/run';
import { reviewFolder } from '../../electron/services/review/folder';
import type { ReadResult } from '../../shared/api';
import { parseText } from '../../shared/parse';
import { emptyReport, getCell, parseReportText, serializeReport, setCell, type Report } from '../../shared/report';
import { previousOf, readWithPrevious, READ_WITH_LAST, wantsPrevious } from '../../shared/review';
import { FIXTURES_DIR } from '../fixtures/reports';
import { runCaptured } from './helpers/cli';

const ORG = '某某县自然资源局';
/** The 2022 report as a web page's text, all cells run together (made by the lead's make-layouts.ts). */
const THIS_YEAR = readFileSync(join(FIXTURES_DIR, 'import', 'layouts', 'busy.web-rows.txt'), 'utf8');
const NORMATIVE = ['issued', 'repealed', 'inForce'].map((c) => `activeDisclosure.normativeDocs.${c}`);
/**
 * Last year's report: 665 规范性文件 in force, so 88 − 55 + 665 = 698, and 11 applications carried
 * forward as this year's text carries over (or `carried`, to see whether the check compares with it).
 */
function last(org = ORG, year = 2021, carried = 11): Report {
  let r = setCell(emptyReport(org, year), 'activeDisclosure.normativeDocs.inForce', 665);
  for (const col of ['business', 'research', 'publicInterest', 'legal', 'other'])
    r = setCell(r, `applications.carryForward.${col}`, 0);
  r = setCell(r, 'applications.carryForward.natural', carried);
  return setCell(r, 'applications.carryForward.total', carried);
}

const normative = (r: Report) => NORMATIVE.map((id) => getCell(r, id));
const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-last-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Report): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : serializeReport(content));
  return path;
}

describe('last year’s report of the same organ, found and used (shared/review/last-year.ts)', () => {
  const parse = async (previous?: Report): Promise<ReadResult> => {
    const p = parseText(THIS_YEAR, previous ? { previous } : {});
    return { report: p.report, problems: p.problems, kind: '文本', tables: p.tables };
  };

  it('reads the file again with it only where the first reading left ambiguous runs', async () => {
    let reads = 0;
    const counted = (previous?: Report) => (reads++, parse(previous));
    const r = await readWithPrevious(counted, async () => ({ report: last(), note: '' }));
    expect(reads).toBe(2);
    expect(r.previous?.year).toBe(2021);
    expect(normative(r.result.report)).toEqual([88, 55, 698]);
    // A report read right the first time is not read again, and last year's is not looked for.
    let looked = false;
    const once = await readWithPrevious(
      async () => ({ report: emptyReport(ORG, 2022), problems: [], kind: '文本' }),
      async () => ((looked = true), { report: last(), note: '' }),
    );
    expect(looked).toBe(false);
    expect(once.previous).toBeNull();
  });

  it('without a report of last year the run stays blank and the look-up’s note is kept; a failing look-up is no failure', async () => {
    const none = await readWithPrevious(parse, async () => ({ report: null, note: '没有' }));
    expect(wantsPrevious(none.result)).toBe(true);
    expect(normative(none.result.report)).toEqual([null, null, null]);
    expect(none.note).toBe('没有');
    const broken = await readWithPrevious(parse, async () => {
      throw new Error('store gone');
    });
    expect(normative(broken.result.report)).toEqual([null, null, null]);
    expect(broken.note).toMatch(/未能查找上年报告/);
  });

  it('takes only the same organ’s report of the year before', () => {
    const of = (r: Report) => r;
    expect(previousOf({ org: ORG, year: 2022 }, [last()], of).item?.org).toBe(ORG);
    expect(previousOf({ org: ORG, year: 2022 }, [last('某某县民政局')], of).item).toBeNull();
    const older = previousOf({ org: ORG, year: 2022 }, [last(ORG, 2020)], of);
    expect(older.item).toBeNull();
    expect(older.note).toContain('2020年');
    // Of two years of the organ, the year before is taken.
    expect(previousOf({ org: ORG, year: 2022 }, [last(ORG, 2020), last()], of).item?.year).toBe(2021);
  });
});

describe('the reader process takes last year’s report as an argument it validates', () => {
  const source = { name: '年报.txt', base64: base64(THIS_YEAR) };

  it('reads with a valid report; a malformed one is left out and said, the file still read', async () => {
    const with_ = await runRead({ type: 'read', source, options: { previous: last() } });
    expect(with_.ok && 'result' in with_ && normative(with_.result.report)).toEqual([88, 55, 698]);
    const bad = { ...last(), applications: { granted: { natural: '很多' } } } as unknown as Report;
    const without = await runRead({ type: 'read', source, options: { previous: bad } });
    if (!without.ok || !('result' in without)) throw new Error('expected a reading');
    expect(normative(without.result.report)).toEqual([null, null, null]);
    expect(without.result.problems[0]).toMatch(/^上年报告的数据无效（.*），读取数字时未使用上年报告。$/);
  });

  it('refuses a request whose last year’s report is not an object; fills the defaults of one that is', () => {
    expect(isReadRequest({ type: 'read', source, options: { previous: 665 } })).toBe(false);
    expect(isReadRequest({ type: 'read', source, options: { previous: null } })).toBe(true);
    const partial = { year: 2021, org: ORG, activeDisclosure: { normativeDocs: { inForce: 665 } } };
    const checked = checkedOptions({ previous: partial as unknown as Report });
    expect(checked.problems).toEqual([]);
    expect(checked.options.previous?.format).toBe('2021');
  });
});

describe('the API: readFile(file, { previous })', () => {
  it('reads with last year’s report when given, validates it like every argument', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nianbao-last-svc-'));
    const svc = createAppService({ dataDir: data, mode: 'browser', version: 't' });
    try {
      const file = { name: '年报.txt', base64: base64(THIS_YEAR) };
      const plain = await handleCall(svc, 'readFile', [file]);
      expect(plain.ok && normative((plain.value as ReadResult).report)).toEqual([null, null, null]);
      const withLast = await handleCall(svc, 'readFile', [file, { previous: last() }]);
      expect(withLast.ok && normative((withLast.value as ReadResult).report)).toEqual([88, 55, 698]);
      const bad = await handleCall(svc, 'readFile', [file, { previous: 'last year' }]);
      expect(bad).toEqual({ ok: false, error: expect.stringMatching(/^操作“readFile”的参数无效：第2个参数/) });
    } finally {
      await svc.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('nianbao review DIR --last LASTDIR', () => {
  it('reads last year’s folder first and this year’s ambiguous files again with their organ’s report', async () => {
    file('review/this/自然资源局.txt', THIS_YEAR);
    file('review/last/自然资源局2021.json', last());
    file('review/other/民政局2021.json', last('某某县民政局'));
    const read = await reviewFolder(join(dir, 'review', 'this'), { lastDir: join(dir, 'review', 'last') });
    const entry = read.reports[0];
    expect(entry.readWithLast).toBe(true);
    expect(entry.lastFile).toBe('自然资源局2021.json');
    expect(entry.lastNote).toContain(READ_WITH_LAST);
    expect(entry.readProblems.some((p) => p.includes('“8855698”'))).toBe(false);
    expect(entry.findings.some((f) => f.cells.some((c) => NORMATIVE.includes(c)) && f.rule === 'value.blank')).toBe(
      false,
    );

    // Another organ's report of last year is not used: the run stays blank and is listed.
    const other = await reviewFolder(join(dir, 'review', 'this'), { lastDir: join(dir, 'review', 'other') });
    expect(other.reports[0].readWithLast).toBeUndefined();
    expect(other.reports[0].readProblems.some((p) => p.includes('“8855698”'))).toBe(true);
  });

  it('says so on the command line', async () => {
    const r = await runCaptured('review', join(dir, 'review', 'this'), '--last', join(dir, 'review', 'last'));
    expect(r.out).toContain('连在一起的数字已参考上年报告“自然资源局2021.json”拆分');
  });
});

describe('nianbao import / check FILE --last LASTFILE', () => {
  it('import --json reads the run with last year’s report and says so on stderr', async () => {
    const r = await runCaptured(
      'import',
      file('cli/this.txt', THIS_YEAR),
      '--json',
      '--last',
      file('cli/last.json', last()),
    );
    expect(r.code).toBe(0);
    const parsed = parseReportText(r.out);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(normative(parsed.report)).toEqual([88, 55, 698]);
    expect(r.err).toContain('已参考前一年的报告（某某县自然资源局2021年）拆分连在一起的数字。');
  });

  it('a --last of another organ or year is not used, and said; the file is read without it', async () => {
    const other = await runCaptured(
      'import',
      join(dir, 'cli', 'this.txt'),
      '--last',
      file('cli/mz.json', last('某某县民政局')),
    );
    expect(other.code).toBe(0);
    expect(other.out).toContain(
      '上年报告“mz.json”是某某县民政局2021年的报告，不是某某县自然资源局2021年的报告，本次未使用。',
    );
    expect(other.out).toContain('“8855698”');
    const older = await runCaptured(
      'import',
      join(dir, 'cli', 'this.txt'),
      '--json',
      '--last',
      file('cli/2020.json', last(ORG, 2020)),
    );
    const parsed = parseReportText(older.out);
    expect(parsed.ok && normative(parsed.report)).toEqual([null, null, null]);
    expect(older.err).toContain('是某某县自然资源局2020年的报告，不是某某县自然资源局2021年的报告，本次未使用。');
  });

  it('a --last that cannot be read is said, and the file is read and checked without it', async () => {
    const r = await runCaptured('check', join(dir, 'cli', 'this.txt'), '--last', join(dir, 'nope.json'));
    expect(r.code).not.toBe(2);
    expect(r.out).toContain('上年报告：找不到文件');
    expect(r.out).toContain('本次未使用上年报告。');
    expect(r.out).toContain('某某县自然资源局2022年政府信息公开工作年度报告');
  });

  it('check --last reads the run with it and compares with it; another organ’s is not compared', async () => {
    type Out = { report: Report; findings: { rule: string }[] };
    const check = async (lastFile: string) => {
      const r = await runCaptured('check', join(dir, 'cli', 'this.txt'), '--json', '--last', lastFile);
      return { out: JSON.parse(r.out) as Out, err: r.err };
    };
    const carryRules = (o: Out) => o.findings.filter((f) => f.rule.startsWith('carry.')).map((f) => f.rule);
    const same = await check(join(dir, 'cli', 'last.json'));
    expect(normative(same.out.report)).toEqual([88, 55, 698]);
    expect(same.err).toContain('前一年的报告');
    expect(carryRules(same.out)).toEqual([]);
    // The same organ's report that carried 3, where this year's says 11: compared (rule 5).
    const three = await check(file('cli/last-3.json', last(ORG, 2021, 3)));
    expect(carryRules(three.out)).toContain('carry.carriedOver');
    // Another organ's report that carried 3: not compared, and said.
    const other = await check(file('cli/mz-3.json', last('某某县民政局', 2021, 3)));
    expect(carryRules(other.out)).toEqual([]);
    expect(other.err).toContain('本次未使用');
  });
});
