// nianbao import FILE [--json] [--last LASTFILE]: reads any supported file (this app's file, .docx,
// .xlsx, .doc, .pdf, a web page, text) into a report; with --last, last year's report of the same
// organ helps split digits run together (rule 6). With --json stdout is the report JSON alone and what
// could not be read goes to stderr; without, a short summary in Chinese.
import { parseArgs } from 'node:util';
import { UserError } from '../../shared/api';
import { allCells, getFormat, reportTitle } from '../../shared/format';
import { getCell, serializeReport } from '../../shared/report';
import { argErrorMessage } from './arg-errors.mjs';
import { readWithLastFile } from './last-year';
import type { Io } from './run';

const USAGE = '用法：nianbao import 文件 [--json] [--last 上年文件]';

export async function importCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, last: { type: 'string' } },
    });
  } catch (e) {
    throw new UserError(`参数有误：${argErrorMessage(e, '文件名')}。${USAGE}`);
  }
  const files = parsed.positionals;
  if (!files.length) throw new UserError(`请指定要读取的报告文件。${USAGE}`);
  if (files.length > 1) throw new UserError(`一次只能读取一个文件。${USAGE}`);
  const { result, notes } = await readWithLastFile(files[0], parsed.values.last);
  const { report, problems, kind } = result;
  if (parsed.values.json) {
    io.out(serializeReport(report));
    for (const n of notes) io.err(`${n}\n`);
    for (const p of problems) io.err(`读取提示：${p}\n`);
    return 0;
  }
  const format = getFormat(report.format);
  const cells = allCells(format);
  const filled = cells.filter((c) => getCell(report, c.id) !== null).length;
  io.out(`${kind}：${reportTitle(report.org, report.year)}（${format.name}）\n`);
  io.out(`表格共${cells.length}个单元格，读到数字${filled}个，其余为空白。\n`);
  for (const n of notes) io.out(`${n}\n`);
  if (problems.length) {
    io.out(`未能读取或需要核对的地方（${problems.length}处）：\n`);
    problems.forEach((p, i) => io.out(`  ${i + 1}. ${p}\n`));
  } else io.out('全部内容均已读取。\n');
  io.out('加 --json 可输出报告 JSON；用 nianbao check 检查勾稽关系。\n');
  return 0;
}
