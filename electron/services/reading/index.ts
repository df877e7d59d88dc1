// Reading a file in a process of its own, with time and memory limits: readInIsolation is the
// one entry point for the API (readFile) and the command line (import, check, export).
export {
  readInIsolation,
  readInProcess,
  readLedgerInIsolation,
  readManyInIsolation,
  type BatchRead,
  type IsolationOptions,
} from './isolate';
export { READ_LIMITS, type ReadLimits } from './limits';
export { nodeReader, workerEntry, type WorkerEntry } from './node-process';
export type { ReaderProcess, SpawnReader } from './process';
export type { ReadReply, ReadRequest, ReadSource } from './protocol';
