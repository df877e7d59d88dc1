// On an empty 登记台账 page: offers the applications of the organ's earlier report still open at
// that year's end, which this year counts as 二、上年结转 (and 四 if still open).
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useEffect, useState } from 'react';
import { rowScopeLabel, type FormatDef } from '../../shared/format';
import { openAtYearEnd, type LedgerEntry } from '../../shared/ledger';
import { latestEarlierReport } from './earlier';

interface Offer {
  from: string;
  entries: LedgerEntry[];
}

export function CarryOpenEntries(props: {
  format: FormatDef;
  org: string;
  year: number;
  onCarry(entries: LedgerEntry[]): void;
}) {
  const { format, org, year, onCarry } = props;
  const m = format.applications;
  const carried = rowScopeLabel(m.rows.find((r) => r.id === m.carriedOverRow)!.path);
  const [offer, setOffer] = useState<Offer | null>(null);
  useEffect(() => {
    let live = true;
    latestEarlierReport(org, year)
      .then((earlier) => {
        if (!live || !earlier) return;
        const open = openAtYearEnd(earlier.report.ledger?.entries ?? [], earlier.report.year);
        if (open.length) setOffer({ from: earlier.summary.name, entries: open });
      })
      .catch(() => {}); // the clerk can still type them in
    return () => {
      live = false;
    };
  }, [org, year]);
  if (!offer) return null;
  return (
    <Alert
      severity="info"
      sx={{ mb: 1 }}
      action={
        <Button size="small" onClick={() => onCarry(offer.entries)}>
          带入这{offer.entries.length}件
        </Button>
      }
    >
      “{offer.from}”的登记台账中有{offer.entries.length}
      件申请到年底仍未办结，本年应计入“{carried}”。可以把它们带入本页，答复后补上答复日期和办理结果。
    </Alert>
  );
}
