// The 校验 sheet: every 勾稽 rule instance of the format (relations(format), plus the carry-over
// rules when last year's figures are kept) as live formulas showing 通过 / 不通过.
import type { Workbook, Worksheet } from 'exceljs';
import { cellId, getFormat, relations } from '../../../shared/format';
import { getCell } from '../../../shared/report/access';
import type { Report } from '../../../shared/report/model';
import { RULES, type RuleId } from '../../../shared/rules/types';
import { fmt, nearlyEqual, sumCells } from '../../../shared/rules/numbers';
import { BASE_FONT, rangeRef, ref, textUnits, type CellMap } from './tables';

export const CHECK_SHEET = '校验';
export const PASS = '通过';
export const FAIL = '不通过';

export interface CheckRow {
  rule: RuleId;
  scope: string;
  /** What is compared, in words: 总计 = 自然人+商业企业+… */
  what: string;
  /** Formulas (without =) of the two sides, and their current values. */
  left: { formula: string; value: number | null };
  right: { formula: string; value: number | null };
  /** 'equal': the sides must be equal (a blank counts as 0); 'equalNumber': the left must also be filled in; 'atMost': left ≤ right. */
  test: 'equal' | 'equalNumber' | 'atMost';
}

const shown = (v: number | null) => (v === null ? '空白' : v);

/** Every rule instance, in the order of relations(format): sums, balances, then carry-over. */
export function checkRows(report: Report, map: CellMap): CheckRow[] {
  const format = getFormat(report.format);
  const rel = relations(format);
  const sheet = CHECK_SHEET;
  const val = (id: string) => getCell(report, id);
  const out: CheckRow[] = [];
  for (const s of rel.sums) {
    const t = ref(map, s.target, sheet);
    out.push({
      rule: s.rule,
      scope: s.scope,
      what: `${s.targetLabel}=${s.partsDesc}`,
      left: { formula: `IF(ISNUMBER(${t}),${t},"空白")`, value: val(s.target) },
      right: { formula: `SUM(${rangeRef(map, s.parts, sheet)})`, value: sumCells(s.parts.map(val)) ?? 0 },
      test: 'equal',
    });
  }
  for (const b of rel.balances) {
    out.push({
      rule: b.rule,
      scope: b.scope,
      what: `${b.leftLabel}=${b.rightLabel}`,
      left: { formula: `SUM(${rangeRef(map, b.left, sheet)})`, value: sumCells(b.left.map(val)) ?? 0 },
      right: { formula: `SUM(${rangeRef(map, b.right, sheet)})`, value: sumCells(b.right.map(val)) ?? 0 },
      test: 'equal',
    });
  }
  const prev = report.previous;
  // Same conditions as the rule engine: only last year's figures are compared.
  if (!prev || prev.year !== report.year - 1) return out;
  const m = format.applications;
  const strip = (l: string) => l.replace(/^[一二三四五六七八九十]+、/, '');
  const carriedLabel = strip(m.rows.find((r) => r.id === m.carriedOverRow)!.path.at(-1)!);
  const forwardLabel = strip(m.rows.find((r) => r.id === m.carryForwardRow)!.path.at(-1)!);
  for (const col of m.columns) {
    const last = prev.carryForward[col.id];
    if (last === null || last === undefined) continue;
    const id = cellId('applications', m.carriedOverRow, col.id);
    const r = ref(map, id, sheet);
    out.push({
      rule: 'carry.carriedOver',
      scope: `${col.label}列`,
      what: `本年“${carriedLabel}”=${prev.year}年“${forwardLabel}”（${fmt(last)}）`,
      left: { formula: `IF(ISNUMBER(${r}),${r},"空白")`, value: val(id) },
      right: { formula: fmt(last), value: last },
      test: 'equalNumber',
    });
  }
  const inForce = prev.inForce as Record<string, number | null | undefined>;
  for (const st of rel.stocks) {
    const base = inForce[st.rowId] ?? null;
    if (base === null) continue;
    const [add, rem, clo] = [ref(map, st.added, sheet), ref(map, st.removed, sheet), ref(map, st.closing, sheet)];
    const added = val(st.added) ?? 0;
    const removed = val(st.removed) ?? 0;
    out.push({
      rule: 'active.repealedExceeds',
      scope: st.label,
      what: `${st.removedLabel}≤上年${st.closingLabel}（${fmt(base)}）+${st.addedLabel}`,
      left: { formula: `N(${rem})`, value: removed },
      right: { formula: `${fmt(base)}+N(${add})`, value: base + added },
      test: 'atMost',
    });
    out.push({
      rule: 'active.inForce',
      scope: st.label,
      what: `${st.closingLabel}=上年${st.closingLabel}（${fmt(base)}）+${st.addedLabel}−${st.removedLabel}`,
      left: { formula: `IF(ISNUMBER(${clo}),${clo},"空白")`, value: val(st.closing) },
      right: { formula: `${fmt(base)}+N(${add})-N(${rem})`, value: base + added - removed },
      test: 'equalNumber',
    });
  }
  return out;
}

