// The ledger's pure stages: dates, headers, value mapping and counting (shared/ledger). Every
// counted matrix is put into a report and checked by the rule engine: no 勾稽 finding on it.
import { describe, expect, it } from 'vitest';
import { allCells, cellId, format2019, format2021 } from '../../shared/format';
import {
  countLedger,
  countLedgerSheets,
  countReportLedger,
  emptyEntry,
  emptyMapping,
  entryRecords,
  findLayout,
  ledgerCarryFindings,
  ledgerFindings,
  ledgerRecords,
  mapApplicant,
  mapOutcome,
  matrixChanges,
  OPEN,
  openAtYearEnd,
  otherSheetsNote,
  placementsOf,
  readDate,
  recordsToEntries,
  remember,
  type LedgerRecord,
  type LedgerTally,
  type RawLedger,
} from '../../shared/ledger';
import { emptyReport, setCell, type Report } from '../../shared/report';
import { checkReport } from '../../shared/rules';
import { bigLedger, HEADER, LEDGER_2024, rawRows, type Row } from '../fixtures/ledgers';

const f = format2021;
const ledger = (rows: Row[], file = '台账.xlsx'): RawLedger => ({
  file,
  sheets: [{ name: '台账', rows: rawRows(rows) }],
});

function count(rows: Row[], year = 2024, mapping = emptyMapping()): LedgerTally {
  const r = countLedgerSheets(ledger(rows), f, year, mapping);
  if (!r.ok) throw new Error(r.problem.message);
  return r.tally;
}

/** The report with the counted matrix: the rule engine must find nothing wrong in 三. */
function matrixFindings(tally: LedgerTally, year = 2024) {
  const report: Report = { ...emptyReport('某某县住房和城乡建设局', year), applications: tally.applications };
  return checkReport(report).filter((x) => x.cells.some((c) => c.startsWith('applications.')));
}

const cell = (t: LedgerTally, row: string, col: string) => t.applications[row][col];

