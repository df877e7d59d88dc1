// Renders a table block (shared/document: a grid and its texts) as a Word table exactly the text
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
import type { GridCell, TableGrid } from '../../../shared/document/grid';
import { TABLE_TWIPS } from '../../../shared/document/layout';
import type { TableBlock } from '../../../shared/document/types';
import { clean } from '../tables/xmltext';
import { SIZES, STYLE, TEXT_WIDTH } from './layout';

/** Column widths in twips, scaled from the grid's relative widths to exactly TEXT_WIDTH. */
export function columnTwips(grid: TableGrid, total = TEXT_WIDTH): number[] {
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const w = grid.widths.map((x) => Math.floor((x / sum) * total));
  w[w.length - 1] += total - w.reduce((a, b) => a + b, 0);
  return w;
}

const border = { style: BorderStyle.SINGLE, size: TABLE_TWIPS.borderEighths, color: '000000' };
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

export function gridTable(block: TableBlock): Table {
  const { grid } = block;
  const widths = columnTwips(grid);
  const size = block.dense ? SIZES.tableDense : SIZES.table;
  const at: (GridCell | undefined)[][] = Array.from({ length: grid.rows }, () => Array(grid.cols));
  const indexOf = new Map<GridCell, number>();
  grid.cells.forEach((c, i) => {
    indexOf.set(c, i);
    for (let r = c.row; r < c.row + c.rowSpan; r++) at[r][c.col] = c;
  });
  const span = (c: GridCell) => widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const cells: TableCell[] = [];
    for (let col = 0; col < grid.cols;) {
      const c = at[r][col];
      if (!c) throw new Error(`table grid of section ${grid.section} has a hole at ${r},${col}`);
      const starts = c.row === r;
      const i = indexOf.get(c)!;
      const text = clean(block.texts[i] ?? '');
      const align = block.aligns[i] === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER;
      cells.push(
        new TableCell({
          width: { size: span(c), type: WidthType.DXA },
          columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
          verticalMerge: c.rowSpan > 1 ? (starts ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE) : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { left: TABLE_TWIPS.padX, right: TABLE_TWIPS.padX, top: TABLE_TWIPS.padY, bottom: TABLE_TWIPS.padY },
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
        height: { value: TABLE_TWIPS.rowMinHeight, rule: HeightRule.ATLEAST },
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
