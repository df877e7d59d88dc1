// One call from a ledger (a file's sheets or the 登记 page's entries) to its count, and what the
// preview and the command line need around it: the differences with the report's matrix, the
// clerk's choices remembered, the JSON the command line prints.
import { allCells, cellId, getFormat, type FormatDef } from '../format';
import type { Cell, Report } from '../report/model';
import { countLedger, type LedgerTally } from './count';
import { readDate } from './dates';
import { entryRecords, ledgerRecords } from './records';
import type {
  LedgerCount,
  LedgerEntry,
  LedgerRecord,
  LedgerLayout,
  LedgerMapping,
  LedgerProblem,
  RawLedger,
  ReportLedger,
  SeenValue,
} from './types';

export type LedgerResult =
  | { ok: true; layout: LedgerLayout | null; tally: LedgerTally; records: LedgerRecord[] }
  | { ok: false; problem: LedgerProblem };

export function emptyMapping(): LedgerMapping {
  return { applicant: {}, outcome: {} };
}

export function emptyLedger(): ReportLedger {
  return { entries: [], mapping: emptyMapping() };
}

export function emptyEntry(): LedgerEntry {
  return { received: '', applicant: '', subject: '', answered: '', outcome: '', reason: '' };
}

/** Counts a ledger file's sheets for a reporting year. */
export function countLedgerSheets(
  raw: RawLedger,
  format: FormatDef,
  year: number,
  mapping?: LedgerMapping,
): LedgerResult {
  const read = ledgerRecords(raw, year);
  if (!read.ok) return read;
  return {
    ok: true,
    layout: read.layout,
    tally: countLedger(format, year, read.records, mapping),
    records: read.records,
  };
}

/** Counts the ledger kept on the report's 登记 page. */
export function countReportLedger(report: Report): LedgerTally {
  const ledger = report.ledger ?? emptyLedger();
  return countLedger(getFormat(report.format), report.year, entryRecords(ledger.entries), ledger.mapping);
}

/** A choice remembered: the value now maps to target (a column id, a result row id or OPEN). */
export function remember(
  mapping: LedgerMapping,
  seen: Pick<SeenValue, 'field' | 'key'>,
  target: string,
): LedgerMapping {
  return { ...mapping, [seen.field]: { ...mapping[seen.field], [seen.key]: target } };
}

/** Matrix cells whose counted value differs from the report's (a blank differs from 0). */
export function matrixDifferences(format: FormatDef, report: Report, counted: LedgerTally): string[] {
  const out: string[] = [];
  for (const c of allCells(format)) {
    if (c.table !== 'applications') continue;
    const now: Cell = report.applications[c.rowId]?.[c.colId] ?? null;
    if (now !== counted.applications[c.rowId][c.colId]) out.push(c.id);
  }
  return out;
}

/** The matrix cells to write (cell id, value) so that the report holds the counted matrix. */
export function matrixChanges(format: FormatDef, report: Report, counted: LedgerTally): { id: string; value: Cell }[] {
  const byId = new Map(allCells(format).map((c) => [c.id, c]));
  return matrixDifferences(format, report, counted).map((id) => {
    const c = byId.get(id)!;
    return { id, value: counted.applications[c.rowId][c.colId] };
  });
}

/** Says which sheets were left out when a file holds several ledgers. */
export function otherSheetsNote(layout: LedgerLayout): string {
  if (!layout.otherSheets.length) return '';
  const others = layout.otherSheets.map((s) => `“${s}”`).join('、');
  return (
    `工作表${others}也有台账表头，未计入：只按工作表“${layout.sheet}”计算。` +
    `上年收到、本年才答复或仍在办理的申请，请也登记在“${layout.sheet}”中。`
  );
}

/** What `nianbao ledger --json` prints. */
export function ledgerJson(tally: LedgerTally): {
  applications: LedgerTally['applications'];
  problems: LedgerProblem[];
  rows: number;
} {
  return { applications: tally.applications, problems: tally.problems, rows: tally.rows };
}

/**
 * Where each counted row went, by row number: the matrix rows (not the totals) it adds one to,
 * in order — 一 or 二, then its outcome row or 四. Read back from the sources.
 */
export function placementsOf(format: FormatDef, counted: Pick<LedgerCount, 'sources'>): Map<number, string[]> {
  const m = format.applications;
  const out = new Map<number, string[]>();
  for (const r of m.rows) {
    if (r.isTotal) continue;
    for (const c of m.columns) {
      if (c.isTotal) continue;
      for (const row of counted.sources[cellId('applications', r.id, c.id)] ?? []) {
        const list = out.get(row) ?? [];
        list.push(r.id);
        out.set(row, list);
      }
    }
  }
  return out;
}

/**
 * The report as a document handed out embeds it: without the 登记台账 entries (what applicants
 * asked for stays in the office), keeping the remembered choices.
 */
export function withoutLedgerEntries(report: Report): Report {
  return report.ledger?.entries.length ? { ...report, ledger: { ...report.ledger, entries: [] } } : report;
}

/** Choices of an earlier report under the current ones (a current choice wins). */
export function mergeMappings(earlier: LedgerMapping, current: LedgerMapping): LedgerMapping {
  return {
    applicant: { ...earlier.applicant, ...current.applicant },
    outcome: { ...earlier.outcome, ...current.outcome },
  };
}

/** How many choices a mapping holds. */
export function mappingSize(m: LedgerMapping | undefined): number {
  return m ? Object.keys(m.applicant).length + Object.keys(m.outcome).length : 0;
}

/**
 * The entries of a year's 登记台账 still open on its 31 December (no 答复日期, or one after the
 * year): what next year's 登记台账 starts with, to be counted there as 二、上年结转.
 */
export function openAtYearEnd(entries: LedgerEntry[], year: number): LedgerEntry[] {
  return entries.filter((e) => {
    const received = readDate(e.received.trim() || null);
    if (received.kind !== 'date' || received.year > year) return false;
    const answered = readDate(e.answered.trim() || null);
    return answered.kind === 'empty' || (answered.kind === 'date' && answered.year > year);
  });
}

/** A ledger file's rows as 登记台账 entries (dates as YYYY-MM-DD where they read as dates). */
export function recordsToEntries(records: LedgerRecord[]): LedgerEntry[] {
  const day = (c: LedgerRecord['received']) => {
    const d = readDate(c);
    return d.kind === 'date' ? d.iso : c === null ? '' : String(c).trim();
  };
  return records.map((r) => ({
    received: day(r.received),
    applicant: r.applicant,
    subject: r.subject ?? '',
    answered: day(r.answered),
    outcome: r.outcome,
    reason: r.reason,
  }));
}
