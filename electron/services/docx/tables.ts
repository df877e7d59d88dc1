// Renders a table grid (electron/services/tables/grid.ts) as a Word table exactly the text
// width wide. Merges are written explicitly: w:gridSpan across, w:vMerge restart/continue down.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Report } from '../../../shared/report/model';
import { getCell } from '../../../shared/report/access';
import { fmt } from '../../../shared/rules/numbers';
import type { GridCell, TableGrid } from '../tables/grid';
import { SIZES, STYLE, TEXT_WIDTH } from './layout';

/** Column widths in twips, scaled from the grid's relative widths to exactly TEXT_WIDTH. */
export function columnTwips(grid: TableGrid, total = TEXT_WIDTH): number[] {
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const w = grid.widths.map((x) => Math.floor((x / sum) * total));
  w[w.length - 1] += total - w.reduce((a, b) => a + b, 0);
  return w;
}

/** A value as printed: 0 for zero, nothing for a blank cell. */
export function cellText(report: Report, id: string): string {
  const v = getCell(report, id);
  return v === null ? '' : fmt(v);
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

function textParagraphs(
  text: string,
  size: number,
  align: (typeof AlignmentType)[keyof typeof AlignmentType],
): Paragraph[] {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        style: STYLE.tableText,
        alignment: align,
        children: line ? [new TextRun({ text: line, size })] : [],
      }),
  );
}

export function gridTable(grid: TableGrid, report: Report): Table {
  const widths = columnTwips(grid);
  const size = grid.cols > 6 ? SIZES.tableDense : SIZES.table;
  const at: (GridCell | undefined)[][] = Array.from({ length: grid.rows }, () => Array(grid.cols));
  for (const c of grid.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) at[r][c.col] = c;
  }
  const span = (c: GridCell) => widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const cells: TableCell[] = [];
    for (let col = 0; col < grid.cols;) {
      const c = at[r][col];
      if (!c) throw new Error(`table grid of section ${grid.section} has a hole at ${r},${col}`);
      const starts = c.row === r;
      const text = c.role === 'value' ? cellText(report, c.cell!) : c.text;
      // Matrix row labels and the note read as text: left; headers and numbers: centred.
      const align =
        grid.key === 'applications' && (c.role === 'label' || c.role === 'note')
          ? AlignmentType.LEFT
          : AlignmentType.CENTER;
      cells.push(
        new TableCell({
          width: { size: span(c), type: WidthType.DXA },
          columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
          verticalMerge: c.rowSpan > 1 ? (starts ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE) : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { left: 57, right: 57, top: 20, bottom: 20 },
          children: starts ? textParagraphs(text, size, align) : [new Paragraph({ style: STYLE.tableText })],
        }),
      );
      col += c.colSpan;
    }
    rows.push(
      new TableRow({
        children: cells,
        tableHeader: r < grid.headerRows,
        cantSplit: true,
        height: { value: 360, rule: HeightRule.ATLEAST },
      }),
    );
  }
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    alignment: AlignmentType.CENTER,
  });
}
