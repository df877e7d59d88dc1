// Text and table grids -> a report, plus what could not be read (Chinese, for the user).
// Layout-independent: the readers (docx, xlsx, pdf, doc, html, txt, pasted text) all hand over
// lines (lines.ts); everything is found by its labels from shared/format.
import { format2019, format2021, getFormat, requiredFormatFor, type FormatDef, type FormatId } from '../format';
import { QUOTED_TITLE, STATISTICAL_PERIOD } from '../format/document';
import { prepareLabel, scorePrepared, type PreparedLabel } from '../format/match';
import { defaultCoverBody, emptyReport } from '../report/defaults';
import type { Narrative, Report } from '../report/model';
import { isContactLine, isoDate, readContact, readFront, type TextLine } from './front';
import { distinctiveLabels } from './lexicon';
import { blocksToLines, singleText, type Block, type Line } from './lines';
import { splitParts, type Paragraph } from './narrative';
import { findSections, type SectionHit } from './sections';
import { readDisclosure, readMatrix, readReview, type Range } from './tables';
import { tokensOf } from './tokens';
import { textToLines } from './text';
import { htmlToBlocks } from './html';
import { isValueish } from './values';

export type { Block, Line } from './lines';
export { textToLines, cleanText } from './text';
export { htmlToBlocks } from './html';
export { blocksToLines } from './lines';

export interface ParseOptions {
  /** Year to use when the file names none (the reader's guess, e.g. last year). */
  fallbackYear?: number;
  /** Organ, year and format already known (this app's own export carries them): not guessed. */
  known?: { org: string; year: number; format: FormatId };
  /** How plain text lays out its rows (see TextLayout). */
  textRows?: 'real' | 'stream';
}

export interface ParseStats {
  format: FormatId;
  /** How the format was decided: by the labels found, or by the year for lack of them. */
  formatBy: 'labels' | 'year';
  titleFound: boolean;
  /** Numbers (1–6) of the section headings found. */
  sections: number[];
  /** Cells read (numbers and real blanks) per table. */
  cells: { disclosure: number; applications: number; review: number };
  /** Whether any of the three tables was found at all. */
  tablesFound: boolean;
  /** Rows read with their numbers, as `<table key>.<row id>` (applications.newReceived …). */
  rowsRead: string[];
}

export interface ParsedReport {
  report: Report;
  problems: string[];
  stats: ParseStats;
}

/** Characters of text parsed at most (a report is some 10–50 thousand). */
export const MAX_PARSE_CHARS = 5_000_000;

let distinct: { f2021: PreparedLabel[]; f2019: PreparedLabel[] } | null = null;

function detectFormat(lines: Line[]): { id: FormatId | null; score: [number, number] } {
  distinct ??= { f2021: distinctiveLabels(format2021, format2019), f2019: distinctiveLabels(format2019, format2021) };
  let a = 0;
  let b = 0;
  const seen = new Set<string>();
  for (const l of lines) {
    for (const cell of l.cells) {
      if (cell.length > 90 || seen.has(cell)) continue;
      seen.add(cell);
      if (seen.size > 5000) break;
      if (!cell.trim() || isValueish(cell)) continue;
      const c = prepareLabel(cell);
      if (distinct.f2021.some((d) => scorePrepared(c, d) > 0)) a++;
      if (distinct.f2019.some((d) => scorePrepared(c, d) > 0)) b++;
    }
  }
  return { id: a > b ? '2021' : b > a ? '2019' : null, score: [a, b] };
}

function rangeOf(hits: SectionHit[], no: number, total: number): Range | null {
  const i = hits.findIndex((h) => h.no === no);
  if (i < 0) return null;
  return { from: hits[i].line + 1, to: i + 1 < hits.length ? hits[i + 1].line : total };
}

/** The running text of a range of lines: paragraphs, and text cells standing alone (tab-indented prose). */
function proseOf(lines: Line[], range: Range): Paragraph[] {
  const out: Paragraph[] = [];
  for (let i = range.from; i < range.to; i++) {
    const l = lines[i];
    let text: string | undefined;
    if (l.para) text = l.cells[0];
    else if (!l.strong && l.cells.length === 1 && l.cells[0].trim() && !isValueish(l.cells[0])) text = l.cells[0];
    else if (l.raw) text = l.raw;
    if (text === undefined || !text.trim()) continue;
    out.push(l.role ? { text: text.trim(), role: l.role } : { text: text.trim() });
  }
  return out;
}

function yearFromText(texts: string[]): { year: number; how: string } | null {
  for (const t of texts) {
    const m = t.match(STATISTICAL_PERIOD);
    if (m && m[1] === m[2]) return { year: Number(m[1]), how: '统计期限' };
  }
  for (const t of texts) {
    const m = t.match(QUOTED_TITLE);
    if (m?.[2]) return { year: Number(m[2]), how: '正文中的报告名称' };
  }
  return null;
}

