// word/document.xml -> paragraphs and table grids (gridSpan and vMerge expanded, copies marked).
// Runs' text (w:t), tabs and breaks; deleted text, field codes and the fallback copies of
// alternate content are left out. A table holding another table is a layout box: its text
// is read as paragraphs and the inner table as a table of its own.
import type { Block, ParagraphRole } from '../../../shared/parse/lines';
import { attr, scanXml } from './xml';

/** Styles of this app's export (electron/services/docx/README.md) and Word's built-in headings. */
const ROLES: Record<string, ParagraphRole> = {
  NbHeading1: 'heading',
  NbHeading2: 'subheading',
  NbBody: 'body',
  NbContact: 'contact',
  NbTitle: 'title',
};

interface Cell {
  paras: string[];
  span: number;
  vmerge: 'restart' | 'continue' | null;
  hmerge: boolean;
}

interface TableState {
  rows: Cell[][];
  row: Cell[] | null;
  cell: Cell | null;
  /** Became a layout box (a table inside it): its text goes out as paragraphs. */
  layout: boolean;
  gridAfter: number;
}

const MAX_TABLE_DEPTH = 20;
const MAX_ROWS = 5000;
const MAX_COLS = 200;
/** Grid cells of all tables together, merged cells expanded (a report's three tables have a few hundred). */
export const MAX_DOC_CELLS = 300_000;

export interface DocxBlocks {
  blocks: Block[];
  tables: number;
  /** Embedded documents (w:altChunk: HTML a program put in as it is), by relationship id and where they stand. */
  altChunks: { id: string; at: number }[];
  /** What the limits left out, in Chinese. */
  problems: string[];
}

