// The reviewer's desk: every report of a folder checked by every rule, with last year's report of
// the same organ where given, and the county's figures. Pure: the files are read by the caller.
import { getFormat, type FormatId } from '../format';
import type { Report } from '../report';
import { checkReport, countFindings, findingJson, type FindingJson } from '../rules';
import { textRepeat } from '../rules/repeat';
import { countyFigures, keyFigures, percent, type KeyFigures } from './figures';
import { matchByOrgan, normalizeOrg } from './organ';

/** One file of the folder, as the reader left it: a report and its reading problems, or an error. */
export type ReviewInput =
  | {
      file: string;
      report: Report;
      problems: string[];
      kind?: string;
      /** Its numbers were read with last year's report of its organ (digits run together, rule 6). */
      readWithLast?: boolean;
    }
  | { file: string; error: string };

export interface LastYearInput {
  file: string;
  report: Report;
}

export type ReviewFinding = FindingJson;

export interface ReviewEntry {
  file: string;
  /** False for a file that is not a report or could not be read: only readProblems says why. */
  isReport: boolean;
  org: string;
  year: number | null;
  format: FormatId | null;
  /** What kind of file it was (Word 文档 …), when read. */
  kind: string;
  readProblems: string[];
  errors: number;
  warnings: number;
  /** Share of this year's text repeated from last year's, 0–100; null without last year's report. */
  repeatPercent: number | null;
  /** Last year's file matched by organ, and how (empty when exact). */
  lastFile: string | null;
  lastNote: string;
  /** This year's numbers were read with that report of last year (digits run together, rule 6). */
  readWithLast?: boolean;
  /** Another file of the folder with the same organ and year, read first; this one is left out of the county's figures. */
  duplicateOf: string | null;
  /** That other file's numbers differ from this one's: two versions, not two copies. */
  duplicateDiffers?: boolean;
  /** A report of another year than most of the folder's: listed, left out of the county's figures. */
  otherYear: boolean;
  figures: KeyFigures | null;
  findings: ReviewFinding[];
}

export interface OrganShare {
  org: string;
  file: string;
  received: number | null;
  /** Share of the county's applications received, 0–100. */
  share: number | null;
}

export interface ReviewTotals {
  files: number;
  reports: number;
  unreadable: number;
  withErrors: number;
  errors: number;
  warnings: number;
  /** Copies left out as a second file of the same organ and year. */
  duplicates: number;
  /** The year most reports are for; reports of other years are left out of the figures. */
  year: number | null;
  otherYear: number;
  figures: KeyFigures;
  byOrgan: OrganShare[];
}

export interface ReviewResult {
  reports: ReviewEntry[];
  totals: ReviewTotals;
}

/** Said beside last year's file when this year's numbers were read with it. */
export const READ_WITH_LAST = '连在一起的数字已参考这份上年报告拆分';

function entryOf(input: ReviewInput, lasts: readonly LastYearInput[]): ReviewEntry {
  if ('error' in input) {
    return {
      file: input.file,
      isReport: false,
      org: '',
      year: null,
      format: null,
      kind: '',
      readProblems: [input.error],
      errors: 0,
      warnings: 0,
      repeatPercent: null,
      lastFile: null,
      lastNote: '',
      duplicateOf: null,
      otherYear: false,
      figures: null,
      findings: [],
    };
  }
  const { report } = input;
  const match = lasts.length
    ? matchByOrgan(report.org, report.year, lasts, (l) => ({ org: l.report.org, year: l.report.year }))
    : { item: null, note: '' };
  const last = match.item?.report;
  const readWithLast = Boolean(input.readWithLast && last);
  const findings = checkReport(report, last ? { last } : {});
  const repeatSource = last ?? report.previous;
  // No text on either side is not 0 % repeated: there is nothing to compare.
  const repeat = repeatSource ? textRepeat(report, repeatSource) : null;
  return {
    file: input.file,
    isReport: true,
    org: report.org,
    year: report.year,
    format: report.format,
    kind: input.kind ?? '',
    readProblems: input.problems,
    errors: findings.filter((f) => f.severity === 'error').length,
    // As 检查结果 and `nianbao check` count them: blank cells by group (shared/rules/blanks.ts).
    warnings: countFindings(findings, getFormat(report.format)).warning,
    repeatPercent: repeat && repeat.bySection.length ? repeat.percent : null,
    lastFile: match.item?.file ?? null,
    lastNote: [match.note, readWithLast ? READ_WITH_LAST : ''].filter(Boolean).join('；'),
    ...(readWithLast && { readWithLast }),
    duplicateOf: null,
    otherYear: false,
    figures: keyFigures(report),
    findings: findings.map(findingJson),
  };
}

