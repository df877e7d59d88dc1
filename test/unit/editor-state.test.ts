// The editor's state logic: highlights from findings, undo steps, and the order of autosaves.
import { describe, expect, it, vi } from 'vitest';
import { format2021 } from '../../shared/format';
import { emptyReport, setCell, type Report } from '../../shared/report';
import { applyAutoTotals, checkReport } from '../../shared/rules';
import { CellHistory } from '../../renderer/editor/history';
import { buildMarks } from '../../renderer/editor/marks';
import { Saver, type SaveState } from '../../renderer/editor/saver';

const NEW = 'applications.newReceived.natural';

describe('buildMarks', () => {
  it('paints nothing on a brand-new empty report, though the blank cells are findings', () => {
    const r = emptyReport('某某县某局', 2024);
    const findings = checkReport(r);
    expect(findings.some((f) => f.rule === 'value.blank')).toBe(true);
    expect(buildMarks(findings, format2021).size).toBe(0);
  });

  it('marks every cell of a failing sum red, and the other blanks of a started row lightly', () => {
    let r = emptyReport('某某县某局', 2024);
    // 一 filled while 三、四 are still blank: not a difference yet, a reminder.
    r = applyAutoTotals(setCell(r, NEW, 5));
    expect(buildMarks(checkReport(r), format2021).get(NEW)?.level).toBe('warning');
    r = applyAutoTotals(setCell(r, 'applications.granted.natural', 3));
    const marks = buildMarks(checkReport(r), format2021);
    expect(marks.get(NEW)?.level).toBe('error');
    expect(marks.get('applications.newReceived.total')?.level).toBe('error');
    expect(marks.get(NEW)?.messages.join()).toContain('自然人');
    expect(marks.get('applications.newReceived.business')?.level).toBe('hint');
    // A row nobody has started stays clean.
    expect(marks.get('applications.partlyGranted.business')).toBeUndefined();
  });

  it('reuses an unchanged mark object, so rows that did not change keep their props', () => {
    let r = emptyReport('某某县某局', 2024);
    r = setCell(r, NEW, 5);
    const first = buildMarks(checkReport(r), format2021);
    const second = buildMarks(checkReport(setCell(r, 'applications.granted.legal', 1)), format2021, first);
    expect(second.get('applications.newReceived.business')).toBe(first.get('applications.newReceived.business'));
  });

  it("keeps a finding's key while the numbers in its message change, so a cell keeps its description", () => {
    const r = applyAutoTotals(setCell(emptyReport('某某县某局', 2024), NEW, 5));
    const first = buildMarks(checkReport(r), format2021);
    const second = buildMarks(checkReport(applyAutoTotals(setCell(r, NEW, 6))), format2021, first);
    const [a, b] = [first.get(NEW)!, second.get(NEW)!];
    expect(b.messages).not.toEqual(a.messages);
    expect(b.keys).toEqual(a.keys);
    expect(b.keys).toHaveLength(b.messages.length);
  });
});

describe('CellHistory', () => {
  it('coalesces the keystrokes of one edit into one undo step', () => {
    const h = new CellHistory();
    h.record([{ id: NEW, before: null, after: 1 }], 'e1');
    h.record([{ id: NEW, before: 1, after: 12 }], 'e1');
    h.seal();
    expect(h.undo()).toEqual([{ id: NEW, value: null }]);
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toEqual([{ id: NEW, value: 12 }]);
  });

  it('drops a step whose edit ended where it began (typed, then Esc)', () => {
    const h = new CellHistory();
    h.record([{ id: NEW, before: 3, after: 4 }], 'e1');
    h.record([{ id: NEW, before: 4, after: 3 }], 'e1');
    expect(h.canUndo).toBe(false);
  });

  it('makes a paste of many cells one step, and a new change clears redo', () => {
    const h = new CellHistory();
    h.record([
      { id: 'a', before: null, after: 1 },
      { id: 'b', before: null, after: 2 },
    ]);
    h.record([{ id: 'c', before: null, after: 3 }]);
    expect(h.undo()).toEqual([{ id: 'c', value: null }]);
    h.record([{ id: 'd', before: null, after: 4 }]);
    expect(h.canRedo).toBe(false);
    h.undo();
    expect(h.undo()).toEqual([
      { id: 'a', value: null },
      { id: 'b', value: null },
    ]);
  });
});

describe('Saver', () => {
  const rep = (n: number): Report => ({ ...emptyReport('某局', 2024), website: String(n) });

  it('saves once, within a second, after a burst of changes, and reports 已保存', async () => {
    vi.useFakeTimers();
    try {
      const writes: Report[] = [];
      const states: SaveState['kind'][] = [];
      const s = new Saver(
        async (r) => void writes.push(r),
        (st) => states.push(st.kind),
      );
      s.loaded(rep(0));
      s.changed(rep(1));
      s.changed(rep(2));
      const last = rep(3);
      s.changed(last);
      await vi.advanceTimersByTimeAsync(1000);
      expect(writes).toEqual([last]);
      expect(states.at(-1)).toBe('saved');
      expect(s.dirty).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('saveNow (Ctrl+S) writes what is unsaved at once, on the autosave path, and the timer adds nothing', async () => {
    vi.useFakeTimers();
    try {
      const writes: Report[] = [];
      const s = new Saver(
        async (r) => void writes.push(r),
        () => {},
      );
      s.loaded(rep(0));
      const now = rep(1);
      s.changed(now);
      await s.saveNow();
      expect(writes).toEqual([now]);
      expect(s.dirty).toBe(false);
      await vi.advanceTimersByTimeAsync(2000);
      expect(writes).toEqual([now]);
      await s.saveNow(); // nothing unsaved: nothing written, still says saved
      expect(writes).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves within a second even while the clerk keeps typing', async () => {
    vi.useFakeTimers();
    try {
      const writes: Report[] = [];
      const s = new Saver(
        async (r) => void writes.push(r),
        () => {},
      );
      s.loaded(rep(0));
      for (let i = 1; i <= 10; i++) {
        s.changed(rep(i)); // a keystroke every 200 ms: never a 600 ms pause
        await vi.advanceTimersByTimeAsync(200);
      }
      // 2 s of typing: saved at least once a second, each time the newest state then.
      expect(writes.length).toBeGreaterThanOrEqual(2);
      expect(writes.map((r) => Number(r.website))).toEqual(
        [...writes.map((r) => Number(r.website))].sort((a, b) => a - b),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves changes made during a save afterwards, newest last', async () => {
    const writes: string[] = [];
    let release!: () => void;
    const s = new Saver(
      (r) => {
        writes.push(r.website);
        return writes.length === 1 ? new Promise<void>((res) => (release = res)) : Promise.resolve();
      },
      () => {},
    );
    s.loaded(rep(0));
    s.changed(rep(1));
    const first = s.flush();
    await Promise.resolve();
    s.changed(rep(2));
    release();
    await first;
    expect(writes).toEqual(['1', '2']);
    expect(s.dirty).toBe(false);
  });

  it('reports a failed save with its message and keeps the change unsaved', async () => {
    const states: SaveState[] = [];
    const s = new Saver(
      () => Promise.reject(new Error('磁盘已满')),
      (st) => states.push(st),
    );
    s.loaded(rep(0));
    s.changed(rep(1));
    await expect(s.flush()).rejects.toThrow('磁盘已满');
    expect(states.at(-1)).toEqual({ kind: 'failed', message: '磁盘已满' });
    expect(s.dirty).toBe(true);
    s.dispose();
  });
});
