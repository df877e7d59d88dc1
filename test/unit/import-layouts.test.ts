// The tables of real reports in the layouts they come in (test/fixtures/import/layouts, made by
// make-layouts.ts from known numbers): per file, the share of cells read, and never a wrong cell;
// every cell not read is listed. Then the digit runs: split by the tables' sums, ambiguity told
// with its digits and readings, last year's report used when given, the search bounded.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCells, format2021, getFormat, ownLabel } from '../../shared/format';
import { htmlToBlocks, parseHtml, parseText, type ParsedReport, type TableProblem } from '../../shared/parse';
import { SPAN_LIMITS } from '../../shared/parse/html';
import { separateReadingFindings } from '../../shared/parse/reading-findings';
import { checkReport } from '../../shared/rules/engine';
import { lastIsSum, readingsWithBlanks, splitRuns } from '../../shared/parse/digit-runs';
import { solveRows } from '../../shared/parse/run-solver';
import { emptyReport, getCell, setCell } from '../../shared/report';
import { FIXTURES_DIR } from '../fixtures/reports';

const dir = join(FIXTURES_DIR, 'import', 'layouts');
const files = readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f));
const names = files.map((f) => f.replace(/\.(txt|html)$/, '')).sort();

interface Expected {
  format: '2021' | '2019';
  org: string;
  year: number;
  layout: string;
  cells: Record<string, number | null>;
}
const expected = (name: string): Expected => JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
const fileOf = (name: string) => files.find((f) => f.replace(/\.(txt|html)$/, '') === name)!;
const text = (name: string) => readFileSync(join(dir, fileOf(name)), 'utf8');
/** A fixture read as the app reads it: a saved web page as HTML, the rest as text. */
const parse = (name: string) => (fileOf(name).endsWith('.html') ? parseHtml : parseText)(text(name));

/** Cells read right, and cells read wrong (`id: got (true v)`). */
function score(p: ParsedReport, want: Expected): { share: number; wrong: string[]; blank: string[] } {
  let right = 0;
  const wrong: string[] = [];
  const blank: string[] = [];
  for (const [id, v] of Object.entries(want.cells)) {
    const got = getCell(p.report, id);
    if (got === v) right++;
    else if (got === null) blank.push(id);
    else wrong.push(`${id}: ${got} (true ${v})`);
  }
  return { share: right / Object.keys(want.cells).length, wrong, blank };
}

/**
 * Web text whose cells ran together without any separator: a blank cell leaves no trace there,
 * so a digit run is read only where no reading with blanks fits either. The matrix (its rows'
 * totals and its columns' sums) is read whole; 二 and 四 keep what stays ambiguous blank.
 */
const runTogether = (name: string) => /\.web-(oneline|rows)$/.test(name);
/**
 * A table that leaves cells blank (sample 000) as a PDF text layer: a lone number in a row of
 * blanks lost its column with the spaces, and such a row is left unread rather than placed.
 */
const blanksInTextLayer = (name: string) => /^sample-000\.pdf-/.test(name);
/** The least share of cells read: 95 % where digits run together, all of them elsewhere; less only where the text cannot tell more. */
function least(name: string, want: Expected): number {
  if (blanksInTextLayer(name)) return 0.8;
  // 二 of the 2019 format has no sums: a busy report's runs there stay ambiguous (see below).
  if (runTogether(name) && want.format === '2019' && name.startsWith('busy')) return 0.9;
  if (runTogether(name) || name.includes('.web-oneline-spaced')) return 0.95;
  // Every other layout of a report that fills its cells: every cell.
  return 1;
}

