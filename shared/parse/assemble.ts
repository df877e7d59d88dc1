// Stage 7: the report from what the stages read, and the cells the preview marks: the cells a
// problem names, and every cell left blank (a row not found, a number not read, a blank in the
// file), each with why, so that the clerk sees where to look and what to type.
import { allCells, type FormatDef } from '../format';
import { defaultCoverBody, emptyReport } from '../report/defaults';
import { getCell } from '../report/access';
import type { Narrative, Report, TableData } from '../report/model';
import type { FrontMatter } from './front';
import type { Identity } from './identity';
import { splitParts, type NarrativeText } from './narrative';
import type { ParseProblem } from './stage';

/** A cell the preview marks, and why (Chinese). */
export interface CellProblem {
  cell: string;
  message: string;
}

export interface TablesRead {
  disclosure: TableData;
  applications: TableData;
  review: TableData;
  /** `<table key>.<row id>` of the rows read with their numbers. */
  rowsRead: string[];
}

const NARRATIVE_KEYS: Record<number, keyof Narrative> = { 1: 'overview', 5: 'problems', 6: 'other' };

export function assembleReport(
  { org, year }: Identity,
  format: FormatDef,
  { front }: FrontMatter,
  text: NarrativeText,
  tables: TablesRead,
): Report {
  const report = emptyReport(org, year, format.id);
  report.preamble = front.preamble.join('\n');
  report.website = text.website;
  report.contact = text.contact;
  const coverBody = front.cover.body.join('\n');
  report.cover = {
    ...report.cover,
    recipient: front.cover.recipient || report.cover.recipient,
    body: coverBody === defaultCoverBody(org, year) ? '' : coverBody,
    date: front.cover.date || text.endDate,
  };
  const narrative: Narrative = { overview: [], problems: [], other: [] };
  for (const s of format.sections) {
    const key = NARRATIVE_KEYS[s.no];
    if (key) narrative[key] = splitParts(text.sections[s.no] ?? [], s.parts ?? []);
  }
  report.narrative = narrative;
  if (format.id === '2019') report.activeDisclosure2019 = tables.disclosure;
  else report.activeDisclosure = tables.disclosure;
  report.applications = tables.applications;
  report.reviewLitigation = tables.review;
  return report;
}

/**
 * The cells to mark: those a problem names first (its own message), then every blank cell —
 * of a row not read at all, or of a row read without it.
 */
export function cellProblems(
  report: Report,
  format: FormatDef,
  problems: ParseProblem[],
  rowsRead: string[],
): CellProblem[] {
  const out = new Map<string, string>();
  for (const p of problems) for (const c of p.cells ?? []) if (!out.has(c)) out.set(c, p.message);
  const read = new Set(rowsRead);
  for (const c of allCells(format)) {
    if (out.has(c.id) || getCell(report, c.id) !== null) continue;
    out.set(c.id, read.has(`${c.table}.${c.rowId}`) ? '文件中这一格没有数字' : '未能从文件中读取这一行');
  }
  return [...out].map(([cell, message]) => ({ cell, message }));
}
