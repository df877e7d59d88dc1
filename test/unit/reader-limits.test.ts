// The readers' own limits, in this process: merged ranges in .xlsx, merged cells of .docx
// tables, decoded PDF streams, and zip entries that are big (honestly) or bombs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxToBlocks, MAX_DOC_CELLS } from '../../electron/services/readers/docx';
import { checkPdfStreams, PDF_STREAM_LIMITS } from '../../electron/services/readers/pdf-streams';
import { MAX_MERGE_CELLS, parseSheet } from '../../electron/services/readers/xlsx';
import { InflateBudget, listZip, readEntry, ZIP_LIMITS } from '../../electron/services/readers/zip';
import { FIXTURES_DIR } from '../fixtures/reports';
import { makeXlsx, streamBombPdf, zipFiles } from './helpers/hostile';
import { readReportBytes } from '../../electron/services/readers';

const sheet = (cells: string, merges: string[]) =>
  `<worksheet><sheetData>${cells}</sheetData><mergeCells>${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells></worksheet>`;
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('.xlsx merged ranges', () => {
  it('real merges are expanded; repeated, overlapping and huge ones are left out and said', () => {
    const cells = `<row r="1">${cell('A1', '标题')}${cell('C1', '甲')}</row><row r="3">${cell('D3', '末')}</row>`;
    const s = parseSheet(sheet(cells, ['A1:B1', 'A1:B1', 'A1:A2', 'C1:C3']), [], 'S', 'visible');
    expect(s.rows).toEqual([
      ['标题', '标题', '甲', ''],
      ['', '', '甲', ''],
      ['', '', '甲', '末'],
    ]);
    expect(s.problems).toEqual(['工作表“S”的合并单元格有2处重复或互相重叠（文件已损坏或被改动过），这些合并未展开']);
    const far = `<row r="1">${cell('A1', '底')}</row><row r="100">${cell('CV100', 'x')}</row>`;
    const huge = parseSheet(sheet(far, ['A1:CV100']), [], 'S', 'visible');
    expect(huge.rows[50][50]).toBe('');
    expect(huge.problems).toEqual([
      `工作表“S”有1处合并区域超过${MAX_MERGE_CELLS}个单元格，不像是表格中的单元格，未展开`,
    ]);
  });

  it('the grids of all sheets together stay within one budget of cells', async () => {
    const far = `<row r="1">${cell('A1', '说明')}</row><row r="1000">${cell('GR1000', 'x')}</row>`;
    const book = makeXlsx(['甲', '乙', '丙'].map((name) => ({ name, xml: sheet(far, []) })));
    const message = await readReportBytes('宽.xlsx', book).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(message).toMatch(
      /工作表“乙”有1000行×200列，超出读取上限（整个工作簿共30万个单元格），只读取了前500行；工作表“丙”.*未读取/,
    );
  });
});

describe('.docx merged cells', () => {
  const row = (span: number) => `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr><w:p/></w:tc></w:tr>`;

  it('tables are expanded up to the budget of cells; what is left out is said', () => {
    const rows = Math.ceil(MAX_DOC_CELLS / 200) + 10;
    const { blocks, problems } = docxToBlocks(
      `<w:body><w:tbl>${row(200).repeat(rows)}</w:tbl><w:tbl>${row(2)}</w:tbl></w:body>`,
    );
    const tables = blocks.filter((b) => b.type === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0].type === 'table' && tables[0].rows.length).toBe(MAX_DOC_CELLS / 200);
    expect(problems).toEqual([
      '文件中的表格展开合并单元格后超过30万个单元格（有的单元格合并横跨200列），已停止展开：2个表格未读取或只读取了一部分',
    ]);
  });

  it('an ordinary table: nothing said', () => {
    expect(docxToBlocks(`<w:body><w:tbl>${row(3).repeat(30)}</w:tbl></w:body>`).problems).toEqual([]);
  });
});

describe('decoded PDF streams', () => {
  it('the fixtures decode to well within the budget', () => {
    for (const f of ['official-2021.pdf', 'official-2019.pdf', 'odd-layout.pdf']) {
      const check = checkPdfStreams(new Uint8Array(readFileSync(join(FIXTURES_DIR, 'import', f))));
      expect(check.ok, f).toBe(true);
    }
  });

  const pdfWith = (dict: string, data: Uint8Array) =>
    new Uint8Array(
      Buffer.concat([
        Buffer.from(`%PDF-1.4\n1 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`),
        data,
        Buffer.from('\nendstream\nendobj\n'),
      ]),
    );
  const spaces = (mb: number) => Buffer.alloc(mb * 1024 * 1024, 0x20);

  it('one stream past the budget: its compression ratio tells a bomb from a big stream', () => {
    const bomb = checkPdfStreams(streamBombPdf(100));
    expect(bomb).toEqual({ ok: false, over: 'stream', limit: PDF_STREAM_LIMITS.maxStream, ratio: expect.any(Number) });
    expect(!bomb.ok && bomb.ratio).toBeGreaterThan(PDF_STREAM_LIMITS.bombRatio);
    // Compressed twice: the budget counts what the last layer gives.
    const twice = deflateSync(deflateSync(spaces(80)));
    expect(checkPdfStreams(pdfWith('/Filter [/FlateDecode /FlateDecode]', twice))).toMatchObject({
      ok: false,
      over: 'stream',
    });
    expect(checkPdfStreams(pdfWith('/Filter /FlateDecode', deflateSync(spaces(10))))).toEqual({
      ok: true,
      decoded: 10 * 1024 * 1024,
    });
  });

  it('images are not counted: reading the text never decodes them (a scan must still be called a scan)', () => {
    expect(checkPdfStreams(pdfWith('/Subtype /Image /Filter /FlateDecode', deflateSync(spaces(80))))).toEqual({
      ok: true,
      decoded: 0,
    });
  });
});

describe('zip entries past the budget', () => {
  const one = (data: Uint8Array, level = 9) => {
    const zip = zipFiles({ 'xl/worksheets/sheet1.xml': data }, level);
    return () => readEntry(zip, listZip(zip)[0], new InflateBudget());
  };

  it('a run of one byte is a 压缩炸弹; varied content of the same size is only too large', () => {
    expect(one(new Uint8Array(ZIP_LIMITS.maxTotal + 1024).fill(0x20))).toThrow(/压缩比约\d+:1.*压缩炸弹/);
    let seed = 1;
    const varied = strToU8(
      Array.from({ length: 300_000 }, () => ((seed = (seed * 48271) % 2147483647) % 1000).toString()).join(','),
    );
    const zip = zipFiles({ 'a.xml': varied }, 1);
    let message = '';
    try {
      readEntry(zip, listZip(zip)[0], new InflateBudget(varied.length - 1));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^其中“a.xml”解压后有\d+MB，超过读取上限/);
    expect(message).not.toMatch(/压缩炸弹/);
  });
});
