// nianbao check FILE [--json] [--last LASTFILE]
import { parseArgs } from 'node:util';
import { UserError } from '../../shared/api';
import { checkReport, hasErrors, RULES, type Finding } from '../../shared/rules';
import { readReportPath } from '../services/readers';
import type { Io } from './run';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

export function formatFindings(findings: Finding[]): string {
  if (!findings.length) return '未发现问题：所有勾稽关系都成立。\n';
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const lines = findings.map((f, i) => `${i + 1}. [${SEVERITY[f.severity]}] ${f.message}（规则${RULES[f.rule].no}：${f.rule}）`);
  return `${lines.join('\n')}\n共 ${counts.error} 个错误、${counts.warning} 个警告、${counts.info} 个提示。\n`;
}

export async function checkCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, last: { type: 'string' } } });
  } catch (e) {
    throw new UserError(`参数有误：${e instanceof Error ? e.message : String(e)}。用法：nianbao check 文件 [--json] [--last 上年文件]`);
  }
  const [file] = parsed.positionals;
  if (!file) throw new UserError('请指定要检查的报告文件。用法：nianbao check 文件 [--json] [--last 上年文件]');
  const { report, problems } = await readReportPath(file);
  const last = parsed.values.last ? (await readReportPath(parsed.values.last)).report : undefined;
  const findings = checkReport(report, { last });
  if (parsed.values.json) {
    io.out(
      JSON.stringify({
        report,
        findings: findings.map(({ rule, severity, message, cells }) => ({ rule, severity, message, cells })),
        problems,
      }) + '\n',
    );
  } else {
    io.out(`${report.org}${report.year}年政府信息公开工作年度报告（${report.format}年版格式）\n`);
    for (const p of problems) io.out(`读取提示：${p}\n`);
    io.out(formatFindings(findings));
  }
  return hasErrors(findings) ? 1 : 0;
}
