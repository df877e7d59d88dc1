// Reading entries of a .docx/.xlsx (a zip) with hard limits, so that a damaged, encrypted or
// malicious file ends in a clear message: the central directory is checked, only the entries
// asked for are inflated, in small steps, and never past a total budget or their stated size.
import { Inflate } from 'fflate';

/** 'tooLarge': honest content, just far more than a report (a big data sheet); 'bomb': an implausible compression ratio. */
export type ZipProblem = 'corrupt' | 'encrypted' | 'bomb' | 'tooLarge' | 'unsupported';

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export const ZIP_LIMITS = {
  /** Entries in the central directory (a report .docx has some 20–40). */
  maxEntries: 5000,
  /** Bytes inflated in total from one file. */
  maxTotal: 50 * 1024 * 1024,
  /** Stated compression ratio above which an entry is refused without inflating it. */
  maxRatio: 1000,
  /**
   * Ratio from which an entry that outgrows the budget is called a 压缩炸弹: XML of real
   * documents and sheets compresses some 3–30 times, a crafted run of one byte about 1000.
   */
  bombRatio: 100,
};

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)
  );
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  try {
    return new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(bytes);
  } catch {
    return '';
  }
}

/** The entries listed in the central directory. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt', '找不到压缩包目录（文件不完整或已损坏）');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('unsupported', '使用了不支持的 ZIP64 格式');
  if (count > ZIP_LIMITS.maxEntries) throw new ZipError('bomb', `压缩包中有${count}个条目，远多于正常的文档`);
  if (cdOffset + cdSize > n) throw new ZipError('corrupt', '压缩包目录超出文件末尾（文件不完整）');
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || u32(bytes, p) !== 0x02014b50) throw new ZipError('corrupt', '压缩包目录已损坏');
    const flags = u16(bytes, p + 8);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    if (p + 46 + nameLen > n) throw new ZipError('corrupt', '压缩包目录已损坏');
    out.push({
      name: decodeName(bytes.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0),
      method: u16(bytes, p + 10),
      flags,
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      offset: u32(bytes, p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const mb = (n: number) => Math.max(1, Math.round(n / 1024 / 1024));

/** Tracks the bytes inflated from one file against the budget. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit = ZIP_LIMITS.maxTotal) {}
  get left(): number {
    return this.limit - this.used;
  }
  /** Counts n more bytes of `entry`; past the budget, says whether the entry looks crafted or just big. */
  take(n: number, entry: string, ratio: number): void {
    this.used += n;
    if (this.used > this.limit) throw overBudget(entry, this.limit, ratio, null);
  }
}

/** The entry needs more than the budget: a 压缩炸弹 only when its compression ratio says so. */
function overBudget(entry: string, limit: number, ratio: number, size: number | null): ZipError {
  if (ratio >= ZIP_LIMITS.bombRatio) {
    return new ZipError(
      'bomb',
      `其中“${entry}”解压后超过${mb(limit)}MB，压缩比约${Math.round(ratio)}:1，远超正常文档（可能是“压缩炸弹”）`,
    );
  }
  const how = size === null ? `超过${mb(limit)}MB` : `有${mb(size)}MB`;
  return new ZipError(
    'tooLarge',
    `其中“${entry}”解压后${how}，超过读取上限（共${mb(ZIP_LIMITS.maxTotal)}MB），内容远多于一份年度报告`,
  );
}

/** Inflates one entry, checking its stated sizes and the budget as it goes. */
export function readEntry(bytes: Uint8Array, e: ZipEntry, budget: InflateBudget): Uint8Array {
  if (e.flags & 1) throw new ZipError('encrypted', '文件已加密');
  const statedRatio = e.compressedSize > 0 ? e.size / e.compressedSize : Infinity;
  if (e.size > 1024 * 1024 && statedRatio > ZIP_LIMITS.maxRatio) {
    throw new ZipError(
      'bomb',
      `其中“${e.name}”解压后有${mb(e.size)}MB，压缩比约${Math.round(statedRatio)}:1（可能是“压缩炸弹”）`,
    );
  }
  if (e.size > budget.left) throw overBudget(e.name, budget.limit, statedRatio, e.size);
  const p = e.offset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw new ZipError('corrupt', `条目“${e.name}”已损坏`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new ZipError('corrupt', `条目“${e.name}”不完整（文件被截断）`);
  const data = bytes.subarray(start, end);
  if (e.method === 0) {
    budget.take(data.length, e.name, 1);
    return data;
  }
  if (e.method !== 8) throw new ZipError('unsupported', `条目“${e.name}”使用了不支持的压缩方式（${e.method}）`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Data descriptors (flag 8) may leave the stated size 0 in old writers; then only the budget bounds it.
  const cap = e.size > 0 ? e.size : budget.limit;
  let ended = false;
  let pushed = 0;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    budget.take(chunk.length, e.name, total / Math.max(1, pushed));
    if (total > cap) throw new ZipError('corrupt', `条目“${e.name}”解压后比记录的大小还大（文件已损坏或被篡改）`);
    chunks.push(chunk);
    if (final) ended = true;
  });
  const STEP = 16 * 1024;
  try {
    for (let o = 0; o < data.length; o += STEP) {
      const last = o + STEP >= data.length;
      pushed = Math.min(data.length, o + STEP);
      inflater.push(data.subarray(o, pushed), last);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError('corrupt', `条目“${e.name}”无法解压（数据已损坏）`);
  }
  if (!ended && total === 0 && e.size > 0) throw new ZipError('corrupt', `条目“${e.name}”无法解压（数据已损坏）`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Text of an entry (UTF-8; UTF-16 with a byte-order mark). */
export function readEntryText(bytes: Uint8Array, e: ZipEntry, budget: InflateBudget): string {
  const data = readEntry(bytes, e, budget);
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8').decode(data);
}
