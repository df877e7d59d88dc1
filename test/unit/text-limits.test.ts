// Long texts and the rules: past MAX_CHECKED_CHARS a text is kept as it is but not checked, and
// a warning points at it, so that a pasted-in book cannot make a check (run on every keystroke)
// slow; long runs of blanks are read as one.
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/rules';
import { MAX_CHECKED_CHARS } from '../../shared/rules/limits';
import { fullReport } from '../fixtures/reports';

const SENTENCE = '本机关认真贯彻落实政府信息公开条例，';

describe('a report with a 60,000-character paragraph', () => {
  it('gets one warning pointing at the paragraph; the rest is checked as before', () => {
    const report = fullReport();
    const part = report.narrative.problems[0];
    const before = checkReport(report);
    part.text = SENTENCE.repeat(Math.ceil(60_000 / SENTENCE.length)).slice(0, 60_000);
    const findings = checkReport(report);
    const long = findings.filter((f) => f.rule === 'text.length');
    expect(long).toEqual([
      {
        rule: 'text.length',
        severity: 'warning',
        message: `第五部分有一段文字长达60000字，超过${MAX_CHECKED_CHARS}字的部分没有检查：请核对是否误粘贴了重复的内容，或把它分成几段`,
        cells: [],
        field: { section: 5, part: part.id },
      },
    ]);
    expect(findings.filter((f) => f.rule !== 'text.length')).toEqual(before);
    expect(part.text).toHaveLength(60_000); // the report itself is left as it is
  });

  it('a wrong 统计期限 within the limit is found; one past it is not read', () => {
    const report = fullReport();
    const filler = '一'.repeat(MAX_CHECKED_CHARS);
    report.preamble = `统计期限为2020年1月1日至2020年12月31日。${filler}`;
    expect(checkReport(report).map((f) => f.rule)).toEqual(['meta.year', 'text.length']);
    report.preamble = `${filler}统计期限为2020年1月1日至2020年12月31日。`;
    expect(checkReport(report).map((f) => f.rule)).toEqual(['text.length']);
  });

  it('long runs of blanks are read as one: a 统计期限 spread by them is still read, and no warning', () => {
    const report = fullReport();
    report.preamble = `统计期限为2020年1月1日${' '.repeat(30)}至\n\n\n\n\n\n\n\n\n2020年12月31日。`;
    expect(checkReport(report).map((f) => f.rule)).toEqual(['meta.year']);
    expect(report.preamble).toContain(' '.repeat(30));
  });

  it('texts within the limit give no such warning', () => {
    const report = fullReport();
    report.narrative.overview[0].text = '一'.repeat(MAX_CHECKED_CHARS);
    expect(checkReport(report).filter((f) => f.rule === 'text.length')).toEqual([]);
  });
});
