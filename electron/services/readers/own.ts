// This app's own exports read back exactly (electron/services/docx/README.md): the report JSON
// they carry gives organ, year, format, contact, cover, website, last year and settings; the
// numbers and the narrative come from what is visible (the user may have edited them in Word or
// Excel), matched back onto the JSON's parts and cells.
import { cellsById, getFormat, parseCellId, type FormatDef } from '../../../shared/format';
import { normalizeLabel } from '../../../shared/format/labels';
import { parseBlocks, type ParsedReport } from '../../../shared/parse';
import type { Block } from '../../../shared/parse/lines';
import { readCell } from '../../../shared/parse/values';
import { getCell, parseReportText, setCell, type NarrativePart, type Report } from '../../../shared/report';
import { parseDefinedRef, type XlsxBook } from './xlsx';
import { decodeXml } from './xml';
import type { ZipEntry } from './zip';

/** Same values as REPORT_XML_NS (docx/package.ts) and META_SHEET (xlsx/index.ts); a test keeps them equal. */
export const OWN_DOCX_NS = 'urn:nianbao:report';
export const OWN_XLSX_SHEET = '_nianbao';

const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const sameParagraphs = (a: string, b: string) => paragraphs(a).join('\n') === paragraphs(b).join('\n');
const headingKey = (h: string) => normalizeLabel(h.replace(/^\s*[（(][一二三四五六七八九十]+[)）]\s*/, ''));

/** The JSON's parts, their text taken from the parts read in the document (matched by heading). */
function mergeParts(saved: NarrativePart[], read: NarrativePart[]): NarrativePart[] {
  const visible = read.filter((p) => p.text.trim());
  const used = new Set<NarrativePart>();
  const out = saved.map((p) => {
    const match = visible.find((r) => !used.has(r) && headingKey(r.heading) === headingKey(p.heading));
    if (!match) return { ...p, text: p.text.trim() ? '' : p.text };
    used.add(match);
    return { ...p, text: sameParagraphs(match.text, p.text) ? p.text : match.text };
  });
  let n = out.filter((p) => p.id.startsWith('extra-')).length;
  for (const r of visible) if (!used.has(r)) out.push({ ...r, id: `extra-${++n + 100}` });
  return out;
}

function tableKeys(
  format: FormatDef,
): ('activeDisclosure' | 'activeDisclosure2019' | 'applications' | 'reviewLitigation')[] {
  return [format.disclosureKey, 'applications', 'reviewLitigation'];
}

function embeddedDocxReport(entries: ZipEntry[], read: (e: ZipEntry) => string): Report | null {
  for (const e of entries) {
    if (!/^customXml\/item\d*\.xml$/.test(e.name) || e.size > 5 * 1024 * 1024) continue;
    const xml = read(e);
    if (!xml.includes(OWN_DOCX_NS)) continue;
    const m = xml.match(/<nianbao\b[^>]*>([\s\S]*)<\/nianbao>/);
    if (!m) continue;
    const parsed = parseReportText(decodeXml(m[1]));
    if (parsed.ok) return parsed.report;
  }
  return null;
}

export function readOwnDocx(entries: ZipEntry[], read: (e: ZipEntry) => string, blocks: Block[]): ParsedReport | null {
  const saved = embeddedDocxReport(entries, read);
  if (!saved) return null;
  const format = getFormat(saved.format);
  const visible = parseBlocks(blocks, { known: { org: saved.org, year: saved.year, format: saved.format } });
  const report: Report = { ...saved };
  const rowsRead = new Set(visible.stats.rowsRead);
  let edited = 0;
  for (const key of tableKeys(format)) {
    const from =
      key === 'applications'
        ? visible.report.applications
        : key === 'reviewLitigation'
          ? visible.report.reviewLitigation
          : (visible.report[key] ?? {});
    const into = { ...(report[key] ?? {}) };
    for (const [rowId, row] of Object.entries(into)) {
      if (!rowsRead.has(`${key}.${rowId}`)) continue;
      const next = { ...row };
      for (const colId of Object.keys(row)) {
        const v = from[rowId]?.[colId] ?? null;
        if (v !== row[colId]) edited++;
        next[colId] = v;
      }
      into[rowId] = next;
    }
    report[key] = into;
  }
  report.preamble = sameParagraphs(visible.report.preamble, saved.preamble) ? saved.preamble : visible.report.preamble;
  report.narrative = {
    overview: mergeParts(saved.narrative.overview, visible.report.narrative.overview),
    problems: mergeParts(saved.narrative.problems, visible.report.narrative.problems),
    other: mergeParts(saved.narrative.other, visible.report.narrative.other),
  };
  const problems = [...visible.problems];
  if (edited) problems.unshift(`文档中有${edited}个数字与导出时不同（可能在 Word 中修改过），已按文档中显示的数字读取`);
  return { report, problems, stats: { ...visible.stats, tablesFound: true, titleFound: true } };
}

export function readOwnXlsx(book: XlsxBook, names: { name: string; ref: string }[]): ParsedReport | null {
  const meta = book.sheets.find((s) => s.name === OWN_XLSX_SHEET);
  if (!meta) return null;
  const jsonRow = meta.rows.find((r) => r[0] === 'json');
  if (!jsonRow) return null;
  const parsed = parseReportText(jsonRow.slice(1).join(''));
  if (!parsed.ok) return null;
  let report = parsed.report;
  const format = getFormat(report.format);
  const cells = cellsById(format);
  const problems: string[] = [];
  let read = 0;
  let edited = 0;
  for (const { name, ref } of names) {
    if (!parseCellId(name) || !cells.has(name)) continue;
    const at = parseDefinedRef(ref);
    const sheet = at && book.sheets.find((s) => s.name === at.sheet);
    if (!at || !sheet) continue;
    const v = readCell(sheet.cells.get(`${at.row},${at.col}`) ?? '');
    read++;
    const value = v.kind === 'number' ? v.value : null;
    if (v.kind === 'text' || v.kind === 'huge')
      problems.push(`“${cells.get(name)!.rowLabel}”的“${cells.get(name)!.colLabel}”不是数字，按空白处理`);
    if (value !== getCell(report, name)) edited++;
    report = setCell(report, name, value);
  }
  if (!read) {
    const visible = parseBlocks(
      book.sheets
        .filter((s) => s.state === 'visible')
        .flatMap((s): Block[] => [
          { type: 'p', text: s.name },
          { type: 'table', rows: s.rows, merged: s.merged },
        ]),
      { known: { org: report.org, year: report.year, format: report.format } },
    );
    return {
      report: { ...report, ...pickTables(visible.report, format) },
      problems: visible.problems,
      stats: visible.stats,
    };
  }
  if (edited) problems.unshift(`表格中有${edited}个数字与导出时不同（可能在 Excel 中修改过），已按表格中的数字读取`);
  return {
    report,
    problems,
    stats: {
      format: report.format,
      formatBy: 'labels',
      titleFound: true,
      sections: [],
      cells: { disclosure: 0, applications: read, review: 0 },
      tablesFound: true,
      rowsRead: [],
    },
  };
}

function pickTables(r: Report, format: FormatDef): Partial<Report> {
  const out: Partial<Report> = { applications: r.applications, reviewLitigation: r.reviewLitigation };
  if (format.disclosureKey === 'activeDisclosure2019') out.activeDisclosure2019 = r.activeDisclosure2019;
  else out.activeDisclosure = r.activeDisclosure;
  return out;
}
