// Cell ids and the enumeration of every cell of a format, in reading order.
import type { CellDef, FormatDef, SectionDef, TableKey } from './types';

export function cellId(table: TableKey, rowId: string, colId: string): string {
  return `${table}.${rowId}.${colId}`;
}

const TABLE_KEYS = new Set<string>(['activeDisclosure', 'activeDisclosure2019', 'applications', 'reviewLitigation']);

/** Splits a cell id; row ids may themselves contain dots (refused.stateSecret). */
export function parseCellId(id: string): { table: TableKey; rowId: string; colId: string } | null {
  const first = id.indexOf('.');
  const last = id.lastIndexOf('.');
  if (first < 0 || last <= first) return null;
  const table = id.slice(0, first) as TableKey;
  if (!TABLE_KEYS.has(table)) return null;
  return { table, rowId: id.slice(first + 1, last), colId: id.slice(last + 1) };
}

/** The label of a row without its outer groups, e.g. 1.属于国家秘密. */
export function ownLabel(path: string[]): string {
  return path[path.length - 1];
}

const cache = new WeakMap<FormatDef, CellDef[]>();

/** Every cell of the format: section 二, then the matrix row by row, then section 四. */
export function allCells(format: FormatDef): CellDef[] {
  const hit = cache.get(format);
  if (hit) return hit;
  const out: CellDef[] = [];
  for (const block of format.disclosure) {
    for (const row of block.rows) {
      for (const col of block.columns) {
        out.push({
          id: cellId(format.disclosureKey, row.id, col.id),
          table: format.disclosureKey,
          rowId: row.id,
          colId: col.id,
          kind: col.kind,
          rowLabel: ownLabel(row.path),
          colLabel: col.label,
          isTotal: false,
        });
      }
    }
  }
  const m = format.applications;
  for (const row of m.rows) {
    for (const col of m.columns) {
      out.push({
        id: cellId('applications', row.id, col.id),
        table: 'applications',
        rowId: row.id,
        colId: col.id,
        kind: col.kind,
        rowLabel: row.path.join(''),
        colLabel: col.label,
        isTotal: !!(row.isTotal || col.isTotal),
      });
    }
  }
  const r = format.review;
  for (const g of r.groups) {
    for (const col of r.columns) {
      out.push({
        id: cellId('reviewLitigation', g.id, col.id),
        table: 'reviewLitigation',
        rowId: g.id,
        colId: col.id,
        kind: col.kind,
        rowLabel: g.path.join('·'),
        colLabel: col.label,
        isTotal: !!col.isTotal,
      });
    }
  }
  cache.set(format, out);
  return out;
}

export function cellsById(format: FormatDef): Map<string, CellDef> {
  return new Map(allCells(format).map((c) => [c.id, c]));
}

/** The section (二, 三 or 四) a table is printed in. */
export function tableSection(format: FormatDef, table: TableKey): SectionDef | undefined {
  const no = table === 'applications' ? 3 : table === 'reviewLitigation' ? 4 : table === format.disclosureKey ? 2 : 0;
  return format.sections.find((s) => s.no === no);
}
