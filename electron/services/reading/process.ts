// The reader process as the app sees it, whatever starts it: a Node child process (browser
// mode, the command line, tests) or Electron's utility process (electron/reader-process.ts).
import type { ReadLimits } from './limits';
import type { ReadRequest } from './protocol';

export interface ReaderProcess {
  /** The operating system's id of the process, once known. */
  readonly pid?: number;
  send(request: ReadRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once the process has ended and its stderr has been delivered. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  onStderr(listener: (text: string) => void): void;
  /** Stops it at once, even in the middle of a synchronous loop. */
  kill(): void;
}

/** Starts one reader process with the given limits. May throw when no process can be started. */
export type SpawnReader = (limits: ReadLimits) => ReaderProcess;
