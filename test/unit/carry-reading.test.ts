// Reading problems are not last year's mistakes: with a row the importer could not read, the
// 勾稽 findings on its cells are reading problems; once the clerk has typed the numbers, the
// report checks clean again. Through the real parser and rules.
import { describe, expect, it } from 'vitest';
import { cellId, format2021, ownLabel } from '../../shared/format';
import { parseText, separateReadingFindings } from '../../shared/parse';
import { getCell, setCell } from '../../shared/report';
import { checkReport } from '../../shared/rules';
import { reportAsText } from '../fixtures/as-text';
import { fullReport } from '../fixtures/reports';

const ROW = format2021.applications.carryForwardRow;
const cells = format2021.applications.columns.map((c) => cellId('applications', ROW, c.id));

describe('findings split into last year’s own and the reading’s', () => {
  it('a row not read: its cells are marked, the checks on them are reading problems, the rest are own', () => {
    const last = fullReport();
    const parsed = parseText(reportAsText(last, [ROW]));
    const marked = new Map((parsed.cellProblems ?? []).map((p) => [p.cell, p.message]));
    expect([...marked.keys()].sort()).toEqual([...cells].sort());
    const label = ownLabel(format2021.applications.rows.find((r) => r.id === ROW)!.path);
    expect(new Set(marked.values())).toEqual(new Set([`三、未找到“${label}”行`]));
    expect([...parsed.tables!.ledger.unread].sort()).toEqual([...cells].sort());
    const { report: own, reading } = separateReadingFindings(checkReport(parsed.report), parsed.tables!.ledger);
    expect(new Set(reading.map((f) => f.rule))).toEqual(new Set(['matrix.balance', 'value.blank']));
    expect(reading.every((f) => f.cells.some((c) => marked.has(c)))).toBe(true);
    expect(own.filter((f) => f.severity === 'error')).toEqual([]);

    // The clerk types last year's numbers: nothing waits on the reading any more, nothing is wrong.
    let corrected = parsed.report;
    for (const c of cells) corrected = setCell(corrected, c, getCell(last, c));
    const ledger = { ...parsed.tables!.ledger, unread: [] };
    const after = separateReadingFindings(checkReport(corrected), ledger);
    expect(after.reading).toEqual([]);
    expect(after.report.filter((f) => f.cells.length)).toEqual([]);
  });

  it('a finding on cells all read is last year’s own', () => {
    const last = setCell(fullReport(), 'applications.granted.natural', 99);
    const parsed = parseText(reportAsText(last));
    expect(parsed.cellProblems).toEqual([]);
    const { report: own, reading } = separateReadingFindings(checkReport(parsed.report), parsed.tables!.ledger);
    expect(reading).toEqual([]);
    expect(own.some((f) => f.rule === 'matrix.resultTotal' && f.cells.includes('applications.granted.natural'))).toBe(
      true,
    );
  });
});
