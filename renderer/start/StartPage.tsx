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
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { TRASH_DAYS, type ReportSummary } from '../../shared/api';
import { getFormat, requiredFormatFor } from '../../shared/format';
import { emptyReport, sameReports, type Report } from '../../shared/report';
import { reportingYear } from '../../shared/rules';
import { api } from '../api/client';
import ImportDialog from '../import/ImportDialog';
import { OpenReportFileButton } from './OpenReportFileButton';
import { SameReportConfirm, type SameReportPending } from './SameReportConfirm';
import { useNotify, type NotifyOptions } from '../notify';
import { parseYear, yearError } from '../validate';
import { Deadlines } from './Deadlines';
import { ReportStatusCell } from './ReportStatus';

/** The year whose report is being prepared now: the one the start page's deadlines speak of. */
function defaultYear(): number {
  const d = new Date();
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return reportingYear(iso);
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The day a trashed report is purged: TRASH_DAYS after its deletion. */
export function purgeDate(deletedAt: string): string {
  const d = new Date(deletedAt);
  if (Number.isNaN(d.getTime())) return '';
  d.setDate(d.getDate() + TRASH_DAYS);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function NewReportDialog(props: {
  open: boolean;
  defaultOrg: string;
  onClose(): void;
  /** Creates the report (asking first if the list has one of that organ and year). */
  create(report: Report): Promise<void>;
}) {
  const [org, setOrg] = useState('');
  const [year, setYear] = useState(String(defaultYear()));
  // Field messages appear once the clerk tries to create, then follow every keystroke.
  const [tried, setTried] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const orgRef = useRef<HTMLInputElement>(null);
  const yearRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.open) {
      setOrg(props.defaultOrg);
      setYear(String(defaultYear()));
      setTried(false);
      setError('');
    }
  }, [props.open, props.defaultOrg]);
  const orgError = org.trim() ? '' : '请填写机关名称，如 某某县行政审批服务局';
  const yearProblem = yearError(year);
  const formatName = yearProblem ? '' : getFormat(requiredFormatFor(parseYear(year))).name;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError('');
    if (orgError) return orgRef.current?.focus();
    if (yearProblem) return yearRef.current?.focus();
    setBusy(true);
    try {
      await props.create(emptyReport(org.trim(), parseYear(year)));
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
            <TextField
              label="机关名称"
              value={org}
              onChange={(e) => setOrg(e.target.value)}
              autoFocus
              required
              placeholder="如 某某县行政审批服务局"
              name="org"
              inputRef={orgRef}
              error={tried && !!orgError}
              helperText={tried && orgError ? orgError : '写全称，将印在报告标题和落款中'}
            />
            <TextField
              label="年度"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              required
              error={(tried || year.trim().length >= 4) && !!yearProblem}
              helperText={
                (tried || year.trim().length >= 4) && yearProblem
                  ? yearProblem
                  : formatName
                    ? `统计年度（该年度的报告于次年1月31日前报送）；将使用${formatName}`
                    : '统计年度（该年度的报告于次年1月31日前报送）'
              }
              name="year"
              inputRef={yearRef}
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
    if (!name.trim()) return setError('名称不能为空，请填写一个便于辨认的名称，如 2024年报（修改稿）。');
    try {
      await api.renameReport(props.report.id, name.trim());
      props.onDone();
    } catch (err) {
      setError(`没有改成：${errText(err)}`);
    }
  };
  return (
    <Dialog open={!!props.report} onClose={props.onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>重命名</DialogTitle>
        <DialogContent>
          <TextField
            label="名称"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError('');
            }}
            autoFocus
            fullWidth
            sx={{ mt: 1 }}
            error={!!error}
            helperText={error || '只改报告列表中显示的名称，不改报告标题；标题中的机关名称请在“报送信息”中修改'}
          />
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

interface StartPageProps {
  onOpen(id: string): void;
  newRequest?: number;
  /** The report just left in the editor: keyboard focus returns to it. */
  lastOpened?: string;
}

