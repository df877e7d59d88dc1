export { readInIsolation, readInProcess, type IsolationOptions } from './isolate';
export { READ_LIMITS, type ReadLimits } from './limits';
export { nodeReader, workerEntry, type WorkerEntry } from './node-process';
export type { ReaderProcess, SpawnReader } from './process';
export type { ReadReply, ReadRequest, ReadSource } from './protocol';
