// A reader process that misbehaves on purpose, through the real serveReads (its channel and its
// watchdog): the file's name says how. The limits must stop each of them.
import { limitsFromArgs } from '../../../electron/services/reading/limits';
import { sourceName } from '../../../electron/services/reading/protocol';
import { serveReads } from '../../../electron/services/reading/serve';

const keep: unknown[] = [];

serveReads(async ({ source }) => {
  const how = sourceName(source);
  if (how === 'loop') for (;;);
  if (how === 'buffers')
    // Memory outside the JavaScript heap (as inflated data is), touched so that it is resident.
    for (;;) keep.push(Buffer.alloc(16 * 1024 * 1024, 1));
  if (how === 'objects') for (let i = 0; ; i++) keep.push({ i, s: `row ${i}` });
  if (how === 'exit') process.exit(3);
  return { ok: true, result: { report: null as never, problems: [how], kind: 'test' } };
}, limitsFromArgs(process.argv));
