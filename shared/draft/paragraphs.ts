// Paragraphs drafted from the tables, for the clerk to insert on request: 依申请公开 (received by
// applicant type, carried over, outcomes, carried forward), 行政复议/行政诉讼, the 主动公开
// figures of 二, with 同比 where last year's figures are known. Labels come from the format; a
// blank cell is left out with a note, never written as a number.
import { cellId, ownLabel, type FormatDef } from '../format';
import { formatOf, getCell, type PreviousYear, type Report } from '../report';
import { disclosureColumnName, matrixRowName, plainLabel } from '../rules/figures';
import { fmt } from '../rules/numbers';

export type DraftId = 'onRequest' | 'review' | 'active';

export interface DraftParagraph {
  id: DraftId;
  /** Where it belongs: section 一 and the part it is offered for. */
  section: number;
  part: string;
  /** 依申请公开情况 … */
  title: string;
  /** '' when nothing could be drafted (see notes). */
  text: string;
  /** Figures left out because their cells are blank, in Chinese. */
  notes: string[];
  /** The cells the paragraph states. */
  cells: string[];
}

type Last = Report | PreviousYear | null | undefined;
const isReport = (x: Last): x is Report => !!x && 'applications' in x;

/** 较上年增加2件 / 较上年减少1件 / 与上年持平, or '' when last year's figure is unknown. */
export function yearOnYear(now: number, last: number | null | undefined): string {
  if (last === null || last === undefined) return '';
  if (now === last) return `，与上年持平`;
  return `，较上年${now > last ? '增加' : '减少'}${fmt(Math.abs(now - last))}件`;
}

/** Last year's value of a cell: from its report, or from what a carried report keeps of it. */
function lastCell(last: Last, id: string): number | null {
  if (!last) return null;
  if (isReport(last)) return getCell(last, id);
  return last.figures?.[id] ?? null;
}

class Reader {
  notes: string[] = [];
  cells: string[] = [];
  constructor(
    private report: Report,
    private sectionNumeral: string,
  ) {}
  /** A cell's value, or null with a note when blank. */
  get(id: string, what: string): number | null {
    const v = getCell(this.report, id);
    if (v === null) this.notes.push(`表格${this.sectionNumeral}“${what}”为空白，草稿未写这一项，请先填写表格`);
    else this.cells.push(id);
    return v;
  }
}

const numeral = (format: FormatDef, no: number) => format.sections.find((s) => s.no === no)?.numeral ?? '';
const list = (items: string[]) => items.join('、');

