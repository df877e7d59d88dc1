// readInIsolation: the one way the app and the command line read a file. The readers run in a
// process of their own, which is stopped when it takes longer than the time limit or holds
// more memory than allowed; meanwhile the app goes on answering. This app's own small JSON
// files are read right here: no process is needed for them.
import { open, stat } from 'node:fs/promises';
import { UserError, type FileReadOutcome, type ReadResult } from '../../../shared/api';
import type { RawLedger } from '../../../shared/ledger/types';
import type { Report } from '../../../shared/report';
import type { ReadOptions } from '../readers';
import { base64Head, base64Size } from './base64';
import { READ_LIMITS, type ReadLimits } from './limits';
import { crashMessage, exitMessage, spawnMessage, timeoutMessage } from './messages';
import { nodeReader } from './node-process';
import { runRead } from './run';
import { ReaderSession } from './session';
import type { ReaderProcess, SpawnReader } from './process';
import {
  checkedReply,
  isReaderMessage,
  sourceName,
  type ReadReply,
  type ReadRequest,
  type ReadSource,
} from './protocol';

export interface IsolationOptions {
  /** Reader options; by default a file on disk needs tables (the command line), a sent file not. */
  read?: ReadOptions;
  limits?: Partial<ReadLimits>;
  /** How the reader process is started (Electron: its utility process). Default: a Node child process. */
  spawn?: SpawnReader;
}

/** This app's report files are a few dozen KB; past this even JSON goes to the reader process. */
export const INLINE_JSON_BYTES = 2 * 1024 * 1024;
/** Readers running at once: each may use up to the memory limit. */
export const MAX_READERS = 2;

/** A UTF-8 text whose first character (after a byte-order mark and blanks) opens a JSON object. */
export function opensJsonObject(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return head[i] === 0x7b;
}

async function smallJsonFile(path: string): Promise<boolean> {
  try {
    // Looked at before opening: opening a pipe or a device could wait for ever.
    const info = await stat(path);
    if (!info.isFile() || info.size > INLINE_JSON_BYTES) return false;
    const file = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await file.read(Buffer.alloc(256), 0, 256, 0);
      return opensJsonObject(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return false; // the reader process says what is wrong with it
  }
}

const isSmallJson = (source: ReadSource) =>
  'path' in source
    ? smallJsonFile(source.path)
    : Promise.resolve(
        base64Size(source.base64) <= INLINE_JSON_BYTES && opensJsonObject(base64Head(source.base64, 256)),
      );

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_READERS) await new Promise<void>((r) => waiting.push(r));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** One read in one reader process: the reply, or why the process had to be stopped. */
export function readInProcess(request: ReadRequest, limits: ReadLimits, spawn: SpawnReader): Promise<ReadReply> {
  const name = sourceName(request.source);
  return new Promise((resolve) => {
    let child: ReaderProcess;
    try {
      child = spawn(limits);
    } catch {
      resolve({ ok: false, error: spawnMessage(name) });
      return;
    }
    let done = false;
    let stderr = '';
    const finish = (reply: ReadReply) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(reply);
      try {
        child.kill();
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => finish({ ok: false, error: timeoutMessage(name, limits) }), limits.timeoutMs);
    child.onStderr((text) => {
      stderr = (stderr + text).slice(-16 * 1024);
    });
    child.onMessage((message) => {
      if (!isReaderMessage(message)) return;
      if (message.type !== 'ready')
        return finish(checkedReply(message.reply) ?? { ok: false, error: crashMessage(name) });
      try {
        child.send(request);
      } catch {
        finish({ ok: false, error: crashMessage(name) });
      }
    });
    child.onExit((_code, signal) => finish({ ok: false, error: exitMessage(name, limits, stderr, signal) }));
  });
}

/** Reads a file into a report, in a reader process with time and memory limits. Refusals are UserErrors. */
export async function readInIsolation(source: ReadSource, options: IsolationOptions = {}): Promise<ReadResult> {
  const read = options.read ?? ('path' in source ? { requireTables: true } : {});
  if (await isSmallJson(source)) return replyResult(source, await runRead({ type: 'read', source, options: read }));
  const limits = { ...READ_LIMITS, ...options.limits };
  const release = await slot();
  let reply: ReadReply;
  try {
    reply = await readInProcess({ type: 'read', source, options: read }, limits, options.spawn ?? nodeReader());
  } finally {
    release();
  }
  return replyResult(source, reply);
}

function replyResult(source: ReadSource, reply: ReadReply): ReadResult {
  if (!reply.ok) throw new UserError(reply.error);
  if (!('result' in reply)) throw new UserError(crashMessage(sourceName(source)));
  return reply.result;
}

/** What reading one file of a batch gave: its report, or the Chinese reason it was not read. */
export type BatchRead = FileReadOutcome;

/**
 * Reads several files one after another in one reader process (a new one after a failure), with
 * the same limits per file as readInIsolation: a folder of a hundred reports pays the start of a
 * process once, not a hundred times. Small own JSON files are read here, as readInIsolation does.
 * `previous` gives last year's report per file (same order), for splitting digit runs.
 */
export async function readManyInIsolation(
  sources: ReadSource[],
  options: IsolationOptions & { previous?: readonly (Report | null)[] } = {},
): Promise<BatchRead[]> {
  const limits = { ...READ_LIMITS, ...options.limits };
  const session = new ReaderSession(options.spawn ?? nodeReader(), limits);
  const release = await slot();
  const out: BatchRead[] = [];
  try {
    for (const [i, source] of sources.entries()) {
      const given = options.read ?? ('path' in source ? { requireTables: true } : {});
      // Last year's report of this file's organ, where the caller matched one (the review).
      const previous = options.previous?.[i];
      const read = previous ? { ...given, previous } : given;
      const request: ReadRequest = { type: 'read', source, options: read };
      // A small own JSON file is read right here, as the reader process would read it.
      out.push(batchRead(source, await ((await isSmallJson(source)) ? runRead(request) : session.read(request))));
    }
  } finally {
    session.close();
    release();
  }
  return out;
}

function batchRead(source: ReadSource, reply: ReadReply): BatchRead {
  if (reply.ok && 'result' in reply) return { ok: true, result: reply.result };
  return { ok: false, error: reply.ok ? crashMessage(sourceName(source)) : reply.error };
}

/** Reads an application ledger (.xlsx/.csv) into raw cells, in a reader process like every file. */
export async function readLedgerInIsolation(source: ReadSource, options: IsolationOptions = {}): Promise<RawLedger> {
  const limits = { ...READ_LIMITS, ...options.limits };
  const release = await slot();
  let reply: ReadReply;
  try {
    reply = await readInProcess(
      { type: 'read', source, options: {}, what: 'ledger' },
      limits,
      options.spawn ?? nodeReader(),
    );
  } finally {
    release();
  }
  if (!reply.ok) throw new UserError(reply.error);
  if (!('ledger' in reply)) throw new UserError(crashMessage(sourceName(source)));
  return reply.ledger;
}