function mostFrequentYear(texts: string[]): number | null {
  const counts = new Map<number, number>();
  for (const t of texts.slice(0, 80)) {
    for (const m of t.matchAll(/(20\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

function orgFromText(texts: string[]): string {
  for (const t of texts) {
    const q = t.match(QUOTED_TITLE);
    if (q && q[1] && q[1].length <= 40) return q[1].replace(/[“”"]/g, '');
    const m = t.match(/(?:由|本报告是|本报告由)([^，。,；;]{2,40}?)(?:依据|根据|按照|编制|制作)/);
    if (m && !/^[我本]/.test(m[1])) return m[1];
  }
  return '';
}

export function parseLines(allLines: Line[], options: ParseOptions = {}): ParsedReport {
  const problems: string[] = [];
  const lines = allLines.length > 200_000 ? allLines.slice(0, 200_000) : allLines;
  if (lines !== allLines) problems.push('文件内容过长，只读取了前面部分');

  const hits = findSections(lines, format2021);
  const firstTable = lines.findIndex((l) => !l.para);
  const frontEnd = hits.length ? hits[0].line : firstTable >= 0 ? firstTable : lines.length;
  const frontTexts: TextLine[] = [];
  for (let i = 0; i < frontEnd; i++) {
    const l = lines[i];
    const t = l.para || l.strong ? singleText(l) : l.cells.length === 1 && !isValueish(l.cells[0]) ? l.cells[0] : null;
    if (t && t.trim())
      frontTexts.push(l.role ? { line: i, text: t.trim(), role: l.role } : { line: i, text: t.trim() });
  }
  const front = readFront(frontTexts);
  if (!front.titleFound) {
    // A title after the first heading (a workbook: sheet name, then the sheet's title row).
    const more: TextLine[] = [];
    for (let i = frontEnd; i < lines.length && more.length < 20; i++) {
      const t = singleText(lines[i]);
      if (t && t.trim() && t.length <= 80) more.push({ line: i, text: t.trim() });
    }
    const late = readFront(more);
    if (late.titleFound) Object.assign(front, { titleFound: true, org: late.org, year: late.year });
  }

  // Narrative sections: their prose, minus contact lines (kept as contact) and a closing signature.
  const narrativeTexts: Record<number, Paragraph[]> = {};
  const narrativeNos = format2021.sections.filter((s) => s.kind === 'narrative').map((s) => s.no);
  for (const no of narrativeNos) {
    const r = rangeOf(hits, no, lines.length);
    if (!r) continue;
    const hit = hits.find((h) => h.no === no)!;
    narrativeTexts[no] = [...(hit.rest ? [{ text: hit.rest }] : []), ...proseOf(lines, r)];
  }
  const allProse = [
    ...front.preamble,
    ...Object.values(narrativeTexts)
      .flat()
      .map((p) => p.text),
  ];
  let endDate = '';
  let endSignature = '';
  const lastNo = [...narrativeNos].reverse().find((no) => narrativeTexts[no]?.length && hits.at(-1)?.no === no);
  if (lastNo) {
    const texts = narrativeTexts[lastNo];
    const d = texts.length && !texts[texts.length - 1].role ? isoDate(texts[texts.length - 1].text) : null;
    if (d) {
      endDate = d;
      texts.pop();
      const sig = texts[texts.length - 1];
      if (sig && !sig.role && sig.text.length <= 40 && !/[。；;！!]$/.test(sig.text)) endSignature = texts.pop()!.text;
    }
  }
  const { contact, website } = readContact([...frontTexts.map((t) => t.text), ...allProse]);
  for (const no of Object.keys(narrativeTexts)) {
    narrativeTexts[+no] = narrativeTexts[+no].filter(
      (t) => t.role !== 'contact' && (t.role === 'body' || !isContactLine(t.text)),
    );
  }

  // Year and organ: the title first, then what the text says.
  let year = options.known?.year ?? front.year;
  const opening = narrativeTexts[1]?.[0]?.text ?? '';
  if (year === null) {
    const fromText = yearFromText([...front.preamble, ...front.cover.body, ...allProse]);
    const openingYear = opening.match(/^\s*(\d{4})\s*年/);
    const date = front.cover.date || endDate;
    let how = '';
    if (fromText) ({ year, how } = fromText);
    else if (openingYear) [year, how] = [Number(openingYear[1]), '第一部分开头'];
    else if (date) {
      const [y, m] = date.split('-').map(Number);
      [year, how] = [m <= 6 ? y - 1 : y, '成文日期'];
    } else {
      const y = mostFrequentYear(allProse);
      if (y) [year, how] = [y, '正文中出现的年份'];
    }
    if (year !== null && (year < 2000 || year > 2100)) year = null;
    if (year === null) {
      year = options.fallbackYear ?? new Date().getFullYear() - 1;
      problems.push(`未能确定报告的年度，暂按${year}年，请核对`);
    } else if (front.titleFound) {
      problems.push(`标题中没有写年度，按${how}定为${year}年，请核对`);
    } else {
      problems.push(`未找到报告标题，年度按${how}定为${year}年，请核对`);
    }
  }
  let org = options.known ? options.known.org : front.org;
  // A title may shorten the organ (行政审批服务局) that the text quotes in full (《汶上县行政审批服务局2020年…》).
  for (const t of [...front.preamble, ...front.cover.body]) {
    const q = t.match(QUOTED_TITLE)?.[1]?.replace(/[“”"]/g, '');
    if (!options.known && org && q && q.length <= 40 && q !== org && q.endsWith(org)) {
      org = q;
      break;
    }
  }
  if (!org && !options.known) {
    org =
      front.cover.letterhead ||
      front.cover.signature ||
      orgFromText([...front.cover.body, ...front.preamble]) ||
      endSignature ||
      '';
    if (org)
      problems.push(
        front.titleFound ? `标题中没有机关名称，取“${org}”，请核对` : `未找到报告标题，机关名称取“${org}”，请核对`,
      );
    else problems.push('未能识别机关名称，请在报告中填写');
  }

  // The format: by the labels of its tables, or else by the year.
  const detected = detectFormat(lines);
  const formatId: FormatId = options.known?.format ?? detected.id ?? requiredFormatFor(year);
  const format: FormatDef = getFormat(formatId);

  const whole: Range = { from: 0, to: lines.length };
  const tableProblems: string[] = [];
  const all = tokensOf(lines, 0, lines.length);
  const disclosure = readDisclosure(lines, rangeOf(hits, 2, lines.length) ?? whole, format, tableProblems, all);
  const matrix = readMatrix(lines, rangeOf(hits, 3, lines.length) ?? whole, format, tableProblems, all);
  const review = readReview(lines, rangeOf(hits, 4, lines.length) ?? whole, format, tableProblems, all);
  const tablesFound = disclosure.rows + matrix.rows + review.rows > 0;
  if (!tablesFound) problems.push('未找到表格：文件中没有二、三、四部分的统计表，只读取了文字部分');
  else problems.push(...tableProblems);

  const report = emptyReport(org, year, formatId);
  report.preamble = front.preamble.join('\n');
  report.website = website;
  report.contact = contact;
  const coverBody = front.cover.body.join('\n');
  report.cover = {
    ...report.cover,
    recipient: front.cover.recipient || report.cover.recipient,
    body: coverBody === defaultCoverBody(org, year) ? '' : coverBody,
    date: front.cover.date || endDate,
  };
  const narrative: Narrative = { overview: [], problems: [], other: [] };
  const keys: Record<number, keyof Narrative> = { 1: 'overview', 5: 'problems', 6: 'other' };
  for (const s of format.sections) {
    const key = keys[s.no];
    if (!key) continue;
    narrative[key] = splitParts(narrativeTexts[s.no] ?? [], s.parts ?? []);
    if (!hits.some((h) => h.no === s.no)) problems.push(`未找到“${s.numeral}、${s.heading}”部分`);
  }
  report.narrative = narrative;
  if (formatId === '2019') report.activeDisclosure2019 = disclosure.data;
  else report.activeDisclosure = disclosure.data;
  report.applications = matrix.data;
  report.reviewLitigation = review.data;

  return {
    report,
    problems,
    stats: {
      format: formatId,
      formatBy: detected.id || options.known ? 'labels' : 'year',
      titleFound: front.titleFound,
      sections: hits.map((h) => h.no),
      cells: { disclosure: disclosure.cells, applications: matrix.cells, review: review.cells },
      tablesFound,
      rowsRead: [
        ...disclosure.found.map((id) => `${format.disclosureKey}.${id}`),
        ...matrix.found.map((id) => `applications.${id}`),
        ...review.found.map((id) => `reviewLitigation.${id}`),
      ],
    },
  };
}

function capText(text: string, problems: string[]): string {
  if (text.length <= MAX_PARSE_CHARS) return text;
  problems.push('文件内容过长，只读取了前面部分');
  return text.slice(0, MAX_PARSE_CHARS);
}

/** Plain or pasted text -> report. */
export function parseText(text: string, options: ParseOptions = {}): ParsedReport {
  const early: string[] = [];
  const out = parseLines(textToLines(capText(text, early), { rows: options.textRows }), options);
  out.problems.unshift(...early);
  return out;
}

/** Paragraphs and table grids (docx, xlsx readers) -> report. */
export function parseBlocks(blocks: Block[], options: ParseOptions = {}): ParsedReport {
  return parseLines(blocksToLines(blocks), options);
}

/** An HTML page or fragment (a saved web page, the clipboard's HTML) -> report. */
export function parseHtml(html: string, options: ParseOptions = {}): ParsedReport {
  const early: string[] = [];
  const out = parseBlocks(htmlToBlocks(capText(html, early)), options);
  out.problems.unshift(...early);
  return out;
}

/** Whether what was parsed looks like an annual report at all (a title, sections or a table). */
export function looksLikeReport(stats: ParseStats): boolean {
  return stats.tablesFound || stats.sections.length >= 2 || (stats.titleFound && stats.sections.length >= 1);
}
