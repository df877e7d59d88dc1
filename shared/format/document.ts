// Words of the document around the tables, as readers meet them: the title, the cover letter,
// the contact lines and the customary sub-headings of the narrative sections (with the other
// spellings real reports use). Readers match these instead of spelling them out.
import { coverTitle, REPORT_TITLE_SUFFIX } from './index';

/** 关于报送 — how a cover letter's title begins (derived from coverTitle). */
export const COVER_TITLE_PREFIX = coverTitle('\u0000', 2000).split('《')[0];

// 政府信息公开工作年度报告, and what titles also say: 政务公开, without 工作, 的, 年度 left out.
const SUFFIX_LOOSE = REPORT_TITLE_SUFFIX.replace('政府信息公开', '(?:政府信息|政务)公开')
  .replace('工作', '(?:工作)?')
  .replace('年度报告', '(?:的)?(?:年度)?报告');

/** <机关>[关于]YYYY年[度]政府信息公开[工作]年度报告, on a label-normalised (space-free) title. */
export const TITLE_WITH_YEAR = new RegExp(`^(.*?)(?:关于)?(\\d{4})年(?:度)?(?:的)?${SUFFIX_LOOSE}$`);
/** <机关>政府信息公开[工作]年度报告, for titles that leave the year out (sample 000). */
export const TITLE_WITHOUT_YEAR = new RegExp(`^(.*?)${SUFFIX_LOOSE}$`);
/** A report title quoted in running text: 《…YYYY年政府信息公开工作年度报告》. */
export const QUOTED_TITLE = new RegExp(`《([^《》]*?)(?:(\\d{4})年(?:度)?)?(?:的)?${SUFFIX_LOOSE}》`);

/**
 * 统计期限: 2022年1月1日至2022年12月31日 (spaces allowed). Written so that it cannot backtrack:
 * every `\s*` is followed by a character that is not a space (年, 月, 日, a digit, 起 or the dash),
 * so there is only one way to match each run of spaces and a failed attempt costs one pass over
 * it (no `\s*(?:起)?\s*`, which tries every split of a long run of spaces).
 */
export const STATISTICAL_PERIOD =
  /(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起\s*)?(?:至|到|—|－|-|~|～)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/;
/** Every 统计期限 of a text (for matchAll). */
export const STATISTICAL_PERIODS = new RegExp(STATISTICAL_PERIOD.source, 'g');

/** A line that is only a date: 2023年1月30日 (成文日期); Chinese numerals are turned into digits first. */
export const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** Contact fields (model Contact + website) and the labels that introduce them. */
export const CONTACT_LABELS: {
  field: 'address' | 'postcode' | 'phone' | 'fax' | 'email' | 'website' | 'office' | 'person';
  labels: string[];
}[] = [
  { field: 'person', labels: ['联系人'] },
  { field: 'office', labels: ['联系单位', '联系部门', '联系机构'] },
  { field: 'address', labels: ['通讯地址', '联系地址', '办公地址', '地址'] },
  { field: 'postcode', labels: ['邮政编码', '邮编'] },
  { field: 'phone', labels: ['咨询电话', '联系电话', '办公电话', '电话'] },
  { field: 'fax', labels: ['传真号码', '传真'] },
  { field: 'email', labels: ['电子邮箱', '电子信箱', '邮箱', 'E-mail', 'Email'] },
  { field: 'website', labels: ['网站地址', '网址'] },
];

/** …可直接与XX联系 — the office named in a contact sentence. */
export const CONTACT_OFFICE = /(?:请|可|直接)?与([^，。,；;：:]{2,40}?)联系/;

/** Where the electronic copy is published: 本报告电子版可在<网站>查阅. */
export const PUBLISHED_AT = /电子版(?:可|可以)?(?:在|于|从|登录)(.{2,80}?)(?:上|中)?(?:查阅|下载|查看|浏览)/;

/**
 * Other spellings of the customary narrative sub-headings (NarrativePartDef.heading), by part id.
 * A sub-heading in a file names a part when it contains one of these (short ones must be exact).
 */
export const PART_ALIASES: Record<string, string[]> = {
  active: ['主动公开', '主动公开政府信息'],
  onRequest: ['依申请公开'],
  management: ['政府信息管理', '信息管理'],
  platform: ['平台建设', '公开平台建设'],
  supervision: ['监督保障', '监督和保障'],
  lastYear: ['上年度问题整改情况', '上年度存在问题整改情况', '上年问题整改', '上一年度', '上年度', '整改情况'],
  problems: ['存在的主要问题', '存在问题', '存在的问题', '主要问题', '存在的不足', '问题和不足'],
  improvements: ['改进措施', '改进情况', '整改措施', '下一步工作', '工作打算', '改进方向', '下一步计划', '下一步'],
  fees: ['信息处理费'],
  keyPoints: ['政务公开工作要点', '工作要点'],
  proposals: ['人大代表建议和政协提案', '人大代表建议', '政协提案', '建议提案办理', '建议和提案'],
  innovation: ['政务公开工作创新', '创新情况'],
  statistics: ['数据统计需要说明', '数据统计'],
  other: ['其他'],
};
