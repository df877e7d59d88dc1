// The reviewer's desk: every report of a folder checked by every rule, with last year's report of
// the same organ where given, and the county's figures. Pure: the files are read by the caller.
import type { FormatId } from '../format';
import type { Report } from '../report';
import { checkReport, type Finding } from '../rules';
import { textRepeat } from '../rules/repeat';
import { countyFigures, keyFigures, percent, type KeyFigures } from './figures';
import { matchByOrgan, normalizeOrg } from './organ';

/** One file of the folder, as the reader left it: a report and its reading problems, or an error. */
export type ReviewInput =
  { file: string; report: Report; problems: string[]; kind?: string } | { file: string; error: string };

export interface LastYearInput {
  file: string;
  report: Report;
}

export type ReviewFinding = Pick<Finding, 'rule' | 'severity' | 'message' | 'cells' | 'field'>;

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
  /** Another file of the folder with the same organ and year, read first; this one is left out of the county's figures. */
  duplicateOf: string | null;
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
  /** Reports left out of the county's figures as a second file of the same organ and year. */
  duplicates: number;
  figures: KeyFigures;
  byOrgan: OrganShare[];
}

export interface ReviewResult {
  reports: ReviewEntry[];
  totals: ReviewTotals;
}

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
      figures: null,
      findings: [],
    };
  }
  const { report } = input;
  const match = lasts.length
    ? matchByOrgan(report.org, report.year, lasts, (l) => ({ org: l.report.org, year: l.report.year }))
    : { item: null, note: '' };
  const last = match.item?.report;
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
    warnings: findings.filter((f) => f.severity === 'warning').length,
    repeatPercent: repeat && repeat.bySection.length ? repeat.percent : null,
    lastFile: match.item?.file ?? null,
    lastNote: match.note,
    duplicateOf: null,
    figures: keyFigures(report),
    findings: findings.map(({ rule, severity, message, cells, field }) =>
      field === undefined ? { rule, severity, message, cells } : { rule, severity, message, cells, field },
    ),
  };
}

export function reviewReports(inputs: readonly ReviewInput[], lasts: readonly LastYearInput[] = []): ReviewResult {
  const reports = inputs.map((i) => entryOf(i, lasts));
  const read = reports.filter((r) => r.isReport);
  // The same organ's report twice (a .docx and its PDF, say) must not count twice for the county.
  const firstOf = new Map<string, ReviewEntry>();
  for (const r of read) {
    const key = `${normalizeOrg(r.org)}|${r.year}`;
    const first = normalizeOrg(r.org) ? firstOf.get(key) : undefined;
    if (first) r.duplicateOf = first.file;
    else firstOf.set(key, r);
  }
  const counted = read.filter((r) => !r.duplicateOf);
  const figures = countyFigures(counted.map((r) => r.figures!));
  return {
    reports,
    totals: {
      files: reports.length,
      reports: read.length,
      unreadable: reports.length - read.length,
      withErrors: read.filter((r) => r.errors > 0).length,
      errors: read.reduce((n, r) => n + r.errors, 0),
      warnings: read.reduce((n, r) => n + r.warnings, 0),
      figures,
      duplicates: read.length - counted.length,
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
  return result.totals.withErrors > 0;
}
