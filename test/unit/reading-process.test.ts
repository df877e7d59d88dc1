// The reader process: a real Node child that reads a file and answers, and the limits that stop
// one that loops, fills its memory or dies — while the process that started it keeps answering.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api';
import { readReportBytes } from '../../electron/services/readers';
import { readLedgerFile } from '../../electron/services/ledger/read';
import {
  nodeReader,
  readInIsolation,
  readInProcess,
  readLedgerInIsolation,
  readManyInIsolation,
  type SpawnReader,
} from '../../electron/services/reading';
import { MAX_READERS } from '../../electron/services/reading/isolate';
import { READ_LIMITS } from '../../electron/services/reading/limits';
import { parentChannel } from '../../electron/services/reading/serve';
import { emptyReport, parseReportJson, serializeReport } from '../../shared/report';
import { FIXTURES_DIR } from '../fixtures/reports';

const HERE = dirname(fileURLToPath(import.meta.url));
const DOCX = join(FIXTURES_DIR, 'import', 'official-2021.docx');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const misbehaving = nodeReader({ file: join(HERE, 'helpers', 'misbehaving-reader.ts'), execArgv: ['--import', tsx] });

/** The spawner, noting each process's id and when it has ended. */
function watched(spawn: SpawnReader) {
  const ended: Promise<void>[] = [];
  const pids: number[] = [];
  const wrapped: SpawnReader = (limits) => {
    const child = spawn(limits);
    if (child.pid) pids.push(child.pid);
    ended.push(new Promise((resolve) => child.onExit(() => resolve())));
    return child;
  };
  return { spawn: wrapped, ended, pids };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const request = (name: string) => ({ type: 'read' as const, source: { name, base64: '' }, options: {} });

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return (e as UserError).message;
}

describe('readInIsolation', () => {
  it('reads a .docx in a child process as the readers do in this one', async () => {
    const w = watched(nodeReader());
    const got = await readInIsolation({ path: DOCX }, { spawn: w.spawn });
    const want = await readReportBytes('official-2021.docx', new Uint8Array(readFileSync(DOCX)));
    // The reply is checked against the report schema, which fills what a reader leaves out.
    const schema = parseReportJson(want.report);
    expect(schema.ok && got).toEqual({ ...want, report: schema.ok && schema.report });
    expect(w.pids).toHaveLength(1);
    await Promise.all(w.ended);
    expect(alive(w.pids[0])).toBe(false); // stopped once its answer was in
  });

  it('reads a file sent as base64, and says in Chinese what is wrong with one it cannot read', async () => {
    const bytes = readFileSync(DOCX);
    const got = await readInIsolation({ name: 'r.docx', base64: bytes.toString('base64') });
    expect(got.kind).toBe('Word 文档（.docx）');
    expect(
      await refusal(
        readInIsolation({ name: 'x.bin', base64: Buffer.from('\x00\x01\x02'.repeat(500)).toString('base64') }),
      ),
    ).toMatch(/不是可以识别的文件格式/);
    expect(await refusal(readInIsolation({ path: join(HERE, 'nothing-here.docx') }))).toMatch(/找不到文件/);
  });

  it("reads this app's own small JSON file without a process; anything else needs one", async () => {
    const noProcess: SpawnReader = () => {
      throw new Error('no processes here');
    };
    const json = serializeReport(emptyReport('县民政局', 2024));
    const got = await readInIsolation(
      { name: 'r.json', base64: Buffer.from(json).toString('base64') },
      { spawn: noProcess },
    );
    expect(got.report.org).toBe('县民政局');
    const docx = readFileSync(DOCX).toString('base64');
    expect(await refusal(readInIsolation({ name: 'r.docx', base64: docx }, { spawn: noProcess }))).toMatch(
      /无法启动读取文件的后台进程/,
    );
  });
});

