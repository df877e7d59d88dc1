// A format's rules compiled once (cached per format): cell ids resolved to table/row/column,
// rows grouped with their message labels. Checking and auto-sum then only read values, which
// keeps a full check far below a millisecond while the clerk types.
import {
  allCells,
  parseCellId,
  relations,
  rowScopeLabel,
  tableSection,
  type BalanceRelation,
  type CellDef,
  type FormatDef,
  type SumRelation,
  type TableKey,
} from '../format';
import type { Cell, Report, TableData } from '../report';

/** A cell resolved once per format: reading it is two property lookups. */
export interface Ref {
  table: TableKey;
  row: string;
  col: string;
}

export type Tables = Record<TableKey, TableData | undefined>;

export function tablesOf(report: Report): Tables {
  return {
    activeDisclosure: report.activeDisclosure,
    activeDisclosure2019: report.activeDisclosure2019,
    applications: report.applications,
    reviewLitigation: report.reviewLitigation,
  };
}

export function read(t: Tables, r: Ref): Cell {
  const v = t[r.table]?.[r.row]?.[r.col];
  return v === undefined ? null : v;
}

/** A table row as findings name it. */
export interface PlanRow {
  table: TableKey;
  rowId: string;
  /** 第三部分 */
  section: string;
  /** （三）不予公开1.属于国家秘密 — the row's label, with its group where the own label is ambiguous. */
  name: string;
  /** 第三部分“（一）予以公开” */
  label: string;
  cells: { id: string; col: string; colLabel: string; kind: CellDef['kind'] }[];
}

export interface Plan {
  sums: { rel: SumRelation; target: Ref; parts: Ref[] }[];
  balances: { rel: BalanceRelation; left: Ref[]; right: Ref[] }[];
  rows: PlanRow[];
}

const plans = new WeakMap<FormatDef, Plan>();

export function planOf(format: FormatDef): Plan {
  const hit = plans.get(format);
  if (hit) return hit;
  const ref = (id: string): Ref => {
    const p = parseCellId(id)!;
    return { table: p.table, row: p.rowId, col: p.colId };
  };
  const rel = relations(format);
  const labels = new Map<string, { section: string; name: string }>();
  const name = (table: TableKey, rowId: string, text: string) =>
    labels.set(`${table}.${rowId}`, { section: `第${tableSection(format, table)?.numeral ?? ''}部分`, name: text });
  for (const b of format.disclosure)
    for (const r of b.rows) name(format.disclosureKey, r.id, r.path[r.path.length - 1]);
  for (const r of format.applications.rows) name('applications', r.id, rowScopeLabel(r.path));
  for (const g of format.review.groups) name('reviewLitigation', g.id, g.path.join('·'));
  const rows: Plan['rows'] = [];
  for (const c of allCells(format)) {
    let row = rows[rows.length - 1];
    if (!row || row.table !== c.table || row.rowId !== c.rowId) {
      const { section, name } = labels.get(`${c.table}.${c.rowId}`)!;
      row = { table: c.table, rowId: c.rowId, section, name, label: `${section}“${name}”`, cells: [] };
      rows.push(row);
    }
    row.cells.push({ id: c.id, col: c.colId, colLabel: c.colLabel, kind: c.kind });
  }
  const plan: Plan = {
    sums: rel.sums.map((s) => ({ rel: s, target: ref(s.target), parts: s.parts.map(ref) })),
    balances: rel.balances.map((b) => ({ rel: b, left: b.left.map(ref), right: b.right.map(ref) })),
    rows,
  };
  plans.set(format, plan);
  return plan;
}

/** Sum that treats blank as 0; null when every value is blank (as sumCells). */
export function sumRefs(t: Tables, refs: Ref[]): number | null {
  let sum: number | null = null;
  for (const r of refs) {
    const v = read(t, r);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum === null ? null : Math.round(sum * 10000) / 10000;
}

/** Every table row of a format in reading order, with the names findings use (for compact listings). */
export function tableRows(format: FormatDef): readonly PlanRow[] {
  return planOf(format).rows;
}
