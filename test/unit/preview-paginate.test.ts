// The preview's page breaks: what a word processor does with the export's settings.
import { describe, expect, it } from 'vitest';
import { paginate, type FlowItem, type ParaItem, type TableItem } from '../../renderer/preview/paginate';

const L = 10; // line height
const para = (lines: number, extra: Partial<ParaItem> = {}): ParaItem => ({
  kind: 'para',
  before: 0,
  after: 0,
  lineHeight: L,
  lines,
  keepNext: false,
  splittable: true,
  ...extra,
});
const table = (header: number, rows: number, before = 0): TableItem => ({
  kind: 'table',
  before,
  header: Array(header).fill(L),
  rows: Array(rows).fill(L),
});
const shape = (parts: FlowItem[][], height: number) =>
  paginate(parts, height).map((p) => p.fragments.map((f) => `${f.item}:${f.from}-${f.to}`).join(' '));

describe('paginate', () => {
  it('puts what fits on one page, and starts each part on a new page', () => {
    expect(shape([[para(3), para(4)], [para(2)]], 100)).toEqual(['0:0-3 1:0-4', '0:0-2']);
  });

  it('breaks a long paragraph between lines, keeping two lines on each side', () => {
    // 8 lines used, 2 left: a 5-line paragraph gives 2 here and 3 on the next page.
    expect(shape([[para(8), para(5)]], 100)).toEqual(['0:0-8 1:0-2', '1:2-5']);
    // 9 used, 1 left: not enough for two lines, the paragraph moves.
    expect(shape([[para(9), para(5)]], 100)).toEqual(['0:0-9', '1:0-5']);
    // 3 left for a 4-line paragraph: 2 and 2, never 3 and a widow.
    expect(shape([[para(7), para(4)]], 100)).toEqual(['0:0-7 1:0-2', '1:2-4']);
  });

  it('keeps a heading with the first lines of what follows', () => {
    const heading = para(1, { keepNext: true, splittable: false });
    expect(shape([[para(8), heading, para(4)]], 100)).toEqual(['0:0-8', '1:0-1 2:0-4']);
  });

  it('keeps a whole chain of keep-with-next paragraphs together (no page with the seal alone)', () => {
    const keep = (lines: number) => para(lines, { keepNext: true, splittable: false });
    // The letter's last line, 署名 and 日期: 7 + 1 + 1 + 1 lines on a 9-line page.
    expect(shape([[para(7), keep(1), keep(1), para(1, { splittable: false })]], 90)).toEqual([
      '0:0-7',
      '1:0-1 2:0-1 3:0-1',
    ]);
  });

  it('never splits a table row and repeats the header rows', () => {
    const pages = paginate([[para(5), table(2, 10)]], 100);
    expect(pages.map((p) => p.fragments.map((f) => [f.item, f.from, f.to]))).toEqual([
      [
        [0, 0, 5],
        [1, 0, 3],
      ],
      [[1, 3, 10]],
    ]);
  });

  it('moves a table whose header and first row do not fit', () => {
    expect(shape([[para(8), table(2, 3)]], 100)).toEqual(['0:0-8', '1:0-3']);
  });

  it('drops the space above a paragraph at the top of a continued page, keeps it at the top of a part', () => {
    const pages = paginate([[para(10), para(2, { before: 5 })], [para(1, { before: 35 })]], 100);
    expect(pages.map((p) => p.fragments.map((f) => f.withBefore))).toEqual([[true], [false], [true]]);
  });
});
