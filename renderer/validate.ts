// Checks of what a clerk types into the forms (新建报告, 报送信息): each returns a Chinese
// message saying what is wrong and what to write instead, or '' when the text is fine.
import { toIsoDate } from '../shared/report';
import { isValidIsoDate } from '../shared/rules';

/** 《政府信息公开条例》 took effect in 2008: no annual report is older. */
export const FIRST_YEAR = 2008;

export function yearError(text: string, now = new Date()): string {
  const t = text.normalize('NFKC').trim();
  const latest = now.getFullYear();
  if (!t) return '请填写统计年度，如 ' + (latest - 1);
  if (!/^\d{4}$/.test(t)) return `请填写四位数字的年份，如 ${latest - 1}`;
  const y = +t;
  if (y < FIRST_YEAR) return `统计年度不能早于${FIRST_YEAR}年（《条例》施行之年），请核对`;
  if (y > latest) return `统计年度不能晚于今年（${latest}年），通常填上一年，即 ${latest - 1}`;
  return '';
}

export function parseYear(text: string): number {
  return +text.normalize('NFKC').trim();
}

/** 成文日期 as typed (2025年1月20日, 2025-1-20, 2025/1/20, 2025.1.20) -> ISO, or null. */
export function parseDate(text: string): string | null {
  const iso = toIsoDate(text);
  return isValidIsoDate(iso) ? iso : null;
}

export function emailError(text: string): string {
  const t = text.trim();
  if (!t || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return '';
  return '邮箱格式不对，应如 xxgk@xx.gov.cn';
}

export function postcodeError(text: string): string {
  const t = text.trim();
  if (!t || /^\d{6}$/.test(t)) return '';
  return '邮政编码应为6位数字';
}
