// The 从登记台账计算 button on table 三, with its dialog.
import Button from '@mui/material/Button';
import { useState } from 'react';
import type { ReportDoc } from '../editor/useReportDoc';
import { LedgerDialog } from './LedgerDialog';

export function LedgerButton({ doc }: { doc: ReportDoc }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        sx={{ mb: 1 }}
        onClick={() => setOpen(true)}
        title="按依申请公开登记台账（Excel/CSV，或“登记台账”页）逐件计数，预览后填入本表"
      >
        从登记台账计算
      </Button>
      {open && <LedgerDialog doc={doc} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
