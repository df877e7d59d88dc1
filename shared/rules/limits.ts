// The rules read at most so many characters of one text: a pasted-in book (or a crafted file)
// must not make a check slow, and the editor checks on every keystroke. A real section has a
// few thousand characters; past the limit the text is kept as it is, only not checked, and a
// finding says so. Long runs of blanks are read as one, so that no pattern can spend time
// trying every way to split a run of 60,000 spaces.
import { getFormat } from '../format';
import { narrativeKeyOf, type NarrativePart, type Report } from '../report';
import type { Finding } from './types';

export const MAX_CHECKED_CHARS = 20_000;

const BLANK_RUN = /\s{8,}/g;
/** A text with each long run of blanks as one (what the rules read, before the limit). */
const squeezed = (text: string) => text.replace(BLANK_RUN, (run) => (run.includes('\n') ? '\n' : ' '));
/** Past the limit even once its blank runs are squeezed: the rest goes unchecked. */
const long = (text: string) => text.length > MAX_CHECKED_CHARS && squeezed(text).length > MAX_CHECKED_CHARS;
/** What the rules read of a text: blank runs as one, then its first MAX_CHECKED_CHARS characters. */
const cut = (text: string) => squeezed(text).slice(0, MAX_CHECKED_CHARS);
const changed = (text: string) => cut(text) !== text;

function finding(where: string, length: number, field: Finding['field']): Finding {
  return {
    rule: 'text.length',
    severity: 'warning',
    message: `${where}有一段文字长达${length}字，超过${MAX_CHECKED_CHARS}字的部分没有检查：请核对是否误粘贴了重复的内容，或把它分成几段`,
    cells: [],
    field,
  };
}

/** The report as the rules see it (long texts cut at the limit, blank runs as one) and a finding per cut text. Unchanged when nothing needs it. */
export function capTexts(report: Report): { report: Report; findings: Finding[] } {
  const findings: Finding[] = [];
  const format = getFormat(report.format);
  let narrative = report.narrative;
  for (const s of format.sections) {
    const key = narrativeKeyOf(s.no);
    if (!key || !report.narrative[key].some((p) => changed(p.text) || changed(p.heading))) continue;
    const parts: NarrativePart[] = report.narrative[key].map((p) => {
      if (long(p.text)) findings.push(finding(`第${s.numeral}部分`, p.text.length, { section: s.no, part: p.id }));
      return { ...p, heading: cut(p.heading), text: cut(p.text) };
    });
    narrative = { ...narrative, [key]: parts };
  }
  if (long(report.preamble)) findings.push(finding('报告前言', report.preamble.length, 'preamble'));
  if (long(report.cover.body)) findings.push(finding('报送函正文', report.cover.body.length, 'cover.body'));
  if (narrative === report.narrative && !changed(report.preamble) && !changed(report.cover.body))
    return { report, findings };
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
