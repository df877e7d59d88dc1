// text.numbers: the figures a report's text quotes, compared with its tables. Each number with a
// unit is bound to the figure named just before it in the same clause (or just after it: 5件予以
// 公开); named figures joined by 及/和/、 are a sum; review groups and section 二's rows and
// columns carry over within a sentence (规范性文件制发3件、废止1件). A figure the tables do not
// hold, an approximate one (100余条) or one about something else (行政许可申请) is not compared.
import { cellId, tableSection, type FormatDef, type TableKey } from '../format';
import { formatOf, getCell, type Report } from '../report';
import {
  APPLICATION_CONTEXT,
  APPROXIMATE_AFTER,
  APPROXIMATE_BEFORE,
  CONJUNCTION,
  FOREIGN,
  NONE_BEFORE,
  REVIEW_CONTEXT,
} from './figure-terms';
import { disclosureColumnName, tokenize, vocabularyOf, type Role, type Token } from './figures';
import { fmt } from './numbers';
import { narrativeParagraphs, sentences, whereOf } from './paragraphs';
import type { Finding } from './types';
import { normalizeLabel } from '../format';

/** A figure of the tables: the sum of some cells. */
export interface TableFigure {
  table: TableKey;
  cells: string[];
  /** 本年新收, 予以公开+部分公开, 行政复议结果维持 … */
  label: string;
  amount: boolean;
  /** Other readings a text may mean (收到申请 with last year's carried-over ones). */
  alternatives?: string[][];
  /** Bases a percentage of this figure may be of. */
  bases?: { label: string; cells: string[] }[];
}

/** A figure the text states, bound to the table figure it names. */
export interface QuotedFigure {
  section: number;
  part: string;
  heading: string;
  /** The words quoted, 收到申请9件. */
  quote: string;
  value: number;
  figure: TableFigure;
  /** A percentage stated right after the figure (占60%). */
  percent?: { value: number; quote: string };
}

const MAX_GAP = 16;
const TYPE_TERM = 'term';

type TermToken = Extract<Token, { type: 'term' }>;
type NumberToken = Extract<Token, { type: 'number' }>;

function sumOf(report: Report, cells: string[]): number | null {
  let s = 0;
  for (const c of cells) {
    const v = getCell(report, c);
    if (v === null) return null;
    s += v;
  }
  return s;
}

function appFigure(format: FormatDef, rows: string[], cols: string[], label: string, received: boolean): TableFigure {
  const m = format.applications;
  const cells = rows.flatMap((r) => cols.map((c) => cellId('applications', r, c)));
  const total = (row: string) => cellId('applications', row, m.totalColumn);
  const bases = [
    { label: '本年度办理结果总计', cells: [total(m.resultTotalRow)] },
    { label: '本年新收', cells: [total(m.newRow)] },
    { label: '本年新收与上年结转之和', cells: [total(m.newRow), total(m.carriedOverRow)] },
  ];
  return {
    table: 'applications',
    cells,
    label,
    amount: false,
    ...(received && cols.length === 1 && cols[0] === m.totalColumn
      ? { alternatives: [[...cells, total(m.carriedOverRow)]] }
      : {}),
    bases,
  };
}

/** Sentence state: the review group and section 二 row/column named last. */
interface State {
  reviewGroups: string[] | null;
  reviewLabel: string;
  activeRow: Extract<Role, { kind: 'activeRow' }> | null;
  activeCol: string | null;
}

