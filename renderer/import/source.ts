// Where an import comes from: a file (read by the main process through the API, which knows every
// file type) or pasted text (parsed right here with shared/parse: text and the clipboard's HTML).
import { MAX_IMPORT_BYTES, UserError, type FileBytes, type ReadResult } from '../../shared/api';
import { format2021, REPORT_TITLE_SUFFIX } from '../../shared/format';
import { looksLikeReport, parseHtml, parseText } from '../../shared/parse';
import type { Report } from '../../shared/report';
import { previousOf } from '../../shared/review';
import { api } from '../api/client';

/** Base64 of bytes, in chunks (a report file may be a few megabytes). */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** A chosen file's bytes for the API; an empty or far too large file is refused here, in Chinese. */
export async function chosenFileBytes(file: File): Promise<FileBytes> {
  if (file.size === 0) throw new UserError(`文件“${file.name}”是空的，没有可读取的内容。`);
  if (file.size > MAX_IMPORT_BYTES) throw new UserError(`文件“${file.name}”超过100MB，不像是年度报告，未读取。`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, base64: toBase64(bytes) };
}

/** A chosen file read by the main process; `previous` (last year's report of its organ) splits digit runs. */
export async function readChosenFile(file: File, previous?: Report | null): Promise<ReadResult> {
  const bytesArg = await chosenFileBytes(file);
  return previous ? api.readFile(bytesArg, { previous }) : api.readFile(bytesArg);
}

/** Pasted text, or the HTML the clipboard carried with it (keeps the table's cells and merges). */
export function readPasted(text: string, html: string, previous?: Report | null): ReadResult {
  const useHtml = html.trim().length > 0 && /<t[dr]\b/i.test(html);
  if (!text.trim() && !useHtml) throw new UserError('请先把报告的文字粘贴到框中。');
  const options = previous ? { previous } : {};
  const parsed = useHtml ? parseHtml(html, options) : parseText(text, options);
  if (!looksLikeReport(parsed.stats)) {
    const first = format2021.sections[0];
    throw new UserError(
      `粘贴的内容不像是${REPORT_TITLE_SUFFIX}：没有找到报告标题、“${first.numeral}、${first.heading}”等部分标题或统计表。请粘贴报告全文。`,
    );
  }
  return {
    report: parsed.report,
    problems: parsed.problems,
    kind: useHtml ? '粘贴的网页内容' : '粘贴的文字',
    cellProblems: parsed.cellProblems,
    ...(parsed.tables && { tables: parsed.tables }),
  };
}

/**
 * The store's report of the organ's year before the given one, if the clerk has it (matched by
 * organ as the review matches: previousOf), for reading the file's digit runs (rule 6).
 */
export async function storedPrevious(report: Report): Promise<{ report: Report | null; note: string }> {
  const match = previousOf(report, await api.listReports(), (s) => s);
  if (!match.item) return { report: null, note: match.note };
  return { report: (await api.openReport(match.item.id)).report, note: '' };
}
