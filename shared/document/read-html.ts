// Reads back this app's own web page (html.ts) exactly: its headings, paragraphs and tables are
// handed to the parser with the roles the page gives them (h1 title, h2 section heading, h3
// sub-heading, p body or contact), so that nothing is guessed. Other pages go to the generic reader.
import type { FormatId } from '../format';
import { parseBlocks, type ParsedReport } from '../parse';
import { decodeEntities, htmlToBlocks } from '../parse/html';
import type { Block, ParagraphRole } from '../parse/lines';
import { HTML_GENERATOR } from './html';

const META = (name: string) => new RegExp(`<meta\\s+name="${name}"\\s+content="([^"]*)"`, 'i');

const ROLE: Record<string, ParagraphRole> = { h1: 'title', h2: 'heading', h3: 'subheading', p: 'body' };

const textOf = (inner: string) =>
  decodeEntities(inner.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ''))
    .replace(/[ \t\r\f]+/g, ' ')
    .trim();

/** The report of a page this app wrote, or null for any other page. */
export function readOwnHtml(html: string): ParsedReport | null {
  const head = html.slice(0, 4000);
  if (META('generator').exec(head)?.[1] !== HTML_GENERATOR) return null;
  const org = decodeEntities(META('nianbao:org').exec(head)?.[1] ?? '');
  const year = Number(META('nianbao:year').exec(head)?.[1]);
  const format = META('nianbao:format').exec(head)?.[1];
  const known =
    Number.isInteger(year) && (format === '2021' || format === '2019')
      ? { org, year, format: format as FormatId }
      : undefined;
  const body = html.slice(html.search(/<body\b/i) + 1);
  const blocks: Block[] = [];
  for (const m of body.matchAll(/<(h1|h2|h3|p)\b([^>]*)>([\s\S]*?)<\/\1>|<table\b[\s\S]*?<\/table>/gi)) {
    if (!m[1]) {
      blocks.push(...htmlToBlocks(m[0]));
      continue;
    }
    const text = textOf(m[3]);
    if (!text) continue;
    const role = /class="nb-contact"/.test(m[2]) ? 'contact' : ROLE[m[1].toLowerCase()];
    blocks.push({ type: 'p', text, role });
  }
  return parseBlocks(blocks, known ? { known } : {});
}
