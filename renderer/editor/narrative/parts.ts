// The clerk's own structure of 一、五、六: sub-headings renamed, added, removed and moved. The
// customary sub-parts of the format are only where a new report starts; exports print the parts
// as they stand here (their headings, in this order).
import type { NarrativePart } from '../../../shared/report';

/** An id no part of the section has yet: own-1, own-2 … (customary parts keep the format's ids). */
export function newPartId(parts: readonly NarrativePart[]): string {
  const taken = new Set(parts.map((p) => p.id));
  let n = 1;
  while (taken.has(`own-${n}`)) n++;
  return `own-${n}`;
}

export function renamePart(parts: NarrativePart[], index: number, heading: string): NarrativePart[] {
  return parts.map((p, i) => (i === index ? { ...p, heading } : p));
}

export function setPartText(parts: NarrativePart[], index: number, text: string): NarrativePart[] {
  return parts.map((p, i) => (i === index ? { ...p, text } : p));
}

/** A new, empty sub-part after `index` (-1: at the start); returns the parts and the new part's id. */
export function addPartAfter(parts: NarrativePart[], index: number, heading = ''): [NarrativePart[], string] {
  const id = newPartId(parts);
  const next = [...parts];
  next.splice(index + 1, 0, { id, heading, text: '' });
  return [next, id];
}

export function removePart(parts: NarrativePart[], index: number): NarrativePart[] {
  return parts.filter((_, i) => i !== index);
}

/** Moves a part one place up (-1) or down (+1); unchanged at the ends. */
export function movePart(parts: NarrativePart[], index: number, by: -1 | 1): NarrativePart[] {
  const to = index + by;
  if (to < 0 || to >= parts.length) return parts;
  const next = [...parts];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
