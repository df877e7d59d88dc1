// .xlsx -> sheets as grids (merged ranges expanded), plus what this app's own export adds:
// defined names equal to cell ids and the report JSON in the very hidden `_nianbao` sheet.
import type { Block } from '../../../shared/parse/lines';
import { attr, scanXml } from './xml';

export interface XlsxSheet {
  name: string;
  state: string;
  cells: Map<string, string>;
  rows: string[][];
  merged: boolean[][];
  /** What the limits left out, in Chinese (merged ranges past the limits, cells past the grid). */
  problems: string[];
}

export interface XlsxBook {
  sheets: XlsxSheet[];
  /** Defined names -> { sheet, row, col } (0-based). */
  names: Map<string, { sheet: string; row: number; col: number }>;
}

const MAX_ROWS = 5000;
const MAX_COLS = 200;
/** Cells of the grids of all sheets of a workbook together (a report's tables have a few hundred). */
export const MAX_BOOK_CELLS = 300_000;
/**
 * A merged range larger than this is layout (a frame, a background), not a cell of a table: a
 * report merges a title over one row or a label down a few rows. Only its first cell keeps the text.
 */
export const MAX_MERGE_CELLS = 5_000;

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseRef(ref: string): { row: number; col: number } | null {
  const m = ref.replace(/\$/g, '').match(/^([A-Z]{1,3})(\d{1,7})$/);
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

export function parseWorkbook(xml: string): {
  sheets: { name: string; rid: string; state: string }[];
  names: { name: string; ref: string }[];
} {
  const sheets: { name: string; rid: string; state: string }[] = [];
  const names: { name: string; ref: string }[] = [];
  let current: { name: string; ref: string } | null = null;
  scanXml(xml, {
    open(name, attrs) {
      const local = name.replace(/^\w+:/, '');
      if (local === 'sheet') {
        sheets.push({
          name: attr(attrs, 'name') ?? '',
          rid: attr(attrs, 'r:id') ?? attr(attrs, 'relationships:id') ?? '',
          state: attr(attrs, 'state') ?? 'visible',
        });
      } else if (local === 'definedName') {
        current = { name: attr(attrs, 'name') ?? '', ref: '' };
      }
    },
    close(name) {
      if (name.replace(/^\w+:/, '') === 'definedName' && current) {
        names.push(current);
        current = null;
      }
    },
    text(t) {
      if (current) current.ref += t;
    },
  });
  return { sheets, names };
}

export function parseRels(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  scanXml(xml, {
    open(name, attrs) {
      if (name.replace(/^\w+:/, '') === 'Relationship') {
        const id = attr(attrs, 'Id');
        const target = attr(attrs, 'Target');
        if (id && target) out.set(id, target);
      }
    },
    close() {},
    text() {},
  });
  return out;
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let inT = 0;
  let inPhonetic = 0;
  scanXml(xml, {
    open(name, _attrs, self) {
      const local = name.replace(/^\w+:/, '');
      if (local === 'si') cur = '';
      else if (local === 't' && !self) inT++;
      else if (local === 'rPh' && !self) inPhonetic++;
    },
    close(name) {
      const local = name.replace(/^\w+:/, '');
      if (local === 'si') {
        out.push(cur ?? '');
        cur = null;
      } else if (local === 't' && inT) inT--;
      else if (local === 'rPh' && inPhonetic) inPhonetic--;
    },
    text(t) {
      if (cur !== null && inT && !inPhonetic) cur += t;
    },
  });
  return out;
}

/** A number as Excel stored it, without binary float noise (0.30000000000000004 -> 0.3). */
function numberText(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  return String(Math.round(n * 1e9) / 1e9);
}

/** `maxCells`: what is left of the workbook's budget of grid cells. */
export function parseSheet(
  xml: string,
  strings: string[],
  name: string,
  state: string,
  maxCells = MAX_BOOK_CELLS,
): XlsxSheet {
  const cells = new Map<string, string>();
  const merges: string[] = [];
  let ref: { row: number; col: number } | null = null;
  let type = '';
  let value: string | null = null;
  let inV = 0;
  let inT = 0;
  let row = -1;
  let nextCol = 0;
  scanXml(xml, {
    open(tag, attrs, self) {
      const local = tag.replace(/^\w+:/, '');
      if (local === 'row') {
        const r = Number(attr(attrs, 'r'));
        row = Number.isFinite(r) && r > 0 ? r - 1 : row + 1;
        nextCol = 0;
      } else if (local === 'c') {
        const r = attr(attrs, 'r');
        ref = (r && parseRef(r)) || { row: Math.max(0, row), col: nextCol };
        nextCol = ref.col + 1;
        type = attr(attrs, 't') ?? '';
        value = null;
        if (self) ref = null;
      } else if (local === 'v' && !self) {
        inV++;
        value ??= '';
      } else if (local === 't' && !self) {
        inT++;
        value ??= '';
      } else if (local === 'mergeCell') {
        const m = attr(attrs, 'ref');
        if (m && merges.length < 10000) merges.push(m);
      }
    },
    close(tag) {
      const local = tag.replace(/^\w+:/, '');
      if (local === 'v' && inV) inV--;
      else if (local === 't' && inT) inT--;
      else if (local === 'c' && ref) {
        if (ref.row < MAX_ROWS && ref.col < MAX_COLS && value !== null) {
          let text = value;
          if (type === 's') text = strings[Number(value)] ?? '';
          else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
          else if (type === '' || type === 'n') text = numberText(value);
          cells.set(`${ref.row},${ref.col}`, text);
        }
        ref = null;
      }
    },
    text(t) {
      if (ref && (inV || inT)) value = (value ?? '') + t;
    },
  });
  let height = 0;
  let width = 0;
  for (const key of cells.keys()) {
    const [r, c] = key.split(',').map(Number);
    height = Math.max(height, r + 1);
    width = Math.max(width, c + 1);
  }
  const problems: string[] = [];
  const fullHeight = height;
  height = Math.min(height, Math.floor(Math.max(0, maxCells) / Math.max(1, width)));
  if (height < fullHeight)
    problems.push(
      `工作表“${name}”有${fullHeight}行×${width}列，超出读取上限（整个工作簿共${MAX_BOOK_CELLS / 10000}万个单元格），` +
        (height ? `只读取了前${height}行` : '未读取'),
    );
  const rows: string[][] = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => cells.get(`${r},${c}`) ?? ''),
  );
  const merged: boolean[][] = rows.map((r) => r.map(() => false));
  problems.push(...expandMerges(name, merges, rows, merged));
  return { name, state, cells, rows, merged, problems };
}

