// 新建本年度报告（从上年报告结转）: this year's report started from last year's. Carries the
// balances the format links across years (二、上年结转 ← 四、结转下年度继续办理, column by column),
// keeps last year's 现行有效件数 as rule 6's baseline and its text as reference (report.previous),
// copies organ, contact (联系人 included), website and what of the cover letter rarely changes
// (报送对象, 签发人, 红头) — never 成文日期 or 发文字号, which are this year's — and says what could not be carried.
import { cellId, getFormat, ownLabel, relations, requiredFormatFor } from '../format';
import { emptyReport, getCell, setCell, type Cell, type CoverLetter, type Report } from '../report';
import { summarizePrevious } from './previous';

export interface CarriedCell {
  /** This year's cell that was filled. */
  cell: string;
  value: Cell;
  /** Last year's cell it came from. */
  from: string;
}

export interface CarryResult {
  report: Report;
  carried: CarriedCell[];
  /** What could not be carried, in Chinese. */
  notCarried: string[];
}

/** The cover letter's fields that stay from year to year; blanks keep this year's defaults. */
function carriedCover(last: CoverLetter): Partial<CoverLetter> {
  const kept: Partial<CoverLetter> = { letterhead: last.letterhead };
  if (last.recipient.trim()) kept.recipient = last.recipient;
  if (last.signer.trim()) kept.signer = last.signer;
  return kept;
}

export function carryForward(last: Report, year: number = last.year + 1, source = ''): CarryResult {
  const lastFormat = getFormat(last.format);
  const format = getFormat(requiredFormatFor(year));
  let report = emptyReport(last.org, year, format.id);
  report.contact = { ...report.contact, ...last.contact };
  report.website = last.website;
  report.cover = { ...report.cover, ...carriedCover(last.cover) };
  const previous = summarizePrevious(last, source);
  report.previous = previous;

  const carried: CarriedCell[] = [];
  const notCarried: string[] = [];

  // 二、上年结转 ← last year's 四、结转下年度继续办理.
  const m = format.applications;
  const fromRow = lastFormat.applications.carryForwardRow;
  const fromLabel = ownLabel(lastFormat.applications.rows.find((r) => r.id === fromRow)!.path);
  const toLabel = ownLabel(m.rows.find((r) => r.id === m.carriedOverRow)!.path);
  const blanks: string[] = [];
  for (const col of m.columns) {
    const from = cellId('applications', fromRow, col.id);
    const value = getCell(last, from);
    if (value === null) {
      blanks.push(col.label);
      continue;
    }
    const cell = cellId('applications', m.carriedOverRow, col.id);
    report = setCell(report, cell, value);
    carried.push({ cell, value, from });
  }
  if (blanks.length === m.columns.length) {
    notCarried.push(`上年报告“${fromLabel}”一行全部空白，本年“${toLabel}”未填写，请手工填写`);
  } else if (blanks.length) {
    notCarried.push(`上年报告“${fromLabel}”的${blanks.map((b) => `“${b}”`).join('、')}为空白，本年对应单元格未填写`);
  }

  // Rule 6's baseline: last year's 现行有效件数 (kept in report.previous, not in this year's table).
  const stocks = relations(format).stocks;
  const lastStocks = new Set(relations(lastFormat).stocks.map((s) => s.rowId));
  const missing = stocks.filter((s) => !lastStocks.has(s.rowId));
  if (missing.length) {
    const closing = missing[0].closingLabel;
    notCarried.push(
      `上年报告使用${lastFormat.name}，没有“${closing}”：${missing.map((s) => `“${s.label}”`).join('、')}的${closing}无法按上年基数核对（规则6），请按实际填写`,
    );
  }
  for (const s of stocks) {
    if (!lastStocks.has(s.rowId)) continue;
    if (previous.inForce[s.rowId as keyof typeof previous.inForce] === null) {
      notCarried.push(`上年报告“${s.label}”的“${s.closingLabel}”为空白，规则6缺少上年基数`);
    }
  }
  if (!last.org.trim()) notCarried.push('上年报告没有机关名称，请在本年报告中填写');
  return { report, carried, notCarried };
}
