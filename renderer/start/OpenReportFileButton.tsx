// 打开报告文件: a .nianbao file saved with 另存为报告文件 (on this PC or another) becomes a report
// in the list; the main process validates and migrates it first.
import Button from '@mui/material/Button';
import { useRef, useState } from 'react';
import { REPORT_FILE_EXT } from '../../shared/report';
import { api } from '../api/client';
import { toBase64 } from '../import/source';
import { useNotify } from '../notify';

export function OpenReportFileButton({ onOpened }: { onOpened(id: string): void }) {
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { id } = await api.openReportFile({ name: file.name, base64: toBase64(bytes) });
      notify(`已打开报告文件“${file.name}”，已加入报告列表。`, 'success');
      onOpened(id);
    } catch (e) {
      notify(`打开报告文件失败：${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
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
    </>
  );
}
