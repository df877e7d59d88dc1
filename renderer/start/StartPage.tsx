// The start page: the clerk's reports (open, rename, duplicate, delete), the trash, and the two
// ways to begin a report: 新建报告 (blank) and 从上年报告新建 (import).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { TRASH_DAYS, type ReportSummary } from '../../shared/api';
import { emptyReport, type Report } from '../../shared/report';
import { api } from '../api/client';
import ImportDialog from '../import/ImportDialog';
import { useNotify } from '../notify';

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function NewReportDialog(props: { open: boolean; defaultOrg: string; onClose(): void; onCreated(id: string): void }) {
  const [org, setOrg] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (props.open) {
      setOrg(props.defaultOrg);
      setYear(String(new Date().getFullYear() - 1));
      setError('');
    }
  }, [props.open, props.defaultOrg]);
  const yearOk = /^\d{4}$/.test(year.trim()) && +year >= 2000 && +year <= 2100;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!org.trim()) return setError('请填写机关名称。');
    if (!yearOk) return setError('请填写四位数字的年度，如 2024。');
    setBusy(true);
    try {
      const { id } = await api.createReport(emptyReport(org.trim(), +year.trim()));
      props.onCreated(id);
    } catch (err) {
      setError(`没有建成：${errText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>新建报告</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="机关名称" value={org} onChange={(e) => setOrg(e.target.value)} autoFocus required placeholder="如 某某县行政审批服务局" name="org" />
            <TextField
              label="年度"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              required
              error={!yearOk}
              helperText="统计年度，通常是上一年"
              name="year"
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
            />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            创建
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function RenameDialog(props: { report: ReportSummary | null; onClose(): void; onDone(): void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    if (props.report) {
      setName(props.report.name);
      setError('');
    }
  }, [props.report]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!props.report) return;
    if (!name.trim()) return setError('名称不能为空。');
    try {
      await api.renameReport(props.report.id, name.trim());
      props.onDone();
    } catch (err) {
      setError(errText(err));
    }
  };
  return (
    <Dialog open={!!props.report} onClose={props.onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>重命名</DialogTitle>
        <DialogContent>
          <TextField label="名称" value={name} onChange={(e) => setName(e.target.value)} autoFocus fullWidth sx={{ mt: 1 }} />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="submit" variant="contained">
            保存
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function StartPage({ onOpen, newRequest = 0 }: { onOpen(id: string): void; newRequest?: number }) {
  const notify = useNotify();
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [trash, setTrash] = useState<ReportSummary[]>([]);
  const [loadError, setLoadError] = useState('');
  const [newOpen, setNewOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [trashOpen, setTrashOpen] = useState(false);
  const [renaming, setRenaming] = useState<ReportSummary | null>(null);
  const [deleting, setDeleting] = useState<ReportSummary | null>(null);

  const reload = useCallback(async () => {
    try {
      const [list, bin] = await Promise.all([api.listReports(), api.listTrash()]);
      list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      setReports(list);
      setTrash(bin);
      setLoadError('');
    } catch (e) {
      setLoadError(errText(e));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (newRequest) setNewOpen(true);
  }, [newRequest]);

  const act = async (what: string, fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) notify(done, 'success');
    } catch (e) {
      notify(`${what}失败：${errText(e)}`, 'error');
    }
    await reload();
  };

  const createFromImport = async (report: Report) => {
    try {
      const { id } = await api.createReport(report);
      setImportOpen(false);
      onOpen(id);
    } catch (e) {
      notify(`没有建成：${errText(e)}`, 'error');
    }
  };

  return (
    <Box sx={{ maxWidth: 1100, mx: 'auto', p: 3 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 3 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h5" component="h1">
            公开年报
          </Typography>
          <Typography variant="body2" color="text.secondary">
            政府信息公开工作年度报告：填写、勾稽检查、导出 Word 和 Excel
          </Typography>
        </Box>
        <Button variant="contained" onClick={() => setNewOpen(true)}>
          新建报告
        </Button>
        <Button variant="outlined" onClick={() => setImportOpen(true)}>
          从上年报告新建
        </Button>
        <Button onClick={() => setTrashOpen(true)}>回收站{trash.length ? `（${trash.length}）` : ''}</Button>
      </Stack>

      {loadError && (
        <Alert severity="error" sx={{ mb: 2 }} action={<Button color="inherit" onClick={() => void reload()}>重试</Button>}>
          读取报告列表失败：{loadError}
        </Alert>
      )}

      {reports && reports.length === 0 && (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
          <Typography sx={{ mb: 1 }}>还没有报告。</Typography>
          <Typography variant="body2" color="text.secondary">
            点“新建报告”从空白开始；有上年的报告文件（Word、Excel、PDF 或本软件的文件）时，点“从上年报告新建”，上年结转的数字和文字会自动带入。
          </Typography>
        </Paper>
      )}

      {reports && reports.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label="报告列表">
            <TableHead>
              <TableRow>
                <TableCell>名称</TableCell>
                <TableCell sx={{ width: 80 }}>年度</TableCell>
                <TableCell sx={{ width: 150 }}>修改时间</TableCell>
                <TableCell sx={{ width: 290 }} align="right">
                  操作
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {reports.map((r) => (
                <TableRow key={r.id} hover data-report={r.id} onDoubleClick={() => onOpen(r.id)}>
                  <TableCell>
                    <Link component="button" underline="hover" onClick={() => onOpen(r.id)} sx={{ textAlign: 'left' }}>
                      {r.name}
                    </Link>
                    <Typography variant="caption" color="text.secondary" component="div">
                      {r.org}
                    </Typography>
                  </TableCell>
                  <TableCell>{r.year}</TableCell>
                  <TableCell>{formatTime(r.updatedAt)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => onOpen(r.id)}>
                      打开
                    </Button>
                    <Button size="small" onClick={() => setRenaming(r)}>
                      重命名
                    </Button>
                    <Button size="small" onClick={() => void act('复制', () => api.duplicateReport(r.id), `已复制“${r.name}”`)}>
                      复制
                    </Button>
                    <Button size="small" color="error" onClick={() => setDeleting(r)}>
                      删除
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}

      <NewReportDialog open={newOpen} defaultOrg={reports?.[0]?.org ?? ''} onClose={() => setNewOpen(false)} onCreated={onOpen} />
      <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} onCreate={(r) => void createFromImport(r)} />
      <RenameDialog
        report={renaming}
        onClose={() => setRenaming(null)}
        onDone={() => {
          setRenaming(null);
          void reload();
        }}
      />

      <Dialog open={!!deleting} onClose={() => setDeleting(null)}>
        <DialogTitle>删除报告？</DialogTitle>
        <DialogContent>
          <DialogContentText>
            将删除“{deleting?.name}”。删除的报告在回收站保留{TRASH_DAYS}天，期间可以恢复。
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(null)} autoFocus>
            取消
          </Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => {
              const r = deleting!;
              setDeleting(null);
              void act('删除', () => api.deleteReport(r.id), `已删除“${r.name}”，可在回收站恢复`);
            }}
          >
            删除
          </Button>
        </DialogActions>
      </Dialog>

      <Dialog open={trashOpen} onClose={() => setTrashOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>回收站</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>删除的报告在这里保留{TRASH_DAYS}天，之后自动清除。</DialogContentText>
          {trash.length === 0 ? (
            <Typography color="text.secondary">回收站是空的。</Typography>
          ) : (
            <Table size="small" aria-label="回收站">
              <TableHead>
                <TableRow>
                  <TableCell>名称</TableCell>
                  <TableCell>年度</TableCell>
                  <TableCell>删除时间</TableCell>
                  <TableCell align="right">操作</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {trash.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{r.year}</TableCell>
                    <TableCell>{r.deletedAt ? formatTime(r.deletedAt) : ''}</TableCell>
                    <TableCell align="right">
                      <Button size="small" onClick={() => void act('恢复', () => api.restoreReport(r.id), `已恢复“${r.name}”`)}>
                        恢复
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setTrashOpen(false)}>关闭</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
