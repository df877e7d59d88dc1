// Just enough WordprocessingML reading for the export tests: body paragraphs with their style,
// tables with gridSpan / vMerge per cell. Regex-based: the exporter writes no nested tables.
import { strFromU8, unzipSync } from 'fflate';

export function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) out[k] = strFromU8(v);
  return out;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Text of a fragment: w:t contents, w:br as a newline. */
export function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:br\/>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g))
    out += m[0] === '<w:br/>' ? '\n' : unescapeXml(m[1]);
  return out;
}

export interface Para {
  style: string;
  text: string;
  xml: string;
}
export interface Cell {
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
}
export interface Tbl {
  grid: number[];
  rows: Cell[][];
  xml: string;
}

const PARA = /<w:p\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g;

function para(xml: string): Para {
  return { style: xml.match(/<w:pStyle w:val="([^"]*)"/)?.[1] ?? '', text: textOf(xml), xml };
}

/** Body blocks in order: paragraphs, and tables as a paragraph with style '#table' and index in text. */
export function body(documentXml: string): { blocks: Para[]; tables: Tbl[] } {
  const inner = documentXml.match(/<w:body>([\s\S]*)<\/w:body>/)![1];
  const tables: Tbl[] = [];
  const flat = inner.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (t) => {
    tables.push(table(t));
    return `<w:p><w:pPr><w:pStyle w:val="#table"/></w:pPr><w:r><w:t>${tables.length - 1}</w:t></w:r></w:p>`;
  });
  return { blocks: [...flat.matchAll(PARA)].map((m) => para(m[0])), tables };
}

function table(xml: string): Tbl {
  const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
  const rows = [...xml.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
    [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
      const vm = c[1].match(/<w:vMerge(?: w:val="(\w+)")?\/>/);
      return {
        text: [...c[1].matchAll(PARA)].map((p) => textOf(p[0])).join('\n'),
        gridSpan: Number(c[1].match(/<w:gridSpan w:val="(\d+)"/)?.[1] ?? 1),
        vMerge: vm ? ((vm[1] ?? 'continue') as 'restart' | 'continue') : null,
      };
    }),
  );
  return { grid, rows, xml };
}

/** The cell covering grid column `col` of a row (walking gridSpans). */
export function cellAt(row: Cell[], col: number): Cell | undefined {
  let c = 0;
  for (const cell of row) {
    if (col < c + cell.gridSpan) return cell;
    c += cell.gridSpan;
  }
  return undefined;
}