/** The table figure a run of named terms stands for, or null when it names none the tables hold. */
function figureOf(format: FormatDef, terms: TermToken[], state: State, percent: boolean): TableFigure[] | null {
  const last = terms[terms.length - 1]?.term.role;
  if (!last) return null;
  // Terms of the same kind joined by conjunctions are one sum: 予以公开及部分公开.
  const run: Role[] = [last];
  for (let i = terms.length - 2; i >= 0; i--) {
    const r = terms[i].term.role;
    if (r.kind !== last.kind || !terms[i + 1].conj) break;
    run.unshift(r);
  }
  const m = format.applications;
  switch (last.kind) {
    case 'appRow': {
      const roles = run as Extract<Role, { kind: 'appRow' }>[];
      const rows = [...new Set(roles.flatMap((r) => r.rows))];
      return [
        appFigure(
          format,
          rows,
          [m.totalColumn],
          roles.map((r) => r.label).join('+'),
          roles.length === 1 && last.received,
        ),
      ];
    }
    case 'appCol': {
      // Applicant types count received applications unless another row was named (予以公开…其中自然人).
      const row = terms.map((t) => t.term.role).find((r) => r.kind === 'appRow' && !r.received);
      if (row) return null;
      const roles = run as Extract<Role, { kind: 'appCol' }>[];
      const cols = [...new Set(roles.flatMap((r) => r.cols))];
      return [appFigure(format, [m.newRow], cols, `本年新收${roles.map((r) => r.label).join('+')}`, false)];
    }
    case 'reviewGroup':
    case 'reviewCol': {
      const group = [...terms].reverse().find((t) => t.term.role.kind === 'reviewGroup')?.term.role as
        Extract<Role, { kind: 'reviewGroup' }> | undefined;
      if (group) {
        state.reviewGroups = group.groups;
        state.reviewLabel = group.label;
      }
      if (!state.reviewGroups) return null;
      const groups = state.reviewGroups;
      const total = format.review.totalColumn;
      const base = {
        label: `${state.reviewLabel}总计`,
        cells: groups.map((g) => cellId('reviewLitigation', g, total)),
      };
      if (last.kind === 'reviewGroup') {
        const roles = run as Extract<Role, { kind: 'reviewGroup' }>[];
        if (roles.length > 1 && !percent) {
          const ids = [...new Set(roles.flatMap((r) => r.groups))];
          return [
            {
              table: 'reviewLitigation',
              cells: ids.map((g) => cellId('reviewLitigation', g, total)),
              label: roles.map((r) => r.label).join('+'),
              amount: false,
            },
          ];
        }
        return [{ table: 'reviewLitigation', cells: base.cells, label: base.label, amount: false }];
      }
      const cols = (run as Extract<Role, { kind: 'reviewCol' }>[]).filter((r) => r.kind === 'reviewCol');
      return [
        {
          table: 'reviewLitigation',
          cells: groups.flatMap((g) => cols.map((c) => cellId('reviewLitigation', g, c.col))),
          label: state.reviewLabel + cols.map((c) => c.label).join('+'),
          amount: false,
          bases: [base],
        },
      ];
    }
    case 'activeRow':
    case 'activeCol': {
      for (const t of terms) {
        const r = t.term.role;
        if (r.kind === 'activeRow') state.activeRow = r;
        else if (r.kind === 'activeCol') state.activeCol = r.col;
      }
      const row = state.activeRow;
      if (!row) return null;
      const block = format.disclosure.find((b) => b.id === row.block)!;
      // A one-column amount (行政事业性收费) needs no column named; counts do (行政许可 alone may be items).
      const col =
        block.columns.find((c) => c.id === state.activeCol) ??
        (block.columns.length === 1 && block.columns[0].kind === 'amount' ? block.columns[0] : undefined);
      if (!col) return null;
      return [
        {
          table: format.disclosureKey,
          cells: [cellId(format.disclosureKey, row.row, col.id)],
          label: row.label + disclosureColumnName(col.label, col.aliases),
          amount: col.kind === 'amount',
        },
      ];
    }
  }
}

/** Reads the figures a paragraph's sentences state. */
export function quotedFigures(report: Report): QuotedFigure[] {
  const format = formatOf(report);
  const vocab = vocabularyOf(format);
  const out: QuotedFigure[] = [];
  for (const p of narrativeParagraphs(report.narrative)) {
    const text = normalizeLabel(p.text);
    const appContext = p.part === 'onRequest' || APPLICATION_CONTEXT.test(text);
    const reviewContext = REVIEW_CONTEXT.test(text);
    for (const sentence of sentences(text)) {
      const tokens = tokenize(sentence, vocab);
      const state: State = { reviewGroups: null, reviewLabel: '', activeRow: null, activeCol: null };
      let pending: TermToken[] = [];
      let prevEnd = 0;
      const usable = (r: Role) =>
        r.kind === 'appRow' || r.kind === 'appCol'
          ? appContext && (!(r.kind === 'appRow' && r.received) || sentence.includes('申请'))
          : r.kind === 'reviewGroup' || r.kind === 'reviewCol'
            ? reviewContext
            : true;
      const emit = (terms: TermToken[], num: NumberToken, from: number, to: number, each: boolean) => {
        const figures = figureOf(format, terms, state, num.percent);
        if (!figures || num.percent) return;
        for (const f of each ? (splitEach(format, terms, state) ?? figures) : figures) {
          if (f.amount !== (num.unit === '万元' || num.unit === '元')) continue;
          const value = num.unit === '元' ? num.value / 10000 : num.value;
          const q: QuotedFigure = {
            section: p.section,
            part: p.part,
            heading: p.heading,
            quote: sentence.slice(from, to),
            value,
            figure: f,
          };
          const after = tokens[tokens.indexOf(num) + 1];
          if (
            after?.type === 'number' &&
            after.percent &&
            /^[，,]?(?:约)?占(?:比|到)?[^，,。；]{0,8}?(?:的|为)?$/.test(sentence.slice(num.end, after.start))
          )
            q.percent = { value: after.value, quote: sentence.slice(from, after.end) };
          out.push(q);
        }
      };
      for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i];
        if (tok.type === TYPE_TERM) {
          const gap = sentence.slice(prevEnd, tok.start);
          const prev = pending[pending.length - 1];
          if (prev && CONJUNCTION.test(gap)) tok.conj = true;
          if (usable(tok.term.role)) pending.push(tok);
          prevEnd = tok.end;
          // 未收到…申请 / 未发生…行政复议: none, stated without a number.
          const role = tok.term.role;
          const clauseStart = Math.max(sentence.lastIndexOf('，', tok.start), sentence.lastIndexOf(',', tok.start)) + 1;
          const clauseEndRel = sentence.slice(tok.end).search(/[，,。；]/);
          const clauseEnd = clauseEndRel < 0 ? sentence.length : tok.end + clauseEndRel;
          const clause = sentence.slice(clauseStart, clauseEnd);
          const isNone =
            usable(role) &&
            ((role.kind === 'appRow' && role.received) ||
              (role.kind === 'reviewGroup' &&
                !tokens.some((t) => t.type === TYPE_TERM && t.term.role.kind === 'reviewCol'))) &&
            NONE_BEFORE.test(sentence.slice(clauseStart, tok.start)) &&
            !sentence.slice(clauseStart, tok.start).includes('除') &&
            !tokens.some((t) => t.type === 'number' && t.start >= clauseStart && t.start < clauseEnd);
          if (isNone) {
            const figures = figureOf(format, [tok], state, false);
            for (const f of figures ?? [])
              out.push({
                section: p.section,
                part: p.part,
                heading: p.heading,
                quote: clause,
                value: 0,
                figure: { ...f, alternatives: undefined },
              });
            pending = [];
          }
          continue;
        }
        // A number: bound to the terms named since the last number, when close enough and unbroken.
        const before = sentence.slice(0, tok.start);
        const afterText = sentence.slice(tok.end);
        if (APPROXIMATE_BEFORE.test(before) || APPROXIMATE_AFTER.test(afterText)) {
          pending = [];
          prevEnd = tok.end;
          continue;
        }
        const last = pending[pending.length - 1];
        const gap = last ? sentence.slice(last.end, tok.start) : '';
        if (last && gap.length <= MAX_GAP && !/[，,：:。；0-9]/.test(gap.replace(/各$/, '')) && !FOREIGN.test(gap)) {
          emit(pending, tok, pending[0].start, tok.end, gap.endsWith('各'));
        } else if (!tok.percent) {
          // 5件予以公开: the term right after the number.
          const next = tokens[i + 1];
          if (
            next?.type === TYPE_TERM &&
            next.start - tok.end <= 2 &&
            usable(next.term.role) &&
            !/[，,]/.test(sentence.slice(tok.end, next.start))
          ) {
            emit([next], tok, tok.start, next.end, false);
            i++;
          }
        }
        pending = [];
        prevEnd = tokens[i].end;
      }
    }
  }
  return out;
}

