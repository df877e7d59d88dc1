// Entry of the reader process (bundled as dist/reader-worker.mjs for browser mode and the
// command line, dist/electron/reader-worker.cjs for Electron's utility process).
import { limitsFromArgs } from './limits';
import { runRead } from './run';
import { serveReads } from './serve';

serveReads(runRead, limitsFromArgs(process.argv));
