// A ledger sheet -> one record per application, and the 登记 page's entries -> the same records.
import { readDate } from './dates';
import { findLayout, repeatsHeader } from './headers';
import type { LedgerEntry, LedgerLayout, LedgerProblem, LedgerRecord, RawCell, RawLedger } from './types';
import { splitBracketReason } from './values';

export type RecordsResult =
  { ok: true; layout: LedgerLayout; records: LedgerRecord[] } | { ok: false; problem: LedgerProblem };

function text(c: RawCell | undefined): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

function blankRow(row: RawCell[]): boolean {
  return row.every((c) => text(c) === '');
}

function sheetRecords(sheet: RawLedger['sheets'][number], layout: LedgerLayout): LedgerRecord[] {
  const col = layout.columns;
  const records: LedgerRecord[] = [];
  for (let r = layout.headerRow; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || blankRow(row) || repeatsHeader(row, layout)) continue;
    const at = (i: number | undefined) => (i === undefined ? null : (row[i] ?? null));
    const { outcome, reason } = splitBracketReason(text(at(col.outcome?.index)), text(at(col.reason?.index)));
    records.push({
      row: r + 1,
      applicant: text(at(col.applicant?.index)),
      received: at(col.received!.index),
      answered: at(col.answered?.index),
      outcome,
      reason,
      ...(layout.subject ? { subject: text(at(layout.subject.index)) } : {}),
    });
  }
  return records;
}

/** How many applications of a sheet were received in the year. */
function receivedIn(records: LedgerRecord[], year: number): number {
  let n = 0;
  for (const r of records) {
    const d = readDate(r.received);
    if (d.kind === 'date' && d.year === year) n++;
  }
  return n;
}

/**
 * Reads the ledger of a file: the sheet with a header row naming 申请人类型 and 收到日期 (several
 * such sheets, one a year: the one with most applications received in `year`, else the first).
 * The others are named in the layout, not counted: adding sheets up could count a copy twice.
 */
export function ledgerRecords(raw: RawLedger, year?: number): RecordsResult {
  const found: { layout: LedgerLayout; records: LedgerRecord[] }[] = [];
  for (const sheet of raw.sheets) {
    const layout = findLayout(sheet);
    if (layout) found.push({ layout, records: sheetRecords(sheet, layout) });
  }
  if (found.length) {
    const n = (f: (typeof found)[number]) =>
      year === undefined || found.length === 1 ? 0 : receivedIn(f.records, year);
    const best = found.map((f) => ({ f, n: n(f) })).reduce((a, b) => (b.n > a.n ? b : a)).f;
    const otherSheets = found.filter((f) => f !== best).map((f) => f.layout.sheet);
    return { ok: true, layout: { ...best.layout, otherSheets }, records: best.records };
  }
  return {
    ok: false,
    problem: {
      kind: 'header',
      message:
        `“${raw.file}”中没有找到台账的表头：表头应有“申请人类型”（或“申请人性质”“类别”）和“收到日期”（或“申请日期”“登记日期”）等列。` +
        '请确认选择的是依申请公开登记台账，或在表头中写明这些列名后重试。',
      rows: [],
    },
  };
}

/** The 登记 page's entries as records, numbered from 1 as the page shows them. */
export function entryRecords(entries: LedgerEntry[]): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  entries.forEach((e, i) => {
    if (!e.received.trim() && !e.applicant.trim() && !e.outcome.trim() && !e.answered.trim()) return;
    const { outcome, reason } = splitBracketReason(e.outcome.trim(), e.reason.trim());
    out.push({
      row: i + 1,
      applicant: e.applicant.trim(),
      received: e.received.trim() || null,
      answered: e.answered.trim() || null,
      outcome,
      reason,
    });
  });
  return out;
}
