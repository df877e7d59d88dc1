// The letter (报告, an upward document per GB/T 9704-2012) and the report as a document
// description. The Word export, the preview and the web page all draw this.
import { coverTitle, getFormat, reportTitle, type FormatDef } from '../format';
import { defaultLetterBody } from '../report/defaults';
import { getCell } from '../report/access';
import { narrativeKeyOf, type Report } from '../report/model';
import { chineseDate } from '../rules/text';
import { fmt } from '../rules/numbers';
import { disclosureGrid, matrixGrid, reviewGrid, type TableGrid } from './grid';
import { letterheadSizePt } from './layout';
import type { Block, DocSection, DocumentDescription, ParagraphBlock, ParagraphKind, TableBlock } from './types';

/** Text pasted from Word brings \v (manual line break) and \f (page break): both end a line. */
const BREAKS = /\r?\n|\r|[\v\f]/;

/** Splits text into its non-empty lines: one paragraph each. */
export function lines(text: string): string[] {
  return text
    .split(BREAKS)
    .map((l) => l.trim())
    .filter(Boolean);
}

const NUMERALS = '一二三四五六七八九十';
/** （三） for 3 (1..99). */
export function subNumeral(n: number): string {
  const t = Math.floor(n / 10);
  const u = n % 10;
  const tens = t === 0 ? '' : t === 1 ? '十' : NUMERALS[t - 1] + '十';
  return `（${tens}${u ? NUMERALS[u - 1] : ''}）`;
}
/** A heading a user or an import already numbered (（一）… / (一)…) is not numbered twice. */
export const SUB_NUMBER = /^\s*[（(][一二三四五六七八九十]+[)）]\s*/;

export const DATE_PLACEHOLDER = '年　月　日';

export function letterDate(report: Report): string {
  return report.cover.date ? chineseDate(report.cover.date) : DATE_PLACEHOLDER;
}

