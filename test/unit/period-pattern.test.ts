// The 统计期限 sentence (2022年1月1日至2022年12月31日), read by the importer and checked by the
// rules: what it matches, and that text of dates followed by long runs of spaces — which once
// kept the app busy for nearly a minute — is handled in one pass.
import { describe, expect, it } from 'vitest';
import { STATISTICAL_PERIOD, STATISTICAL_PERIODS } from '../../shared/format/document';
import { parseText } from '../../shared/parse';
import { checkReport } from '../../shared/rules';
import { MAX_CHECKED_CHARS } from '../../shared/rules/limits';
import { fullReport } from '../fixtures/reports';

const years = (text: string) => [...text.matchAll(STATISTICAL_PERIODS)].map((m) => [m[1], m[2]]);

describe('the 统计期限 pattern', () => {
  it('reads the ways reports write it', () => {
    expect(years('统计期限为2022年1月1日至2022年12月31日。')).toEqual([['2022', '2022']]);
    expect(years('自 2021 年 01 月 01 日起至 2021 年 12 月 31 日止')).toEqual([['2021', '2021']]);
    expect(years('2020年1月1日起 至2020年12月31日')).toEqual([['2020', '2020']]);
    expect(years('2019年1月1日—2019年12月31日，2020年1月1日～2020年12月31日')).toEqual([
      ['2019', '2019'],
      ['2020', '2020'],
    ]);
    expect(years('2022年1月1日至\n2023年12月31日')).toEqual([['2022', '2023']]);
  });

  it('does not take other spans of dates for it', () => {
    expect('2022年1月1日至2022年6月30日'.match(STATISTICAL_PERIOD)).toBeNull();
    expect('2022年2月1日至2022年12月31日'.match(STATISTICAL_PERIOD)).toBeNull();
    expect('2022年1月1日起起至2022年12月31日'.match(STATISTICAL_PERIOD)).toBeNull();
  });

  it('dates followed by 100,000 spaces: no match where there is none, the match where there is one', () => {
    const spaces = ' '.repeat(100_000);
    expect(`2022年1月1日${spaces}x`.match(STATISTICAL_PERIOD)).toBeNull();
    expect(`2022年1月1日起${spaces}x`.match(STATISTICAL_PERIOD)).toBeNull();
    expect(`2022年1月1日${spaces}至${spaces}2022年${spaces}12月31日`.match(STATISTICAL_PERIOD)?.slice(1)).toEqual([
      '2022',
      '2022',
    ]);
    // Many dates, each followed by a long run: every attempt fails after one pass over its run.
    const many = Array.from({ length: 50 }, (_, i) => `${2000 + i}年1月1日${' '.repeat(20_000)}`).join('');
    expect(years(many)).toEqual([]);
    expect(years(`${many}2023年1月1日至2023年12月31日`)).toEqual([['2023', '2023']]);
  });

  it('the rules and the importer read such text and still find a wrong period', () => {
    const spaces = ' '.repeat(100_000);
    // The rules read a text up to their limit (shared/rules/limits.ts): a long run just within it.
    const within = ' '.repeat(MAX_CHECKED_CHARS - 100);
    const report = { ...fullReport(), preamble: `2022年1月1日${within}统计期限为2023年1月1日至2023年12月31日。` };
    const periodFindings = checkReport(report).filter((f) => f.rule === 'meta.year');
    expect(periodFindings.map((f) => f.message)).toEqual([
      `报告前言的统计期限写的是2023年1月1日至2023年12月31日，与报告年度${report.year}年不一致`,
    ]);
    const parsed = parseText(
      `2021年1月1日${spaces}\n本报告所列政府信息公开数据的统计期限为2022年1月1日至2022年12月31日，如有疑问请与我局联系。\n一、总体情况\n2021年1月1日${spaces}x\n`,
    );
    expect(parsed.report.year).toBe(2022);
    expect(parsed.problems).toContain('未找到报告标题，年度按统计期限定为2022年，请核对');
  });
});
