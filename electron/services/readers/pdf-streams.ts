// How large a PDF's compressed streams are once decoded, counted before pdf.js reads the file:
// pdf.js holds each decoded stream whole in memory, so a gigabyte of spaces compressed into one
// megabyte-long stream would fill it. Counting streams as they inflate, in small steps, stops at
// the budget. Images are left out: reading the text layer never decodes them (and a scan's pages
// are large images that must still get the 扫描件 message).
import { constants, inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';

export const PDF_STREAM_LIMITS = {
  /** Decoded bytes of one stream (an embedded CJK font is some 10–20 MB, a page's text far less). */
  maxStream: 64 * 1024 * 1024,
  /** Decoded bytes of all the streams together. */
  maxTotal: 256 * 1024 * 1024,
  /** Ratio from which a stream past the budget is called a 压缩炸弹 (text and fonts compress some 2–10 times). */
  bombRatio: 100,
};

export type StreamCheck =
  { ok: true; decoded: number } | { ok: false; over: 'stream' | 'total'; limit: number; ratio: number };

const latin1 = new TextDecoder('latin1');
const isEol = (b: number) => b === 0x0a || b === 0x0d;

/** A zlib stream's deflate data: PDF writers put the 2-byte header in; the checksum at the end is not checked. */
const deflateData = (zlib: Uint8Array) =>
  (zlib[0] & 0x0f) === 8 && ((zlib[0] << 8) | zlib[1]) % 31 === 0 ? zlib.subarray(2) : zlib;

/** One layer decoded, or 'over' past `cap`. Damaged data gives what decodes before the damage, as pdf.js does. */
function inflateLayer(data: Uint8Array, cap: number): Uint8Array | 'over' {
  const options = { maxOutputLength: cap + 1, finishFlush: constants.Z_SYNC_FLUSH };
  try {
    const out = inflateRawSync(deflateData(data), options);
    return out.length > cap ? 'over' : out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'over';
  }
  // Damaged somewhere: count what streams out before it, a step at a time.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > cap) throw new RangeError('over');
    chunks.push(chunk);
  });
  try {
    const raw = deflateData(data);
    for (let o = 0; o < raw.length; o += 16 * 1024)
      inflater.push(raw.subarray(o, o + 16 * 1024), o + 16 * 1024 >= raw.length);
  } catch (e) {
    if (e instanceof RangeError && size > cap) return 'over';
  }
  return Buffer.concat(chunks);
}

/** Decoded size of `layers` nested Flate encodings, or 'over' past `cap`. */
function decodedSize(data: Uint8Array, layers: number, cap: number): number | 'over' {
  let cur = data;
  for (let l = 0; l < layers; l++) {
    const next = inflateLayer(cur, cap);
    if (next === 'over') return 'over';
    cur = next;
  }
  return cur.length;
}

/** Decoded bytes per compressed byte, from the stream's first part (the whole would be past the budget). */
function ratioOf(data: Uint8Array, layers: number, cap: number): number {
  const head = data.subarray(0, Math.min(data.length, 16 * 1024));
  const size = decodedSize(head, layers, cap);
  return (size === 'over' ? cap : size) / Math.max(1, head.length);
}

/** Consecutive Flate filters at the head of a stream's filter list (/FlateDecode, [/FlateDecode /FlateDecode], /Fl). */
function flateLayers(dict: string): number {
  const m = dict.match(/\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/);
  if (!m) return 0;
  let n = 0;
  for (const f of m[1].match(/\/[A-Za-z0-9]+/g) ?? []) {
    if (f !== '/FlateDecode' && f !== '/Fl') break;
    n++;
  }
  return n;
}

function indexOf(bytes: Uint8Array, word: Uint8Array, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(word, from);
}

const STREAM = new TextEncoder().encode('stream');
const ENDSTREAM = new TextEncoder().encode('endstream');

export function checkPdfStreams(bytes: Uint8Array, limits = PDF_STREAM_LIMITS): StreamCheck {
  let total = 0;
  let at = 0;
  for (;;) {
    const k = indexOf(bytes, STREAM, at);
    if (k < 0) break;
    at = k + STREAM.length;
    // The keyword itself, not the end of 'endstream' nor part of a name.
    if (k >= 3 && latin1.decode(bytes.subarray(k - 3, k)) === 'end') continue;
    if (!isEol(bytes[at]) && bytes[at] !== 0x20) continue;
    const dict = latin1.decode(bytes.subarray(Math.max(0, k - 4096), k));
    const open = dict.lastIndexOf(' obj');
    const own = open >= 0 ? dict.slice(open) : dict;
    let start = at;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    // The stated /Length when it is a number and lands on 'endstream'; else up to the next 'endstream'.
    const stated = Number(own.match(/\/Length\s+(\d+)\b(?!\s+\d+\s+R)/)?.[1] ?? NaN);
    let end = -1;
    if (Number.isFinite(stated) && start + stated <= bytes.length) {
      const after = latin1.decode(bytes.subarray(start + stated, Math.min(bytes.length, start + stated + 12)));
      if (/^\s*endstream/.test(after)) end = start + stated;
    }
    if (end < 0) end = indexOf(bytes, ENDSTREAM, start);
    if (end < 0) end = bytes.length;
    at = Math.max(at, end);
    const layers = flateLayers(own);
    if (!layers || /\/Subtype\s*\/Image\b/.test(own)) continue;
    const data = bytes.subarray(start, end);
    const cap = Math.min(limits.maxStream, limits.maxTotal - total);
    const size = decodedSize(data, layers, cap);
    if (size === 'over') {
      const over = cap === limits.maxStream ? 'stream' : 'total';
      return { ok: false, over, limit: over === 'stream' ? cap : limits.maxTotal, ratio: ratioOf(data, layers, cap) };
    }
    total += size;
  }
  return { ok: true, decoded: total };
}
