// The 2019 trial format: 《…年度报告格式（试行）》（国办公开办函〔2019〕60号）, used for 2019 and 2020.
// Kept so that last year's file in the old layout can still be read and checked.
import { matrix, OTHER_HANDLING, RESULTS, review, sections } from './common';
import type { ColumnDef, FormatDef } from './types';

const made: ColumnDef[] = [
  { id: 'newMade', label: '本年新制作数量', kind: 'count' },
  { id: 'newPublished', label: '本年新公开数量', kind: 'count' },
  { id: 'totalPublished', label: '对外公开总数量', kind: 'count' },
];
const items: ColumnDef[] = [
  { id: 'lastYearItems', label: '上一年项目数量', kind: 'count' },
  { id: 'change', label: '本年增/减', aliases: ['本年增减'], kind: 'change' },
];
const ITEMS = { last: 'lastYearItems', change: 'change' };
const itemsAndDecisions: ColumnDef[] = [...items, { id: 'decisions', label: '处理决定数量', kind: 'count' }];

export const format2019: FormatDef = {
  id: '2019',
  name: '2019年版格式（试行）',
  source: '国办公开办函〔2019〕60号',
  sections: sections('主动公开政府信息情况'),
  disclosureKey: 'activeDisclosure2019',
  disclosure: [
    {
      id: 'item1',
      label: '第二十条第（一）项',
      itemHeader: '信息内容',
      columns: made,
      rows: [
        { id: 'rules', path: ['规章'] },
        { id: 'normativeDocs', path: ['规范性文件'], aliases: ['行政规范性文件'] },
      ],
    },
    {
      id: 'item5',
      label: '第二十条第（五）项',
      itemHeader: '信息内容',
      columns: itemsAndDecisions,
      items: ITEMS,
      rows: [
        { id: 'licensing', path: ['行政许可'] },
        { id: 'otherServices', path: ['其他对外管理服务事项'] },
      ],
    },
    {
      id: 'item6',
      label: '第二十条第（六）项',
      itemHeader: '信息内容',
      columns: itemsAndDecisions,
      items: ITEMS,
      rows: [
        { id: 'punishment', path: ['行政处罚'] },
        { id: 'enforcement', path: ['行政强制'] },
      ],
    },
    {
      id: 'item8',
      label: '第二十条第（八）项',
      itemHeader: '信息内容',
      columns: items,
      items: ITEMS,
      rows: [{ id: 'fees', path: ['行政事业性收费'] }],
    },
    {
      id: 'item9',
      label: '第二十条第（九）项',
      itemHeader: '信息内容',
      columns: [
        { id: 'projects', label: '采购项目数量', kind: 'count' },
        { id: 'amount', label: '采购总金额', kind: 'amount' },
      ],
      rows: [{ id: 'procurement', path: ['政府集中采购'] }],
    },
  ],
  applications: matrix([{ id: 'other', path: [RESULTS, OTHER_HANDLING] }]),
  review,
};
