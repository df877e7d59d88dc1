// Sections 一, 五 and 六: paragraphs split into the format's customary parts by their
// sub-headings — （一）主动公开, 主动公开。…, （二）依申请公开方面。… — and sub-headings the format
// does not know kept as parts of their own (extra-N), in the order of the file.
import type { NarrativePartDef } from '../format';
import { PART_ALIASES } from '../format/document';
import { normalizeLabel } from '../format/labels';
import type { FormatDef } from '../format';
import type { Contact, NarrativePart } from '../report/model';
import { isContactLine, isoDate, readContact, type FrontMatter } from './front';
import type { Line, ParagraphRole } from './lines';
import { rangeOf, type SectionHit } from './sections';
import type { Range } from './tables';
import type { Stage } from './stage';
import { isValueish } from './values';

const SUB_ENUM = /^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*/;
const HEAD_END = /[。：:；;！!]/;
const MAX_HEAD = 40;

const aliasCache = new WeakMap<NarrativePartDef, string[]>();

/** The part's heading and its other spellings, label-normalised (once per part: asked for every paragraph). */
function aliasesOf(part: NarrativePartDef): string[] {
  let out = aliasCache.get(part);
  if (!out) {
    out = [part.heading, ...(PART_ALIASES[part.id] ?? [])].filter(Boolean).map(normalizeLabel);
    aliasCache.set(part, out);
  }
  return out;
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

/** The running text of a range of lines: paragraphs, and text cells standing alone (tab-indented prose). */
function proseOf(lines: Line[], range: Range): Paragraph[] {
  const out: Paragraph[] = [];
  for (let i = range.from; i < range.to; i++) {
    const l = lines[i];
    let text: string | undefined;
    if (l.para) text = l.cells[0];
    else if (!l.strong && l.cells.length === 1 && l.cells[0].trim() && !isValueish(l.cells[0])) text = l.cells[0];
    else if (l.raw) text = l.raw;
    if (text === undefined || !text.trim()) continue;
    out.push(l.role ? { text: text.trim(), role: l.role } : { text: text.trim() });
  }
  return out;
}

export interface NarrativeText {
  /** Paragraphs of each narrative section found (1, 5, 6), contact lines and the signature taken out. */
  sections: Record<number, Paragraph[]>;
  /** All running text (preamble and sections), for the year and organ. */
  prose: string[];
  /** The date and signature closing the last section (成文日期 of a report without a cover letter). */
  endDate: string;
  endSignature: string;
  contact: Contact;
  website: string;
}

/** Stage 3: the paragraphs of sections 一, 五 and 六, the contact lines and the closing date. */
export function narrativeStage(
  lines: Line[],
  hits: SectionHit[],
  { front, texts }: FrontMatter,
  format: FormatDef,
): Stage<NarrativeText> {
  const sections: Record<number, Paragraph[]> = {};
  const nos = format.sections.filter((s) => s.kind === 'narrative').map((s) => s.no);
  for (const no of nos) {
    const r = rangeOf(hits, no, lines.length);
    if (!r) continue;
    const hit = hits.find((h) => h.no === no)!;
    sections[no] = [...(hit.rest ? [{ text: hit.rest }] : []), ...proseOf(lines, r)];
  }
  const prose = [
    ...front.preamble,
    ...Object.values(sections)
      .flat()
      .map((p) => p.text),
  ];
  let endDate = '';
  let endSignature = '';
  const lastNo = [...nos].reverse().find((no) => sections[no]?.length && hits.at(-1)?.no === no);
  if (lastNo) {
    const ps = sections[lastNo];
    const d = ps.length && !ps[ps.length - 1].role ? isoDate(ps[ps.length - 1].text) : null;
    if (d) {
      endDate = d;
      ps.pop();
      const sig = ps[ps.length - 1];
      if (sig && !sig.role && sig.text.length <= 40 && !/[。；;！!]$/.test(sig.text)) endSignature = ps.pop()!.text;
    }
  }
  const { contact, website } = readContact([...texts.map((t) => t.text), ...prose]);
  for (const no of Object.keys(sections)) {
    sections[+no] = sections[+no].filter((t) => t.role !== 'contact' && (t.role === 'body' || !isContactLine(t.text)));
  }
  return { value: { sections, prose, endDate, endSignature, contact, website }, problems: [] };
}
