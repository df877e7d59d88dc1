// Grid layouts of the tables of 二, 三 and 四, derived from the format definition: the official
// multi-level column headers, merged (rowSpan) row labels, and a navigation map of the inputs.
// No label is spelled here; every text comes from shared/format.
import { cellId, type ColumnDef, type FormatDef, type TableKey, type ValueKind } from '../../../shared/format';

export interface HeadCell {
  key: string;
  text: string;
  colSpan: number;
  rowSpan: number;
  /** corner: the top-left cell; group: a header over several columns; leaf: a column's own label. */
  kind: 'corner' | 'group' | 'leaf';
}

export interface LabelCell {
  type: 'label';
  key: string;
  text: string;
  colSpan: number;
  rowSpan: number;
  /** Depth of the label in the row's path (0 = outermost). */
  level: number;
  /** Where the label sticks while the table scrolls sideways (the widths of the label columns before it). */
  stickyLeft?: string;
}

export interface InputCell {
  type: 'input';
  cellId: string;
  table: TableKey;
  rowId: string;
  colId: string;
  colSpan: number;
  kind: ValueKind;
  isTotal: boolean;
  ariaLabel: string;
  /** Short names for messages. */
  rowName: string;
  colName: string;
  /** Position in the navigation map. */
  r: number;
  c: number;
  /** Span in value-column units, to move up/down between rows of different widths. */
  x0: number;
  x1: number;
}

export interface HeaderCellInBody {
  type: 'head';
  key: string;
  text: string;
  colSpan: number;
}

export interface BodyRow {
  key: string;
  /** data: a row of inputs; band: a block title; colhead: a block's column labels. */
  type: 'data' | 'band' | 'colhead';
  cells: (LabelCell | InputCell | HeaderCellInBody)[];
  /** Whether this row holds a total row of the format (shown a little bolder). */
  isTotal?: boolean;
}

export interface GridLayout {
  id: 'disclosure' | 'applications' | 'review';
  /** Widths of the columns: label columns first, then value columns. */
  cols: { kind: 'label' | 'value'; width?: string }[];
  head: HeadCell[][];
  body: BodyRow[];
  /** nav[r][c] is the input at navigation row r, column c. */
  nav: InputCell[][];
  byId: Map<string, InputCell>;
}

// ---- column headers -------------------------------------------------------------------------

interface Leaf {
  path: string[];
}
interface Node {
  text: string;
  children: Node[];
  leaves: number;
  isLeaf: boolean;
}

function buildTree(leaves: Leaf[]): Node[] {
  const build = (items: Leaf[], depth: number): Node[] => {
    const out: Node[] = [];
    let i = 0;
    while (i < items.length) {
      const head = items[i].path[depth];
      if (items[i].path.length === depth + 1) {
        out.push({ text: head, children: [], leaves: 1, isLeaf: true });
        i++;
        continue;
      }
      let j = i;
      while (j < items.length && items[j].path.length > depth + 1 && items[j].path[depth] === head) j++;
      const children = build(items.slice(i, j), depth + 1);
      out.push({ text: head, children, leaves: j - i, isLeaf: false });
      i = j;
    }
    return out;
  };
  return build(leaves, 0);
}

/**
 * Header rows from leaf paths. Leaves always sit on the bottom row; a group whose children are
 * all leaves stretches down to them (行政复议), a leaf beside groups stretches up (自然人).
 */
