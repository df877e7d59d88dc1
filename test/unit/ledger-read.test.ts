// Reading ledger files (electron/services/ledger/read.ts) and the readLedger API: .xlsx with date
// cells, serials and text dates, a header below a title on a later sheet, .csv in UTF-8 and
// GB18030; damaged, old and foreign files refused with a Chinese message; a report file keeps
// its ledger.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api';
import { format2021 } from '../../shared/format';
import { countLedgerSheets, emptyEntry, type RawLedger } from '../../shared/ledger';
import { emptyReport, parseReportText, serializeReport } from '../../shared/report';
import { createAppService, handleCall } from '../../electron/services/app-service';
import { LEDGER_LIMITS, readLedgerFile } from '../../electron/services/ledger/read';
import { reportXml } from '../../electron/services/docx/package';
import { buildXlsx } from '../../electron/services/xlsx/index';
import { FIXTURES_DIR } from '../fixtures/reports';
import { csvText, HEADER, LEDGER_2024, xlsxBytes } from '../fixtures/ledgers';
import { makeCfb } from './helpers/craft';

const enc = new TextEncoder();

function tally(raw: RawLedger) {
  const r = countLedgerSheets(raw, format2021, 2024);
  if (!r.ok) throw new Error(r.problem.message);
  return r;
}

async function refused(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readLedgerFile(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('read without complaint');
}

describe('readLedgerFile', () => {
  it('reads an .xlsx: date cells, Excel serials and text dates alike', async () => {
    const raw = await readLedgerFile(await xlsxBytes(LEDGER_2024), '台账.xlsx');
    expect(raw.sheets[0].rows[3][1]).toBe('2024-01-08'); // a date cell
    expect(raw.sheets[0].rows[7][1]).toBe(45447); // a serial
    const { tally: t, layout } = tally(raw);
    expect(layout?.headerRow).toBe(3);
    expect(t.applications.newReceived.total).toBe(8);
    expect(t.applications.carryForward.total).toBe(3);
    expect(t.problems.map((p) => p.rows[0])).toEqual([13, 14, 15, 16, 17]);
  });

  it('finds the ledger on a later sheet (an .xls saved as .xlsx with a notes sheet first)', async () => {
    const bytes = await xlsxBytes(LEDGER_2024, 'Sheet1', [[['填表说明'], ['一行一件申请']]]);
    const { layout, tally: t } = tally(await readLedgerFile(bytes, '台账.xls'));
    expect(layout?.sheet).toBe('Sheet1');
    expect(t.counted).toBe(10);
  });

  it('reads a two-row header with merged cells (收到日期 over both rows, 申请人 over 姓名 and 类型)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = '2024年依申请公开台账';
    ws.mergeCells('A1:F1');
    ws.getCell('A2').value = '收到日期';
    ws.mergeCells('A2:A3');
    ws.getCell('B2').value = '申请人';
    ws.mergeCells('B2:C2');
    ws.getCell('B3').value = '姓名';
    ws.getCell('C3').value = '类型';
    ws.getCell('D2').value = '办理情况';
    ws.mergeCells('D2:E2');
    ws.getCell('D3').value = '答复日期';
    ws.getCell('E3').value = '办理结果';
    ws.addRow([new Date(Date.UTC(2024, 1, 1)), '张某', '个人', new Date(Date.UTC(2024, 1, 5)), '予以公开']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { layout, tally: t } = tally(await readLedgerFile(bytes, '合并表头.xlsx'));
    expect(layout?.headerRow).toBe(3);
    expect(layout?.columns.applicant?.header).toBe('类型');
    expect(t.applications.granted.natural).toBe(1);
    expect(t.problems).toEqual([]);
  });

  it('reads a UTF-8 .csv, with or without a byte-order mark', async () => {
    const text = csvText(LEDGER_2024);
    for (const bytes of [enc.encode(text), enc.encode('\ufeff' + text)]) {
      const { tally: t } = tally(await readLedgerFile(bytes, '台账.csv'));
      expect(t.applications.granted.total).toBe(4);
      expect(t.sources['applications.carriedOver.business']).toEqual([10]);
    }
  });

  it('reads a .csv whose lines end differently (edited by hand after Excel)', async () => {
    const [first, ...rest] = csvText(LEDGER_2024).split('\r\n');
    const mixed = `${first}\r\n${rest.join('\n')}`;
    const { tally: t } = tally(await readLedgerFile(enc.encode(mixed), '台账.csv'));
    expect(t.rows).toBe(16);
    expect(t.counted).toBe(10);
  });

  it('reads Excel’s “Unicode 文本” (UTF-16, tab-separated)', async () => {
    const text = csvText(LEDGER_2024).replace(/,/g, '\t');
    const bytes = new Uint8Array(Buffer.from('\ufeff' + text, 'utf16le'));
    const { tally: t } = tally(await readLedgerFile(bytes, '台账.txt'));
    expect(t.applications.newReceived.total).toBe(8);
    expect(t.counted).toBe(10);
  });

  it('reads a GB18030 .csv as Excel on Chinese Windows saves it', async () => {
    const bytes = await readFile(join(FIXTURES_DIR, 'ledger', 'ledger-gb18030.csv'));
    const { layout, tally: t } = tally(await readLedgerFile(bytes, '台账.csv'));
    expect(layout?.columns.applicant?.header).toBe('申请人性质');
    expect(t.applications.newReceived).toMatchObject({ natural: 2, business: 1, total: 3 });
    expect(t.applications.carriedOver).toMatchObject({ publicInterest: 1, total: 1 });
    expect(t.applications['refused.stateSecret'].business).toBe(1);
    expect(t.applications['unable.notHeld'].publicInterest).toBe(1);
    expect(t.applications.carryForward.natural).toBe(1);
    expect(t.problems).toEqual([]);
  });

  it('refuses empty, damaged, old-format and foreign files in Chinese', async () => {
    expect(await refused(new Uint8Array(), 'a.xlsx')).toContain('是空的');
    const xlsx = await xlsxBytes(LEDGER_2024);
    expect(await refused(xlsx.subarray(0, 400), '坏.xlsx')).toMatch(/已损坏/);
    const data = new Uint8Array(600).fill(1);
    expect(await refused(makeCfb([{ name: 'Workbook', data }]), '旧.xls')).toContain('旧版 Excel（.xls）');
    const locked = makeCfb([
      { name: 'EncryptionInfo', data },
      { name: 'EncryptedPackage', data },
    ]);
    expect(await refused(locked, '加密.xlsx')).toContain('设置了打开密码');
    const png = new Uint8Array(2000).map((_, i) => (i * 37) % 256);
    png.set([0x89, 0x50, 0x4e, 0x47]);
    expect(await refused(png, '图.png')).toContain('不是可以识别的表格');
  });

  it('refuses a sheet too long to be a ledger rather than drop rows', async () => {
    const csv = enc.encode(csvText([HEADER]) + '1,2024-01-02,a,个人\n'.repeat(LEDGER_LIMITS.maxRows));
    expect(await refused(csv, '巨大.csv')).toContain(`超过${LEDGER_LIMITS.maxRows}行`);
  });

  it('says a sheet without a ledger header has none', async () => {
    const r = countLedgerSheets(
      await readLedgerFile(enc.encode('姓名,电话\n张三,1\n'), '通讯录.csv'),
      format2021,
      2024,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain('“通讯录.csv”中没有找到台账的表头');
  });
});

describe('readLedger through the API', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-ledger-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('validates its argument and answers with the sheets, or a Chinese error', async () => {
    const svc = createAppService({ dataDir: dir, mode: 'browser', version: 't' });
    await svc.ready();
    const base64 = Buffer.from(enc.encode(csvText(LEDGER_2024))).toString('base64');
    const ok = await handleCall(svc, 'readLedger', [{ name: '台账.csv', base64 }]);
    expect(ok.ok && (ok.value as RawLedger).sheets[0].rows.length).toBeGreaterThan(10);
    const bad = await handleCall(svc, 'readLedger', [{ name: '', base64 }]);
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('readLedger') });
    const empty = await handleCall(svc, 'readLedger', [{ name: 'a.csv', base64: '' }]);
    expect(empty).toEqual({ ok: false, error: '台账文件“a.csv”是空的，没有可读取的内容。' });
    await svc.close();
  });
});

