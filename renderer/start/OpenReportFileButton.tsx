// 打开报告文件: a .nianbao file saved with 另存为报告文件 (on this PC or another) becomes a report
// in the list; the main process validates and migrates it first. When the list already holds the
// same report (same organ and year), the clerk chooses: replace it, keep both, or cancel.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useRef, useState } from 'react';
import type { FileBytes, ReportSummary, SameReportChoice } from '../../shared/api';
import { REPORT_FILE_EXT } from '../../shared/report';
import { api } from '../api/client';
import { toBase64 } from '../import/source';
import { useNotify } from '../notify';
import { formatTime } from './StartPage';

interface Pending {
  file: FileBytes;
  same: ReportSummary[];
}

export function OpenReportFileButton({ onOpened }: { onOpened(id: string): void }) {
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  const add = async (file: FileBytes, choice?: SameReportChoice) => {
    setBusy(true);
    try {
      const result = await api.openReportFile(file, choice);
      if (result.same) {
        setPending({ file, same: result.same });
        return;
      }
      setPending(null);
      const said =
        choice && 'replace' in choice
          ? `已用报告文件“${file.name}”替换报告列表中的同一份报告；替换前的内容可在该报告的“历史版本”中找回。`
          : choice
            ? `已打开报告文件“${file.name}”，作为另一份报告（名称后加“副本”）加入报告列表，原有的报告未改动。`
            : `已打开报告文件“${file.name}”，已加入报告列表。`;
      notify(said, 'success');
      onOpened(result.id);
    } catch (e) {
      setPending(null);
      notify(`打开报告文件失败：${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const open = async (file: File | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (input.current) input.current.value = '';
    await add({ name: file.name, base64: toBase64(bytes) });
  };

  const existing = pending?.same[0];
  return (
    <>
      <Button onClick={() => input.current?.click()} disabled={busy}>
        打开报告文件
      </Button>
      <input
        ref={input}
        type="file"
        accept={`${REPORT_FILE_EXT},.json`}
        hidden
        data-testid="open-report-file"
        onChange={(e) => void open(e.target.files?.[0])}
      />
      <Dialog open={!!pending} onClose={() => !busy && setPending(null)} data-testid="same-report-dialog">
        <DialogTitle>报告列表中已有这份报告</DialogTitle>
        {pending && existing && (
          <DialogContent>
            <DialogContentText>
              文件“{pending.file.name}”与报告列表中的“{existing.name}”（最后修改于 {formatTime(existing.updatedAt)}
              ）是同一机关同一年度的报告。
              {pending.same.length > 1 && `列表中共有 ${pending.same.length} 份这样的报告。`}
            </DialogContentText>
            <DialogContentText sx={{ mt: 1 }}>
              “替换”用文件的内容替换“{existing.name}”，替换前的内容仍可在它的“历史版本”中找回；
              “两份都保留”把文件作为另一份报告加入，名称后加“副本”。
            </DialogContentText>
          </DialogContent>
        )}
        <DialogActions>
          <Button onClick={() => setPending(null)} disabled={busy}>
            取消
          </Button>
          <Button onClick={() => pending && void add(pending.file, { keep: 'both' })} disabled={busy}>
            两份都保留
          </Button>
          <Button
            variant="contained"
            onClick={() => pending && existing && void add(pending.file, { replace: existing.id })}
            disabled={busy}
          >
            替换
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
