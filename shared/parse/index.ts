// Text and table grids -> a report, plus what could not be read (Chinese, for the user).
// Layout-independent: the readers (docx, xlsx, pdf, doc, html, txt, pasted text) all hand over
// lines (lines.ts); everything is found by its labels from shared/format. The parse is a row of
// named stages, each returning its value and its own problems (stage.ts):
//   page chrome (chrome.ts) → sections (sections.ts) → front matter (front.ts) → narrative
//   (narrative.ts) → organ and year (identity.ts) → format (detect.ts) → tables (tables.ts)
//   → assembly (assemble.ts).
// Plain text first has its paragraphs rebuilt (paragraphs.ts: page numbers, running headers,
// printed line breaks).
import { format2021, type FormatDef, type FormatId } from '../format';
import type { Report } from '../report/model';
import { assembleReport, cellProblems, type CellProblem, type TablesRead } from './assemble';
import { dropPageChrome } from './chrome';
import { formatStage } from './detect';
import { frontStage } from './front';
import { identityStage } from './identity';
import { blocksToLines, type Block, type Line } from './lines';
import { narrativeStage } from './narrative';
import { rebuildParagraphs } from './paragraphs';
import { rangeOf, sectionsStage, type SectionHit } from './sections';
import { problem, type ParseProblem, type Stage } from './stage';
import type { TableLedger, TableProblem } from './ledger';
import type { Range } from './tables';
import { readTables } from './tables-stage';
import { textToLines } from './text';
import { htmlToBlocks } from './html';

export type { Block, Line } from './lines';
export type { CellProblem } from './assemble';
export type { ParseProblem, Stage } from './stage';
export { textToLines, cleanText } from './text';
export { htmlToBlocks } from './html';
export { blocksToLines } from './lines';
export type { TableLedger, TableProblem } from './ledger';
export { separateReadingFindings } from './reading-findings';

export interface ParseOptions {
  /** Year to use when the file names none (the reader's guess, e.g. last year). */
  fallbackYear?: number;
  /** Organ, year and format already known (this app's own export carries them): not guessed. */
  known?: { org: string; year: number; format: FormatId };
  /** How plain text lays out its rows (see TextLayout). */
  textRows?: 'real' | 'stream';
  /** Last year's report of the same organ, when known: helps split digits run together (rule 6). */
  previous?: Report | null;
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
  /** The cells the preview marks (blank, or named by a problem), with why. */
  cellProblems?: CellProblem[];
  stats: ParseStats;
  /** The tables stage's problems, each naming its cells, and its ledger of rows (tables-stage.ts). */
  tables?: { problems: TableProblem[]; ledger: TableLedger };
}

/** Characters of text parsed at most (a report is some 10–50 thousand). */
export const MAX_PARSE_CHARS = 5_000_000;

interface TablesStage extends TablesRead {
  cells: ParseStats['cells'];
  found: boolean;
  ledger: TableLedger;
  /** The tables stage's own problems (with their kind, rows and cells). */
  tableProblems: TableProblem[];
}

/** Stage 6: the three tables (tables-stage.ts), each looked for in its own section (or anywhere when the heading is missing). */
function tablesStage(
  lines: Line[],
  hits: SectionHit[],
  format: FormatDef,
  previous?: Report | null,
): Stage<TablesStage> {
  const whole: Range = { from: 0, to: lines.length };
  const tables = readTables({
    lines,
    format,
    previous,
    ranges: {
      disclosure: rangeOf(hits, 2, lines.length) ?? whole,
      applications: rangeOf(hits, 3, lines.length) ?? whole,
      review: rangeOf(hits, 4, lines.length) ?? whole,
    },
  });
  const { disclosure, applications: matrix, review, tablesFound: found } = tables.value;
  const problems: ParseProblem[] = found
    ? tables.problems
    : [problem('未找到表格：文件中没有二、三、四部分的统计表，只读取了文字部分')];
  return {
    value: {
      disclosure: disclosure.data,
      applications: matrix.data,
      review: review.data,
      rowsRead: [
        ...disclosure.found.map((id) => `${format.disclosureKey}.${id}`),
        ...matrix.found.map((id) => `applications.${id}`),
        ...review.found.map((id) => `reviewLitigation.${id}`),
      ],
      cells: { disclosure: disclosure.cells, applications: matrix.cells, review: review.cells },
      found,
      ledger: tables.ledger,
      tableProblems: tables.problems,
    },
    problems,
  };
}

export function parseLines(allLines: Line[], options: ParseOptions = {}): ParsedReport {
  const problems: ParseProblem[] = [];
  const capped = allLines.length > 200_000 ? allLines.slice(0, 200_000) : allLines;
  if (capped !== allLines) problems.push(problem('文件内容过长，只读取了前面部分'));
  const lines = options.known ? capped : dropPageChrome(capped).value;

  const sections = sectionsStage(lines, format2021);
  const front = frontStage(lines, sections.value);
  const text = narrativeStage(lines, sections.value, front.value, format2021);
  const identity = identityStage(front.value, text.value, options);
  const format = formatStage(lines, identity.value.year, options.known?.format);
  const tables = tablesStage(lines, sections.value, format.value.format, options.previous);
  const report = assembleReport(identity.value, format.value.format, front.value, text.value, tables.value);

  // The order a clerk reads them in: organ and year, then the tables, then the sections missing.
  problems.push(...identity.problems, ...front.problems, ...text.problems, ...format.problems, ...tables.problems);
  problems.push(...sections.problems);
  return {
    report,
    problems: problems.map((p) => p.message),
    cellProblems: cellProblems(report, format.value.format, problems, tables.value.rowsRead),
    tables: {
      problems: tables.value.found ? tables.value.tableProblems : [],
      ledger: tables.value.ledger,
    },
    stats: {
      format: format.value.format.id,
      formatBy: format.value.by,
      titleFound: front.value.front.titleFound,
      sections: sections.value.map((h) => h.no),
      cells: tables.value.cells,
      tablesFound: tables.value.found,
      rowsRead: tables.value.rowsRead,
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
  const rebuilt = rebuildParagraphs(capText(text, early)).value.text;
  const out = parseLines(textToLines(rebuilt, { rows: options.textRows }), options);
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
  const spans: TableProblem[] = [];
  const out = parseBlocks(htmlToBlocks(capText(html, early), spans), options);
  out.problems.unshift(...early, ...spans.map((p) => p.message));
  out.tables?.problems.unshift(...spans);
  return out;
}

/**
 * Whether what was parsed is (part of) an annual report: its title, one of its section headings
 * or one of its tables is enough — such a file is read for whatever it holds, never refused.
 */
export function looksLikeReport(stats: ParseStats): boolean {
  return stats.tablesFound || stats.sections.length >= 1 || stats.titleFound;
}