export function passes(row: CheckRow): boolean {
  const l = row.left.value;
  const r = row.right.value ?? 0;
  if (row.test === 'atMost') return (l ?? 0) <= r + 1e-9;
  if (row.test === 'equalNumber') return l !== null && nearlyEqual(l, r);
  return nearlyEqual(l ?? 0, r);
}

function resultFormula(row: CheckRow, L: string, R: string): string {
  if (row.test === 'atMost') return `IF(N(${L})<=N(${R}),"${PASS}","${FAIL}")`;
  if (row.test === 'equalNumber') return `IF(AND(ISNUMBER(${L}),ROUND(N(${L})-N(${R}),4)=0),"${PASS}","${FAIL}")`;
  return `IF(ROUND(N(${L})-N(${R}),4)=0,"${PASS}","${FAIL}")`;
}

const HEAD = ['序号', '规则', '范围', '检查内容', '左边', '右边', '结果'];
const FIRST = 4;

export function addCheckSheet(wb: Workbook, report: Report, map: CellMap): Worksheet {
  const rows = checkRows(report, map);
  const ws = wb.addWorksheet(CHECK_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      printTitlesRow: `${FIRST - 1}:${FIRST - 1}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: FIRST - 1, xSplit: 0 }],
  });
  const widths = [6, 44, 36, 56, 9, 9, 9];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastRow = FIRST + rows.length - 1;
  const failing = rows.filter((r) => !passes(r)).length;
  ws.mergeCells('A1:G1');
  Object.assign(ws.getCell('A1'), {
    value: '勾稽关系校验（修改前面各表的数字后自动重新计算）',
    font: { name: '黑体', size: 14 },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  ws.getRow(1).height = 26;
  ws.mergeCells('A2:G2');
  ws.getCell('A2').value = {
    formula: `"共${rows.length}项，不通过"&COUNTIF(G${FIRST}:G${lastRow},"${FAIL}")&"项"`,
    result: `共${rows.length}项，不通过${failing}项`,
  };
  ws.getCell('A2').font = { ...BASE_FONT, bold: true };
  const head = ws.getRow(FIRST - 1);
  HEAD.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { ...BASE_FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  rows.forEach((row, i) => {
    const r = FIRST + i;
    const L = `E${r}`;
    const R = `F${r}`;
    const x = ws.getRow(r);
    x.getCell(1).value = i + 1;
    x.getCell(2).value = `规则${RULES[row.rule].no}：${RULES[row.rule].title}`;
    x.getCell(3).value = row.scope;
    x.getCell(4).value = row.what;
    x.getCell(5).value = { formula: row.left.formula, result: shown(row.left.value) };
    x.getCell(6).value = /^[\d.]+$/.test(row.right.formula)
      ? row.right.value
      : { formula: row.right.formula, result: row.right.value ?? 0 };
    x.getCell(7).value = { formula: resultFormula(row, L, R), result: passes(row) ? PASS : FAIL };
    x.height = Math.max(
      18,
      14 * Math.max(...[row.scope, row.what].map((t, j) => Math.ceil(textUnits(t) / (widths[j + 2] - 2)))) + 4,
    );
    for (let k = 1; k <= 7; k++) {
      const c = x.getCell(k);
      c.font = BASE_FONT;
      c.alignment = { vertical: 'middle', horizontal: k >= 5 || k === 1 ? 'center' : 'left', wrapText: true };
    }
  });
  const thin = { style: 'thin' as const };
  for (let r = FIRST - 1; r <= lastRow; r++) {
    for (let k = 1; k <= 7; k++) ws.getCell(r, k).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  ws.addConditionalFormatting({
    ref: `G${FIRST}:G${lastRow}`,
    rules: [
      {
        type: 'containsText',
        operator: 'containsText',
        text: FAIL,
        priority: 1,
        style: {
          font: { color: { argb: 'FFC00000' }, bold: true },
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFE0E0' } },
        },
      },
    ],
  });
  return ws;
}
