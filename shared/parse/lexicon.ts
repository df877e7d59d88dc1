// Every label a reader looks for, taken from the format definition and prepared once for fast
// ranked matching. Nothing here spells a label: it all comes from shared/format.
import { ownLabel, type FormatDef, type FormatId } from '../format';
import { prepareLabel, scorePrepared, type PreparedLabel } from '../format/match';

export type Target =
  | { kind: 'matrixRow'; rowId: string }
  | { kind: 'matrixGroup' }
  | { kind: 'matrixColumn'; colId: string }
  | { kind: 'matrixHeader' }
  | { kind: 'block'; blockId: string }
  | { kind: 'itemHeader' }
  | { kind: 'disclosureColumn'; colId: string }
  | { kind: 'disclosureRow'; blockId: string; rowId: string }
  | { kind: 'reviewGroup'; groupId: string | null }
  | { kind: 'reviewColumn'; colId: string };

interface Entry {
  labels: PreparedLabel[];
  target: Target;
}

export interface Match {
  target: Target;
  score: number;
}

/** Labels longer than this are prose, not table labels (the longest row label is ~40 characters). */
const MAX_LABEL = 90;

export class Lexicon {
  private cache = new Map<string, Match | null>();
  constructor(private entries: Entry[]) {}

  /** The best label the text names, or null. Results are cached per text. */
  match(text: string): Match | null {
    const hit = this.cache.get(text);
    if (hit !== undefined) return hit;
    let best: Match | null = null;
    if (text.length <= MAX_LABEL * 2) {
      const c = prepareLabel(text);
      if (c.core && c.core.length <= MAX_LABEL) {
        for (const e of this.entries) {
          for (const l of e.labels) {
            const s = scorePrepared(c, l);
            if (s > 0 && (!best || s > best.score)) best = { target: e.target, score: s };
          }
        }
      }
    }
    if (this.cache.size > 20000) this.cache.clear();
    this.cache.set(text, best);
    return best;
  }
}

const prep = (labels: (string | undefined)[]) =>
  labels
    .filter((l): l is string => !!l)
    .map(prepareLabel)
    .filter((p) => p.core);

export interface FormatLexicon {
  format: FormatDef;
  matrix: Lexicon;
  disclosure: Lexicon;
  review: Lexicon;
}

const lexicons = new Map<FormatId, FormatLexicon>();

export function lexiconFor(format: FormatDef): FormatLexicon {
  const hit = lexicons.get(format.id);
  if (hit) return hit;
  const m = format.applications;
  const matrix: Entry[] = [];
  const ownLabels = new Set(m.rows.map((r) => ownLabel(r.path)));
  const groups = new Set<string>();
  for (const r of m.rows) {
    // A cell may hold the row's label with its groups (（三）不予公开1.属于国家秘密) when merged oddly.
    const composite = r.path.length > 1 ? [r.path.join(''), r.path.slice(1).join('')] : [];
    matrix.push({
      labels: prep([ownLabel(r.path), ...(r.aliases ?? []), ...composite]),
      target: { kind: 'matrixRow', rowId: r.id },
    });
    for (const p of r.path.slice(0, -1)) if (!ownLabels.has(p)) groups.add(p);
  }
  matrix.push({ labels: prep([...groups]), target: { kind: 'matrixGroup' } });
  for (const c of m.columns)
    matrix.push({ labels: prep([c.label, ...(c.aliases ?? [])]), target: { kind: 'matrixColumn', colId: c.id } });
  matrix.push({ labels: prep([m.header, m.note, ...m.columns.map((c) => c.group)]), target: { kind: 'matrixHeader' } });

  const disclosure: Entry[] = [];
  const columnIds = new Map<string, string[]>();
  for (const b of format.disclosure) {
    disclosure.push({ labels: prep([b.label]), target: { kind: 'block', blockId: b.id } });
    for (const r of b.rows) {
      disclosure.push({
        labels: prep([ownLabel(r.path), ...(r.aliases ?? [])]),
        target: { kind: 'disclosureRow', blockId: b.id, rowId: r.id },
      });
    }
    for (const c of b.columns) {
      const key = c.id;
      if (!columnIds.has(key)) {
        columnIds.set(key, []);
        disclosure.push({
          labels: prep([c.label, ...(c.aliases ?? [])]),
          target: { kind: 'disclosureColumn', colId: c.id },
        });
      }
    }
  }
  disclosure.push({
    labels: prep([...new Set(format.disclosure.map((b) => b.itemHeader))]),
    target: { kind: 'itemHeader' },
  });

  const review: Entry[] = [];
  const parents = new Set<string>();
  for (const g of format.review.groups) {
    review.push({ labels: prep([ownLabel(g.path)]), target: { kind: 'reviewGroup', groupId: g.id } });
    for (const p of g.path.slice(0, -1)) parents.add(p);
  }
  review.push({ labels: prep([...parents]), target: { kind: 'reviewGroup', groupId: null } });
  for (const c of format.review.columns)
    review.push({ labels: prep([c.label, ...(c.aliases ?? [])]), target: { kind: 'reviewColumn', colId: c.id } });

  const out: FormatLexicon = {
    format,
    matrix: new Lexicon(matrix),
    disclosure: new Lexicon(disclosure),
    review: new Lexicon(review),
  };
  lexicons.set(format.id, out);
  return out;
}

/** Labels only one of the formats has (本年制发件数 vs 本年新制作数量 …), to tell them apart. */
export function distinctiveLabels(a: FormatDef, b: FormatDef): PreparedLabel[] {
  const labelsOf = (f: FormatDef): string[] => [
    ...f.disclosure.flatMap((bl) => [
      ...bl.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])]),
      ...bl.rows.flatMap((r) => [ownLabel(r.path), ...(r.aliases ?? [])]),
    ]),
    ...f.applications.rows.flatMap((r) => [...r.path, ...(r.aliases ?? [])]),
  ];
  const other = prep(labelsOf(b));
  return prep(labelsOf(a)).filter(
    (l) => l.core.length >= 4 && !other.some((o) => scorePrepared(l, o) > 0 || scorePrepared(o, l) > 0),
  );
}
