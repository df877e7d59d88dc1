// The paragraphs and tables of the cover letter and of the report, in reading order.
// Each narrative paragraph is one w:p; headings carry their own styles (layout.ts STYLE).
import { Paragraph, Table, TextRun } from 'docx';
import { coverTitle, getFormat, reportTitle } from '../../../shared/format';
import { defaultCoverBody } from '../../../shared/report/defaults';
import { narrativeKeyOf, type Report } from '../../../shared/report/model';
import { chineseDate } from '../../../shared/rules';
import { disclosureGrid, matrixGrid, reviewGrid, type TableGrid } from '../tables/grid';
import { clean } from '../tables/xmltext';
import { CHAR, LINE_PITCH, STYLE } from './layout';
import { gridTable } from './tables';

/** Splits text into its non-empty lines: one paragraph each. */
export function lines(text: string): string[] {
  return clean(text)
    .split(/\r?\n|\r/)
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

function para(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun(clean(text))] });
}

/** A title set on two lines at a natural break (before the year), as published reports do. */
function twoLineTitle(style: string, title: string, breakAt: number): Paragraph {
  const a = clean(title.slice(0, breakAt));
  const b = clean(title.slice(breakAt));
  return new Paragraph({
    style,
    children: a && b ? [new TextRun(a), new TextRun({ text: b, break: 1 })] : [new TextRun(title)],
  });
}

/** Display width in body characters: ASCII counts half. */
function ems(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

export const DATE_PLACEHOLDER = '年　月　日';

export function letterDate(report: Report): string {
  return report.cover.date ? chineseDate(report.cover.date) : DATE_PLACEHOLDER;
}

export function letterBlocks(report: Report): Paragraph[] {
  const title = coverTitle(report.org, report.year);
  const inner = reportTitle(report.org, report.year);
  const breakAt = title.indexOf(inner) + report.org.length;
  const date = letterDate(report);
  // 署名 centred on the date, which stands 4 characters from the right margin.
  const sigIndent = Math.max(0, Math.round(4 * CHAR + ((ems(date) - ems(report.org)) / 2) * CHAR));
  return [
    twoLineTitle(STYLE.letterTitle, title, report.org ? breakAt : 0),
    // No recipient: no bare '：' line (the rules tell the clerk it is missing).
    ...(report.cover.recipient.trim() ? [para(STYLE.recipient, `${report.cover.recipient.trim()}：`)] : []),
    ...lines(report.cover.body || defaultCoverBody(report.org, report.year)).map((l) => para(STYLE.letterBody, l)),
    new Paragraph({ style: STYLE.signature, indent: { right: sigIndent }, children: [new TextRun(clean(report.org))] }),
    para(STYLE.date, date),
  ];
}

/** Website and contact sentences printed after the preamble (style NbContact). */
export function contactLines(report: Report): string[] {
  const out: string[] = [];
  const preamble = report.preamble;
  const site = report.website.trim();
  if (site && !preamble.includes(site)) out.push(`本报告电子版可在${site}查阅。`);
  const c = report.contact;
  const fields: [string, string][] = [
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

function tableOfSection(no: number, report: Report): TableGrid | null {
  const format = getFormat(report.format);
  if (no === 2) return disclosureGrid(format);
  if (no === 3) return matrixGrid(format);
  if (no === 4) return reviewGrid(format);
  return null;
}

export function reportBlocks(report: Report): (Paragraph | Table)[] {
  const format = getFormat(report.format);
  const out: (Paragraph | Table)[] = [
    twoLineTitle(STYLE.title, reportTitle(report.org, report.year), report.org.length),
    ...lines(report.preamble).map((l) => para(STYLE.body, l)),
    ...contactLines(report).map((l) => para(STYLE.contact, l)),
  ];
  for (const s of format.sections) {
    const afterTable = out[out.length - 1] instanceof Table;
    // Half a line of air between a table and the next heading.
    out.push(
      new Paragraph({
        style: STYLE.heading1,
        spacing: afterTable ? { before: Math.round(LINE_PITCH / 2) } : undefined,
        children: [new TextRun(`${s.numeral}、${s.heading}`)],
      }),
    );
    const key = narrativeKeyOf(s.no);
    if (key) {
      let n = 0;
      for (const part of report.narrative[key] ?? []) {
        const body = lines(part.text);
        if (!body.length) continue;
        const heading = part.heading.replace(SUB_NUMBER, '').trim();
        if (heading) out.push(para(STYLE.heading2, `${subNumeral(++n)}${heading}`));
        out.push(...body.map((l) => para(STYLE.body, l)));
      }
    }
    const grid = tableOfSection(s.no, report);
    if (grid) out.push(gridTable(grid, report));
  }
  return out;
}
