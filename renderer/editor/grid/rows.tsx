// The grid's rows and cells as memoised components: what a keystroke re-renders is only the rows
// whose values, marks or draft changed (see dataRowEqual), and of those only the changed cells.
import Popper from '@mui/material/Popper';
import { memo, useCallback, type ChangeEvent } from 'react';
import type { Cell } from '../../../shared/report';
import type { MarkLevel } from '../marks';
import type { BodyRow, GridLayout, InputCell } from './layout';
import { formatCell } from './values';

/** The id of the hidden message of an entry rejected at a cell (one grid per page). */
export const rejectedDescId = (cellId: string) => `rejected-${cellId}`;

/** Spans of 1 are left out of the markup. */
const span = (n: number) => (n > 1 ? n : undefined);

// ---- rows -----------------------------------------------------------------------------------

export interface DataRowProps {
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
  /** Rejected entries of this row's inputs, "index\u0001text" joined by \u0002, or ''. */
  rejected: string;
  onChange(e: ChangeEvent<HTMLInputElement>): void;
}

export function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
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
    p.rejected === n.rejected &&
    p.onChange === n.onChange &&
    sameArray(p.values, n.values) &&
    sameArray(p.describedBy, n.describedBy)
  );
}

const LEVEL: Record<string, MarkLevel | undefined> = { e: 'error', w: 'warning', h: 'hint' };

export const DataRow = memo(function DataRow(props: DataRowProps) {
  const { row, values, levels, describedBy, ro, draftIndex, draftText, draftBad, sel, rejected, onChange } = props;
  const rejectedAt = rejected
    ? new Map(rejected.split('\u0002').map((x) => x.split('\u0001') as [string, string]))
    : null;
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
              className={`lbl lbl-${cell.level}${cell.rowSpan > 1 ? ' merged' : ''}${cell.stickyLeft ? ' sticky' : ''}`}
              style={cell.stickyLeft ? { left: cell.stickyLeft } : undefined}
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
        const shownRejected = editing ? undefined : rejectedAt?.get(String(i));
        return (
          <InputTd
            key={cell.cellId}
            cell={cell}
            text={editing ? draftText : (shownRejected ?? formatCell(values[i]))}
            level={LEVEL[levels[i]]}
            describedBy={
              shownRejected === undefined ? describedBy[i] : `${rejectedDescId(cell.cellId)} ${describedBy[i]}`.trim()
            }
            readOnly={ro[i] === '1'}
            bad={(editing && draftBad) || shownRejected !== undefined}
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
  // A long figure is shown smaller, never cut off (the rules warn about implausible ones).
  if (text.length > 8) cls += text.length > 11 ? ' long2' : ' long';
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
export const Descriptions = memo(
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
export const GridHead = memo(function GridHead({ layout }: { layout: GridLayout }) {
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

export const StaticRow = memo(function StaticRow({ row }: { row: BodyRow }) {
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

/**
 * The messages of the hovered or focused cell, above it (below it only for a hovered cell under
 * the focused one, so as not to cover that). One Popper for the whole grid.
 */
export const CellTip = memo(function CellTip(props: {
  anchor: string | null;
  messages: string;
  below: boolean;
  find(id: string): HTMLElement | null;
}) {
  const { anchor, messages, below, find } = props;
  const anchorEl = useCallback(() => (anchor ? find(anchor) : null) ?? document.body, [anchor, find]);
  return (
    <Popper
      open={!!anchor && messages !== ''}
      anchorEl={anchorEl}
      placement={below ? 'bottom-start' : 'top-start'}
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

// Where it was placed, else beside the cell: never over the next row the other way.
const TIP_MODIFIERS = [
  { name: 'offset', options: { offset: [0, 4] } },
  { name: 'flip', options: { fallbackPlacements: ['right-start', 'left-start'] } },
];
