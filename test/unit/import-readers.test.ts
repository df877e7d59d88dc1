// The readers (electron/services/readers): every file type told by its content, the fixtures
// made by LibreOffice from web pages with merged cells (scripts/make-import-fixtures.mjs) read to
// exactly the values they hold, this app's own exports read back exactly, and every damaged or
// unsupported file refused with a Chinese message naming the problem.
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, UserError } from '../../shared/api';
import { allCells, getFormat } from '../../shared/format';
import { getCell, type Report } from '../../shared/report';
import { buildDocx } from '../../electron/services/docx';
import { REPORT_XML_NS } from '../../electron/services/docx/package';
import { buildXlsx, META_SHEET } from '../../electron/services/xlsx';
import { readReportBytes, readReportPath } from '../../electron/services/readers';
import { OWN_DOCX_NS, OWN_XLSX_SHEET } from '../../electron/services/readers/own';
import { fullReport, loadReport, SAMPLES_DIR } from '../fixtures/reports';
import { makeCfb, makeDocx, markEncrypted, para, pdfWithoutText } from './helpers/craft';

const DIR = join(SAMPLES_DIR, '..', 'import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

interface Expected {
  format: '2021' | '2019';
  org: string;
  year: number;
  cells: Record<string, number | null> | null;
}
const expectedOf = (file: string): Expected =>
  JSON.parse(readFileSync(join(DIR, `${file.replace(/\.\w+$/, '')}.expected.json`), 'utf8'));

function cellDiff(report: Report, cells: Record<string, number | null>): string[] {
  return Object.entries(cells)
    .filter(([id, v]) => getCell(report, id) !== v)
    .map(([id, v]) => `${id}: ${getCell(report, id)} → ${v}`);
}

/** The narrative as its non-empty paragraphs per part (what a document can show). */
function paragraphs(r: Report): string[] {
  return (['overview', 'problems', 'other'] as const).flatMap((k) =>
    r.narrative[k].flatMap((p) =>
      p.text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => `${k}/${p.heading}/${l}`),
    ),
  );
}

async function refused(name: string, data: Uint8Array, message: RegExp): Promise<void> {
  const err = await readReportBytes(name, data).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  expect((err as Error).message).toMatch(message);
  expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/);
}

