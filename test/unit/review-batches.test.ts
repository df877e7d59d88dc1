// 审核 reads a folder in batches (one readFiles call each): by count and by size, in order, and a
// file too big for a batch alone.
import { describe, expect, it } from 'vitest';
import { MAX_BATCH_BYTES } from '../../shared/api';
import { batches, tooBigForBatch } from '../../renderer/review/batches';

const f = (name: string, size: number) => ({ name, size });

describe('batches', () => {
  it('cuts the folder into batches of at most so many files, in the folder’s order', () => {
    const files = Array.from({ length: 23 }, (_, i) => f(`${i}.docx`, 1000));
    const b = batches(files, 10);
    expect(b.map((x) => x.length)).toEqual([10, 10, 3]);
    expect(b.flat()).toEqual(files);
    expect(batches([])).toEqual([]);
  });

  it('keeps each batch within the size the API takes, and sends a file past it alone', () => {
    const mb = 1024 * 1024;
    const big = f('big.pdf', MAX_BATCH_BYTES + mb);
    const b = batches([f('a.pdf', 25 * mb), f('b.pdf', 25 * mb), f('c.pdf', 25 * mb), big, f('d.txt', 10)], 10);
    expect(b.map((x) => x.map((y) => y.name))).toEqual([['a.pdf', 'b.pdf'], ['c.pdf'], ['big.pdf'], ['d.txt']]);
    expect(b.map(tooBigForBatch)).toEqual([false, false, true, false]);
  });
});
