// Sorting the review table: by any column, blanks always last, ties kept in folder order.
import type { ReviewEntry } from '../../shared/review';

export type SortKey =
  'org' | 'year' | 'file' | 'errors' | 'warnings' | 'repeatPercent' | 'received' | 'substantiveRate' | 'readProblems';
export type SortDir = 'asc' | 'desc';

function valueOf(e: ReviewEntry, key: SortKey): string | number | null {
  switch (key) {
    case 'org':
      return e.isReport ? e.org : null;
    case 'file':
      return e.file;
    case 'year':
      return e.year;
    case 'errors':
    case 'warnings':
      return e.isReport ? e[key] : null;
    case 'repeatPercent':
      return e.repeatPercent;
    case 'received':
    case 'substantiveRate':
      return e.figures?.[key] ?? null;
    case 'readProblems':
      return e.readProblems.length;
  }
}

export function sortEntries(entries: readonly ReviewEntry[], key: SortKey, dir: SortDir): ReviewEntry[] {
  const sign = dir === 'asc' ? 1 : -1;
  return entries
    .map((e, i) => ({ e, i, v: valueOf(e, key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === 'string' ? a.v.localeCompare(String(b.v), 'zh-CN') : a.v - (b.v as number);
      return c ? c * sign : a.i - b.i;
    })
    .map((x) => x.e);
}
