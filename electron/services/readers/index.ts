// Reads a file of any supported kind into a report. Plain Node: used by the CLI, the
// Electron main process and browser mode alike.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, UserError, type ReadResult } from '../../../shared/api';
import { parseReportText } from '../../../shared/report';

/** Reads bytes already in memory (from the app's file picker or the CLI). */
export async function readReportBytes(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength === 0) throw new UserError(`文件“${name}”是空的，没有可读取的内容。`);
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new UserError(`文件“${name}”超过100MB，不像是年度报告，未读取。`);
  const text = new TextDecoder('utf-8').decode(bytes);
  const parsed = parseReportText(text);
  if (!parsed.ok) throw new UserError(`无法读取“${name}”：${parsed.error}`);
  return { report: parsed.report, problems: [], kind: '报告文件（JSON）' };
}

export async function readReportPath(path: string): Promise<ReadResult> {
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UserError(`“${path}”不是文件。`);
    size = s.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`找不到文件“${path}”，请检查路径是否正确。`);
  }
  if (size > MAX_IMPORT_BYTES) throw new UserError(`文件“${name}”超过100MB，不像是年度报告，未读取。`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UserError(`无法打开文件“${path}”：没有读取权限或文件正被占用。`);
  }
  return readReportBytes(name, bytes);
}
