export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'matrix.balance'
  | 'matrix.rowTotal'
  | 'matrix.resultTotal'
  | 'review.total'
  | 'carry.carriedOver'
  | 'carry.lastYear'
  | 'active.inForce'
  | 'active.repealedExceeds'
  | 'value.invalid'
  | 'value.blank'
  | 'value.implausible'
  | 'meta.org'
  | 'meta.recipient'
  | 'meta.year'
  | 'meta.date'
  | 'format.outdated'
  | 'narrative.empty'
  | 'narrative.fee'
  | 'text.length'
  | 'text.numbers'
  | 'text.repeat'
  | 'text.problems';

/**
 * Where a finding points outside the tables, so that the editor routes it without reading its
 * message: a narrative section by its number (`{ section: 5 }`, optionally one part by id), or a form
 * field by its path in the report model (`"cover.date"`, `"org"`, `"contact.phone"`).
 */
export type FindingField = { section: number; part?: string } | string;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Chinese, quoting the numbers: 自然人列：一+二=5，三（七）+四=4，相差1 */
  message: string;
  /** Cell ids the finding concerns (applications.newReceived.natural …); empty for text findings. */
  cells: string[];
  /** For findings on text and form fields: where they point (see FindingField). */
  field?: FindingField;
  /** For a total that can be derived from its parts: the value it should hold. */
  suggestion?: { cell: string; value: number };
}

/** What each rule checks, in Chinese: for the findings panel, the docs and the Excel 校验 sheet. */
export const RULES: Record<RuleId, { no: string; title: string }> = {
  'matrix.balance': { no: '1', title: '每列：一+二=三（七）总计+四' },
  'matrix.rowTotal': { no: '2', title: '每行：总计=自然人+法人或其他组织各列之和' },
  'matrix.resultTotal': { no: '3', title: '每列：（七）总计=（一）至（六）各项之和' },
  'review.total': { no: '4', title: '行政复议、行政诉讼：总计=结果维持+结果纠正+其他结果+尚未审结' },
  'carry.carriedOver': { no: '5', title: '本年“上年结转”=上年“结转下年度继续办理”' },
  'carry.lastYear': { no: '5', title: '跨年核对使用上一年度的报告' },
  'active.inForce': { no: '6', title: '现行有效件数=上年现行有效件数+本年制发件数−本年废止件数' },
  'active.repealedExceeds': { no: '6', title: '本年废止件数不超过上年现行有效件数与本年制发件数之和' },
  'value.invalid': { no: '7', title: '件数为不小于0的整数，收费金额为不小于0的数' },
  'value.blank': { no: '7', title: '表格不留空白，没有的填0' },
  'value.implausible': { no: '7', title: '数值位数合理，不远超本报告其他数字' },
  'meta.org': { no: '8', title: '填写机关名称' },
  'meta.recipient': { no: '完整性', title: '填写报送函的主送机关' },
  'meta.year': { no: '8', title: '标题、统计期限和正文的年度一致' },
  'meta.date': {
    no: '8',
    title: '成文日期已填写，且不晚于《条例》第四十九条的期限（部门次年1月31日，政府次年3月31日）',
  },
  'format.outdated': { no: '9', title: '2021年度起使用2021年版格式' },
  'narrative.empty': { no: '完整性', title: '第一、五、六部分有内容' },
  'narrative.fee': { no: '完整性', title: '第六部分说明信息处理费收取情况' },
  'text.length': { no: '完整性', title: '每段文字不超过2万字（超出的部分不检查）' },
  'text.numbers': { no: '正文与表格', title: '正文引用的数字与表格一致' },
  'text.repeat': { no: '与上年雷同', title: '正文与上年报告重复不超过一半' },
  'text.problems': { no: '完整性', title: '第五部分写明存在的问题、改进措施和上年问题的整改情况' },
};
