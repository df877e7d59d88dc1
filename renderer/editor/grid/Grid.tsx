// A spreadsheet-like grid over one table of the report. Every cell is a plain <input> (no MUI per
// cell) inside memoised rows, so a keystroke re-renders only the rows whose values or mark levels
// changed. A cell refers to its findings' messages by id (aria-describedby), so a message whose
// numbers change as the clerk types touches one hidden element, not every cell of the finding.
// The tooltip renders only for the hovered or focused cell. Keyboard and clipboard behave as in
// Excel / WPS; see the key handler below.
import Popper from '@mui/material/Popper';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
} from 'react';
import { tableOf, type Cell, type Report } from '../../../shared/report';
import type { CellChange } from '../history';
import type { MarkLevel, Marks } from '../marks';
import type { BodyRow, GridLayout, InputCell } from './layout';
import { parseTsv, toTsv } from './tsv';
import { formatCell, parseCellText, type ParseOutcome } from './values';

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

interface Edit {
  cellId: string;
  /** enter: started by typing (arrows leave the cell); edit: F2 / double-click (arrows move the caret). */
  mode: 'enter' | 'edit';
  text: string;
  original: Cell;
  key: string;
  outcome: ParseOutcome;
}

interface Pos {
  r: number;
  c: number;
}

interface Sel {
  a: Pos;
  f: Pos;
}

type Dir = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev';

const READ_ONLY_MESSAGE =
  '合计由各项自动相加得出，不能直接修改；如需手工填写合计，请打开表格上方的“手动填写合计”开关。';

function rectOf(sel: Sel) {
  return {
    r0: Math.min(sel.a.r, sel.f.r),
    r1: Math.max(sel.a.r, sel.f.r),
    c0: Math.min(sel.a.c, sel.f.c),
    c1: Math.max(sel.a.c, sel.f.c),
  };
}

let editSeq = 0;

/** Spans of 1 are left out of the markup. */
const span = (n: number) => (n > 1 ? n : undefined);

// ---- rows -----------------------------------------------------------------------------------

interface DataRowProps {
  row: BodyRow;
  values: Cell[];
  /** One letter per input: e(rror), w(arning), h(int) or '.' for none. */
  levels: string;
  /** Per input: ids of the hidden descriptions of its findings (aria-describedby), or ''. */
  describedBy: string[];
  /** '1' per read-only input, '0' otherwise. */
  ro: string;
  /** Index (among the row's inputs) of the cell being edited, its text and problem. */
  draftIndex: number;
  draftText: string;
  draftBad: boolean;
  /** Selected input range of this row, "c0-c1", when more than one cell is selected. */
  sel: string | null;
  onChange(e: ChangeEvent<HTMLInputElement>): void;
}

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A row's props hold only what it shows: values, mark levels and description ids, all of which
 * stay equal while the clerk types elsewhere (and while only the numbers in a message change).
 */
function dataRowEqual(p: DataRowProps, n: DataRowProps): boolean {
  return (
    p.row === n.row &&
    p.levels === n.levels &&
    p.ro === n.ro &&
    p.draftIndex === n.draftIndex &&
    p.draftText === n.draftText &&
    p.draftBad === n.draftBad &&
    p.sel === n.sel &&
    p.onChange === n.onChange &&
    sameArray(p.values, n.values) &&
    sameArray(p.describedBy, n.describedBy)
  );
}

const LEVEL: Record<string, MarkLevel | undefined> = { e: 'error', w: 'warning', h: 'hint' };

const DataRow = memo(function DataRow(props: DataRowProps) {
  const { row, values, levels, describedBy, ro, draftIndex, draftText, draftBad, sel, onChange } = props;
  let i = -1;
  let s0 = -1;
  let s1 = -1;
  if (sel) [s0, s1] = sel.split('-').map(Number);
  return (
    <tr className={row.isTotal ? 'row-total' : undefined}>
      {row.cells.map((cell) => {
        if (cell.type === 'label') {
          return (
            <th
              key={cell.key}
              scope="row"
              rowSpan={span(cell.rowSpan)}
              colSpan={span(cell.colSpan)}
              className={`lbl lbl-${cell.level}${cell.rowSpan > 1 ? ' merged' : ''}`}
            >
              {cell.text}
            </th>
          );
        }
        if (cell.type === 'head') {
          return (
            <th key={cell.key} colSpan={span(cell.colSpan)}>
              {cell.text}
            </th>
          );
        }
        i++;
        const editing = i === draftIndex;
        return (
          <InputTd
            key={cell.cellId}
            cell={cell}
            text={editing ? draftText : formatCell(values[i])}
            level={LEVEL[levels[i]]}
            describedBy={describedBy[i]}
            readOnly={ro[i] === '1'}
            bad={editing && draftBad}
            selected={i >= s0 && i <= s1}
            onChange={onChange}
          />
        );
      })}
    </tr>
  );
}, dataRowEqual);