describe('layouts of real reports: share of cells read, never a wrong one', () => {
  it('there are fixtures of every layout, in both formats', () => {
    const layouts = new Set(names.map((n) => expected(n).layout));
    expect([...layouts].sort()).toEqual([
      'markdown-groups',
      'pdf-no-total',
      'pdf-numbers-above',
      'pdf-some-numbers-above',
      'pdf-two-vertical',
      'pdf-typos',
      'pdf-vertical',
      'web-oneline',
      'web-oneline-spaced',
      'web-page',
      'web-rows',
    ]);
    expect(new Set(names.map((n) => expected(n).format))).toEqual(new Set(['2021', '2019']));
  });

  for (const name of names) {
    it(name, () => {
      const want = expected(name);
      const p = parse(name);
      expect(p.report.format).toBe(want.format);
      // Organ and year too: last year's report of the organ is found by them.
      expect([p.report.org, p.report.year]).toEqual([want.org, want.year]);
      const s = score(p, want);
      expect(s.wrong).toEqual([]);
      expect(s.share).toBeGreaterThanOrEqual(least(name, want));
      if (runTogether(name)) {
        // The matrix and 四 are read whole; what stays blank is in 二, whose rows have no sums.
        expect(s.blank.filter((id) => !id.startsWith(`${getFormat(want.format).disclosureKey}.`))).toEqual([]);
      }
      // Every blank that should hold a number is listed, with its cells.
      const listed = new Set(p.tables!.ledger.unread);
      expect(s.blank.filter((id) => !listed.has(id))).toEqual([]);
      for (const id of s.blank)
        expect(p.tables!.problems.some((x) => x.cells.includes(id) && x.message.length > 0)).toBe(true);
    });
  }
});

describe('PDF text as the app’s PDF reader gives it: wide gaps as tabs, rows real or each cell a line', () => {
  const tabbed = (t: string) =>
    t
      .split('\n')
      .map((l) => l.trim().replace(/ {2,}/g, '\t'))
      .join('\n');
  for (const name of names.filter((n) => n.includes('.pdf-'))) {
    for (const rows of ['real', 'stream'] as const) {
      it(`${name}, ${rows}`, () => {
        const p = parseText(tabbed(text(name)), { textRows: rows });
        const want = expected(name);
        const s = score(p, want);
        expect(s.wrong).toEqual([]);
        expect(s.share).toBeGreaterThanOrEqual(least(name, want));
      });
    }
  }

  it('a row whose label cannot be placed, or is gone: its numbers go to no other row', () => {
    const want = expected('busy.pdf-some-numbers-above');
    const source = tabbed(text('busy.pdf-some-numbers-above'));
    const labels = [
      '4.无正当理由大量反复申请',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '2.重复申请',
      '3.其他',
    ];
    for (const label of labels) {
      for (const variant of [source.replace(label, '■■■■■■'), source.replace(label, '')]) {
        for (const rows of ['real', 'stream'] as const) {
          const p = parseText(variant, { textRows: rows });
          expect([label, rows, score(p, want).wrong]).toEqual([label, rows, []]);
        }
      }
    }
  });
});