/** 行政复议、行政诉讼各0件: each of the terms on its own. */
function splitEach(format: FormatDef, terms: TermToken[], state: State): TableFigure[] | null {
  const out: TableFigure[] = [];
  for (const t of terms) {
    const f = figureOf(format, [t], state, false);
    if (f) out.push(...f);
  }
  return out.length ? out : null;
}

const unitOf = (f: TableFigure) => (f.amount ? '万元' : '件');
const pctText = (v: number) => `${fmt(Math.round(v * 10) / 10)}%`;

/** Percent stated agrees with value/base for some base, to the precision it is written with. */
function percentAgrees(stated: number, value: number, base: number): boolean {
  const decimals = (String(stated).split('.')[1] ?? '').length;
  return Math.abs(stated - (100 * value) / base) <= 0.5 * 10 ** -decimals + 1e-9;
}

export function checkTextNumbers(report: Report, out: Finding[]): void {
  const format = formatOf(report);
  const seen = new Set<string>();
  for (const q of quotedFigures(report)) {
    const f = q.figure;
    const tableValue = sumOf(report, f.cells);
    if (tableValue === null) continue;
    const section = tableSection(format, f.table)!;
    const where = whereOf(format.sections.find((s) => s.no === q.section)?.numeral ?? '', q.heading);
    const field = { section: q.section, part: q.part };
    const agrees = (v: number) => Math.abs(v - q.value) < (f.amount ? 0.005 : 1e-9);
    const ok =
      agrees(tableValue) ||
      (f.alternatives ?? []).some((cells) => {
        const v = sumOf(report, cells);
        return v !== null && agrees(v);
      });
    let message = '';
    if (!ok) {
      message = `${where}：正文：${q.quote}；表格${section.numeral}：${f.label}${fmt(tableValue)}${unitOf(f)}，请核对正文或表格`;
    } else if (q.percent && f.bases?.length) {
      const bases = f.bases
        .map((b) => ({ label: b.label, value: sumOf(report, b.cells) }))
        .filter((b): b is { label: string; value: number } => b.value !== null && b.value > 0);
      if (bases.length && !bases.some((b) => percentAgrees(q.percent!.value, tableValue, b.value))) {
        const b = bases[0];
        message =
          `${where}：正文：${q.percent.quote}；表格${section.numeral}：${f.label}${fmt(tableValue)}件，` +
          `占${b.label}${fmt(b.value)}件的${pctText((100 * tableValue) / b.value)}，请核对百分比`;
      }
    }
    if (!message || seen.has(message)) continue;
    seen.add(message);
    out.push({ rule: 'text.numbers', severity: 'warning', message, cells: f.cells, field });
  }
}
