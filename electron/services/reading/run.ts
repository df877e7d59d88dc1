// Inside the reader process: one request read with the ordinary readers. Never throws: every
// outcome is a reply, and every refusal a Chinese message.
import { UserError } from '../../../shared/api';
import { readLedgerFile, readLedgerPath } from '../ledger/read';
import { readReportBytes, readReportPath } from '../readers';
import { fromBase64 } from './base64';
import { checkedOptions, sourceName, type ReadReply, type ReadRequest } from './protocol';

export async function runRead({ source, options: given, what }: ReadRequest): Promise<ReadReply> {
  try {
    const { options, problems } = checkedOptions(given);
    if (what === 'ledger') {
      const ledger =
        'path' in source
          ? await readLedgerPath(source.path)
          : await readLedgerFile(fromBase64(source.name, source.base64), source.name);
      return { ok: true, ledger };
    }
    const result =
      'path' in source
        ? await readReportPath(source.path, options)
        : await readReportBytes(source.name, fromBase64(source.name, source.base64), options);
    return { ok: true, result: problems.length ? { ...result, problems: [...problems, ...result.problems] } : result };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message };
    return { ok: false, error: `无法读取“${sourceName(source)}”：文件已损坏或格式无法识别。` };
  }
}
