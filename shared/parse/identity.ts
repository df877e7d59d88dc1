// Stage 4: whose report it is and for which year. The title first; then what the text says
// (统计期限, a report title quoted in the text, the opening words of 一, the date it was written,
// the year named most often). Whatever was not taken from the title is said, to be checked.
import { QUOTED_TITLE, STATISTICAL_PERIOD } from '../format/document';
import type { FrontMatter } from './front';
import type { NarrativeText } from './narrative';
import type { Stage } from './stage';

export interface Identity {
  org: string;
  year: number;
}

export interface IdentityOptions {
  fallbackYear?: number;
  known?: { org: string; year: number };
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

export function identityStage(
  { front }: FrontMatter,
  text: NarrativeText,
  options: IdentityOptions = {},
): Stage<Identity> {
  const problems: string[] = [];
  let year = options.known?.year ?? front.year;
  const opening = text.sections[1]?.[0]?.text ?? '';
  if (year === null) {
    const fromText = yearFromText([...front.preamble, ...front.cover.body, ...text.prose]);
    const openingYear = opening.match(/^\s*(\d{4})\s*年/);
    const date = front.cover.date || text.endDate;
    let how = '';
    if (fromText) ({ year, how } = fromText);
    else if (openingYear) [year, how] = [Number(openingYear[1]), '第一部分开头'];
    else if (date) {
      const [y, m] = date.split('-').map(Number);
      [year, how] = [m <= 6 ? y - 1 : y, '成文日期'];
    } else {
      const y = mostFrequentYear(text.prose);
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
      text.endSignature ||
      '';
    if (org)
      problems.push(
        front.titleFound ? `标题中没有机关名称，取“${org}”，请核对` : `未找到报告标题，机关名称取“${org}”，请核对`,
      );
    else problems.push('未能识别机关名称，请在报告中填写');
  }
  return { value: { org, year }, problems: problems.map((message) => ({ message })) };
}
