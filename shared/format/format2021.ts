// The 2021 format: 《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）.
import { matrix, OTHER_HANDLING, RESULTS, review, sections } from './common';
import type { ColumnDef, FormatDef, RowDef } from './types';

const otherHandlingRows: RowDef[] = [
  {
    id: 'other.noCorrection',
    path: [RESULTS, OTHER_HANDLING, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    aliases: ['逾期不补正'],
  },
  {
    id: 'other.noFee',
    path: [RESULTS, OTHER_HANDLING, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    aliases: ['未按收费通知要求缴纳费用'],
  },
  { id: 'other.other', path: [RESULTS, OTHER_HANDLING, '3.其他'] },
];

const threeCounts: ColumnDef[] = [
  { id: 'issued', label: '本年制发件数', kind: 'count' },
  { id: 'repealed', label: '本年废止件数', kind: 'count' },
  { id: 'inForce', label: '现行有效件数', kind: 'count' },
];
const decisions: ColumnDef[] = [{ id: 'decisions', label: '本年处理决定数量', kind: 'count' }];

export const format2021: FormatDef = {
  id: '2021',
  name: '2021年版格式',
  source: '国办公开办函〔2021〕30号',
  sections: sections('主动公开政府信息情况'),
  disclosureKey: 'activeDisclosure',
  disclosure: [
    {
      id: 'item1',
      label: '第二十条第（一）项',
      itemHeader: '信息内容',
      columns: threeCounts,
      stock: { added: 'issued', removed: 'repealed', closing: 'inForce' },
      rows: [
        { id: 'rules', path: ['规章'] },
        { id: 'normativeDocs', path: ['行政规范性文件'], aliases: ['规范性文件'] },
      ],
    },
    {
      id: 'item5',
      label: '第二十条第（五）项',
      itemHeader: '信息内容',
      columns: decisions,
      rows: [{ id: 'licensing', path: ['行政许可'] }],
    },
    {
      id: 'item6',
      label: '第二十条第（六）项',
      itemHeader: '信息内容',
      columns: decisions,
      rows: [
        { id: 'punishment', path: ['行政处罚'] },
        { id: 'enforcement', path: ['行政强制'] },
      ],
    },
    {
      id: 'item8',
      label: '第二十条第（八）项',
      itemHeader: '信息内容',
      columns: [{ id: 'amount', label: '本年收费金额（单位：万元）', aliases: ['本年收费金额'], kind: 'amount' }],
      rows: [{ id: 'fees', path: ['行政事业性收费'] }],
    },
  ],
  applications: matrix(otherHandlingRows),
  review,
};