describe('readers at once', () => {
  it(`at most ${MAX_READERS} reader processes run at a time; the next starts when one ends`, async () => {
    const children: { answer(): void }[] = [];
    const fake: SpawnReader = () => {
      const listeners: ((m: unknown) => void)[] = [];
      const child = {
        send: () => {},
        onMessage: (fn: (m: unknown) => void) => void listeners.push(fn),
        onExit: () => {},
        onStderr: () => {},
        kill: () => {},
      };
      children.push({
        answer: () =>
          listeners.forEach((fn) =>
            fn({
              type: 'reply',
              reply: { ok: true, result: { report: emptyReport('县民政局', 2024), problems: [], kind: 'x' } },
            }),
          ),
      });
      return child;
    };
    const docx = readFileSync(DOCX).toString('base64');
    const reads = [1, 2, 3].map((i) => readInIsolation({ name: `${i}.docx`, base64: docx }, { spawn: fake }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(children).toHaveLength(MAX_READERS);
    children[0].answer();
    await reads[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(children).toHaveLength(3);
    children[1].answer();
    children[2].answer();
    await Promise.all(reads);
  });
});

describe('the limits', () => {
  it('a reader stuck in a loop is stopped at the time limit; meanwhile this process answers', async () => {
    const w = watched(misbehaving);
    const reading = readInProcess(request('loop'), { ...READ_LIMITS, timeoutMs: 3000 }, w.spawn);
    const order: string[] = [];
    void reading.then(() => order.push('read'));
    await new Promise((resolve) => setTimeout(resolve, 200)).then(() => order.push('other call'));
    const reply = await reading;
    expect(order).toEqual(['other call', 'read']);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^读取“loop”超过3秒仍未完成，已停止读取/) });
    await Promise.all(w.ended);
    expect(alive(w.pids[0])).toBe(false);
  });

  it('memory outside the JavaScript heap: the watchdog stops the process at the limit', async () => {
    const reply = await readInProcess(request('buffers'), { timeoutMs: 60_000, memoryMb: 300 }, misbehaving);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^读取“buffers”需要的内存超过300MB，已停止读取/) });
  });

  it('JavaScript objects past the heap limit end the same way', async () => {
    const reply = await readInProcess(request('objects'), { timeoutMs: 60_000, memoryMb: 200 }, misbehaving);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^读取“objects”需要的内存超过200MB/) });
  });

  it('a reader that dies without answering', async () => {
    const reply = await readInProcess(request('exit'), READ_LIMITS, misbehaving);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/读取文件的后台进程意外退出/) });
  });
});

describe('the reader side of the channel', () => {
  it("speaks over Electron's parentPort in a utility process, over Node IPC in a child process", () => {
    const posted: unknown[] = [];
    const listeners: ((e: { data: unknown }) => void)[] = [];
    const utility = {
      parentPort: {
        postMessage: (m: unknown) => posted.push(m),
        on: (_: string, fn: (e: { data: unknown }) => void) => listeners.push(fn),
      },
    } as unknown as NodeJS.Process;
    const channel = parentChannel(utility)!;
    const got: unknown[] = [];
    channel.onMessage((m) => got.push(m));
    listeners[0]({ data: { type: 'read' } });
    channel.send({ type: 'ready' });
    expect(got).toEqual([{ type: 'read' }]);
    expect(posted).toEqual([{ type: 'ready' }]);

    const sent: unknown[] = [];
    const child = { send: (m: unknown) => sent.push(m), on: () => {} } as unknown as NodeJS.Process;
    parentChannel(child)!.send({ type: 'ready' });
    expect(sent).toEqual([{ type: 'ready' }]);
    expect(parentChannel({ on: () => {} } as unknown as NodeJS.Process)).toBeNull();
  });
});

describe('readLedgerInIsolation', () => {
  it('reads a ledger in a child process exactly as the ledger reader does in this one', async () => {
    const csv = '申请人类型,收到日期,答复日期,办理结果\n自然人,2024-03-05,2024-03-20,予以公开\n企业,2024/12/28,,\n';
    const base64 = Buffer.from(csv, 'utf8').toString('base64');
    const w = watched(nodeReader());
    const got = await readLedgerInIsolation({ name: '台账.csv', base64 }, { spawn: w.spawn });
    expect(w.pids.length).toBe(1);
    expect(got).toEqual(await readLedgerFile(new Uint8Array(Buffer.from(csv, 'utf8')), '台账.csv'));
  });

  it('stops a ledger read that does not end, with the time limit said in Chinese', async () => {
    const message = await refusal(
      readLedgerInIsolation({ name: 'loop', base64: '' }, { spawn: misbehaving, limits: { timeoutMs: 1500 } }),
    );
    expect(message).toContain('超过2秒仍未完成');
  });
});

describe('readManyInIsolation', () => {
  it('reads a folder’s files in turn in one reader process; a refusal does not end it', async () => {
    const w = watched(nodeReader());
    const docx = { name: 'a.docx', base64: readFileSync(DOCX).toString('base64') };
    const note = { name: 'note.txt', base64: Buffer.from('会议通知：请准时参加。\n').toString('base64') };
    const reads = await readManyInIsolation([docx, note, { ...docx, name: 'b.docx' }], { spawn: w.spawn });
    expect(reads.map((r) => r.ok)).toEqual([true, false, true]);
    expect(w.pids.length).toBe(1);
    const want = await readInIsolation(docx);
    expect(reads[2].ok && reads[2].result.report).toEqual(want.report);
    expect(!reads[1].ok && reads[1].error).toContain('不像是');
  });

  it('starts a new reader after one dies, and says for which file', async () => {
    const w = watched(misbehaving);
    const reads = await readManyInIsolation(
      [
        { name: 'exit', base64: '' },
        { name: 'exit', base64: '' },
      ],
      { spawn: w.spawn },
    );
    expect(reads.every((r) => !r.ok && r.error.includes('“exit”'))).toBe(true);
    expect(w.pids.length).toBe(2);
  });
});
