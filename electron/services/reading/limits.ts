// How long and how much memory reading one file may take. The reader process is stopped at
// either limit; the rest of the app keeps answering meanwhile.
export interface ReadLimits {
  /** Wall-clock time from the reader's start to its answer. */
  timeoutMs: number;
  /** Resident memory of the reader process (and the V8 heap limit inside it). */
  memoryMb: number;
}

export const READ_LIMITS: ReadLimits = { timeoutMs: 30_000, memoryMb: 1024 };

/** The limits as the reader process gets them on its command line. */
export function limitArgs(limits: ReadLimits): string[] {
  return [`--timeout-ms=${limits.timeoutMs}`, `--memory-mb=${limits.memoryMb}`];
}

/** The inverse of limitArgs; anything missing or odd falls back to the defaults. */
export function limitsFromArgs(argv: string[]): ReadLimits {
  const value = (key: string, fallback: number) => {
    const arg = argv.find((a) => a.startsWith(`--${key}=`));
    const n = arg ? Number(arg.slice(key.length + 3)) : NaN;
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { timeoutMs: value('timeout-ms', READ_LIMITS.timeoutMs), memoryMb: value('memory-mb', READ_LIMITS.memoryMb) };
}

/** V8's heap limit for the reader: a little under the resident limit, so that the watchdog is the last word. */
export function heapArgs(limits: ReadLimits): string[] {
  return [`--max-old-space-size=${Math.max(64, Math.floor(limits.memoryMb * 0.9))}`];
}
