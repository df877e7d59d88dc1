// Many files read one after another by one reader process, for a folder (the review): the start
// of a process is paid once per batch instead of once per file. The limits still hold per file:
// the time limit from each request (the reader's watchdog is reset with it), the memory limit for
// the process, which is started afresh after a failure and after READS_PER_PROCESS files.
import { READ_LIMITS, type ReadLimits } from './limits';
import { crashMessage, exitMessage, spawnMessage, timeoutMessage } from './messages';
import type { ReaderProcess, SpawnReader } from './process';
import { checkedReply, isReaderMessage, sourceName, type ReadReply, type ReadRequest } from './protocol';

/** A fresh process now and then, so that memory a reader keeps cannot add up over a big folder. */
export const READS_PER_PROCESS = 25;

type Outcome = { reply: ReadReply } | { failed: string };

export class ReaderSession {
  private child: ReaderProcess | null = null;
  private ready: Promise<boolean> | null = null;
  /** Where the current read's outcome goes: the reader's reply, or why the process failed. */
  private answer: ((outcome: Outcome) => void) | null = null;
  private stderr = '';
  private reads = 0;

  constructor(
    private readonly spawn: SpawnReader,
    private readonly limits: ReadLimits = READ_LIMITS,
  ) {}

  private start(): Promise<boolean> {
    let child: ReaderProcess;
    try {
      child = this.spawn(this.limits);
    } catch {
      return Promise.resolve(false);
    }
    this.child = child;
    this.stderr = '';
    this.reads = 0;
    let ready: (ok: boolean) => void = () => {};
    this.ready = new Promise<boolean>((r) => (ready = r));
    child.onStderr((text) => {
      this.stderr = (this.stderr + text).slice(-16 * 1024);
    });
    child.onMessage((message) => {
      if (!isReaderMessage(message)) return;
      if (message.type === 'ready') return ready(true);
      const reply = checkedReply(message.reply);
      this.answer?.(reply ? { reply } : { failed: 'crash' });
    });
    child.onExit((_code, signal) => {
      if (this.child === child) this.child = null;
      ready(false);
      this.answer?.({ failed: `exit:${signal ?? ''}` });
    });
    return this.ready;
  }

  /** Reads one file: its reply, or why the reader had to be stopped (then the next read starts a new one). */
  async read(request: ReadRequest): Promise<ReadReply> {
    const name = sourceName(request.source);
    if (this.child && this.reads >= READS_PER_PROCESS) this.close();
    if (!this.child && !(await this.start())) return { ok: false, error: spawnMessage(name) };
    if (!(await this.ready)) return { ok: false, error: exitMessage(name, this.limits, this.stderr, null) };
    const child = this.child!;
    this.reads++;
    const outcome = await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => resolve({ failed: 'timeout' }), this.limits.timeoutMs);
      this.answer = (o) => {
        clearTimeout(timer);
        resolve(o);
      };
      try {
        child.send(request);
      } catch {
        this.answer({ failed: 'crash' });
      }
    });
    this.answer = null;
    // A refusal is an answer like any other; the reader goes on with the next file.
    if ('reply' in outcome) return outcome.reply;
    // Stuck, gone or talking nonsense: never send it another file.
    const stderr = this.stderr;
    this.close();
    if (outcome.failed === 'timeout') return { ok: false, error: timeoutMessage(name, this.limits) };
    if (outcome.failed.startsWith('exit:'))
      return { ok: false, error: exitMessage(name, this.limits, stderr, outcome.failed.slice(5) || null) };
    return { ok: false, error: crashMessage(name) };
  }

  close(): void {
    const child = this.child;
    this.child = null;
    try {
      child?.kill();
    } catch {
      // already gone
    }
  }
}
