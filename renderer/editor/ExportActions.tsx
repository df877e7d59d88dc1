// 导出 Word / 导出 Excel / 导出网页: builds the file from the saved report (after flushing the
// autosave), then saves it through the host (a save dialog in Electron, a download in the browser).
// 复制网页格式 puts the web page's content on the clipboard. Errors and warnings are shown before
// an export, never blocking it.
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
import { exportFileName, type ExportNotes } from '../../shared/document';
import { api, host, isElectron } from '../api/client';
import { useNotify } from '../notify';
import { copyWebFormat } from '../preview/clipboard';
import type { Report } from '../../shared/report';

interface Props {
  id: string;
  /** Errors and warnings of the report as it stands (read when an export starts). */
  getNotes(withLetter: boolean): ExportNotes;
  getReport(): Report;
  flush(): Promise<void>;
  onShowFindings(): void;
}

type Kind = ExportOptions['kind'];
const KIND_NAME: Record<Kind, string> = { docx: 'Word', xlsx: 'Excel', html: '网页' };
const SHOWN = 6;

/** The errors and warnings, short: a few lines and how many more. */
export function ExportNotesView({ notes, onShowFindings }: { notes: ExportNotes; onShowFindings(): void }) {
  const show = (
    <Button color="inherit" size="small" sx={{ whiteSpace: 'nowrap' }} onClick={onShowFindings}>
      查看检查结果
    </Button>
  );
  const list = (items: string[]) => (
    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
      {items.slice(0, SHOWN).map((m, i) => (
        <li key={i}>{m}</li>
      ))}
      {items.length > SHOWN && <li>……另有{items.length - SHOWN}处</li>}
    </ul>
  );
  return (
    <>
      {notes.errors.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} action={show} data-testid="export-errors">
          报告还有{notes.errors.length}处勾稽错误，导出的文件中这些数据仍然对不上。建议先改正；也可以照样导出。
        </Alert>
      )}
      {notes.warnings.length > 0 && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="export-warnings">
          还有{notes.warnings.length}处需要留意（不影响导出）：
          {list(notes.warnings.map((w) => w.message))}
        </Alert>
      )}
    </>
  );
}

export const ExportActions = memo(function ExportActions({ id, getNotes, getReport, flush, onShowFindings }: Props) {
  const notify = useNotify();
  const [dialog, setDialog] = useState<Kind | null>(null);
  const [reportOnly, setReportOnly] = useState(false);
  const [busy, setBusy] = useState<Kind | null>(null);
  const notes = dialog ? getNotes(dialog === 'docx' && !reportOnly) : null;

  const run = async (kind: Kind) => {
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

  const start = (kind: Kind) => {
    const n = getNotes(kind === 'docx' && !reportOnly);
    if (kind === 'docx' || n.errors.length || n.warnings.length) setDialog(kind);
    else void run(kind);
  };

  const copy = () => {
    const ok = copyWebFormat(getReport());
    if (ok) notify('已复制网页格式：在网站后台的编辑器中粘贴，表格的合并单元格和边框会保留。', 'success');
    else notify('复制失败：浏览器不允许写入剪贴板。请改用“导出网页”，再把网页内容复制到网站编辑器。', 'error');
  };

  const name = dialog ? exportFileName(getReport(), dialog, dialog === 'docx' && reportOnly) : '';

  return (
    <>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" size="small" disabled={!!busy} onClick={() => start('docx')}>
          {busy === 'docx' ? '正在导出…' : '导出 Word'}
        </Button>
        <Button variant="outlined" size="small" disabled={!!busy} onClick={() => start('xlsx')}>
          {busy === 'xlsx' ? '正在导出…' : '导出 Excel'}
        </Button>
        <Button variant="outlined" size="small" disabled={!!busy} onClick={() => start('html')}>
          {busy === 'html' ? '正在导出…' : '导出网页'}
        </Button>
        <Button variant="text" size="small" onClick={copy}>
          复制网页格式
        </Button>
      </Stack>
      <Dialog open={!!dialog} onClose={() => setDialog(null)} maxWidth="sm" fullWidth>
        <DialogTitle>导出 {dialog ? KIND_NAME[dialog] : ''}</DialogTitle>
        <DialogContent>
          {notes && (
            <ExportNotesView
              notes={notes}
              onShowFindings={() => {
                setDialog(null);
                onShowFindings();
              }}
            />
          )}
          {dialog === 'docx' && (
            <FormControl>
              <FormLabel id="export-content">导出内容</FormLabel>
              <RadioGroup
                aria-labelledby="export-content"
                value={reportOnly ? 'report' : 'both'}
                onChange={(e) => setReportOnly(e.target.value === 'report')}
              >
                <FormControlLabel value="both" control={<Radio />} label="报送函+报告（报送稿）" />
                <FormControlLabel value="report" control={<Radio />} label="仅报告（用于网站公开）" />
              </RadioGroup>
            </FormControl>
          )}
          <div data-testid="export-file-name" style={{ marginTop: 8, color: '#555', fontSize: 13 }}>
            文件名：{name}
          </div>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>取消</Button>
          <Button variant="contained" onClick={() => dialog && void run(dialog)} autoFocus>
            {notes?.errors.length ? '仍然导出' : '导出'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
});
