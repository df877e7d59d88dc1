// 导出 Word / 导出 Excel: builds the file from the saved report (after flushing the autosave),
// then saves it through the host (a save dialog in Electron, a download in the browser).
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { memo, useState } from 'react';
import type { ExportOptions } from '../../shared/api';
import { api, host, isElectron } from '../api/client';
import { useNotify } from '../notify';

interface Props {
  id: string;
  errorCount: number;
  flush(): Promise<void>;
  onShowFindings(): void;
}

const KIND_NAME = { docx: 'Word', xlsx: 'Excel' } as const;

export const ExportActions = memo(function ExportActions({ id, errorCount, flush, onShowFindings }: Props) {
  const notify = useNotify();
  const [dialog, setDialog] = useState<ExportOptions['kind'] | null>(null);
  const [reportOnly, setReportOnly] = useState(false);
  const [busy, setBusy] = useState<ExportOptions['kind'] | null>(null);

  const run = async (kind: ExportOptions['kind']) => {
    setDialog(null);
    setBusy(kind);
    try {
      await flush();
      const options: ExportOptions = kind === 'docx' ? { kind, reportOnly } : { kind };
      const { fileName, base64 } = await api.exportFile(id, options);
      const saved = await host.saveFile({ name: fileName, base64 });
      if (!saved) return; // the clerk cancelled the save dialog
      if (isElectron) {
        notify(`已导出：${saved.path}`, 'success', {
          action: { label: '打开所在文件夹', onClick: () => void host.showInFolder(saved.path) },
        });
      } else {
        notify(`已导出“${fileName}”，请在浏览器的下载文件夹中查看。`, 'success');
      }
    } catch (e) {
      notify(`导出${KIND_NAME[kind]}失败：${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(null);
    }
  };

  const start = (kind: ExportOptions['kind']) => {
    if (kind === 'docx' || errorCount > 0) setDialog(kind);
    else void run(kind);
  };

  return (
    <>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" size="small" disabled={!!busy} onClick={() => start('docx')}>
          {busy === 'docx' ? '正在导出…' : '导出 Word'}
        </Button>
        <Button variant="outlined" size="small" disabled={!!busy} onClick={() => start('xlsx')}>
          {busy === 'xlsx' ? '正在导出…' : '导出 Excel'}
        </Button>
      </Stack>
      <Dialog open={!!dialog} onClose={() => setDialog(null)} maxWidth="sm" fullWidth>
        <DialogTitle>导出 {dialog ? KIND_NAME[dialog] : ''}</DialogTitle>
        <DialogContent>
          {errorCount > 0 && (
            <Alert
              severity="warning"
              sx={{ mb: 2 }}
              action={
                <Button
                  color="inherit"
                  size="small"
                  sx={{ whiteSpace: 'nowrap' }}
                  onClick={() => {
                    setDialog(null);
                    onShowFindings();
                  }}
                >
                  查看检查结果
                </Button>
              }
            >
              报告还有{errorCount}处勾稽错误，导出的文件中这些数据仍然对不上。建议先改正；也可以照样导出。
            </Alert>
          )}
          {dialog === 'docx' && (
            <FormControl>
              <FormLabel id="export-content">导出内容</FormLabel>
              <RadioGroup
                aria-labelledby="export-content"
                value={reportOnly ? 'report' : 'both'}
                onChange={(e) => setReportOnly(e.target.value === 'report')}
              >
                <FormControlLabel value="both" control={<Radio />} label="报送函+报告" />
                <FormControlLabel value="report" control={<Radio />} label="仅报告（用于网站公开）" />
              </RadioGroup>
            </FormControl>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>取消</Button>
          <Button variant="contained" onClick={() => dialog && void run(dialog)} autoFocus>
            {errorCount > 0 ? '仍然导出' : '导出'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
});
