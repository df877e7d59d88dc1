// The deadlines of 《中华人民共和国政府信息公开条例》第四十九条: a 县级以上人民政府部门 hands
// its report for the year to the 政府信息公开工作主管部门 and publishes it by 31 January; the
// 主管部门 publishes the government's own report by 31 March. 成文日期 is checked against them.

export const DEADLINE_BASIS = '《中华人民共和国政府信息公开条例》第四十九条';

export type OrganKind = 'department' | 'government';

export interface Deadline {
  kind: OrganKind;
  /** ISO date, the last day. */
  date: string;
  /** What must be done by then, in Chinese. */
  task: string;
  /** The verb of a short message: 报送 / 公布. */
  verb: string;
}

/**
 * A 县级以上人民政府's own report (某某县人民政府, 某某市政府) is due by 31 March; everything else —
 * its departments and offices (县政府办公室 too), and 乡镇, which hand theirs to the county — by
 * 31 January.
 */
export function organKind(org: string): OrganKind {
  const o = org.replace(/\s/g, '');
  if (!/(?:人民政府|政府)$/.test(o)) return 'department';
  return /[乡镇]人民政府$|[乡镇]政府$|街道/.test(o) ? 'department' : 'government';
}

export function deadlineOf(kind: OrganKind, year: number): Deadline {
  return kind === 'government'
    ? { kind, date: `${year + 1}-03-31`, task: `向社会公布本级政府${year}年度报告`, verb: '公布' }
    : {
        kind,
        date: `${year + 1}-01-31`,
        task: `向本级政府信息公开工作主管部门报送${year}年度报告并向社会公布`,
        verb: '报送',
      };
}

/** The deadline for an organ's report of a year. */
export function reportDeadline(org: string, year: number): Deadline {
  return deadlineOf(organKind(org), year);
}

/** Days from today (ISO) to a date (ISO): negative once it has passed. */
export function daysUntil(date: string, today: string): number {
  const t = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return Math.round((t(date) - t(today)) / 86_400_000);
}

/** The reporting year whose reports are being prepared on a day: last year's until 31 March. */
export function reportingYear(today: string): number {
  const y = +today.slice(0, 4);
  return +today.slice(5, 7) <= 3 ? y - 1 : y;
}

/** 还有12天 / 今天截止 / 已过3天 */
export function daysLeftText(days: number): string {
  return days > 0 ? `还有${days}天` : days === 0 ? '今天截止' : `已过${-days}天`;
}
