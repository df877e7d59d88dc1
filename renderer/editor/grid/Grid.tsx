// A spreadsheet-like grid over one table of the report: dispatch only. What a key does is the
// keymap's (keymap.ts), where the cursor goes the selection's (selection.ts), the life of an edit
// editState.ts's, what a paste does clipboard.ts's; rows.tsx draws the memoised rows, so a
// keystroke re-renders only the rows whose values or marks changed. The tooltip renders only for
// the hovered or focused cell, above it: never over the next row. Messages go to the page's
// message line (notify), never over the table.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
} from 'react';
import { tableOf, type Cell, type Report } from '../../../shared/report';
import type { CellChange } from '../history';
import type { Marks } from '../marks';
import { copyText, needsConfirm, pasteReport, planPaste, type PastePlan } from './clipboard';
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
  type Edit,
  type RejectedMap,
} from './editState';
import { commandFor, type Command } from './keymap';
import type { GridLayout, InputCell } from './layout';
import { CellTip, DataRow, Descriptions, GridHead, rejectedDescId, sameArray, StaticRow } from './rows';
import {
  boundingSel,
  cellsIn,
  enterTarget,
  isSingle,
  neighbour,
  rectOf,
  selectAll,
  single,
  tabbed,
  type Dir,
  type Pos,
  type Sel,
  type TabRun,
} from './selection';
import { formatCell } from './values';

export type NotifyLevel = 'error' | 'warning' | 'info' | 'success';

export interface GridProps {
  layout: GridLayout;
  report: Report;
  marks: Marks;
  /** Cells shown read-only (totals computed automatically). */
  readOnly: ReadonlySet<string>;
  caption: string;
  onCells(changes: CellChange[], key?: string): void;
  /** Ends the coalescing of an edit's keystrokes into one undo step. */
  onSeal(): void;
  onUndo(): CellChange[] | null;
  onRedo(): CellChange[] | null;
  notify(message: string, level?: NotifyLevel): void;
  /** Focus this cell (from the findings list); n changes on every request. */
  focusRequest?: { cellId: string; n: number } | null;
}

const READ_ONLY_MESSAGE =
  '合计由各项自动相加得出，不能直接修改；如需手工填写合计，请打开表格上方的“手动填写合计”开关。';

// ---- grid -----------------------------------------------------------------------------------

interface RowView {
  /** What the view was built from: layout, read-only set, then per input its report row and mark. */
  sources: unknown[];
  values: Cell[];
  describedBy: string[];
  levels: string;
  ro: string;
}

let editSeq = 0;
const nextKey = () => `e${++editSeq}`;

const MOVES: Partial<Record<Command, { dir: Dir; far?: boolean }>> = {
  up: { dir: 'up' },
  down: { dir: 'down' },
  left: { dir: 'left' },
  right: { dir: 'right' },
  farUp: { dir: 'up', far: true },
  farDown: { dir: 'down', far: true },
  farLeft: { dir: 'left', far: true },
  farRight: { dir: 'right', far: true },
  rowStart: { dir: 'left', far: true },
  rowEnd: { dir: 'right', far: true },
};

const EXTENDS: Partial<Record<Command, { dir: Dir; far?: boolean }>> = {
  extendUp: { dir: 'up' },
  extendDown: { dir: 'down' },
  extendLeft: { dir: 'left' },
  extendRight: { dir: 'right' },
  extendFarUp: { dir: 'up', far: true },
  extendFarDown: { dir: 'down', far: true },
  extendFarLeft: { dir: 'left', far: true },
  extendFarRight: { dir: 'right', far: true },
  extendRowStart: { dir: 'left', far: true },
  extendRowEnd: { dir: 'right', far: true },
};

