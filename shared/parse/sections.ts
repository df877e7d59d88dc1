// Finding the six sections by their headings: 一、总体情况 … 六、其他需要报告的事项, also
// without the numeral (存在的主要问题及改进情况), with the other spellings of the format, and with
// text run on after the heading (六、其他需要报告的事项：无。). Headings must come in order.
import type { FormatDef } from '../format';
import { prepareLabel, scorePrepared, type PreparedLabel } from '../format/match';
import { normalizeLabel } from '../format/labels';
import { singleText, type Line } from './lines';
import type { Range } from './tables';
import type { Stage } from './stage';

export interface SectionHit {
  no: number;
  line: number;
  /** Text that followed the heading on the same line. */
  rest: string;
}

const NUMERAL_PREFIX = /^\s*([一二三四五六七八九十]+)\s*[、.．]\s*/;

function headingsOf(format: FormatDef): { no: number; numeral: string; labels: PreparedLabel[]; raw: string[] }[] {
  return format.sections.map((s) => {
    const raw = [s.heading, ...(s.aliases ?? [])];
    return { no: s.no, numeral: s.numeral, labels: raw.map(prepareLabel), raw: raw.map(normalizeLabel) };
  });
}

/** Stage 1: where each section begins; a narrative section not found is a problem. */
export function sectionsStage(lines: Line[], format: FormatDef): Stage<SectionHit[]> {
  const hits = findSections(lines, format);
  const problems = format.sections
    .filter((s) => s.kind === 'narrative' && !hits.some((h) => h.no === s.no))
    .map((s) => ({ message: `未找到“${s.numeral}、${s.heading}”部分` }));
  return { value: hits, problems };
}

/** The lines of section `no` (after its heading, up to the next one found), or null. */
export function rangeOf(hits: SectionHit[], no: number, total: number): Range | null {
  const i = hits.findIndex((h) => h.no === no);
  if (i < 0) return null;
  return { from: hits[i].line + 1, to: i + 1 < hits.length ? hits[i + 1].line : total };
}

export function findSections(lines: Line[], format: FormatDef): SectionHit[] {
  const heads = headingsOf(format);
  const hits: SectionHit[] = [];
  let last = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.role && line.role !== 'heading') continue;
    const text = singleText(line);
    if (!text || text.length > 200) continue;
    const numeral = text.match(NUMERAL_PREFIX)?.[1] ?? '';
    // A cell on a line of its own is a heading only with its numeral (三、本年度办理结果 is not).
    const cellOnly = !line.para && !line.strong;
    if (cellOnly && (!numeral || line.cells.length !== 1)) continue;
    const c = prepareLabel(text.replace(NUMERAL_PREFIX, ''));
    for (const h of heads) {
      if (h.no <= last) continue;
      if (numeral && numeral !== h.numeral) continue;
      // A paragraph styled as a heading by this app's export: its numeral is enough.
      if (line.role === 'heading' && numeral) {
        hits.push({ no: h.no, line: i, rest: '' });
        last = h.no;
        break;
      }
      // The whole line is the heading (possibly with a trailing colon or full stop).
      const core = c.core.replace(/[：:。.]$/, '');
      if (h.labels.some((l) => scorePrepared({ core, enumeration: '' }, { core: l.core, enumeration: '' }) >= 100)) {
        hits.push({ no: h.no, line: i, rest: '' });
        last = h.no;
        break;
      }
      // Heading with text run on after it: needs its numeral, then the heading, then punctuation.
      if (numeral && !cellOnly) {
        const body = normalizeLabel(text.replace(NUMERAL_PREFIX, ''));
        const label = h.raw.map((r) => r.replace(NUMERAL_PREFIX, '')).find((r) => body.startsWith(r));
        if (label && /^[：:。.，,]/.test(body.slice(label.length))) {
          const restStart = findRestStart(text, label.length);
          hits.push({ no: h.no, line: i, rest: text.slice(restStart).trim() });
          last = h.no;
          break;
        }
      }
      // A numbered short line that begins like the heading or holds it (五、存在的主要问题及改进措施,
      // 五、政府信息公开工作存在的主要问题及改进情况): the numeral and some words in common.
      if (
        numeral &&
        !cellOnly &&
        core.length <= 40 &&
        !/[。；;]/.test(text) &&
        h.labels.some((l) => similar(core, l.core))
      ) {
        hits.push({ no: h.no, line: i, rest: '' });
        last = h.no;
        break;
      }
    }
  }
  return hits;
}

/** Same beginning (6 characters or most of the shorter), or one holding the other. */
function similar(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return false;
  if (a.includes(b) || b.includes(a)) return true;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= Math.min(6, Math.ceil(Math.min(a.length, b.length) * 0.6));
}

/** Position in the original text after `n` label characters (spaces in the original are skipped) and the punctuation. */
function findRestStart(text: string, n: number): number {
  let i = text.replace(NUMERAL_PREFIX, '').length;
  i = text.length - i;
  let seen = 0;
  while (i < text.length && seen < n) {
    if (!/\s/.test(text[i])) seen++;
    i++;
  }
  while (i < text.length && /[\s：:。.，,]/.test(text[i])) i++;
  return i;
}
