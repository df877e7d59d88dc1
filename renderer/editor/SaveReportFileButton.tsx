// 另存为报告文件: the report as one .nianbao file (to carry the work to another PC), from what the
// window shows — saved first where the folder allows, so the file and the store agree.
import Button from '@mui/material/Button';
import { useState } from 'react';
import { reportFileName, serializeReport, type Report } from '../../shared/report';
import { host } from '../api/client';
import { toBase64 } from '../import/source';
import { useNotify } from '../notify';

export function SaveReportFileButton(props: { report(): Report; flush(): Promise<void> }) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await props.flush().catch(() => {}); // read-only or refused: the file still gets what is on screen
      const report = props.report();
      const name = reportFileName(report);
      const bytes = new TextEncoder().encode(serializeReport(report));
      const saved = await host.saveFile({ name, base64: toBase64(bytes) });
      if (saved) notify(`已另存为报告文件“${name}”。在另一台电脑上用开始页的“打开报告文件”打开。`, 'success');
    } catch (e) {
      notify(`另存为报告文件失败：${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" variant="outlined" onClick={() => void save()} disabled={busy}>
      另存为报告文件
    </Button>
  );
}
