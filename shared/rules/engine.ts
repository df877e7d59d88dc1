// The 勾稽 rule engine: report (+ last year's) -> findings on cells. Arithmetic rules are
// generated from the format's relations; nothing here names a row or a column by hand
// except through the format definition.
import { allCells, getFormat, relations, requiredFormatFor, type FormatDef } from '../format';
import { summarizePrevious } from '../carry/previous';
import { formatOf, getCell, type PreviousYear, type Report } from '../report';
import { fmt, nearlyEqual, sumCells } from './numbers';
import type { Finding } from './types';
import { checkMeta, checkNarrative } from './text';

export interface CheckOptions {
  /** Last year's report, or what this report already keeps of it (report.previous is used otherwise). */
  last?: Report | PreviousYear | null;
  /** The date to judge lateness against (defaults to none: only the 1月31日 deadline is checked). */
}

function isReport(x: Report | PreviousYear): x is Report {
  return 'applications' in x;
}

function checkSums(report: Report, format: FormatDef, out: Finding[]): void {
  const rel = relations(format);
  for (const s of rel.sums) {
    const t = getCell(report, s.target);
    const partVals = s.parts.map((p) => getCell(report, p));
    const sum = sumCells(partVals);
    if (t === null && sum === null) continue;
    const tv = t ?? 0;
    const sv = sum ?? 0;
    if (nearlyEqual(tv, sv)) continue;
    out.push({
      rule: s.rule,
      severity: 'error',
      message: `${s.scope}：${s.targetLabel}=${t === null ? '空白' : fmt(tv)}，${s.partsDesc}=${fmt(sv)}，相差${fmt(Math.abs(tv - sv))}`,
      cells: [s.target, ...s.parts],
      suggestion: { cell: s.target, value: sv },
    });
  }
  for (const b of rel.balances) {
    const l = b.left.map((c) => getCell(report, c));
    const r = b.right.map((c) => getCell(report, c));
    const ls = sumCells(l);
    const rs = sumCells(r);
    if (ls === null && rs === null) continue;
    if (nearlyEqual(ls ?? 0, rs ?? 0)) continue;
    out.push({
      rule: b.rule,
      severity: 'error',
      message: `${b.scope}：${b.leftLabel}=${fmt(ls ?? 0)}，${b.rightLabel}=${fmt(rs ?? 0)}，相差${fmt(Math.abs((ls ?? 0) - (rs ?? 0)))}`,
      cells: [...b.left, ...b.right],
    });
  }
}

function checkValues(report: Report, format: FormatDef, out: Finding[]): void {
  const blanksByRow = new Map<string, { label: string; cells: string[]; cols: string[] }>();
  for (const c of allCells(format)) {
    const v = getCell(report, c.id);
    const where = `“${c.rowLabel}”的“${c.colLabel}”`;
    if (v === null) {
      const key = `${c.table}.${c.rowId}`;
      const entry = blanksByRow.get(key) ?? { label: c.rowLabel, cells: [], cols: [] };
      entry.cells.push(c.id);
      entry.cols.push(c.colLabel);
      blanksByRow.set(key, entry);
      continue;
    }
    let problem = '';
    if (c.kind === 'count') {
      if (!Number.isInteger(v) || v < 0) problem = `${where}填写了${fmt(v)}，件数应为不小于0的整数`;
    } else if (c.kind === 'amount') {
      if (v < 0) problem = `${where}填写了${fmt(v)}，金额不能为负数`;
    } else if (!Number.isInteger(v)) {
      problem = `${where}填写了${fmt(v)}，应为整数`;
    }
    if (problem) out.push({ rule: 'value.invalid', severity: 'error', message: problem, cells: [c.id] });
  }
  for (const { label, cells, cols } of blanksByRow.values()) {
    out.push({
      rule: 'value.blank',
      severity: 'warning',
      message: `“${label}”有${cells.length}个单元格空白（${cols.join('、')}）：空白不等于0，没有的请填0`,
      cells,
    });
  }
}

function checkCarry(report: Report, format: FormatDef, prev: PreviousYear, out: Finding[]): void {
  const m = format.applications;
  for (const col of m.columns) {
    const last = prev.carryForward[col.id];
    if (last === null || last === undefined) continue;
    const id = `applications.${m.carriedOverRow}.${col.id}`;
    const now = getCell(report, id);
    if (now !== null && nearlyEqual(now, last)) continue;
    out.push({
      rule: 'carry.carriedOver',
      severity: 'error',
      message:
        `${col.label}列：本年“上年结转”=${now === null ? '空白' : fmt(now)}，` +
        `${prev.year}年报告“结转下年度继续办理”=${fmt(last)}` +
        (now === null ? '' : `，相差${fmt(Math.abs(now - last))}`),
      cells: [id],
      suggestion: { cell: id, value: last },
    });
  }
  if (report.format !== '2021') return;
  for (const rowId of ['rules', 'normativeDocs'] as const) {
    const base = prev.inForce[rowId];
    if (base === null) continue;
    const row = format.disclosure.flatMap((b) => b.rows).find((r) => r.id === rowId)!;
    const label = row.path[row.path.length - 1];
    const cell = (col: string) => `activeDisclosure.${rowId}.${col}`;
    const issued = getCell(report, cell('issued')) ?? 0;
    const repealed = getCell(report, cell('repealed')) ?? 0;
    const inForce = getCell(report, cell('inForce'));
    if (repealed > base + issued) {
      out.push({
        rule: 'active.repealedExceeds',
        severity: 'error',
        message: `${label}：本年废止件数${fmt(repealed)}超过上年现行有效件数${fmt(base)}与本年制发件数${fmt(issued)}之和${fmt(base + issued)}`,
        cells: [cell('repealed')],
      });
      continue;
    }
    const expected = base + issued - repealed;
    if (inForce !== null && nearlyEqual(inForce, expected)) continue;
    out.push({
      rule: 'active.inForce',
      severity: 'warning',
      message:
        `${label}：现行有效件数应为 上年${fmt(base)}+本年制发${fmt(issued)}−本年废止${fmt(repealed)}=${fmt(expected)}，` +
        (inForce === null ? '现为空白' : `填报${fmt(inForce)}，相差${fmt(Math.abs(inForce - expected))}`),
      cells: [cell('inForce'), cell('issued'), cell('repealed')],
      suggestion: { cell: cell('inForce'), value: expected },
    });
  }
}

/** Checks a report against every rule; returns findings, errors first. */
export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const format = formatOf(report);
  const out: Finding[] = [];
  const required = requiredFormatFor(report.year);
  if (report.format !== required) {
    out.push({
      rule: 'format.outdated',
      severity: 'error',
      message: `${report.year}年度报告应使用${getFormat(required).name}（${getFormat(required).source}），本报告使用的是${format.name}`,
      cells: [],
    });
  }
  checkSums(report, format, out);
  checkValues(report, format, out);
  const last = options.last ?? report.previous;
  if (last) checkCarry(report, format, isReport(last) ? summarizePrevious(last) : last, out);
  checkMeta(report, out);
  checkNarrative(report, out);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
