// What changed between two versions of a report, in Chinese lines by section (历史版本, and the
// unsaved edits a window shows when another window saved first). Names come from the format.
import { allCells, getFormat, tableSection, type FormatDef, type SectionDef } from '../format';
import { getCell } from './access';
import { NARRATIVE_SECTIONS, type Cell, type Report } from './model';

/** At most this many cells are named one by one in a section; more are counted. */
const NAMED_CELLS = 3;

const show = (v: Cell) => (v === null ? '空白' : String(v));
const sectionName = (s: SectionDef) => `${s.numeral}、${s.heading}`;

function cellLines(format: FormatDef, before: Report, after: Report): Map<number, string> {
  const changed = new Map<number, string[]>();
  for (const c of allCells(format)) {
    const a = getCell(before, c.id);
    const b = getCell(after, c.id);
    if (a === b) continue;
    const no = tableSection(format, c.table)?.no ?? 0;
    const list = changed.get(no) ?? [];
    list.push(`“${c.rowLabel} · ${c.colLabel}”由${show(a)}改为${show(b)}`);
    changed.set(no, list);
  }
  const out = new Map<number, string>();
  for (const [no, list] of changed) {
    out.set(no, list.length <= NAMED_CELLS ? list.join('，') : `改了 ${list.length} 个数字（${list[0]}，等）`);
  }
  return out;
}

function narrativeLines(before: Report, after: Report): Map<number, string> {
  const out = new Map<number, string>();
  for (const { no, key } of NARRATIVE_SECTIONS) {
    const a = before.narrative[key];
    const b = after.narrative[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const chars = b.reduce((n, p) => n + p.text.length, 0);
    const headings = a.map((p) => p.heading).join('|') !== b.map((p) => p.heading).join('|');
    out.set(no, `${headings ? '小标题和文字' : '文字'}有改动（现共 ${chars} 字）`);
  }
  return out;
}

const COVER_KEYS = ['org', 'year', 'preamble', 'website', 'contact', 'cover'] as const;

/** Changes outside the six sections: format, cover and contact fields, settings, last year's data. */
function otherChanges(before: Report, after: Report): string[] {
  const lines: string[] = [];
  if (before.format !== after.format) lines.push(`报告格式改为${getFormat(after.format).name}`);
  if (COVER_KEYS.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])))
    lines.push('报送信息（机关名称、年度、成文日期、联系方式等）有改动');
  if (before.settings.autoTotals !== after.settings.autoTotals)
    lines.push(after.settings.autoTotals ? '改为自动计算合计' : '改为手动填写合计');
  if (JSON.stringify(before.previous) !== JSON.stringify(after.previous)) lines.push('上年报告的数据有改动');
  return lines;
}

/** The changes from `before` to `after`, one line per part of the report; empty when they are the same. */
export function describeChanges(before: Report, after: Report): string[] {
  const format = getFormat(after.format);
  const lines: string[] = [];
  const cells = cellLines(format, before, after);
  const texts = narrativeLines(before, after);
  for (const s of format.sections) {
    const what = s.kind === 'table' ? cells.get(s.no) : texts.get(s.no);
    if (what) lines.push(`${sectionName(s)}：${what}`);
  }
  return [...otherChanges(before, after), ...lines];
}

/**
 * Everything `after` holds that `before` does not, as plain text to copy: each changed cell with
 * its value, and the whole text of each changed narrative part (what a window could not save).
 */
export function changesAsText(before: Report, after: Report): string {
  const format = getFormat(after.format);
  const out: string[] = [];
  for (const c of allCells(format)) {
    const b = getCell(after, c.id);
    if (getCell(before, c.id) !== b) out.push(`${c.rowLabel} · ${c.colLabel}：${show(b)}`);
  }
  for (const { no, key } of NARRATIVE_SECTIONS) {
    const section = format.sections.find((s) => s.no === no);
    const old = new Map(before.narrative[key].map((p) => [p.id, p]));
    for (const p of after.narrative[key]) {
      const was = old.get(p.id);
      if (was && was.text === p.text && was.heading === p.heading) continue;
      const title = [section ? sectionName(section) : '', p.heading].filter(Boolean).join(' ');
      out.push(`【${title}】\n${p.text}`);
    }
  }
  return [...out, ...otherChanges(before, after)].join('\n\n');
}