export function StartPage({ onOpen, newRequest = 0, lastOpened }: StartPageProps) {
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

  // Back from the editor, a keyboard user continues from the report they had open.
  const refocused = useRef(false);
  useEffect(() => {
    if (refocused.current || !reports || !lastOpened) return;
    refocused.current = true;
    document.querySelector<HTMLElement>(`tr[data-report="${CSS.escape(lastOpened)}"] .report-name`)?.focus();
  }, [reports, lastOpened]);

  const act = async (what: string, fn: () => Promise<unknown>, done?: string, options?: NotifyOptions) => {
    try {
      await fn();
      if (done) notify(done, 'success', options);
    } catch (e) {
      notify(`${what}失败：${errText(e)}`, 'error');
    }
    await reload();
  };

  const restore = (r: ReportSummary) => void act('恢复', () => api.restoreReport(r.id), `已恢复“${r.name}”`);

  const [samePending, setSamePending] = useState<SameReportPending | null>(null);
  /** Creates a report and opens it; if the list has one of that organ and year, asks first. */
  const createChecked = async (report: Report, close: () => void) => {
    const create = async () => {
      const { id } = await api.createReport(report);
      close();
      onOpen(id);
    };
    const same = sameReports(reports, report.org, report.year);
    if (!same.length) return create();
    setSamePending({
      org: report.org,
      year: report.year,
      same,
      create: () => void create().catch((e: unknown) => notify(`没有建成：${errText(e)}`, 'error')),
    });
  };
  const createFromImport = async (report: Report) => {
    try {
      await createChecked(report, () => setImportOpen(false));
    } catch (e) {
      notify(`没有建成：${errText(e)}`, 'error');
    }
  };

  return (
    // The window's body does not scroll (the editor scrolls inside): this page scrolls itself.
    <Box sx={{ height: '100%', overflow: 'auto' }}>
      <Box component="main" sx={{ maxWidth: 1100, mx: 'auto', p: 3 }}>
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
          <OpenReportFileButton onOpened={onOpen} />
          <Button onClick={() => (window.location.hash = '#/review')}>审核</Button>
          <Button onClick={() => setTrashOpen(true)}>回收站{trash.length ? `（${trash.length}）` : ''}</Button>
        </Stack>

        {loadError && (
          <Alert
            severity="error"
            sx={{ mb: 2 }}
            action={
              <Button color="inherit" onClick={() => void reload()}>
                重试
              </Button>
            }
          >
            读取报告列表失败：{loadError}
          </Alert>
        )}

        {reports && <Deadlines reports={reports} />}

        {reports && reports.length === 0 && (
          <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
            <Typography sx={{ mb: 1 }}>还没有报告。</Typography>
            <Typography variant="body2" color="text.secondary">
              点“新建报告”从空白开始；有上年的报告文件（Word、Excel、PDF
              或本软件的文件）时，点“从上年报告新建”，上年结转的数字和文字会自动带入。
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
                  {/* Wide enough for 错误, 警告 and 空白 chips on one line. */}
                  <TableCell sx={{ width: 250 }}>状态</TableCell>
                  <TableCell sx={{ width: 150 }}>上次保存</TableCell>
                  <TableCell sx={{ width: 290 }} align="right">
                    操作
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {reports.map((r) => (
                  <TableRow key={r.id} hover data-report={r.id} onDoubleClick={() => onOpen(r.id)}>
                    <TableCell>
                      <Link
                        component="button"
                        className="report-name"
                        underline="hover"
                        onClick={() => onOpen(r.id)}
                        sx={{ textAlign: 'left' }}
                      >
                        {r.name}
                      </Link>
                      <Typography variant="caption" color="text.secondary" component="div">
                        {r.org}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      {r.year}
                      {r.format !== requiredFormatFor(r.year) && (
                        <Typography variant="caption" color="text.secondary" component="div">
                          {getFormat(r.format).name}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <ReportStatusCell status={r.status} />
                    </TableCell>
                    <TableCell>{formatTime(r.updatedAt)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => onOpen(r.id)}>
                        打开
                      </Button>
                      <Button size="small" onClick={() => setRenaming(r)}>
                        重命名
                      </Button>
                      <Button
                        size="small"
                        onClick={() => void act('复制', () => api.duplicateReport(r.id), `已复制“${r.name}”`)}
                      >
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

        <NewReportDialog
          open={newOpen}
          defaultOrg={reports?.[0]?.org ?? ''}
          onClose={() => setNewOpen(false)}
          create={(r) => createChecked(r, () => setNewOpen(false))}
        />
        <SameReportConfirm
          pending={samePending}
          onClose={() => setSamePending(null)}
          onOpen={(id) => {
            setSamePending(null);
            setNewOpen(false);
            setImportOpen(false);
            onOpen(id);
          }}
        />
        <ImportDialog
          open={importOpen}
          onClose={() => setImportOpen(false)}
          onCreate={(r) => void createFromImport(r)}
        />
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
                void act('删除', () => api.deleteReport(r.id), `已删除“${r.name}”，可在回收站恢复`, {
                  action: { label: '撤销', onClick: () => restore(r) },
                });
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
                    <TableCell>自动清除</TableCell>
                    <TableCell align="right">操作</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {trash.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>{r.year}</TableCell>
                      <TableCell>{r.deletedAt ? formatTime(r.deletedAt) : ''}</TableCell>
                      <TableCell>{r.deletedAt ? purgeDate(r.deletedAt) : ''}</TableCell>
                      <TableCell align="right">
                        <Button size="small" onClick={() => restore(r)}>
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
    </Box>
  );
}