/** Display width in body characters: ASCII counts half. */
export function ems(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

/** 发文机关标志: the organ's name followed by 文件 (GB/T 9704 7.2.3). */
export function letterheadText(org: string): string {
  return org.trim() ? `${org.trim()}文件` : '';
}

const para = (kind: ParagraphKind, text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock => ({
  type: 'paragraph',
  kind,
  lines: [text],
  ...extra,
});

/** A title set on two lines at a natural break (after the organ, before the year), as published reports do. */
function twoLines(kind: ParagraphKind, title: string, breakAt: number, extra: Partial<ParagraphBlock> = {}) {
  const a = title.slice(0, breakAt).trim();
  const b = title.slice(breakAt).trim();
  return { ...para(kind, title, extra), lines: a && b ? [a, b] : [title] };
}

/** The 附件 name as printed after 附件：: without a typed 附件： and without closing punctuation (7.3.3). */
export function attachmentName(text: string): string {
  return text
    .trim()
    .replace(/^附件[:：]\s*/, '')
    .replace(/[。．.，,；;：:、]+$/, '');
}

export function letterBlocks(report: Report): Block[] {
  const c = report.cover;
  const org = report.org.trim();
  const title = coverTitle(report.org, report.year);
  const breakAt = org ? title.indexOf(reportTitle(report.org, report.year)) + report.org.length : 0;
  const date = letterDate(report);
  const head = letterheadText(report.org);
  const blocks: Block[] = [
    { type: 'letterhead', text: head, sizePt: letterheadSizePt(head), printed: c.letterhead === 'red' && !!head },
    { type: 'docNumber', docNumber: c.docNumber.trim(), signer: c.signer.trim() },
    { type: 'separator', printed: c.letterhead === 'red' },
    // 标题: 红色分隔线下空二行.
    twoLines('letterTitle', title, breakAt, { spaceBefore: 2 }),
  ];
  // No recipient: no bare '：' line (the rules tell the clerk it is missing).
  if (c.recipient.trim()) blocks.push(para('recipient', `${c.recipient.trim()}：`));
  const body = lines(c.body || defaultLetterBody(report.org, report.year));
  const attachment = attachmentName(c.attachment);
  // The last line of text goes with 署名 and 成文日期: the 附件 line if there is one, else the body's.
  body.forEach((l, i) =>
    blocks.push(para('letterBody', l, i === body.length - 1 && !attachment ? { keepWithNext: true } : {})),
  );
  // 附件说明: 正文下空一行左空二字.
  if (attachment) blocks.push(para('attachment', `附件：${attachment}`, { spaceBefore: 1, keepWithNext: true }));
  // 署名 centred on the date, which stands 4 characters from the right margin.
  const indentRight = Math.max(0, 4 + (ems(date) - ems(org)) / 2);
  const note = letterNote(report);
  // With a 附注 the room left for the seal is one line, not two (the seal's top stays within a line
  // of the text, 7.3.5.1), so that a short letter keeps to one page (7.3.5.4: 调整行距).
  const seal = note ? { spaceBefore: 1 } : {};
  blocks.push(para('signature', org, { indentRight, ...seal }), para('date', date, note ? { keepWithNext: true } : {}));
  // 附注 (GB/T 9704 7.3.6): 居左空二字加圆括号, on the line after 成文日期.
  if (note) blocks.push(para('note', note));
  return blocks;
}

/** An upward document names its 联系人 and 联系电话 in the 附注: （联系人：张三，联系电话：0000-1234567）. */
export function letterNote(report: Report): string {
  const person = report.contact.person?.trim() ?? '';
  const phone = report.contact.phone.trim();
  const parts = [person && `联系人：${person}`, phone && `联系电话：${phone}`].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

/** Website and contact sentences printed after the preamble. */
export function contactLines(report: Report): string[] {
  const out: string[] = [];
  const preamble = report.preamble;
  const site = report.website.trim();
  if (site && !preamble.includes(site)) out.push(`本报告电子版可在${site}查阅。`);
  const c = report.contact;
  const fields: [string, string][] = [
    ['联系人', c.person ?? ''],
    ['地址', c.address],
    ['邮编', c.postcode],
    ['电话', c.phone],
    ['传真', c.fax],
    ['电子邮箱', c.email],
  ];
  const given = fields.filter(([, v]) => v.trim());
  if ((given.length || c.office.trim()) && !(c.phone.trim() && preamble.includes(c.phone.trim()))) {
    const who = c.office.trim() || report.org;
    const detail = given.map(([k, v]) => `${k}：${v.trim()}`).join('；');
    out.push(`如对本报告有疑问，请与${who}联系${detail ? `（${detail}）` : ''}。`);
  }
  return out;
}

/** A value as printed: 0 for zero, nothing for a blank cell. */
export function cellText(report: Report, id: string): string {
  const v = getCell(report, id);
  return v === null ? '' : fmt(v);
}

function gridOfSection(no: number, format: FormatDef): TableGrid | null {
  if (no === 2) return disclosureGrid(format);
  if (no === 3) return matrixGrid(format);
  if (no === 4) return reviewGrid(format);
  return null;
}

export function tableBlock(grid: TableGrid, report: Report, caption: string): TableBlock {
  return {
    type: 'table',
    grid,
    texts: grid.cells.map((c) => (c.role === 'value' ? cellText(report, c.cell!) : c.text)),
    dense: grid.cols > 6,
    aligns: grid.cells.map((c) =>
      grid.key === 'applications' && (c.role === 'label' || c.role === 'note') ? 'left' : 'center',
    ),
    caption,
  };
}

export function reportBlocks(report: Report): Block[] {
  const format = getFormat(report.format);
  const out: Block[] = [
    twoLines('title', reportTitle(report.org, report.year), report.org.length),
    ...lines(report.preamble).map((l) => para('body', l)),
    ...contactLines(report).map((l) => para('contact', l)),
  ];
  for (const s of format.sections) {
    const heading = `${s.numeral}、${s.heading}`;
    // Half a line of air between a table and the next heading.
    const afterTable = out[out.length - 1]?.type === 'table';
    out.push(para('heading1', heading, afterTable ? { spaceBefore: 0.5 } : {}));
    const key = narrativeKeyOf(s.no);
    if (key) {
      let n = 0;
      for (const part of report.narrative[key] ?? []) {
        const body = lines(part.text);
        if (!body.length) continue;
        const sub = part.heading.replace(SUB_NUMBER, '').trim();
        if (sub) out.push(para('heading2', `${subNumeral(++n)}${sub}`));
        out.push(...body.map((l) => para('body', l)));
      }
    }
    const grid = gridOfSection(s.no, format);
    if (grid) out.push(tableBlock(grid, report, heading));
  }
  return out;
}

export interface DescribeOptions {
  /** The report alone (for the website), without the letter. */
  reportOnly?: boolean;
}

export function describeDocument(report: Report, options: DescribeOptions = {}): DocumentDescription {
  const sections: DocSection[] = [];
  if (!options.reportOnly) sections.push({ id: 'letter', blocks: letterBlocks(report) });
  sections.push({ id: 'report', blocks: reportBlocks(report) });
  return { title: reportTitle(report.org, report.year), sections, firstPage: 1 };
}