export function draftOnRequest(report: Report, last: Last = report.previous): DraftParagraph {
  const format = formatOf(report);
  const m = format.applications;
  const rd = new Reader(report, numeral(format, 3));
  const total = (row: string) => cellId('applications', row, m.totalColumn);
  const received = rd.get(total(m.newRow), matrixRowName(format, m.newRow));
  const carried = rd.get(total(m.carriedOverRow), matrixRowName(format, m.carriedOverRow));
  const done = rd.get(total(m.resultTotalRow), matrixRowName(format, m.resultTotalRow));
  const forward = rd.get(total(m.carryForwardRow), matrixRowName(format, m.carryForwardRow));
  const parts: string[] = [];
  // Cell ids of 三 and 四 are the same in both formats.
  const lastReceived = lastCell(last, total(m.newRow));
  if (received !== null) {
    if (received === 0) parts.push(`本年度未收到政府信息公开申请${yearOnYear(0, lastReceived)}`);
    else {
      const byType: string[] = [];
      for (const c of m.columns) {
        if (c.isTotal) continue;
        const v = getCell(report, cellId('applications', m.newRow, c.id));
        if (v) byType.push(`${c.label}${fmt(v)}件`);
      }
      parts.push(
        `本年度新收政府信息公开申请${fmt(received)}件${byType.length ? `（其中${list(byType)}）` : ''}${yearOnYear(received, lastReceived)}`,
      );
    }
  }
  if (carried !== null) parts.push(`${matrixRowName(format, m.carriedOverRow)}${fmt(carried)}件`);
  const sentences: string[] = parts.length ? [parts.join('；') + '。'] : [];
  if (done !== null) {
    // Outcomes by the format's groups (（三）不予公开 and its eight reasons count as one).
    const groups = new Map<string, string[]>();
    for (const r of m.resultRows) {
      const row = m.rows.find((x) => x.id === r)!;
      const key = plainLabel(row.path[1] ?? ownLabel(row.path));
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const outcomes: string[] = [];
    for (const [label, rows] of groups) {
      const vals = rows.map((r) => rd.get(total(r), matrixRowName(format, r)));
      if (vals.some((v) => v === null)) continue;
      const sum = vals.reduce<number>((a, v) => a + (v ?? 0), 0);
      if (sum) outcomes.push(`${label}${fmt(sum)}件`);
    }
    sentences.push(`本年度办结${fmt(done)}件${outcomes.length ? `，其中${list(outcomes)}` : ''}`);
  }
  if (forward !== null) {
    const label = plainLabel(ownLabel(m.rows.find((r) => r.id === m.carryForwardRow)!.path));
    const s = `${label}${fmt(forward)}件。`;
    if (done !== null) sentences[sentences.length - 1] += `；${s}`;
    else sentences.push(s);
  } else if (done !== null) sentences[sentences.length - 1] += '。';
  return {
    id: 'onRequest',
    section: 1,
    part: 'onRequest',
    title: '依申请公开情况',
    text: sentences.join(''),
    notes: rd.notes,
    cells: rd.cells,
  };
}

export function draftReview(report: Report, last: Last = report.previous): DraftParagraph {
  const format = formatOf(report);
  const rv = format.review;
  const rd = new Reader(report, numeral(format, 4));
  const cols = rv.columns.filter((c) => !c.isTotal);
  const groupTotal = (ids: string[], label: string): number | null => {
    let s = 0;
    for (const g of ids) {
      const v = rd.get(cellId('reviewLitigation', g, rv.totalColumn), `${label}总计`);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  const outcomes = (ids: string[]) =>
    cols
      .map((c) => {
        const sum = ids.reduce<number | null>((a, g) => {
          const v = getCell(report, cellId('reviewLitigation', g, c.id));
          return a === null || v === null ? null : a + v;
        }, 0);
        return sum ? `${c.label}${fmt(sum)}件` : '';
      })
      .filter(Boolean);
  const reviewGroup = rv.groups[0];
  const litigation = rv.groups.slice(1);
  const reviewLabel = ownLabel(reviewGroup.path);
  const litigationLabel = litigation[0]?.path[0] ?? '';
  const nReview = groupTotal([reviewGroup.id], reviewLabel);
  const nLit = groupTotal(
    litigation.map((g) => g.id),
    litigationLabel,
  );
  const lastTotal = (ids: string[]) =>
    ids.reduce<number | null>((a, g) => {
      const v = lastCell(last, cellId('reviewLitigation', g, rv.totalColumn));
      return a === null || v === null ? null : a + v;
    }, 0);
  let text: string;
  if (nReview === 0 && nLit === 0) {
    text = `本年度未发生因政府信息公开工作被申请${reviewLabel}、提起${litigationLabel}的情况。`;
  } else {
    const out: string[] = [];
    if (nReview !== null) {
      const o = outcomes([reviewGroup.id]);
      out.push(
        `本年度因政府信息公开工作被申请${reviewLabel}${fmt(nReview)}件${o.length ? `，其中${list(o)}` : ''}${yearOnYear(nReview, lastTotal([reviewGroup.id]))}`,
      );
    }
    if (nLit !== null) {
      const ids = litigation.map((g) => g.id);
      const by = litigation
        .map((g) => {
          const v = getCell(report, cellId('reviewLitigation', g.id, rv.totalColumn));
          return v ? `${ownLabel(g.path)}${fmt(v)}件` : '';
        })
        .filter(Boolean);
      out.push(
        `被提起${litigationLabel}${fmt(nLit)}件${by.length ? `，其中${list(by)}` : ''}${yearOnYear(nLit, lastTotal(ids))}`,
      );
      const o = outcomes(ids);
      if (o.length) out.push(`${litigationLabel}${list(o)}`);
    }
    text = out.length ? out.join('；') + '。' : '';
  }
  return {
    id: 'review',
    section: 1,
    part: 'onRequest',
    title: '行政复议、行政诉讼情况',
    text,
    notes: rd.notes,
    cells: rd.cells,
  };
}

export function draftActive(report: Report, last: Last = report.previous): DraftParagraph {
  const format = formatOf(report);
  const rd = new Reader(report, numeral(format, 2));
  const key = format.disclosureKey;
  const clauses: string[] = [];
  const decisions: string[] = [];
  const lastInForce = (rowId: string): number | null => {
    if (!last) return null;
    if (isReport(last)) {
      const block = format.disclosure.find((b) => b.stock);
      return block?.stock ? getCell(last, cellId(formatOf(last).disclosureKey, rowId, block.stock.closing)) : null;
    }
    return (last.inForce as Record<string, number | null>)[rowId] ?? null;
  };
  for (const b of format.disclosure) {
    for (const r of b.rows) {
      const label = ownLabel(r.path);
      const value = (colId: string) => {
        const c = b.columns.find((x) => x.id === colId)!;
        return rd.get(cellId(key, r.id, colId), `${label}${disclosureColumnName(c.label, c.aliases)}`);
      };
      if (b.stock) {
        const [added, removed, closing] = [value(b.stock.added), value(b.stock.removed), value(b.stock.closing)];
        const bits: string[] = [];
        const short = (id: string) =>
          b.columns
            .find((c) => c.id === id)!
            .label.replace(/^本年/, '')
            .replace(/件数$/, '');
        if (added !== null) bits.push(`${short(b.stock.added)}${label}${fmt(added)}件`);
        if (removed !== null) bits.push(`${short(b.stock.removed)}${fmt(removed)}件`);
        let s = bits.join('、');
        if (closing !== null)
          s += `${s ? '，' : label}${short(b.stock.closing)}${fmt(closing)}件${yearOnYear(closing, lastInForce(r.id))}`;
        if (s) clauses.push(s);
      } else if (b.columns.length === 1 && b.columns[0].kind === 'amount') {
        const v = value(b.columns[0].id);
        if (v !== null) clauses.push(`${label}${fmt(v)}万元`);
      } else {
        const c = b.columns.find((x) => x.id === 'decisions');
        if (!c) continue;
        const v = value(c.id);
        if (v !== null) decisions.push(`${label}决定${fmt(v)}件`);
      }
    }
  }
  if (decisions.length)
    clauses.splice(
      clauses.length - (clauses.length && /万元$/.test(clauses[clauses.length - 1]) ? 1 : 0),
      0,
      `作出${list(decisions)}`,
    );
  return {
    id: 'active',
    section: 1,
    part: 'active',
    title: '主动公开情况',
    text: clauses.length ? `本年度${clauses.join('；')}。` : '',
    notes: rd.notes,
    cells: rd.cells,
  };
}

/** Every paragraph the tables support, in the order of the report. */
export function draftParagraphs(report: Report, last?: Last): DraftParagraph[] {
  const l = last ?? report.previous;
  return [draftActive(report, l), draftOnRequest(report, l), draftReview(report, l)];
}
