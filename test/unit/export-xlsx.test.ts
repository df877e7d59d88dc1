// The Excel export: the three tables with live totals, the 校验 sheet, print setup, and what
// the app needs to read the file back.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildXlsx } from '../../electron/services/xlsx';
import { allCells, getFormat, relations } from '../../shared/format';
import { getCell, parseReportText, setCell, type Report } from '../../shared/report';
import { checkReport } from '../../shared/rules';
import { fullReport } from './helpers/export-report';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The value a reader sees: a formula's cached result ('' for a blank total), or the number. */
/** What a reader sees: a formula's cached result (exceljs drops a 0 result from cell.value), or the value. */
function shown(wb: ExcelJS.Workbook, name: string): unknown {
  const c = cellOf(wb, name);
  return c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
}

function cellOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const m = wb.definedNames.getRanges(name).ranges[0].match(/^'?(.*?)'?!\$([A-Z]+)\$(\d+)$/)!;
  return wb.getWorksheet(m[1])!.getCell(`${m[2]}${m[3]}`);
}

const checkResults = (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet('校验')!;
  const out: { scope: string; result: string; formula: string }[] = [];
  ws.eachRow((row, i) => {
    if (i < 4) return;
    const g = row.getCell(7).value as { formula: string; result: string };
    out.push({ scope: String(row.getCell(3).value), result: g.result, formula: g.formula });
  });
  return out;
};

let report: Report;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  report = fullReport('2021');
  wb = await load(await buildXlsx(report));
});

describe('sheets and layout', () => {
  it('has the three tables, 校验 and the hidden metadata sheet', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['二、主动公开', 'visible'],
      ['三、依申请公开', 'visible'],
      ['四、复议诉讼', 'visible'],
      ['校验', 'visible'],
      ['_nianbao', 'veryHidden'],
    ]);
  });

  it('merges the matrix header and row labels as the format prints them', () => {
    const ws = wb.getWorksheet('三、依申请公开')!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    const m = getFormat('2021').applications;
    expect(ws.getCell('A3').value).toBe(m.note);
    const results = m.rows.filter((r) => r.path[0] === m.rows[2].path[0]).length;
    expect(merges).toEqual(
      expect.arrayContaining([
        'A1:J1',
        'A2:J2',
        'A3:C5', // the 勾稽 note
        'D3:J3', // 申请人情况
        'D4:D5',
        'E4:I4',
        'J4:J5', // 自然人 / 法人或其他组织 / 总计
        'A6:C6',
        'A7:C7', // 一, 二
        `A8:A${8 + results - 1}`, // 三、本年度办理结果
        'B10:B17', // （三）不予公开
        'B8:C8', // （一）予以公开
        `A${6 + m.rows.length - 1}:C${6 + m.rows.length - 1}`, // 四、结转下年度继续办理
      ]),
    );
    expect(ws.getCell('E4').value).toBe('法人或其他组织');
    expect(ws.getCell('C10').value).toBe('1.属于国家秘密');
    expect(ws.getCell('J30').border?.right?.style).toBe('thin');
  });

  it('merges 行政复议 / 行政诉讼 over their groups in 四', () => {
    const ws = wb.getWorksheet('四、复议诉讼')!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A3:E3', 'F3:O3', 'F4:J4', 'K4:O4', 'A4:A5', 'E4:E5']));
    expect(ws.getCell('F4').value).toBe('未经复议直接起诉');
    expect(ws.getCell('O5').value).toBe('总计');
  });

  it('sets up printing: A4, the wide tables landscape, one page wide, header rows repeated', () => {
    const matrix = wb.getWorksheet('三、依申请公开')!.pageSetup;
    expect(matrix).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:5',
    });
    expect(wb.getWorksheet('四、复议诉讼')!.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    expect(wb.getWorksheet('二、主动公开')!.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(wb.getWorksheet('校验')!.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
  });
});

