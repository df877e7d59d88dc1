// Stage 5: which format the tables follow (2021 or 2019), by the labels only one of them has;
// by the year when neither shows (reports for 2020 and earlier use the 2019 format).
import { format2019, format2021, getFormat, requiredFormatFor, type FormatDef, type FormatId } from '../format';
import { prepareLabel, scorePrepared, type PreparedLabel } from '../format/match';
import { distinctiveLabels } from './lexicon';
import type { Line } from './lines';
import type { Stage } from './stage';
import { isValueish } from './values';

let distinct: { f2021: PreparedLabel[]; f2019: PreparedLabel[] } | null = null;

/** The format whose own labels the lines hold more of, or null when they hold as many of each. */
export function detectFormat(lines: Line[]): FormatId | null {
  distinct ??= { f2021: distinctiveLabels(format2021, format2019), f2019: distinctiveLabels(format2019, format2021) };
  let a = 0;
  let b = 0;
  const seen = new Set<string>();
  for (const l of lines) {
    for (const cell of l.cells) {
      if (cell.length > 90 || seen.has(cell)) continue;
      seen.add(cell);
      if (seen.size > 5000) break;
      if (!cell.trim() || isValueish(cell)) continue;
      const c = prepareLabel(cell);
      if (distinct.f2021.some((d) => scorePrepared(c, d) > 0)) a++;
      if (distinct.f2019.some((d) => scorePrepared(c, d) > 0)) b++;
    }
  }
  return a > b ? '2021' : b > a ? '2019' : null;
}

export interface FormatChoice {
  format: FormatDef;
  by: 'labels' | 'year';
}

export function formatStage(lines: Line[], year: number, known?: FormatId): Stage<FormatChoice> {
  if (known) return { value: { format: getFormat(known), by: 'labels' }, problems: [] };
  const detected = detectFormat(lines);
  return {
    value: { format: getFormat(detected ?? requiredFormatFor(year)), by: detected ? 'labels' : 'year' },
    problems: [],
  };
}
