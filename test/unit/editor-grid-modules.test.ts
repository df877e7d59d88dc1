// The grid's pure modules on the real layouts of the format: where the cursor goes (Excel's Tab
// runs, computed cells passed over), what each key does in each mode, the life of an edit, and
// what a paste will do before it is done.
import { describe, expect, it } from 'vitest';
import { derivedCells, format2021 } from '../../shared/format';
import type { Cell } from '../../shared/report';
import { copyText, needsConfirm, pasteReport, planPaste, type ClipCell } from '../../renderer/editor/grid/clipboard';
import {
  editing,
  heldValue,
  leave,
  modeOf,
  retyped,
  showsProblem,
  typing,
  withoutRejected,
  withRejected,
} from '../../renderer/editor/grid/editState';
import { commandFor, KEYMAP, type Mode } from '../../renderer/editor/grid/keymap';
import { layoutsOf, type InputCell } from '../../renderer/editor/grid/layout';
import {
  boundingSel,
  cellsIn,
  enterTarget,
  neighbour,
  selectAll,
  single,
  tabbed,
  type TabRun,
} from '../../renderer/editor/grid/selection';

const layouts = layoutsOf(format2021);
const matrix = layouts.applications;
const disclosure = layouts.disclosure;
const computed = derivedCells(format2021);
const skip = (c: { cellId: string }) => computed.has(c.cellId);
const at = (layout: typeof matrix, id: string): InputCell => {
  const c = layout.byId.get(id);
  if (!c) throw new Error(`no cell ${id}`);
  return c;
};
const m = (id: string) => at(matrix, `applications.${id}`);
const d = (id: string) => at(disclosure, `activeDisclosure.${id}`);

/** Presses Tab (or Shift+Tab) n times from a cell, as the grid does; returns where it lands and the run. */
function tabs(layout: typeof matrix, from: InputCell, n: number, back = false): [InputCell, TabRun] {
  let cell = from;
  let run: TabRun = null;
  for (let i = 0; i < n; i++) {
    const next = neighbour(layout.nav, cell, back ? 'prev' : 'next', { skip })!;
    run = tabbed(run, cell, next);
    cell = next;
  }
  return [cell, run];
}

describe('selection: Tab, Enter and arrows as in Excel', () => {
  it('二: 0 Tab 0 Tab 0 Enter lands under 本年制发件数 of the next row, where the Tab run started', () => {
    const [last, run] = tabs(disclosure, d('rules.issued'), 2);
    expect(last.cellId).toBe('activeDisclosure.rules.inForce');
    expect(enterTarget(disclosure.nav, last, run, false, skip)?.cellId).toBe('activeDisclosure.normativeDocs.issued');
    // Without a run, Enter goes straight down.
    expect(enterTarget(disclosure.nav, last, null, false, skip)?.cellId).toBe('activeDisclosure.normativeDocs.inForce');
  });

  it('a run starts again on the row Tab wrapped to, and Shift+Enter goes straight up', () => {
    const [cell, run] = tabs(disclosure, d('rules.issued'), 3);
    expect(cell.cellId).toBe('activeDisclosure.normativeDocs.issued');
    expect(run).toBeNull();
    const [c2, run2] = tabs(disclosure, cell, 1);
    expect(enterTarget(disclosure.nav, c2, run2, true, skip)?.cellId).toBe('activeDisclosure.rules.repealed');
  });

  it('Tab and Shift+Tab pass over the computed 总计 of each row and the computed total rows', () => {
    const [after, run] = tabs(matrix, m('newReceived.legal'), 2);
    expect(after.cellId).toBe('applications.carriedOver.natural');
    expect(run).toBeNull(); // wrapped to the next row
    const [back] = tabs(matrix, m('carriedOver.natural'), 1, true);
    expect(back.cellId).toBe('applications.newReceived.other');
    // The last typed row of 三 before the computed （七）总计 row: Tab goes on to 四.
    const lastResult = matrix.nav[m('resultTotal.natural').r - 1].at(-2)!;
    expect(neighbour(matrix.nav, lastResult, 'next', { skip })?.cellId).toBe('applications.carryForward.natural');
  });

  it('Enter passes over computed cells too, arrows do not (a total can be looked at)', () => {
    const above = matrix.nav[m('resultTotal.natural').r - 1][0];
    expect(enterTarget(matrix.nav, above, null, false, skip)?.cellId).toBe('applications.carryForward.natural');
    expect(neighbour(matrix.nav, above, 'down')?.cellId).toBe('applications.resultTotal.natural');
    expect(neighbour(matrix.nav, m('granted.natural'), 'right', { far: true })?.cellId).toBe(
      'applications.granted.total',
    );
  });

  it('Tab at the last cell leaves the table (no neighbour)', () => {
    const last = matrix.nav.at(-1)!.at(-1)!;
    expect(neighbour(matrix.nav, last, 'next', { skip })).toBeNull();
  });

  it('ranges: all, cells of a block, the box around changed cells', () => {
    const all = selectAll(matrix.nav);
    expect(cellsIn(matrix.nav, all)).toHaveLength(matrix.byId.size);
    const block = cellsIn(matrix.nav, { a: { r: 1, c: 2 }, f: { r: 0, c: 1 } });
    expect(block.map((c) => [c.r, c.c])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ]);
    expect(boundingSel(block)).toEqual({ a: { r: 0, c: 1 }, f: { r: 1, c: 2 } });
    expect(boundingSel([])).toBeNull();
  });
});

