// The files of a folder in batches for readFiles: a batch is read in one reader process (its start
// paid once), and the page shows progress and can stop between batches. A file too big for a
// batch goes alone (read with readFile).
import { MAX_BATCH_BYTES } from '../../shared/api';

/** Files per batch: small enough for progress a reviewer can follow, large enough to save process starts. */
export const BATCH_FILES = 10;

/** Base64 size of a file, as the batch limit counts it. */
const sent = (size: number) => Math.ceil(size / 3) * 4;

export function batches<T extends { size: number }>(
  files: readonly T[],
  maxFiles = BATCH_FILES,
  maxBytes = MAX_BATCH_BYTES,
): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  const limit = Math.floor((maxBytes * 4) / 3);
  for (const f of files) {
    if (batch.length && (batch.length >= maxFiles || bytes + sent(f.size) > limit)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(f);
    bytes += sent(f.size);
  }
  if (batch.length) out.push(batch);
  return out;
}

/** True for a batch that readFiles cannot take (one file past the batch limit): read it alone. */
export function tooBigForBatch(batch: readonly { size: number }[]): boolean {
  return batch.length === 1 && sent(batch[0].size) > Math.floor((MAX_BATCH_BYTES * 4) / 3);
}
