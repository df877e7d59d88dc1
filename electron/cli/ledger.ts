// nianbao ledger LEDGER.xlsx --year 2024 [--json]: counts an application ledger into the matrix
// of 三. Exit 0 when every row was placed, 1 when rows could not be placed or values not mapped,
// 2 when the file cannot be read (or has no ledger header).
import { parseArgs } from 'node:util';
import { UserError } from '../../shared/api';
import { getFormat, requiredFormatFor, rowScopeLabel } from '../../shared/format';
import {
  countLedgerSheets,
  ledgerFindings,
  ledgerJson,
  matrixRulesText,
  otherSheetsNote,
  type LedgerTally,
} from '../../shared/ledger';
import { emptyReport } from '../../shared/report';
import { readLedgerInIsolation } from '../services/reading';
import type { Io } from './run';

const USAGE = '用法：nianbao ledger 台账文件 --year 年度 [--json]';

function parseYear(text: string | undefined): number {
  if (!text) throw new UserError(`请用 --year 指定统计年度，例如 --year 2024。${USAGE}`);
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100)
    throw new UserError(`统计年度“${text}”无效：应为四位数字的年份，例如 2024。`);
  return year;
}

/** The counted matrix, tab-separated (it pastes into Excel or WPS as a table). */
function matrixText(year: number, tally: LedgerTally): string {
  const m = getFormat(requiredFormatFor(year)).applications;
  let out = `${m.header}\t${m.columns.map((c) => c.label).join('\t')}\n`;
  for (const r of m.rows) {
    out += `${rowScopeLabel(r.path)}\t${m.columns.map((c) => tally.applications[r.id][c.id]).join('\t')}\n`;
  }
  return out;
}

export async function ledgerCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, year: { type: 'string' } },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const opt = msg.match(/option '([^']+)'/)?.[1];
    throw new UserError(`${opt ? `不认识的选项 ${opt}` : '参数有误'}。${USAGE}`);
  }
  const files = parsed.positionals;
  if (!files.length) throw new UserError(`请指定登记台账文件（.xlsx 或 .csv）。${USAGE}`);
  if (files.length > 1) throw new UserError(`一次只能计算一个台账文件。${USAGE}`);
  const year = parseYear(parsed.values.year);
  const raw = await readLedgerInIsolation({ path: files[0] });
  const result = countLedgerSheets(raw, getFormat(requiredFormatFor(year)), year);
  if (!result.ok) throw new UserError(result.problem.message);
  const { tally } = result;
  if (parsed.values.json) {
    io.out(JSON.stringify(ledgerJson(tally), null, 2) + '\n');
    return tally.problems.length ? 1 : 0;
  }
  const layout = result.layout!;
  io.out(`台账“${raw.file}”（工作表“${layout.sheet}”，表头在第${layout.headerRow}行）：\n`);
  if (layout.otherSheets.length) io.out(`${otherSheetsNote(layout)}\n`);
  io.out(`共${tally.rows}件申请，计入${year}年度${tally.counted}件`);
  if (tally.earlier.length) io.out(`；${tally.earlier.length}件在${year - 1}年已办结，属上年报告，未计入`);
  io.out('。\n\n');
  io.out(matrixText(year, tally));
  if (tally.problems.length) {
    io.out(`\n需要处理的问题（${tally.problems.length}处），处理前表中数字不完整：\n`);
    tally.problems.forEach((p, i) => io.out(`  ${i + 1}. ${p.message}\n`));
    io.out('请在台账中改正，或在软件的“从登记台账计算”中为不能确定的值选择对应的行列。\n');
    return 1;
  }
  const format = getFormat(requiredFormatFor(year));
  const findings = ledgerFindings(emptyReport('', year), tally);
  if (findings.length) {
    // Counting balances by construction; should it ever not, say so rather than print a wrong table.
    io.err(`计算结果未通过勾稽检查：${findings.map((f) => f.message).join('；')}\n`);
    return 1;
  }
  io.out(`\n全部申请均已计入；表中数字满足全部勾稽关系：${matrixRulesText(format)}。\n`);
  return 0;
}
