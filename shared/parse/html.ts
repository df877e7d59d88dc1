// HTML (a saved web page, the clipboard's HTML, LibreOffice's export) -> paragraphs and
// table grids with colspan/rowspan expanded. A tolerant, non-recursive reader: no DOM, bounded
// depth and grid size, so that any input ends quickly.

import type { TableProblem } from './ledger';
import type { Block } from './lines';

interface El {
  tag: string;
  attrs: string;
  children: (El | string)[];
  parent: El | null;
  /** Holds a <table> somewhere below (a layout table, read as text containers). */
  hasTable?: boolean;
}

const VOID = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'col',
  'area',
  'base',
  'wbr',
  'source',
  'param',
  'embed',
  'track',
]);
const SKIP = new Set([
  'script',
  'style',
  'head',
  'title',
  'noscript',
  'template',
  'svg',
  'math',
  'object',
  'iframe',
  'select',
  'textarea',
]);
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'tr',
  'table',
  'br',
  'dd',
  'dt',
  'dl',
  'center',
  'form',
  'nav',
  'main',
  'aside',
  'hr',
  'td',
  'th',
  'caption',
  'tbody',
  'thead',
  'tfoot',
  'body',
  'html',
]);
const MAX_DEPTH = 200;
const MAX_ROWS = 2000;
const MAX_COLS = 100;
/**
 * Cells that merged cells may fill by copies, per table and per page: a report's biggest table has
 * some 250 cells; rowspan="2000" colspan="100" on every cell of a page must not take gigabytes.
 */
export const SPAN_LIMITS = { tableCells: 20_000, pageCells: 200_000 };

interface SpanBudget {
  /** Cells placed on the page so far. */
  cells: number;
  /** Merged cells read as single cells for lack of budget. */
  capped: number;
  /** Tables left out because the page's budget was spent. */
  skipped: number;
}

const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  middot: '·',
  hellip: '…',
  times: '×',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});?/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function parseTree(html: string): El {
  const root: El = { tag: '#root', attrs: '', children: [], parent: null };
  let cur = root;
  let depth = 0;
  let skipUntil = '';
  // Every alternative stops at the next `<` or `>`, so that broken markup cannot make this quadratic.
  const re =
    /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^<>]*>?|<\?[^<>]*>?|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^<>"']|"[^"<>]*"|'[^'<>]*')*)>|([^<]+)|</g;
  let m: RegExpExecArray | null;
  const close = (tag: string) => {
    for (let e: El | null = cur, d = depth; e && e !== root; e = e.parent, d--) {
      if (e.tag === tag) {
        cur = e.parent ?? root;
        depth = d - 1;
        return;
      }
    }
  };
  while ((m = re.exec(html))) {
    const [all, slash, rawTag, attrs, text] = m;
    if (text !== undefined || all === '<') {
      if (!skipUntil) cur.children.push(decodeEntities(text ?? '<'));
      continue;
    }
    if (!rawTag) continue;
    const tag = rawTag.toLowerCase();
    if (skipUntil) {
      if (slash && tag === skipUntil) skipUntil = '';
      continue;
    }
    if (slash) {
      close(tag);
      continue;
    }
    if (SKIP.has(tag)) {
      if (!/\/\s*$/.test(attrs)) skipUntil = tag;
      continue;
    }
    // Implied ends: a new cell ends the open cell, a new row the open row, a new p the open p.
    if (tag === 'td' || tag === 'th') {
      if (cur.tag === 'td' || cur.tag === 'th') close(cur.tag);
    } else if (tag === 'tr') {
      if (cur.tag === 'td' || cur.tag === 'th') close(cur.tag);
      if (cur.tag === 'tr') close('tr');
    } else if (tag === 'p' && cur.tag === 'p') close('p');
    const el: El = { tag, attrs, children: [], parent: cur };
    if (VOID.has(tag) || /\/\s*$/.test(attrs) || depth >= MAX_DEPTH) {
      cur.children.push(el);
      continue;
    }
    cur.children.push(el);
    if (tag === 'table') for (let p: El | null = cur; p; p = p.parent) p.hasTable = true;
    cur = el;
    depth++;
  }
  return root;
}

