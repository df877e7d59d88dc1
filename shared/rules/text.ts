// Rules on the report's text: organ, year agreement, date, narrative completeness.
import { getFormat } from '../format';
import { STATISTICAL_PERIODS } from '../format/document';
import { narrativeKeyOf, type Report } from '../report';
import type { Finding, FindingField } from './types';
import { reportDeadline } from './deadlines';

const TITLE_IN_TEXT = /《[^》]*?(\d{4})\s*年(?:度)?政府信息公开工作年度报告》/g;

/** 2024-01-30 -> 2024年1月30日 */
export function chineseDate(iso: string): string {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export function isValidIsoDate(iso: string): boolean {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function allText(report: Report): { where: string; text: string; narrative: boolean; field: FindingField }[] {
  const out: { where: string; text: string; narrative: boolean; field: FindingField }[] = [
    { where: '报告前言', text: report.preamble, narrative: false, field: 'preamble' },
    { where: '报送函正文', text: report.cover.body, narrative: false, field: 'cover.body' },
  ];
  for (const s of getFormat(report.format).sections) {
    const key = narrativeKeyOf(s.no);
    if (!key) continue;
    for (const p of report.narrative[key])
      if (p.text)
        out.push({ where: `第${s.numeral}部分`, text: p.text, narrative: true, field: { section: s.no, part: p.id } });
  }
  return out;
}

export function checkMeta(report: Report, out: Finding[]): void {
  if (!report.org.trim()) {
    out.push({
      rule: 'meta.org',
      severity: 'error',
      message: '未填写机关名称：请在“报送信息”中填写',
      cells: [],
      field: 'org',
    });
  }
  if (!report.cover.recipient.trim()) {
    out.push({
      rule: 'meta.recipient',
      severity: 'warning',
      message: '未填写报送函的主送机关（如“县政府办”）：请在“报送信息”中填写，否则导出的报送函没有主送机关',
      cells: [],
      field: 'cover.recipient',
    });
  }
  const y = report.year;
  for (const { where, text, narrative, field } of allText(report)) {
    // Cheap guards first: most paragraphs name no period and no report title.
    const periods = text.includes('31') ? text.matchAll(STATISTICAL_PERIODS) : [];
    for (const m of periods) {
      if (+m[1] !== y || +m[2] !== y) {
        out.push({
          rule: 'meta.year',
          severity: 'error',
          message: `${where}的统计期限写的是${m[1]}年1月1日至${m[2]}年12月31日，与报告年度${y}年不一致`,
          cells: [],
          field,
        });
      }
    }
    const titles = text.includes('年度报告》') ? text.matchAll(TITLE_IN_TEXT) : [];
    for (const m of titles) {
      // The narrative may cite last year's report (整改 of the problems it listed).
      if (+m[1] !== y && !(narrative && +m[1] === y - 1)) {
        out.push({
          rule: 'meta.year',
          severity: 'error',
          message: `${where}提到的报告名称是${m[1]}年度，与报告年度${y}年不一致`,
          cells: [],
          field,
        });
      }
    }
  }
  const openingPart = report.narrative.overview.find((p) => p.text.trim());
  const opening = openingPart?.text.trim() ?? '';
  const om = opening.match(/^(\d{4})\s*年/);
  if (om && +om[1] !== y) {
    out.push({
      rule: 'meta.year',
      severity: 'warning',
      message: `第一部分开头写的是“${om[1]}年”，与报告年度${y}年不一致，请核对是否沿用了往年的文字`,
      cells: [],
      field: { section: 1, part: openingPart!.id },
    });
  }
  const date = report.cover.date.trim();
  const due = reportDeadline(report.org, y);
  if (!date) {
    out.push({
      rule: 'meta.date',
      severity: 'warning',
      message: `未填写成文日期：报告应于${chineseDate(due.date)}前${due.verb}`,
      cells: [],
      field: 'cover.date',
    });
  } else if (!isValidIsoDate(date)) {
    out.push({
      rule: 'meta.date',
      severity: 'error',
      message: `成文日期“${date}”不是有效的日期`,
      cells: [],
      field: 'cover.date',
    });
  } else if (date > due.date) {
    out.push({
      rule: 'meta.date',
      severity: 'warning',
      message: `成文日期${chineseDate(date)}晚于${due.verb}截止日期${chineseDate(due.date)}`,
      cells: [],
      field: 'cover.date',
    });
  } else if (date < `${y}-12-31`) {
    out.push({
      rule: 'meta.date',
      severity: 'warning',
      message: `成文日期${chineseDate(date)}早于统计期限结束（${y}年12月31日）`,
      cells: [],
      field: 'cover.date',
    });
  }
}

/** The part of 六 where the 信息处理费 sentence belongs: the customary one if the clerk kept it. */
function feeField(report: Report): FindingField {
  const part = report.narrative.other.find((p) => p.id === 'fees');
  return part ? { section: 6, part: part.id } : { section: 6 };
}

/** First reporting year that must state the 信息处理费 charged. */
export const FEE_RULE_FROM = 2021;

export function checkNarrative(report: Report, out: Finding[]): void {
  const format = getFormat(report.format);
  for (const s of format.sections) {
    if (s.kind !== 'narrative') continue;
    const key = narrativeKeyOf(s.no)!;
    if (!report.narrative[key].some((p) => p.text.trim())) {
      out.push({
        rule: 'narrative.empty',
        severity: 'warning',
        message: `第${s.numeral}部分“${s.heading}”还没有内容`,
        cells: [],
        field: { section: s.no },
      });
    }
  }
  // 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号） applies from 1 January 2021.
  if (report.year < FEE_RULE_FROM) return;
  const six = report.narrative.other.map((p) => p.text).join('\n');
  if (!/信息处理费/.test(six)) {
    out.push({
      rule: 'narrative.fee',
      severity: 'warning',
      message: '第六部分未说明信息处理费收取情况：请写明本年度是否收取信息处理费（未收取的写“未收取信息处理费”）',
      cells: [],
      field: feeField(report),
    });
  }
}