/** Which copy of a report speaks for it when a folder holds several: the fullest kind first. */
const COPY_RANK: [RegExp, number][] = [
  [/\.(nianbao|json)$/i, 0],
  [/\.docx?$/i, 1],
  [/\.pdf$/i, 2],
  [/\.(html?|mht|mhtml|txt)$/i, 3],
  [/\.xlsx$/i, 4],
];
const rankOf = (file: string) => COPY_RANK.find(([re]) => re.test(file))?.[1] ?? 5;

/** The year most reports of the folder are for (the earliest of equals); null without any. */
function folderYear(entries: readonly ReviewEntry[]): number | null {
  const counts = new Map<number, number>();
  for (const e of entries) if (e.year !== null) counts.set(e.year, (counts.get(e.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y < best)) best = y;
  return best;
}

export function reviewReports(inputs: readonly ReviewInput[], lasts: readonly LastYearInput[] = []): ReviewResult {
  const reports = inputs.map((i) => entryOf(i, lasts));
  const read = reports.filter((r) => r.isReport);
  // The same organ's report twice (its .docx and its web page, say) is one report: the fullest
  // copy speaks for it, the others are listed and left out of the counts and the county's figures.
  const groups = new Map<string, ReviewEntry[]>();
  for (const r of read) {
    const org = normalizeOrg(r.org);
    const key = org ? `${org}|${r.year}` : `\u0000${r.file}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const copies of groups.values()) {
    const primary = [...copies].sort((a, b) => rankOf(a.file) - rankOf(b.file))[0];
    for (const c of copies) {
      if (c === primary) continue;
      c.duplicateOf = primary.file;
      c.duplicateDiffers = JSON.stringify(c.figures) !== JSON.stringify(primary.figures);
    }
  }
  const distinct = read.filter((r) => !r.duplicateOf);
  // A report of another year than the folder's is listed, not added to this year's figures.
  const year = folderYear(distinct);
  for (const r of distinct) r.otherYear = year !== null && r.year !== year;
  const counted = distinct.filter((r) => !r.otherYear);
  const figures = countyFigures(counted.map((r) => r.figures!));
  return {
    reports,
    totals: {
      files: reports.length,
      reports: distinct.length,
      unreadable: reports.length - read.length,
      withErrors: distinct.filter((r) => r.errors > 0).length,
      errors: distinct.reduce((n, r) => n + r.errors, 0),
      warnings: distinct.reduce((n, r) => n + r.warnings, 0),
      year,
      otherYear: distinct.length - counted.length,
      figures,
      duplicates: read.length - distinct.length,
      byOrgan: counted.map((r) => ({
        org: r.org,
        file: r.file,
        received: r.figures!.received,
        share: percent(r.figures!.received, figures.received),
      })),
    },
  };
}

/** Exit status of `nianbao review`: 1 when any report has an error finding. */
export function reviewHasErrors(result: ReviewResult): boolean {
  return result.reports.some((r) => r.errors > 0);
}

/** What the list says of a file left out as another copy of a report: the same, or another version. */
export function duplicateNote(r: Pick<ReviewEntry, 'duplicateOf' | 'duplicateDiffers'>): string {
  if (!r.duplicateOf) return '';
  return r.duplicateDiffers
    ? `与“${r.duplicateOf}”是同一机关同一年度的报告，但数字不同；只计“${r.duplicateOf}”，请确认哪一份是报送稿`
    : `与“${r.duplicateOf}”是同一份报告，只计一次`;
}
