// The report being edited: its state, the 勾稽 findings (computed once per change, synchronously),
// per-cell marks, table edits with auto-sum and per-table undo history.
import { useCallback, useMemo, useRef, useState } from 'react';
import { derivedCells, getFormat } from '../../shared/format';
import { getCell, setCell, type Report } from '../../shared/report';
import { applyAutoTotals, checkReport, type Finding } from '../../shared/rules';
import { sectionOfCell } from './grid/layout';
import { CellHistory, type CellChange } from './history';
import { buildMarks, type Marks } from './marks';

const EMPTY = new Set<string>();

export interface ReportDoc {
  report: Report;
  findings: Finding[];
  marks: Marks;
  /** Cells shown read-only: the totals while auto-sum is on. */
  readOnly: ReadonlySet<string>;
  update(change: (r: Report) => Report): void;
  setCells(changes: CellChange[], key?: string): void;
  seal(section: number): void;
  undo(section: number): CellChange[] | null;
  redo(section: number): CellChange[] | null;
  history(section: number): CellHistory;
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

  const apply = useCallback(
    (changes: CellChange[]) => {
      let next = ref.current;
      for (const c of changes) next = setCell(next, c.id, c.value);
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
    update: useCallback((change: (r: Report) => Report) => commit(change(ref.current)), [commit]),
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
