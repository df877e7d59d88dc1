// What the user reads when the reader process had to be stopped: which limit, and what to do.
import type { ReadLimits } from './limits';
import { WATCHDOG_MARK } from './protocol';

const RESAVE = '请用 Word、WPS 或 Excel 打开该文件，另存一份后再导入；或把报告正文复制到文本文件中导入。';

export function timeoutMessage(name: string, limits: ReadLimits): string {
  return `读取“${name}”超过${Math.round(limits.timeoutMs / 1000)}秒仍未完成，已停止读取。文件可能已损坏或结构异常（例如大量重复的合并单元格）。${RESAVE}`;
}

export function memoryMessage(name: string, limits: ReadLimits): string {
  const size = limits.memoryMb >= 1024 ? `${Math.round(limits.memoryMb / 1024)}GB` : `${limits.memoryMb}MB`;
  return `读取“${name}”需要的内存超过${size}，已停止读取：文件中的内容解压或展开后过大，远超一份年度报告（文件可能已损坏或被故意构造）。${RESAVE}`;
}

export function crashMessage(name: string): string {
  return `读取“${name}”时，读取文件的后台进程意外退出，未能读取。请重试；如果问题依旧，${RESAVE}`;
}

export function spawnMessage(name: string): string {
  return `无法启动读取文件的后台进程，未能读取“${name}”。请关闭一些程序或重新启动软件后再试。`;
}

/** Why a reader ended without answering: its watchdog's note, V8's out-of-memory report, or a kill by the system. */
export function exitMessage(name: string, limits: ReadLimits, stderr: string, signal: string | null): string {
  if (stderr.includes(WATCHDOG_MARK.time)) return timeoutMessage(name, limits);
  if (stderr.includes(WATCHDOG_MARK.memory) || /heap out of memory|Allocation failed/i.test(stderr))
    return memoryMessage(name, limits);
  // Stopped from outside without a word: the system's out-of-memory killer does that.
  if (signal === 'SIGKILL') return memoryMessage(name, limits);
  return crashMessage(name);
}
