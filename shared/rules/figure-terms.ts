// How report texts name the figures of the tables, beyond the format's own labels: verbs and
// short forms seen in published reports. Keyed by the format's row, column and group ids; the
// labels themselves come from shared/format (see figures.ts).

/** Matrix rows (and row groups, by the id of their first row's group) → extra phrasings. */
export const MATRIX_ROW_PHRASES: Record<string, string[]> = {
  newReceived: ['新收', '收到', '共收到', '受理', '接收', '接到'],
  carriedOver: ['上年度结转', '上一年度结转', '上年结转'],
  resultTotal: ['办结', '答复', '办理完毕', '完成答复'],
  carryForward: [
    '结转下年度',
    '结转至下年度',
    '结转到下年度',
    '结转下一年度',
    '转入下年度',
    '结转至下一年度',
    '下年度结转',
  ],
  granted: ['同意公开', '全部公开'],
  'refused.stateSecret': ['国家秘密'],
  'refused.thirdParty': ['第三方合法权益'],
  'refused.internal': ['内部事务信息'],
  'refused.process': ['过程性信息'],
  'refused.enforcementFile': ['行政执法案卷'],
  'refused.query': ['行政查询事项'],
  'unable.notHeld': ['不掌握相关政府信息', '不掌握相关信息', '不掌握'],
  'unable.needsCreation': ['需要另行制作', '另行制作'],
  'unable.unclear': ['申请内容仍不明确', '内容不明确'],
  'notHandled.petition': ['信访举报投诉类', '信访举报投诉'],
  'notHandled.publication': ['公开出版物'],
  'notHandled.massRepeat': ['大量反复申请'],
  'notHandled.confirm': ['确认或重新出具'],
  'other.noCorrection': ['逾期不补正'],
  'other.noFee': ['未按收费通知要求缴纳费用', '逾期未缴纳费用'],
};

/** Rows whose received figure may also be stated with last year's carried-over applications included. */
export const RECEIVED_ROW = 'newReceived';

/** Section 四's groups and columns → extra phrasings. */
export const REVIEW_GROUP_PHRASES: Record<string, string[]> = {
  review: ['复议'],
  litigationDirect: ['直接起诉', '直接提起行政诉讼'],
  litigationAfterReview: ['复议后起诉', '复议后提起行政诉讼'],
};
export const REVIEW_COLUMN_PHRASES: Record<string, string[]> = {
  upheld: ['维持'],
  corrected: ['纠正', '纠错'],
  other: ['其他结果'],
  pending: ['未审结', '正在审理', '审理中'],
};

/** Section 二's columns → extra phrasings (the verbs a text uses for 本年制发件数 …). */
export const DISCLOSURE_COLUMN_PHRASES: Record<string, string[]> = {
  issued: ['制发', '印发', '出台', '制定', '发布'],
  repealed: ['废止', '废除'],
  inForce: ['现行有效', '有效'],
  decisions: ['决定'],
  newMade: ['新制作'],
  newPublished: ['新公开'],
};

/** Conjunctions that make two named figures one sum (予以公开及部分公开42件). */
export const CONJUNCTION = /^(?:及|和|与|、|以及|或|加|、以及)$/;

/** Words between a label and a figure that show the figure counts something else (行政许可, 工单 …). */
export const FOREIGN = /许可|工单|热线|建议|提案|咨询|来电|留言|诉求|提问|来信|办件|人次|网站|公众号|条信息/;

/** Before a label (收到, 行政复议), within its clause: a statement that there was none (未收到…申请). */
export const NONE_BEFORE = /(?:未|没有|无)(?!法|正当)/;

/** A figure only approximate (约, 余, 多) is not compared. */
export const APPROXIMATE_BEFORE = /(?:约|近|超过|逾|不足|不到|大约)$/;
export const APPROXIMATE_AFTER = /^(?:余|多|以上|左右|上下)/;

/** Sentences about applications for disclosure (not 行政许可 or hotline applications). */
export const APPLICATION_CONTEXT = /依申请|信息公开申请|公开申请|申请公开|申请人/;
/** Around a received figure (收到…申请9件): the applications are for disclosure, not 各类申请. */
export const DISCLOSURE_REQUEST = /信息公开|依申请|公开申请|申请公开|政府信息/;
/** How far around a received figure DISCLOSURE_REQUEST is looked for. */
export const REQUEST_WINDOW = 12;

/** Sentences about 行政复议/行政诉讼 over disclosure, not the cases an organ handles itself. */
export const REVIEW_CONTEXT = /信息公开|政府信息|依申请|被申请|被提起|被起诉|被诉/;
