// The editor's saver names the revision each save is based on and stops, without losing what is
// typed, once the store refuses a save for good (another window saved first, or a read-only folder).
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api';
import { emptyReport, type Report } from '../../shared/report';
import { Saver, type SaveState } from '../../renderer/editor/saver';

const rep = (n: number): Report => ({ ...emptyReport('县教育局', 2024), preamble: `第${n}版` });

function setup(answer: (base: string, n: number) => Promise<{ revision: string }>) {
  const bases: string[] = [];
  const states: SaveState[] = [];
  const s = new Saver(
    (r, base) => {
      bases.push(base);
      return answer(base, bases.length);
    },
    (st) => states.push(st),
  );
  return { s, bases, states };
}

describe('Saver and revisions', () => {
  it('bases the first save on the loaded revision and each later one on what the last returned', async () => {
    const { s, bases } = setup(async (_b, n) => ({ revision: `r${n}` }));
    s.loaded(rep(0), 'r0');
    s.changed(rep(1));
    await s.flush();
    s.changed(rep(2));
    await s.flush();
    expect(bases).toEqual(['r0', 'r1']);
  });

  it('stops saving after a conflict, keeps the unsaved state and says why', async () => {
    const conflict = new UserError('此报告已在另一个窗口中修改', 'conflict');
    const { s, bases, states } = setup(async () => {
      throw conflict;
    });
    s.loaded(rep(0), 'r0');
    const typed = rep(1);
    s.changed(typed);
    await expect(s.flush()).rejects.toBe(conflict);
    expect(states[states.length - 1]).toEqual({ kind: 'conflict', message: '此报告已在另一个窗口中修改' });
    expect(s.blocked?.kind).toBe('conflict');
    expect(s.unsaved()).toEqual({ saved: rep(0), current: typed });
    s.changed(rep(2));
    await expect(s.flush()).rejects.toBe(conflict);
    expect(bases).toEqual(['r0']); // never tried again
    expect(s.takeUnsaved()).toBeNull(); // nor on closing the window
    expect(s.dirty).toBe(true);
  });

  it('tells a read-only folder apart from a failure that a retry may fix', async () => {
    let fail: Error = new UserError('磁盘已满');
    const { s, states, bases } = setup(async (_b, n) => {
      if (n <= 2) throw fail;
      return { revision: 'r' };
    });
    s.loaded(rep(0), 'r0');
    s.changed(rep(1));
    await expect(s.flush()).rejects.toThrow('磁盘已满');
    expect(states[states.length - 1].kind).toBe('failed');
    expect(s.blocked).toBeNull();
    fail = new UserError('数据文件夹不能写入，修改不会保存', 'readOnly');
    // Leaving and exporting go on: flush settles, the state says why nothing was saved.
    await expect(s.flush()).resolves.toBeUndefined();
    expect(s.blocked?.kind).toBe('readOnly');
    expect(states[states.length - 1]).toEqual({ kind: 'readOnly', message: '数据文件夹不能写入，修改不会保存' });
    s.changed(rep(3));
    await expect(s.flush()).resolves.toBeUndefined();
    expect(bases).toHaveLength(2); // not tried again
  });
});