describe('fixtures made by LibreOffice from web pages with merged cells', () => {
  const files = readdirSync(DIR).filter((f) => /\.(docx|doc|pdf|html)$/.test(f) && !f.startsWith('no-tables'));
  it('cover .docx, .doc, .pdf and .html of the official layouts and a hand-made one', () => {
    expect(files.filter((f) => f.endsWith('.doc')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(3);
    expect(files.some((f) => f.startsWith('odd-layout'))).toBe(true);
  });
  for (const f of files) {
    it(`${f}: every cell as written, blanks and / as blank, organ, year and format`, async () => {
      const exp = expectedOf(f);
      const r = await readReportBytes(f, bytes(f));
      expect(cellDiff(r.report, exp.cells!)).toEqual([]);
      expect([r.report.org, r.report.year, r.report.format]).toEqual([exp.org, exp.year, exp.format]);
      expect(r.problems).toEqual([]);
    });
  }

  it('official-2021: numbers as text with spaces (1 024), / as blank, the cover letter and the narrative parts', async () => {
    const r = (await readReportBytes('official-2021.docx', bytes('official-2021.docx'))).report;
    expect(getCell(r, 'activeDisclosure.licensing.decisions')).toBe(1024);
    expect(getCell(r, 'activeDisclosure.rules.issued')).toBeNull();
    expect(r.cover).toMatchObject({ recipient: '县政府办', body: '', date: '2025-01-20' });
    expect(r.narrative.overview.filter((p) => p.text).map((p) => [p.id, p.heading])).toEqual([
      ['intro', ''],
      ['active', '主动公开'],
      ['onRequest', '依申请公开'],
      ['extra-1', '健全组织机构，责任落实到人'],
    ]);
    expect(r.contact).toMatchObject({ address: '某某县人民路1号', postcode: '100000', phone: '0000-1234567' });
  });

  it('official-2019: +144 and -3 in 本年增/减, the single （六） row', async () => {
    const r = (await readReportBytes('official-2019.pdf', bytes('official-2019.pdf'))).report;
    expect(getCell(r, 'activeDisclosure2019.licensing.change')).toBe(144);
    expect(getCell(r, 'activeDisclosure2019.punishment.change')).toBe(-3);
    expect(getCell(r, 'activeDisclosure2019.procurement.amount')).toBe(12.5);
  });

  it('a text file saved as GB18030 (Windows "ANSI") reads like the UTF-8 one', async () => {
    const want = loadReport(join(SAMPLES_DIR, '004_a4584f6e36514f0f.json'));
    const r = await readReportBytes('004.txt', bytes('sample-004-gb18030.txt'));
    expect(
      cellDiff(r.report, Object.fromEntries(allCells(getFormat('2021')).map((c) => [c.id, getCell(want, c.id)]))),
    ).toEqual([]);
    expect(r.report.org).toBe('彭阳县审批服务管理局');
    expect(r.kind).toBe('文本文件');
  });
});

describe("this app's own exports read back exactly", () => {
  const reports = () => [fullReport(), ...readdirSync(SAMPLES_DIR).map((f) => loadReport(join(SAMPLES_DIR, f)))];
  const sameCells = (got: Report, want: Report) =>
    allCells(getFormat(want.format))
      .filter((c) => getCell(got, c.id) !== getCell(want, c.id))
      .map((c) => c.id);

  it('the constants of the embedded report are the exporters’', () => {
    expect(OWN_DOCX_NS).toBe(REPORT_XML_NS);
    expect(OWN_XLSX_SHEET).toBe(META_SHEET);
  });

  for (const options of [{}, { reportOnly: true }]) {
    it(`.docx${options.reportOnly ? ' (report only)' : ''}: every number and narrative paragraph`, async () => {
      for (const want of reports()) {
        const got = await readReportBytes('r.docx', await buildDocx(want, options));
        expect(got.kind).toBe('本软件导出的 Word 文档');
        expect(sameCells(got.report, want)).toEqual([]);
        expect(got.report.narrative).toEqual(want.narrative);
        expect([got.report.org, got.report.year, got.report.format, got.report.preamble]).toEqual([
          want.org,
          want.year,
          want.format,
          want.preamble,
        ]);
        expect(got.report.contact).toEqual(want.contact);
        expect(got.problems).toEqual([]);
      }
    });
  }

  it('.docx without the embedded report (as if re-saved by another program) still gives every number and paragraph', async () => {
    for (const want of reports()) {
      const files = unzipSync(await buildDocx(want));
      for (const k of Object.keys(files)) if (k.startsWith('customXml/')) delete files[k];
      const got = await readReportBytes('r.docx', zipSync(files));
      expect(got.kind).toBe('Word 文档（.docx）');
      expect(sameCells(got.report, want)).toEqual([]);
      expect(paragraphs(got.report)).toEqual(paragraphs(want));
      expect([got.report.org, got.report.year, got.report.format]).toEqual([want.org, want.year, want.format]);
    }
  });

  it('.docx edited in Word: the numbers shown win, and the reader says so', async () => {
    const want = fullReport();
    const files = unzipSync(await buildDocx(want));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    // The first row of the matrix: 一、本年新收… — its first number changed by hand.
    const at = xml.indexOf('一、本年新收政府信息公开申请数量');
    const after = xml.slice(xml.indexOf('</w:tc>', at));
    const numAt = xml.indexOf('</w:tc>', at) + after.search(/<w:t[ >]/);
    const start = xml.indexOf('>', numAt) + 1;
    const end = xml.indexOf('</w:t>', start);
    files['word/document.xml'] = strToU8(xml.slice(0, start) + '99' + xml.slice(end));
    const got = await readReportBytes('r.docx', zipSync(files));
    expect(getCell(got.report, 'applications.newReceived.natural')).toBe(99);
    expect(got.problems[0]).toMatch(/^文档中有1个数字与导出时不同/);
  });

  it('.xlsx: every number by its defined name, the rest from the embedded report', async () => {
    for (const want of reports()) {
      const got = await readReportBytes('r.xlsx', await buildXlsx(want));
      expect(got.kind).toBe('本软件导出的 Excel 表格');
      expect(sameCells(got.report, want)).toEqual([]);
      expect(got.report.narrative).toEqual(want.narrative);
      expect(got.problems).toEqual([]);
    }
  });

  it('.xlsx without the hidden sheet is read as a hand-made workbook, by its labels', async () => {
    const want = fullReport();
    const files = unzipSync(await buildXlsx(want));
    const wb = new TextDecoder().decode(files['xl/workbook.xml']);
    files['xl/workbook.xml'] = strToU8(
      wb.replace(/<sheet [^>]*name="_nianbao"[^>]*\/>/, '').replace(/<definedNames>[\s\S]*<\/definedNames>/, ''),
    );
    const got = await readReportBytes('r.xlsx', zipSync(files));
    expect(got.kind).toBe('Excel 表格（.xlsx）');
    expect(sameCells(got.report, want)).toEqual([]);
    expect([got.report.org, got.report.year]).toEqual([want.org, want.year]);
  });

  it('the app’s JSON file', async () => {
    const want = fullReport();
    const got = await readReportBytes('r.json', strToU8(JSON.stringify(want)));
    expect(got.kind).toBe('本软件的报告文件（.nianbao）');
    expect(got.report).toEqual(want);
  });
});

describe('damaged and unsupported files: a Chinese message naming the problem', () => {
  it('an empty file', async () => {
    await refused('a.docx', new Uint8Array(0), /是空的/);
  });

  it('a file over 100 MB (checked before reading it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-big-'));
    const path = join(dir, 'big.docx');
    writeFileSync(path, '');
    truncateSync(path, MAX_IMPORT_BYTES + 1);
    await expect(readReportPath(path)).rejects.toThrow(/超过100MB/);
  });

  it('a file that is not a report: prose, a Word file about something else, random bytes, an image', async () => {
    await refused(
      'note.txt',
      strToU8('会议纪要\n今天讨论了办公用品采购事宜，决定下周再议。\n'),
      /不像是政府信息公开工作年度报告/,
    );
    await refused(
      'memo.docx',
      makeDocx(para('会议纪要') + para('今天讨论了办公用品采购事宜。')),
      /不像是政府信息公开工作年度报告/,
    );
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    await refused('x.bin', noise, /无法识别|无法读取|不是可以识别/);
    await refused('scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), /是图片/);
  });

  it('a corrupt zip: cut short, or its compressed data damaged', async () => {
    const docx = bytes('official-2021.docx');
    await refused('cut.docx', docx.slice(0, docx.length >> 1), /已损坏/);
    const files = unzipSync(docx);
    const xml = files['word/document.xml'];
    const z = zipSync({ ...files, 'word/document.xml': xml }, { level: 9 });
    const damaged = z.slice();
    const at = damaged.findIndex(
      (_, i) =>
        i > 40 &&
        damaged[i] === 0x50 &&
        damaged[i + 1] === 0x4b &&
        damaged[i + 2] === 3 &&
        damaged[i + 3] === 4 &&
        new TextDecoder().decode(damaged.subarray(i + 30, i + 47)) === 'word/document.xml',
    );
    for (let i = at + 60; i < at + 400; i++) damaged[i] ^= 0x5a;
    await refused('bad.docx', damaged, /已损坏|无法解压|不像是/);
  });

  it('an encrypted zip, and a password-protected Office file', async () => {
    await refused('locked.docx', markEncrypted(bytes('official-2021.docx')), /已加密/);
    const office = makeCfb([
      { name: 'EncryptionInfo', data: new Uint8Array(200) },
      { name: 'EncryptedPackage', data: new Uint8Array(5000) },
    ]);
    await refused('locked.docx', office, /已加密（设置了打开密码）/);
  });

  it('a zip bomb: a document.xml that inflates past the limit', async () => {
    const huge = new Uint8Array(60 * 1024 * 1024).fill(0x20);
    await refused('bomb.docx', makeDocx('', { 'word/document.xml': [huge, { level: 9 }] }), /压缩炸弹/);
  });

  it('a legacy .xls, an RTF file, an OpenDocument file', async () => {
    await refused('old.xls', makeCfb([{ name: 'Workbook', data: new Uint8Array(5000) }]), /\.xls/);
    await refused('a.rtf', strToU8('{\\rtf1\\ansi 2022年政府信息公开工作年度报告}'), /RTF/);
    await refused(
      'a.odt',
      zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') }),
      /OpenDocument/,
    );
  });

  it('a damaged .doc: a sector chain that loops, and garbage in its Word stream', async () => {
    await refused(
      'loop.doc',
      makeCfb([{ name: 'WordDocument', data: new Uint8Array(8192) }], { cycle: true }),
      /已损坏.*循环/,
    );
    await refused('junk.doc', makeCfb([{ name: 'WordDocument', data: new Uint8Array(8192).fill(7) }]), /已损坏|不支持/);
  });

  it('a PDF without a text layer (a scan)', async () => {
    await refused('scan.pdf', pdfWithoutText(), /^PDF 没有文字层（可能是扫描件）/);
  });

  it('a PDF that is not one', async () => {
    await refused('bad.pdf', strToU8('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\ntrunc'), /PDF/);
  });

  it('a .docx without the tables: read for the app (with the problem), refused for the command line', async () => {
    const r = await readReportBytes('no-tables.docx', bytes('no-tables.docx'));
    expect(r.problems).toContain('未找到表格：文件中没有二、三、四部分的统计表，只读取了文字部分');
    expect(r.report.narrative.overview.find((p) => p.id === 'active')!.text).toMatch(/主动公开政府信息312条/);
    await expect(readReportPath(join(DIR, 'no-tables.docx'))).rejects.toThrow(/没有找到统计表/);
  });
});

