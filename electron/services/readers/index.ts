// Reads a file of any supported kind into a report. Plain Node: used by the CLI, the Electron
// main process and browser mode alike. The kind is told by the content, not the name: this
// app's JSON, .docx, .xlsx, legacy .doc, .pdf with a text layer, web pages and plain text.
// Every failure is a UserError whose Chinese message names the problem.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, UserError, type ReadResult } from '../../../shared/api';
import { format2021, REPORT_TITLE_SUFFIX } from '../../../shared/format';
import { looksLikeReport, parseBlocks, parseHtml, parseText, type ParsedReport } from '../../../shared/parse';
import { htmlToBlocks, looksLikeHtml } from '../../../shared/parse/html';
import { parseReportText, type Report } from '../../../shared/report';
import { readOwnHtml } from '../../../shared/document/read-html';
import { CfbError, inspectCfb, isCfb } from './cfb';
import { binaryShare, decodeText } from './decode';
import { docText } from './doc';
import { isMht, mhtHtml } from './mht';
import { readOwnDocx, readOwnXlsx } from './own';
import { PdfError, pdfText } from './pdf';
import { checkPdfStreams, PDF_STREAM_LIMITS, type StreamCheck } from './pdf-streams';
import { docxToBlocks } from './docx';
import {
  MAX_BOOK_CELLS,
  parseRels,
  parseSharedStrings,
  parseSheet,
  parseWorkbook,
  sheetsToBlocks,
  type XlsxBook,
} from './xlsx';
import { InflateBudget, isZip, listZip, readEntry, readEntryText, ZipError, type ZipEntry } from './zip';

export interface ReadOptions {
  /**
   * Refuse a document in which none of the three tables could be found (the command line:
   * nothing to check). The app reads it anyway and lists the problem.
   */
  requireTables?: boolean;
  /** Last year's report of the same organ, when the caller knows it: the parser splits digit runs with it. */
  previous?: Report | null;
}

/** What the parser is told besides the text (shared/parse ParseOptions). */
const parseOptions = (options: ReadOptions) => (options.previous ? { previous: options.previous } : {});

const KIND = {
  json: '本软件的报告文件（.nianbao）',
  docx: 'Word 文档（.docx）',
  ownDocx: '本软件导出的 Word 文档',
  xlsx: 'Excel 表格（.xlsx）',
  ownXlsx: '本软件导出的 Excel 表格',
  doc: 'Word 97-2003 文档（.doc）',
  pdf: 'PDF 文件',
  html: '网页（HTML）',
  ownHtml: '本软件导出的网页',
  text: '文本文件',
};

const FIRST_SECTION = `${format2021.sections[0].numeral}、${format2021.sections[0].heading}`;

function notAReport(name: string): UserError {
  return new UserError(
    `文件“${name}”不像是${REPORT_TITLE_SUFFIX}：没有找到报告标题、“${FIRST_SECTION}”等部分标题或统计表。请确认选择的文件是否正确。`,
  );
}

/** A crafted file may trip a limit on every sheet: the first few are said, then how many more. */
function briefly(problems: string[], keep = 3): string[] {
  if (problems.length <= keep + 1) return problems;
  return [...problems.slice(0, keep), `另有${problems.length - keep}处类似问题`];
}

/**
 * The read report, or a refusal. `found` says what the readers' limits left out (merged cells
 * past the budget, a sheet too large): listed first among the problems, or, when nothing of a
 * report was found, given as the reason — it is the real problem with such a file.
 */
