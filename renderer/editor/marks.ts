// From findings to what the editor paints: one mark per cell (errors red, warnings amber,
// blank-cell hints light), and the page each finding belongs to.
import { allCells, type FormatDef } from '../../shared/format';
import type { Finding } from '../../shared/rules';

export type MarkLevel = 'error' | 'warning' | 'hint';

export interface Mark {
  level: MarkLevel;
  messages: string[];
  /**
   * findingKey of the finding behind each message. A key stays the same while the numbers in its
   * message change as the clerk types, so a cell can refer to its description by a stable id.
   */
  keys: string[];
}

/** Names a finding by its rule and cells, not by its message (which holds the numbers). */
export function findingKey(f: Finding): string {
  return `${f.rule}:${f.cells.join(',')}`;
}

export type Marks = Map<string, Mark>;

const RANK: Record<MarkLevel, number> = { error: 0, warning: 1, hint: 2 };

const rowSizes = new WeakMap<FormatDef, Map<string, number>>();
function rowSizeOf(format: FormatDef): Map<string, number> {
  let m = rowSizes.get(format);
  if (!m) {
    m = new Map();
    for (const c of allCells(format)) m.set(`${c.table}.${c.rowId}`, (m.get(`${c.table}.${c.rowId}`) ?? 0) + 1);
    rowSizes.set(format, m);
  }
  return m;
}

/**
 * Blank cells are only hinted (lightly) in a row the clerk has started: a brand-new table stays
 * clean, and the findings panel still lists every blank row.
 */
function levelOf(f: Finding, format: FormatDef): MarkLevel | null {
  if (f.rule === 'value.blank') {
    const first = f.cells[0];
    if (!first) return null;
    const row = first.slice(0, first.lastIndexOf('.'));
    const size = rowSizeOf(format).get(row) ?? f.cells.length;
    return f.cells.length < size ? 'hint' : null;
  }
  return f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'hint';
}

function sameStrings(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Marks by cell id. A mark equal to the one in `prev` is reused, so that memoised rows whose
 * cells did not change keep their props and skip re-rendering.
 */
export function buildMarks(findings: Finding[], format: FormatDef, prev?: Marks): Marks {
  const next: Marks = new Map();
  for (const f of findings) {
    if (!f.cells.length) continue;
    const level = levelOf(f, format);
    if (!level) continue;
    const key = findingKey(f);
    for (const id of f.cells) {
      const m = next.get(id);
      if (!m) next.set(id, { level, messages: [f.message], keys: [key] });
      else {
        if (RANK[level] < RANK[m.level]) m.level = level;
        if (!m.messages.includes(f.message)) {
          m.messages.push(f.message);
          m.keys.push(key);
        }
      }
    }
  }
  if (prev) {
    for (const [id, m] of next) {
      const p = prev.get(id);
      if (p && p.level === m.level && sameStrings(p.messages, m.messages) && sameStrings(p.keys, m.keys)) {
        next.set(id, p);
      }
    }
  }
  return next;
}

export type SectionKey = 'cover' | '1' | '2' | '3' | '4' | '5' | '6' | 'ledger' | 'findings' | 'preview';

export const SECTION_KEYS: SectionKey[] = ['cover', '1', '2', '3', '4', '5', '6', 'ledger', 'preview', 'findings'];
