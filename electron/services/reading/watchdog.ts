// The reader process's own watchdog: a thread that keeps running while the reading thread is
// stuck in a loop, and stops the whole process when it holds more memory than allowed (or
// outlives its time, should the app that started it be gone). It writes why to stderr first.
import { Worker } from 'node:worker_threads';
import type { ReadLimits } from './limits';
import { WATCHDOG_MARK } from './protocol';

/** Plain JavaScript, run as the thread's script (no loader, no bundle needed). */
const SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { writeSync } = require('node:fs');
let started = Date.now();
// Each file the reader is given starts its time again (a reader may read a folder's files in turn).
parentPort.on('message', () => { started = Date.now(); });
setInterval(() => {
  const over = process.memoryUsage.rss() > workerData.memoryBytes;
  const late = Date.now() - started > workerData.deadlineMs;
  if (!over && !late) return;
  try { writeSync(2, (over ? workerData.memoryMark : workerData.timeMark) + '\\n'); } catch {}
  process.kill(process.pid, 'SIGKILL');
}, 50);
`;

/** Some slack past the app's own timeout: normally the app stops the reader first and says why. */
const DEADLINE_SLACK_MS = 5_000;

export function startWatchdog(limits: ReadLimits): Worker {
  const thread = new Worker(SOURCE, {
    eval: true,
    workerData: {
      memoryBytes: limits.memoryMb * 1024 * 1024,
      deadlineMs: limits.timeoutMs + DEADLINE_SLACK_MS,
      memoryMark: WATCHDOG_MARK.memory,
      timeMark: WATCHDOG_MARK.time,
    },
  });
  thread.unref(); // never keeps the process alive by itself
  return thread;
}