function attrNumber(attrs: string, name: string, max: number): number {
  const m = attrs.match(new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d+)`, 'i'));
  const n = m ? parseInt(m[1], 10) : 1;
  return Math.max(1, Math.min(max, Number.isFinite(n) ? n : 1));
}

/** Text of an element, with <br>, <p> and <div> as line breaks (non-recursive). */
function textOf(el: El): string {
  let out = '';
  const stack: (El | string | null)[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n === null) {
      out += '\n';
      continue;
    }
    if (typeof n === 'string') {
      out += n.replace(/[ \t\r\n\f]+/g, ' ');
      continue;
    }
    if (n.tag === 'br') {
      out += '\n';
      continue;
    }
    const block = BLOCK.has(n.tag);
    if (block) {
      out += '\n';
      stack.push(null);
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out
    .split('\n')
    .map((s) => s.replace(/^[ ]+|[ ]+$/g, ''))
    .filter((s) => s !== '')
    .join('\n');
}

function gridOf(table: El, budget: SpanBudget): Block | null {
  const rows: El[][] = [];
  const stack: El[] = [table];
  // Rows in order, without descending into nested tables (a leaf table has none).
  const order: El[] = [];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.tag === 'tr') {
      order.push(e);
      continue;
    }
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i];
      if (typeof c !== 'string') stack.push(c);
    }
  }
  for (const tr of order.slice(0, MAX_ROWS))
    rows.push(tr.children.filter((c): c is El => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')));
  const grid: string[][] = [];
  const merged: boolean[][] = [];
  let copies = 0;
  const own = rows.reduce((n, cells) => n + cells.length, 0);
  if (budget.cells + own > SPAN_LIMITS.pageCells) {
    budget.skipped++;
    return null;
  }
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    merged[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      if (c >= MAX_COLS) break;
      const text = textOf(cell);
      let cs = Math.min(attrNumber(cell.attrs, 'colspan', MAX_COLS), MAX_COLS - c);
      let rs = Math.min(attrNumber(cell.attrs, 'rowspan', MAX_ROWS), rows.length - r);
      // Copies only while the table and the page have room; past that the cell stands alone.
      const more = rs * cs - 1;
      if (
        more > 0 &&
        (own + copies + more > SPAN_LIMITS.tableCells || budget.cells + own + copies + more > SPAN_LIMITS.pageCells)
      ) {
        budget.capped++;
        rs = 1;
        cs = 1;
      } else copies += more;
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        merged[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) {
          grid[r + dr][c + dc] = text;
          merged[r + dr][c + dc] = dr > 0 || dc > 0;
        }
      }
      c += cs;
    }
  });
  // Holes inside a row are empty cells; a row is not padded beyond its last cell.
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      if (grid[r][c] === undefined) {
        grid[r][c] = '';
        merged[r][c] = false;
      }
    }
  }
  budget.cells += own + copies;
  return { type: 'table', rows: grid, merged };
}

/** What the limits on merged cells changed, as a problem of the tables (none when nothing was capped). */
function spanProblem(budget: SpanBudget): TableProblem | null {
  if (!budget.capped && !budget.skipped) return null;
  const parts: string[] = [];
  if (budget.capped) parts.push(`${budget.capped}处合并单元格（rowspan/colspan）范围过大，已按单个单元格读取`);
  if (budget.skipped) parts.push(`${budget.skipped}个表格过大，未读取`);
  return {
    kind: 'spanCapped',
    message: `网页中${parts.join('，')}，表格的行列可能错位，请核对读取结果`,
    rows: [],
    cells: [],
  };
}

/** HTML -> blocks; when `problems` is given, what the limits on merged cells changed is added to it. */
export function htmlToBlocks(html: string, problems?: TableProblem[]): Block[] {
  const budget: SpanBudget = { cells: 0, capped: 0, skipped: 0 };
  const root = parseTree(html);
  const blocks: Block[] = [];
  let buf = '';
  const flush = () => {
    for (const line of buf.split('\n')) {
      const t = line.replace(/[ \t\r\f]+/g, ' ').trim();
      if (t) blocks.push({ type: 'p', text: t });
    }
    buf = '';
  };
  const stack: (El | string | null)[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n === null) {
      buf += '\n';
      continue;
    }
    if (typeof n === 'string') {
      buf += n.replace(/[ \t\r\n\f]+/g, ' ');
      continue;
    }
    if (n.tag === 'table' && !n.hasTable) {
      flush();
      const g = gridOf(n, budget);
      if (g && g.type === 'table' && g.rows.length) blocks.push(g);
      continue;
    }
    if (n.tag === 'br') {
      buf += '\n';
      continue;
    }
    if (BLOCK.has(n.tag)) {
      buf += '\n';
      stack.push(null);
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  flush();
  const p = spanProblem(budget);
  if (p && problems) problems.push(p);
  return blocks;
}

/** True when the text looks like HTML rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000).toLowerCase();
  return (
    /<(?:!doctype\s+html|html|body|table|meta\s)/.test(head) ||
    (/<(?:p|div|td|tr|br|span)\b/.test(head) && /<\/\w+>/.test(head))
  );
}
