// What an export should mention beside the 勾稽 errors: blanks, empty sections, a letter without
// 成文日期, 发文字号 or 签发人. Never blocking: the clerk decides.
import type { Report } from '../report/model';
import { getFormat } from '../format';
import { BLANK_HINT, blankHeadline, summarizeBlanks } from '../rules/blanks';
import type { Finding } from '../rules/types';

export interface ExportWarning {
  message: string;
  /** Model path or section of what to fill in (as Finding.field). */
  field?: Finding['field'];
}

export interface ExportNotes {
  errors: Finding[];
  warnings: ExportWarning[];
}

/** A year in [ ], 【 】, ( ) or （ ） instead of the 六角括号 〔 〕 that GB/T 9704 7.2.4 asks for. */
const WRONG_YEAR_BRACKETS = /[[【(（]\s*\d{4}\s*[\]】)）]/;

/** Rules about the letter alone: not mentioned when the report goes out without it. */
const LETTER_RULES = new Set<Finding['rule']>(['meta.recipient', 'meta.date']);

export function exportNotes(report: Report, findings: Finding[], withLetter: boolean): ExportNotes {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings: ExportWarning[] = [];
  const blanks = summarizeBlanks(findings, getFormat(report.format));
  if (blanks) warnings.push({ message: `表格中${blankHeadline(blanks)}：${BLANK_HINT}` });
  for (const f of findings) {
    if (f.severity !== 'warning' || f.rule === 'value.blank') continue;
    if (!withLetter && LETTER_RULES.has(f.rule)) continue;
    warnings.push({ message: f.message, field: f.field });
  }
  if (withLetter) {
    const docNumber = report.cover.docNumber.trim();
    if (!docNumber)
      warnings.push({ message: '报送函未填写发文字号（如 紫审批发〔2023〕5号）', field: 'cover.docNumber' });
    else if (WRONG_YEAR_BRACKETS.test(docNumber))
      warnings.push({
        message: `发文字号“${docNumber}”的年份应使用六角括号〔〕（GB/T 9704），如 紫审批发〔2023〕5号`,
        field: 'cover.docNumber',
      });
    if (!report.cover.signer.trim())
      warnings.push({ message: '报送函未填写签发人：上行文应在发文字号右侧标注签发人', field: 'cover.signer' });
  }
  return { errors, warnings };
}

/** The notes as lines for the command line's stderr. */
export function notesText(notes: ExportNotes, limit = 10): string {
  const list = (items: string[]) =>
    items
      .slice(0, limit)
      .map((m) => `  - ${m}\n`)
      .join('') + (items.length > limit ? `  ……另有 ${items.length - limit} 处\n` : '');
  let out = '';
  if (notes.errors.length)
    out += `警告：报告还有 ${notes.errors.length} 处勾稽错误，仍照常导出，请核对后再报送：\n${list(notes.errors.map((f) => f.message))}`;
  if (notes.warnings.length)
    out += `提示：还有 ${notes.warnings.length} 处需要留意（不影响导出）：\n${list(notes.warnings.map((w) => w.message))}`;
  return out;
}
