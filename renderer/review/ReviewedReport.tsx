// A report of the folder opened read-only: what could not be read, every finding, the text and
// the tables with the cells concerned marked. Nothing here can change the file.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { getFormat, reportTitle } from '../../shared/format';
import { narrativeKeyOf, type Report } from '../../shared/report';
import { findingPlace, type ReviewEntry } from '../../shared/review';
import { groupBlanks, RULES, type Severity } from '../../shared/rules';
import { layoutsOf } from '../editor/grid/layout';
import { PreviewPage } from '../preview/PreviewPage';
import { SEVERITY_NAME } from '../editor/FindingList';
import { ReadOnlyTable } from './ReadOnlyTable';

interface Props {
  entry: ReviewEntry | null;
  report: Report | undefined;
  onClose(): void;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function ReviewedReport({ entry, report, onClose }: Props) {
  const [view, setView] = useState<'check' | 'print'>('check');
  const marks = useMemo(() => {
    const m = new Map<string, Severity>();
    for (const f of entry?.findings ?? [])
      for (const c of f.cells) {
        const had = m.get(c);
        if (!had || RANK[f.severity] < RANK[had]) m.set(c, f.severity);
      }
    return m;
  }, [entry]);
  if (!entry) return null;
  const format = report ? getFormat(report.format) : null;
  const layouts = format ? layoutsOf(format) : null;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" scroll="paper" aria-labelledby="reviewed-title">
      <DialogTitle id="reviewed-title">
        {report ? reportTitle(report.org, report.year) : entry.file}
        <Typography variant="body2" color="text.secondary" component="div">
          {entry.file}
          {entry.kind ? `（${entry.kind}）` : ''} · 只读，审核不会修改文件
        </Typography>
      </DialogTitle>
      {report && (
        <Tabs value={view} onChange={(_, v) => setView(v)} sx={{ px: 3 }} aria-label="查看方式">
          <Tab value="check" label="检查结果与表格" />
          <Tab value="print" label="打印版式" />
        </Tabs>
      )}
      <DialogContent dividers data-testid="reviewed-report">
        {report && view === 'print' ? (
          <PreviewPage report={report} />
        ) : (
          <>
            {entry.readProblems.length > 0 && (
              <Alert severity={entry.isReport ? 'info' : 'error'} sx={{ mb: 2 }}>
                <Typography variant="subtitle2">{entry.isReport ? '读取时未能读出的内容' : '无法读取'}</Typography>
                {entry.readProblems.map((p, i) => (
                  <div key={i}>{p}</div>
                ))}
              </Alert>
            )}
            {entry.isReport && (
              <Box component="section" sx={{ mb: 2 }}>
                <Typography variant="h6" component="h3">
                  检查结果：错误{entry.errors}个，警告{entry.warnings}个
                  {entry.repeatPercent !== null ? `，与上年重复${entry.repeatPercent}%` : ''}
                </Typography>
                {entry.lastFile && (
                  <Typography variant="body2" color="text.secondary">
                    对照的上年报告：{entry.lastFile}
                    {entry.lastNote ? `（${entry.lastNote}）` : ''}
                  </Typography>
                )}
                <ol className="review-findings">
                  {/* Blank cells by group, as counted in 警告. */}
                  {groupBlanks(entry.findings, getFormat(entry.format ?? '2021')).map((f, i) => (
                    <li key={i} className={`finding-${f.severity}`} data-rule={f.rule}>
                      <strong>{SEVERITY_NAME[f.severity]}</strong> {f.message}
                      <span className="review-where">
                        {' '}
                        （{RULES[f.rule]?.title ?? f.rule}
                        {f.cells.length || f.field !== undefined
                          ? `；${findingPlace(entry.format, f.cells, f.field)}`
                          : ''}
                        ）
                      </span>
                    </li>
                  ))}
                </ol>
              </Box>
            )}
            {report && format && layouts && (
              <>
                {format.sections.map((s) => {
                  const key = narrativeKeyOf(s.no);
                  const title = `${s.numeral}、${s.heading}`;
                  if (key)
                    return (
                      <Box component="section" key={s.no} sx={{ mb: 2 }}>
                        <Typography variant="h6" component="h3">
                          {title}
                        </Typography>
                        {report.narrative[key].map((p) => (
                          <Box key={p.id} sx={{ mb: 1 }}>
                            {p.heading && <Typography variant="subtitle2">{p.heading}</Typography>}
                            {p.text.split('\n').map((line, i) => (
                              <Typography key={i} variant="body2" component="p" sx={{ mb: 1 }}>
                                {line}
                              </Typography>
                            ))}
                          </Box>
                        ))}
                      </Box>
                    );
                  const layout = s.no === 2 ? layouts.disclosure : s.no === 3 ? layouts.applications : layouts.review;
                  return (
                    <Box component="section" key={s.no} sx={{ mb: 2, overflowX: 'auto' }}>
                      <ReadOnlyTable layout={layout} report={report} marks={marks} caption={title} />
                    </Box>
                  );
                })}
              </>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          关闭
        </Button>
      </DialogActions>
    </Dialog>
  );
}
