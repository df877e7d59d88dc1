// The editor's grid logic: what a clerk may type, clipboard blocks from Excel/WPS, and the
// table layouts derived from the format (headers, merged labels, navigation).
import { describe, expect, it } from 'vitest';
import { allCells, format2019, format2021 } from '../../shared/format';
import { headerRows, layoutsOf, rowLabelCells } from '../../renderer/editor/grid/layout';
import { parseTsv, toTsv } from '../../renderer/editor/grid/tsv';
import { formatCell, parseCellText } from '../../renderer/editor/grid/values';

describe('parseCellText', () => {
  it('takes whole numbers ≥ 0 in count cells, also full-width digits and thousands separators', () => {
    expect(parseCellText('12', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseCellText('１２', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseCellText(' 1,234 ', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseCellText('', 'count')).toEqual({ ok: true, value: null });
  });

  it('refuses negatives, decimals and text in count cells with a Chinese reason', () => {
    for (const t of ['-1', '1.5', 'abc', '1e3', '五']) {
      const r = parseCellText(t, 'count');
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.message).toContain('不小于0的整数');
    }
  });

  it('takes decimals in amount cells but not negatives', () => {
    expect(parseCellText('3.25', 'amount')).toEqual({ ok: true, value: 3.25 });
    expect(parseCellText('.5', 'amount')).toEqual({ ok: true, value: 0.5 });
    expect(parseCellText('-3', 'amount').ok).toBe(false);
  });

  it('takes a sign in change cells (2019 本年增/减); a lone minus is only the start of one', () => {
    expect(parseCellText('-3', 'change')).toEqual({ ok: true, value: -3 });
    expect(parseCellText('－3', 'change')).toEqual({ ok: true, value: -3 });
    expect(parseCellText('-', 'change')).toMatchObject({ ok: false, partial: true });
    expect(parseCellText('1.5', 'change')).toMatchObject({ ok: false, partial: false });
  });

  it('refuses a number beyond a trillion, saying it is too large (not that it is not a number)', () => {
    const r = parseCellText('12345678901234', 'count');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('数值过大');
    // Large but possible figures are taken (and warned about by the rules, not refused).
    expect(parseCellText('1234567890', 'count')).toEqual({ ok: true, value: 1234567890 });
  });

  it('shows blank as blank and numbers without float noise', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(0)).toBe('0');
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
  });
});

describe('parseTsv / toTsv', () => {
  it('reads an Excel block: \\r\\n rows, one trailing line break, blank cells', () => {
    expect(parseTsv('1\t2\r\n3\t\r\n\t6\r\n')).toEqual([
      ['1', '2'],
      ['3', ''],
      ['', '6'],
    ]);
  });

  it('reads \\n-only and \\r-only line breaks and a block without a trailing break', () => {
    expect(parseTsv('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('1\r2\r')).toEqual([['1'], ['2']]);
  });

  it('keeps a blank last row that Excel writes for a column ending in a blank cell', () => {
    expect(parseTsv('1\r\n\r\n')).toEqual([['1'], ['']]);
  });

  it('reads quoted cells holding tabs, line breaks and quotes', () => {
    expect(parseTsv('"a\tb"\t"say ""hi"""\r\n"x\ny"\t2\r\n')).toEqual([
      ['a\tb', 'say "hi"'],
      ['x\ny', '2'],
    ]);
  });

  it('round-trips through toTsv', () => {
    const rows = [
      ['1', '', '3'],
      ['', 'a\tb', ''],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
    expect(
      toTsv([
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toBe('1\t2\r\n3\t4');
  });
});

describe('grid layouts from the format', () => {
  it('gives every cell of the format exactly one input, with the same ids as the rules', () => {
    for (const format of [format2021, format2019]) {
      const l = layoutsOf(format);
      const ids = [...l.disclosure.byId.keys(), ...l.applications.byId.keys(), ...l.review.byId.keys()];
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(
        allCells(format)
          .map((c) => c.id)
          .sort(),
      );
    }
  });

  it('builds the matrix headers as the format prints them: 申请人情况 over 7 columns, 法人或其他组织 over 5', () => {
    const head = layoutsOf(format2021).applications.head;
    const m = format2021.applications;
    expect(head).toHaveLength(3);
    expect(head[0][0]).toMatchObject({ kind: 'corner', text: m.note, rowSpan: 3, colSpan: 3 });
    expect(head[0][1]).toMatchObject({ text: m.header, colSpan: 7, rowSpan: 1 });
    const group = m.columns.find((c) => c.group)!.group!;
    expect(head[1].map((h) => [h.text, h.colSpan, h.rowSpan])).toEqual([
      [m.columns[0].label, 1, 2],
      [group, 5, 1],
      [m.columns[6].label, 1, 2],
    ]);
    expect(head[2].map((h) => h.text)).toEqual(m.columns.filter((c) => c.group).map((c) => c.label));
  });

  it('stretches a group whose children are all columns (行政复议) down to them', () => {
    const head = layoutsOf(format2021).review.head;
    const rv = format2021.review;
    expect(head[0].map((h) => [h.text, h.colSpan, h.rowSpan])).toEqual([
      [rv.groups[0].path[0], 5, 2],
      [rv.groups[1].path[0], 10, 1],
    ]);
    expect(head[1].map((h) => h.text)).toEqual([rv.groups[1].path[1], rv.groups[2].path[1]]);
    expect(head[2]).toHaveLength(15);
  });

  it('merges row labels over consecutive rows sharing a group (rowSpan)', () => {
    const rows = format2021.applications.rows;
    const labels = rowLabelCells(
      rows.map((r) => r.path),
      3,
    );
    const resultsAt = rows.findIndex((r) => r.path.length > 1);
    const results = labels[resultsAt][0];
    expect(results.text).toBe(rows[resultsAt].path[0]);
    expect(results.rowSpan).toBe(rows.filter((r) => r.path[0] === rows[resultsAt].path[0]).length);
    const refusedAt = rows.findIndex((r) => r.path.length === 3);
    expect(labels[refusedAt][0]).toMatchObject({ text: rows[refusedAt].path[1], rowSpan: 8 });
    expect(labels[refusedAt + 1].map((c) => c.text)).toEqual([rows[refusedAt + 1].path[2]]);
    // A row with a one-item path spans all label columns.
    expect(labels[0]).toEqual([expect.objectContaining({ colSpan: 3, rowSpan: 1 })]);
  });

  it('lays section 二 out on a common column grid, so blocks of 1, 2 and 3 columns line up', () => {
    const l2019 = layoutsOf(format2019).disclosure;
    expect(l2019.cols.filter((c) => c.kind === 'value')).toHaveLength(6);
    const widths = l2019.nav.map((r) => r.map((c) => c.colSpan));
    expect(widths).toContainEqual([2, 2, 2]);
    expect(widths).toContainEqual([3, 3]);
  });

  it('names each input by its row and column in Chinese', () => {
    const c = layoutsOf(format2021).applications.byId.get('applications.refused.stateSecret.business')!;
    const row = format2021.applications.rows.find((r) => r.id === 'refused.stateSecret')!;
    expect(c.ariaLabel).toContain(row.path[2]);
    expect(c.ariaLabel).toContain('商业企业');
  });

  it('headerRows handles a flat list of columns', () => {
    expect(headerRows([{ path: ['a'] }, { path: ['b'] }])).toEqual([
      [expect.objectContaining({ text: 'a', rowSpan: 1 }), expect.objectContaining({ text: 'b', rowSpan: 1 })],
    ]);
  });
});
