// What a clerk may type into a cell, by the cell's kind: counts are whole numbers ≥ 0, amounts
// decimals ≥ 0, changes (2019 本年增/减) signed whole numbers. Anything else is not taken.
import type { ValueKind } from '../../../shared/format';
import type { Cell } from '../../../shared/report';
import { fmt } from '../../../shared/rules';

export type ParseOutcome =
  | { ok: true; value: Cell }
  /** partial: the start of a valid entry (a lone minus sign), not yet worth a message. */
  | { ok: false; partial: boolean; message: string };

export const KIND_RULE: Record<ValueKind, string> = {
  count: '只能填写不小于0的整数',
  amount: '只能填写不小于0的数（可带小数）',
  change: '只能填写整数（减少的在数字前加“-”）',
};

const MAX = 1e12;

/** Full-width digits and signs (Chinese input methods), spaces and thousands separators. */
export function normalizeNumberText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (ch === '．' || ch === '。') out += '.';
    else if (ch === '－' || ch === '—' || ch === '−') out += '-';
    else if (ch === '＋') out += '+';
    else if (/[\s,，\u3000]/.test(ch)) continue;
    else out += ch;
  }
  return out;
}

export function parseCellText(text: string, kind: ValueKind): ParseOutcome {
  const t = normalizeNumberText(text);
  if (t === '') return { ok: true, value: null };
  const bad = (partial = false): ParseOutcome => ({ ok: false, partial, message: KIND_RULE[kind] });
  if (kind === 'change') {
    if (t === '-' || t === '+') return bad(true);
    if (!/^[+-]?\d+$/.test(t)) return bad();
  } else if (kind === 'count') {
    if (!/^\+?\d+$/.test(t)) return bad();
  } else {
    if (t === '.') return bad(true);
    if (!/^\+?(\d+\.?\d*|\.\d+)$/.test(t)) return bad();
  }
  const n = Number(t);
  if (!Number.isFinite(n) || Math.abs(n) > MAX)
    return { ok: false, partial: false, message: '数值过大（超过一万亿），不是报告中可能的数字' };
  return { ok: true, value: n === 0 ? 0 : n };
}

/** How a value shows in a cell: blank stays blank, no float noise. */
export function formatCell(v: Cell): string {
  return v === null ? '' : fmt(v);
}