function finish(
  name: string,
  parsed: ParsedReport,
  kind: string,
  options: ReadOptions,
  found: string[] = [],
): ReadResult {
  const limited = briefly(found);
  if (!looksLikeReport(parsed.stats)) {
    if (!limited.length) throw notAReport(name);
    throw new UserError(
      `无法读取“${name}”：${limited.join('；')}。在读到的内容中没有找到报告标题、“${FIRST_SECTION}”等部分标题或统计表。请用 Word、WPS 或 Excel 打开检查后另存，或只把报告内容复制到一个新文件中再导入。`,
    );
  }
  if (options.requireTables && !parsed.stats.tablesFound) {
    throw new UserError(`文件“${name}”中没有找到统计表（二、三、四部分的表格），无法读取数字，也无法检查勾稽关系。`);
  }
  const out: ReadResult = { report: parsed.report, problems: [...limited, ...parsed.problems], kind };
  if (parsed.tables) out.tables = parsed.tables;
  if (parsed.cellProblems) out.cellProblems = parsed.cellProblems;
  return out;
}

const sniff = (bytes: Uint8Array, ascii: string) => ascii.split('').every((c, i) => bytes[i] === c.charCodeAt(0));

function zipMessage(name: string, e: ZipError): UserError {
  if (e.problem === 'encrypted')
    return new UserError(`文件“${name}”已加密（设置了打开密码），无法读取。请在 Word/WPS 中取消密码并另存后再导入。`);
  if (e.problem === 'bomb') return new UserError(`文件“${name}”${e.message}，已停止读取。`);
  if (e.problem === 'tooLarge')
    return new UserError(`文件“${name}”${e.message}，未读取。请只把报告内容复制到一个新文件中再导入。`);
  if (e.problem === 'unsupported')
    return new UserError(`无法读取“${name}”：${e.message}。请在 Word/WPS 中另存为 .docx 后再导入。`);
  return new UserError(`文件“${name}”已损坏，无法解压：${e.message}。请用 Word/WPS 打开并另存后再导入。`);
}

async function readZip(name: string, bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const entries = listZip(bytes);
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name.replace(/^\/+/, ''), e]));
  const budget = new InflateBudget();
  const text = (path: string) => {
    const e = byName.get(path);
    return e ? readEntryText(bytes, e, budget) : null;
  };
  if (byName.has('word/document.xml')) {
    const xml = text('word/document.xml')!;
    const { blocks, altChunks, problems } = docxToBlocks(xml);
    if (altChunks.length) {
      // Content embedded as a web page (w:altChunk), as some tools write: read it where it stands.
      const rels = parseRels(text('word/_rels/document.xml.rels') ?? '');
      for (const chunk of [...altChunks].reverse()) {
        const target = rels.get(chunk.id);
        const e = target ? byName.get(target.startsWith('/') ? target.slice(1) : `word/${target}`) : undefined;
        if (!e) continue;
        const html = decodeText(readEntry(bytes, e, budget)).text;
        if (looksLikeHtml(html)) blocks.splice(chunk.at, 0, ...htmlToBlocks(html));
      }
    }
    const own = readOwnDocx(entries, (e) => readEntryText(bytes, e, budget), blocks);
    if (own) return finish(name, own, KIND.ownDocx, options, problems);
    return finish(name, parseBlocks(blocks, parseOptions(options)), KIND.docx, options, problems);
  }
  if (byName.has('xl/workbook.xml')) {
    const wb = parseWorkbook(text('xl/workbook.xml')!);
    const rels = parseRels(text('xl/_rels/workbook.xml.rels') ?? '');
    const strings = byName.has('xl/sharedStrings.xml') ? parseSharedStrings(text('xl/sharedStrings.xml')!) : [];
    const book: XlsxBook = { sheets: [], names: new Map() };
    const limited: string[] = [];
    let cellsLeft = MAX_BOOK_CELLS;
    for (const s of wb.sheets.slice(0, 50)) {
      const target = rels.get(s.rid);
      if (!target) continue;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      let xml: string | null;
      try {
        xml = text(path);
      } catch (e) {
        // A big data sheet beside the report's: the others are still read.
        if (!(e instanceof ZipError) || e.problem !== 'tooLarge') throw e;
        limited.push(`工作表“${s.name}”${e.message.replace(/^其中“[^”]*”/, '')}，未读取`);
        continue;
      }
      if (xml === null) continue;
      const sheet = parseSheet(xml, strings, s.name, s.state, cellsLeft);
      cellsLeft -= sheet.rows.length * (sheet.rows[0]?.length ?? 0);
      book.sheets.push(sheet);
      limited.push(...sheet.problems);
    }
    const own = readOwnXlsx(book, wb.names);
    if (own) return finish(name, own, KIND.ownXlsx, options, limited);
    return finish(
      name,
      parseBlocks(sheetsToBlocks(book, new Set()), parseOptions(options)),
      KIND.xlsx,
      options,
      limited,
    );
  }
  if (byName.has('content.xml') || byName.has('mimetype')) {
    throw new UserError(
      `文件“${name}”是 OpenDocument（WPS/LibreOffice 的 .odt/.ods）格式，暂不支持。请另存为 .docx 或 .xlsx 后再导入。`,
    );
  }
  throw new UserError(`文件“${name}”是压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件，无法读取。`);
}

