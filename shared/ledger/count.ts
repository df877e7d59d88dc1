// Counting a ledger into the matrix of 三 by the Regulation's rules. Each counted application
// adds one to its column in 一 (received this year) or 二 (received last year, still open on
// 1 January), and one to its outcome row (answered this year) or 四 (open on 31 December): so
// every column balances (一+二=三（七）+四) and every total is a sum, by construction.
import { cellId, type FormatDef } from '../format';
import type { TableData } from '../report/model';
import { readDate, type DateRead } from './dates';
import { FIELD_LABELS } from './headers';
import {
  OPEN,
  type LedgerCount,
  type LedgerMapping,
  type LedgerProblem,
  type LedgerRecord,
  type SeenValue,
} from './types';
import { mapApplicant, mapOutcome, valueKey, type Mapped } from './values';

export interface LedgerTally extends LedgerCount {
  /** Every distinct applicant and outcome value of the counted years, and what it maps to. */
  seen: SeenValue[];
}

/** 第3、5、8行 (at most ten numbers, then how many more). */
export function rowList(rows: number[]): string {
  const shown = rows.slice(0, 10).join('、');
  return rows.length > 10 ? `第${shown}等${rows.length}行` : `第${shown}行`;
}

function dateText(d: DateRead): string {
  return d.kind === 'date' ? d.iso : d.kind === 'bad' ? d.text : '';
}

type Placement = { start: string; end: string; col: string } | { skip: 'earlier' } | { problem: string } | null;

interface Context {
  format: FormatDef;
  year: number;
  mapping?: LedgerMapping;
  seen: Map<string, SeenValue>;
  /** Mappings already made in this count, by the value as written: a ledger repeats few values. */
  memo: Map<string, { hit: Mapped | null; key: string }>;
}

function memo(ctx: Context, id: string, make: () => Mapped | null, key: () => string) {
  let m = ctx.memo.get(id);
  if (!m) ctx.memo.set(id, (m = { hit: make(), key: key() }));
  return m;
}

function see(
  ctx: Context,
  field: SeenValue['field'],
  key: string,
  make: () => Omit<SeenValue, 'rows' | 'target' | 'by' | 'field' | 'key'>,
  hit: Mapped | null,
  row: number,
): void {
  const id = `${field}:${key}`;
  let s = ctx.seen.get(id);
  if (!s) ctx.seen.set(id, (s = { field, key, ...make(), target: hit?.target ?? null, by: hit?.by ?? null, rows: [] }));
  s.rows.push(row);
}

/** Where one application goes; null when a value maps to nothing (listed with the values seen). */
function place(ctx: Context, rec: LedgerRecord): Placement {
  const { year, format } = ctx;
  const m = format.applications;
  const received = readDate(rec.received);
  const answered = readDate(rec.answered);
  if (received.kind === 'empty') return { problem: '没有收到日期' };
  if (received.kind === 'bad') return { problem: `收到日期“${received.text}”不是可以识别的日期` };
  if (received.year !== year && received.year !== year - 1)
    return { problem: `收到日期${received.iso}既不在${year}年也不在${year - 1}年` };
  if (answered.kind === 'bad') return { problem: `答复日期“${answered.text}”不是可以识别的日期` };
  if (answered.kind === 'date' && answered.iso < received.iso)
    return { problem: `答复日期${answered.iso}早于收到日期${received.iso}` };
  // Received and answered last year: last year's report counted it.
  if (answered.kind === 'date' && answered.year < year) return { skip: 'earlier' };

  if (!rec.applicant) return { problem: '没有申请人类型' };
  const a = memo(
    ctx,
    `a\u0000${rec.applicant}`,
    () => mapApplicant(format, rec.applicant, ctx.mapping),
    () => valueKey(rec.applicant),
  );
  const applicant = a.hit;
  see(ctx, 'applicant', a.key, () => ({ value: rec.applicant }), applicant, rec.row);

  const answeredThisYear = answered.kind === 'date' && answered.year === year;
  let end: string = m.carryForwardRow;
  // The outcome matters for an application answered this year, or one without a 答复日期
  // (where an outcome is a mistake to list); one answered next year was open on 31 December.
  if (rec.outcome && (answeredThisYear || answered.kind === 'empty')) {
    const o = memo(
      ctx,
      `o\u0000${rec.outcome}\u0000${rec.reason}`,
      () => mapOutcome(format, rec.outcome, rec.reason, ctx.mapping),
      () => valueKey(rec.outcome, rec.reason),
    );
    const outcome = o.hit;
    const value = () => ({
      value: rec.reason ? `${rec.outcome}｜${rec.reason}` : rec.outcome,
      outcome: rec.outcome,
      reason: rec.reason,
    });
    see(ctx, 'outcome', o.key, value, outcome, rec.row);
    if (!outcome) return null;
    if (!answeredThisYear && outcome.target !== OPEN) return { problem: `写了办理结果“${rec.outcome}”但没有答复日期` };
    if (answeredThisYear) {
      if (outcome.target === OPEN) return { problem: `有答复日期${dateText(answered)}，但办理结果是“${rec.outcome}”` };
      end = outcome.target;
    }
  } else if (answeredThisYear) {
    return { problem: `有答复日期${dateText(answered)}但没有办理结果` };
  }
  if (!applicant) return null;
  return { start: received.year === year ? m.newRow : m.carriedOverRow, end, col: applicant.target };
}

