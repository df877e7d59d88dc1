// Blank cells said one way everywhere. The engine reports blanks row by row (rule value.blank, so
// that the editor can mark the cells); read as a list, a blank table would be 25 lines. Here they
// are grouped per table — the whole table, whole rows, or the same columns in many rows — and
// counted once: “有178个单元格空白（涉及33行）”. 检查结果, `nianbao check`, 审核 and the export notes
// all say it with these functions.
import { parseCellId, tableSection, type FormatDef } from '../format';
import { tableRows, type PlanRow } from './plan';
import type { Finding, Severity } from './types';

export interface BlankGroup {
  /** 第三部分每一行的“自然人、商业企业”都空白（150个单元格） */
  text: string;
  /** The cells it names, in the engine's order (the first is where a click goes). */
  cells: string[];
}

export interface BlankSummary {
  /** Blank cells. */
  cells: number;
  /** Rows that have a blank cell. */
  rows: number;
  groups: BlankGroup[];
}

const quoted = (rows: PlanRow[]) => rows.map((r) => `“${r.name}”`).join('、');

/** Names a set of rows briefly: a few by name, most of a table by its exceptions, else a count. */
function which(rows: PlanRow[], all: PlanRow[]): string {
  if (rows.length <= 4) return quoted(rows);
  const rest = all.filter((r) => !rows.includes(r));
  if (rest.length <= 3) return `除${quoted(rest)}外的${rows.length}行`;
  return `有${rows.length}行`;
}

interface BlankRow {
  row: PlanRow;
  cells: string[];
  cols: string[];
}

function groupTable(list: BlankRow[], all: PlanRow[], format: FormatDef): BlankGroup[] {
  const section = list[0].row.section;
  const heading = tableSection(format, list[0].row.table)?.heading ?? '';
  const cellCount = all.reduce((n, r) => n + r.cells.length, 0);
  const cellsOf = (rows: BlankRow[]) => rows.flatMap((b) => b.cells);
  const blank = cellsOf(list);
  if (blank.length === cellCount)
    return [{ text: `${section}“${heading}”的表格全部空白（${cellCount}个单元格）`, cells: blank }];
  const out: BlankGroup[] = [];
  const whole = list.filter((b) => b.cols.length === b.row.cells.length);
  if (whole.length === 1) out.push({ text: `${whole[0].row.label}整行空白`, cells: whole[0].cells });
  else if (whole.length > 1)
    out.push({
      text: `${section}${which(
        whole.map((b) => b.row),
        all,
      )}整行空白`,
      cells: cellsOf(whole),
    });
  // The remaining rows, grouped by which columns are blank.
  const groups = new Map<string, { cols: string[]; rows: BlankRow[] }>();
  for (const b of list) {
    if (b.cols.length === b.row.cells.length) continue;
    const key = b.cols.join('、');
    const g = groups.get(key) ?? { cols: b.cols, rows: [] };
    g.rows.push(b);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const cols = `“${g.cols.join('、')}”`;
    const rows = g.rows.map((b) => b.row);
    const n = rows.length * g.cols.length;
    const text =
      rows.length === 1
        ? `${rows[0].label}的${cols}空白`
        : rows.length === all.length
          ? `${section}每一行的${cols}都空白（${n}个单元格）`
          : `${section}${which(rows, all)}的${cols}空白（${n}个单元格）`;
    out.push({ text, cells: cellsOf(g.rows) });
  }
  return out;
}

/** The value.blank findings grouped per table; null when no cell is blank. */
export function summarizeBlanks(findings: readonly Finding[], format: FormatDef): BlankSummary | null {
  const rows = tableRows(format);
  const byTable = new Map<string, BlankRow[]>();
  let cells = 0;
  let rowCount = 0;
  for (const f of findings) {
    if (f.rule !== 'value.blank' || !f.cells.length) continue;
    cells += f.cells.length;
    rowCount++;
    const p = parseCellId(f.cells[0]);
    const row = p && rows.find((r) => r.table === p.table && r.rowId === p.rowId);
    if (!p || !row) continue;
    const cols = f.cells.map((id) => row.cells.find((c) => c.id === id)?.colLabel ?? id);
    const list = byTable.get(p.table) ?? [];
    list.push({ row, cells: f.cells, cols });
    byTable.set(p.table, list);
  }
  if (!cells) return null;
  const groups: BlankGroup[] = [];
  for (const [table, list] of byTable)
    groups.push(
      ...groupTable(
        list,
        rows.filter((r) => r.table === table),
        format,
      ),
    );
  return { cells, rows: rowCount, groups };
}

/** 有178个单元格空白（涉及33行） — the count as every place says it. */
export function blankHeadline(s: Pick<BlankSummary, 'cells' | 'rows'>): string {
  return `有${s.cells}个单元格空白（涉及${s.rows}行）`;
}

export const BLANK_HINT = '空白不等于0，没有的请填0';

/**
 * The findings as 检查结果 and `nianbao check` list them: the value.blank findings (one per row,
 * as the engine gives them) replaced, where the first stood, by one finding per group.
 */
export function groupBlanks(findings: readonly Finding[], format: FormatDef): Finding[] {
  const first = findings.find((f) => f.rule === 'value.blank');
  if (!first) return [...findings];
  const groups = summarizeBlanks(findings, format)?.groups ?? [];
  return findings.flatMap((f) =>
    f.rule !== 'value.blank'
      ? [f]
      : f === first
        ? groups.map((g) => ({ rule: f.rule, severity: f.severity, message: g.text, cells: g.cells }))
        : [],
  );
}

/** How many items each severity lists once blanks are grouped (groupBlanks). */
export function countFindings(findings: readonly Finding[], format: FormatDef): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of groupBlanks(findings, format)) counts[f.severity]++;
  return counts;
}
