// text.numbers: the figures a report's text quotes (quoted-figures.ts) compared with its tables,
// and the percentages stated with them. A mismatch is a warning on the paragraph quoting both
// numbers: 正文：收到申请9件；表格三：本年新收7件.
import { tableSection } from '../format';
import { formatOf, getCell, type Report } from '../report';
import { fmt } from './numbers';
import { whereOf } from './paragraphs';
import { quotedFigures } from './quoted-figures';
import type { TableFigure } from './table-figures';
import type { Finding } from './types';

function sumOf(report: Report, cells: string[]): number | null {
  let s = 0;
  for (const c of cells) {
    const v = getCell(report, c);
    if (v === null) return null;
    s += v;
  }
  return s;
}

const unitOf = (f: TableFigure) => (f.amount ? '万元' : '件');
const pctText = (v: number) => `${fmt(Math.round(v * 10) / 10)}%`;

/** Percent stated agrees with value/base for some base, to the precision it is written with. */
function percentAgrees(stated: number, value: number, base: number): boolean {
  const decimals = (String(stated).split('.')[1] ?? '').length;
  return Math.abs(stated - (100 * value) / base) <= 0.5 * 10 ** -decimals + 1e-9;
}

export function checkTextNumbers(report: Report, out: Finding[]): void {
  const format = formatOf(report);
  const seen = new Set<string>();
  for (const q of quotedFigures(report)) {
    const f = q.figure;
    const tableValue = sumOf(report, f.cells);
    if (tableValue === null) continue;
    const section = tableSection(format, f.table)!;
    const where = whereOf(format.sections.find((s) => s.no === q.section)?.numeral ?? '', q.heading);
    const field = { section: q.section, part: q.part };
    const agrees = (v: number) => Math.abs(v - q.value) < (f.amount ? 0.005 : 1e-9);
    const ok =
      agrees(tableValue) ||
      (f.alternatives ?? []).some((cells) => {
        const v = sumOf(report, cells);
        return v !== null && agrees(v);
      });
    let message = '';
    if (!ok) {
      message = `${where}：正文：${q.quote}；表格${section.numeral}：${f.label}${fmt(tableValue)}${unitOf(f)}，请核对正文或表格`;
    } else if (q.percent && f.bases?.length) {
      const bases = f.bases
        .map((b) => ({ label: b.label, value: sumOf(report, b.cells) }))
        .filter((b): b is { label: string; value: number } => b.value !== null && b.value > 0);
      if (bases.length && !bases.some((b) => percentAgrees(q.percent!.value, tableValue, b.value))) {
        const b = bases[0];
        message =
          `${where}：正文：${q.percent.quote}；表格${section.numeral}：${f.label}${fmt(tableValue)}件，` +
          `占${b.label}${fmt(b.value)}件的${pctText((100 * tableValue) / b.value)}，请核对百分比`;
      }
    }
    if (!message || seen.has(message)) continue;
    seen.add(message);
    out.push({ rule: 'text.numbers', severity: 'warning', message, cells: f.cells, field });
  }
}
