// 从上年报告新建: read last year's report (a file of any kind, or text pasted from the website),
// show what was read cell by cell — the clerk may type the right number into a blank or misread
// cell — what could not be read (and the 勾稽 checks that wait on it), what is wrong in last
// year's report itself and which cells of this year will be filled; nothing is applied until
// 确定结转并新建, which carries the corrected report.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import type { ReadResult } from '../../shared/api';
import { carryForward } from '../../shared/carry';
import { allCells, getFormat, ownLabel, reportTitle } from '../../shared/format';
import { separateReadingFindings } from '../../shared/parse';
import { getCell, REPORT_FILE_EXT, setCell, type Cell, type Report } from '../../shared/report';
import { previousUsedLine, readWithPrevious } from '../../shared/review';
import { checkReport, groupBlanks, RULES, type Finding, type RuleId } from '../../shared/rules';
import ReadTables, { type TableMarks } from './ReadTables';
import { readChosenFile, readPasted, storedPrevious } from './source';

export interface ImportDialogProps {
  open: boolean;
  onClose(): void;
  /** Called with the new report (already carried forward); the start page stores and opens it. */
  onCreate(report: Report): void;
}

const ACCEPT = `${REPORT_FILE_EXT},.json,.docx,.xlsx,.doc,.wps,.pdf,.txt,.html,.htm,.mht,.mhtml`;
const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;
/** Rules of the tables (numbered 1–7 in RULES): the 勾稽 errors the chip counts. */
const tableRule = (rule: string) => /^[1-7]$/.test(RULES[rule as RuleId]?.no ?? '');
/** Rules of the cover letter alone: not last year's report's problems any more. */
const LETTER_ONLY = new Set(['meta.recipient', 'meta.date']);
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function Findings({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <Alert severity="success">上年报告本身未发现勾稽问题。</Alert>;
  return (
    <Stack spacing={0.5}>
      {findings.map((f, i) => (
        <Typography key={i} variant="body2" color={f.severity === 'error' ? 'error' : 'text.primary'}>
          [{SEVERITY[f.severity]}] {f.message}
        </Typography>
      ))}
    </Stack>
  );
}

interface PreviewProps {
  read: ReadResult;
  /** The store's report of the year before, when the numbers were read with it. */
  previous: Report | null;
  /** Last year's report as read, with the clerk's corrections. */
  last: Report;
  corrected: ReadonlySet<string>;
  onEdit(id: string, value: Cell): void;
  year: string;
  setYear(y: string): void;
}

function Preview({ read, previous, last, corrected, onEdit, year, setYear }: PreviewProps) {
  const [tab, setTab] = useState(0);
  const format = getFormat(last.format);
  const cells = allCells(format);
  const filledCount = cells.filter((c) => getCell(last, c.id) !== null).length;
  const problems = useMemo(
    () => new Map((read.cellProblems ?? []).map((p) => [p.cell, p.message] as [string, string])),
    [read],
  );
  const all = useMemo(() => checkReport(last), [last]);
  // A check that waits on a cell the importer could not read (and the clerk has not typed in) is
  // a reading problem, not last year's error.
  const { report: findings, reading } = useMemo(() => {
    const ledger = read.tables?.ledger;
    return separateReadingFindings(
      all,
      ledger && { ...ledger, unread: ledger.unread.filter((c) => !corrected.has(c)) },
    );
  }, [all, read, corrected]);
  const marks: TableMarks = { problems, corrected, reading };
  const open = [...problems.keys()].filter((c) => !corrected.has(c)).length;
  const yearOk = /^\d{4}$/.test(year) && +year >= 2000 && +year <= 2100;
  const carry = useMemo(() => carryForward(last, yearOk ? +year : last.year + 1), [last, year, yearOk]);
  const filled = useMemo(() => new Set(carry.carried.map((c) => c.cell)), [carry]);
  // What last year's published report says of itself: its tables' 勾稽 and its text — blank cells
  // by group, and not what only its cover letter lacks (no one can send that letter again).
  const shown = useMemo(
    () =>
      groupBlanks(
        findings.filter((f) => !LETTER_ONLY.has(f.rule)),
        format,
      ),
    [findings, format],
  );
  const errors = findings.filter((f) => f.severity === 'error' && tableRule(f.rule)).length;
  const nm = getFormat(carry.report.format).applications;
  const rowLabel = (id: string) => ownLabel(nm.rows.find((r) => r.id === id)!.path);
  return (
    <Stack spacing={1.5}>
      <Box>
        <Typography variant="subtitle1">{reportTitle(last.org || '（未识别机关名称）', last.year)}</Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap' }}>
          <Chip size="small" label={read.kind} />
          <Chip size="small" label={format.name} color={last.format === '2019' ? 'warning' : 'default'} />
          <Chip size="small" label={`读到数字 ${filledCount} / ${cells.length} 个单元格`} />
          <Chip
            size="small"
            label={`未能读取 ${read.problems.length} 处`}
            color={read.problems.length ? 'warning' : 'success'}
          />
          <Chip size="small" label={`上年报告勾稽错误 ${errors} 个`} color={errors ? 'error' : 'success'} />
          {reading.length > 0 && (
            <Chip size="small" label={`因未能读取而无法核对 ${reading.length} 项`} color="warning" />
          )}
          {corrected.size > 0 && <Chip size="small" label={`已更正 ${corrected.size} 个单元格`} color="info" />}
        </Stack>
        {previous && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} data-testid="previous-used">
            {previousUsedLine(previous)}
          </Typography>
        )}
      </Box>
      <Tabs value={tab} onChange={(_, v: number) => setTab(v)} variant="scrollable">
        <Tab label="读到的表格" />
        <Tab label={`未能读取（${read.problems.length}）`} />
        <Tab label={`上年报告的问题（${shown.length}）`} />
        <Tab label="本年将结转" />
      </Tabs>
      {tab === 0 && (
        <Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            下面是从文件中读到的每个单元格；空着的格表示没有读到数字（空白不等于0）。
            {open > 0 && `橙色的 ${open} 个单元格未能读取或需要核对，`}
            可以直接在格中填写或改正数字（按上年报告原文），结转时使用改正后的数字。
          </Typography>
          <ReadTables report={last} marks={marks} onEdit={onEdit} />
        </Box>
      )}
      {tab === 1 &&
        (read.problems.length ? (
          <Alert severity="warning">
            <AlertTitle>以下内容未能读取或需要核对</AlertTitle>
            {read.problems.map((p, i) => (
              <div key={i}>
                {i + 1}. {p}
              </div>
            ))}
          </Alert>
        ) : (
          <Alert severity="success">文件中的标题、各部分和表格都已读取。</Alert>
        ))}
      {tab === 2 && (
        <Stack spacing={1}>
          <Findings findings={shown} />
          {reading.length > 0 && (
            <Alert severity="info" data-testid="reading-findings">
              另有 {reading.length}{' '}
              项勾稽关系因表格中有单元格未能读取而无法核对，不算上年报告的错误，已标在“读到的表格”中相应的行旁；
              填上这些数字后即可核对。
            </Alert>
          )}
        </Stack>
      )}
      {tab === 3 && (
        <Stack spacing={1.5}>
          <TextField
            label="新建报告的年度"
            value={year}
            onChange={(e) => setYear(e.target.value.trim())}
            error={!yearOk}
            helperText={
              yearOk
                ? `将新建“${reportTitle(last.org, +year)}”（${getFormat(carry.report.format).name}）`
                : '请填写四位数字的年度'
            }
            sx={{ maxWidth: 360 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
          />
          <Alert severity="info">
            将从上年报告带入：机关名称、联系人和联系方式、网站，报送函的报送对象、签发人和红头设置（成文日期、发文字号需本年填写）；“
            {rowLabel(nm.carriedOverRow)}”一行按上年“
            {rowLabel(nm.carryForwardRow)}”逐列填入（下表绿色单元格，共 {carry.carried.length} 个）；
            上年的文字和“存在的主要问题”留作编写本年报告时的参考。
          </Alert>
          {carry.notCarried.length > 0 && (
            <Alert severity="warning">
              <AlertTitle>以下内容无法结转</AlertTitle>
              {carry.notCarried.map((p, i) => (
                <div key={i}>{p}</div>
              ))}
            </Alert>
          )}
          <ReadTables report={carry.report} filled={filled} only="applications" />
        </Stack>
      )}
    </Stack>
  );
}

export default function ImportDialog({ open, onClose, onCreate }: ImportDialogProps) {
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [text, setText] = useState('');
  const [html, setHtml] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [read, setRead] = useState<ReadResult | null>(null);
  const [previous, setPrevious] = useState<Report | null>(null);
  const [last, setLast] = useState<Report | null>(null);
  const [corrected, setCorrected] = useState<ReadonlySet<string>>(new Set());
  const [year, setYear] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    setRead(null);
    setError('');
    setBusy(false);
  }, [open]);

  const accept = ({ result: r, previous: p }: { result: ReadResult; previous: Report | null }) => {
    setRead(r);
    setPrevious(p);
    setLast(r.report);
    setCorrected(new Set());
    setYear(String(r.report.year + 1));
    setError('');
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      accept(await readWithPrevious((p) => readChosenFile(file, p), storedPrevious));
    } catch (e) {
      setError(errText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const readText = async () => {
    try {
      accept(await readWithPrevious(async (p) => readPasted(text, html, p), storedPrevious));
    } catch (e) {
      setError(errText(e));
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    // The web page's HTML keeps the table cells; plain text is the fallback.
    setHtml(e.clipboardData.getData('text/html') ?? '');
  };

  const yearOk = /^\d{4}$/.test(year) && +year >= 2000 && +year <= 2100;
  const create = () => {
    if (!read || !last || !yearOk) return;
    onCreate(carryForward(last, +year, read.kind).report);
  };
  const onEdit = (id: string, value: Cell) => {
    if (!read) return;
    setLast((prev) => (prev ? setCell(prev, id, value) : prev));
    setCorrected((prev) => {
      const next = new Set(prev);
      if (value === getCell(read.report, id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="lg" fullWidth>
      <DialogTitle>从上年报告新建</DialogTitle>
      <DialogContent dividers>
        {!read ? (
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              选择上年的报告文件，或粘贴政府网站上发布的报告全文。读取后先预览，确认无误再新建本年报告。
            </Typography>
            <Tabs value={mode} onChange={(_, v: 'file' | 'paste') => setMode(v)}>
              <Tab value="file" label="选择文件" />
              <Tab value="paste" label="粘贴文字" />
            </Tabs>
            {mode === 'file' ? (
              <Box>
                <input
                  ref={input}
                  type="file"
                  accept={ACCEPT}
                  hidden
                  onChange={(e) => void chooseFile(e.target.files?.[0])}
                  data-testid="import-file"
                />
                <Button variant="outlined" onClick={() => input.current?.click()} disabled={busy}>
                  选择文件…
                </Button>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  支持本软件的报告文件（{REPORT_FILE_EXT}）及其导出的 Word/Excel、Word 文档（.docx、.doc）、Excel
                  表格（.xlsx）、有文字层的 PDF、网页（.html）和文本文件（.txt）。
                </Typography>
              </Box>
            ) : (
              <Stack spacing={1}>
                <TextField
                  multiline
                  minRows={10}
                  maxRows={18}
                  fullWidth
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value);
                    if (!e.target.value) setHtml('');
                  }}
                  onPaste={onPaste}
                  placeholder="把网页上的报告全文（包括表格）复制后粘贴到这里"
                  slotProps={{ htmlInput: { 'data-testid': 'import-paste' } }}
                />
                <Box>
                  <Button variant="outlined" onClick={() => void readText()} disabled={!text.trim() || busy}>
                    读取粘贴的文字
                  </Button>
                </Box>
              </Stack>
            )}
            {busy && (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <CircularProgress size={18} />
                <Typography variant="body2">正在读取…</Typography>
              </Stack>
            )}
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        ) : (
          <Preview
            read={read}
            previous={previous}
            last={last ?? read.report}
            corrected={corrected}
            onEdit={onEdit}
            year={year}
            setYear={setYear}
          />
        )}
      </DialogContent>
      <DialogActions>
        {read && <Button onClick={() => setRead(null)}>重新选择</Button>}
        <Box sx={{ flex: 1 }} />
        <Button onClick={onClose} disabled={busy}>
          取消
        </Button>
        <Button variant="contained" onClick={create} disabled={!read || !yearOk}>
          确定结转并新建
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export { ImportDialog };
