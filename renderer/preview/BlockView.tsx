// One block of the document description as the page shows it (preview.css gives each kind the
// Word style's look), or the part of it that falls on one page.
import type { CSSProperties, ReactElement } from 'react';
import { LETTERHEAD_LINE, type Block, type TableBlock } from '../../shared/document';

export interface Slice {
  /** Paragraphs: characters [from, to); tables: body rows [from, to). */
  from: number;
  to: number;
  /** Not the paragraph's first piece (no first-line indent). */
  continued?: boolean;
  /** Not its last piece (the last line is justified like any line inside a paragraph). */
  broken?: boolean;
}

const line = (n: number) => `calc(${n} * var(--nb-line))`;
const char = (n: number) => `calc(${n} * var(--nb-char))`;

function TableView({ block, slice, dropBefore }: { block: TableBlock; slice?: Slice; dropBefore?: boolean }) {
  const { grid } = block;
  const H = grid.headerRows;
  const total = grid.widths.reduce((a, b) => a + b, 0);
  // Grid rows shown: the header, then the slice of body rows.
  const from = H + (slice?.from ?? 0);
  const to = H + (slice ? slice.to : grid.rows - H);
  const visible = (r: number) => r < H || (r >= from && r < to);
  const rows: { key: string; cells: ReactElement[] }[] = [];
  for (let r = 0; r < grid.rows; r++) if (visible(r)) rows.push({ key: String(r), cells: [] });
  const rowAt = new Map(rows.map((x) => [Number(x.key), x]));
  // A row's cells in column order (the grid lists them by header level, not by column).
  const order = grid.cells.map((_, i) => i).sort((a, b) => grid.cells[a].col - grid.cells[b].col);
  order.forEach((i) => {
    const c = grid.cells[i];
    const start = c.row < H ? c.row : Math.max(c.row, from);
    const end = c.row < H ? c.row + c.rowSpan : Math.min(c.row + c.rowSpan, to);
    if (end <= start || !visible(start)) return;
    // A merged cell continued from the previous page is blank there, as in Word.
    const text = start === c.row ? (block.texts[i] ?? '') : '';
    const Tag = c.role === 'value' || c.role === 'label' ? 'td' : 'th';
    rowAt.get(start)!.cells.push(
      <Tag
        key={i}
        colSpan={c.colSpan > 1 ? c.colSpan : undefined}
        rowSpan={end - start > 1 ? end - start : undefined}
        className={block.aligns[i] === 'left' ? 'nb-left' : undefined}
      >
        {text.split('\n').map((t, j) => (
          <div key={j}>{t || '\u00a0'}</div>
        ))}
      </Tag>,
    );
  });
  const style: CSSProperties | undefined = dropBefore ? { marginTop: 0 } : undefined;
  return (
    <table className={`nb-table${block.dense ? ' nb-dense' : ''}`} style={style}>
      <colgroup>
        {grid.widths.map((w, i) => (
          <col key={i} style={{ width: `${(w / total) * 100}%` }} />
        ))}
      </colgroup>
      <thead>
        {rows
          .filter((x) => Number(x.key) < H)
          .map((x) => (
            <tr key={x.key}>{x.cells}</tr>
          ))}
      </thead>
      <tbody>
        {rows
          .filter((x) => Number(x.key) >= H)
          .map((x) => (
            <tr key={x.key}>{x.cells}</tr>
          ))}
      </tbody>
    </table>
  );
}

/** `dropBefore`: at the top of a continued page the space above is not kept (as in Word). */
export function BlockView({ block, slice, dropBefore }: { block: Block; slice?: Slice; dropBefore?: boolean }) {
  const keepBefore = !dropBefore;
  switch (block.type) {
    case 'letterhead':
      return (
        <div
          className={`nb-letterhead${block.printed ? '' : ' nb-blank'}`}
          style={{ fontSize: `${block.sizePt}pt`, lineHeight: `${block.sizePt * LETTERHEAD_LINE}pt` }}
        >
          {block.printed ? block.text : '\u00a0'}
        </div>
      );
    case 'docNumber':
      return (
        <div className="nb-docnumber">
          <span>{block.docNumber || '\u00a0'}</span>
          {block.signer && (
            <span>
              签发人：<span className="nb-signer">{block.signer}</span>
            </span>
          )}
        </div>
      );
    case 'separator':
      return <div className={`nb-separator${block.printed ? '' : ' nb-blank'}`} />;
    case 'table':
      return <TableView block={block} slice={slice} dropBefore={dropBefore} />;
    case 'paragraph': {
      const style: CSSProperties = {};
      if (block.spaceBefore && keepBefore) style.marginTop = line(block.spaceBefore);
      if (!keepBefore) style.marginTop = 0;
      if (block.indentRight !== undefined) style.paddingRight = char(block.indentRight);
      const cls = ['nb-p', `nb-${block.kind}`];
      if (slice?.continued) cls.push('nb-continued');
      if (slice?.broken) cls.push('nb-broken');
      const text = slice ? block.lines.join('').slice(slice.from, slice.to) : null;
      return (
        <p className={cls.join(' ')} style={style}>
          {text ??
            (block.lines.length === 1 ? block.lines[0] : null) ??
            block.lines.map((l, i) => (
              <span key={i}>
                {i > 0 && <br />}
                {l}
              </span>
            ))}
        </p>
      );
    }
  }
}
