// The report being edited: its state, the 勾稽 findings (computed once per change, synchronously),
// per-cell marks, table edits with auto-sum and per-table undo history, narrative undo history per
// section, and when each cell was last changed (a finding opens at the cell changed last).
import { useCallback, useMemo, useRef, useState } from 'react';
import { derivedCells, getFormat } from '../../shared/format';
import { getCell, NARRATIVE_SECTIONS, setCell, type NarrativeKey, type Report } from '../../shared/report';
import { applyAutoTotals, checkReport, type Finding } from '../../shared/rules';
import { sectionOfCell } from './grid/layout';
import { CellHistory, type CellChange } from './history';
import { buildMarks, type Marks } from './marks';
import { TextHistory } from './narrative/textHistory';

const EMPTY = new Set<string>();

export interface ReportDoc {
  report: Report;
  findings: Finding[];
  marks: Marks;
  /** Cells shown read-only: the totals while auto-sum is on. */
  readOnly: ReadonlySet<string>;
  /**
   * Any change of the report. A change of a narrative section is an undo step of that section;
   * changes with the same undoKey (keystrokes in one part) coalesce until the step is sealed.
   */
  update(change: (r: Report) => Report, options?: { undoKey?: string }): void;
  setCells(changes: CellChange[], key?: string): void;
  seal(section: number): void;
  undo(section: number): CellChange[] | null;
  redo(section: number): CellChange[] | null;
  history(section: number): CellHistory;
  /** Undo history of a narrative section; it lives as long as the report is open. */
  textHistory(key: NarrativeKey): TextHistory;
  undoText(key: NarrativeKey): boolean;
  redoText(key: NarrativeKey): boolean;
  /** When each cell was last changed by the clerk (a counter, larger is later). */
  changedAt(): ReadonlyMap<string, number>;
  /** How many totals differ from the sum of their parts (what switching auto-sum on would change). */
  totalsToReplace(): number;
  setAutoTotals(on: boolean): void;
}

function withTotals(r: Report): Report {
  return r.settings.autoTotals ? applyAutoTotals(r) : r;
}

export function useReportDoc(initial: Report): ReportDoc {
  const [report, setReport] = useState(initial);
  const ref = useRef(report);
  const histories = useRef(new Map<number, CellHistory>());
  const textHistories = useRef(new Map<NarrativeKey, TextHistory>());
  const changed = useRef(new Map<string, number>());
  const changeSeq = useRef(0);
  const prevMarks = useRef<Marks | undefined>(undefined);

  const commit = useCallback((next: Report) => {
    if (next === ref.current) return;
    ref.current = next;
    setReport(next);
  }, []);

  const history = useCallback((section: number) => {
    let h = histories.current.get(section);
    if (!h) histories.current.set(section, (h = new CellHistory()));
    return h;
  }, []);

  const textHistory = useCallback((key: NarrativeKey) => {
    let h = textHistories.current.get(key);
    if (!h) textHistories.current.set(key, (h = new TextHistory()));
    return h;
  }, []);

  const update = useCallback(
    (change: (r: Report) => Report, options?: { undoKey?: string }) => {
      const before = ref.current;
      const next = change(before);
      for (const { key } of NARRATIVE_SECTIONS)
        textHistory(key).record(before.narrative[key], next.narrative[key], options?.undoKey);
      commit(next);
    },
    [commit, textHistory],
  );

  const moveText = useCallback(
    (key: NarrativeKey, redo: boolean) => {
      const h = textHistory(key);
      const parts = redo ? h.redo() : h.undo();
      if (!parts) return false;
      const r = ref.current;
      commit({ ...r, narrative: { ...r.narrative, [key]: parts } });
      return true;
    },
    [commit, textHistory],
  );

  const apply = useCallback(
    (changes: CellChange[]) => {
      let next = ref.current;
      for (const c of changes) {
        next = setCell(next, c.id, c.value);
        changed.current.set(c.id, ++changeSeq.current);
      }
      commit(withTotals(next));
    },
    [commit],
  );

  const setCells = useCallback(
    (changes: CellChange[], key?: string) => {
      if (!changes.length) return;
      const before = ref.current;
      const section = sectionOfCell(changes[0].id) ?? 0;
      history(section).record(
        changes.map((c) => ({ id: c.id, before: getCell(before, c.id), after: c.value })),
        key,
      );
      apply(changes);
    },
    [apply, history],
  );

  const findings = useMemo(() => checkReport(report), [report]);
  const format = getFormat(report.format);
  const marks = useMemo(() => {
    const m = buildMarks(findings, format, prevMarks.current);
    prevMarks.current = m;
    return m;
  }, [findings, format]);
  const derived = useMemo(() => derivedCells(format), [format]);
  const readOnly = report.settings.autoTotals ? derived : EMPTY;

  return {
    report,
    findings,
    marks,
    readOnly,
    update,
    textHistory,
    undoText: useCallback((key: NarrativeKey) => moveText(key, false), [moveText]),
    redoText: useCallback((key: NarrativeKey) => moveText(key, true), [moveText]),
    changedAt: useCallback(() => changed.current, []),
    setCells,
    seal: useCallback((section: number) => history(section).seal(), [history]),
    undo: useCallback(
      (section: number) => {
        const ch = history(section).undo();
        if (ch) apply(ch);
        return ch;
      },
      [apply, history],
    ),
    redo: useCallback(
      (section: number) => {
        const ch = history(section).redo();
        if (ch) apply(ch);
        return ch;
      },
      [apply, history],
    ),
    history,
    totalsToReplace: useCallback(() => {
      const r = ref.current;
      const auto = applyAutoTotals(r);
      let n = 0;
      for (const id of derived) if (getCell(auto, id) !== getCell(r, id)) n++;
      return n;
    }, [derived]),
    setAutoTotals: useCallback(
      (on: boolean) => {
        const r = ref.current;
        commit(withTotals({ ...r, settings: { ...r.settings, autoTotals: on } }));
      },
      [commit],
    ),
  };
}
