// Names of the editor's pages: the report's sections come from the format definition.
import type { FormatDef } from '../../shared/format';
import { LEDGER_TITLE } from '../ledger/title';
import type { SectionKey } from './marks';

export const COVER_TITLE = '报送信息';
export const FINDINGS_TITLE = '检查结果';
export const PREVIEW_TITLE = '预览';

export function sectionTitle(format: FormatDef, key: SectionKey): string {
  if (key === 'cover') return COVER_TITLE;
  if (key === 'findings') return FINDINGS_TITLE;
  if (key === 'preview') return PREVIEW_TITLE;
  if (key === 'ledger') return LEDGER_TITLE;
  const s = format.sections.find((x) => String(x.no) === key);
  return s ? `${s.numeral}、${s.heading}` : key;
}

export function isSectionKey(s: string): s is SectionKey {
  return ['cover', '1', '2', '3', '4', '5', '6', 'ledger', 'findings', 'preview'].includes(s);
}
