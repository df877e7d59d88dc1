// Findings take the clerk to where they are fixed, by their structured location (cells, field),
// never by their message; narrative sections keep the clerk's own structure and their undo history.
import { describe, expect, it } from 'vitest';
import { derivedCells, format2021 } from '../../shared/format';
import { emptyReport, setCell, type NarrativePart } from '../../shared/report';
import { checkReport, type Finding } from '../../shared/rules';
import { explainingCell, fieldElementId, fieldTarget, sectionOfFinding } from '../../renderer/editor/findingTarget';
import { addPartAfter, movePart, newPartId, removePart, renamePart } from '../../renderer/editor/narrative/parts';
import { endsSentence, TextHistory } from '../../renderer/editor/narrative/textHistory';

const NEW = 'applications.newReceived.natural';

describe('routing findings', () => {
  it('sends a finding to the page where it is fixed', () => {
    const findings = checkReport(setCell(emptyReport('', 2024), NEW, 5));
    const on = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => sectionOfFinding(f));
    expect(on('matrix.balance')).toContain('3');
    expect(on('meta.org')).toEqual(['cover']);
    expect(on('narrative.fee')).toEqual(['6']);
    expect(new Set(on('narrative.empty'))).toEqual(new Set(['1', '5', '6']));
  });

  it('never reads the message: a finding routes by its field whatever it says', () => {
    const f: Finding = {
      rule: 'meta.year',
      severity: 'error',
      message: '报告前言……第一部分',
      cells: [],
      field: { section: 5 },
    };
    expect(sectionOfFinding(f)).toBe('5');
    expect(sectionOfFinding({ ...f, field: 'cover.date' })).toBe('cover');
  });

  it('names the element of a form field after its model path', () => {
    expect(fieldElementId('org')).toBe('field-org');
    expect(fieldElementId('cover.date')).toBe('field-date');
    expect(fieldElementId('cover.recipient')).toBe('field-recipient');
    expect(fieldElementId('contact.person')).toBe('field-contact-person');
  });

  it('focuses the part named, else the first part with text, else the first part', () => {
    const r = emptyReport('某局', 2024);
    const f: Finding = {
      rule: 'narrative.fee',
      severity: 'warning',
      message: '',
      cells: [],
      field: { section: 6, part: 'fees' },
    };
    expect(fieldTarget(f, r)).toBe('part-fees');
    const without = { ...r, narrative: { ...r.narrative, other: r.narrative.other.filter((p) => p.id !== 'fees') } };
    expect(fieldTarget(f, without)).toBe(`part-${without.narrative.other[0].id}`);
    const written = {
      ...without,
      narrative: {
        ...without.narrative,
        other: without.narrative.other.map((p, i) => (i === 2 ? { ...p, text: '有' } : p)),
      },
    };
    expect(fieldTarget(f, written)).toBe(`part-${without.narrative.other[2].id}`);
    expect(fieldTarget({ ...f, field: 'cover.date' }, r)).toBe('field-date');
    expect(fieldTarget({ ...f, field: undefined }, r)).toBeNull();
  });

  it('opens a table finding at the cell changed last among its cells, else at the first typed cell', () => {
    const CARRIED = 'applications.carriedOver.natural';
    const r = setCell(setCell(emptyReport('', 2024), NEW, 5), CARRIED, 2);
    const f = checkReport(r).find((x) => x.rule === 'matrix.balance')!;
    const ro = derivedCells(format2021);
    expect(f.cells[0]).toBe(NEW); // what the old routing focused, whatever was typed
    const changed = new Map([
      [NEW, 1],
      [CARRIED, 2],
      ['applications.granted.natural', 9], // not a cell of this finding
    ]);
    expect(explainingCell(f, changed, ro)).toBe(CARRIED);
    expect(explainingCell(f, new Map(), ro)).toBe(NEW);
  });
});

describe('narrative structure', () => {
  const parts: NarrativePart[] = [
    { id: 'intro', heading: '', text: '开篇' },
    { id: 'active', heading: '主动公开', text: 'a' },
    { id: 'own-1', heading: '（一）健全组织机构，责任落实到人', text: 'b' },
  ];

  it('renames, adds, removes and moves sub-parts, giving new ones ids of their own', () => {
    expect(renamePart(parts, 1, '（二）主动公开情况')[1]).toEqual({
      id: 'active',
      heading: '（二）主动公开情况',
      text: 'a',
    });
    expect(newPartId(parts)).toBe('own-2');
    const [added, id] = addPartAfter(parts, 0, '新标题');
    expect(id).toBe('own-2');
    expect(added.map((p) => p.id)).toEqual(['intro', 'own-2', 'active', 'own-1']);
    expect(removePart(parts, 1).map((p) => p.id)).toEqual(['intro', 'own-1']);
    expect(movePart(parts, 2, -1).map((p) => p.id)).toEqual(['intro', 'own-1', 'active']);
    expect(movePart(parts, 0, -1)).toBe(parts);
    expect(movePart(parts, 2, 1)).toBe(parts);
  });
});

describe('TextHistory', () => {
  const v = (text: string): NarrativePart[] => [{ id: 'a', heading: '', text }];

  it('coalesces keystrokes with one key until sealed, and undoes and redoes whole steps', () => {
    const h = new TextHistory();
    const s0 = v('');
    const s1 = v('本');
    const s2 = v('本年');
    const s3 = v('本年。');
    h.record(s0, s1, 'text:0');
    h.record(s1, s2, 'text:0');
    h.seal();
    h.record(s2, s3, 'text:0');
    expect(h.undo()).toBe(s2);
    expect(h.undo()).toBe(s0);
    expect(h.undo()).toBeNull();
    expect(h.canRedo).toBe(true);
    expect(h.redo()).toBe(s2);
    expect(h.redo()).toBe(s3);
  });

  it('starts a new step for another key, and a change clears what could be redone', () => {
    const h = new TextHistory();
    h.record(v(''), v('x'), 'text:0');
    h.record(v('x'), v('x'), undefined);
    const renamed = v('y');
    h.record(v('x'), renamed, 'heading:0');
    expect(h.undo()).toEqual(v('x'));
    h.record(v('x'), v('z'));
    expect(h.canRedo).toBe(false);
    const same = v('q');
    h.record(same, same);
    expect(h.undo()).toEqual(v('x'));
  });

  it('ends a step where a sentence or a paragraph ends', () => {
    expect(endsSentence('本年度未收取信息处理费。')).toBe(true);
    expect(endsSentence('第一段\n')).toBe(true);
    expect(endsSentence('本年度')).toBe(false);
  });
});
