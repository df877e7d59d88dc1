// Where a finding takes the clerk: the page it is fixed on and the one cell or field that explains
// it. Routed by its structured location (cells, Finding.field), never by reading its message.
import type { Finding, FindingField } from '../../shared/rules';
import type { Report } from '../../shared/report';
import { narrativeKeyOf } from '../../shared/report';
import { sectionOfCell } from './grid/layout';
import type { SectionKey } from './marks';

/**
 * The element id of a form field, by its path in the report model: top-level and cover-letter
 * fields are `field-<name>` (org → field-org, cover.date → field-date), others spell the path
 * (contact.person → field-contact-person).
 */
export function fieldElementId(path: string): string {
  const parts = path.split('.');
  if (parts.length === 1) return `field-${path}`;
  if (parts[0] === 'cover' && parts.length === 2) return `field-${parts[1]}`;
  return `field-${parts.join('-')}`;
}

/** The element id of a narrative part's editor (NarrativePage). */
export function partElementId(partId: string): string {
  return `part-${partId}`;
}

function isSectionField(f: FindingField | undefined): f is { section: number; part?: string } {
  return typeof f === 'object' && f !== null;
}

/** The page a finding is fixed on: its first cell's table, else its field's section or the 报送信息 page. */
export function sectionOfFinding(f: Finding): SectionKey {
  const first = f.cells[0];
  if (first) {
    const s = sectionOfCell(first);
    if (s) return String(s) as SectionKey;
  }
  if (isSectionField(f.field) && narrativeKeyOf(f.field.section)) return String(f.field.section) as SectionKey;
  return 'cover';
}

/** The element to focus for a finding without cells: its form field or narrative part. */
export function fieldTarget(f: Finding, report: Report): string | null {
  const field = f.field;
  if (field === undefined) return null;
  if (typeof field === 'string') return fieldElementId(field);
  const key = narrativeKeyOf(field.section);
  if (!key) return null;
  const parts = report.narrative[key];
  // The part named, if the clerk kept it; else the first part with text, else the first.
  const part =
    (field.part !== undefined && parts.find((p) => p.id === field.part)) ||
    parts.find((p) => p.text.trim()) ||
    parts[0];
  return part ? partElementId(part.id) : null;
}

/**
 * The cell that explains a finding: the one the clerk changed last among its cells (a broken
 * balance is explained by the figure just typed), else the first cell they can type into.
 */
export function explainingCell(
  f: Finding,
  changedAt: ReadonlyMap<string, number>,
  readOnly: ReadonlySet<string>,
): string | undefined {
  let best: string | undefined;
  let when = -1;
  for (const id of f.cells) {
    const t = changedAt.get(id);
    if (t !== undefined && t > when) {
      best = id;
      when = t;
    }
  }
  return best ?? f.cells.find((id) => !readOnly.has(id)) ?? f.cells[0];
}
