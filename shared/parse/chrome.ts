// The page around a report published on a government website: the breadcrumb (当前位置：首页 >
// 政务公开 > …), the article's particulars (标题:, 发布时间:, 来源:, 浏览次数:, 索引号: …), the
// tools (字号 大 中 小, 打印本页, 关闭窗口) and the site's footer (主办单位, 版权所有, ICP备). They
// are dropped; the value after 标题: is kept as the title. Text copied from such a page may
// come as one long line: it is first cut before the page's labels and the report's section
// headings, so that every later stage meets the lines it expects.
import { FORMATS } from '../format';
import { normalizeLabel } from '../format/labels';
import type { Line } from './lines';
import { PAGE_NUMBER_LINE } from './paragraphs';
import type { Stage } from './stage';

const SP = '[\\s\\u3000]*';
const BREADCRUMB = new RegExp(`^${SP}(?:您?(?:当前|现在)?(?:所在)?的?位置|当前栏目)${SP}[：:]`);
const CRUMBS = /^[\s\u3000]*(?:首页|网站首页)[\s\u3000]*(?:[>»›＞→/|｜]|$)/;
/** Labels of an article's particulars; 标题 keeps its value (the title). */
const PARTICULARS = [
  '标题',
  '标\u3000\u3000题',
  '发布时间',
  '发布日期',
  '生成日期',
  '更新时间',
  '时间',
  '日期',
  '来源',
  '信息来源',
  '文章来源',
  '发布机构',
  '发文机关',
  '作者',
  '编辑',
  '责任编辑',
  '浏览次数',
  '浏览量',
  '点击数',
  '点击量',
  '阅读次数',
  '访问量',
  '字号',
  '索引号',
  '信息索引号',
  '信息名称',
  '发文日期',
  '成文日期',
  '公开日期',
  '所属机构',
  '发布单位',
  '文号',
  '发文字号',
  '主题分类',
  '体裁分类',
  '组配分类',
  '服务对象',
  '公开方式',
  '公开范围',
  '公开时限',
  '有效性',
  '关键词',
  '分享到',
  '【字体',
];
// No label holds a character special in a pattern.
const LABEL_SOURCE = PARTICULARS.join('|');
const PARTICULAR = new RegExp(`^${SP}(?:${LABEL_SOURCE})${SP}[：:]`);
const TITLE_LABEL = new RegExp(`^${SP}标${SP}题${SP}[：:]${SP}`);
/** Words only a site's tools and footer use (on a short line without a sentence). */
const SITE_WORDS =
  /版权所有|主办单位|承办单位|主办[：:]|承办[：:]|网站标识码|ICP备|ICP证|公网安备|技术支持|网站地图|联系我们|关于我们|扫一扫|打印本页|关闭窗口|【打印】|【关闭】|打印文章|关闭本页|返回顶部|设为首页|加入收藏|无障碍|长者模式|适老化|上一篇|下一篇|相关链接|相关文章|用手机扫描|字号[：:]?[\s\u3000]*[【[]?大|[【[]大[】\]][\s\u3000]*[【[]中/;

/** True for a piece of text that belongs to the page around the report, not to the report. */
export function isPageChrome(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (BREADCRUMB.test(t) || CRUMBS.test(t)) return true;
  if (PARTICULAR.test(t) && !TITLE_LABEL.test(t)) return t.length <= 80;
  return t.length <= 80 && !/[。；;]/.test(t) && SITE_WORDS.test(t);
}

// ───────────── one long line cut into lines ─────────────

/** Where a long line is cut: before the page's labels and before each section heading. */
function cutPoints(): RegExp {
  const headings = new Set<string>();
  for (const f of Object.values(FORMATS))
    for (const s of f.sections) for (const h of [s.heading, ...(s.aliases ?? [])]) headings.add(`${s.numeral}、${h}`);
  const head = [...headings].map((h) => h.replace(/[（）()]/g, (c) => `\\${c}`)).join('|');
  const labels = [
    ...PARTICULARS.filter((l) => l.length >= 2 && !l.startsWith('【')),
    '当前位置',
    '您当前的位置',
    '您现在的位置',
  ].join('|');
  // A label only where a word begins (资金来源： in the text is not the page's 来源：).
  return new RegExp(
    `(?<=^|[\\s\\u3000])(?:${labels})${SP}[：:]|${TITLE_RUN_ON}|${head}|(?:【?(?:打印本页|关闭窗口)|【打印】|【关闭】|版权所有|主办单位)`,
    'g',
  );
}

let CUTS: RegExp | null = null;
/** 标题: run on after the breadcrumb (…政府信息公开年报标题:某某局2022年…报告): cut there too. */
const TITLE_RUN_ON = `标${SP}题${SP}[：:](?=[^：:]{0,80}?政府信息公开工作年度报告)`;
/** The title's end, before a space or a page label run on to it (…年度报告发布时间:2023-01-20). */
const TITLE_END = new RegExp(
  `政府信息公开工作年度报告(?=[\\s\\u3000]+\\S|(?:${PARTICULARS.filter((l) => !l.startsWith('【')).join('|')})${SP}[：:])`,
  'g',
);
const MIN_RUN_ON = 300;

/** A heading of a narrative part run on into its text: （一）健全组织机构，责任落实到人 成立了… */
const SUB_HEAD_RUN_ON = /^[\s\u3000]*[（(][一二三四五六七八九十]{1,3}[)）][^。；;\s\u3000]{2,30}(?=[\s\u3000]+\S)/;

/**
 * A whole page on one line, cut into lines: before each label of the page and each section
 * heading (and after it), after a title run on into the text; within 一、五、六 also at each
 * paragraph's end (。 followed by a space) and after a sub-heading run on into its text.
 * A long line that holds none of these (one long paragraph) is left whole.
 */
export function cutRunOn(text: string): string[] {
  CUTS ??= cutPoints();
  const at = new Set<number>();
  let headings = 0;
  for (const m of text.matchAll(CUTS)) {
    if (m.index > 0) at.add(m.index);
    if (/^[一二三四五六七八九十]、/.test(m[0])) {
      headings++;
      at.add(m.index + m[0].length);
    }
  }
  if (!at.size || (headings < 2 && !PARTICULAR.test(text) && !BREADCRUMB.test(text) && text.length >= MIN_RUN_ON))
    return [text];
  for (const m of text.matchAll(TITLE_END)) at.add(m.index + m[0].length);
  const points = [...at].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  // Within a narrative section (after 一、 五、 六、 up to the next heading): paragraphs.
  const out: string[] = [];
  let narrative = false;
  for (const piece of pieces.flatMap(splitParticular)) {
    const t = piece.trim();
    if (!t) continue;
    const head = t.match(/^([一二三四五六七八九十])、/);
    if (head && isSectionHeading(t)) {
      narrative = ['一', '五', '六'].includes(head[1]);
      out.push(t);
      continue;
    }
    if (!narrative) {
      out.push(t);
      continue;
    }
    for (const para of t.split(/(?<=[。！？!?；;])[\s\u3000]+/)) {
      const sub = para.match(SUB_HEAD_RUN_ON);
      if (sub) out.push(sub[0].trim(), para.slice(sub[0].length).trim());
      else out.push(para.trim());
    }
  }
  return out.filter(Boolean);
}

let HEADINGS: Set<string> | null = null;
function isSectionHeading(text: string): boolean {
  HEADINGS ??= new Set(
    Object.values(FORMATS).flatMap((f) =>
      f.sections.flatMap((s) => [s.heading, ...(s.aliases ?? [])].map((h) => `${s.numeral}、${h}`)),
    ),
  );
  return HEADINGS.has(text.trim());
}

/** `发布时间: 2023-01-20 10:20 本报告…` -> the particular and what follows it. */
function splitParticular(piece: string): string[] {
  const t = piece.trim();
  if (TITLE_LABEL.test(t)) return [t];
  const label = t.match(new RegExp(`^(?:${LABEL_SOURCE}|当前位置|您当前的位置|您现在的位置)${SP}[：:]${SP}`));
  if (!label) return [piece];
  const rest = t.slice(label[0].length);
  // 大 中 小 (the font size), a date and time, a breadcrumb (a > b > c), or one word.
  const value =
    rest.match(/^[【[(（]?[\s\u3000]*大[^大中小]{0,4}中[^大中小]{0,4}小[\s\u3000]*[】\])）]?/)?.[0] ??
    rest.match(/^[\d\-/.年月日时分秒:：\s]+(?=\s|$)/)?.[0] ??
    rest.match(/^(?:[^\s>»›＞]+[\s\u3000]*[>»›＞][\s\u3000]*)+[^\s>»›＞]+/)?.[0] ??
    rest.match(/^\S*/)?.[0] ??
    '';
  const after = rest.slice(value.length).trim();
  return after ? [label[0] + value, after] : [t];
}

// ───────────── the stage ─────────────

const textLine = (text: string): Line => ({ cells: [text], strong: false, table: -1, para: true });

/**
 * Lines without the page around the report. A run-on line (a whole page copied as one line)
 * is cut first; 标题: xxx becomes the line xxx.
 */
export function dropPageChrome(lines: Line[]): Stage<Line[]> {
  const out: Line[] = [];
  let dropped = 0;
  for (const line of lines) {
    const texts = line.para
      ? line.cells[0].length >= MIN_RUN_ON || PARTICULAR.test(line.cells[0]) || BREADCRUMB.test(line.cells[0])
        ? cutRunOn(line.cells[0])
        : [line.cells[0]]
      : null;
    if (!line.para && line.cells[0]?.trim() === '首页') {
      dropped++; // the site's navigation bar (首页 | 政务公开 | …)
      continue;
    }
    if (!texts) {
      // A row of particulars (索引号：| … | 发布机构：| …) is the page's, not a table of the report.
      const cells = line.cells.map((c) => c.trim()).filter(Boolean);
      const labels = cells.filter((c) => PARTICULAR.test(c) || isPageChrome(c)).length;
      if (cells.length && labels * 2 >= cells.length && (PARTICULAR.test(cells[0]) || isPageChrome(cells[0]))) {
        dropped++;
        continue;
      }
      if (cells.length === 1 && isPageChrome(cells[0])) {
        dropped++;
        continue;
      }
      out.push(line);
      continue;
    }
    const kept = texts.length === 1 && texts[0] === line.cells[0];
    for (const piece of texts) {
      const t = piece.trim();
      // A page number left in a document converted from a PDF (- 1 -) is no paragraph either.
      if (isPageChrome(t) || PAGE_NUMBER_LINE.test(t)) {
        dropped++;
        continue;
      }
      const title = t.replace(TITLE_LABEL, '');
      if (title !== t) {
        if (title) out.push({ ...textLine(title), ...(line.role ? { role: line.role } : {}) });
        continue;
      }
      out.push(kept ? line : { ...textLine(piece.trim()), ...(line.role ? { role: line.role } : {}) });
    }
  }
  return { value: dropped ? dedupeTitle(out) : out, problems: [] };
}

/** A page that shows the title as 标题: and again above the text keeps it once. */
function dedupeTitle(lines: Line[]): Line[] {
  const seen = new Set<string>();
  return lines.filter((l, i) => {
    if (!l.para || i > 12) return true;
    const k = normalizeLabel(l.cells[0]);
    if (!k.endsWith('报告')) return true;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
