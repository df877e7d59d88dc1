// The 勾稽 rule engine: report (+ last year's) -> findings on cells. Arithmetic rules are
// generated from the format's relations; nothing here names a row or a column by hand
// except through the format definition.
import { cellId, getFormat, relations, requiredFormatFor, type FormatDef } from '../format';
import { summarizePrevious } from '../carry/previous';
import { formatOf, getCell, type Cell, type PreviousYear, type Report } from '../report';
import { planOf, read, sumRefs, tablesOf, type Plan, type Tables } from './plan';
import { derivedTotals } from './autosum';
import { fmt, nearlyEqual } from './numbers';
import type { Finding } from './types';
import { checkMeta, checkNarrative } from './text';
import { capTexts } from './limits';
import { checkTextNumbers } from './text-numbers';
import { checkTextProblems } from './text-problems';
import { checkTextRepeat } from './repeat';
import { checkPlausible } from './plausible';

export interface CheckOptions {
  /** Last year's report, or what this report already keeps of it (report.previous is used otherwise). */
  last?: Report | PreviousYear | null;
}

function isReport(x: Report | PreviousYear): x is Report {
  return 'applications' in x;
}

/** Rule 9: from the 2021 reporting year on, only the 2021 format. Earlier years may use either. */
function checkFormat(report: Report, format: FormatDef, out: Finding[]): void {
  const required = getFormat(requiredFormatFor(report.year));
  if (required.id !== '2021' || report.format === required.id) return;
  out.push({
    rule: 'format.outdated',
    severity: 'error',
    message:
      `${report.year}年度报告应使用${required.name}（${required.source}），本报告使用的是${format.name}：` +
      `请按${required.name}重新填报`,
    cells: [],
    field: 'year',
  });
}

/** Rules 1–4: the sums and the balance of the matrix and of section 四. */
function checkSums(report: Report, plan: Plan, t: Tables, out: Finding[]): void {
  // Computed only when some total is off: the suggestion is what auto-sum would write.
  let derived: Map<string, number | null> | null = null;
  for (const { rel: s, target, parts } of plan.sums) {
    const tv = read(t, target);
    const sum = sumRefs(t, parts);
    if (tv === null && sum === null) continue;
    const sv = sum ?? 0;
    if (tv !== null && nearlyEqual(tv, sv)) continue;
    derived ??= derivedTotals(report);
    const want = derived.get(s.target) ?? null;
    out.push({
      rule: s.rule,
      severity: 'error',
      message:
        tv === null
          ? `${s.scope}：${s.targetLabel}=空白，${s.partsDesc}=${fmt(sv)}`
          : `${s.scope}：${s.targetLabel}=${fmt(tv)}，${s.partsDesc}=${fmt(sv)}，相差${fmt(Math.abs(tv - sv))}`,
      cells: [s.target, ...s.parts],
      ...(want !== null && (tv === null || !nearlyEqual(tv, want))
        ? { suggestion: { cell: s.target, value: want } }
        : {}),
    });
  }
  for (const { rel: b, left, right } of plan.balances) {
    const ls = sumRefs(t, left);
    const rs = sumRefs(t, right);
    if (ls === null && rs === null) continue;
    if (nearlyEqual(ls ?? 0, rs ?? 0)) continue;
    // One side not filled in at all (a report just carried forward): not a difference yet.
    if (ls === null || rs === null) {
      const [filled, value, empty] = ls === null ? [b.rightLabel, rs!, b.leftLabel] : [b.leftLabel, ls, b.rightLabel];
      out.push({
        rule: b.rule,
        severity: 'warning',
        message: `${b.scope}：${filled}=${fmt(value)}，${empty}还是空白（空白不等于0），填上后才能核对`,
        cells: [...b.left, ...b.right],
      });
      continue;
    }
    out.push({
      rule: b.rule,
      severity: 'error',
      message: `${b.scope}：${b.leftLabel}=${fmt(ls ?? 0)}，${b.rightLabel}=${fmt(rs ?? 0)}，相差${fmt(Math.abs((ls ?? 0) - (rs ?? 0)))}`,
      cells: [...b.left, ...b.right],
    });
  }
}

/** Rule 7: whole numbers ≥ 0, amounts ≥ 0, and no blanks (reported once per row, cells listed). */
function checkValues(plan: Plan, t: Tables, out: Finding[]): void {
  for (const row of plan.rows) {
    const data = t[row.table]?.[row.rowId];
    let blanks: string[] | null = null;
    let blankCols: string[] | null = null;
    for (const c of row.cells) {
      const v = data?.[c.col] ?? null;
      if (v === null) {
        (blanks ??= []).push(c.id);
        (blankCols ??= []).push(c.colLabel);
        continue;
      }
      let problem = '';
      if (c.kind === 'count') {
        if (!Number.isInteger(v) || v < 0) problem = `填写了${fmt(v)}，件数应为不小于0的整数`;
      } else if (c.kind === 'amount') {
        if (v < 0) problem = `填写了${fmt(v)}，金额不能为负数`;
      } else if (!Number.isInteger(v)) {
        problem = `填写了${fmt(v)}，应为整数`;
      }
      if (problem)
        out.push({
          rule: 'value.invalid',
          severity: 'error',
          message: `${row.label}的“${c.colLabel}”${problem}`,
          cells: [c.id],
        });
    }
    if (blanks) {
      out.push({
        rule: 'value.blank',
        severity: 'warning',
        message: `${row.label}有${blanks.length}个单元格空白（${blankCols!.join('、')}）：空白不等于0，没有的请填0`,
        cells: blanks,
      });
    }
  }
}

