// Parts shared by the 2021 and the 2019 formats: the matrix of 三, the table of 四 and the
// narrative sections. Labels are quoted exactly as the formats print them.
import type { ColumnDef, MatrixDef, NarrativePartDef, ReviewDef, RowDef, SectionDef } from './types';

export const MATRIX_HEADER = '申请人情况';
export const MATRIX_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const LEGAL_PERSON_GROUP = '法人或其他组织';

export const matrixColumns: ColumnDef[] = [
  { id: 'natural', label: '自然人', kind: 'count' },
  { id: 'business', label: '商业企业', kind: 'count', group: LEGAL_PERSON_GROUP },
  { id: 'research', label: '科研机构', kind: 'count', group: LEGAL_PERSON_GROUP },
  {
    id: 'publicInterest',
    label: '社会公益组织',
    aliases: ['社会组织', '公益组织'],
    kind: 'count',
    group: LEGAL_PERSON_GROUP,
  },
  { id: 'legal', label: '法律服务机构', kind: 'count', group: LEGAL_PERSON_GROUP },
  { id: 'other', label: '其他', kind: 'count', group: LEGAL_PERSON_GROUP },
  { id: 'total', label: '总计', kind: 'count', isTotal: true },
];

export const RESULTS = '三、本年度办理结果';
const REFUSED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_HANDLED = '（五）不予处理';
export const OTHER_HANDLING = '（六）其他处理';

export const matrixHeadRows: RowDef[] = [
  { id: 'newReceived', path: ['一、本年新收政府信息公开申请数量'], aliases: ['本年新收'] },
  { id: 'carriedOver', path: ['二、上年结转政府信息公开申请数量'], aliases: ['上年结转'] },
  { id: 'granted', path: [RESULTS, '（一）予以公开'] },
  {
    id: 'partlyGranted',
    path: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    aliases: ['部分公开'],
  },
  { id: 'refused.stateSecret', path: [RESULTS, REFUSED, '1.属于国家秘密'] },
  {
    id: 'refused.otherLaw',
    path: [RESULTS, REFUSED, '2.其他法律行政法规禁止公开'],
    aliases: ['2.其他法律法规禁止公开'],
  },
  { id: 'refused.security', path: [RESULTS, REFUSED, '3.危及“三安全一稳定”'], aliases: ['3.危及三安全一稳定'] },
  { id: 'refused.thirdParty', path: [RESULTS, REFUSED, '4.保护第三方合法权益'] },
  { id: 'refused.internal', path: [RESULTS, REFUSED, '5.属于三类内部事务信息'] },
  { id: 'refused.process', path: [RESULTS, REFUSED, '6.属于四类过程性信息'] },
  { id: 'refused.enforcementFile', path: [RESULTS, REFUSED, '7.属于行政执法案卷'] },
  { id: 'refused.query', path: [RESULTS, REFUSED, '8.属于行政查询事项'] },
  { id: 'unable.notHeld', path: [RESULTS, UNABLE, '1.本机关不掌握相关政府信息'] },
  { id: 'unable.needsCreation', path: [RESULTS, UNABLE, '2.没有现成信息需要另行制作'] },
  { id: 'unable.unclear', path: [RESULTS, UNABLE, '3.补正后申请内容仍不明确'] },
  { id: 'notHandled.petition', path: [RESULTS, NOT_HANDLED, '1.信访举报投诉类申请'] },
  { id: 'notHandled.repeat', path: [RESULTS, NOT_HANDLED, '2.重复申请'] },
  { id: 'notHandled.publication', path: [RESULTS, NOT_HANDLED, '3.要求提供公开出版物'] },
  { id: 'notHandled.massRepeat', path: [RESULTS, NOT_HANDLED, '4.无正当理由大量反复申请'] },
  { id: 'notHandled.confirm', path: [RESULTS, NOT_HANDLED, '5.要求行政机关确认或重新出具已获取信息'] },
];

export const matrixTailRows: RowDef[] = [
  { id: 'resultTotal', path: [RESULTS, '（七）总计'], isTotal: true },
  { id: 'carryForward', path: ['四、结转下年度继续办理'], aliases: ['结转下年度'] },
];

const REVIEW = '行政复议';
const LITIGATION = '行政诉讼';

