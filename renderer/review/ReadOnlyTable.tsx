// One table of a report drawn read-only from the editor's grid layout (the same headers and
// merges), with the cells of findings marked: the reviewer sees where, not only what.
import { getCell } from '../../shared/report/access';
import type { Report } from '../../shared/report';
import type { Severity } from '../../shared/rules';
import type { GridLayout } from '../editor/grid/layout';

interface Props {
  layout: GridLayout;
  report: Report;
  marks: Map<string, Severity>;
  caption: string;
}

export function ReadOnlyTable({ layout, report, marks, caption }: Props) {
  return (
    <table className="readonly-table" data-table={layout.id}>
      <caption>{caption}</caption>
      <thead>
        {layout.head.map((row, i) => (
          <tr key={i}>
            {row.map((h) => (
              <th key={h.key} colSpan={h.colSpan} rowSpan={h.rowSpan}>
                {h.text}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {layout.body.map((row) => (
          <tr key={row.key} className={row.isTotal ? 'total' : undefined}>
            {row.cells.map((c) => {
              if (c.type === 'label')
                return (
                  <th key={c.key} scope="row" colSpan={c.colSpan} rowSpan={c.rowSpan}>
                    {c.text}
                  </th>
                );
              if (c.type === 'head')
                return (
                  <th key={c.key} colSpan={c.colSpan}>
                    {c.text}
                  </th>
                );
              const v = getCell(report, c.cellId);
              const mark = marks.get(c.cellId);
              return (
                <td
                  key={c.cellId}
                  colSpan={c.colSpan}
                  data-cell={c.cellId}
                  className={mark ? `mark-${mark}` : undefined}
                  aria-label={c.ariaLabel}
                >
                  {v === null ? '' : String(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