describe('layouts damaged further (lines lost, doubled, labels cut): never a wrong cell', () => {
  it('every text fixture, mangled at random, as rows and as a stream', () => {
    let seed = 5;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let runs = 0;
    for (const name of names.filter((n) => fileOf(n).endsWith('.txt'))) {
      const want = expected(name);
      for (let round = 0; round < 3; round++) {
        let lines = text(name).split('\n');
        if (rnd(2)) lines = lines.map((l) => l.trim().replace(/ {2,}/g, '\t'));
        for (let o = 1 + rnd(3); o > 0; o--) {
          const i = Math.min(lines.length - 1, 10 + rnd(Math.max(1, lines.length - 10)));
          const op = rnd(5);
          if (op === 0) lines.splice(i, 1);
          else if (op === 1) lines[i] = lines[i].replace(/^[^\d\t ]+/, '■■');
          else if (op === 2) lines.splice(i, 0, lines[i]);
          else if (op === 3) lines[i] = lines[i].replace(/\d+/, '');
          else lines[i] = lines[i].replace(/[\u4e00-\u9fff]{2}/, '');
        }
        const p = parseText(lines.join('\n'), { textRows: rnd(2) ? 'real' : 'stream' });
        expect([name, round, score(p, want).wrong]).toEqual([name, round, []]);
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(100);
  });
});

describe('row labels mistyped (a character dropped, replaced or two swapped): never a wrong cell', () => {
  it('every text fixture with one to three labels mistyped, as rows and as the PDF reader gives them', () => {
    let seed = 3;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const shares: number[] = [];
    for (const name of names.filter((n) => fileOf(n).endsWith('.txt'))) {
      const want = expected(name);
      const f = getFormat(want.format);
      const labels = [...f.applications.rows, ...f.disclosure.flatMap((b) => b.rows)]
        .map((r) => ownLabel(r.path))
        .filter((l) => l.length > 4);
      for (let round = 0; round < 3; round++) {
        let source = text(name);
        for (let k = 1 + rnd(3); k > 0; k--) {
          const l = labels[rnd(labels.length)];
          const i = 2 + rnd(l.length - 3);
          const op = rnd(3);
          const typo =
            op === 0
              ? l.slice(0, i) + l.slice(i + 1)
              : op === 1
                ? `${l.slice(0, i)}囗${l.slice(i + 1)}`
                : l.slice(0, i) + l[i + 1] + l[i] + l.slice(i + 2);
          source = source.replace(l, typo);
        }
        const p = parseText(source, { textRows: rnd(2) ? 'real' : undefined });
        const s = score(p, want);
        expect([name, round, s.wrong]).toEqual([name, round, []]);
        shares.push(s.share);
      }
    }
    // A label too garbled to place costs its own row, not the table's.
    shares.sort((a, b) => a - b);
    expect(shares[Math.floor(shares.length / 10)]).toBeGreaterThan(0.85);
    expect(shares[shares.length >> 1]).toBeGreaterThan(0.97);
  });

  it('二: a mistyped row label is the row of its block it is most like (行政许囗, 行政事性收费), a short one is not', () => {
    const want = expected('busy.pdf-vertical');
    for (const [label, typo, row] of [
      ['行政许可', '行政许囗', 'licensing'],
      ['行政事业性收费', '行政事性收费', 'fees'],
      ['行政强制', '行政强囗', 'enforcement'],
    ]) {
      const p = parseText(text('busy.pdf-vertical').replace(label, typo));
      expect([typo, score(p, want).wrong, p.tables!.ledger.found]).toEqual([
        typo,
        [],
        expect.arrayContaining([`activeDisclosure.${row}`]),
      ]);
    }
    // 规囗: two characters, one of them lost, is like nothing enough: left unread, not taken for 规章.
    const p = parseText(text('busy.pdf-vertical').replace('规章', '规囗'));
    expect(p.report.activeDisclosure.rules).toEqual({ issued: null, repealed: null, inForce: null });
  });

  it('numbers printed above their labels, one label unplaceable: the other rows are still read', () => {
    const want = expected('busy.pdf-numbers-above');
    const source = text('busy.pdf-numbers-above').replace('1.属于国家秘密', '1.属国于家秘密');
    const p = parseText(source);
    expect(score(p, want).wrong).toEqual([]);
    expect(score(p, want).share).toBeGreaterThan(0.95);
    expect(p.tables!.ledger.missing).toContain('applications.refused.stateSecret');
  });
});

describe('digits run together', () => {
  it('801000081 is 80, 1, 0, 0, 0, 0, 81: the only split whose six columns make the total', () => {
    expect(splitRuns(['801000081'], [{ size: 7, check: lastIsSum }]).readings).toEqual([[80, 1, 0, 0, 0, 0, 81]]);
    // 110000011 alone is 11,0,…,11 or 1,10,…,11: the row cannot tell.
    expect(splitRuns(['110000011'], [{ size: 7, check: lastIsSum }]).readings).toHaveLength(2);
  });

  it('a row that its own total cannot settle is settled by the columns (一+二 = 三（七）+四)', () => {
    const p = parseText(text('busy.web-rows'));
    expect(p.report.applications.carriedOver).toMatchObject({ natural: 11, business: 0, total: 11 });
    expect(p.tables!.problems.filter((x) => x.rows.includes('applications.carriedOver'))).toEqual([]);
  });

  it('行政规范性文件8855698 without last year: left blank, the digits and the readings that remain are said', () => {
    const p = parseText(text('busy.web-rows'));
    const ids = ['issued', 'repealed', 'inForce'].map((c) => `activeDisclosure.normativeDocs.${c}`);
    for (const id of ids) expect(getCell(p.report, id)).toBeNull();
    const problem = p.tables!.problems.find(
      (x) => x.kind === 'ambiguous' && x.rows.includes('activeDisclosure.normativeDocs'),
    )!;
    expect(problem.cells).toEqual(ids);
    expect(problem.digits).toBe('8855698');
    expect(problem.readings).toContainEqual([88, 55, 698]);
    expect(problem.readings!.length).toBeGreaterThan(1);
    expect(problem.message).toMatch(/“8855698”.*已留空/);
    expect(p.problems).toContain(problem.message);
  });

  it('with last year’s report (rule 6: 现行有效 = 上年 + 制发 − 废止) the same run is read: 88, 55, 698', () => {
    const previous = setCell(emptyReport('某某县自然资源局', 2021), 'activeDisclosure.normativeDocs.inForce', 665);
    const p = parseText(text('busy.web-rows'), { previous });
    expect(p.report.activeDisclosure.normativeDocs).toEqual({ issued: 88, repealed: 55, inForce: 698 });
    expect(p.tables!.problems.filter((x) => x.rows.includes('activeDisclosure.normativeDocs'))).toEqual([]);
  });

  it('with last year’s report in the 2019 format, 上一年项目数量 is last year’s count: 行政处罚90126 is 9, 0, 126', () => {
    const without = parseText(text('busy-2019.web-rows'));
    expect(without.report.activeDisclosure2019?.punishment).toEqual({
      lastYearItems: null,
      change: null,
      decisions: null,
    });
    let previous = emptyReport('某某县自然资源局', 2019, '2019');
    // Last year: 7 items, 2 more that year, so 9 this year; 行政强制 3 + 1.
    for (const [id, v] of [
      ['punishment.lastYearItems', 7],
      ['punishment.change', 2],
      ['enforcement.lastYearItems', 3],
      ['enforcement.change', 1],
    ] as const)
      previous = setCell(previous, `activeDisclosure2019.${id}`, v);
    const p = parseText(text('busy-2019.web-rows'), { previous });
    expect(p.report.activeDisclosure2019?.punishment).toEqual({ lastYearItems: 9, change: 0, decisions: 126 });
    expect(p.report.activeDisclosure2019?.enforcement).toEqual({ lastYearItems: 4, change: 0, decisions: 12 });
    // A report of the other format tells nothing here.
    const other = parseText(text('busy-2019.web-rows'), { previous: emptyReport('某某县自然资源局', 2019, '2021') });
    expect(other.report.activeDisclosure2019?.punishment.decisions).toBeNull();
  });

  it('a run whose total no split can make is left unread and said, never guessed', () => {
    const lines = [
      '某局2024年政府信息公开工作年度报告',
      ...format2021.applications.rows.map((r) => `${ownLabel(r.path)}${r.id === 'granted' ? '41100004' : '0000000'}`),
    ];
    const p = parseText(lines.join('\n'));
    expect(p.report.applications.granted.natural).toBeNull();
    expect(p.problems.some((x) => x.includes('“41100004”') && x.includes('无法拆分'))).toBe(true);
    expect(getCell(p.report, 'applications.newReceived.total')).toBe(0);
  });

  it('a blank cell leaves no trace in run-together text: readings with blanks count too, so none is guessed', () => {
    // 3 blank 12 and 3, 1, 12 … all read 312 or 3112: with no sum to tell them apart, nothing is taken.
    expect(readingsWithBlanks(['312'], [{ size: 3 }]).readings.length).toBeGreaterThan(1);
    // 5 blank blank blank blank blank 5 (55): the total is sure, the column of the 5 is not.
    const r = readingsWithBlanks(['55'], [{ size: 7, sum: true }]).readings;
    expect(r).toHaveLength(6);
    expect(new Set(r.map((x) => x[6]))).toEqual(new Set([5]));
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let unique = 0;
    for (let i = 0; i < 3000; i++) {
      const row: (number | null)[] = Array.from({ length: 6 }, () => (rnd(4) === 0 ? rnd(200) : rnd(3)));
      for (let b = rnd(3); b > 0; b--) row[rnd(6)] = null;
      row.push(row.reduce<number>((a, v) => a + (v ?? 0), 0));
      const out = readingsWithBlanks([row.filter((v) => v !== null).join('')], [{ size: 7, sum: true }]);
      if (out.readings.length === 1) {
        unique++;
        expect(out.readings[0]).toEqual(row);
      }
    }
    expect(unique).toBeGreaterThan(300);
  });

  it('四 run together, one digit a cell, in a text that shows no blank: read, and said to rest on that', () => {
    const want = expected('busy.web-rows');
    const p = parseText(text('busy.web-rows'));
    const review = Object.keys(want.cells).filter((id) => id.startsWith('reviewLitigation.'));
    for (const id of review) expect([id, getCell(p.report, id)]).toEqual([id, want.cells[id]]);
    const note = p.tables!.problems.find((x) => x.kind === 'assumed')!;
    // 3 1 0 1 5 could be read with blanks had the text shown any (20、10、空白、空白、30 …): those cells are named.
    expect(note.cells).toContain('reviewLitigation.litigationDirect.total');
    expect(note.rows).toEqual(['reviewLitigation.litigationDirect', 'reviewLitigation.litigationAfterReview']);
    expect(note.message).toMatch(
      /四、“行政诉讼未经复议直接起诉”、“行政诉讼复议后起诉”的数字连在一起.*假定每格都有数字.*请对照原文核对/,
    );
    expect(p.problems).toContain(note.message);
    // Read, not unread: the preview marks them to check, the 勾稽 checks count them.
    expect(p.tables!.ledger.unread.filter((c) => c.startsWith('reviewLitigation.'))).toEqual([]);
  });

  it('the same text with one row that shows a blank: nothing is assumed anywhere, 四 is left open and said', () => {
    const source = text('busy.web-rows').replace('规章000', '规章0');
    expect(source).not.toBe(text('busy.web-rows'));
    const p = parseText(source);
    expect(p.tables!.problems.filter((x) => x.kind === 'assumed')).toEqual([]);
    expect(getCell(p.report, 'reviewLitigation.litigationDirect.total')).toBeNull();
    const open = p.tables!.problems.find(
      (x) => x.kind === 'ambiguous' && x.rows.includes('reviewLitigation.litigationDirect'),
    )!;
    expect(open.readings).toContainEqual([20, 10, null, null, 30]);
    expect(open.message).toMatch(/可读作 2、0、1、0、3；或 20、10、空白、空白、30/);
    // The matrix holds no blank-free reading it cannot prove: it is still read whole by its sums.
    expect(getCell(p.report, 'applications.newReceived.natural')).toBe(80);
    const rules = p.tables!.problems.find((x) => x.rows.includes('activeDisclosure.rules'))!;
    expect(rules.message).toMatch(/“规章”行只有数字“0”，其余是空白格.*已留空/);
  });

  it('a table that leaves cells blank (sample 000) as web text: a lone 0 is the row’s 总计, its other cells blank', () => {
    const want = expected('sample-000.web-rows');
    const p = parseText(text('sample-000.web-rows'));
    expect(p.report.applications.newReceived).toMatchObject({ natural: null, business: null, total: 0 });
    expect(getCell(p.report, 'applications.newReceived.total')).toBe(want.cells['applications.newReceived.total']);
    expect(p.tables!.problems.filter((x) => x.kind === 'assumed')).toEqual([]);
  });

  it('a sign begins a cell of its own: 其他对外管理服务事项20-315 is 20, −3, 15 (a count is never below 0)', () => {
    const p = parseText(text('busy-2019.web-rows'));
    expect(text('busy-2019.web-rows')).toContain('其他对外管理服务事项20-315');
    expect(p.report.activeDisclosure2019?.otherServices).toEqual({ lastYearItems: 20, change: -3, decisions: 15 });
  });

  it('full-width digits (２０２２年, ８０１０００８１) read as if typed half-width, run together or not', () => {
    const wide = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    for (const name of ['busy.web-rows', 'busy.web-oneline', 'busy.pdf-vertical', 'sample-003.markdown-groups']) {
      const plain = parse(name);
      const p = parseText(wide(text(name)));
      expect([name, p.report.year, score(p, expected(name)).share]).toEqual([
        name,
        plain.report.year,
        score(plain, expected(name)).share,
      ]);
    }
  });

  describe('a clerk who left one zero cell blank among written zeros, run together: never a wrong cell', () => {
    const random = (seed: number) => (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    it('三: the columns’ sums betray a split that assumed no blank', () => {
      const rnd = random(7);
      const m = format2021.applications;
      const width = m.columns.length - 1;
      let assumed = 0;
      for (let round = 0; round < 600; round++) {
        const rows: Record<string, (number | null)[]> = {};
        const six = () => Array.from({ length: width }, () => (rnd(3) ? rnd(3) : rnd(120)));
        for (const id of m.resultRows) rows[id] = rnd(2) ? six() : six().map(() => 0);
        const col = (i: number) => m.resultRows.reduce((s, id) => s + (rows[id][i] ?? 0), 0);
        rows[m.resultTotalRow] = Array.from({ length: width }, (_, i) => col(i));
        rows[m.carryForwardRow] = six();
        rows[m.newRow] = rows[m.resultTotalRow].map((v, i) => v! + rows[m.carryForwardRow][i]!);
        rows[m.carriedOverRow] = Array.from({ length: width }, () => 0);
        for (const id of Object.keys(rows)) rows[id].push(rows[id].reduce<number>((a, b) => a + (b ?? 0), 0));
        const ids = Object.keys(rows);
        for (let b = 1 + rnd(2); b > 0; b--) {
          const r = rows[ids[rnd(ids.length)]];
          const c = rnd(width);
          if (r[c] === 0) r[c] = null;
        }
        const lines = [
          '某局2024年政府信息公开工作年度报告',
          m.columns.map((c) => c.label).join(''),
          ...m.rows.map((r) => r.path.slice(-2).join('') + rows[r.id].filter((v) => v !== null).join('')),
        ];
        const p = parseText(lines.join('\n'));
        if (p.tables!.problems.some((x) => x.kind === 'assumed')) assumed++;
        for (const r of m.rows)
          m.columns.forEach((c, i) => {
            const got = getCell(p.report, `applications.${r.id}.${c.id}`);
            if (got !== null) expect([round, r.id, c.id, got]).toEqual([round, r.id, c.id, rows[r.id][i]]);
          });
      }
      // Some tables hid their blank well enough to be read as if they had none, and were right.
      expect(assumed).toBeGreaterThan(0);
    });

    it('四: assumed only where every cell is one digit', () => {
      const rnd = random(9);
      const r = format2021.review;
      const header = text('busy.web-rows')
        .split('\n')
        .find((l) => l.startsWith('行政复议'))!;
      let read = 0;
      for (let round = 0; round < 1000; round++) {
        const vals: (number | null)[] = [];
        for (let g = 0; g < r.groups.length; g++) {
          const four = [0, 1, 2, 3].map(() => (rnd(3) ? rnd(3) : rnd(30)));
          vals.push(
            ...four,
            four.reduce((a, b) => a + b, 0),
          );
        }
        for (let b = 1 + rnd(2); b > 0; b--) {
          const i = rnd(vals.length);
          if (i % r.columns.length !== r.columns.length - 1 && vals[i] === 0) vals[i] = null;
        }
        const lines = ['某局2024年政府信息公开工作年度报告', '四、政府信息公开行政复议、行政诉讼情况', header];
        const p = parseText(
          [...lines, vals.filter((v) => v !== null).join(''), '五、存在的主要问题及改进情况'].join('\n'),
        );
        r.groups.forEach((g, gi) =>
          r.columns.forEach((c, ci) => {
            const got = getCell(p.report, `reviewLitigation.${g.id}.${c.id}`);
            if (got !== null) read++;
            if (got !== null) expect([round, g.id, c.id, got]).toEqual([round, g.id, c.id, vals[gi * 5 + ci]]);
          }),
        );
      }
      expect(read).toBeGreaterThan(5000);
    });
  });

  it('the search is bounded: past its limit it stops and says so', () => {
    const out = splitRuns(['1'.repeat(40)], [{ size: 14 }], { maxDigits: 7, maxReadings: 64, maxSteps: 1000 });
    expect(out.capped).toBe(true);
    const many = new Map([
      ['a', { readings: Array.from({ length: 50 }, (_, i) => [i]) }],
      ['b', { readings: Array.from({ length: 50 }, (_, i) => [i]) }],
      ['c', { readings: Array.from({ length: 50 }, (_, i) => [i]) }],
    ]);
    expect(solveRows(many, [{ left: ['a'], right: ['b', 'c'] }], 1, 1000).gaveUp).toBe('capped');
  });

  it('column sums that no combination meets narrow nothing (the report’s own error is not “fixed”)', () => {
    const rows = new Map([
      ['t', { values: [5] }],
      ['x', { readings: [[1], [2]] }],
      ['y', { readings: [[1], [2]] }],
    ]);
    const out = solveRows(rows, [{ left: ['t'], right: ['x', 'y'] }], 1);
    expect(out.gaveUp).toBe('inconsistent');
    expect(out.readings.get('x')).toEqual([[1], [2]]);
  });

  it('random busy tables run together: never a wrong cell', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const m = format2021.applications;
    for (let round = 0; round < 25; round++) {
      const rows: Record<string, number[]> = {};
      const six = () => m.columns.slice(0, -1).map(() => (rnd(3) ? rnd(3) : rnd(120)));
      for (const id of m.resultRows) rows[id] = rnd(2) ? six() : six().map(() => 0);
      const col = (i: number) => m.resultRows.reduce((s, id) => s + rows[id][i], 0);
      rows[m.resultTotalRow] = m.columns.slice(0, -1).map((_, i) => col(i));
      rows[m.carriedOverRow] = six();
      rows[m.carryForwardRow] = six();
      // 一 = 三（七） + 四 − 二 ≥ 0 in every column.
      rows[m.newRow] = rows[m.resultTotalRow].map((v, i) => v + rows[m.carryForwardRow][i] + 0);
      rows[m.carriedOverRow] = rows[m.carriedOverRow].map(() => 0);
      for (const id of Object.keys(rows)) rows[id].push(rows[id].reduce((a, b) => a + b, 0));
      const lines = [
        '某局2024年政府信息公开工作年度报告',
        m.columns.map((c) => c.label).join(''),
        ...m.rows.map((r) => r.path.slice(-2).join('') + rows[r.id].join('')),
      ];
      const p = parseText(lines.join('\n'));
      for (const r of m.rows) {
        m.columns.forEach((c, i) => {
          const got = getCell(p.report, `applications.${r.id}.${c.id}`);
          if (got !== null) expect(`${r.id}.${c.id}=${got}`).toBe(`${r.id}.${c.id}=${rows[r.id][i]}`);
        });
      }
    }
  });
});

describe('printed layouts', () => {
  it('a table without its 总计 column: six read, the totals derived and said to be', () => {
    const p = parseText(text('busy.pdf-no-total'));
    expect(p.report.applications.newReceived).toMatchObject({ natural: 80, business: 1, total: 81 });
    const derived = p.tables!.problems.find((x) => x.kind === 'derived')!;
    expect(derived.message).toMatch(/总计.*相加得出/);
    expect(derived.cells).toContain('applications.newReceived.total');
    expect(p.tables!.ledger.derived).toHaveLength(getFormat('2021').applications.rows.length);
  });

  it('label typos and variants are placed by the order of the rows: 2.其他法律行政止公开, （六）其他', () => {
    expect(text('busy.pdf-typos')).toContain('2.其他法律行政止公开');
    expect(getCell(parseText(text('busy.pdf-typos')).report, 'applications.refused.otherLaw.natural')).toBe(2);
    expect(text('sample-003.pdf-typos')).toMatch(/（六）其他\s/);
    const p = parseText(text('busy-2019.pdf-typos'));
    expect(p.report.applications.other).toMatchObject({ natural: 1, total: 1 });
  });

  it('the ledger counts rows found, failed and missing over the three tables', () => {
    const p = parseText(text('busy.web-oneline'));
    const l = p.tables!.ledger;
    const rows = allCells(getFormat('2021')).map((c) => `${c.table}.${c.rowId}`);
    expect(new Set([...l.found, ...l.failed, ...l.missing])).toEqual(new Set(rows));
    expect(l.found).toContain('applications.newReceived');
  });
});

describe('merged cells of web pages', () => {
  it('rowspan/colspan expanded only up to a limit per table and per page, and said', () => {
    const table = (rows: number, rs: number, cs: number) =>
      `<table>${`<tr><td rowspan="${rs}" colspan="${cs}">x</td><td>1</td></tr>`.repeat(rows)}</table>`;
    const html = `<p>某局2024年政府信息公开工作年度报告</p>${table(400, 400, 40).repeat(30)}`;
    const problems: TableProblem[] = [];
    const blocks = htmlToBlocks(html, problems);
    const cells = blocks.reduce((n, b) => n + (b.type === 'table' ? b.rows.reduce((m, r) => m + r.length, 0) : 0), 0);
    expect(cells).toBeLessThanOrEqual(SPAN_LIMITS.pageCells);
    expect(problems).toHaveLength(1);
    expect(problems[0].kind).toBe('spanCapped');
    expect(problems[0].message).toMatch(/合并单元格.*请核对/);
    expect(parseHtml(html).problems).toContain(problems[0].message);
  });

  it('an ordinary report table keeps its merged cells and raises nothing', () => {
    const problems: TableProblem[] = [];
    const blocks = htmlToBlocks(
      '<table><tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td></tr><tr><td>（二）部分公开</td><td>0</td></tr></table>',
      problems,
    );
    expect(blocks[0]).toMatchObject({
      rows: [
        ['三、本年度办理结果', '（一）予以公开', '1'],
        ['三、本年度办理结果', '（二）部分公开', '0'],
      ],
    });
    expect(problems).toEqual([]);
  });
});

describe('reading problems are not last year’s mistakes', () => {
  it('findings on cells the importer could not read are set apart from the report’s own', () => {
    const p = parseText(text('busy.web-rows'));
    const { reading, report } = separateReadingFindings(checkReport(p.report), p.tables!.ledger);
    const unread = new Set(p.tables!.ledger.unread);
    expect(reading.some((f) => f.cells.some((c) => c.startsWith('activeDisclosure.normativeDocs.')))).toBe(true);
    for (const f of reading) expect(f.cells.some((c) => unread.has(c))).toBe(true);
    for (const f of report) expect(f.cells.some((c) => unread.has(c))).toBe(false);
  });
});