/** Confirms a paste that would overwrite more than a few filled cells. */
function ConfirmPaste(props: { plan: PastePlan; onCancel(): void; onConfirm(): void }) {
  const { plan } = props;
  return (
    <Dialog open onClose={props.onCancel}>
      <DialogTitle>覆盖已填写的单元格？</DialogTitle>
      <DialogContent>
        <DialogContentText>
          这次粘贴将覆盖{plan.overwrites}个已填写的单元格，原有数值将被替换（之后可按 Ctrl+Z 撤销）。
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>取消粘贴</Button>
        <Button variant="contained" onClick={props.onConfirm} autoFocus>
          覆盖并粘贴
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function Grid(props: GridProps) {
  const { layout, report, marks, readOnly, caption, focusRequest } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [edit, setEditState] = useState<Edit | null>(null);
  const [sel, setSelState] = useState<Sel | null>(null);
  const [rejected, setRejectedState] = useState<RejectedMap>(() => new Map());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [pending, setPending] = useState<PastePlan | null>(null);
  const editRef = useRef<Edit | null>(null);
  const selRef = useRef<Sel | null>(null);
  const rejectedRef = useRef<RejectedMap>(rejected);
  const tabRun = useRef<TabRun>(null);
  const caretToEnd = useRef<string | null>(null);
  const dragging = useRef(false);
  // Handlers read the latest props through this ref, so they can stay stable for memoised rows.
  const live = useRef(props);
  live.current = props;
  // Stable ids of the hidden finding descriptions, by findingKey, and the rows' last props.
  const idBase = useId();
  const descIds = useRef(new Map<string, string>());
  const rowCache = useRef<RowView[]>([]);

  const setEdit = (e: Edit | null) => {
    editRef.current = e;
    setEditState(e);
  };
  const setSel = (s: Sel | null) => {
    selRef.current = s;
    setSelState(s);
  };
  const setRejected = (m: RejectedMap) => {
    if (m === rejectedRef.current) return;
    rejectedRef.current = m;
    setRejectedState(m);
  };

  const rowInputs = useMemo(
    () => layout.body.map((row) => row.cells.filter((c): c is InputCell => c.type === 'input')),
    [layout],
  );

  const valueOf = (cell: InputCell, r: Report = live.current.report): Cell =>
    tableOf(r, cell.table)?.[cell.rowId]?.[cell.colId] ?? null;
  const isReadOnly = (cell: { cellId: string }) => live.current.readOnly.has(cell.cellId);
  const say = (message: string, level: NotifyLevel = 'info') => live.current.notify(message, level);

  /** Writes cells; entries rejected earlier at those cells are dropped (they are pasted over, cleared …). */
  const writeCells = (changes: CellChange[], key?: string) => {
    setRejected(
      withoutRejected(
        rejectedRef.current,
        changes.map((c) => c.id),
      ),
    );
    if (changes.length) live.current.onCells(changes, key);
  };

  const inputEl = useCallback(
    (id: string) => tableRef.current?.querySelector<HTMLInputElement>(`input[data-cell="${id}"]`) ?? null,
    [],
  );

  const cellAt = (p: Pos): InputCell | undefined => layout.nav[p.r]?.[p.c];

  const focusCell = (id: string, block: ScrollLogicalPosition = 'nearest') => {
    const el = inputEl(id);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block, inline: 'nearest' });
  };

  const selectSingle = (cell: InputCell) => {
    const s = selRef.current;
    if (!s || !isSingle(s) || s.a.r !== cell.r || s.a.c !== cell.c) setSel(single(cell));
  };

  // ---- editing ----

  /** Ends the current edit. Left by a click elsewhere, an entry that is not valid stays shown at its cell. */
  const finish = (by: 'key' | 'blur') => {
    const ed = editRef.current;
    if (!ed) return;
    const cell = layout.byId.get(ed.cellId);
    setEdit(null);
    live.current.onSeal();
    const outcome = cell ? leave(ed, by, cell.ariaLabel) : { stay: false as const };
    if ('rejected' in outcome) setRejected(withRejected(rejectedRef.current, ed.cellId, outcome.rejected));
  };

  /** Esc: puts back the value the cell had before the edit. */
  const cancel = () => {
    const ed = editRef.current;
    if (!ed) return;
    const cell = layout.byId.get(ed.cellId);
    if (cell && valueOf(cell) !== ed.original) writeCells([{ id: ed.cellId, value: ed.original }], ed.key);
    setEdit(null);
    live.current.onSeal();
  };

  const startEdit = (cell: InputCell) => {
    if (isReadOnly(cell)) {
      say(READ_ONLY_MESSAGE);
      return;
    }
    const v = valueOf(cell);
    const text = rejectedRef.current.get(cell.cellId)?.text ?? formatCell(v);
    caretToEnd.current = cell.cellId;
    setRejected(withoutRejected(rejectedRef.current, [cell.cellId]));
    setEdit(editing(cell.cellId, cell.kind, text, v, nextKey()));
  };

  const onTyped = (e: ChangeEvent<HTMLInputElement>) => {
    const id = e.target.dataset.cell;
    const cell = id ? layout.byId.get(id) : undefined;
    if (!cell || isReadOnly(cell)) return;
    const text = e.target.value;
    let ed = editRef.current;
    if (ed && ed.cellId !== cell.cellId) {
      finish('blur');
      ed = null;
    }
    ed = ed ? retyped(ed, cell.kind, text) : typing(cell.cellId, cell.kind, text, valueOf(cell), nextKey());
    setEdit(ed);
    // A value that is not valid is not taken: the cell keeps what it had before the edit.
    const target = heldValue(ed);
    setRejected(withoutRejected(rejectedRef.current, [cell.cellId]));
    if (target !== valueOf(cell)) live.current.onCells([{ id: cell.cellId, value: target }], ed.key);
  };
  // The rows get one stable callback; it runs the latest handler.
  const onTypedRef = useRef(onTyped);
  onTypedRef.current = onTyped;
  const onChange = useCallback((e: ChangeEvent<HTMLInputElement>) => onTypedRef.current(e), []);

  /** Before a key moves the cursor out of a cell being edited: false when the entry keeps the clerk there. */
  const mayLeave = (cell: InputCell, ed: Edit | null): boolean => {
    if (!ed) return true;
    const outcome = leave(ed, 'key', cell.ariaLabel);
    if (outcome.stay) {
      // Show the problem at the cell even for an entry that looked like a start (a lone minus).
      if (!showsProblem(ed) && !ed.outcome.ok) setEdit({ ...ed, outcome: { ...ed.outcome, partial: false } });
      return false;
    }
    finish('key');
    return true;
  };

  // ---- selection, clipboard ----

  const clearSelected = () => {
    const s = selRef.current;
    const cells = s ? cellsIn(layout.nav, s) : [];
    const writable = cells.filter((c) => !isReadOnly(c));
    const changes = writable.filter((c) => valueOf(c) !== null).map((c) => ({ id: c.cellId, value: null }));
    setRejected(
      withoutRejected(
        rejectedRef.current,
        writable.map((c) => c.cellId),
      ),
    );
    if (changes.length) live.current.onCells(changes);
    else if (cells.length && !writable.length) say(READ_ONLY_MESSAGE);
  };

  const applyPaste = (plan: PastePlan) => {
    if (plan.changes.length) {
      writeCells(plan.changes);
      live.current.onSeal();
    }
    // What could not be pasted stands at its cell, in red with its message, as a typed entry would.
    let shown = rejectedRef.current;
    for (const x of plan.invalid) shown = withRejected(shown, x.cellId, { text: x.text, message: `${x.message}。` });
    setRejected(shown);
    setSel(plan.target);
    const { text, level } = pasteReport(plan, live.current.readOnly.size > 0);
    say(text, level);
  };

  const paste = (text: string) => {
    const s = selRef.current;
    if (!s) return;
    const plan = planPaste(text, s, layout.nav, { valueOf: (c) => valueOf(c as InputCell), isReadOnly });
    if (!plan) return;
    if (needsConfirm(plan)) setPending(plan);
    else applyPaste(plan);
  };

  // ---- undo ----

  const applyHistory = (changes: CellChange[] | null) => {
    if (!changes?.length) return;
    setRejected(
      withoutRejected(
        rejectedRef.current,
        changes.map((c) => c.id),
      ),
    );
    const here = changes.map((c) => layout.byId.get(c.id)).filter((c): c is InputCell => !!c);
    const box = boundingSel(here);
    if (!box) return;
    setSel(box);
    focusCell((cellAt(box.a) ?? here[0]).cellId);
  };

  // ---- events (delegated to the table) ----

  const targetCell = (t: EventTarget | null): InputCell | undefined => {
    const id = t instanceof HTMLInputElement ? t.dataset.cell : undefined;
    return id ? layout.byId.get(id) : undefined;
  };

  const goTo = (next: InputCell | null, run: TabRun = null): boolean => {
    tabRun.current = run;
    if (!next) return false;
    setSel(single(next));
    focusCell(next.cellId);
    return true;
  };

  const extend = (dir: Dir, far: boolean) => {
    const s = selRef.current;
    if (!s) return;
    const from = cellAt(s.f);
    const next = from && neighbour(layout.nav, from, dir, { far });
    if (!next) return;
    tabRun.current = null;
    setSel({ a: s.a, f: { r: next.r, c: next.c } });
    inputEl(next.cellId)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  /** Carries out a command of the keymap; returns whether the key was used (else the browser's own). */
  const run = (command: Command, cell: InputCell, ed: Edit | null): boolean => {
    const skip = isReadOnly;
    const nav = layout.nav;
    const move = MOVES[command];
    if (move) {
      if (mayLeave(cell, ed)) goTo(neighbour(nav, cell, move.dir, { far: move.far }));
      return true;
    }
    const ext = EXTENDS[command];
    if (ext) {
      extend(ext.dir, !!ext.far);
      return true;
    }
    switch (command) {
      case 'next':
      case 'prev': {
        const next = neighbour(nav, cell, command, { skip });
        if (!mayLeave(cell, ed)) return true;
        // At the table's last (first) cell Tab leaves the table, as elsewhere on the page.
        return goTo(next, next ? tabbed(tabRun.current, cell, next) : null);
      }
      case 'enterDown':
      case 'enterUp':
        if (mayLeave(cell, ed)) goTo(enterTarget(nav, cell, tabRun.current, command === 'enterUp', skip));
        return true;
      case 'first':
      case 'last':
        if (mayLeave(cell, ed)) goTo(command === 'first' ? nav[0][0] : nav[nav.length - 1].at(-1)!);
        return true;
      case 'edit':
        startEdit(cell);
        return true;
      case 'clear':
        clearSelected();
        return true;
      case 'cancel':
        cancel();
        return true;
      case 'collapse':
        setRejected(withoutRejected(rejectedRef.current, [cell.cellId]));
        selectSingle(cell);
        return true;
      case 'undo':
        if (ed && (valueOf(cell) !== ed.original || !ed.outcome.ok)) {
          cancel();
          return true;
        }
        if (ed) finish('key');
        applyHistory(live.current.onUndo());
        return true;
      case 'redo':
        if (ed) finish('blur');
        applyHistory(live.current.onRedo());
        return true;
      case 'selectAll':
        tabRun.current = null;
        setSel(selectAll(nav));
        return true;
      default:
        return false;
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (!cell || e.nativeEvent.isComposing || e.key === 'Process') return;
    const mod = e.ctrlKey || e.metaKey;
    const ed = editRef.current?.cellId === cell.cellId ? editRef.current : null;
    const command = commandFor({ key: e.key, shift: e.shiftKey, mod, alt: e.altKey }, modeOf(ed, cell.cellId));
    if (command) {
      if (run(command, cell, ed)) e.preventDefault();
      return;
    }
    // Ctrl+C / Ctrl+X / Ctrl+V arrive as copy / cut / paste events below; typing goes to the input.
    if (!ed && e.key.length === 1 && !mod && !e.altKey && isReadOnly(cell)) {
      e.preventDefault();
      say(READ_ONLY_MESSAGE);
    }
  };

  const onFocus = (e: React.FocusEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (!cell) return;
    if (editRef.current && editRef.current.cellId !== cell.cellId) finish('blur');
    setFocusId(cell.cellId);
    const s = selRef.current;
    if (!s || s.a.r !== cell.r || s.a.c !== cell.c) selectSingle(cell);
    if (e.target instanceof HTMLInputElement) e.target.select();
  };

  const onBlur = (e: React.FocusEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (cell && editRef.current?.cellId === cell.cellId) finish('blur');
    if (!tableRef.current?.contains(e.relatedTarget as Node | null)) setFocusId(null);
  };

  const onMouseDown = (e: React.MouseEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (!cell || e.button !== 0) return;
    if (editRef.current?.cellId === cell.cellId) return; // place the caret as usual
    e.preventDefault();
    tabRun.current = null;
    const s = selRef.current;
    if (e.shiftKey && s) {
      setSel({ a: s.a, f: { r: cell.r, c: cell.c } });
      return;
    }
    dragging.current = true;
    setSel(single(cell));
    const el = e.target as HTMLInputElement;
    if (document.activeElement === el) el.select();
    else el.focus();
  };

  const onMouseOver = (e: React.MouseEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    const id = cell?.cellId ?? null;
    if (id !== hoverId) setHoverId(id);
    const s = selRef.current;
    if (cell && dragging.current && e.buttons & 1 && s && (s.f.r !== cell.r || s.f.c !== cell.c)) {
      setSel({ a: s.a, f: { r: cell.r, c: cell.c } });
    }
  };

  const onDoubleClick = (e: React.MouseEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (cell && editRef.current?.cellId !== cell.cellId) startEdit(cell);
  };

  const selectionText = () => {
    const s = selRef.current;
    return s ? copyText(layout.nav, s, (c) => valueOf(c)) : '';
  };

  const onCopy = (e: React.ClipboardEvent<HTMLTableElement>) => {
    if (!targetCell(e.target) || editRef.current) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', selectionText());
  };

  const onCut = (e: React.ClipboardEvent<HTMLTableElement>) => {
    if (!targetCell(e.target) || editRef.current) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', selectionText());
    clearSelected();
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (!cell) return;
    const text = e.clipboardData.getData('text/plain');
    const block = /[\t\r\n]/.test(text.replace(/(\r?\n)+$/, ''));
    if (editRef.current?.cellId === cell.cellId && !block) return; // plain paste into the text being edited
    e.preventDefault();
    if (editRef.current) finish('blur');
    if (!selRef.current) selectSingle(cell);
    paste(text);
  };

  // 编辑 › 撤销 / 重做 in the Electron menu (and any native undo) would undo the input's own text:
  // turn it into the grid's undo instead.
  const onHistoryInput = useEffectEvent((e: InputEvent) => {
    if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
    e.preventDefault();
    if (e.inputType === 'historyUndo' && editRef.current) {
      cancel();
      return;
    }
    applyHistory(e.inputType === 'historyUndo' ? live.current.onUndo() : live.current.onRedo());
  });
  useEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const on = (e: InputEvent) => onHistoryInput(e);
    table.addEventListener('beforeinput', on);
    return () => table.removeEventListener('beforeinput', on);
  }, []);

  useEffect(() => {
    const up = () => (dragging.current = false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  // In navigation mode the focused cell's text stays selected, so that typing overwrites it.
  useLayoutEffect(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLInputElement) || !tableRef.current?.contains(el)) return;
    if (caretToEnd.current === el.dataset.cell) {
      caretToEnd.current = null;
      el.setSelectionRange(el.value.length, el.value.length);
      return;
    }
    if (!editRef.current && (el.selectionStart !== 0 || el.selectionEnd !== el.value.length)) el.select();
  });

  // A cell scrolled into view is not hidden under the sticky column headers or row labels.
  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    const table = tableRef.current;
    if (!wrap || !table) return;
    const head = table.tHead?.offsetHeight ?? 0;
    const firstInput = table.querySelector<HTMLElement>('td.cell');
    wrap.style.scrollPaddingTop = `${head}px`;
    wrap.style.scrollPaddingLeft = `${layout.id === 'applications' ? (firstInput?.offsetLeft ?? 0) : 0}px`;
  }, [layout]);

  const onFocusRequest = useEffectEvent((cellId: string) => {
    if (layout.byId.has(cellId)) focusCell(cellId, 'center');
  });
  useEffect(() => {
    if (focusRequest) onFocusRequest(focusRequest.cellId);
  }, [focusRequest]);

  // ---- render ----

  const rect = sel && !isSingle(sel) ? rectOf(sel) : null;

  const tipId = [hoverId, focusId].find(
    (id) => id && (marks.has(id) || rejected.has(id) || (edit?.cellId === id && showsProblem(edit))),
  );
  const tipCell = tipId ? layout.byId.get(tipId) : undefined;
  // One line per message, "level\ttext": a string, so the memoised tip re-renders only when it changes.
  const tipLines: string[] = [];
  if (tipId && tipCell) {
    if (edit?.cellId === tipId && showsProblem(edit)) tipLines.push(`error\t${leaveMessage(tipCell, edit)}`);
    const r = edit?.cellId === tipId ? undefined : rejected.get(tipId);
    if (r) tipLines.push(`error\t${r.message}请重新填写，或按 Esc 放弃。`);
    const m = marks.get(tipId);
    if (m) for (const t of m.messages) tipLines.push(`${m.level}\t${t}`);
  }
  const tipMessages = tipLines.join('\n');
  // A hovered cell's tip goes above it unless the focused cell (being typed into) is above it.
  const focusedCell = focusId ? layout.byId.get(focusId) : undefined;
  const tipBelow = !!tipCell && !!focusedCell && tipId !== focusId && tipCell.r > focusedCell.r;

  // The hidden descriptions of the findings marked in this table, one per finding.
  const idOf = (key: string): string => {
    let id = descIds.current.get(key);
    if (!id) descIds.current.set(key, (id = `${idBase}d${descIds.current.size}`));
    return id;
  };
  const descItems: [string, string][] = [];
  const described = new Set<string>();
  for (const [cellId, m] of marks) {
    if (!layout.byId.has(cellId)) continue;
    m.keys.forEach((key, k) => {
      const id = idOf(key);
      if (described.has(id)) return;
      described.add(id);
      descItems.push([id, m.messages[k]]);
    });
  }

  // What each data row shows, rebuilt only when the row's data, its cells' marks or the read-only
  // set changed (rows of the report and marks keep their identity while unchanged), so an
  // unchanged row passes the very same props and its memo check is a few identity comparisons.
  const rowProps = layout.body.map((row, bi): RowView | undefined => {
    if (row.type !== 'data') return undefined;
    const before = rowCache.current[bi];
    const inputs = rowInputs[bi];
    const sources: unknown[] = [layout, readOnly];
    for (const c of inputs) sources.push(tableOf(report, c.table)?.[c.rowId], marks.get(c.cellId));
    if (before && sameArray(before.sources, sources)) return before;
    let levels = '';
    let ro = '';
    for (const c of inputs) {
      levels += marks.get(c.cellId)?.level[0] ?? '.';
      ro += readOnly.has(c.cellId) ? '1' : '0';
    }
    const values = inputs.map((c) => valueOf(c, report));
    const describedBy = inputs.map((c) => marks.get(c.cellId)?.keys.map(idOf).join(' ') ?? '');
    const next: RowView = {
      sources,
      values: before && sameArray(before.values, values) ? before.values : values,
      describedBy: before && sameArray(before.describedBy, describedBy) ? before.describedBy : describedBy,
      levels,
      ro,
    };
    rowCache.current[bi] = next;
    return next;
  });

  const rejectedOfRow = (bi: number): string => {
    if (!rejected.size) return '';
    const parts: string[] = [];
    rowInputs[bi].forEach((c, i) => {
      const r = rejected.get(c.cellId);
      if (r) parts.push(`${i}\u0001${r.text}`);
    });
    return parts.join('\u0002');
  };

  const closePending = () => setPending(null);
  const confirmPending = () => {
    const plan = pending;
    setPending(null);
    if (plan) applyPaste(plan);
  };

  return (
    <div className={`grid-wrap grid-wrap-${layout.id}`} ref={wrapRef}>
      <table
        ref={tableRef}
        className={`grid grid-${layout.id}`}
        aria-label={caption}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onMouseLeave={() => setHoverId(null)}
        onDoubleClick={onDoubleClick}
        onCopy={onCopy}
        onCut={onCut}
        onPaste={onPaste}
      >
        <GridHead layout={layout} />
        <tbody>
          {layout.body.map((row, bi) => {
            if (row.type !== 'data') return <StaticRow key={row.key} row={row} />;
            const p = rowProps[bi]!;
            const r = rowInputs[bi][0]?.r ?? -1;
            const draftIndex = edit ? rowInputs[bi].findIndex((c) => c.cellId === edit.cellId) : -1;
            const selText = rect && r >= rect.r0 && r <= rect.r1 ? `${rect.c0}-${rect.c1}` : null;
            return (
              <DataRow
                key={row.key}
                row={row}
                values={p.values}
                levels={p.levels}
                describedBy={p.describedBy}
                ro={p.ro}
                draftIndex={draftIndex}
                draftText={draftIndex >= 0 ? edit!.text : ''}
                draftBad={draftIndex >= 0 && showsProblem(edit!)}
                sel={selText}
                rejected={rejectedOfRow(bi)}
                onChange={onChange}
              />
            );
          })}
        </tbody>
      </table>
      <Descriptions items={descItems} />
      <Descriptions items={[...rejected].map(([cellId, r]): [string, string] => [rejectedDescId(cellId), r.message])} />
      <CellTip anchor={tipCell ? tipId! : null} messages={tipMessages} below={tipBelow} find={inputEl} />
      {/* Mounted only while asking: a closed MUI dialog still costs a render on every keystroke. */}
      {pending && <ConfirmPaste plan={pending} onCancel={closePending} onConfirm={confirmPending} />}
    </div>
  );
}

function leaveMessage(cell: InputCell, ed: Edit): string {
  const outcome = leave(ed, 'key', cell.ariaLabel);
  return 'message' in outcome ? `${outcome.message}请改正，或按 Esc 放弃。` : '';
}
