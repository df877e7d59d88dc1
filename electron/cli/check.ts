// nianbao check FILE [--json] [--last LASTFILE]
import { parseArgs } from 'node:util';
import { UserError } from '../../shared/api';
import { getFormat, parseCellId, reportTitle, tableSection, type FormatDef } from '../../shared/format';
import {
  checkReport,
  hasErrors,
  RULES,
  tableRows,
  type Finding,
  type PlanRow,
  type Severity,
} from '../../shared/rules';
import { argErrorMessage } from './arg-errors.mjs';
import { readWithLastFile } from './last-year';
import type { Io } from './run';

const USAGE = '用法：nianbao check 文件 [--json] [--last 上年文件]';
const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const ORDER: Severity[] = ['error', 'warning', 'info'];
const BLANK_HINT = '空白不等于0：没有的请填0。';

/** One line of the readable list: a finding, or several blank-cell findings said at once. */
interface Line {
  severity: Severity;
  text: string;
}

function ruleTag(f: Finding): string {
  const no = RULES[f.rule].no;
  return /^\d+$/.test(no) ? `（规则${no}）` : `（${no}）`;
}

const quoted = (rows: PlanRow[]) => rows.map((r) => `“${r.name}”`).join('、');

/** Names a set of rows briefly: a few by name, most of a table by its exceptions, else a count. */
function which(rows: PlanRow[], all: PlanRow[]): string {
  if (rows.length <= 4) return quoted(rows);
  const rest = all.filter((r) => !rows.includes(r));
  if (rest.length <= 3) return `除${quoted(rest)}外的${rows.length}行`;
  return `有${rows.length}行`;
}

/**
 * The engine reports blanks row by row (the editor highlights cells from them); read as text,
 * a blank table would be 25 lines. Here they are said once per table: the whole table, whole
 * rows, or the same columns in many rows.
 */
function blankLines(blanks: Finding[], format: FormatDef): string[] {
  const rows = tableRows(format);
  const byTable = new Map<string, { row: PlanRow; cols: string[] }[]>();
  for (const f of blanks) {
    const p = parseCellId(f.cells[0] ?? '');
    const row = p && rows.find((r) => r.table === p.table && r.rowId === p.rowId);
    if (!p || !row) continue;
    const cols = f.cells.map((id) => row.cells.find((c) => c.id === id)?.colLabel ?? id);
    const list = byTable.get(p.table) ?? [];
    list.push({ row, cols });
    byTable.set(p.table, list);
  }
  const out: string[] = [];
  for (const [table, list] of byTable) {
    const tableRowsAll = rows.filter((r) => r.table === table);
    const section = list[0].row.section;
    const heading = tableSection(format, list[0].row.table)?.heading ?? '';
    const cellCount = tableRowsAll.reduce((n, r) => n + r.cells.length, 0);
    const blankCount = list.reduce((n, b) => n + b.cols.length, 0);
    if (blankCount === cellCount) {
      out.push(`${section}“${heading}”的表格全部空白（${cellCount}个单元格）`);
      continue;
    }
    const whole = list.filter((b) => b.cols.length === b.row.cells.length).map((b) => b.row);
    if (whole.length === 1) out.push(`${whole[0].label}整行空白`);
    else if (whole.length > 1) out.push(`${section}${which(whole, tableRowsAll)}整行空白`);
    // The remaining rows, grouped by which columns are blank.
    const groups = new Map<string, { cols: string[]; rows: PlanRow[] }>();
    for (const b of list) {
      if (b.cols.length === b.row.cells.length) continue;
      const key = b.cols.join('、');
      const g = groups.get(key) ?? { cols: b.cols, rows: [] };
      g.rows.push(b.row);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const cols = `“${g.cols.join('、')}”`;
      const n = g.rows.length * g.cols.length;
      if (g.rows.length === 1) out.push(`${g.rows[0].label}的${cols}空白`);
      else if (g.rows.length === tableRowsAll.length) out.push(`${section}每一行的${cols}都空白（${n}个单元格）`);
      else out.push(`${section}${which(g.rows, tableRowsAll)}的${cols}空白（${n}个单元格）`);
    }
  }
  return out;
}

/** The findings as a readable Chinese list, grouped by severity. */
export function formatFindings(findings: Finding[], format?: FormatDef): string {
  if (!findings.length) return '未发现问题：所有勾稽关系都成立。\n';
  const lines: Line[] = [];
  const blanks = findings.filter((f) => f.rule === 'value.blank');
  for (const f of findings) {
    if (format && f.rule === 'value.blank') {
      // All blanks are said together, where the first one stands.
      if (f !== blanks[0]) continue;
      for (const text of blankLines(blanks, format)) lines.push({ severity: f.severity, text: `${text}${ruleTag(f)}` });
      continue;
    }
    lines.push({ severity: f.severity, text: `${f.message}${ruleTag(f)}` });
  }
  const parts: string[] = [];
  const counts: string[] = [];
  for (const severity of ORDER) {
    const group = lines.filter((l) => l.severity === severity);
    if (!group.length) continue;
    parts.push(`${SEVERITY[severity]}（${group.length}）：`);
    group.forEach((l, i) => parts.push(`  ${i + 1}. ${l.text}`));
    if (format && severity === blanks[0]?.severity) parts.push(`  ${BLANK_HINT}`);
    counts.push(`${group.length} 个${SEVERITY[severity]}`);
  }
  return `${parts.join('\n')}\n共 ${counts.join('、')}。\n`;
}

/** parseArgs's errors are English; say in Chinese which option is wrong. */
function argError(e: unknown): UserError {
  return new UserError(`参数有误：${argErrorMessage(e, '文件名')}。${USAGE}`);
}

export async function checkCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, last: { type: 'string' } },
    });
  } catch (e) {
    throw argError(e);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UserError(`请指定要检查的报告文件。${USAGE}`);
  if (extra.length) throw new UserError(`一次只能检查一个报告文件，多出了“${extra.join('”“')}”。${USAGE}`);
  const { result, last, notes } = await readWithLastFile(file, parsed.values.last);
  const { report, problems } = result;
  const findings = checkReport(report, last ? { last } : {});
  if (parsed.values.json) {
    for (const n of notes) io.err(`${n}\n`);
    io.out(
      JSON.stringify({
        report,
        findings: findings.map(({ rule, severity, message, cells }) => ({ rule, severity, message, cells })),
        problems,
      }) + '\n',
    );
  } else {
    const format = getFormat(report.format);
    io.out(`${reportTitle(report.org, report.year)}——${format.name}\n`);
    for (const n of notes) io.out(`${n}\n`);
    for (const p of problems) io.out(`读取提示：${p}\n`);
    io.out(formatFindings(findings, format));
  }
  return hasErrors(findings) ? 1 : 0;
}
