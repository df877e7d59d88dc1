// Copy and paste as plain functions: what a block copied from Excel / WPS does to the grid is
// planned first (which cells it fills, which filled cells it overwrites, what it cannot take),
// so that the grid can ask before overwriting and say afterwards what happened.
import type { ValueKind } from '../../../shared/format';
import type { Cell } from '../../../shared/report';
import type { CellChange } from '../history';
import { cellsIn, landing, rectOf, type NavCell, type NavMap, type Sel } from './selection';
import { parseTsv, toTsv } from './tsv';
import { formatCell, parseCellText } from './values';

export interface ClipCell extends NavCell {
  kind: ValueKind;
  ariaLabel: string;
}

export interface GridAccess {
  valueOf(cell: ClipCell): Cell;
  isReadOnly(cell: ClipCell): boolean;
}

export interface PastePlan {
  /** What the paste writes (cells whose value changes). */
  changes: CellChange[];
  /** Cells the paste puts a value into, changed or not. */
  filled: number;
  /** Filled cells whose value the paste replaces or clears. */
  overwrites: number;
  /** Entries that are not valid for their cell: not pasted, shown at their cell with a Chinese message. */
  invalid: { cellId: string; text: string; message: string }[];
  /** Non-blank entries beyond the table's edge. */
  outside: number;
  /** Entries that fell on computed totals. */
  skippedTotals: number;
  /** Where the block lands: the selection after the paste. */
  target: Sel;
}

/** Overwriting more filled cells than this asks first. */
export const CONFIRM_OVERWRITES = 3;

/**
 * A single value fills the whole selection (as in Excel); a block lands at the selection's
 * top-left corner, clipped to the table.
 */
export function planPaste<C extends ClipCell>(
  text: string,
  sel: Sel,
  nav: NavMap<C>,
  grid: GridAccess,
): PastePlan | null {
  const rows = parseTsv(text);
  if (!rows.length) return null;
  const { r0, r1, c0, c1 } = rectOf(sel);
  const one = rows.length === 1 && rows[0].length === 1;
  const height = one ? r1 - r0 + 1 : rows.length;
  const width = one ? c1 - c0 + 1 : Math.max(...rows.map((r) => r.length));
  const plan: PastePlan = {
    changes: [],
    filled: 0,
    overwrites: 0,
    invalid: [],
    outside: 0,
    skippedTotals: 0,
    target: landing(nav, { r: r0, c: c0 }, height, width),
  };
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const entry = one ? rows[0][0] : rows[i][j];
      if (entry === undefined) continue;
      const cell = nav[r0 + i]?.[c0 + j];
      if (!cell) {
        if (entry !== '') plan.outside++;
        continue;
      }
      if (grid.isReadOnly(cell)) {
        plan.skippedTotals++;
        continue;
      }
      const outcome = parseCellText(entry, cell.kind);
      if (!outcome.ok) {
        plan.invalid.push({
          cellId: cell.cellId,
          text: entry,
          message: `“${cell.ariaLabel}”${outcome.message}，“${entry}”未被采用`,
        });
        continue;
      }
      const before = grid.valueOf(cell);
      if (outcome.value !== null) plan.filled++;
      if (outcome.value === before) continue;
      if (before !== null) plan.overwrites++;
      plan.changes.push({ id: cell.cellId, value: outcome.value });
    }
  }
  return plan;
}

export function needsConfirm(plan: PastePlan): boolean {
  return plan.overwrites > CONFIRM_OVERWRITES;
}

/** What the clerk is told after a paste: how many cells it filled, and what it could not take. */
export function pasteReport(plan: PastePlan, totalsComputed: boolean): { text: string; level: 'info' | 'warning' } {
  const cleared = plan.changes.filter((c) => c.value === null).length;
  let text = `已粘贴：填入${plan.filled}个单元格`;
  if (plan.overwrites) text += `，其中覆盖原有数值${plan.overwrites}个`;
  if (cleared) text += `，清空${cleared}个`;
  if (!plan.changes.length) text += '（数值与原来相同，没有变化）';
  const notes: string[] = [];
  const bad = plan.invalid.map((x) => x.message);
  if (bad.length)
    notes.push(
      `${bad.length}个数值无效，未粘贴（已在单元格中标红）：${bad.slice(0, 3).join('；')}${bad.length > 3 ? '……' : ''}`,
    );
  if (plan.outside) notes.push(`${plan.outside}个数值超出表格范围，未粘贴`);
  if (plan.skippedTotals && totalsComputed) notes.push('合计由系统自动计算，粘贴到合计的数值已略过');
  return { text: `${text}。${notes.map((n) => `${n}。`).join('')}`, level: bad.length ? 'warning' : 'info' };
}

/** The selection as Excel puts a block on the clipboard. */
export function copyText<C extends ClipCell>(nav: NavMap<C>, sel: Sel, valueOf: (cell: C) => Cell): string {
  const { r0, r1 } = rectOf(sel);
  const rows: string[][] = [];
  for (let r = r0; r <= r1; r++) {
    const { c0, c1 } = rectOf(sel);
    rows.push(cellsIn(nav, { a: { r, c: c0 }, f: { r, c: c1 } }).map((cell) => formatCell(valueOf(cell))));
  }
  return toTsv(rows);
}