describe('a .docx that embeds its content as a web page (w:altChunk)', () => {
  it('is read like the web page', async () => {
    const html = readFileSync(join(DIR, 'official-2021.html'));
    const docx = makeDocx(
      '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="htmlChunk"/>',
      {
        'word/_rels/document.xml.rels': strToU8(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="htmlChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/></Relationships>',
        ),
        'word/afchunk.htm': new Uint8Array(html),
      },
    );
    const r = await readReportBytes('chunk.docx', docx);
    expect(cellDiff(r.report, expectedOf('official-2021.html').cells!)).toEqual([]);
  });
});

describe('a web page saved as one file (.mht)', () => {
  it('is read from its quoted-printable GB2312 HTML part', async () => {
    const html = readFileSync(join(DIR, 'official-2019.html'), 'utf8').replace('charset="utf-8"', 'charset="gb2312"');
    // Quoted-printable of the page as GB18030 bytes, with soft line breaks every 76 characters.
    const { execFileSync } = await import('node:child_process');
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: html });
    let qp = '';
    let line = '';
    for (const b of gbk) {
      const piece =
        b === 10
          ? '\n'
          : b >= 33 && b <= 126 && b !== 61
            ? String.fromCharCode(b)
            : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (piece === '\n') {
        qp += line + '\n';
        line = '';
        continue;
      }
      if (line.length + piece.length > 75) {
        qp += line + '=\n';
        line = '';
      }
      line += piece;
    }
    qp += line;
    const mht = `MIME-Version: 1.0\nContent-Type: multipart/related; boundary="----=_NextPart_01"\n\n------=_NextPart_01\nContent-Type: text/html; charset="gb2312"\nContent-Transfer-Encoding: quoted-printable\n\n${qp}\n------=_NextPart_01--\n`;
    const r = await readReportBytes('page.mht', strToU8(mht));
    expect(cellDiff(r.report, expectedOf('official-2019.html').cells!)).toEqual([]);
    expect(r.report.org).toBe('某某县自然资源局');
  });
});
