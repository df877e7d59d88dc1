// text.problems: section 五 must name problems and measures — "无", "暂无" or a line or two is
// a common deduction — and, when last year's report is known, answer each problem it listed
// under 上年度问题整改情况.
import { getFormat, labelMatches } from '../format';
import type { NarrativePart, PreviousYear, Report } from '../report';
import { sentences } from './paragraphs';
import { bigrams } from './repeat';
import type { Finding } from './types';

/** Fewer characters than this (problems and measures together) cannot name a problem and a measure. */
export const MIN_PROBLEMS_CHARS = 20;

const NOTHING =
  /^(?:本年度?|今年|目前)?(?:暂|尚|并)?(?:无|没有|未发现)(?:明显|突出)?(?:的)?(?:存在的?)?(?:主要)?(?:问题)?(?:和|及)?(?:改进情况|整改情况)?$/;
const MEASURE = /措施|加强|完善|健全|推进|提升|提高|强化|改进|规范|进一步|下一步|将|整改|加大|优化|落实/;
/** Sentences that introduce a list of problems rather than name one. */
const INTRO = /取得.{0,8}成绩|存在(?:以下|如下)|主要(?:表现|问题)(?:在|是|为|有)?[:：]?$|不容忽视/;
/** Where the measures begin (下一步…, 针对以上问题…): no more problems after it. */
const MEASURES_START = /^(?:下一步|今后|针对(?:以上|上述|这[两三四几些]?个?)问题)|将(?:通过|从)以下|改进措施[:：]/;
/** Progress on the year before's problems (针对2019年提到的…问题，…): not a problem of this year. */
const PROGRESS = /^针对\d{4}年|上年度?.{0,12}问题.{0,6}整改|已(?:全部)?整改/;
/** 主要表现在：/ 主要问题是 before the problem itself. */
const LEAD_IN = /^主要(?:表现|问题)(?:在|是|为|有)?[:：]?/;
const ITEM_START = /(?=[一二三四五六七八九十]是)|(?=（[一二三四五六七八九十]）)|(?=(?<![0-9])[1-9][.、．](?![0-9]))/;
/** Words every problem shares: they say nothing about which problem is meant. */
const COMMON =
  /政府信息公开|政务公开|信息公开|工作|进一步|存在|问题|不够|有待|我局|我单位|本机关|方面|[一二三四五六七八九十]是|还|的|了|和|与|及|等/g;

const bare = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
const partText = (parts: NarrativePart[]) => parts.map((p) => p.text).join('\n');

function findPart(parts: NarrativePart[], id: string, heading: string): NarrativePart | undefined {
  return parts.find((p) => p.id === id) ?? parts.find((p) => p.heading && labelMatches(p.heading, heading));
}

/** Last year's problems, one item each (its 一是…二是…, （一）…, 1.… or sentences). */
export function listedProblems(last: Report | PreviousYear): string[] {
  const defs = getFormat(last.format).sections.find((s) => s.no === 5)?.parts ?? [];
  const parts = last.narrative.problems ?? [];
  const problemsDef = defs.find((d) => d.id === 'problems');
  const own = problemsDef ? findPart(parts, problemsDef.id, problemsDef.heading) : undefined;
  // Imported reports may keep 五 as one part: then all of it but the progress and the measures.
  const skip = new Set(defs.filter((d) => d.id !== 'problems').map((d) => findPart(parts, d.id, d.heading)));
  const text = own?.text.trim() ? own.text : partText(parts.filter((p) => !skip.has(p)));
  const items: string[] = [];
  for (const sentence of sentences(text)) {
    if (MEASURES_START.test(sentence)) break;
    if (PROGRESS.test(sentence)) continue;
    // 存在以下问题：一是…: the list after the colon.
    const s = (INTRO.test(sentence) ? sentence.replace(/^[^：:]*[：:]?/, '') : sentence).replace(LEAD_IN, '');
    for (const item of s.split(ITEM_START)) {
      const t = item
        .trim()
        .replace(/^[，,；;：:]+/, '')
        .replace(/[。；;！!？?]+$/, '');
      if (bare(t).length >= 6 && !INTRO.test(t)) items.push(t);
    }
  }
  return items;
}

/** Whether a text refers to a problem: most of the problem's own words appear in it. */
export function refersTo(text: string, problem: string): boolean {
  const own = bigrams(bare(problem).replace(COMMON, ''));
  if (!own.size) return true;
  const t = bare(text);
  let hit = 0;
  for (const b of own) if (t.includes(b)) hit++;
  return hit / own.size >= 0.4;
}

const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function checkTextProblems(report: Report, last: Report | PreviousYear | null, out: Finding[]): void {
  const defs = getFormat(report.format).sections.find((s) => s.no === 5)?.parts ?? [];
  const parts = report.narrative.problems;
  const all = partText(parts);
  if (!all.trim()) return; // narrative.empty says so.
  const lastYearDef = defs.find((d) => d.id === 'lastYear');
  const progress = lastYearDef ? findPart(parts, lastYearDef.id, lastYearDef.heading) : undefined;
  const rest = parts.filter((p) => p !== progress);
  const nothing = rest.find((p) => p.text.trim() && NOTHING.test(bare(p.text)));
  const restChars = bare(partText(rest)).length;
  if (nothing) {
    out.push({
      rule: 'text.problems',
      severity: 'warning',
      message:
        `第五部分${nothing.heading ? `“${nothing.heading}”` : ''}只写了“${nothing.text.trim()}”：` +
        '请写明本年度工作存在的具体问题和改进措施，写“无”在评议中通常扣分',
      cells: [],
      field: { section: 5, part: nothing.id },
    });
  } else if (restChars < MIN_PROBLEMS_CHARS) {
    out.push({
      rule: 'text.problems',
      severity: 'warning',
      message: `第五部分只有${restChars}个字，写不清存在的问题和改进措施：请写明具体问题和对应的改进措施`,
      cells: [],
      field: { section: 5, ...(rest[0] ? { part: rest[0].id } : {}) },
    });
  } else if (!MEASURE.test(partText(rest))) {
    out.push({
      rule: 'text.problems',
      severity: 'warning',
      message: '第五部分没有写改进措施：请在“改进措施”中写明针对所列问题的下一步措施',
      cells: [],
      field: { section: 5, part: defs.find((d) => d.id === 'improvements')?.id ?? rest[0].id },
    });
  }
  if (!last || last.year >= report.year) return;
  const problems = listedProblems(last);
  if (!problems.length) return;
  const answer = progress?.text.trim() ? progress.text : all;
  const missing = problems.filter((p) => !refersTo(answer, p));
  if (!missing.length) return;
  const heading = lastYearDef?.heading ?? '';
  out.push({
    rule: 'text.problems',
    severity: 'warning',
    message:
      `第五部分${heading ? `“${heading}”` : ''}未说明${last.year}年报告所列${missing.length}个问题的整改情况：` +
      `${missing.map((p) => `“${short(p)}”`).join('；')}。请逐条说明整改进展`,
    cells: [],
    field: { section: 5, ...(progress ? { part: progress.id } : {}) },
  });
}
