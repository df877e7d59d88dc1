// 新建报告 / 从上年报告新建 when the list already holds a report of that organ and year: open it,
// or make a second one (named …（副本）), or neither. Nothing is created behind the clerk's back.
// (Which reports are the same: shared/report/same.ts.)
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { ReportSummary } from '../../shared/api';

export interface SameReportPending {
  org: string;
  year: number;
  same: ReportSummary[];
  create(): void;
}

export function SameReportConfirm(props: {
  pending: SameReportPending | null;
  onOpen(id: string): void;
  onClose(): void;
}) {
  const p = props.pending;
  const first = p?.same[0];
  return (
    <Dialog open={!!p} onClose={props.onClose} data-testid="same-new-report-dialog">
      <DialogTitle>已有这份报告</DialogTitle>
      <DialogContent>
        <DialogContentText>
          报告列表中已有“{first?.name}”（{p?.org}
          {p?.year}年度
          {first ? `，最后保存于${new Date(first.updatedAt).toLocaleString('zh-CN')}` : ''}）。可以打开它接着填写；
          也可以再新建一份，新的一份命名为“…（副本）”，两份都保留。
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>取消</Button>
        <Button
          onClick={() => {
            p?.create();
            props.onClose();
          }}
        >
          仍然新建一份
        </Button>
        <Button variant="contained" onClick={() => first && props.onOpen(first.id)}>
          打开已有的报告
        </Button>
      </DialogActions>
    </Dialog>
  );
}