describe('keymap', () => {
  const press = (key: string, mods: { shift?: boolean; mod?: boolean; alt?: boolean } = {}) => ({
    key,
    shift: !!mods.shift,
    mod: !!mods.mod,
    alt: !!mods.alt,
  });

  it('binds each key, modifiers and mode to one command at most', () => {
    const seen = new Set<string>();
    for (const b of KEYMAP)
      for (const mode of b.modes) {
        const k = `${b.key}|${!!b.shift}|${!!b.mod}|${mode}`;
        expect(seen.has(k), k).toBe(false);
        seen.add(k);
      }
  });

  it('moves in navigation and enter mode; in edit mode Left/Right are the caret', () => {
    expect(commandFor(press('ArrowLeft'), 'nav')).toBe('left');
    expect(commandFor(press('ArrowLeft'), 'enter')).toBe('left');
    expect(commandFor(press('ArrowLeft'), 'edit')).toBeNull();
    expect(commandFor(press('ArrowDown'), 'edit')).toBe('down');
  });

  it('extends with Shift only in navigation mode (while typing Shift+arrow selects text)', () => {
    expect(commandFor(press('ArrowRight', { shift: true }), 'nav')).toBe('extendRight');
    expect(commandFor(press('ArrowRight', { shift: true }), 'enter')).toBeNull();
    expect(commandFor(press('End', { shift: true }), 'nav')).toBe('extendRowEnd');
  });

  it('Tab, Enter, F2, Delete, Esc, undo and redo', () => {
    const modes: Mode[] = ['nav', 'enter', 'edit'];
    for (const mode of modes) {
      expect(commandFor(press('Tab'), mode)).toBe('next');
      expect(commandFor(press('Tab', { shift: true }), mode)).toBe('prev');
      expect(commandFor(press('Enter'), mode)).toBe('enterDown');
      expect(commandFor(press('Z', { mod: true }), mode)).toBe('undo');
      expect(commandFor(press('z', { mod: true, shift: true }), mode)).toBe('redo');
      expect(commandFor(press('y', { mod: true }), mode)).toBe('redo');
    }
    expect(commandFor(press('F2'), 'nav')).toBe('edit');
    expect(commandFor(press('Delete'), 'nav')).toBe('clear');
    expect(commandFor(press('Delete'), 'edit')).toBeNull(); // deletes a character
    expect(commandFor(press('Escape'), 'nav')).toBe('collapse');
    expect(commandFor(press('Escape'), 'enter')).toBe('cancel');
    expect(commandFor(press('a', { mod: true }), 'nav')).toBe('selectAll');
    expect(commandFor(press('a', { mod: true }), 'edit')).toBeNull();
  });

  it('leaves typing, Ctrl+C / Ctrl+V and Alt combinations to the input and the browser', () => {
    expect(commandFor(press('5'), 'nav')).toBeNull();
    expect(commandFor(press('c', { mod: true }), 'nav')).toBeNull();
    expect(commandFor(press('v', { mod: true }), 'nav')).toBeNull();
    expect(commandFor(press('ArrowDown', { alt: true }), 'nav')).toBeNull();
  });
});

