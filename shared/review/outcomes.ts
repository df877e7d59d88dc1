// The outcome mix of a report (the chart of the reviewer's desk): the 总计 column of 三、本年度办理结果
// summed per outcome group — （一）予以公开, （二）部分公开, （三）不予公开 … — grouped by the format's row
// paths, so that the groups and their labels come from the format alone.
import { cellId, getFormat, stripEnumeration, type FormatId } from '../format';
import type { Report } from '../report';
import { getCell } from '../report/access';

export interface Outcome {
  /** The group's label without its enumeration: 予以公开, 不予公开 … */
  label: string;
  value: number | null;
}

/** The outcome groups of a format: the second level of each result row's path. */
export function outcomeGroups(formatId: FormatId): { label: string; rows: string[] }[] {
  const m = getFormat(formatId).applications;
  const groups: { label: string; rows: string[] }[] = [];
  for (const id of m.resultRows) {
    const row = m.rows.find((r) => r.id === id);
    if (!row) continue;
    // （二）部分公开（区分处理的，只计这一情形…） is shown by its name, without the note.
    const label = stripEnumeration(row.path[1] ?? row.path[0]).replace(/[（(].*$/, '');
    const g = groups.find((x) => x.label === label);
    if (g) g.rows.push(id);
    else groups.push({ label, rows: [id] });
  }
  return groups;
}

export function outcomesOf(report: Report): Outcome[] {
  const total = getFormat(report.format).applications.totalColumn;
  return outcomeGroups(report.format).map((g) => {
    let value: number | null = 0;
    for (const row of g.rows) {
      const v = getCell(report, cellId('applications', row, total));
      if (v === null) {
        value = null;
        break;
      }
      value += v;
    }
    return { label: g.label, value };
  });
}