/**
 * Copies each merged range's text into the cells it covers. Ranges of a real sheet never
 * overlap, so each cell is written at most once; a range that repeats or overlaps one before
 * it is left out at its first shared cell, and one too large to be a table's cell is not
 * expanded at all (a crafted file repeats one range over the whole grid thousands of times).
 */
function expandMerges(sheet: string, merges: string[], rows: string[][], merged: boolean[][]): string[] {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  /** Cells already inside a merged range (its first cell too). */
  const covered = new Uint8Array(height * width);
  let huge = 0;
  let overlapping = 0;
  for (const m of new Set(merges)) {
    const [a, b] = m.split(':');
    const from = parseRef(a);
    const to = parseRef(b ?? a);
    if (!from || !to || from.row >= height || from.col >= width) continue;
    const lastRow = Math.min(to.row, height - 1);
    const lastCol = Math.min(to.col, width - 1);
    const area = (lastRow - from.row + 1) * (lastCol - from.col + 1);
    if (area <= 1) continue;
    if (area > MAX_MERGE_CELLS) {
      huge++;
      continue;
    }
    let free = true;
    for (let r = from.row; r <= lastRow && free; r++)
      for (let c = from.col; c <= lastCol && free; c++) free = !covered[r * width + c];
    if (!free) {
      overlapping++;
      continue;
    }
    const text = rows[from.row][from.col];
    for (let r = from.row; r <= lastRow; r++) {
      for (let c = from.col; c <= lastCol; c++) {
        covered[r * width + c] = 1;
        if (r === from.row && c === from.col) continue;
        rows[r][c] = text;
        merged[r][c] = true;
      }
    }
  }
  const out: string[] = [];
  const repeated = merges.length - new Set(merges).size;
  if (repeated || overlapping)
    out.push(
      `工作表“${sheet}”的合并单元格有${repeated + overlapping}处重复或互相重叠（文件已损坏或被改动过），这些合并未展开`,
    );
  if (huge) out.push(`工作表“${sheet}”有${huge}处合并区域超过${MAX_MERGE_CELLS}个单元格，不像是表格中的单元格，未展开`);
  return out;
}

/** Visible sheets as blocks: the sheet name (it may be a section heading) and its grid. */
export function sheetsToBlocks(book: XlsxBook, skip: Set<string>): Block[] {
  const out: Block[] = [];
  for (const s of book.sheets) {
    if (s.state !== 'visible' || skip.has(s.name) || !s.rows.length) continue;
    out.push({ type: 'p', text: s.name });
    out.push({ type: 'table', rows: s.rows, merged: s.merged });
  }
  return out;
}

/** `'三、依申请公开'!$D$7` -> sheet and cell. */
export function parseDefinedRef(ref: string): { sheet: string; row: number; col: number } | null {
  const m = ref.trim().match(/^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]{1,3}\$?\d{1,7})$/);
  if (!m) return null;
  const at = parseRef(m[3]);
  if (!at) return null;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), ...at };
}
