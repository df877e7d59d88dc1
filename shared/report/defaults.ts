// Defaults: an empty report for an organ and year, in the format that year requires.
import { getFormat, requiredFormatFor, type FormatDef, type FormatId } from '../format';
import { CURRENT_SCHEMA_VERSION } from './version';
import type { CoverLetter, Narrative, Report, TableData } from './model';

export const DEFAULT_RECIPIENT = '县政府办';

/** The cover letter of a new report (and what an older file that lacks a key gets). */
export const DEFAULT_COVER = {
  recipient: DEFAULT_RECIPIENT,
  body: '',
  date: '',
  docNumber: '',
  signer: '',
  letterhead: 'red',
  attachment: '',
} as const satisfies CoverLetter;

/** 特此报告。 — how an upward report closes; the default body ends with it. */
export const REPORT_CLOSING = '特此报告。';

/** The default cover-letter body, as in sample 000. */
export function defaultCoverBody(org: string, year: number): string {
  return `现将《${org}${year}年政府信息公开工作年度报告》随文呈来，请审阅。`;
}

/** What an empty cover body prints: the default sentence, closed with 特此报告。 */
export function defaultLetterBody(org: string, year: number): string {
  return `${defaultCoverBody(org, year)}\n${REPORT_CLOSING}`;
}

export function defaultPreamble(org: string, year: number): string {
  return (
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定，由${org}编制。` +
    `报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`
  );
}

export function emptyTable(rows: { id: string }[], cols: { id: string }[]): TableData {
  const t: TableData = {};
  for (const r of rows) {
    t[r.id] = {};
    for (const c of cols) t[r.id][c.id] = null;
  }
  return t;
}

export function emptyDisclosure(format: FormatDef): TableData {
  const t: TableData = {};
  for (const b of format.disclosure) Object.assign(t, emptyTable(b.rows, b.columns));
  return t;
}

export function emptyNarrative(format: FormatDef): Narrative {
  const parts = (no: number) =>
    (format.sections.find((s) => s.no === no)?.parts ?? []).map((p) => ({ id: p.id, heading: p.heading, text: '' }));
  return { overview: parts(1), problems: parts(5), other: parts(6) };
}

export function emptyReport(org: string, year: number, formatId: FormatId = requiredFormatFor(year)): Report {
  const format = getFormat(formatId);
  const report: Report = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    format: formatId,
    year,
    org,
    preamble: defaultPreamble(org, year),
    website: '',
    contact: { person: '', office: '', address: '', postcode: '', phone: '', fax: '', email: '' },
    cover: { ...DEFAULT_COVER },
    narrative: emptyNarrative(format),
    activeDisclosure: formatId === '2021' ? emptyDisclosure(format) : {},
    applications: emptyTable(format.applications.rows, format.applications.columns),
    reviewLitigation: emptyTable(format.review.groups, format.review.columns),
    settings: { autoTotals: true },
    previous: null,
  };
  if (formatId === '2019') report.activeDisclosure2019 = emptyDisclosure(format);
  return report;
}
