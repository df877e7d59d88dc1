// Measures the blocks as the browser sets them in the text block (same width, fonts and CSS as
// the pages) and hands the heights to the paginator; finds where a paragraph's lines start so
// that a paragraph broken over two pages is cut between the same lines.
import type { Block } from '../../shared/document';
import type { FlowItem } from './paginate';

const px = (v: string) => parseFloat(v) || 0;

function measureBlock(block: Block, el: HTMLElement): FlowItem {
  const style = getComputedStyle(el);
  const before = px(style.marginTop);
  const after = px(style.marginBottom);
  const height = el.getBoundingClientRect().height;
  if (block.type === 'table') {
    const rows = [...el.querySelectorAll('tr')].map((tr) => tr.getBoundingClientRect().height);
    const h = block.grid.headerRows;
    return { kind: 'table', before, header: rows.slice(0, h), rows: rows.slice(h) };
  }
  if (block.type !== 'paragraph') {
    return { kind: 'para', before, after, lineHeight: height, lines: 1, keepNext: true, splittable: false };
  }
  const lineHeight = px(style.lineHeight) || height;
  const lines = Math.max(1, Math.round(height / lineHeight));
  const heading = block.kind === 'heading1' || block.kind === 'heading2' || block.kind === 'title';
  // As the Word styles: the letter's title and 署名 keep with what follows.
  const letterTop = block.kind === 'letterTitle' || block.kind === 'signature';
  return {
    kind: 'para',
    before,
    after,
    lineHeight,
    lines,
    keepNext: heading || letterTop || !!block.keepWithNext,
    splittable: block.lines.length === 1 && !heading && !letterTop && block.kind !== 'recipient',
  };
}

/** One flow item per block, from the rendered measuring copy (children in block order). */
export function measureBlocks(blocks: Block[], container: HTMLElement): FlowItem[] {
  const els = [...container.children] as HTMLElement[];
  return blocks.map((b, i) => measureBlock(b, els[i]));
}

/** Character offsets at which the lines of a one-text-node paragraph start (the first is 0). */
export function lineStarts(el: HTMLElement): number[] {
  const node = el.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) return [0];
  const text = node.textContent ?? '';
  const range = document.createRange();
  const starts = [0];
  let lastTop = -Infinity;
  for (let i = 0; i < text.length; i++) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rect = range.getClientRects()[0];
    if (!rect) continue;
    if (lastTop !== -Infinity && rect.top > lastTop + rect.height / 2) starts.push(i);
    lastTop = Math.max(lastTop, rect.top);
  }
  return starts;
}
