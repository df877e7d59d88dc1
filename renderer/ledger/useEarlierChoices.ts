// The clerk maps a ledger value once: a report that has no choices yet takes those of the same
// organ's latest earlier report (last year's), so that next year the same words map by themselves.
import { useEffect, useState } from 'react';
import { emptyLedger, mappingSize, mergeMappings } from '../../shared/ledger';
import type { ReportDoc } from '../editor/useReportDoc';
import { latestEarlierReport } from './earlier';

/** Returns a note naming the report whose choices were taken, or ''. */
export function useEarlierChoices(doc: ReportDoc): string {
  const [note, setNote] = useState('');
  const { update } = doc;
  const { org, year } = doc.report;
  const empty = mappingSize(doc.report.ledger?.mapping) === 0;
  useEffect(() => {
    if (!empty) return;
    let live = true;
    void (async () => {
      const earlier = await latestEarlierReport(org, year);
      if (!earlier) return;
      const { summary, report } = earlier;
      const theirs = report.ledger?.mapping;
      if (!live || !theirs || mappingSize(theirs) === 0) return;
      update((r) => {
        const ledger = r.ledger ?? emptyLedger();
        return { ...r, ledger: { ...ledger, mapping: mergeMappings(theirs, ledger.mapping) } };
      });
      setNote(`已沿用“${summary.name}”中为台账的值所作的${mappingSize(theirs)}个选择。`);
    })().catch(() => {}); // without them the clerk chooses again: nothing is lost
    return () => {
      live = false;
    };
  }, [empty, org, year, update]);
  return note;
}