describe('values and formulas', () => {
  it('holds every cell of the report under a defined name equal to its cell id', () => {
    for (const c of allCells(getFormat('2021'))) {
      const v = getCell(report, c.id);
      expect([c.id, shown(wb, c.id)]).toEqual([c.id, v === null ? null : v]);
    }
  });

  it('computes every total with a formula over its parts', () => {
    const sums = relations(getFormat('2021')).sums;
    const last = new Map(sums.map((s) => [s.target, s]));
    for (const [target] of last) {
      const v = cellOf(wb, target).value as { formula?: string };
      expect(v.formula, target).toMatch(/^IF\(COUNT\((.+)\)=0,"",SUM\(\1\)\)$/);
    }
    expect((cellOf(wb, 'applications.newReceived.total').value as { formula: string }).formula).toBe(
      'IF(COUNT(D6:I6)=0,"",SUM(D6:I6))',
    );
    expect((cellOf(wb, 'applications.resultTotal.natural').value as { formula: string }).formula).toBe(
      'IF(COUNT(D8:D28)=0,"",SUM(D8:D28))',
    );
    expect((cellOf(wb, 'reviewLitigation.litigationDirect.total').value as { formula: string }).formula).toBe(
      'IF(COUNT(F6:I6)=0,"",SUM(F6:I6))',
    );
    // Input cells are plain numbers with a validation.
    const input = cellOf(wb, 'applications.granted.natural');
    expect(typeof input.value).toBe('number');
    expect(input.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
  });

  it('keeps a blank blank: a total of blank parts is an empty result, not 0', async () => {
    let r = report;
    for (const c of getFormat('2021').review.columns) r = setCell(r, `reviewLitigation.review.${c.id}`, null);
    r = setCell(r, 'applications.granted.research', null);
    const w = await load(await buildXlsx(r));
    // Written as an empty string result; exceljs reads an empty result back as undefined.
    expect(shown(w, 'reviewLitigation.review.total') ?? '').toBe('');
    expect(shown(w, 'reviewLitigation.review.upheld')).toBe(null);
    expect(shown(w, 'applications.granted.research')).toBe(null);
    expect(shown(w, 'applications.granted.legal')).toBe(report.applications.granted.legal);
  });

  it('writes a total that disagrees with its parts as the number the user gave', async () => {
    const r = setCell(report, 'applications.newReceived.natural', report.applications.newReceived.natural! + 5);
    const w = await load(await buildXlsx(r));
    expect(cellOf(w, 'applications.newReceived.total').value).toBe(report.applications.newReceived.total);
    expect(cellOf(w, 'applications.granted.total').value).toHaveProperty('formula');
  });
});

describe('校验 sheet', () => {
  it('lists every rule instance of the format, all passing for a consistent report', () => {
    const rel = relations(getFormat('2021'));
    const rows = checkResults(wb);
    // sums + balances + carry-over per column + (repealed ≤, in force) per stock row.
    expect(rows).toHaveLength(rel.sums.length + rel.balances.length + 7 + 2 * rel.stocks.length);
    expect(rows.every((r) => r.result === '通过')).toBe(true);
    expect(rows.every((r) => /^IF\(.*"通过","不通过"\)$/.test(r.formula))).toBe(true);
    const summary = wb.getWorksheet('校验')!.getCell('A2').value as { result: string };
    expect(summary.result).toBe(`共${rows.length}项，不通过0项`);
  });

  it('shows 不通过 exactly where the report breaks a rule', async () => {
    let r = setCell(report, 'applications.newReceived.natural', report.applications.newReceived.natural! + 5);
    r = setCell(r, 'reviewLitigation.review.total', 99);
    r = setCell(r, 'applications.carriedOver.business', 7);
    r = setCell(r, 'applications.carriedOver.total', report.applications.carriedOver.total! + 6);
    r = setCell(r, 'applications.newReceived.business', report.applications.newReceived.business! - 6);
    r = setCell(r, 'applications.newReceived.total', r.applications.newReceived.total! - 6);
    const failing = checkResults(await load(await buildXlsx(r)))
      .filter((x) => x.result === '不通过')
      .map((x) => x.scope);
    expect(failing.sort()).toEqual(
      ['“一、本年新收政府信息公开申请数量”行', '自然人列', '总计列', '行政复议', '商业企业列'].sort(),
    );
    // The same count as the app's own rule engine finds.
    const engine = checkReport(r).filter(
      (f) => f.severity === 'error' && /^(matrix|review|carry|active)\./.test(f.rule),
    );
    expect(engine).toHaveLength(failing.length);
  });

  it('leaves out the carry-over checks without last year', async () => {
    const rows = checkResults(await load(await buildXlsx({ ...report, previous: null })));
    const rel = relations(getFormat('2021'));
    expect(rows).toHaveLength(rel.sums.length + rel.balances.length);
  });
});

describe('metadata for reading back', () => {
  it('keeps org, year, format, schemaVersion and the report JSON in the hidden sheet', () => {
    const ws = wb.getWorksheet('_nianbao')!;
    const kv = new Map<string, unknown[]>();
    ws.eachRow((row) => {
      const vals = (row.values as unknown[]).slice(1);
      kv.set(String(vals[0]), vals.slice(1));
    });
    expect(kv.get('org')).toEqual([report.org]);
    expect(kv.get('year')).toEqual([report.year]);
    expect(kv.get('format')).toEqual(['2021']);
    expect(kv.get('schemaVersion')).toEqual([report.schemaVersion]);
    const parsed = parseReportText((kv.get('json') as string[]).join(''));
    expect(parsed.ok && parsed.report).toEqual(report);
    expect(wb.title).toBe(`${report.org}${report.year}年政府信息公开工作年度报告`);
  });

  it('splits a long report JSON over several cells', async () => {
    const r = structuredClone(report);
    r.narrative.other[5].text = '很长的说明。'.repeat(9000);
    const w = await load(await buildXlsx(r));
    const row = w.getWorksheet('_nianbao')!.getRow(6);
    const parts = (row.values as unknown[]).slice(2) as string[];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 32767)).toBe(true);
    const parsed = parseReportText(parts.join(''));
    expect(parsed.ok && parsed.report.narrative.other[5].text).toBe(r.narrative.other[5].text);
  });

  it('exports the 2019 format with its own blocks and rows', async () => {
    const old = fullReport('2019');
    const w = await load(await buildXlsx(old));
    for (const c of allCells(getFormat('2019'))) expect([c.id, shown(w, c.id)]).toEqual([c.id, getCell(old, c.id)]);
    expect(checkResults(w).every((x) => x.result === '通过')).toBe(true);
  });
});
