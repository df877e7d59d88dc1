// Words ledgers use for the matrix's columns and rows, by column and row id (the labels
// themselves come from shared/format). A value is matched by the longest of these words it
// contains; a value containing words of two targets equally long is left to the clerk.

/** Applicant type words by matrix column id. */
export const APPLICANT_WORDS: Record<string, string[]> = {
  natural: ['个人', '公民', '群众', '居民', '村民', '市民', '农民', '职工'],
  business: ['企业', '公司', '有限公司', '有限责任公司', '股份公司', '集团', '厂', '商行'],
  research: ['高校', '大学', '学院', '科研院所', '研究院', '研究所', '研究中心', '科研'],
  publicInterest: ['社会组织', '协会', '学会', '基金会', '商会', '民办非企业', '社团', '公益'],
  legal: ['律师事务所', '律所', '法律服务所', '法律服务', '公证处', '法律援助'],
  other: ['其他组织', '其他法人', '其他'],
};

/**
 * Outcome group words, by the id of the group's first row without its sub-id (refused for
 * refused.stateSecret). The groups' own labels (予以公开, 不予公开 …) are added from the format.
 */
export const GROUP_WORDS: Record<string, string[]> = {
  granted: ['同意公开', '全部公开', '准予公开', '予以提供', '同意提供', '公开', '已主动公开', '主动公开'],
  partlyGranted: ['部分提供', '区分处理'],
  refused: ['不公开'],
  unable: ['不能提供'],
  notHandled: ['不作处理', '不予受理'],
};

/** Reason words by result row id, besides the row's own label (属于国家秘密 …). */
export const REASON_WORDS: Record<string, string[]> = {
  'refused.stateSecret': ['国家秘密', '涉密'],
  'refused.otherLaw': ['法律法规禁止', '法律行政法规禁止'],
  'refused.security': ['三安全一稳定', '国家安全', '公共安全', '经济安全', '社会稳定'],
  'refused.thirdParty': ['第三方', '商业秘密', '个人隐私'],
  'refused.internal': ['内部事务', '人事管理', '后勤管理', '内部工作流程'],
  'refused.process': ['过程性', '讨论记录', '过程稿', '磋商信函', '请示报告'],
  'refused.enforcementFile': ['执法案卷'],
  'refused.query': ['行政查询', '查询事项'],
  'unable.notHeld': ['不掌握', '信息不存在', '不存在', '非本机关'],
  'unable.needsCreation': ['另行制作', '没有现成信息', '加工', '汇总分析'],
  'unable.unclear': ['仍不明确', '不明确'],
  'notHandled.petition': ['信访', '举报', '投诉'],
  'notHandled.repeat': ['重复申请'],
  'notHandled.publication': ['出版物'],
  'notHandled.massRepeat': ['大量反复'],
  'notHandled.confirm': ['重新出具', '确认或重新出具'],
  'other.noCorrection': ['逾期不补正', '不补正'],
  'other.noFee': ['缴纳费用', '收费通知', '未缴费'],
  'other.other': ['撤回申请', '申请人撤回', '撤回'],
};

/** Outcomes that say the application is still being handled. */
export const OPEN_WORDS = ['办理中', '正在办理', '未办结', '待答复', '未答复', '在办', '延期答复', '尚未答复'];
