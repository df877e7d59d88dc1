// nianbao check FILE [--json] [--last LASTFILE]
import { parseArgs } from 'node:util';
import { UserError } from '../../shared/api';
import { getFormat, reportTitle, type FormatDef } from '../../shared/format';
import {
  BLANK_HINT,
  blankHeadline,
  checkReport,
  findingJson,
  hasErrors,
  RULES,
  groupBlanks,
  summarizeBlanks,
  type Finding,
  type Severity,
} from '../../shared/rules';
import { argErrorMessage } from './arg-errors.mjs';
import { readWithLastFile } from './last-year';
import type { Io } from './run';

const USAGE = '用法：nianbao check 文件 [--json] [--last 上年文件]';
const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const ORDER: Severity[] = ['error', 'warning', 'info'];

/** One line of the readable list: a finding, or a group of blank cells (groupBlanks). */
interface Line {
  severity: Severity;
  text: string;
}

function ruleTag(f: Finding): string {
  const no = RULES[f.rule].no;
  return /^\d+$/.test(no) ? `（规则${no}）` : `（${no}）`;
}

/** The findings as a readable Chinese list, grouped by severity. */
export function formatFindings(findings: Finding[], format?: FormatDef): string {
  if (!findings.length) return '未发现问题：所有勾稽关系都成立。\n';
  const blanks = format ? summarizeBlanks(findings, format) : null;
  const firstBlank = findings.find((f) => f.rule === 'value.blank');
  // All blanks are said together, grouped, where the first one stands.
  const listed = format ? groupBlanks(findings, format) : findings;
  const lines: Line[] = listed.map((f) => ({ severity: f.severity, text: `${f.message}${ruleTag(f)}` }));
  const parts: string[] = [];
  const counts: string[] = [];
  for (const severity of ORDER) {
    const group = lines.filter((l) => l.severity === severity);
    if (!group.length) continue;
    parts.push(`${SEVERITY[severity]}（${group.length}）：`);
    group.forEach((l, i) => parts.push(`  ${i + 1}. ${l.text}`));
    if (blanks && severity === firstBlank?.severity) parts.push(`  ${blankHeadline(blanks)}：${BLANK_HINT}。`);
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
        findings: findings.map(findingJson),
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