/** Rules 5 and 6: balances carried over from last year's report. */
function checkCarry(report: Report, format: FormatDef, prev: PreviousYear, out: Finding[]): void {
  if (prev.year !== report.year - 1) {
    out.push({
      rule: 'carry.lastYear',
      severity: 'warning',
      message:
        `作为上年报告提供的是${prev.year}年度的报告，本报告是${report.year}年度：` +
        `未核对上年结转和现行有效件数，请改用${report.year - 1}年度的报告`,
      cells: [],
    });
    return;
  }
  const m = format.applications;
  const carriedOver = m.rows.find((r) => r.id === m.carriedOverRow)!;
  const carryForward = getFormat(prev.format).applications.rows.find((r) => r.id === m.carryForwardRow)!;
  const nowLabel = stripNumeral(carriedOver.path[carriedOver.path.length - 1]);
  const lastLabel = stripNumeral(carryForward.path[carryForward.path.length - 1]);
  for (const col of m.columns) {
    const last = prev.carryForward[col.id];
    if (last === null || last === undefined) continue;
    const id = cellId('applications', m.carriedOverRow, col.id);
    const now = getCell(report, id);
    if (now !== null && nearlyEqual(now, last)) continue;
    out.push({
      rule: 'carry.carriedOver',
      severity: 'error',
      message:
        `${col.label}列：本年“${nowLabel}”=${now === null ? '空白' : fmt(now)}，` +
        `${prev.year}年报告“${lastLabel}”=${fmt(last)}` +
        (now === null ? '' : `，相差${fmt(Math.abs(now - last))}`),
      cells: [id],
      suggestion: { cell: id, value: last },
    });
  }
  const inForce = prev.inForce as Record<string, Cell | undefined>;
  for (const s of relations(format).stocks) {
    const base = inForce[s.rowId] ?? null;
    if (base === null) continue;
    const added = getCell(report, s.added) ?? 0;
    const removed = getCell(report, s.removed) ?? 0;
    const closing = getCell(report, s.closing);
    if (removed > base + added) {
      out.push({
        rule: 'active.repealedExceeds',
        severity: 'error',
        message:
          `${s.label}：${s.removedLabel}${fmt(removed)}超过上年${s.closingLabel}${fmt(base)}` +
          `与${s.addedLabel}${fmt(added)}之和${fmt(base + added)}`,
        cells: [s.removed],
      });
      continue;
    }
    // A blank 制发/废止 is not 0: the rule is said, but no figure is offered to fill in.
    const blanks = [
      [s.added, s.addedLabel],
      [s.removed, s.removedLabel],
    ].filter(([id]) => getCell(report, id) === null);
    if (blanks.length) {
      out.push({
        rule: 'active.inForce',
        severity: 'warning',
        message:
          `${s.label}：${s.closingLabel}应为 上年${fmt(base)}+${s.addedLabel}−${s.removedLabel}；` +
          `${blanks.map(([, label]) => label).join('、')}空白（空白不等于0），填上后才能核对，` +
          (closing === null ? '现为空白' : `现填报${fmt(closing)}`),
        cells: [s.closing, s.added, s.removed],
      });
      continue;
    }
    const expected = base + added - removed;
    if (closing !== null && nearlyEqual(closing, expected)) continue;
    out.push({
      rule: 'active.inForce',
      severity: 'warning',
      message:
        `${s.label}：${s.closingLabel}应为 上年${fmt(base)}+${s.addedLabel}${fmt(added)}−${s.removedLabel}${fmt(removed)}=${fmt(expected)}，` +
        (closing === null ? '现为空白' : `填报${fmt(closing)}，相差${fmt(Math.abs(closing - expected))}`),
      cells: [s.closing, s.added, s.removed],
      suggestion: { cell: s.closing, value: expected },
    });
  }
}

/** 二、上年结转政府信息公开申请数量 -> 上年结转政府信息公开申请数量 */
function stripNumeral(label: string): string {
  return label.replace(/^[一二三四五六七八九十]+、/, '');
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Checks a report against every rule; returns findings, errors first. */
export function checkReport(given: Report, options: CheckOptions = {}): Finding[] {
  const { report, findings: out } = capTexts(given);
  const format = formatOf(report);
  checkFormat(report, format, out);
  const plan = planOf(format);
  const tables = tablesOf(report);
  checkSums(report, plan, tables, out);
  checkValues(plan, tables, out);
  checkPlausible(format, plan, tables, out);
  const last = options.last ?? report.previous;
  if (last) checkCarry(report, format, isReport(last) ? summarizePrevious(last) : last, out);
  checkMeta(report, out);
  checkNarrative(report, out);
  checkTextNumbers(report, out);
  checkTextProblems(report, last ?? null, out);
  if (last) checkTextRepeat(report, last, out);
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
