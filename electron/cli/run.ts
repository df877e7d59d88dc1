// Dispatches a command line to its command; never lets a stack trace reach the user.
import { UserError } from '../../shared/api';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { importCommand } from './import';
import { ledgerCommand } from './ledger';
import { reviewCommand } from './review';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

export type Command = (args: string[], io: Io) => Promise<number>;

const commands: Record<string, Command> = {
  check: checkCommand,
  export: exportCommand,
  import: importCommand,
  ledger: ledgerCommand,
  review: reviewCommand,
};

export const INTERNAL_FAILURE =
  '处理失败：程序内部出错，文件没有处理完。请确认文件完整后重试；如果问题依旧，请联系技术人员（设置环境变量 NIANBAO_DEBUG=1 可看到详细信息）。';

export const USAGE = `用法：
  nianbao check 文件 [--json] [--last 上年文件]   检查报告的勾稽关系
  nianbao import 文件 [--json] [--last 上年文件]  读取报告（--json 输出报告 JSON）
  nianbao export 文件 --docx 输出.docx --xlsx 输出.xlsx --html 输出.html [--report-only]   导出 Word / Excel / 网页
  nianbao review 文件夹 [--last 上年文件夹] [--xlsx 输出.xlsx] [--json]   审核一个文件夹中的全部报告
  nianbao ledger 台账文件 --year 年度 [--json]            从依申请公开登记台账计算表三
check、import 的 --last：同一机关上一年度的报告，用来拆分连在一起的数字（check 还用它核对上年结转）；
  不能读取、不是同一机关或不是上一年度的，会说明并不使用。
退出码：0 没有错误；1 有勾稽错误（ledger：有未能计入的行或未对应的值）；2 文件无法读取或用法有误。
`;

export function registerCommand(name: string, command: Command): void {
  commands[name] = command;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`未知的命令“${name}”。\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UserError) io.err(`${e.message}\n`);
    else {
      // The details are for a technician (NIANBAO_DEBUG=1); the clerk reads what to do.
      if (process.env.NIANBAO_DEBUG) io.err(`${e instanceof Error ? e.stack : String(e)}\n`);
      io.err(`${INTERNAL_FAILURE}\n`);
    }
    return 2;
  }
}
