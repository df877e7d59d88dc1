// The figures a report's text states, each bound to the table figure it names. Each number with
// a unit is bound to the figure named just before it in the same clause (or just after it: 5件予以
// 公开); named figures joined by 及/和/、 are a sum; review groups and section 二's rows and
// columns carry over within a sentence (规范性文件制发3件、废止1件). An approximate figure (100余条),
// one about something else (行政许可申请, 工单) or one the tables do not hold is not read.
import { normalizeLabel, type FormatDef } from '../format';
import { formatOf, type Report } from '../report';
import {
  APPLICATION_CONTEXT,
  APPROXIMATE_AFTER,
  APPROXIMATE_BEFORE,
  CONJUNCTION,
  DISCLOSURE_REQUEST,
  FOREIGN,
  NONE_BEFORE,
  REQUEST_WINDOW,
  REVIEW_CONTEXT,
} from './figure-terms';
import { tokenize, vocabularyOf, type Role, type Token } from './figures';
import { narrativeParagraphs, sentences } from './paragraphs';
import {
  figureOf,
  type NumberToken,
  type QuotedFigure,
  type State,
  type TableFigure,
  type TermToken,
} from './table-figures';

const MAX_GAP = 16;

/** Reads the figures a paragraph's sentences state. */
export function quotedFigures(report: Report): QuotedFigure[] {
  const format = formatOf(report);
  const vocab = vocabularyOf(format);
  const out: QuotedFigure[] = [];
  for (const p of narrativeParagraphs(report.narrative)) {
    const text = normalizeLabel(p.text);
    const appContext = p.part === 'onRequest' || APPLICATION_CONTEXT.test(text);
    // 行政复议 about disclosure: said in the sentence (a 司法局 also handles 复议 of its own), or
    // anywhere in 依申请公开's part.
    const reviewParagraph = p.part === 'onRequest' && REVIEW_CONTEXT.test(text);
    for (const sentence of sentences(text)) {
      const tokens = tokenize(sentence, vocab);
      const reviewContext = reviewParagraph || REVIEW_CONTEXT.test(sentence);
      const state: State = { reviewGroups: null, reviewLabel: '', activeRow: null, activeCol: null };
      let pending: TermToken[] = [];
      let prevEnd = 0;
      // A sentence about hotline orders or the like (工单…办结7818件) is not about applications
      // unless it says so; one that follows on from them (其中予以公开7件) is.
      const appSentence = appContext && (sentence.includes('申请') || !FOREIGN.test(sentence));
      const usable = (r: Role) =>
        r.kind === 'appRow' || r.kind === 'appCol'
          ? appSentence && (!(r.kind === 'appRow' && r.received) || sentence.includes('申请'))
          : r.kind === 'reviewGroup' || r.kind === 'reviewCol'
            ? reviewContext
            : true;
      // 收到…申请 counts applications for disclosure only: said so nearby, or in 依申请公开's own part.
      const aboutRequests = (from: number, to: number) => {
        const near = sentence.slice(Math.max(0, from - REQUEST_WINDOW), to + REQUEST_WINDOW);
        return DISCLOSURE_REQUEST.test(near) || (p.part === 'onRequest' && near.includes('申请'));
      };
      // In 依申请公开's own part a bare 收到申请9件 will do, 受理各类申请 will not.
      const bareRequest = (gap: string) => p.part !== 'onRequest' || /^(?:了)?(?:申请)?(?:共|共计|合计)?$/.test(gap);
      const isReceived = (t: TermToken) => t.term.role.kind === 'appRow' && t.term.role.received;
      // 无上年结转 / 无下年度结转: the balances, stated as none right before their label.
      const carryRows = [format.applications.carriedOverRow, format.applications.carryForwardRow];
      const isCarry = (t: TermToken) =>
        t.term.role.kind === 'appRow' && t.term.role.rows.length === 1 && carryRows.includes(t.term.role.rows[0]);
      const emit = (terms: TermToken[], num: NumberToken, from: number, to: number, each: boolean) => {
        const last = terms[terms.length - 1];
        if (
          terms.some(isReceived) &&
          !(
            aboutRequests(from, to) &&
            (DISCLOSURE_REQUEST.test(sentence.slice(from, to)) || bareRequest(sentence.slice(last.end, num.start)))
          )
        )
          return;
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
        if (tok.type === 'term') {
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
            ((isReceived(tok) && aboutRequests(clauseStart, clauseEnd) && clause.includes('申请')) ||
              isCarry(tok) ||
              (role.kind === 'reviewGroup' &&
                !tokens.some((t) => t.type === 'term' && t.term.role.kind === 'reviewCol'))) &&
            NONE_BEFORE.test(
              proseBefore(tokens, sentence, clauseStart, tok.start, isReceived(tok) ? 3 : isCarry(tok) ? 2 : Infinity),
            ) &&
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
            next?.type === 'term' &&
            usable(next.term.role) &&
            /^[为已均被]?$/.test(sentence.slice(tok.end, next.start))
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

/**
 * The words before a term within its clause, other terms left out (the 未 of 尚未审结 denies
 * nothing), at most `reach` characters back: 未收到 must stand right before 收到.
 */
function proseBefore(tokens: Token[], sentence: string, from: number, to: number, reach: number): string {
  let out = '';
  let at = Math.max(from, to - reach);
  for (const t of tokens) {
    if (t.type !== 'term' || t.end <= at || t.start >= to) continue;
    out += sentence.slice(at, Math.max(at, t.start)) + '|';
    at = t.end;
  }
  return out + sentence.slice(at, to);
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
