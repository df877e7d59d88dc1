// Where the grid's cursor and selection go, as plain functions over the navigation map
// (GridLayout.nav): arrows, Tab runs and Enter as in Excel, ranges for copy and paste.
export interface Pos {
  r: number;
  c: number;
}

/** a: where the selection started (the anchor); f: the cell that moves with Shift (the focus). */
export interface Sel {
  a: Pos;
  f: Pos;
}

/** What navigation needs of a cell: its place in the map and its span in value-column units. */
export interface NavCell {
  cellId: string;
  r: number;
  c: number;
  x0: number;
  x1: number;
}

export type NavMap<C extends NavCell = NavCell> = readonly (readonly C[])[];

export type Dir = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev';

export interface Rect {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export function rectOf(sel: Sel): Rect {
  return {
    r0: Math.min(sel.a.r, sel.f.r),
    r1: Math.max(sel.a.r, sel.f.r),
    c0: Math.min(sel.a.c, sel.f.c),
    c1: Math.max(sel.a.c, sel.f.c),
  };
}

export function single(p: Pos): Sel {
  return { a: { r: p.r, c: p.c }, f: { r: p.r, c: p.c } };
}

export function isSingle(sel: Sel): boolean {
  return sel.a.r === sel.f.r && sel.a.c === sel.f.c;
}

export function sameSel(a: Sel | null, b: Sel | null): boolean {
  return !!a && !!b && a.a.r === b.a.r && a.a.c === b.a.c && a.f.r === b.f.r && a.f.c === b.f.c;
}

export function selectAll(nav: NavMap): Sel {
  const last = nav.length - 1;
  return { a: { r: 0, c: 0 }, f: { r: last, c: nav[last].length - 1 } };
}

/** The cells of a selection, row by row. */
export function cellsIn<C extends NavCell>(nav: NavMap<C>, sel: Sel): C[] {
  const { r0, r1, c0, c1 } = rectOf(sel);
  const out: C[] = [];
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++) {
      const cell = nav[r]?.[c];
      if (cell) out.push(cell);
    }
  return out;
}

/** The cell of row r under value column x (rows of different widths: 二's blocks). */
function atX<C extends NavCell>(nav: NavMap<C>, r: number, x: number): C | null {
  const row = nav[r];
  if (!row) return null;
  return row.find((c) => c.x0 <= x && x < c.x1) ?? row[row.length - 1];
}

export interface MoveOptions {
  /** Ctrl+arrow: to the edge of the table. */
  far?: boolean;
  /** Cells to pass over (the computed totals, for Tab and Enter). */
  skip?: (cell: NavCell) => boolean;
}

/** The cell one step (or, far, all the way) in a direction; null at the edge. */
export function neighbour<C extends NavCell>(nav: NavMap<C>, cell: C, dir: Dir, opts: MoveOptions = {}): C | null {
  const { far = false, skip } = opts;
  const row = nav[cell.r];
  const step = (from: C): C | null => {
    switch (dir) {
      case 'right':
        return row[from.c + 1] ?? null;
      case 'left':
        return row[from.c - 1] ?? null;
      case 'down':
        return atX(nav, from.r + 1, cell.x0);
      case 'up':
        return atX(nav, from.r - 1, cell.x0);
      case 'next':
        return nav[from.r][from.c + 1] ?? nav[from.r + 1]?.[0] ?? null;
      case 'prev':
        return nav[from.r][from.c - 1] ?? nav[from.r - 1]?.at(-1) ?? null;
    }
  };
  if (far) {
    if (dir === 'right') return row[row.length - 1];
    if (dir === 'left') return row[0];
    if (dir === 'down') return atX(nav, nav.length - 1, cell.x0);
    if (dir === 'up') return atX(nav, 0, cell.x0);
  }
  let next = step(cell);
  while (next && skip?.(next)) next = step(next);
  return next;
}

/**
 * A run of Tabs along a row: Enter after it goes down to the column where it started, as in
 * Excel. null when there is none (any other move ends it).
 */
export type TabRun = { r: number; x0: number } | null;

/** The run after a Tab (or Shift+Tab) from `from` to `to`. */
export function tabbed(run: TabRun, from: NavCell, to: NavCell): TabRun {
  if (to.r !== from.r) return null; // wrapped to another row: that row starts a run of its own
  if (run && run.r === from.r) return run;
  return { r: from.r, x0: from.x0 };
}

/** Where Enter (down) or Shift+Enter (up) goes from a cell, given the current Tab run. */
export function enterTarget<C extends NavCell>(
  nav: NavMap<C>,
  cell: C,
  run: TabRun,
  up: boolean,
  skip?: (cell: NavCell) => boolean,
): C | null {
  const start = !up && run && run.r === cell.r ? (atX(nav, cell.r, run.x0) ?? cell) : cell;
  return neighbour(nav, start, up ? 'up' : 'down', { skip });
}

/** The rectangle a block of h × w lands on from the selection's top-left, clipped to the table. */
export function landing(nav: NavMap, from: Pos, h: number, w: number): Sel {
  const lastR = Math.min(from.r + h - 1, nav.length - 1);
  const lastC = Math.min(from.c + w - 1, (nav[lastR]?.length ?? 1) - 1);
  return { a: { r: from.r, c: from.c }, f: { r: lastR, c: Math.max(from.c, lastC) } };
}

/** The smallest selection holding the given cells (what an undo changed). */
export function boundingSel(cells: readonly NavCell[]): Sel | null {
  if (!cells.length) return null;
  const rs = cells.map((c) => c.r);
  const cs = cells.map((c) => c.c);
  return { a: { r: Math.min(...rs), c: Math.min(...cs) }, f: { r: Math.max(...rs), c: Math.max(...cs) } };
}
