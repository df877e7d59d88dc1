// What the app and its reader process say to each other: the reader says it is ready, gets one
// request, answers once. Plain JSON values only, so that any channel (Node IPC, Electron's
// parentPort) carries them.
import type { ReadResult } from '../../../shared/api';
import type { RawLedger } from '../../../shared/ledger/types';
import { parseReportJson } from '../../../shared/report';
import type { ReadOptions } from '../readers';

/** A file on disk (the command line) or one the page sent (the file picker, as base64). */
export type ReadSource = { path: string } | { name: string; base64: string };

export interface ReadRequest {
  type: 'read';
  source: ReadSource;
  options: ReadOptions;
  /** What the file is read as: a report (default) or an application ledger (登记台账). */
  what?: 'ledger';
}

export type ReadReply =
  { ok: true; result: ReadResult } | { ok: true; ledger: RawLedger } | { ok: false; error: string };

export type ReaderMessage = { type: 'ready' } | { type: 'reply'; reply: ReadReply };

/** Written to stderr by the reader's watchdog just before it stops the process. */
export const WATCHDOG_MARK = { memory: 'nianbao-reader: memory limit', time: 'nianbao-reader: time limit' };

export function sourceName(source: ReadSource): string {
  if ('name' in source) return source.name;
  return source.path.split(/[\\/]/).pop() || source.path;
}

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

export function isReadRequest(m: unknown): m is ReadRequest {
  if (!isObject(m) || m.type !== 'read' || !isObject(m.source) || !isObject(m.options)) return false;
  const previous = m.options.previous;
  if (previous !== undefined && previous !== null && !isObject(previous)) return false;
  const s = m.source;
  return typeof s.path === 'string' || (typeof s.name === 'string' && typeof s.base64 === 'string');
}

/**
 * The reader's options as the reader takes them: last year's report must pass the report schema
 * like any report; one that does not is left out (the file is read without it) and said.
 */
export function checkedOptions(options: ReadOptions): { options: ReadOptions; problems: string[] } {
  if (options.previous === undefined || options.previous === null) return { options, problems: [] };
  const parsed = parseReportJson(options.previous);
  if (parsed.ok) return { options: { ...options, previous: parsed.report }, problems: [] };
  const rest = { ...options };
  delete rest.previous;
  return { options: rest, problems: [`上年报告的数据无效（${parsed.error}），读取数字时未使用上年报告。`] };
}

export function isReaderMessage(m: unknown): m is ReaderMessage {
  if (!isObject(m)) return false;
  if (m.type === 'ready') return true;
  return m.type === 'reply' && isObject(m.reply) && typeof m.reply.ok === 'boolean';
}

/**
 * A reply as the app takes it: the reader runs the parsers on hostile bytes, so what it sends
 * back is checked like any other input — a report must pass the report schema.
 */
export function checkedReply(reply: ReadReply): ReadReply | null {
  if (!reply.ok) return typeof reply.error === 'string' ? reply : null;
  if ('ledger' in reply) return wellFormedLedger(reply.ledger) ? { ok: true, ledger: reply.ledger } : null;
  const r = reply.result as Partial<ReadResult> | undefined;
  if (!r || typeof r.kind !== 'string' || !strings(r.problems)) return null;
  const parsed = parseReportJson(r.report);
  if (!parsed.ok) return null;
  const result: ReadResult = { report: parsed.report, problems: r.problems, kind: r.kind };
  // What the preview marks: kept when well formed, dropped (not trusted) otherwise.
  const cells = r.cellProblems;
  if (
    Array.isArray(cells) &&
    cells.every((c) => isObject(c) && typeof c.cell === 'string' && typeof c.message === 'string')
  )
    result.cellProblems = cells;
  if (wellFormedTables(r.tables)) result.tables = r.tables;
  return { ok: true, result };
}

const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** The tables stage's problems and ledger as the reader sent them (shared/parse/ledger.ts). */
function wellFormedTables(t: unknown): t is NonNullable<ReadResult['tables']> {
  if (!isObject(t) || !Array.isArray(t.problems) || !isObject(t.ledger)) return false;
  const l = t.ledger;
  const ledgerOk =
    strings(l.found) &&
    strings(l.failed) &&
    strings(l.missing) &&
    strings(l.unread) &&
    strings(l.derived) &&
    isObject(l.cells);
  return (
    ledgerOk &&
    t.problems.every(
      (p) =>
        isObject(p) &&
        typeof p.kind === 'string' &&
        typeof p.message === 'string' &&
        strings(p.rows) &&
        strings(p.cells) &&
        (p.digits === undefined || typeof p.digits === 'string') &&
        (p.readings === undefined ||
          (Array.isArray(p.readings) &&
            p.readings.every((r) => Array.isArray(r) && r.every((v) => v === null || typeof v === 'number')))),
    )
  );
}

const rawCell = (c: unknown) => c === null || typeof c === 'string' || (typeof c === 'number' && Number.isFinite(c));

/** A ledger as the reader sent it: sheets of rows of text, numbers or blanks, nothing else. */
function wellFormedLedger(l: unknown): l is RawLedger {
  return (
    isObject(l) &&
    typeof l.file === 'string' &&
    Array.isArray(l.sheets) &&
    l.sheets.every(
      (sh) =>
        isObject(sh) &&
        typeof sh.name === 'string' &&
        Array.isArray(sh.rows) &&
        sh.rows.every((r) => Array.isArray(r) && r.every(rawCell)),
    )
  );
}
