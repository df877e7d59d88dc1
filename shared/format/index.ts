// One definition of the official formats; everything else derives from it.
import { format2019 } from './format2019';
import { format2021 } from './format2021';
import type { FormatDef, FormatId } from './types';

export * from './types';
export * from './cells';
export * from './relations';
export * from './labels';
export { format2021, format2019 };

export const FORMATS: Record<FormatId, FormatDef> = { '2021': format2021, '2019': format2019 };

export function getFormat(id: FormatId): FormatDef {
  return FORMATS[id];
}

/** The format an organ must use for a reporting year: from 2021 on, the 2021 format. */
export function requiredFormatFor(year: number): FormatId {
  return year >= 2021 ? '2021' : '2019';
}

export const REPORT_TITLE_SUFFIX = '政府信息公开工作年度报告';

/** <机关><年>年政府信息公开工作年度报告 */
export function reportTitle(org: string, year: number): string {
  return `${org}${year}年${REPORT_TITLE_SUFFIX}`;
}

/** 关于报送《…年度报告》的报告 */
export function coverTitle(org: string, year: number): string {
  return `关于报送《${reportTitle(org, year)}》的报告`;
}

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
