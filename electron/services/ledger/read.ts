// Reads a ledger file (依申请公开登记台账) into sheets of cells: .xlsx (also an old .xls saved as
// .xlsx) through exceljs, .csv through papaparse in UTF-8 or GB18030. Plain Node, one plain
// function (readLedgerFile) so that it can be routed like the other readers. Every failure is a
// UserError whose Chinese message says what to do.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { MAX_IMPORT_BYTES, UserError } from '../../../shared/api';
import type { RawCell, RawLedger, RawSheet } from '../../../shared/ledger';
import { CfbError, inspectCfb, isCfb } from '../readers/cfb';
import { binaryShare, decodeText } from '../readers/decode';
import { isZip, listZip, ZIP_LIMITS, ZipError } from '../readers/zip';

/** A ledger of one department for one year has hundreds of rows; this leaves room for decades. */
export const LEDGER_LIMITS = { maxSheets: 20, maxRows: 100_000, maxCols: 100, maxUnzipped: 4 * ZIP_LIMITS.maxTotal };

/** A date cell as YYYY-MM-DD (exceljs gives dates at UTC midnight). */
function isoDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/** exceljs's cell value (text, number, date, rich text, formula, hyperlink …) -> a raw cell. */
export function rawCell(v: ExcelJS.CellValue | undefined): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    if ('richText' in v) return rawCell(v.richText.map((r) => r.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return rawCell((v as { result?: ExcelJS.CellValue }).result);
    if ('text' in v) return rawCell((v as { text: ExcelJS.CellValue }).text);
  }
  return null; // an error value (#N/A)
}

/** Rows are never dropped silently: a sheet this long is refused with the reason. */
function tooLong(name: string, rows: number): UserError {
  return new UserError(
    `台账文件“${name}”有${rows}行，超过${LEDGER_LIMITS.maxRows}行，不像是一个部门的登记台账，未读取。请只保留需要计算的年度后重试。`,
  );
}

function checkZip(name: string, bytes: Uint8Array): void {
  let entries;
  try {
    entries = listZip(bytes);
  } catch (e) {
    if (e instanceof ZipError)
      throw new UserError(
        `台账文件“${name}”已损坏，无法打开：${e.message}。请用 Excel/WPS 打开并另存为 .xlsx 后重试。`,
      );
    throw e;
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml'))
    throw new UserError(`文件“${name}”不是 Excel 表格（.xlsx），无法作为台账读取。请选择 .xlsx 或 .csv 格式的台账。`);
  const total = entries.reduce((n, e) => n + e.size, 0);
  const ratio = entries.some((e) => e.compressedSize > 0 && e.size / e.compressedSize > ZIP_LIMITS.maxRatio);
  if (total > LEDGER_LIMITS.maxUnzipped || ratio)
    throw new UserError(`台账文件“${name}”解压后过大，不像是正常的台账，已停止读取。`);
}

async function readXlsx(name: string, bytes: Uint8Array): Promise<RawLedger> {
  checkZip(name, bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new UserError(`台账文件“${name}”已损坏或格式无法识别，无法打开。请用 Excel/WPS 打开并另存为 .xlsx 后重试。`);
  }
  const sheets: RawSheet[] = [];
  for (const ws of wb.worksheets.slice(0, LEDGER_LIMITS.maxSheets)) {
    if (ws.state !== 'visible') continue;
    if (ws.actualRowCount > LEDGER_LIMITS.maxRows) throw tooLong(name, ws.actualRowCount);
    const rows: RawCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: RawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col <= LEDGER_LIMITS.maxCols) cells[col - 1] = rawCell(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name: ws.name, rows });
  }
  return { file: name, sheets };
}

function readCsv(name: string, bytes: Uint8Array): RawLedger {
  const { text } = decodeText(bytes);
  if (binaryShare(text) > 0.02)
    throw new UserError(`文件“${name}”不是可以识别的表格（不是 .xlsx 或 .csv），无法作为台账读取。`);
  // One kind of line break: papaparse takes the first one it sees for the whole file.
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'), {
    skipEmptyLines: false,
    newline: '\n',
  });
  if (parsed.data.length > LEDGER_LIMITS.maxRows) throw tooLong(name, parsed.data.length);
  const rows = parsed.data.map((r) =>
    r.slice(0, LEDGER_LIMITS.maxCols).map((c): RawCell => (c.trim() === '' ? null : c)),
  );
  return { file: name, sheets: [{ name: name.replace(/\.[^.]*$/, ''), rows }] };
}

function refuseCfb(name: string, bytes: Uint8Array): never {
  let names: Set<string>;
  try {
    names = inspectCfb(bytes).names;
  } catch (e) {
    if (e instanceof CfbError) throw new UserError(`台账文件“${name}”已损坏，无法打开：${e.message}。`);
    throw e;
  }
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo'))
    throw new UserError(`台账文件“${name}”设置了打开密码，无法读取。请在 Excel/WPS 中取消密码并另存后重试。`);
  throw new UserError(
    `文件“${name}”是旧版 Excel（.xls）或其他 Office 97-2003 文件，暂不支持。请在 Excel/WPS 中“另存为” .xlsx（Excel 工作簿）后重试。`,
  );
}

/** Reads a ledger file's bytes: .xlsx or .csv (told by the content, not by the name). */
export async function readLedgerFile(bytes: Uint8Array, name: string): Promise<RawLedger> {
  if (bytes.byteLength === 0) throw new UserError(`台账文件“${name}”是空的，没有可读取的内容。`);
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new UserError(`台账文件“${name}”超过100MB，不像是登记台账，未读取。`);
  if (isZip(bytes)) return readXlsx(name, bytes);
  if (isCfb(bytes)) refuseCfb(name, bytes);
  return readCsv(name, bytes);
}

/** Reads a ledger file from disk (the command line). */
export async function readLedgerPath(path: string): Promise<RawLedger> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UserError(`“${path}”不是文件。`);
    if (s.size > MAX_IMPORT_BYTES) throw new UserError(`台账文件“${name}”超过100MB，不像是登记台账，未读取。`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`找不到文件“${path}”，请检查路径是否正确。`);
    throw new UserError(`无法打开文件“${path}”：没有读取权限或文件正被占用。`);
  }
  return readLedgerFile(bytes, name);
}