/** The matrix with every cell 0. */
function zeroMatrix(format: FormatDef): TableData {
  const t: TableData = {};
  for (const r of format.applications.rows) {
    t[r.id] = {};
    for (const c of format.applications.columns) t[r.id][c.id] = 0;
  }
  return t;
}

function unmappedMessage(format: FormatDef, s: SeenValue): string {
  const what = FIELD_LABELS[s.field];
  const [a, b] = format.applications.columns;
  const where = s.field === 'applicant' ? `表三的哪一列（${a.label}、${b.label}……）` : '表三的哪一行';
  return `${what}“${s.value}”不能确定属于${where}（${rowList(s.rows)}），这些申请暂未计入。请为它选择对应的${s.field === 'applicant' ? '列' : '行'}（选择会被记住）。`;
}

/** Counts the records of a ledger for a reporting year. */
export function countLedger(
  format: FormatDef,
  year: number,
  records: LedgerRecord[],
  mapping?: LedgerMapping,
): LedgerTally {
  const m = format.applications;
  const ctx: Context = { format, year, mapping, seen: new Map(), memo: new Map() };
  const table = zeroMatrix(format);
  const sources: Record<string, number[]> = {};
  const add = (rowId: string, colId: string, row: number) => {
    table[rowId][colId]! += 1;
    (sources[cellId('applications', rowId, colId)] ??= []).push(row);
  };
  const problems: LedgerProblem[] = [];
  const earlier: number[] = [];
  let counted = 0;
  for (const rec of records) {
    const p = place(ctx, rec);
    if (!p) continue;
    if ('skip' in p) earlier.push(rec.row);
    else if ('problem' in p)
      problems.push({
        kind: 'row',
        message: `第${rec.row}行：${p.problem}，未计入。`,
        rows: [rec.row],
        detail: p.problem,
      });
    else {
      counted++;
      add(p.start, p.col, rec.row);
      add(p.end, p.col, rec.row);
    }
  }
  // Totals: each row's 总计 column, then the （七）总计 row, from the counted cells.
  const dataCols = m.columns.filter((c) => !c.isTotal);
  for (const r of m.rows) {
    if (r.id === m.resultTotalRow) continue;
    for (const c of dataCols) {
      for (const row of sources[cellId('applications', r.id, c.id)] ?? []) add(r.id, m.totalColumn, row);
    }
  }
  for (const c of m.columns) {
    for (const r of m.resultRows) {
      for (const row of sources[cellId('applications', r, c.id)] ?? []) add(m.resultTotalRow, c.id, row);
    }
  }
  for (const list of Object.values(sources)) list.sort((a, b) => a - b);
  const seen = [...ctx.seen.values()];
  for (const s of seen) {
    if (s.target === null)
      problems.push({
        kind: 'unmapped',
        message: unmappedMessage(format, s),
        rows: s.rows,
        field: s.field,
        value: s.value,
        ...(s.reason ? { reason: s.reason } : {}),
      });
  }
  return { applications: table, sources, problems, rows: records.length, counted, earlier, seen };
}
