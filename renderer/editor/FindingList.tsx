// A list of findings; a click takes the clerk to the page and cell concerned. Plain buttons styled
// by CSS classes: the list below a table re-renders as numbers change while typing.
import { memo } from 'react';
import type { FormatDef } from '../../shared/format';
import { RULES, fmt, type Finding } from '../../shared/rules';
import { sectionOfFinding } from './findingTarget';
import { sectionTitle } from './sections';

export const SEVERITY_NAME = { error: '错误', warning: '警告', info: '提示' } as const;

interface Props {
  findings: Finding[];
  format: FormatDef;
  showSection?: boolean;
  onOpen(f: Finding): void;
  /** Puts a finding's suggested value into its cell (offered when the cell can take it). */
  onApply?(f: Finding): void;
  canApply?(f: Finding): boolean;
}

function FindingListImpl({ findings, format, showSection, onOpen, onApply, canApply }: Props) {
  return (
    <ul className="findings">
      {findings.map((f, i) => {
        const rule = RULES[f.rule];
        const where = showSection ? `${sectionTitle(format, sectionOfFinding(f))} · ` : '';
        return (
          <li key={`${f.rule}-${i}`} className={`finding-row finding-${f.severity}`}>
            <button type="button" className="finding" data-rule={f.rule} onClick={() => onOpen(f)}>
              <span className="finding-msg">{f.message}</span>
              <span className="finding-meta">
                {where}
                {/^\d+$/.test(rule.no) ? `规则${rule.no}` : rule.no}：{rule.title}
              </span>
            </button>
            {f.suggestion && onApply && canApply?.(f) && (
              <button type="button" className="finding-apply" onClick={() => onApply(f)} title="把建议的数填入单元格">
                填入{fmt(f.suggestion.value)}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function sameFindings(a: Finding[], b: Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((f, i) => f.message === b[i].message && f.severity === b[i].severity && f.rule === b[i].rule);
}

/** Re-renders only when the findings' messages change, not on every keystroke. */
export const FindingList = memo(
  FindingListImpl,
  (p, n) =>
    p.format === n.format &&
    p.showSection === n.showSection &&
    p.onOpen === n.onOpen &&
    p.onApply === n.onApply &&
    p.canApply === n.canApply &&
    sameFindings(p.findings, n.findings),
);