export function headerRows(leaves: Leaf[], corner?: { text: string; colSpan: number }): HeadCell[][] {
  const depth = Math.max(...leaves.map((l) => l.path.length));
  const rows: HeadCell[][] = Array.from({ length: depth }, () => []);
  let n = 0;
  const place = (node: Node, row: number) => {
    const key = `h${n++}`;
    if (node.isLeaf) {
      rows[row].push({ key, text: node.text, colSpan: 1, rowSpan: depth - row, kind: 'leaf' });
      return;
    }
    const allLeaves = node.children.every((c) => c.isLeaf);
    const span = allLeaves ? depth - 1 - row : 1;
    rows[row].push({ key, text: node.text, colSpan: node.leaves, rowSpan: span, kind: 'group' });
    for (const c of node.children) place(c, row + span);
  };
  if (corner)
    rows[0].push({ key: 'corner', text: corner.text, colSpan: corner.colSpan, rowSpan: depth, kind: 'corner' });
  for (const node of buildTree(leaves)) place(node, 0);
  return rows;
}

// ---- row labels -----------------------------------------------------------------------------

/** Label cells of rows given by paths: shared outer labels merge over consecutive rows. */
export function rowLabelCells(paths: string[][], labelCols: number): LabelCell[][] {
  return paths.map((path, r) => {
    const cells: LabelCell[] = [];
    for (let level = 0; level < path.length; level++) {
      const last = level === path.length - 1;
      if (last) {
        cells.push({
          type: 'label',
          key: `l${level}`,
          text: path[level],
          colSpan: labelCols - level,
          rowSpan: 1,
          level,
        });
        break;
      }
      const prefix = path.slice(0, level + 1).join('\u0000');
      const samePrefix = (p: string[] | undefined) =>
        !!p && p.length > level + 1 && p.slice(0, level + 1).join('\u0000') === prefix;
      if (samePrefix(paths[r - 1])) continue; // merged into the label above
      let span = 1;
      while (samePrefix(paths[r + span])) span++;
      cells.push({ type: 'label', key: `l${level}`, text: path[level], colSpan: 1, rowSpan: span, level });
    }
    return cells;
  });
}

// ---- the three tables -----------------------------------------------------------------------

function finish(id: GridLayout['id'], cols: GridLayout['cols'], head: HeadCell[][], body: BodyRow[]): GridLayout {
  const nav: InputCell[][] = [];
  const byId = new Map<string, InputCell>();
  for (const row of body) {
    if (row.type !== 'data') continue;
    const inputs = row.cells.filter((c): c is InputCell => c.type === 'input');
    inputs.forEach((c, i) => {
      c.r = nav.length;
      c.c = i;
      byId.set(c.cellId, c);
    });
    nav.push(inputs);
  }
  return { id, cols, head, body, nav, byId };
}

function input(
  table: TableKey,
  rowId: string,
  col: ColumnDef,
  rowName: string,
  colName: string,
  x0: number,
  span: number,
  isTotal: boolean,
): InputCell {
  return {
    type: 'input',
    cellId: cellId(table, rowId, col.id),
    table,
    rowId,
    colId: col.id,
    colSpan: span,
    kind: col.kind,
    isTotal,
    ariaLabel: `${rowName}，${colName}`,
    rowName,
    colName,
    r: 0,
    c: 0,
    x0,
    x1: x0 + span,
  };
}

function gcd(a: number, b: number): number {
  return b ? gcd(b, a % b) : a;
}

/** 二: each block is a title row, a row of column labels and its data rows, in one table. */
export function disclosureLayout(format: FormatDef): GridLayout {
  const counts = format.disclosure.map((b) => b.columns.length);
  const width = counts.reduce((a, n) => (a * n) / gcd(a, n), 1);
  const body: BodyRow[] = [];
  for (const block of format.disclosure) {
    const span = width / block.columns.length;
    body.push({
      key: `${block.id}-band`,
      type: 'band',
      cells: [{ type: 'head', key: 'b', text: block.label, colSpan: width + 1 }],
    });
    body.push({
      key: `${block.id}-cols`,
      type: 'colhead',
      cells: [
        { type: 'head', key: 'item', text: block.itemHeader, colSpan: 1 },
        ...block.columns.map((c) => ({ type: 'head' as const, key: c.id, text: c.label, colSpan: span })),
      ],
    });
    for (const row of block.rows) {
      const own = row.path.join(' ');
      body.push({
        key: `${block.id}.${row.id}`,
        type: 'data',
        cells: [
          { type: 'label', key: 'l0', text: own, colSpan: 1, rowSpan: 1, level: 0 },
          ...block.columns.map((c, i) =>
            input(format.disclosureKey, row.id, c, `${block.label} ${own}`, c.label, i * span, span, false),
          ),
        ],
      });
    }
  }
  const cols: GridLayout['cols'] = [
    { kind: 'label', width: '12em' },
    ...Array.from({ length: width }, () => ({ kind: 'value' as const })),
  ];
  return finish('disclosure', cols, [], body);
}

