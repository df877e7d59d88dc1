// Where a finding points, said in Chinese for a list that has no editor to jump to (the
// reviewer's workbook): a cell by its row and column, a field by its section or name.
import { getFormat, type FormatId } from '../format';
import { tableRows } from '../rules';
import type { FindingField } from '../rules/types';

const FIELD_NAMES: Record<string, string> = {
  org: '机关名称',
  year: '年度',
  preamble: '前言',
  website: '网站',
  'cover.recipient': '报送函主送机关',
  'cover.date': '成文日期',
  'cover.body': '报送函正文',
  'cover.docNumber': '发文字号',
  'cover.signer': '签发人',
};

function cellNames(format: FormatId): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of tableRows(getFormat(format))) {
    for (const c of row.cells) out.set(c.id, `${row.section}${row.name}·${c.colLabel}`);
  }
  return out;
}

const cache = new Map<FormatId, Map<string, string>>();

export function findingPlace(format: FormatId | null, cells: readonly string[], field?: FindingField): string {
  const parts: string[] = [];
  if (field !== undefined) {
    if (typeof field === 'string') parts.push(FIELD_NAMES[field] ?? field);
    else {
      const s = format ? getFormat(format).sections.find((x) => x.no === field.section) : undefined;
      parts.push(s ? `第${s.numeral}部分` : `第${field.section}部分`);
    }
  }
  if (cells.length && format) {
    let names = cache.get(format);
    if (!names) cache.set(format, (names = cellNames(format)));
    const shown = cells.slice(0, 3).map((id) => names.get(id) ?? id);
    parts.push(shown.join('、') + (cells.length > 3 ? `等${cells.length}个单元格` : ''));
  }
  return parts.join('；');
}
