// The reader process in the desktop app: Electron's utility process (a Node process of its own
// that the fuses leave available, unlike ELECTRON_RUN_AS_NODE). The conversation, the limits
// and the messages are in services/reading; this file only adapts utilityProcess to them.
import { utilityProcess } from 'electron';
import { heapArgs, limitArgs } from './services/reading/limits';
import { workerEntry } from './services/reading/node-process';
import type { SpawnReader } from './services/reading';

/** How long to wait for the last of stderr after the process has gone (the watchdog's note). */
const STDERR_GRACE_MS = 500;

/** Readers as utility processes running the bundled worker next to main.cjs (dist/electron/reader-worker.cjs). */
export function utilityReader(modulePath?: string): SpawnReader {
  return (limits) => {
    const child = utilityProcess.fork(modulePath ?? workerEntry().file, limitArgs(limits), {
      serviceName: '公开年报文件读取',
      stdio: ['ignore', 'ignore', 'pipe'],
      execArgv: heapArgs(limits),
    });
    // Messages wait until the process has started.
    let started = false;
    const queue: unknown[] = [];
    child.once('spawn', () => {
      started = true;
      for (const m of queue.splice(0)) child.postMessage(m);
    });
    let stderrEnded = !child.stderr;
    child.stderr?.setEncoding('utf8');
    child.stderr?.once('end', () => (stderrEnded = true));
    return {
      get pid() {
        return child.pid;
      },
      send(request) {
        if (started) child.postMessage(request);
        else queue.push(request);
      },
      onMessage: (fn) => void child.on('message', fn),
      onStderr: (fn) => void child.stderr?.on('data', fn),
      onExit(fn) {
        child.once('exit', (code) => {
          if (stderrEnded || !child.stderr) return fn(code, null);
          const timer = setTimeout(() => fn(code, null), STDERR_GRACE_MS);
          child.stderr.once('end', () => {
            clearTimeout(timer);
            fn(code, null);
          });
        });
      },
      kill: () => void child.kill(),
    };
  };
}