async function readCfb(name: string, bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  let names: Set<string>;
  try {
    names = inspectCfb(bytes).names;
  } catch (e) {
    if (e instanceof CfbError)
      throw new UserError(`文件“${name}”已损坏，无法读取：${e.message}。请用 Word/WPS 打开并另存为 .docx 后再导入。`);
    throw e;
  }
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) {
    throw new UserError(`文件“${name}”已加密（设置了打开密码），无法读取。请在 Word/WPS 中取消密码并另存后再导入。`);
  }
  if (names.has('Workbook') || names.has('Book')) {
    throw new UserError(`文件“${name}”是旧版 Excel（.xls）表格，暂不支持。请在 Excel/WPS 中另存为 .xlsx 后再导入。`);
  }
  if (!names.has('WordDocument')) throw new UserError(`文件“${name}”不是 Word 文档，无法读取。`);
  let text: string;
  try {
    text = await docText(bytes);
  } catch {
    throw new UserError(
      `文件“${name}”（Word 97-2003 文档）已损坏或使用了不支持的格式，无法读取。请在 Word/WPS 中另存为 .docx 后再导入。`,
    );
  }
  return finish(name, parseText(text, { ...parseOptions(options), textRows: 'stream' }), KIND.doc, options);
}

/** A stream past the budget: a 压缩炸弹 only when its compression ratio says so. */
function pdfStreamMessage(name: string, check: Extract<StreamCheck, { ok: false }>): UserError {
  const mb = Math.round(check.limit / 1024 / 1024);
  const what = check.over === 'stream' ? `中有一段压缩数据解压后超过${mb}MB` : `中的压缩数据解压后共超过${mb}MB`;
  if (check.ratio >= PDF_STREAM_LIMITS.bombRatio)
    return new UserError(
      `PDF 文件“${name}”${what}（压缩比约${Math.round(check.ratio)}:1），远超正常报告所需，文件可能已损坏或被故意构造（“压缩炸弹”），已停止读取。请使用原始的 Word 文件导入。`,
    );
  return new UserError(
    `PDF 文件“${name}”${what}，远超一份年度报告所需，未读取。请只导出报告所在的页面，或使用原始的 Word 文件导入。`,
  );
}

async function readPdf(name: string, bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const streams = checkPdfStreams(bytes);
  if (!streams.ok) throw pdfStreamMessage(name, streams);
  let text: string;
  try {
    ({ text } = await pdfText(bytes));
  } catch (e) {
    if (!(e instanceof PdfError)) throw new UserError(`PDF 文件“${name}”无法读取：文件可能已损坏。`);
    if (e.problem === 'encrypted')
      throw new UserError(`PDF 文件“${name}”设置了打开密码，无法读取。请提供未加密的文件。`);
    if (e.problem === 'timeout') throw new UserError(`PDF 文件“${name}”读取超时（文件过于复杂或已损坏），已停止读取。`);
    throw new UserError(`PDF 文件“${name}”已损坏或不是有效的 PDF，无法读取。`);
  }
  if (text.replace(/\s+/g, '').length < 20) {
    throw new UserError(
      `PDF 没有文字层（可能是扫描件），无法读取“${name}”中的文字。请使用原始的 Word 文件，或先用文字识别（OCR）软件转换后再导入。`,
    );
  }
  return finish(name, parseText(text, { ...parseOptions(options), textRows: 'stream' }), KIND.pdf, options);
}

