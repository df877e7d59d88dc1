// The report as one web page for a government site's content system: semantic headings and
// paragraphs, and the three tables with rowspan/colspan and border attributes (which survive
// editors that strip CSS). No script, no outside resource, UTF-8. The clipboard gets the body.
import type { Report } from '../report/model';
import { describeDocument } from './describe';
import type { Block, DocumentDescription, ParagraphBlock, TableBlock } from './types';

/** Marks this app's own page (the reader recognises it by this). */
export const HTML_GENERATOR = 'nianbao';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeHtml(s: string): string {
  return s
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const TAG: Partial<Record<ParagraphBlock['kind'], string>> = { title: 'h1', heading1: 'h2', heading2: 'h3' };

function paragraphHtml(b: ParagraphBlock): string {
  const tag = TAG[b.kind] ?? 'p';
  // A web page wraps by itself: the two-line title becomes one heading.
  const text = escapeHtml(b.lines.join(''));
  if (b.kind === 'contact') return `<p class="nb-contact" style="text-indent:2em">${text}</p>`;
  if (tag === 'p') return `<p style="text-indent:2em">${text}</p>`;
  return tag === 'h1' ? `<${tag} align="center">${text}</${tag}>` : `<${tag}>${text}</${tag}>`;
}

function tableHtml(b: TableBlock): string {
  const { grid } = b;
  const total = grid.widths.reduce((a, x) => a + x, 0);
  const cols = grid.widths.map((w) => `<col width="${((w / total) * 100).toFixed(1)}%">`).join('');
  const rows: string[][] = Array.from({ length: grid.rows }, () => []);
  const order = grid.cells.map((c, i) => ({ c, i })).sort((x, y) => x.c.row - y.c.row || x.c.col - y.c.col);
  for (const { c, i } of order) {
    const tag = c.role === 'header' || c.role === 'note' || c.role === 'block' ? 'th' : 'td';
    const span = (c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '') + (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '');
    const text = escapeHtml(b.texts[i] ?? '')
      .split('\n')
      .join('<br>');
    rows[c.row].push(`<${tag}${span} align="${b.aligns[i] ?? 'center'}" valign="middle">${text}</${tag}>`);
  }
  const head = rows.slice(0, grid.headerRows).map((r) => `<tr>${r.join('')}</tr>`);
  const body = rows.slice(grid.headerRows).map((r) => `<tr>${r.join('')}</tr>`);
  return (
    `<table border="1" cellspacing="0" cellpadding="4" width="100%" style="border-collapse:collapse">` +
    `<colgroup>${cols}</colgroup>` +
    (head.length ? `<thead>${head.join('')}</thead>` : '') +
    `<tbody>${body.join('')}</tbody></table>`
  );
}

function blockHtml(b: Block): string {
  if (b.type === 'paragraph') return paragraphHtml(b);
  if (b.type === 'table') return tableHtml(b);
  return ''; // the 红头 and 发文字号 belong to the printed letter only
}

/** The report's content as an HTML fragment (what 复制网页格式 puts on the clipboard). */
export function reportHtmlFragment(doc: DocumentDescription): string {
  const report = doc.sections.find((s) => s.id === 'report');
  return (report?.blocks ?? []).map(blockHtml).join('\n');
}

/** A self-contained page: the fragment with a charset, a title and a little print-friendly CSS. */
export function reportHtmlPage(doc: DocumentDescription, meta: { org: string; year: number; format: string }): string {
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    `<meta name="generator" content="${HTML_GENERATOR}">\n` +
    `<meta name="nianbao:org" content="${escapeHtml(meta.org)}">\n` +
    `<meta name="nianbao:year" content="${meta.year}">\n` +
    `<meta name="nianbao:format" content="${escapeHtml(meta.format)}">\n` +
    `<title>${escapeHtml(doc.title)}</title>\n` +
    '<style>body{max-width:46em;margin:2em auto;padding:0 1em;font-family:"仿宋_GB2312","仿宋",FangSong,serif;font-size:16px;line-height:1.8}' +
    'h1{font-family:"方正小标宋简体","宋体",serif;font-weight:normal;font-size:1.6em}h2{font-family:"黑体",SimHei,sans-serif;font-size:1.1em}' +
    'h3{font-family:"楷体_GB2312","楷体",KaiTi,serif;font-size:1em}table{border-collapse:collapse;font-size:13px;line-height:1.4;margin:.5em 0 1em}' +
    'th,td{border:1px solid #000;padding:3px 4px}</style>\n</head>\n<body>\n' +
    reportHtmlFragment(doc) +
    '\n</body>\n</html>\n'
  );
}

/** 导出网页: the report (without the letter) as a web page. */
export function reportWebPage(report: Report): string {
  return reportHtmlPage(describeDocument(report, { reportOnly: true }), report);
}

/** 复制网页格式: the same content as a fragment for the clipboard's text/html. */
export function reportWebFragment(report: Report): string {
  return reportHtmlFragment(describeDocument(report, { reportOnly: true }));
}

/** The same content as plain text (the clipboard's text/plain): table rows with tabs between cells. */
export function reportWebText(report: Report): string {
  const doc = describeDocument(report, { reportOnly: true });
  const out: string[] = [];
  for (const b of doc.sections.flatMap((s) => s.blocks)) {
    if (b.type === 'paragraph') out.push(b.lines.join(''));
    if (b.type !== 'table') continue;
    const rows: string[][] = Array.from({ length: b.grid.rows }, () => Array<string>(b.grid.cols).fill(''));
    b.grid.cells.forEach((c, i) => (rows[c.row][c.col] = (b.texts[i] ?? '').replace(/\n/g, '')));
    out.push(...rows.map((r) => r.join('\t')));
  }
  return out.join('\n') + '\n';
}
