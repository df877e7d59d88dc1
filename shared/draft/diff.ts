// What changed between a paragraph drafted earlier (and inserted) and the one the tables give
// now: a word-level diff, numbers kept whole, and where in a part's text the old draft stands.
import { nearlySame } from '../rules/repeat';

export interface DiffPiece {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Numbers whole, every other character on its own. */
function tokens(s: string): string[] {
  return s.match(/[0-9]+(?:\.[0-9]+)?|[\s\S]/g) ?? [];
}

/** Longest-common-subsequence diff of two short texts, merged into runs. */
export function diffText(before: string, after: string): DiffPiece[] {
  const a = tokens(before);
  const b = tokens(after);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffPiece[] = [];
  const push = (op: DiffPiece['op'], text: string) => {
    const last = out[out.length - 1];
    if (last?.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  while (i < n) push('removed', a[i++]);
  while (j < m) push('added', b[j++]);
  return out;
}

export type DraftPlace =
  | { kind: 'absent' }
  | { kind: 'current'; index: number }
  /** An earlier draft whose figures the tables no longer give. */
  | { kind: 'stale'; index: number; text: string };

/** Where a drafted paragraph stands in a part's text (by paragraph index). */
export function placeOfDraft(text: string, draft: string): DraftPlace {
  const paragraphs = text.split('\n');
  const d = draft.trim();
  const exact = paragraphs.findIndex((p) => p.trim() === d);
  if (exact >= 0) return { kind: 'current', index: exact };
  const near = paragraphs.findIndex((p) => p.trim() && nearlySame(p.trim(), d));
  return near >= 0 ? { kind: 'stale', index: near, text: paragraphs[near].trim() } : { kind: 'absent' };
}

/** The part's text with the draft inserted at the end, or with the stale paragraph replaced. */
export function insertDraft(text: string, draft: string, place: DraftPlace = { kind: 'absent' }): string {
  if (place.kind === 'current') return text;
  if (place.kind === 'stale') {
    const paragraphs = text.split('\n');
    paragraphs[place.index] = draft;
    return paragraphs.join('\n');
  }
  return text.trim() ? `${text.replace(/\s+$/, '')}\n${draft}` : draft;
}