describe('editState', () => {
  const id = 'applications.granted.natural';

  it('takes a valid entry as it is typed and keeps the old value while the entry is not valid', () => {
    let ed = typing(id, 'count', '1', 3, 'k');
    expect(ed.mode).toBe('enter');
    expect(heldValue(ed)).toBe(1);
    ed = retyped(ed, 'count', '1x');
    expect(heldValue(ed)).toBe(3);
    expect(showsProblem(ed)).toBe(true);
    expect(modeOf(ed, id)).toBe('enter');
    expect(modeOf(ed, 'applications.granted.legal')).toBe('nav');
    expect(modeOf(editing(id, 'count', '3', 3, 'k'), id)).toBe('edit');
  });

  it('a lone minus sign is the start of an entry: no message yet', () => {
    const ed = typing('x', 'change', '-', null, 'k');
    expect(showsProblem(ed)).toBe(false);
    expect(heldValue(ed)).toBeNull();
  });

  it('refuses to leave an entry that is not valid by a key, and keeps it shown at its cell when clicked away', () => {
    const ed = typing(id, 'count', '-2', null, 'k');
    const byKey = leave(ed, 'key', '予以公开，自然人');
    expect(byKey).toEqual({ stay: true, message: expect.stringContaining('只能填写不小于0的整数') });
    const byBlur = leave(ed, 'blur', '予以公开，自然人');
    expect(byBlur).toEqual({ stay: false, rejected: { text: '-2', message: expect.stringContaining('“-2”未被采用') } });
    expect(leave(retyped(ed, 'count', '2'), 'key', 'x')).toEqual({ stay: false });
  });

  it('keeps rejected entries per cell until the cell is written', () => {
    const empty = new Map();
    const one = withRejected(empty, id, { text: '-2', message: 'm' });
    expect(one.get(id)?.text).toBe('-2');
    expect(withoutRejected(one, ['other'])).toBe(one);
    expect(withoutRejected(one, [id]).size).toBe(0);
  });
});

describe('clipboard planning', () => {
  // A 3 × 3 table whose last column is a computed total.
  const nav: ClipCell[][] = [0, 1, 2].map((r) =>
    [0, 1, 2].map((c) => ({ cellId: `t.r${r}.c${c}`, r, c, x0: c, x1: c + 1, kind: 'count', ariaLabel: `r${r}c${c}` })),
  );
  const values = new Map<string, Cell>();
  const grid = {
    valueOf: (c: ClipCell) => values.get(c.cellId) ?? null,
    isReadOnly: (c: ClipCell) => c.c === 2,
  };

  it('says how many cells a paste fills, skipping computed totals and keeping invalid entries out', () => {
    values.clear();
    const plan = planPaste('1\t2\t9\r\n3\tx\t9\r\n', single({ r: 0, c: 0 }), nav, grid)!;
    expect(plan.filled).toBe(3);
    expect(plan.changes).toEqual([
      { id: 't.r0.c0', value: 1 },
      { id: 't.r0.c1', value: 2 },
      { id: 't.r1.c0', value: 3 },
    ]);
    expect(plan.skippedTotals).toBe(2);
    expect(plan.invalid).toEqual([{ cellId: 't.r1.c1', text: 'x', message: expect.stringContaining('“x”未被采用') }]);
    expect(plan.target).toEqual({ a: { r: 0, c: 0 }, f: { r: 1, c: 2 } });
    const { text, level } = pasteReport(plan, true);
    expect(text).toContain('填入3个单元格');
    expect(text).toContain('1个数值无效');
    expect(text).toContain('粘贴到合计的数值已略过');
    expect(level).toBe('warning');
  });

  it('counts the filled cells it would overwrite and asks before overwriting more than a few', () => {
    values.clear();
    for (const row of nav) for (const c of row.slice(0, 2)) values.set(c.cellId, 5);
    const same = planPaste('5\t5\r\n5\t5\r\n5\t5', single({ r: 0, c: 0 }), nav, grid)!;
    expect(same.overwrites).toBe(0);
    expect(same.filled).toBe(6);
    expect(needsConfirm(same)).toBe(false);
    expect(pasteReport(same, true).text).toContain('没有变化');
    const few = planPaste('1\t1\r\n1', single({ r: 0, c: 0 }), nav, grid)!;
    expect(few.overwrites).toBe(3);
    expect(needsConfirm(few)).toBe(false);
    const many = planPaste('1\t1\r\n1\t1\r\n1\t1', single({ r: 0, c: 0 }), nav, grid)!;
    expect(many.overwrites).toBe(6);
    expect(needsConfirm(many)).toBe(true);
    expect(pasteReport(many, true).text).toContain('覆盖原有数值6个');
  });

  it('fills a selection with a single value and counts what falls off the table', () => {
    values.clear();
    const fill = planPaste('7', { a: { r: 0, c: 0 }, f: { r: 2, c: 1 } }, nav, grid)!;
    expect(fill.filled).toBe(6);
    const off = planPaste('1\t2\t3\t4', single({ r: 2, c: 1 }), nav, grid)!;
    expect(off.outside).toBe(2);
    expect(planPaste('', single({ r: 0, c: 0 }), nav, grid)).toBeNull();
  });

  it('copies a selection as Excel puts a block on the clipboard', () => {
    values.clear();
    values.set('t.r0.c0', 1);
    values.set('t.r1.c1', 2);
    expect(copyText(nav, { a: { r: 0, c: 0 }, f: { r: 1, c: 1 } }, grid.valueOf)).toBe('1\t\r\n\t2');
  });
});
