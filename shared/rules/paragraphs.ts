// The narrative as paragraphs and sentences, each knowing its section and part: what the text
// rules (numbers, repetition, 五) walk.
import { NARRATIVE_SECTIONS, type Narrative } from '../report';

export interface Paragraph {
  /** 1, 5 or 6 */
  section: number;
  /** Part id (intro, onRequest, lastYear …). */
  part: string;
  heading: string;
  text: string;
}

/** Every non-empty paragraph (line) of the narrative, in reading order. */
export function narrativeParagraphs(narrative: Narrative): Paragraph[] {
  const out: Paragraph[] = [];
  for (const { no, key } of NARRATIVE_SECTIONS) {
    for (const p of narrative[key] ?? []) {
      for (const line of p.text.split(/\n+/)) {
        const text = line.trim();
        if (text) out.push({ section: no, part: p.id, heading: p.heading, text });
      }
    }
  }
  return out;
}

/** Sentences of a paragraph: split after 。！？； and their half-width forms, kept with their stop. */
export function sentences(text: string): string[] {
  return (text.match(/[^。！？；!?;\n]+[。！？；!?;]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** 第一部分“依申请公开”, or 第五部分 for an untitled part. */
export function whereOf(numeral: string, heading: string): string {
  return heading ? `第${numeral}部分“${heading}”` : `第${numeral}部分`;
}