/** One editable cell; memoised so that a re-rendered row touches only the cells that changed. */
const InputTd = memo(function InputTd(props: {
  cell: InputCell;
  text: string;
  level: MarkLevel | undefined;
  describedBy: string;
  readOnly: boolean;
  bad: boolean;
  selected: boolean;
  onChange(e: ChangeEvent<HTMLInputElement>): void;
}) {
  const { cell, text, level, describedBy, readOnly, bad, selected, onChange } = props;
  let cls = 'cell';
  if (level) cls += ` m-${level}`;
  if (readOnly) cls += ' ro';
  if (cell.isTotal) cls += ' total';
  if (bad) cls += ' bad';
  if (selected) cls += ' sel';
  return (
    <td colSpan={span(cell.colSpan)} className={cls}>
      <input
        data-cell={cell.cellId}
        aria-label={cell.ariaLabel}
        aria-invalid={level === 'error' || bad ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        readOnly={readOnly}
        value={text}
        onChange={onChange}
        inputMode={cell.kind === 'count' ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
      />
    </td>
  );
});

/**
 * The messages the cells' aria-describedby point at, one per finding, never displayed (the
 * tooltip shows them). When a number in a message changes only its text here changes, not the
 * cells: a hidden element costs no layout.
 */
const Descriptions = memo(
  function Descriptions({ items }: { items: [string, string][] }) {
    return (
      <div hidden>
        {items.map(([id, text]) => (
          <span key={id} id={id}>
            {text}
          </span>
        ))}
      </div>
    );
  },
  (p, n) =>
    p.items.length === n.items.length && p.items.every((x, i) => x[0] === n.items[i][0] && x[1] === n.items[i][1]),
);

/** Column widths and the column headers: they never change while typing, so render them once. */
const GridHead = memo(function GridHead({ layout }: { layout: GridLayout }) {
  return (
    <>
      <colgroup>
        {layout.cols.map((c, i) => (
          <col key={i} className={`col-${c.kind}`} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      {layout.head.length > 0 && (
        <thead>
          {layout.head.map((cells, i) => (
            <tr key={i}>
              {cells.map((h) => (
                <th
                  key={h.key}
                  colSpan={span(h.colSpan)}
                  rowSpan={span(h.rowSpan)}
                  className={`h-${h.kind}`}
                  scope={h.kind === 'leaf' ? 'col' : undefined}
                >
                  {h.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
      )}
    </>
  );
});

const StaticRow = memo(function StaticRow({ row }: { row: BodyRow }) {
  return (
    <tr className={row.type === 'band' ? 'band' : 'colhead'}>
      {row.cells.map((cell) =>
        cell.type === 'input' ? null : (
          <th key={cell.key} colSpan={span(cell.colSpan)} scope={row.type === 'colhead' ? 'col' : 'colgroup'}>
            {cell.text}
          </th>
        ),
      )}
    </tr>
  );
});

/** The messages of the hovered or focused cell, below it. One Popper for the whole grid. */
const CellTip = memo(function CellTip(props: {
  anchor: string | null;
  messages: string;
  find(id: string): HTMLElement | null;
}) {
  const { anchor, messages, find } = props;
  const anchorEl = useCallback(() => (anchor ? find(anchor) : null) ?? document.body, [anchor, find]);
  return (
    <Popper
      open={!!anchor && messages !== ''}
      anchorEl={anchorEl}
      placement="bottom-start"
      className="cell-tip"
      modifiers={TIP_MODIFIERS}
    >
      <div className="cell-tip-box">
        {messages.split('\n').map((line, i) => {
          const [level, text] = line.split('\t');
          return (
            <div key={i} className={`tip-${level}`}>
              {text}
            </div>
          );
        })}
      </div>
    </Popper>
  );
});

const TIP_MODIFIERS = [{ name: 'offset', options: { offset: [0, 4] } }];

// ---- grid -----------------------------------------------------------------------------------

interface RowView {
  /** What the view was built from: layout, read-only set, then per input its report row and mark. */
  sources: unknown[];
  values: Cell[];
  describedBy: string[];
  levels: string;
  ro: string;
}

export function Grid(props: GridProps) {
  const { layout, report, marks, readOnly, caption, focusRequest } = props;
  const tableRef = useRef<HTMLTableElement>(null);
  const [edit, setEditState] = useState<Edit | null>(null);
  const [sel, setSelState] = useState<Sel | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const editRef = useRef<Edit | null>(null);
  const selRef = useRef<Sel | null>(null);
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

  const rowInputs = useMemo(
    () => layout.body.map((row) => row.cells.filter((c): c is InputCell => c.type === 'input')),
    [layout],
  );

  const valueOf = (cell: InputCell, r: Report = live.current.report): Cell =>
    tableOf(r, cell.table)?.[cell.rowId]?.[cell.colId] ?? null;

  const inputEl = useCallback(
    (id: string) => tableRef.current?.querySelector<HTMLInputElement>(`input[data-cell="${id}"]`) ?? null,
    [],
  );

  const cellAt = (p: Pos): InputCell | undefined => layout.nav[p.r]?.[p.c];

  const neighbour = (cell: InputCell, dir: Dir, far = false): InputCell | null => {
    const nav = layout.nav;
    const row = nav[cell.r];
    const atX = (r: number) => {
      const target = nav[r];
      if (!target) return null;
      return target.find((c) => c.x0 <= cell.x0 && cell.x0 < c.x1) ?? target[target.length - 1];
    };
    switch (dir) {
      case 'right':
        return far ? row[row.length - 1] : (row[cell.c + 1] ?? null);
      case 'left':
        return far ? row[0] : (row[cell.c - 1] ?? null);
      case 'down':
        return far ? atX(nav.length - 1) : atX(cell.r + 1);
      case 'up':
        return far ? atX(0) : atX(cell.r - 1);
      case 'next':
        return row[cell.c + 1] ?? nav[cell.r + 1]?.[0] ?? null;
      case 'prev':
        return row[cell.c - 1] ?? nav[cell.r - 1]?.[nav[cell.r - 1].length - 1] ?? null;
    }
  };

  const focusCell = (id: string, block: ScrollLogicalPosition = 'nearest') => {
    const el = inputEl(id);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block, inline: 'nearest' });
  };

  const selectSingle = (cell: InputCell) => {
    const s = selRef.current;
    if (!s || s.a.r !== cell.r || s.a.c !== cell.c || s.f.r !== cell.r || s.f.c !== cell.c) {
      setSel({ a: { r: cell.r, c: cell.c }, f: { r: cell.r, c: cell.c } });
    }
  };

  // ---- editing ----

  const problemMessage = (cell: InputCell, ed: Edit) =>
    !ed.outcome.ok ? `“${cell.ariaLabel}”${ed.outcome.message}，“${ed.text}”未被采用。` : '';

  /** Ends the current edit, keeping what was taken; tells the clerk when the text was not taken. */
  const commit = () => {
    const ed = editRef.current;
    if (!ed) return;
    setEdit(null);
    live.current.onSeal();
    const cell = layout.byId.get(ed.cellId);
    if (cell && !ed.outcome.ok) live.current.notify(problemMessage(cell, ed), 'warning');
  };

  /** Esc: puts back the value the cell had before the edit. */
  const cancel = () => {
    const ed = editRef.current;
    if (!ed) return;
    const cell = layout.byId.get(ed.cellId);
    if (cell && valueOf(cell) !== ed.original) live.current.onCells([{ id: ed.cellId, value: ed.original }], ed.key);
    setEdit(null);
    live.current.onSeal();
  };

  const startEdit = (cell: InputCell) => {
    if (live.current.readOnly.has(cell.cellId)) {
      live.current.notify(READ_ONLY_MESSAGE, 'info');
      return;
    }
    const v = valueOf(cell);
    caretToEnd.current = cell.cellId;
    setEdit({
      cellId: cell.cellId,
      mode: 'edit',
      text: formatCell(v),
      original: v,
      key: `e${++editSeq}`,
      outcome: { ok: true, value: v },
    });
  };

  const onChange = useCallback(
    (e: ChangeEvent<HTMLInputElement>) => {
      const id = e.target.dataset.cell;
      const cell = id ? layout.byId.get(id) : undefined;
      if (!cell || live.current.readOnly.has(cell.cellId)) return;
      const text = e.target.value;
      let ed = editRef.current;
      if (!ed || ed.cellId !== cell.cellId) {
        if (ed) commit();
        const v = valueOf(cell);
        ed = {
          cellId: cell.cellId,
          mode: 'enter',
          text,
          original: v,
          key: `e${++editSeq}`,
          outcome: { ok: true, value: v },
        };
      }
      const outcome = parseCellText(text, cell.kind);
      ed = { ...ed, text, outcome };
      setEdit(ed);
      // A value that is not valid is not taken: the cell keeps what it had before the edit.
      const target = outcome.ok ? outcome.value : ed.original;
      if (target !== valueOf(cell)) live.current.onCells([{ id: cell.cellId, value: target }], ed.key);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layout],
  );

  // ---- selection, clipboard ----

  const selectedCells = (): InputCell[] => {
    const s = selRef.current;
    if (!s) return [];
    const { r0, r1, c0, c1 } = rectOf(s);
    const out: InputCell[] = [];
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const cell = layout.nav[r]?.[c];
        if (cell) out.push(cell);
      }
    return out;
  };

  const copyText = (): string => {
    const s = selRef.current;
    if (!s) return '';
    const { r0, r1, c0, c1 } = rectOf(s);
    const rows: string[][] = [];
    for (let r = r0; r <= r1; r++) {
      const line: string[] = [];
      for (let c = c0; c <= c1; c++) {
        const cell = layout.nav[r]?.[c];
        if (cell) line.push(formatCell(valueOf(cell)));
      }
      rows.push(line);
    }
    return toTsv(rows);
  };

  const clearSelected = () => {
    const cells = selectedCells();
    const ro = live.current.readOnly;
    const changes = cells
      .filter((c) => !ro.has(c.cellId) && valueOf(c) !== null)
      .map((c) => ({ id: c.cellId, value: null }));
    if (changes.length) live.current.onCells(changes);
    else if (cells.length && cells.every((c) => ro.has(c.cellId))) live.current.notify(READ_ONLY_MESSAGE, 'info');
  };

  const paste = (text: string) => {
    const rows = parseTsv(text);
    const s = selRef.current;
    if (!rows.length || !s) return;
    const { r0, r1, c0, c1 } = rectOf(s);
    const single = rows.length === 1 && rows[0].length === 1;
    const height = single ? r1 - r0 + 1 : rows.length;
    const width = single ? c1 - c0 + 1 : Math.max(...rows.map((r) => r.length));
    const ro = live.current.readOnly;
    const changes: CellChange[] = [];
    const invalid: string[] = [];
    let skippedTotals = 0;
    let outside = 0;
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        const text = single ? rows[0][0] : rows[i][j];
        if (text === undefined) continue;
        const cell = layout.nav[r0 + i]?.[c0 + j];
        if (!cell) {
          if (text !== '') outside++;
          continue;
        }
        if (ro.has(cell.cellId)) {
          skippedTotals++;
          continue;
        }
        const outcome = parseCellText(text, cell.kind);
        if (!outcome.ok) {
          invalid.push(`“${cell.ariaLabel}”${outcome.message}，“${text}”未被采用`);
          continue;
        }
        if (outcome.value !== valueOf(cell)) changes.push({ id: cell.cellId, value: outcome.value });
      }
    }
    if (changes.length) {
      live.current.onCells(changes);
      live.current.onSeal();
    }
    const lastR = Math.min(r0 + height - 1, layout.nav.length - 1);
    const lastC = Math.min(c0 + width - 1, (layout.nav[lastR]?.length ?? 1) - 1);
    setSel({ a: { r: r0, c: c0 }, f: { r: lastR, c: Math.max(c0, lastC) } });
    const notes: string[] = [];
    if (invalid.length)
      notes.push(
        `${invalid.length}个数值无效，未粘贴：${invalid.slice(0, 3).join('；')}${invalid.length > 3 ? '……' : ''}`,
      );
    if (outside) notes.push(`${outside}个数值超出表格范围，未粘贴`);
    if (skippedTotals && live.current.readOnly.size) notes.push('合计由系统自动计算，粘贴到合计的数值已略过');
    if (notes.length)
      live.current.notify(
        `已粘贴${changes.length}个单元格。${notes.join('。')}。`,
        invalid.length ? 'warning' : 'info',
      );
  };

  // ---- undo ----

  const applyHistory = (changes: CellChange[] | null) => {
    if (!changes?.length) return;
    const here = changes.map((c) => layout.byId.get(c.id)).filter((c): c is InputCell => !!c);
    if (!here.length) return;
    const rs = here.map((c) => c.r);
    const cs = here.map((c) => c.c);
    const a = { r: Math.min(...rs), c: Math.min(...cs) };
    setSel({ a, f: { r: Math.max(...rs), c: Math.max(...cs) } });
    const first = cellAt(a) ?? here[0];
    focusCell(first.cellId);
  };

  const cancelRef = useRef(cancel);
  cancelRef.current = cancel;
  const applyHistoryRef = useRef(applyHistory);
  applyHistoryRef.current = applyHistory;

  // ---- events (delegated to the table) ----

  const targetCell = (t: EventTarget | null): InputCell | undefined => {
    const id = t instanceof HTMLInputElement ? t.dataset.cell : undefined;
    return id ? layout.byId.get(id) : undefined;
  };

  const move = (cell: InputCell, dir: Dir, far = false): boolean => {
    const next = neighbour(cell, dir, far);
    if (!next) return false;
    setSel({ a: { r: next.r, c: next.c }, f: { r: next.r, c: next.c } });
    focusCell(next.cellId);
    return true;
  };

  const extend = (dir: Dir, far: boolean) => {
    const s = selRef.current;
    if (!s) return;
    const from = cellAt(s.f);
    const next = from && neighbour(from, dir, far);
    if (!next) return;
    setSel({ a: s.a, f: { r: next.r, c: next.c } });
    inputEl(next.cellId)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (!cell || e.nativeEvent.isComposing || e.key === 'Process') return;
    const mod = e.ctrlKey || e.metaKey;
    const ed = editRef.current?.cellId === cell.cellId ? editRef.current : null;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;

    if (mod && !e.altKey) {
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        if (ed && (valueOf(cell) !== ed.original || !ed.outcome.ok)) {
          cancel();
          return;
        }
        if (ed) commit();
        applyHistory(live.current.onUndo());
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        if (ed) commit();
        applyHistory(live.current.onRedo());
      } else if (key === 'a' && !ed) {
        e.preventDefault();
        const last = layout.nav.length - 1;
        setSel({ a: { r: 0, c: 0 }, f: { r: last, c: layout.nav[last].length - 1 } });
      } else if (key === 'Home' || key === 'End') {
        e.preventDefault();
        if (ed) commit();
        const target = key === 'Home' ? layout.nav[0][0] : layout.nav[layout.nav.length - 1].at(-1)!;
        setSel({ a: { r: target.r, c: target.c }, f: { r: target.r, c: target.c } });
        focusCell(target.cellId);
      } else if (key.startsWith('Arrow') && !ed) {
        e.preventDefault();
        const dir = key.slice(5).toLowerCase() as Dir;
        if (e.shiftKey) extend(dir, true);
        else move(cell, dir, true);
      }
      // Ctrl+C / Ctrl+X / Ctrl+V arrive as copy / cut / paste events below.
      return;
    }

    if (ed) {
      switch (e.key) {
        case 'Escape':
          e.preventDefault();
          cancel();
          return;
        case 'Enter':
          e.preventDefault();
          commit();
          move(cell, e.shiftKey ? 'up' : 'down');
          return;
        case 'Tab':
          commit();
          if (move(cell, e.shiftKey ? 'prev' : 'next')) e.preventDefault();
          return;
        case 'ArrowUp':
        case 'ArrowDown':
          e.preventDefault();
          commit();
          move(cell, e.key === 'ArrowUp' ? 'up' : 'down');
          return;
        case 'ArrowLeft':
        case 'ArrowRight':
          if (ed.mode === 'edit') return;
          e.preventDefault();
          commit();
          move(cell, e.key === 'ArrowLeft' ? 'left' : 'right');
          return;
        default:
          return;
      }
    }

    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight': {
        e.preventDefault();
        const dir = e.key.slice(5).toLowerCase() as Dir;
        if (e.shiftKey) extend(dir, false);
        else move(cell, dir);
        return;
      }
      case 'Tab':
        if (move(cell, e.shiftKey ? 'prev' : 'next')) e.preventDefault();
        return;
      case 'Enter':
        e.preventDefault();
        move(cell, e.shiftKey ? 'up' : 'down');
        return;
      case 'Home':
      case 'End':
        e.preventDefault();
        if (e.shiftKey) extend(e.key === 'Home' ? 'left' : 'right', true);
        else move(cell, e.key === 'Home' ? 'left' : 'right', true);
        return;
      case 'F2':
        e.preventDefault();
        startEdit(cell);
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        clearSelected();
        return;
      case 'Escape':
        selectSingle(cell);
        return;
      default:
        if (e.key.length === 1 && !e.altKey && live.current.readOnly.has(cell.cellId)) {
          e.preventDefault();
          live.current.notify(READ_ONLY_MESSAGE, 'info');
        }
    }
  };

  const onFocus = (e: React.FocusEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (!cell) return;
    if (editRef.current && editRef.current.cellId !== cell.cellId) commit();
    setFocusId(cell.cellId);
    const s = selRef.current;
    if (!s || s.a.r !== cell.r || s.a.c !== cell.c) selectSingle(cell);
    if (e.target instanceof HTMLInputElement) e.target.select();
  };

  const onBlur = (e: React.FocusEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (cell && editRef.current?.cellId === cell.cellId) commit();
    if (!tableRef.current?.contains(e.relatedTarget as Node | null)) setFocusId(null);
  };

  const onMouseDown = (e: React.MouseEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (!cell || e.button !== 0) return;
    if (editRef.current?.cellId === cell.cellId) return; // place the caret as usual
    e.preventDefault();
    const s = selRef.current;
    if (e.shiftKey && s) {
      setSel({ a: s.a, f: { r: cell.r, c: cell.c } });
      return;
    }
    dragging.current = true;
    setSel({ a: { r: cell.r, c: cell.c }, f: { r: cell.r, c: cell.c } });
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

  const onCopy = (e: React.ClipboardEvent<HTMLTableElement>) => {
    if (!targetCell(e.target) || editRef.current) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copyText());
  };

  const onCut = (e: React.ClipboardEvent<HTMLTableElement>) => {
    if (!targetCell(e.target) || editRef.current) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copyText());
    clearSelected();
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTableElement>) => {
    const cell = targetCell(e.target);
    if (!cell) return;
    const text = e.clipboardData.getData('text/plain');
    const block = /[\t\r\n]/.test(text.replace(/(\r?\n)+$/, ''));
    if (editRef.current?.cellId === cell.cellId && !block) return; // plain paste into the text being edited
    e.preventDefault();
    if (editRef.current) commit();
    if (!selRef.current) selectSingle(cell);
    paste(text);
  };

  // 编辑 › 撤销 / 重做 in the Electron menu (and any native undo) would undo the input's own text:
  // turn it into the grid's undo instead.
  useEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
      e.preventDefault();
      const ed = editRef.current;
      if (e.inputType === 'historyUndo' && ed) {
        cancelRef.current();
        return;
      }
      applyHistoryRef.current(e.inputType === 'historyUndo' ? live.current.onUndo() : live.current.onRedo());
    };
    table.addEventListener('beforeinput', onBeforeInput);
    return () => table.removeEventListener('beforeinput', onBeforeInput);
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

  useEffect(() => {
    if (!focusRequest || !layout.byId.has(focusRequest.cellId)) return;
    focusCell(focusRequest.cellId, 'center');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest?.n]);

  // ---- render ----

  const rect = sel && (sel.a.r !== sel.f.r || sel.a.c !== sel.f.c) ? rectOf(sel) : null;

  const tipId = [hoverId, focusId].find(
    (id) => id && (marks.has(id) || (edit?.cellId === id && !edit.outcome.ok && !edit.outcome.partial)),
  );
  const tipCell = tipId ? layout.byId.get(tipId) : undefined;
  // One line per message, "level\ttext": a string, so the memoised tip re-renders only when it changes.
  const tipLines: string[] = [];
  if (tipId) {
    if (edit?.cellId === tipId && !edit.outcome.ok && tipCell) tipLines.push(`error\t${problemMessage(tipCell, edit)}`);
    const m = marks.get(tipId);
    if (m) for (const t of m.messages) tipLines.push(`${m.level}\t${t}`);
  }
  const tipMessages = tipLines.join('\n');

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

  return (
    <>
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
                draftBad={draftIndex >= 0 && !edit!.outcome.ok && !edit!.outcome.partial}
                sel={selText}
                onChange={onChange}
              />
            );
          })}
        </tbody>
      </table>
      <Descriptions items={descItems} />
      <CellTip anchor={tipCell ? tipId! : null} messages={tipMessages} find={inputEl} />
    </>
  );
}
