// The same report, for the list: the same organ (as written, spaces aside) and the same year.
// 打开报告文件, 新建报告 and 从上年报告新建 ask before adding a second one.

interface Listed {
  org: string;
  year: number;
  updatedAt: string;
  deletedAt?: string;
}

/** The live reports of `org` and `year` in a list, the one saved last first. */
export function sameReports<T extends Listed>(list: readonly T[] | null, org: string, year: number): T[] {
  return (list ?? [])
    .filter((r) => !r.deletedAt && r.org.trim() === org.trim() && r.year === year)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
