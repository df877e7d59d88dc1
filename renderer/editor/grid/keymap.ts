// The grid's keyboard as a table of key, modifiers, mode and command (as the best grid libraries
// keep it): reading the table tells what every key does; the grid only carries out the command.
//   nav:   a cell is selected, its text selected too — typing overwrites it (Excel's "Ready")
//   enter: typing into a cell started by a keystroke — arrows leave the cell (Excel's "Enter")
//   edit:  F2 or a double-click — arrows move the caret inside the text (Excel's "Edit")
export type Mode = 'nav' | 'enter' | 'edit';

export type Command =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'farUp'
  | 'farDown'
  | 'farLeft'
  | 'farRight'
  | 'extendUp'
  | 'extendDown'
  | 'extendLeft'
  | 'extendRight'
  | 'extendFarUp'
  | 'extendFarDown'
  | 'extendFarLeft'
  | 'extendFarRight'
  | 'rowStart'
  | 'rowEnd'
  | 'extendRowStart'
  | 'extendRowEnd'
  | 'first'
  | 'last'
  | 'next'
  | 'prev'
  | 'enterDown'
  | 'enterUp'
  | 'edit'
  | 'clear'
  | 'cancel'
  | 'collapse'
  | 'undo'
  | 'redo'
  | 'selectAll';

export interface KeyBinding {
  key: string;
  shift?: boolean;
  /** Ctrl (Cmd on a Mac). */
  mod?: boolean;
  modes: readonly Mode[];
  command: Command;
}

const ALL: readonly Mode[] = ['nav', 'enter', 'edit'];
const NAV: readonly Mode[] = ['nav'];
const NOT_EDIT: readonly Mode[] = ['nav', 'enter'];
const TYPING: readonly Mode[] = ['enter', 'edit'];

export const KEYMAP: readonly KeyBinding[] = [
  // Up and Down leave the cell in every mode (a cell holds one line); Left and Right move the caret in edit mode.
  { key: 'ArrowUp', modes: ALL, command: 'up' },
  { key: 'ArrowDown', modes: ALL, command: 'down' },
  { key: 'ArrowLeft', modes: NOT_EDIT, command: 'left' },
  { key: 'ArrowRight', modes: NOT_EDIT, command: 'right' },
  { key: 'ArrowUp', mod: true, modes: NAV, command: 'farUp' },
  { key: 'ArrowDown', mod: true, modes: NAV, command: 'farDown' },
  { key: 'ArrowLeft', mod: true, modes: NAV, command: 'farLeft' },
  { key: 'ArrowRight', mod: true, modes: NAV, command: 'farRight' },
  { key: 'ArrowUp', shift: true, modes: NAV, command: 'extendUp' },
  { key: 'ArrowDown', shift: true, modes: NAV, command: 'extendDown' },
  { key: 'ArrowLeft', shift: true, modes: NAV, command: 'extendLeft' },
  { key: 'ArrowRight', shift: true, modes: NAV, command: 'extendRight' },
  { key: 'ArrowUp', shift: true, mod: true, modes: NAV, command: 'extendFarUp' },
  { key: 'ArrowDown', shift: true, mod: true, modes: NAV, command: 'extendFarDown' },
  { key: 'ArrowLeft', shift: true, mod: true, modes: NAV, command: 'extendFarLeft' },
  { key: 'ArrowRight', shift: true, mod: true, modes: NAV, command: 'extendFarRight' },
  { key: 'Home', modes: NAV, command: 'rowStart' },
  { key: 'End', modes: NAV, command: 'rowEnd' },
  { key: 'Home', shift: true, modes: NAV, command: 'extendRowStart' },
  { key: 'End', shift: true, modes: NAV, command: 'extendRowEnd' },
  { key: 'Home', mod: true, modes: ALL, command: 'first' },
  { key: 'End', mod: true, modes: ALL, command: 'last' },
  // Tab and Shift+Tab pass over computed cells; Enter goes down, to where a run of Tabs started.
  { key: 'Tab', modes: ALL, command: 'next' },
  { key: 'Tab', shift: true, modes: ALL, command: 'prev' },
  { key: 'Enter', modes: ALL, command: 'enterDown' },
  { key: 'Enter', shift: true, modes: ALL, command: 'enterUp' },
  { key: 'F2', modes: NAV, command: 'edit' },
  { key: 'Delete', modes: NAV, command: 'clear' },
  { key: 'Backspace', modes: NAV, command: 'clear' },
  { key: 'Escape', modes: NAV, command: 'collapse' },
  { key: 'Escape', modes: TYPING, command: 'cancel' },
  { key: 'z', mod: true, modes: ALL, command: 'undo' },
  { key: 'y', mod: true, modes: ALL, command: 'redo' },
  { key: 'z', shift: true, mod: true, modes: ALL, command: 'redo' },
  { key: 'a', mod: true, modes: NAV, command: 'selectAll' },
];

export interface KeyPress {
  key: string;
  shift: boolean;
  /** Ctrl or Cmd. */
  mod: boolean;
  alt: boolean;
}

/** The command a key press runs in a mode, or null: the key is left to the input (typing, the caret). */
export function commandFor(press: KeyPress, mode: Mode): Command | null {
  if (press.alt) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const hit = KEYMAP.find(
    (b) => b.key === key && !!b.shift === press.shift && !!b.mod === press.mod && b.modes.includes(mode),
  );
  return hit?.command ?? null;
}