describe('the report file', () => {
  it('keeps the 登记 page’s entries and the remembered choices, and files without them stay valid', () => {
    const report = {
      ...emptyReport('某局', 2024),
      ledger: {
        entries: [{ ...emptyEntry(), received: '2024-01-02', applicant: '自然人' }],
        mapping: { applicant: { 村委会: 'other' }, outcome: {} },
      },
    };
    const back = parseReportText(serializeReport(report));
    expect(back.ok && back.report.ledger).toEqual(report.ledger);
    const without = parseReportText(serializeReport(emptyReport('某局', 2024)));
    expect(without.ok && without.report.ledger).toBeUndefined();
    const partial = parseReportText(
      JSON.stringify({ year: 2024, org: '某局', ledger: { entries: [{ received: '2024-01-02' }] } }),
    );
    expect(partial.ok && partial.report.ledger?.entries[0]).toEqual({ ...emptyEntry(), received: '2024-01-02' });
    expect(partial.ok && partial.report.ledger?.mapping).toEqual({ applicant: {}, outcome: {} });
  });
});

describe('exports', () => {
  it('leave the 登记台账 entries out of the report embedded in .docx and .xlsx, keeping the choices', async () => {
    const report = {
      ...emptyReport('某局', 2024),
      ledger: {
        entries: [{ ...emptyEntry(), received: '2024-01-02', applicant: '自然人', subject: '张某某房屋征收补偿档案' }],
        mapping: { applicant: { 村委会: 'other' }, outcome: {} },
      },
    };
    const xml = reportXml(report);
    expect(xml).not.toContain('张某某');
    expect(xml).toContain('村委会');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsx(report)) as unknown as ArrayBuffer);
    const meta = wb.worksheets.find((w) => w.state === 'veryHidden')!;
    const json: string[] = [];
    meta.eachRow((row) => {
      if (row.getCell(1).value === 'json') row.eachCell((c, i) => i > 1 && json.push(String(c.value)));
    });
    const back = parseReportText(json.join(''));
    expect(back.ok && back.report.ledger).toEqual({ entries: [], mapping: report.ledger.mapping });
    // The report file itself keeps them.
    expect(serializeReport(report)).toContain('张某某');
  });
});