/** 三: the matrix, with the 勾稽 note in the corner and merged result-row labels. */
export function matrixLayout(format: FormatDef): GridLayout {
  const m = format.applications;
  const labelCols = Math.max(...m.rows.map((r) => r.path.length));
  const leafPath = (c: ColumnDef) => [m.header, ...(c.group ? [c.group] : []), c.label];
  const head = headerRows(
    m.columns.map((c) => ({ path: leafPath(c) })),
    { text: m.note, colSpan: labelCols },
  );
  const labelWidths = ['2.6em', '7.5em', undefined];
  const labels = rowLabelCells(
    m.rows.map((r) => r.path),
    labelCols,
  );
  for (const row of labels)
    for (const l of row) l.stickyLeft = l.level === 0 ? '0' : `calc(${labelWidths.slice(0, l.level).join(' + ')})`;
  const body: BodyRow[] = m.rows.map((row, r) => ({
    key: row.id,
    type: 'data',
    isTotal: !!row.isTotal,
    cells: [
      ...labels[r],
      ...m.columns.map((c, i) =>
        input(
          'applications',
          row.id,
          c,
          row.path.join(' '),
          leafPath(c).slice(1).join(' '),
          i,
          1,
          !!(row.isTotal || c.isTotal),
        ),
      ),
    ],
  }));
  const cols: GridLayout['cols'] = [
    ...Array.from({ length: labelCols }, (_, i) => ({ kind: 'label' as const, width: labelWidths[i] })),
    ...m.columns.map(() => ({ kind: 'value' as const, width: '5.4em' })),
  ];
  return finish('applications', cols, head, body);
}

/** 四: one row of numbers under three column groups (行政复议, 行政诉讼 ×2). */
export function reviewLayout(format: FormatDef): GridLayout {
  const rv = format.review;
  const leaves = rv.groups.flatMap((g) => rv.columns.map((c) => ({ path: [...g.path, c.label] })));
  const head = headerRows(leaves);
  const cells: InputCell[] = [];
  rv.groups.forEach((g, gi) =>
    rv.columns.forEach((c, ci) => {
      const i = gi * rv.columns.length + ci;
      cells.push(input('reviewLitigation', g.id, c, g.path.join(' '), c.label, i, 1, !!c.isTotal));
    }),
  );
  const body: BodyRow[] = [{ key: 'review', type: 'data', cells }];
  return finish(
    'review',
    leaves.map(() => ({ kind: 'value' as const })),
    head,
    body,
  );
}

const layoutCache = new WeakMap<FormatDef, Record<GridLayout['id'], GridLayout>>();

export function layoutsOf(format: FormatDef): Record<GridLayout['id'], GridLayout> {
  let hit = layoutCache.get(format);
  if (!hit) {
    hit = { disclosure: disclosureLayout(format), applications: matrixLayout(format), review: reviewLayout(format) };
    layoutCache.set(format, hit);
  }
  return hit;
}

/** The section page (2, 3, 4) that shows a cell. */
export function sectionOfCell(id: string): 2 | 3 | 4 | null {
  if (id.startsWith('activeDisclosure')) return 2;
  if (id.startsWith('applications.')) return 3;
  if (id.startsWith('reviewLitigation.')) return 4;
  return null;
}
