// Which figure of the tables a run of named terms stands for (the sum of which cells), from the
// format: 予以公开及部分公开 → the two rows' totals; 行政诉讼结果纠正 → both litigation groups'
// 结果纠正; 规范性文件 + 制发 → one cell of 二. Used by quoted-figures.ts.
import { cellId, type FormatDef, type TableKey } from '../format';
import { disclosureColumnName, matrixRowName, type Role, type Token } from './figures';

/** A figure of the tables: the sum of some cells. */
export interface TableFigure {
  table: TableKey;
  cells: string[];
  /** 本年新收, 予以公开+部分公开, 行政复议结果维持 … */
  label: string;
  amount: boolean;
  /** Other readings a text may mean (收到申请 with last year's carried-over ones). */
  alternatives?: string[][];
  /** Bases a percentage of this figure may be of. */
  bases?: { label: string; cells: string[] }[];
}

/** A figure the text states, bound to the table figure it names. */
export interface QuotedFigure {
  section: number;
  part: string;
  heading: string;
  /** The words quoted, 收到申请9件. */
  quote: string;
  value: number;
  figure: TableFigure;
  /** A percentage stated right after the figure (占60%). */
  percent?: { value: number; quote: string };
}

export type TermToken = Extract<Token, { type: 'term' }>;
export type NumberToken = Extract<Token, { type: 'number' }>;

function appFigure(format: FormatDef, rows: string[], cols: string[], label: string, received: boolean): TableFigure {
  const m = format.applications;
  const cells = rows.flatMap((r) => cols.map((c) => cellId('applications', r, c)));
  const total = (row: string) => cellId('applications', row, m.totalColumn);
  const name = (row: string) => matrixRowName(format, row);
  const bases = [
    { label: name(m.resultTotalRow), cells: [total(m.resultTotalRow)] },
    { label: name(m.newRow), cells: [total(m.newRow)] },
    {
      label: `${name(m.newRow)}与${name(m.carriedOverRow)}之和`,
      cells: [total(m.newRow), total(m.carriedOverRow)],
    },
  ];
  return {
    table: 'applications',
    cells,
    label,
    amount: false,
    ...(received && cols.length === 1 && cols[0] === m.totalColumn
      ? { alternatives: [[...cells, total(m.carriedOverRow)]] }
      : {}),
    bases,
  };
}

/** Sentence state: the review group and section 二 row/column named last. */
export interface State {
  reviewGroups: string[] | null;
  reviewLabel: string;
  activeRow: Extract<Role, { kind: 'activeRow' }> | null;
  activeCol: string | null;
}

/** The table figure a run of named terms stands for, or null when it names none the tables hold. */
export function figureOf(format: FormatDef, terms: TermToken[], state: State, percent: boolean): TableFigure[] | null {
  const last = terms[terms.length - 1]?.term.role;
  if (!last) return null;
  // Terms of the same kind joined by conjunctions are one sum: 予以公开及部分公开.
  const run: Role[] = [last];
  for (let i = terms.length - 2; i >= 0; i--) {
    const r = terms[i].term.role;
    if (r.kind !== last.kind || !terms[i + 1].conj) break;
    run.unshift(r);
  }
  const m = format.applications;
  switch (last.kind) {
    case 'appRow': {
      let roles = run as Extract<Role, { kind: 'appRow' }>[];
      // 予以公开答复2件: an outcome named before a verb for all of them (答复, 办结) is the figure.
      const generic = (r: Role) => r.kind === 'appRow' && r.rows.length === 1 && r.rows[0] === m.resultTotalRow;
      if (roles.length === 1 && generic(last)) {
        const specific = [...terms].reverse().find((t) => t.term.role.kind === 'appRow' && !generic(t.term.role));
        if (specific) roles = [specific.term.role as Extract<Role, { kind: 'appRow' }>];
      }
      const rows = [...new Set(roles.flatMap((r) => r.rows))];
      return [
        appFigure(
          format,
          rows,
          [m.totalColumn],
          roles.map((r) => r.label).join('+'),
          roles.length === 1 && roles[0].received,
        ),
      ];
    }
    case 'appCol': {
      // Applicant types count received applications unless another row was named (予以公开…其中自然人).
      const row = terms.map((t) => t.term.role).find((r) => r.kind === 'appRow' && !r.received);
      if (row) return null;
      const roles = run as Extract<Role, { kind: 'appCol' }>[];
      const cols = [...new Set(roles.flatMap((r) => r.cols))];
      return [
        appFigure(
          format,
          [m.newRow],
          cols,
          `${matrixRowName(format, m.newRow)}${roles.map((r) => r.label).join('+')}`,
          false,
        ),
      ];
    }
    case 'reviewGroup':
    case 'reviewCol': {
      const group = [...terms].reverse().find((t) => t.term.role.kind === 'reviewGroup')?.term.role as
        Extract<Role, { kind: 'reviewGroup' }> | undefined;
      if (group) {
        state.reviewGroups = group.groups;
        state.reviewLabel = group.label;
      }
      if (!state.reviewGroups) return null;
      const groups = state.reviewGroups;
      const total = format.review.totalColumn;
      const base = {
        label: `${state.reviewLabel}总计`,
        cells: groups.map((g) => cellId('reviewLitigation', g, total)),
      };
      if (last.kind === 'reviewGroup') {
        const roles = run as Extract<Role, { kind: 'reviewGroup' }>[];
        if (roles.length > 1 && !percent) {
          const ids = [...new Set(roles.flatMap((r) => r.groups))];
          return [
            {
              table: 'reviewLitigation',
              cells: ids.map((g) => cellId('reviewLitigation', g, total)),
              label: roles.map((r) => r.label).join('+'),
              amount: false,
            },
          ];
        }
        return [{ table: 'reviewLitigation', cells: base.cells, label: base.label, amount: false }];
      }
      const cols = (run as Extract<Role, { kind: 'reviewCol' }>[]).filter((r) => r.kind === 'reviewCol');
      return [
        {
          table: 'reviewLitigation',
          cells: groups.flatMap((g) => cols.map((c) => cellId('reviewLitigation', g, c.col))),
          label: state.reviewLabel + cols.map((c) => c.label).join('+'),
          amount: false,
          bases: [base],
        },
      ];
    }
    case 'activeRow':
    case 'activeCol': {
      // A new row forgets the column named for an earlier figure: 废止4件，…行政规范性文件42件 does
      // not say 42 were repealed (印发规范性文件4件 names both for this one).
      const newRow = terms.some((t) => t.term.role.kind === 'activeRow' && t.term.role.row !== state.activeRow?.row);
      if (newRow) state.activeCol = null;
      for (const t of terms) {
        const r = t.term.role;
        if (r.kind === 'activeRow') state.activeRow = r;
        else if (r.kind === 'activeCol') state.activeCol = r.col;
      }
      const row = state.activeRow;
      if (!row) return null;
      const block = format.disclosure.find((b) => b.id === row.block)!;
      // A one-column amount (行政事业性收费) needs no column named; counts do (行政许可 alone may be items).
      const col =
        block.columns.find((c) => c.id === state.activeCol) ??
        (block.columns.length === 1 && block.columns[0].kind === 'amount' ? block.columns[0] : undefined);
      if (!col) return null;
      return [
        {
          table: format.disclosureKey,
          cells: [cellId(format.disclosureKey, row.row, col.id)],
          label: row.label + disclosureColumnName(col.label, col.aliases),
          amount: col.kind === 'amount',
        },
      ];
    }
  }
}
