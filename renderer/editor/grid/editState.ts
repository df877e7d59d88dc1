// The life of one cell edit, as plain functions: started by typing (enter mode) or by F2 / a
// double-click (edit mode), retyped keystroke by keystroke, then left. A valid entry is taken as
// it is typed; an entry that is not valid is never taken: leaving by a key is refused (the clerk
// stays in the cell, its message beside it), leaving by a click keeps the entry shown at its cell
// as rejected, in red with its message, until the cell is typed into, cleared or pasted over.
import type { ValueKind } from '../../../shared/format';
import type { Cell } from '../../../shared/report';
import type { Mode } from './keymap';
import { parseCellText, type ParseOutcome } from './values';

export interface Edit {
  cellId: string;
  mode: 'enter' | 'edit';
  text: string;
  /** The value the cell had before the edit (Esc puts it back). */
  original: Cell;
  /** Keystrokes with the same key coalesce into one undo step. */
  key: string;
  outcome: ParseOutcome;
}

/** An entry that was not taken, shown at its cell. */
export interface Rejected {
  text: string;
  message: string;
}

export type RejectedMap = ReadonlyMap<string, Rejected>;

export function typing(cellId: string, kind: ValueKind, text: string, original: Cell, key: string): Edit {
  return { cellId, mode: 'enter', text, original, key, outcome: parseCellText(text, kind) };
}

/** F2 / double-click: the cell's text (or its rejected entry, to correct it) with the caret at its end. */
export function editing(cellId: string, kind: ValueKind, text: string, original: Cell, key: string): Edit {
  return { cellId, mode: 'edit', text, original, key, outcome: parseCellText(text, kind) };
}

export function retyped(ed: Edit, kind: ValueKind, text: string): Edit {
  return { ...ed, text, outcome: parseCellText(text, kind) };
}

/** What the report holds while the edit lasts: the entry when valid, else the value from before. */
export function heldValue(ed: Edit): Cell {
  return ed.outcome.ok ? ed.outcome.value : ed.original;
}

/** Whether the entry is worth a message yet (a lone minus sign is the start of a valid entry). */
export function showsProblem(ed: Edit): boolean {
  return !ed.outcome.ok && !ed.outcome.partial;
}

export function problemMessage(label: string, ed: Edit): string {
  return ed.outcome.ok ? '' : `“${label}”${ed.outcome.message}，“${ed.text}”未被采用。`;
}

export type Leaving =
  | { stay: false }
  /** A key tried to leave an entry that is not valid: the clerk stays in the cell. */
  | { stay: true; message: string }
  /** Focus went elsewhere: the entry is shown at its cell as rejected. */
  | { stay: false; rejected: Rejected };

export function leave(ed: Edit, by: 'key' | 'blur', label: string): Leaving {
  if (ed.outcome.ok) return { stay: false };
  const message = problemMessage(label, ed);
  return by === 'key' ? { stay: true, message } : { stay: false, rejected: { text: ed.text, message } };
}

/** The keyboard mode of a cell: nav unless it is the one being edited. */
export function modeOf(ed: Edit | null, cellId: string): Mode {
  return ed?.cellId === cellId ? ed.mode : 'nav';
}

export function withRejected(map: RejectedMap, cellId: string, r: Rejected): RejectedMap {
  const next = new Map(map);
  next.set(cellId, r);
  return next;
}

/** Drops the rejected entries of cells that were typed into, cleared or pasted over. */
export function withoutRejected(map: RejectedMap, cellIds: Iterable<string>): RejectedMap {
  let next: Map<string, Rejected> | null = null;
  for (const id of cellIds) {
    if (!map.has(id)) continue;
    next ??= new Map(map);
    next.delete(id);
  }
  return next ?? map;
}
