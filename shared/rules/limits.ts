// The rules read at most so many characters of one text: a pasted-in book (or a crafted file)
// must not make a check slow, and the editor checks on every keystroke. A real section has a
// few thousand characters; past the limit the text is kept as it is, only not checked, and a
// finding says so.
import { getFormat } from '../format';
import { narrativeKeyOf, type NarrativePart, type Report } from '../report';
import type { Finding } from './types';

export const MAX_CHECKED_CHARS = 20_000;

const long = (text: string) => text.length > MAX_CHECKED_CHARS;
const cut = (text: string) => (long(text) ? text.slice(0, MAX_CHECKED_CHARS) : text);

function finding(where: string, length: number, field: Finding['field']): Finding {
  return {
    rule: 'text.length',
    severity: 'warning',
    message: `${where}有一段文字长达${length}字，超过${MAX_CHECKED_CHARS}字的部分没有检查：请核对是否误粘贴了重复的内容，或把它分成几段`,
    cells: [],
    field,
  };
}

/** The report as the rules see it (long texts cut at the limit) and a finding per cut text. Unchanged when nothing is long. */
export function capTexts(report: Report): { report: Report; findings: Finding[] } {
  const findings: Finding[] = [];
  const format = getFormat(report.format);
  let narrative = report.narrative;
  for (const s of format.sections) {
    const key = narrativeKeyOf(s.no);
    if (!key || !report.narrative[key].some((p) => long(p.text) || long(p.heading))) continue;
    const parts: NarrativePart[] = report.narrative[key].map((p) => {
      if (long(p.text)) findings.push(finding(`第${s.numeral}部分`, p.text.length, { section: s.no, part: p.id }));
      return { ...p, heading: cut(p.heading), text: cut(p.text) };
    });
    narrative = { ...narrative, [key]: parts };
  }
  if (long(report.preamble)) findings.push(finding('报告前言', report.preamble.length, 'preamble'));
  if (long(report.cover.body)) findings.push(finding('报送函正文', report.cover.body.length, 'cover.body'));
  if (!findings.length && narrative === report.narrative) return { report, findings };
  return {
    report: {
      ...report,
      preamble: cut(report.preamble),
      cover: { ...report.cover, body: cut(report.cover.body) },
      narrative,
    },
    findings,
  };
}
