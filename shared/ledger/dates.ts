// Dates as ledgers hold them: Excel serials, date cells (the reader gives YYYY-MM-DD), 2024-03-05,
// 2024/3/5, 2024年3月5日, 2024.3.5, 20240305, with or without a time after them.
import type { RawCell } from './types';

export type DateRead = { kind: 'date'; iso: string; year: number } | { kind: 'empty' } | { kind: 'bad'; text: string };

/** Words a clerk writes in a date column for an application still open. */
const OPEN_WORDS = /^(?:无|未|暂无|未答复|未办结|办理中|正在办理|在办|待答复|待办|未回复|\/|-|—|－|——)$/;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30); // serial 1 = 1900-01-01, past Excel's 1900 leap-year bug
const DAY = 86400000;
// Serials of 1990-01-01 .. 2100-12-31: a plain count such as 5 is not a date.
const MIN_SERIAL = 32874;
const MAX_SERIAL = 73415;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function ymd(y: number, m: number, d: number): DateRead | null {
  if (m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null; // 2月29日 of a common year
  return { kind: 'date', iso: `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`, year: y };
}

function fromSerial(n: number): DateRead | null {
  if (n < MIN_SERIAL || n > MAX_SERIAL) return null;
  const t = new Date(EXCEL_EPOCH + Math.floor(n) * DAY);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Reads a date cell; text that is no date comes back as 'bad' with the text, for the message. */
export function readDate(cell: RawCell): DateRead {
  if (cell === null) return { kind: 'empty' };
  if (typeof cell === 'number') return fromSerial(cell) ?? { kind: 'bad', text: String(cell) };
  // Full-width digits (２０２４年) only where there is something beyond ASCII to normalise.
  const text = (/[^\x00-\x7f]/.test(cell) ? cell.normalize('NFKC') : cell).trim();
  if (!text || OPEN_WORDS.test(text)) return { kind: 'empty' };
  const m =
    text.match(
      /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?$/,
    ) ?? text.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3])) ?? { kind: 'bad', text };
  // A serial that came through a CSV as text.
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return fromSerial(Number(text)) ?? { kind: 'bad', text };
  return { kind: 'bad', text };
}