export const review: ReviewDef = {
  groups: [
    { id: 'review', path: [REVIEW] },
    { id: 'litigationDirect', path: [LITIGATION, '未经复议直接起诉'] },
    { id: 'litigationAfterReview', path: [LITIGATION, '复议后起诉'] },
  ],
  columns: [
    { id: 'upheld', label: '结果维持', kind: 'count' },
    { id: 'corrected', label: '结果纠正', kind: 'count' },
    { id: 'other', label: '其他结果', kind: 'count' },
    { id: 'pending', label: '尚未审结', kind: 'count' },
    { id: 'total', label: '总计', kind: 'count', isTotal: true },
  ],
  totalColumn: 'total',
};

export const overviewParts: NarrativePartDef[] = [
  { id: 'intro', heading: '', hint: '本年度政府信息公开工作的总体情况（可选的开篇段落）' },
  { id: 'active', heading: '主动公开', hint: '主动公开的数量、渠道、重点领域信息公开、政策解读等' },
  { id: 'onRequest', heading: '依申请公开', hint: '收到和办理依申请公开的情况' },
  { id: 'management', heading: '政府信息管理', hint: '公开前审查、规范性文件管理、公开目录与指南更新等' },
  { id: 'platform', heading: '平台建设', hint: '政府网站、政务新媒体、公开栏等平台的建设和维护' },
  { id: 'supervision', heading: '监督保障', hint: '组织领导、培训、考核、社会评议和责任追究' },
];

export const problemParts: NarrativePartDef[] = [
  { id: 'lastYear', heading: '上年度问题整改情况', hint: '逐条说明上年度报告所列问题的整改进展' },
  { id: 'problems', heading: '存在的主要问题', hint: '本年度政府信息公开工作存在的主要问题' },
  { id: 'improvements', heading: '改进措施', hint: '下一步改进的具体措施' },
];

export const otherParts: NarrativePartDef[] = [
  {
    id: 'fees',
    heading: '信息处理费收取情况',
    hint: '依据《政府信息公开信息处理费管理办法》说明本年度收取信息处理费的情况，未收取的写明“未收取信息处理费”',
  },
  { id: 'keyPoints', heading: '落实上级年度政务公开工作要点情况', hint: '' },
  { id: 'proposals', heading: '人大代表建议和政协提案办理结果公开情况', hint: '' },
  { id: 'innovation', heading: '年度政务公开工作创新情况', hint: '' },
  { id: 'statistics', heading: '数据统计需要说明的事项', hint: '' },
  { id: 'other', heading: '其他', hint: '' },
];

export function sections(tableHeading2: string): SectionDef[] {
  return [
    { no: 1, numeral: '一', heading: '总体情况', kind: 'narrative', parts: overviewParts },
    { no: 2, numeral: '二', heading: tableHeading2, kind: 'table' },
    { no: 3, numeral: '三', heading: '收到和处理政府信息公开申请情况', kind: 'table' },
    {
      no: 4,
      numeral: '四',
      heading: '政府信息公开行政复议、行政诉讼情况',
      aliases: ['因政府信息公开工作被申请行政复议、提起行政诉讼的情况'],
      kind: 'table',
    },
    {
      no: 5,
      numeral: '五',
      heading: '存在的主要问题及改进情况',
      aliases: ['存在的主要问题和改进情况'],
      kind: 'narrative',
      parts: problemParts,
    },
    { no: 6, numeral: '六', heading: '其他需要报告的事项', kind: 'narrative', parts: otherParts },
  ];
}

/** The matrix of 三, given the （六）其他处理 rows of a format (three in 2021, one in 2019). */
export function matrix(otherHandlingRows: RowDef[]): MatrixDef {
  const rows = [...matrixHeadRows, ...otherHandlingRows, ...matrixTailRows];
  return {
    header: MATRIX_HEADER,
    note: MATRIX_NOTE,
    columns: matrixColumns,
    rows,
    resultRows: rows.filter((r) => r.path[0] === RESULTS && !r.isTotal).map((r) => r.id),
    resultTotalRow: 'resultTotal',
    newRow: 'newReceived',
    carriedOverRow: 'carriedOver',
    carryForwardRow: 'carryForward',
    totalColumn: 'total',
  };
}
