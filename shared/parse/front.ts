// What comes before 一、总体情况: the cover letter when there is one (sample 000), the title
// (<机关>YYYY年政府信息公开工作年度报告, also over several lines, or without the organ or the year)
// and the preamble. Also the contact lines, wherever they are.
import {
  CONTACT_LABELS,
  CONTACT_OFFICE,
  COVER_TITLE_PREFIX,
  DATE_LINE,
  PUBLISHED_AT,
  TITLE_WITH_YEAR,
  TITLE_WITHOUT_YEAR,
} from '../format/document';
import type { Contact } from '../report/model';
import { singleText, type Line, type ParagraphRole } from './lines';
import type { SectionHit } from './sections';
import type { Stage } from './stage';
import { isValueish } from './values';

export interface TextLine {
  line: number;
  text: string;
  role?: ParagraphRole;
}

export interface Front {
  titleFound: boolean;
  org: string;
  year: number | null;
  cover: { present: boolean; recipient: string; body: string[]; date: string; signature: string; letterhead: string };
  preamble: string[];
}

/** 年\u3000月\u3000日: a letter's date left to be filled in. */
const EMPTY_DATE = /^[\s\u3000]*年[\s\u3000]*月[\s\u3000]*日[\s\u3000]*$/;

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/[《》“”"]/g, '');

const DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  О: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** 二〇二三年一月三十日 -> 2023年1月30日 (dates of older documents). */
function arabicDate(text: string): string {
  const t = text.replace(/\s+/g, '');
  const m = t.match(/^([〇零О一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/);
  if (!m) return text;
  const small = (s: string) => {
    if (s === '十') return 10;
    if (s.startsWith('十')) return 10 + Number(DIGIT[s[1]]);
    if (s.endsWith('十')) return Number(DIGIT[s[0]]) * 10;
    if (s.length === 3) return Number(DIGIT[s[0]]) * 10 + Number(DIGIT[s[2]]);
    return Number(DIGIT[s]);
  };
  return `${[...m[1]].map((c) => DIGIT[c]).join('')}年${small(m[2])}月${small(m[3])}日`;
}

export function isoDate(text: string): string | null {
  const m = arabicDate(text.normalize('NFKC').trim()).match(DATE_LINE);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function matchTitle(text: string): { org: string; year: number | null } | null {
  // A Markdown title (# 某某局2022年…报告, **…**) is the title without its marks.
  const t = compact(text).replace(/^#{1,6}|^\*\*|\*\*$/g, '');
  if (t.length > 120) return null;
  const m = t.match(TITLE_WITH_YEAR);
  if (m) return { org: m[1], year: Number(m[2]) };
  const n = t.match(TITLE_WITHOUT_YEAR);
  if (n) return { org: n[1], year: null };
  return null;
}

/** True for a line that holds only contact fields (地址：… 电话：…). */
export function isContactLine(text: string): boolean {
  const t = text.trim();
  return CONTACT_LABELS.some((f) => f.labels.some((l) => new RegExp(`^(?:联系)?${l}\\s*[：:]`, 'i').test(t)));
}

export function readFront(texts: TextLine[]): Front {
  const front: Front = {
    titleFound: false,
    org: '',
    year: null,
    cover: { present: false, recipient: '', body: [], date: '', signature: '', letterhead: '' },
    preamble: [],
  };
  let at = 0;
  const coverAt = texts
    .slice(0, 8)
    .findIndex(
      (t) => compact(t.text).startsWith(COVER_TITLE_PREFIX) || compact(t.text).includes(`${COVER_TITLE_PREFIX}`),
    );
  if (coverAt >= 0 && !matchTitle(texts[coverAt].text)) {
    const cover = front.cover;
    cover.present = true;
    cover.letterhead =
      texts
        .slice(0, coverAt)
        .map((t) => t.text.trim())
        .find((t) => t.length <= 40) ?? '';
    let t = coverAt;
    while (t < texts.length && t < coverAt + 4 && !compact(texts[t].text).endsWith('报告')) t++;
    t++;
    if (t < texts.length && /[：:]$/.test(texts[t].text.trim()) && texts[t].text.trim().length <= 40) {
      cover.recipient = texts[t].text.trim().replace(/[：:]$/, '');
      t++;
    }
    const body: string[] = [];
    let dated = false;
    for (; t < texts.length && t < coverAt + 40; t++) {
      const text = texts[t].text.trim();
      const date = isoDate(text);
      if (date || EMPTY_DATE.test(text)) {
        cover.date = date ?? '';
        dated = true;
        t++;
        break;
      }
      if (matchTitle(text)) break;
      body.push(text);
    }
    if (dated && body.length && body[body.length - 1].length <= 40 && !/[。；;]$/.test(body[body.length - 1])) {
      cover.signature = body.pop()!;
    }
    cover.body = body;
    at = t;
  }
  // The title: the fewest short lines (one to four) that together read as a report title, one
  // that names the organ preferred (紫阳县行政审批服务局 / 政府信息公开工作年度报告 over the second alone).
  let titleEnd = -1;
  let fallback: { end: number; year: number | null } | null = null;
  const limit = Math.min(texts.length, at + 10);
  for (let len = 1; len <= 4 && titleEnd < 0; len++) {
    for (let i = at; i + len <= limit && titleEnd < 0; i++) {
      const piece = texts.slice(i, i + len);
      if (piece.some((t) => t.text.length > 80)) continue;
      const m = matchTitle(piece.map((t) => t.text).join(''));
      if (!m) continue;
      const org = m.org.replace(/[，,：:]+$/, '');
      if (org) {
        front.titleFound = true;
        front.org = org;
        front.year = m.year;
        titleEnd = i + len;
      } else fallback ??= { end: i + len, year: m.year };
    }
  }
  if (titleEnd < 0 && fallback) {
    front.titleFound = true;
    front.year = fallback.year;
    titleEnd = fallback.end;
  }
  const rest = texts.slice(titleEnd >= 0 ? titleEnd : at);
  for (const t of rest) {
    const text = t.text.trim();
    if (!text || t.role === 'contact' || t.role === 'title') continue;
    // Without a title, short lines before the first section are taken for pieces of one, not preamble.
    if (titleEnd < 0 && text.length <= 30) continue;
    if (t.role !== 'body' && isContactLine(text)) continue;
    front.preamble.push(text);
  }
  return front;
}

export interface FrontMatter {
  front: Front;
  /** The lines before the first section, as text. */
  texts: TextLine[];
}

/**
 * Stage 2: the lines before the first section (or the first table): cover letter, title,
 * preamble. A workbook may put its title after the first heading (sheet name, then the
 * sheet's title row): looked for there when the front has none.
 */
export function frontStage(lines: Line[], hits: SectionHit[]): Stage<FrontMatter> {
  const firstTable = lines.findIndex((l) => !l.para);
  const end = hits.length ? hits[0].line : firstTable >= 0 ? firstTable : lines.length;
  const texts: TextLine[] = [];
  for (let i = 0; i < end; i++) {
    const l = lines[i];
    const t = l.para || l.strong ? singleText(l) : l.cells.length === 1 && !isValueish(l.cells[0]) ? l.cells[0] : null;
    if (t && t.trim()) texts.push(l.role ? { line: i, text: t.trim(), role: l.role } : { line: i, text: t.trim() });
  }
  const front = readFront(texts);
  if (!front.titleFound) {
    const more: TextLine[] = [];
    for (let i = end; i < lines.length && more.length < 20; i++) {
      const t = singleText(lines[i]);
      if (t && t.trim() && t.length <= 80) more.push({ line: i, text: t.trim() });
    }
    const late = readFront(more);
    if (late.titleFound) Object.assign(front, { titleFound: true, org: late.org, year: late.year });
  }
  return { value: { front, texts }, problems: [] };
}

const URL = /(?:https?:\/\/[^\s，。；;、）)"“”]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[^\s，。；;、）)"“”]*)?)/i;

/** Drops a closing bracket that belongs to the sentence around the value: 0000-1234567) */
function balanced(v: string): string {
  let out = v;
  while (/[)）]$/.test(out) && (out.match(/[)）]/g)?.length ?? 0) > (out.match(/[(（]/g)?.length ?? 0))
    out = out.slice(0, -1).trim();
  return out;
}

const CONTACT_RES = CONTACT_LABELS.map((f) => ({
  field: f.field,
  res: f.labels.map((l) => new RegExp(`${l}\\s*[：:]\\s*`, 'i')),
}));
const CONTACT_HINT = new RegExp(`${CONTACT_LABELS.flatMap((f) => f.labels).join('|')}|联系|电子版|www\\.|https?:`, 'i');

/** Contact fields and the website, from any lines of the report. */
export function readContact(texts: string[]): { contact: Contact; website: string } {
  const contact: Contact = { office: '', address: '', postcode: '', phone: '', fax: '', email: '' };
  let website = '';
  let url = '';
  for (const raw of texts) {
    if (raw.length > 2000 || !CONTACT_HINT.test(raw)) continue;
    const text = raw.normalize('NFKC');
    for (const f of CONTACT_RES) {
      const key = f.field;
      if (key === 'website') continue;
      if (contact[key]) continue;
      for (const re of f.res) {
        const m = re.exec(text);
        if (!m) continue;
        const after = text.slice(m.index + m[0].length);
        let v: string;
        if (key === 'postcode') v = after.match(/^\d{6}/)?.[0] ?? '';
        else if (key === 'phone' || key === 'fax')
          v = after.match(/^[\d\-—–－()（） 、/转,，]+/)?.[0]?.replace(/[、/,，\s]+$/, '') ?? '';
        else if (key === 'email') v = after.match(/^[\w.+-]+@[\w.-]+\.[A-Za-z]{2,}/)?.[0] ?? '';
        else v = after.split(/[；;。]|[（(]?\s*(?:邮编|邮政编码|联系电话|电话|传真)/)[0];
        v = balanced(v.trim().replace(/[，,]$/, ''));
        // 联系人 is a name (the letter's 附注 or the contact sentence), not the rest of a line.
        if (key === 'person' && v.length > 20) v = '';
        if (v) {
          contact[key] = v;
          break;
        }
      }
    }
    if (!contact.postcode) {
      const pc = text.match(/(?:邮编|邮政编码)\s*[：:]?\s*(\d{6})/);
      if (pc) contact.postcode = pc[1];
    }
    if (!contact.office) {
      const o = text.match(CONTACT_OFFICE);
      if (o && !/[我本]/.test(o[1].slice(0, 1))) contact.office = o[1].trim();
    }
    if (!website) {
      const p = raw.match(PUBLISHED_AT);
      if (p) website = p[1].trim();
    }
    if (!url) url = text.match(URL)?.[0]?.replace(/[.]$/, '') ?? '';
  }
  return { contact, website: website || url };
}
