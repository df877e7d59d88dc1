// The key figures a reviewer compares across organs, read from a report by the format's own
// definitions (row and column ids), never by label.
import { cellId, getFormat, type FormatDef } from '../format';
import type { Cell, Report } from '../report';
import { getCell } from '../report/access';

export interface KeyFigures {
  /** 一、本年新收 总计 */
  received: Cell;
  /** 二、上年结转 总计 */
  carriedOver: Cell;
  /** 三（七）总计: applications answered in the year */
  handled: Cell;
  /** （一）予以公开 + （二）部分公开 */
  disclosed: Cell;
  /** disclosed / handled, 0–100; null where handled is 0 or unknown */
  substantiveRate: number | null;
  /** 行政复议: cases, corrected, concluded (总计 − 尚未审结) */
  reviewCases: Cell;
  reviewCorrected: Cell;
  reviewConcluded: Cell;
  reviewCorrectionRate: number | null;
  /** 行政诉讼 (both groups) */
  litigationCases: Cell;
  litigationCorrected: Cell;
  litigationConcluded: Cell;
  litigationCorrectionRate: number | null;
  /** 行政事业性收费 本年收费金额（万元）, where the format has it */
  fees: Cell;
}

export type FigureKey = keyof KeyFigures;

/** Sums cells; blank where any is blank (a blank is not a zero). */
function sum(values: Cell[]): Cell {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** A share in percent with one decimal, or null when the base is 0 or unknown. */
export function percent(part: Cell, whole: Cell): number | null {
  if (part === null || whole === null || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

function minus(a: Cell, b: Cell): Cell {
  return a === null || b === null ? null : a - b;
}

/** The cell of the 行政事业性收费 amount, derived from the format: the amount column of the fees row. */
function feeCell(format: FormatDef): string | null {
  for (const block of format.disclosure) {
    const row = block.rows.find((r) => r.id === 'fees');
    const col = block.columns.find((c) => c.kind === 'amount');
    if (row && col) return cellId(format.disclosureKey, row.id, col.id);
  }
  return null;
}

export function keyFigures(report: Report): KeyFigures {
  const format = getFormat(report.format);
  const m = format.applications;
  const total = m.totalColumn;
  const app = (row: string) => getCell(report, cellId('applications', row, total));
  const handled = app(m.resultTotalRow);
  const disclosed = sum([app('granted'), app('partlyGranted')]);
  const rv = format.review;
  const rev = (group: string, col: string) => getCell(report, cellId('reviewLitigation', group, col));
  const concluded = (groups: string[]) => sum(groups.map((g) => minus(rev(g, rv.totalColumn), rev(g, 'pending'))));
  const reviewGroups = rv.groups.filter((g) => g.id === 'review').map((g) => g.id);
  const litigationGroups = rv.groups.filter((g) => g.id !== 'review').map((g) => g.id);
  const reviewCorrected = sum(reviewGroups.map((g) => rev(g, 'corrected')));
  const litigationCorrected = sum(litigationGroups.map((g) => rev(g, 'corrected')));
  const reviewConcluded = concluded(reviewGroups);
  const litigationConcluded = concluded(litigationGroups);
  const fee = feeCell(format);
  return {
    received: app(m.newRow),
    carriedOver: app(m.carriedOverRow),
    handled,
    disclosed,
    substantiveRate: percent(disclosed, handled),
    reviewCases: sum(reviewGroups.map((g) => rev(g, rv.totalColumn))),
    reviewCorrected,
    reviewConcluded,
    reviewCorrectionRate: percent(reviewCorrected, reviewConcluded),
    litigationCases: sum(litigationGroups.map((g) => rev(g, rv.totalColumn))),
    litigationCorrected,
    litigationConcluded,
    litigationCorrectionRate: percent(litigationCorrected, litigationConcluded),
    fees: fee ? getCell(report, fee) : null,
  };
}

/** Column headings of the key figures, for the workbook and the review table. */
export const FIGURE_LABELS: Record<FigureKey, string> = {
  received: '本年新收申请',
  carriedOver: '上年结转申请',
  handled: '办结',
  disclosed: '予以公开及部分公开',
  substantiveRate: '实质公开率（%）',
  reviewCases: '行政复议',
  reviewCorrected: '复议纠错',
  reviewConcluded: '复议审结',
  reviewCorrectionRate: '复议纠错率（%）',
  litigationCases: '行政诉讼',
  litigationCorrected: '诉讼纠错',
  litigationConcluded: '诉讼审结',
  litigationCorrectionRate: '诉讼纠错率（%）',
  fees: '行政事业性收费（万元）',
};

/** The county's figures: sums of the counts, rates recomputed from the sums (not averaged). */
export function countyFigures(all: KeyFigures[]): KeyFigures {
  const add = (k: FigureKey): Cell => {
    let total = 0;
    let any = false;
    for (const f of all) {
      const v = f[k];
      if (v === null) continue;
      total += v;
      any = true;
    }
    return any ? Math.round(total * 10000) / 10000 : null;
  };
  // A rate over the organs that give both figures: one with a blank part would otherwise
  // still count in the whole and pull the county's rate down.
  const rate = (part: FigureKey, whole: FigureKey): number | null => {
    const both = all.filter((f) => f[part] !== null && f[whole] !== null);
    return percent(
      both.reduce((t, f) => t + f[part]!, 0),
      both.reduce((t, f) => t + f[whole]!, 0),
    );
  };
  return {
    received: add('received'),
    carriedOver: add('carriedOver'),
    handled: add('handled'),
    disclosed: add('disclosed'),
    substantiveRate: rate('disclosed', 'handled'),
    reviewCases: add('reviewCases'),
    reviewCorrected: add('reviewCorrected'),
    reviewConcluded: add('reviewConcluded'),
    reviewCorrectionRate: rate('reviewCorrected', 'reviewConcluded'),
    litigationCases: add('litigationCases'),
    litigationCorrected: add('litigationCorrected'),
    litigationConcluded: add('litigationConcluded'),
    litigationCorrectionRate: rate('litigationCorrected', 'litigationConcluded'),
    fees: add('fees'),
  };
}