describe('dates', () => {
  it.each([
    [45356, '2024-03-05'],
    ['45356', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-03-05 14:30', '2024-03-05'],
    ['2024-03-05T00:00:00.000', '2024-03-05'],
  ])('reads %s as %s', (v, iso) => {
    expect(readDate(v)).toEqual({ kind: 'date', iso, year: 2024 });
  });

  it('says which texts are no date, and takes 办理中 or a blank as no date yet', () => {
    expect(readDate('2024-02-30')).toEqual({ kind: 'bad', text: '2024-02-30' });
    expect(readDate('三月五日')).toEqual({ kind: 'bad', text: '三月五日' });
    expect(readDate(5)).toEqual({ kind: 'bad', text: '5' }); // a count, not a date
    for (const v of [null, '', '  ', '办理中', '未答复', '/']) expect(readDate(v).kind).toBe('empty');
  });
});

describe('headers', () => {
  it('finds the header row below a title, by the words the headers contain', () => {
    const layout = findLayout({ name: 'S', rows: rawRows(LEDGER_2024) })!;
    expect(layout.headerRow).toBe(3);
    expect(layout.columns.received).toEqual({ index: 1, header: '收到申请日期' });
    expect(layout.columns.applicant?.index).toBe(3);
    expect(layout.columns.answered?.index).toBe(5);
    expect(layout.columns.outcome?.index).toBe(6);
    expect(layout.columns.reason?.index).toBe(7);
  });

  it.each([
    [
      ['编号', '申请人性质', '申请日期', '办结日期', '答复结果', '具体情形'],
      [1, 2, 3, 4, 5],
    ],
    [
      ['类别', '登记日期', '处理结果', '办结时间'],
      [0, 1, 3, 2],
    ],
    [
      ['申请人类别', '收到日期', '申请日期', '答复日期', '处理结果', '答复期限'],
      [0, 1, 3, 4],
    ],
    [
      [
        '申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）',
        '收到\n日期',
        '答复日期（年月日）',
        '办理结果',
      ],
      [0, 1, 2, 3],
    ],
  ])('reads the layout %j', (header, [applicant, received, answered, outcome]) => {
    const layout = findLayout({ name: 'S', rows: [['说明'], header] })!;
    expect(layout.headerRow).toBe(2);
    expect(layout.columns.applicant?.index).toBe(applicant);
    expect(layout.columns.received?.index).toBe(received);
    expect(layout.columns.answered?.index).toBe(answered);
    expect(layout.columns.outcome?.index).toBe(outcome);
  });

  it('does not take a deadline or a name for a field', () => {
    const layout = findLayout({
      name: 'S',
      rows: [['申请人名称', '信息类别', '申请人类型', '收到日期', '答复期限', '办理结果']],
    })!;
    expect(layout.columns.answered).toBeUndefined();
    expect(layout.columns.applicant?.index).toBe(2);
  });

  it('refuses a sheet without the applicant type or the date received, in Chinese', () => {
    const r = ledgerRecords({
      file: '名单.xlsx',
      sheets: [
        {
          name: 'S',
          rows: [
            ['姓名', '电话'],
            ['张三', '123'],
          ],
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain('没有找到台账的表头');
  });

  it('counts the sheet of the reporting year when a workbook keeps one sheet a year, and says so', () => {
    const y2023: Row[] = [HEADER, [1, '2023-05-01', 'a', '个人', '', '2023-05-09', '予以公开', '']];
    const y2024: Row[] = [HEADER, [1, '2024-05-01', 'a', '企业', '', '2024-05-09', '予以公开', '']];
    const raw: RawLedger = {
      file: '台账.xlsx',
      sheets: [
        { name: '2023年', rows: rawRows(y2023) },
        { name: '2024年', rows: rawRows(y2024) },
      ],
    };
    const r = countLedgerSheets(raw, f, 2024);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.layout).toMatchObject({ sheet: '2024年', otherSheets: ['2023年'] });
    expect(r.tally.applications.granted.business).toBe(1);
    expect(otherSheetsNote(r.layout!)).toContain('工作表“2023年”也有台账表头，未计入');
    const r23 = countLedgerSheets(raw, f, 2023);
    expect(r23.ok && r23.layout).toMatchObject({ sheet: '2023年', otherSheets: ['2024年'] });
  });

  it('skips a repeated header and blank rows, keeping sheet row numbers', () => {
    const rows: Row[] = [
      HEADER,
      [1, '2024-01-02', 'a', '个人', '', '', '', ''],
      [],
      HEADER,
      [2, '2024-01-03', 'b', '个人'],
    ];
    const r = ledgerRecords(ledger(rows));
    expect(r.ok && r.records.map((x) => x.row)).toEqual([2, 5]);
  });
});

describe('values', () => {
  it.each([
    ['自然人', 'natural', 'label'],
    ['个人', 'natural', 'synonym'],
    ['公民', 'natural', 'synonym'],
    ['企业', 'business', 'synonym'],
    ['某某建设有限公司', 'business', 'synonym'],
    ['公司', 'business', 'synonym'],
    ['律师事务所', 'legal', 'synonym'],
    ['高校', 'research', 'synonym'],
    ['科研院所', 'research', 'synonym'],
    ['社会组织', 'publicInterest', 'label'],
    ['协会', 'publicInterest', 'synonym'],
    ['民办非企业单位', 'publicInterest', 'synonym'],
    ['法人或其他组织—其他', 'other', 'synonym'],
  ])('applicant %s -> %s (%s)', (v, target, by) => {
    expect(mapApplicant(f, v)).toEqual({ target, by });
  });

  it('leaves an applicant type that names no column, or two, to the clerk', () => {
    expect(mapApplicant(f, '村委会')).toBeNull();
    expect(mapApplicant(f, '法人')).toBeNull();
    expect(mapApplicant(f, '法人或其他组织')).toBeNull();
    expect(mapApplicant(f, '法人或其他组织（企业）')).toEqual({ target: 'business', by: 'synonym' });
    expect(mapApplicant(f, '大学协会')).toBeNull(); // 科研机构 or 社会公益组织: equally named
  });

  it.each([
    ['予以公开', '', 'granted'],
    ['同意公开', '', 'granted'],
    ['部分公开', '', 'partlyGranted'],
    ['部分公开', '部分内容属于国家秘密', 'partlyGranted'],
    ['不予公开', '属于国家秘密', 'refused.stateSecret'],
    ['不予公开', '涉及第三方合法权益', 'refused.thirdParty'],
    ['不予公开', '四类过程性信息', 'refused.process'],
    ['属于行政执法案卷', '', 'refused.enforcementFile'],
    ['无法提供', '本机关不掌握相关政府信息', 'unable.notHeld'],
    ['无法提供', '需要另行制作', 'unable.needsCreation'],
    ['不予处理', '重复申请', 'notHandled.repeat'],
    ['不予处理', '信访举报投诉类', 'notHandled.petition'],
    ['要求提供公开出版物', '', 'notHandled.publication'],
    ['逾期不补正', '', 'other.noCorrection'],
    ['其他处理', '申请人撤回申请', 'other.other'],
    ['（三）不予公开1.属于国家秘密', '', 'refused.stateSecret'],
    ['办理中', '', OPEN],
  ])('outcome %s %s -> %s', (o, r, target) => {
    expect(mapOutcome(f, o, r)?.target).toBe(target);
  });

  it('never guesses an outcome: 不予公开 without its reason, or with a reason of another group', () => {
    expect(mapOutcome(f, '不予公开')).toBeNull();
    expect(mapOutcome(f, '不予公开', '本机关不掌握')).toBeNull();
    expect(mapOutcome(f, '其他')).toBeNull();
    expect(mapOutcome(f, '已转交')).toBeNull();
  });

  it('splits a reason written in brackets in the outcome cell', () => {
    const r = ledgerRecords(
      ledger([HEADER, [1, '2024-01-02', 'a', '个人', '', '2024-01-05', '不予公开（属于国家秘密）', null]]),
    );
    expect(r.ok && r.records[0]).toMatchObject({ outcome: '不予公开', reason: '属于国家秘密' });
  });

  it('uses the clerk’s remembered choice first', () => {
    let m = remember(emptyMapping(), { field: 'applicant', key: '村委会' }, 'other');
    m = remember(m, { field: 'outcome', key: '已转交' }, 'other.other');
    expect(mapApplicant(f, ' 村委会 ', m)).toEqual({ target: 'other', by: 'remembered' });
    expect(mapOutcome(f, '已转交', '', m)).toEqual({ target: 'other.other', by: 'remembered' });
    // A remembered target the format lacks is not used.
    expect(mapApplicant(f, '村委会', { applicant: { 村委会: 'nowhere' }, outcome: {} })).toBeNull();
  });

  it('maps reasons of the 2021 rows of 其他处理 to the 2019 format’s single row', () => {
    expect(mapOutcome(format2019, '逾期不补正')?.target).toBe('other');
    expect(mapOutcome(format2019, '不予公开', '属于国家秘密')?.target).toBe('refused.stateSecret');
  });
});

describe('counting', () => {
  const t = count(LEDGER_2024);

  it('counts new, carried-over, answered and open applications by the Regulation', () => {
    expect(t.applications.newReceived).toEqual({
      natural: 3,
      business: 2,
      research: 1,
      publicInterest: 1,
      legal: 1,
      other: 0,
      total: 8,
    });
    expect(t.applications.carriedOver).toMatchObject({ natural: 1, business: 1, total: 2 });
    expect(t.applications.granted).toMatchObject({ natural: 2, business: 1, research: 1, total: 4 });
    expect(cell(t, 'partlyGranted', 'business')).toBe(1);
    expect(cell(t, 'refused.stateSecret', 'business')).toBe(1);
    expect(cell(t, 'refused.thirdParty', 'business')).toBe(0); // 部分公开 only as 部分公开
    expect(cell(t, 'unable.notHeld', 'publicInterest')).toBe(1);
    expect(t.applications.resultTotal).toMatchObject({ total: 7 });
    // Carried in and still open: in 二 and in 四. Answered next year: open on 31 December.
    expect(t.applications.carryForward).toEqual({
      natural: 2,
      business: 0,
      research: 0,
      publicInterest: 0,
      legal: 1,
      other: 0,
      total: 3,
    });
    expect(t.rows).toBe(16);
    expect(t.counted).toBe(10);
    expect(t.earlier).toEqual([12]);
  });

  it('names for every cell the sheet rows it counts', () => {
    expect(t.sources[cellId('applications', 'carriedOver', 'natural')]).toEqual([11]);
    expect(t.sources[cellId('applications', 'carryForward', 'natural')]).toEqual([9, 11]);
    expect(t.sources[cellId('applications', 'newReceived', 'total')]).toEqual([4, 5, 6, 7, 8, 9, 18, 19]);
    expect(t.sources[cellId('applications', 'resultTotal', 'business')]).toEqual([5, 10, 18]);
    expect(t.sources[cellId('applications', 'refused.query', 'natural')]).toBeUndefined();
  });

  it('tells for every counted row the matrix rows it adds to', () => {
    const placed = placementsOf(f, t);
    expect(placed.get(4)).toEqual(['newReceived', 'granted']);
    expect(placed.get(10)).toEqual(['carriedOver', 'refused.stateSecret']);
    expect(placed.get(11)).toEqual(['carriedOver', 'carryForward']);
    expect(placed.get(12)).toBeUndefined();
    expect(placed.get(13)).toBeUndefined();
    expect(placed.size).toBe(t.counted);
  });

  it('lists rows it cannot place with their row number, and values that map to nothing', () => {
    const rows = t.problems.filter((p) => p.kind === 'row');
    expect(rows.map((p) => p.rows[0])).toEqual([13, 14, 15, 16]);
    expect(rows[0].message).toBe('第13行：没有收到日期，未计入。');
    expect(rows[1].message).toContain('2022-06-01既不在2024年也不在2023年');
    expect(rows[2].message).toContain('写了办理结果“予以公开”但没有答复日期');
    expect(rows[3].message).toContain('答复日期“2024-02-30”不是可以识别的日期');
    const unmapped = t.problems.filter((p) => p.kind === 'unmapped');
    expect(unmapped).toEqual([expect.objectContaining({ field: 'applicant', value: '村委会', rows: [17] })]);
    expect(unmapped[0].message).toContain('第17行');
  });

  it('counts a value once the clerk maps it, and the matrix still balances', () => {
    const mapped = count(LEDGER_2024, 2024, remember(emptyMapping(), { field: 'applicant', key: '村委会' }, 'other'));
    expect(cell(mapped, 'newReceived', 'other')).toBe(1);
    expect(cell(mapped, 'granted', 'other')).toBe(1);
    expect(mapped.problems.some((p) => p.kind === 'unmapped')).toBe(false);
    expect(matrixFindings(mapped)).toEqual([]);
  });

  it('gives a matrix the rule engine finds nothing wrong with, every cell filled', () => {
    expect(matrixFindings(t)).toEqual([]);
    for (const c of allCells(f).filter((x) => x.table === 'applications')) {
      expect(t.applications[c.rowId][c.colId]).toEqual(expect.any(Number));
    }
    expect(ledgerFindings(emptyReport('某局', 2024), t)).toEqual([]);
  });

  it('compares its 二 with last year’s 四 where the report keeps last year', () => {
    const report = emptyReport('某局', 2024);
    expect(ledgerCarryFindings(report, t)).toEqual([]);
    const carryForward = { natural: 1, business: 1, research: 0, publicInterest: 0, legal: 0, other: 0, total: 2 };
    const previous = { ...emptyReport('某局', 2023), carryForward };
    const withLast = {
      ...report,
      previous: {
        year: 2023,
        org: '某局',
        format: '2021' as const,
        inForce: { rules: null, normativeDocs: null },
        carryForward,
        narrative: previous.narrative,
        source: '',
      },
    };
    expect(ledgerCarryFindings(withLast, t)).toEqual([]);
    const more = {
      ...withLast,
      previous: { ...withLast.previous, carryForward: { ...carryForward, legal: 1, total: 3 } },
    };
    expect(ledgerCarryFindings(more, t).map((x) => x.cells[0])).toEqual([
      'applications.carriedOver.legal',
      'applications.carriedOver.total',
    ]);
  });

  it.each([2023, 2024, 2025])('balances for any year of a large mixed ledger (%i)', (year) => {
    const big = count(bigLedger(3000), year);
    expect(matrixFindings(big, year)).toEqual([]);
    expect(big.counted).toBeGreaterThan(year === 2025 ? 0 : 400);
  });

  it('accounts for every row of random ledgers exactly once, and always balances', () => {
    let seed = 7;
    const rnd = (n: number) => (((seed = (seed * 1103515245 + 12345) % 2147483648) % n) + n) % n;
    const pick = <T>(xs: T[]) => xs[rnd(xs.length)];
    const date = () =>
      pick([null, '', '办理中', '2024-02-30', `${2021 + rnd(6)}-${1 + rnd(12)}-${1 + rnd(28)}`, 45400 + rnd(400)]);
    const types = ['个人', '企业', '高校', '协会', '律师事务所', '其他', '村委会', '', '法人'];
    const outcomes: [string, string][] = [
      ['予以公开', ''],
      ['部分公开', '涉及第三方'],
      ['不予公开', '属于国家秘密'],
      ['不予公开', ''],
      ['无法提供', '本机关不掌握相关政府信息'],
      ['办理中', ''],
      ['', ''],
      ['已转交', ''],
    ];
    for (let k = 0; k < 200; k++) {
      const rows: Row[] = [HEADER];
      for (let i = 0; i < 1 + rnd(40); i++) {
        const [o, r] = pick(outcomes);
        rows.push([i + 1, date(), 'x', pick(types), '', date(), o, r]);
      }
      const t = count(rows);
      expect(matrixFindings(t)).toEqual([]);
      const problemRows = t.problems.filter((p) => p.kind === 'row').map((p) => p.rows[0]);
      const unmappedRows = new Set(t.problems.filter((p) => p.kind === 'unmapped').flatMap((p) => p.rows));
      const placed = placementsOf(f, t);
      for (const rec of rows.slice(1).map((_, i) => i + 2)) {
        const where = [placed.has(rec), t.earlier.includes(rec), problemRows.includes(rec)].filter(Boolean).length;
        // Exactly one of: counted, last year's, a row problem; or left out for a value not mapped.
        expect(where === 1 || (where === 0 && unmappedRows.has(rec)), `ledger ${k}, row ${rec}`).toBe(true);
      }
      expect(t.applications.newReceived.total! + t.applications.carriedOver.total!).toBe(t.counted);
    }
  });

  it('counts a 2020 ledger in the 2019 format, whose 其他处理 is one row', () => {
    const rows: Row[] = [
      HEADER,
      [1, '2020-03-01', 'a', '个人', '', '2020-03-09', '逾期不补正', ''],
      [2, '2019-12-30', 'b', '企业', '', '2020-01-09', '其他处理', '申请人撤回'],
      [3, '2020-05-01', 'c', '高校', '', '2020-05-09', '不予公开', '属于国家秘密'],
    ];
    const r = countLedgerSheets(ledger(rows), format2019, 2020);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.tally.applications.other).toMatchObject({ natural: 1, business: 1, total: 2 });
    expect(r.tally.applications['refused.stateSecret'].research).toBe(1);
    const report: Report = { ...emptyReport('某局', 2020, '2019'), applications: r.tally.applications };
    expect(checkReport(report).filter((x) => x.cells.some((c) => c.startsWith('applications.')))).toEqual([]);
  });

  it('carries an application received last year and open all year into 二 and 四', () => {
    const one = count([HEADER, [1, '2023-12-30', 'a', '个人', '', null, '', '']]);
    expect(cell(one, 'carriedOver', 'natural')).toBe(1);
    expect(cell(one, 'carryForward', 'natural')).toBe(1);
    expect(cell(one, 'resultTotal', 'natural')).toBe(0);
  });

  it('treats an application answered after 31 December as open at the year’s end', () => {
    const one = count([HEADER, [1, '2024-12-30', 'a', '个人', '', '2025-01-06', '予以公开', '']]);
    expect(cell(one, 'newReceived', 'natural')).toBe(1);
    expect(cell(one, 'carryForward', 'natural')).toBe(1);
    expect(cell(one, 'granted', 'natural')).toBe(0);
  });

  it('refuses an answer before the application and an answer without an outcome', () => {
    const bad = count([
      HEADER,
      [1, '2024-03-01', 'a', '个人', '', '2024-02-01', '予以公开', ''],
      [2, '2024-03-01', 'a', '个人', '', '2024-03-09', '', ''],
      [3, '2024-03-01', '', '', '', '2024-03-09', '予以公开', ''],
    ]);
    expect(bad.problems.map((p) => p.message)).toEqual([
      '第2行：答复日期2024-02-01早于收到日期2024-03-01，未计入。',
      '第3行：有答复日期2024-03-09但没有办理结果，未计入。',
      '第4行：没有申请人类型，未计入。',
    ]);
    expect(bad.counted).toBe(0);
  });

  it('fills only the cells that differ, as one set of changes', () => {
    let report = emptyReport('某局', 2024);
    report = setCell(report, 'applications.granted.natural', 2);
    const changes = matrixChanges(f, report, t);
    expect(changes.find((c) => c.id === 'applications.granted.natural')).toBeUndefined();
    expect(changes).toContainEqual({ id: 'applications.newReceived.total', value: 8 });
    expect(changes).toHaveLength(allCells(f).filter((c) => c.table === 'applications').length - 1);
  });
});

describe('the 登记 page', () => {
  const entry = (e: Partial<ReturnType<typeof emptyEntry>>) => ({ ...emptyEntry(), ...e });

  it('counts entries with the format’s own labels, skipping empty ones', () => {
    const report: Report = {
      ...emptyReport('某局', 2024),
      ledger: {
        entries: [
          entry({ received: '2024-02-01', applicant: '自然人', answered: '2024-02-10', outcome: '（一）予以公开' }),
          entry({}),
          entry({
            received: '2024-03-01',
            applicant: '商业企业',
            answered: '2024-03-12',
            outcome: '（三）不予公开4.保护第三方合法权益',
          }),
          entry({ received: '2023-12-30', applicant: '法律服务机构' }),
          entry({ received: '2024-04-01', applicant: '村委会', answered: '2024-04-02', outcome: '（一）予以公开' }),
        ],
        mapping: { applicant: { 村委会: 'other' }, outcome: {} },
      },
    };
    const t2 = countReportLedger(report);
    expect(t2.rows).toBe(4);
    expect(cell(t2, 'granted', 'natural')).toBe(1);
    expect(cell(t2, 'refused.thirdParty', 'business')).toBe(1);
    expect(cell(t2, 'carriedOver', 'legal')).toBe(1);
    expect(cell(t2, 'carryForward', 'legal')).toBe(1);
    expect(cell(t2, 'granted', 'other')).toBe(1);
    expect(t2.problems).toEqual([]);
    expect(t2.sources['applications.granted.total']).toEqual([1, 5]);
    expect(matrixFindings(t2)).toEqual([]);
  });

  it('takes into next year the entries still open at the year’s end', () => {
    const entries = [
      entry({ received: '2024-02-01', answered: '2024-02-10', outcome: '（一）予以公开' }),
      entry({ received: '2024-12-20', applicant: '自然人' }),
      entry({ received: '2024-12-28', applicant: '商业企业', answered: '2025-01-05', outcome: '（一）予以公开' }),
      entry({ received: '2023-12-01', applicant: '自然人' }),
      entry({ received: '2025-01-02', applicant: '自然人' }),
      entry({}),
    ];
    expect(openAtYearEnd(entries, 2024).map((e) => e.received)).toEqual(['2024-12-20', '2024-12-28', '2023-12-01']);
  });

  it('stores a ledger file’s rows as entries that count the same', () => {
    const r = countLedgerSheets(ledger(LEDGER_2024), f, 2024);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.layout?.subject).toEqual({ index: 4, header: '申请内容' });
    const entries = recordsToEntries(r.records);
    expect(entries[0]).toEqual({
      received: '2024-01-08',
      applicant: '个人',
      subject: '某小区规划许可',
      answered: '2024-01-20',
      outcome: '同意公开',
      reason: '',
    });
    expect(entries[4]).toMatchObject({ received: '2024-06-04', answered: '2024-06-17' }); // serials
    expect(entries[6]).toMatchObject({ outcome: '不予公开', reason: '属于国家秘密' });
    expect(entries[12]).toMatchObject({ answered: '2024-02-30' }); // kept as written, still a problem
    const kept = countReportLedger({ ...emptyReport('某局', 2024), ledger: { entries, mapping: emptyMapping() } });
    expect(kept.applications).toEqual(r.tally.applications);
    expect(kept.problems).toHaveLength(r.tally.problems.length);
  });

  it('numbers entries as the page shows them', () => {
    const recs: LedgerRecord[] = entryRecords([entry({}), entry({ received: '2024-01-01', applicant: '个人' })]);
    expect(recs.map((r) => r.row)).toEqual([2]);
  });

  it('counts the same records the same way whatever their source', () => {
    const recs = ledgerRecords(ledger(LEDGER_2024));
    if (!recs.ok) throw new Error('no header');
    expect(countLedger(f, 2024, recs.records).applications).toEqual(t0().applications);
  });
});

function t0() {
  return count(LEDGER_2024);
}
