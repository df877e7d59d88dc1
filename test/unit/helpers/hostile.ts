// Files made to hurt a reader, as issue 9 found them: small on disk, huge once expanded or
// slow to scan. Each comes plain (nothing of a report in it) or carrying a report's title and
// headings, which the readers must then read within their limits and list what they left out.
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { para } from './craft';

export const TITLE = '某某县审批服务管理局2023年政府信息公开工作年度报告';
const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A zip written with Node's zlib (fflate's deflate takes seconds on tens of megabytes). */
export function zipFiles(files: Record<string, Uint8Array>, level = 9): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const packed = deflateRawSync(data, { level });
    const fileName = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(fileName.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    head.copy(dir, 8, 6, 30); // flags, method, time, crc, sizes, name length
    dir.writeUInt32LE(offset, 42);
    local.push(head, fileName, packed);
    central.push(dir, fileName);
    offset += head.length + fileName.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

/** A minimal .xlsx: one sheet per entry. */
export function makeXlsx(sheets: { name: string; xml: string }[], level = 9): Uint8Array {
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const list = sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${list}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  return zipFiles(files, level);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;

function sheetXml(rows: string[], merges: string[] = []): string {
  const mc = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData>${mc}</worksheet>`;
}

/** A 2 KB workbook: one far cell makes the grid 200 columns wide, and one merged range over all of it, 10,000 times. */
export function mergeBombXlsx(options: { title?: boolean } = {}): Uint8Array {
  const rows = options.title
    ? [TITLE, ...HEADINGS].map((t, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, t)}</row>`)
    : [`<row r="1">${inline('A1', '说明')}</row>`];
  rows.push(`<row r="1500">${inline('GR1500', 'x')}</row>`);
  return makeXlsx([{ name: 'Sheet1', xml: sheetXml(rows, Array(10_000).fill('A1:GR5000')) }]);
}

/**
 * An honest workbook with one big data sheet: varied numbers (a block of 2,000 rows, longer than
 * deflate's window, repeated), so that it compresses as real data does; plus the report's sheet if asked.
 */
export function largeHonestXlsx(options: { dataMb: number; title?: boolean }): Uint8Array {
  let block = '';
  let seed = 12345;
  for (let r = 1; r <= 2000; r++) {
    block += `<row r="${r}">`;
    for (let c = 0; c < 10; c++) {
      seed = (seed * 48271) % 2147483647;
      block += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${seed % 1000003}</v></c>`;
    }
    block += '</row>';
  }
  const rows = [block.repeat(Math.ceil((options.dataMb * 1024 * 1024) / block.length))];
  const sheets = [{ name: '明细数据', xml: sheetXml(rows) }];
  if (options.title)
    sheets.unshift({
      name: '年度报告',
      xml: sheetXml([TITLE, ...HEADINGS].map((t, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, t)}</row>`)),
    });
  return makeXlsx(sheets, 1);
}

/** A .docx of tables whose every row is one cell spanning 200 columns: 20 tables of 5,000 rows, 20 million cells once expanded. */
export function wideMergeDocx(options: { title?: boolean } = {}): Uint8Array {
  const row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="200"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>';
  const table = `<w:tbl>${row.repeat(5000)}</w:tbl>`;
  const head = options.title ? [TITLE, ...HEADINGS].map(para).join('') : para('附表');
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${head}${table.repeat(20)}</w:body></w:document>`;
  return zipFiles({ 'word/document.xml': strToU8(doc) }, 1);
}

/**
 * A PDF whose one page has a content stream of a gigabyte of spaces, compressed to about a
 * megabyte: the same compressed block repeated, each ending on a byte boundary.
 */
export function streamBombPdf(decodedMb = 1024): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const data = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array(decodedMb).fill(block), end, Buffer.alloc(4)]);
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
  ];
  const chunks: Buffer[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (b: Buffer) => {
    chunks.push(b);
    length += b.length;
  };
  push(Buffer.from('%PDF-1.4\n'));
  objs.forEach((o, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`));
  });
  offsets.push(length);
  push(Buffer.from(`4 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`));
  push(data);
  push(Buffer.from('\nendstream\nendobj\n'));
  const xref = length;
  push(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}` +
        `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}

/** A web page of tables with huge rowspan and colspan. */
export function spanBombHtml(options: { title?: boolean } = {}): Uint8Array {
  const head = options.title ? [TITLE, ...HEADINGS].map((t) => `<p>${t}</p>`).join('') : '<p>附表</p>';
  const table = `<table><tr><td rowspan="100000" colspan="100000">x</td></tr>${'<tr></tr>'.repeat(3000)}</table>`;
  return strToU8(
    `<!doctype html><html><head><meta charset="utf-8"><title>附表</title></head><body>${head}${table.repeat(300)}</body></html>`,
  );
}

/** Text of dates each followed by a long run of spaces (the 统计期限 pattern backtracked on it). */
export function datesAndSpacesText(options: { title?: boolean } = {}): Uint8Array {
  const head = options.title ? `${TITLE}\n${HEADINGS[0]}\n` : '';
  const body = Array.from({ length: 20 }, () => `统计期限为2023年1月1日${' '.repeat(30_000)}31`).join('\n');
  return strToU8(head + body + '\n');
}
