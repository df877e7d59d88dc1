// Matching this year's reports to last year's by organ. Organs are spelled with small
// differences from year to year (spaces, brackets, a full-width character), so names are compared
// normalized; a looser match is taken only where it is unique, never guessed between two.
export function normalizeOrg(org: string): string {
  return org
    .normalize('NFKC')
    .replace(/[\s\u3000"'“”‘’《》〈〉()（）[\]【】·•.,，、:：;；-]/g, '')
    .trim();
}

export interface OrgMatch<T> {
  item: T | null;
  /** Why nothing, or why a looser match, in Chinese (empty for an exact match). */
  note: string;
}

/**
 * Finds last year's report of an organ among candidates: the same normalized name and the year
 * before; else the only candidate whose name contains the other's (e.g. a name with or without the
 * county's prefix). Two candidates that fit equally well match neither.
 */
export function matchByOrgan<T>(
  org: string,
  year: number | null,
  candidates: readonly T[],
  of: (t: T) => { org: string; year: number | null },
): OrgMatch<T> {
  const key = normalizeOrg(org);
  if (!key) return { item: null, note: '没有机关名称，无法匹配上年报告' };
  const same = candidates.filter((c) => normalizeOrg(of(c).org) === key);
  const loose = same.length
    ? []
    : candidates.filter((c) => {
        const k = normalizeOrg(of(c).org);
        return k.length >= 2 && (k.includes(key) || key.includes(k));
      });
  const pool = same.length ? same : loose;
  if (!pool.length) return { item: null, note: '上年文件夹中没有找到同一机关的报告' };
  const prior = year === null ? [] : pool.filter((c) => of(c).year === year - 1);
  const pick = prior.length ? prior : pool;
  if (pick.length > 1)
    return { item: null, note: `上年文件夹中有${pick.length}份可能是同一机关的报告，无法确定用哪一份` };
  const item = pick[0];
  const notes: string[] = [];
  if (!same.length) notes.push(`按相近的机关名称“${of(item).org}”匹配`);
  if (year !== null && of(item).year !== year - 1) notes.push(`上年报告的年度是${of(item).year ?? '未知'}年`);
  return { item, note: notes.join('；') };
}
