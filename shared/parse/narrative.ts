// Sections 一, 五 and 六: paragraphs split into the format's customary parts by their
// sub-headings — （一）主动公开, 主动公开。…, （二）依申请公开方面。… — and sub-headings the format
// does not know kept as parts of their own (extra-N), in the order of the file.
import type { NarrativePartDef } from '../format';
import { PART_ALIASES } from '../format/document';
import { normalizeLabel } from '../format/labels';
import type { NarrativePart } from '../report/model';
import type { ParagraphRole } from './lines';

const SUB_ENUM = /^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*/;
const HEAD_END = /[。：:；;！!]/;
const MAX_HEAD = 40;

function aliasesOf(part: NarrativePartDef): string[] {
  return [part.heading, ...(PART_ALIASES[part.id] ?? [])].filter(Boolean).map(normalizeLabel);
}

/** The known part a sub-heading names, or null. */
export function knownPart(head: string, parts: NarrativePartDef[]): NarrativePartDef | null {
  const h = normalizeLabel(head).replace(SUB_ENUM, '');
  if (!h) return null;
  let best: { part: NarrativePartDef; score: number } | null = null;
  for (const p of parts) {
    let score = 0;
    for (const a of aliasesOf(p)) {
      const hit = a.length <= 2 ? h === a : h.includes(a) && h.length <= a.length + 12;
      if (hit) score = Math.max(score, a.length * 10) + 1;
    }
    if (score && (!best || score > best.score)) best = { part: p, score };
  }
  return best?.part ?? null;
}

interface Heading {
  head: string;
  rest: string;
  numbered: boolean;
  /** The punctuation that ended the heading ('' for a line that is only a heading). */
  stop: string;
}

/** A paragraph that opens with a sub-heading: （一）xx, or a known heading followed by 。/：. */
function headingOf(paragraph: string): Heading | null {
  const numbered = SUB_ENUM.test(paragraph);
  const body = paragraph.replace(SUB_ENUM, '');
  const end = body.search(HEAD_END);
  if (end >= 0 && end <= MAX_HEAD) {
    return { head: body.slice(0, end).trim(), rest: body.slice(end + 1).trim(), numbered, stop: body[end] };
  }
  if (end < 0 && body.length <= MAX_HEAD) return { head: body.trim(), rest: '', numbered, stop: '' };
  if (numbered) return { head: '', rest: body.trim(), numbered, stop: '' };
  return null;
}

export interface Paragraph {
  text: string;
  role?: ParagraphRole;
}

export function splitParts(paragraphs: Paragraph[], defs: NarrativePartDef[]): NarrativePart[] {
  const parts: NarrativePart[] = defs.map((d) => ({ id: d.id, heading: d.heading, text: '' }));
  let extra = 0;
  let current = -1;
  const append = (text: string) => {
    if (!text) return;
    if (current < 0) {
      const untitled = parts.findIndex((p) => p.heading === '' && p.text === '');
      if (untitled >= 0) current = untitled;
      else {
        parts.unshift({ id: `extra-${++extra}`, heading: '', text: '' });
        current = 0;
      }
    }
    const p = parts[current];
    p.text = p.text ? `${p.text}\n${text}` : text;
  };
  for (const { text: raw, role } of paragraphs) {
    const paragraph = raw.trim();
    if (!paragraph || role === 'contact') continue;
    if (role === 'subheading') {
      const head = paragraph.replace(SUB_ENUM, '').trim();
      const known = knownPart(head, defs);
      const at = known
        ? parts.findIndex((p) => p.id === known.id && normalizeLabel(p.heading) === normalizeLabel(head))
        : -1;
      if (at >= 0) current = at;
      else {
        parts.splice(current + 1, 0, { id: `extra-${++extra}`, heading: head, text: '' });
        current = current + 1;
      }
      continue;
    }
    const h = role === 'body' ? null : headingOf(paragraph);
    if (h && h.head) {
      const known = knownPart(h.head, defs);
      // Without its number, only a short heading-like phrase opens a part (下一步，我局将… does not).
      if (known && (h.numbered || (h.head.length <= 16 && !/[，,、]/.test(h.head)))) {
        current = parts.findIndex((p) => p.id === known.id);
        // A whole sentence (本年度未收取信息处理费。) is the part's text, not its heading.
        append(!h.numbered && !h.rest && /[。！!；;]/.test(h.stop) ? paragraph : h.rest);
        continue;
      }
      if (h.numbered) {
        parts.splice(current + 1, 0, { id: `extra-${++extra}`, heading: h.head, text: '' });
        current = current + 1;
        append(h.rest);
        continue;
      }
    }
    append(paragraph);
  }
  return parts;
}