export function docxToBlocks(xml: string): DocxBlocks {
  const blocks: Block[] = [];
  const tables: TableState[] = [];
  let tableCount = 0;
  const altChunks: { id: string; at: number }[] = [];
  /** Open paragraphs (a text box's paragraphs sit inside another's run). */
  const paras: { text: string; role?: ParagraphRole }[] = [];
  let inText = 0;
  let skip = 0;
  let skipName = '';
  let skipDepth = 0;

  const top = () => tables[tables.length - 1];
  const emitParagraph = (text: string, role?: ParagraphRole) => {
    const t = top();
    if (t && !t.layout && t.cell) t.cell.paras.push(text);
    else if (t && t.layout && t.cell) t.cell.paras.push(text);
    else blocks.push(role ? { type: 'p', text, role } : { type: 'p', text });
  };
  const flushLayoutCell = (t: TableState) => {
    if (t.cell) {
      for (const p of t.cell.paras) if (p.trim()) blocks.push({ type: 'p', text: p });
      t.cell.paras = [];
    }
  };
  let cellsLeft = MAX_DOC_CELLS;
  let tablesCut = 0;
  let widest = 1;
  /** The table as a grid, as far as the document's cell budget goes; null when nothing of it fits. */
  const toGrid = (t: TableState): Block | null => {
    const rows: string[][] = [];
    const merged: boolean[][] = [];
    for (let r = 0; r < t.rows.length && r < MAX_ROWS; r++) {
      const width = t.rows[r].reduce((n, c) => n + Math.max(1, c.span), 0);
      if (Math.min(width, MAX_COLS) > cellsLeft) {
        tablesCut++;
        for (const c of t.rows[r]) widest = Math.max(widest, c.span);
        break;
      }
      const row: string[] = [];
      const m: boolean[] = [];
      for (const cell of t.rows[r]) {
        const text = cell.paras.join('\n');
        const span = Math.max(1, Math.min(cell.span, MAX_COLS - row.length));
        for (let k = 0; k < span && row.length < MAX_COLS; k++) {
          const col = row.length;
          if (cell.vmerge === 'continue' && r > 0) {
            row.push(rows[r - 1][col] ?? '');
            m.push(true);
          } else if (cell.hmerge && col > 0) {
            row.push(row[col - 1]);
            m.push(true);
          } else {
            row.push(text);
            m.push(k > 0);
          }
        }
      }
      rows.push(row);
      merged.push(m);
      cellsLeft -= row.length;
    }
    return rows.length ? { type: 'table', rows, merged } : null;
  };

  scanXml(xml, {
    open(name, attrs, self) {
      if (skip) {
        if (name === skipName && !self) skipDepth++;
        return;
      }
      switch (name) {
        case 'w:p': {
          if (self) {
            emitParagraph('');
            return;
          }
          paras.push({ text: '' });
          return;
        }
        case 'w:pStyle': {
          const p = paras[paras.length - 1];
          const v = attr(attrs, 'w:val');
          if (p && v && ROLES[v]) p.role = ROLES[v];
          return;
        }
        case 'w:t':
          if (!self) inText++;
          return;
        case 'w:tab':
        case 'w:ptab': {
          const p = paras[paras.length - 1];
          // A tab inside w:tabs (paragraph properties) is a tab stop, not text.
          if (p && attr(attrs, 'w:val') === null) p.text += ' ';
          return;
        }
        case 'w:br':
        case 'w:cr': {
          const p = paras[paras.length - 1];
          if (p) p.text += '\n';
          return;
        }
        case 'w:noBreakHyphen': {
          const p = paras[paras.length - 1];
          if (p) p.text += '-';
          return;
        }
        case 'w:del':
        case 'w:moveFrom':
        case 'w:instrText':
        case 'w:delText':
        case 'mc:Fallback':
        case 'w:footnotePr':
        case 'w:endnotePr':
          if (!self) {
            skip = 1;
            skipName = name;
            skipDepth = 1;
          }
          return;
        case 'w:altChunk': {
          const id = attr(attrs, 'r:id');
          if (id && altChunks.length < 100) altChunks.push({ id, at: blocks.length });
          return;
        }
        case 'w:tbl': {
          if (self) return;
          tableCount++;
          const outer = top();
          if (outer && !outer.layout) {
            // The outer table is a layout box: what it held so far goes out as paragraphs.
            outer.layout = true;
            for (const row of outer.rows)
              for (const c of row) for (const p of c.paras) if (p.trim()) blocks.push({ type: 'p', text: p });
            outer.rows = [];
            if (outer.row)
              for (const c of outer.row) for (const p of c.paras) if (p.trim()) blocks.push({ type: 'p', text: p });
            outer.row = [];
            flushLayoutCell(outer);
          } else if (outer) {
            flushLayoutCell(outer);
          }
          if (tables.length >= MAX_TABLE_DEPTH) return;
          tables.push({ rows: [], row: null, cell: null, layout: false, gridAfter: 0 });
          return;
        }
        case 'w:tr': {
          const t = top();
          if (t && !self) {
            t.row = [];
            t.gridAfter = 0;
          }
          return;
        }
        case 'w:gridBefore':
        case 'w:gridAfter': {
          const t = top();
          const v = Math.min(MAX_COLS, Number(attr(attrs, 'w:val') ?? 0) || 0);
          if (!t || !t.row || v <= 0) return;
          if (name === 'w:gridBefore')
            for (let k = 0; k < v; k++) t.row.push({ paras: [], span: 1, vmerge: null, hmerge: false });
          else t.gridAfter = v;
          return;
        }
        case 'w:tc': {
          const t = top();
          if (t && !self) {
            if (t.layout) flushLayoutCell(t);
            t.cell = { paras: [], span: 1, vmerge: null, hmerge: false };
          }
          return;
        }
        case 'w:gridSpan': {
          const c = top()?.cell;
          if (c) c.span = Math.max(1, Math.min(MAX_COLS, Number(attr(attrs, 'w:val')) || 1));
          return;
        }
        case 'w:vMerge': {
          const c = top()?.cell;
          if (c) c.vmerge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
          return;
        }
        case 'w:hMerge': {
          const c = top()?.cell;
          if (c && attr(attrs, 'w:val') !== 'restart') c.hmerge = true;
          return;
        }
        default:
          return;
      }
    },
    close(name) {
      if (skip) {
        if (name === skipName && --skipDepth === 0) skip = 0;
        return;
      }
      switch (name) {
        case 'w:t':
          if (inText) inText--;
          return;
        case 'w:p': {
          const p = paras.pop();
          if (p) emitParagraph(p.text, p.role);
          return;
        }
        case 'w:tc': {
          const t = top();
          if (!t || !t.cell) return;
          if (t.layout) flushLayoutCell(t);
          else if (t.row && t.row.length < MAX_COLS) t.row.push(t.cell);
          t.cell = null;
          return;
        }
        case 'w:tr': {
          const t = top();
          if (!t || !t.row) return;
          if (!t.layout && t.rows.length < MAX_ROWS) {
            for (let k = 0; k < t.gridAfter; k++) t.row.push({ paras: [], span: 1, vmerge: null, hmerge: false });
            t.rows.push(t.row);
          }
          t.row = null;
          return;
        }
        case 'w:tbl': {
          const t = tables.pop();
          if (!t) return;
          if (t.layout) flushLayoutCell(t);
          else if (t.rows.length) {
            const outer = top();
            const grid = toGrid(t);
            if (outer) outer.layout = true;
            if (grid) blocks.push(grid);
          }
          return;
        }
        default:
          return;
      }
    },
    text(text) {
      if (skip || !inText) return;
      const p = paras[paras.length - 1];
      if (p) p.text += text;
    },
  });
  const wide = widest > 1 ? `（有的单元格合并横跨${widest}列）` : '';
  const problems = tablesCut
    ? [
        `文件中的表格展开合并单元格后超过${MAX_DOC_CELLS / 10000}万个单元格${wide}，已停止展开：${tablesCut}个表格未读取或只读取了一部分`,
      ]
    : [];
  return { blocks, tables: tableCount, altChunks, problems };
}
