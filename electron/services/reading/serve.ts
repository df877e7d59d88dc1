// The reader process's side of the conversation: over Electron's parentPort in a utility
// process, over Node's IPC channel in a child process. It says it is ready, reads the file it is
// sent, answers, and waits: for the next file (a folder read in turn) or to be stopped.
import type { ReadLimits } from './limits';
import { isReadRequest, type ReadReply, type ReaderMessage, type ReadRequest } from './protocol';
import { startWatchdog } from './watchdog';

export interface Channel {
  send(message: ReaderMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
}

/** The channel to the app, whichever kind of process this is; null when started by hand. */
export function parentChannel(proc: NodeJS.Process = process): Channel | null {
  const port = (proc as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (port) {
    return { send: (m) => port.postMessage(m), onMessage: (fn) => void port.on('message', (e) => fn(e.data)) };
  }
  const send = proc.send?.bind(proc);
  if (send) return { send: (m) => void send(m), onMessage: (fn) => void proc.on('message', fn) };
  return null;
}

export function serveReads(
  handle: (request: ReadRequest) => Promise<ReadReply>,
  limits: ReadLimits,
  channel: Channel | null = parentChannel(),
): void {
  if (!channel) {
    process.stderr.write('公开年报的文件读取进程只能由公开年报启动。\n');
    process.exitCode = 2;
    return;
  }
  const watchdog = startWatchdog(limits);
  let busy = false;
  channel.onMessage((message) => {
    if (busy || !isReadRequest(message)) return;
    busy = true;
    watchdog.postMessage('start');
    void handle(message).then((reply) => {
      busy = false;
      channel.send({ type: 'reply', reply });
    });
  });
  // The app is gone (its end of the IPC channel closed): nobody waits for the answer.
  process.on('disconnect', () => process.exit(0));
  channel.send({ type: 'ready' });
}