function readTextFile(name: string, bytes: Uint8Array, options: ReadOptions): ReadResult {
  const latin = new TextDecoder('latin1').decode(bytes.subarray(0, 4000));
  if (isMht(latin)) {
    const html = mhtHtml(new TextDecoder('latin1').decode(bytes));
    if (html) return finish(name, parseHtml(html, parseOptions(options)), KIND.html, options);
  }
  const { text } = decodeText(bytes);
  if (binaryShare(text) > 0.02) {
    throw new UserError(`文件“${name}”不是可以识别的文件格式（不是文本、Word、Excel 或 PDF），无法读取。`);
  }
  const trimmed = text.replace(/^\ufeff/, '').trimStart();
  if (trimmed.startsWith('{')) {
    const parsed = parseReportText(trimmed);
    if (!parsed.ok) throw new UserError(`无法读取“${name}”：${parsed.error}`);
    return { report: parsed.report, problems: [], kind: KIND.json };
  }
  if (looksLikeHtml(trimmed)) {
    const own = readOwnHtml(trimmed);
    if (own) return finish(name, own, KIND.ownHtml, options);
    return finish(name, parseHtml(trimmed, parseOptions(options)), KIND.html, options);
  }
  return finish(name, parseText(trimmed, parseOptions(options)), KIND.text, options);
}

/** Reads bytes already in memory (from the app's file picker or the CLI). */
export async function readReportBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  if (bytes.byteLength === 0) throw new UserError(`文件“${name}”是空的，没有可读取的内容。`);
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new UserError(`文件“${name}”超过100MB，不像是年度报告，未读取。`);
  try {
    if (isZip(bytes)) return await readZip(name, bytes, options);
    if (isCfb(bytes)) return await readCfb(name, bytes, options);
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    if (head.includes('%PDF-')) return await readPdf(name, bytes, options);
    if (
      sniff(bytes, '\x89PNG') ||
      sniff(bytes, '\xff\xd8\xff') ||
      sniff(bytes, 'GIF8') ||
      sniff(bytes, 'II*\x00') ||
      sniff(bytes, 'MM\x00*')
    ) {
      throw new UserError(
        `文件“${name}”是图片，无法读取其中的文字。请使用 Word 文件、有文字层的 PDF，或粘贴网页上的文字。`,
      );
    }
    if (head.startsWith('{\\rtf')) {
      throw new UserError(`文件“${name}”是 RTF 格式，暂不支持。请在 Word/WPS 中另存为 .docx 后再导入。`);
    }
    return readTextFile(name, bytes, options);
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (e instanceof ZipError) throw zipMessage(name, e);
    // Anything else is a file the readers could not make sense of: say so, without a stack.
    throw new UserError(`无法读取“${name}”：文件已损坏或格式无法识别。`);
  }
}

/**
 * Reads a file from disk (the command line). By default a document without any of the tables
 * is refused: there is nothing to check.
 */
export async function readReportPath(
  path: string,
  options: ReadOptions = { requireTables: true },
): Promise<ReadResult> {
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UserError(`“${path}”不是文件。`);
    size = s.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`找不到文件“${path}”，请检查路径是否正确。`);
  }
  if (size > MAX_IMPORT_BYTES) throw new UserError(`文件“${name}”超过100MB，不像是年度报告，未读取。`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UserError(`无法打开文件“${path}”：没有读取权限或文件正被占用。`);
  }
  return readReportBytes(name, bytes, options);
}
