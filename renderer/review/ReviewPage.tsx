// 审核: the reviewer at the 县政府办 chooses the folder of the departments' reports (and, if at
// hand, last year's), sees every report's findings in one sortable table and the county's figures,
// opens any report read-only and exports the workbook.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ReviewEntry } from '../../shared/review';
import { api, host, isElectron } from '../api/client';
import { useNotify } from '../notify';
import { ReviewCharts } from './ReviewCharts';
import { ReviewedReport } from './ReviewedReport';
import { ReviewTable } from './ReviewTable';
import { useFolderReview, type Which } from './useFolderReview';

/** A hidden folder picker: Chromium's webkitdirectory, in the desktop app and the browser alike. */
function useFolderInput(ref: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    ref.current?.setAttribute('webkitdirectory', '');
    ref.current?.setAttribute('directory', '');
  }, [ref]);
}

export function ReviewPage({ onExit }: { onExit(): void }) {
  const notify = useNotify();
  const review = useFolderReview();
  const currentInput = useRef<HTMLInputElement>(null);
  const lastInput = useRef<HTMLInputElement>(null);
  useFolderInput(currentInput);
  useFolderInput(lastInput);
  const [open, setOpen] = useState<ReviewEntry | null>(null);
  const [exporting, setExporting] = useState(false);
  const { result, progress, folders } = review;

  const picked = (which: Which) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = e.target.files;
    if (files && files.length) void review.choose(which, Array.from(files));
    else if (files) notify('所选文件夹中没有文件。', 'warning');
    e.target.value = '';
  };

  const exportWorkbook = async () => {
    if (!result) return;
    setExporting(true);
    try {
      const { fileName, base64 } = await api.exportReview(result);
      const saved = await host.saveFile({ name: fileName, base64 });
      if (saved)
        notify(
          isElectron ? `审核表已保存：${saved.path}` : `已导出“${fileName}”，请在浏览器的下载文件夹中查看。`,
          'success',
        );
    } catch (e) {
      notify(`导出审核表失败：${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setExporting(false);
    }
  };

  const t = result?.totals;
  return (
    <Box sx={{ height: '100vh', overflow: 'auto' }} data-page="review">
      <Box component="main" sx={{ maxWidth: 1200, mx: 'auto', p: 3 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
          <Button onClick={onExit}>← 返回</Button>
          <Box sx={{ flex: 1 }}>
            <Typography variant="h5" component="h1">
              审核各单位报告
            </Typography>
            <Typography variant="body2" color="text.secondary">
              选择存放各单位年度报告的文件夹（Word、PDF、Excel、网页或本软件的文件均可），逐份检查勾稽关系和文字；
              再选上年报告的文件夹，可核对上年结转并计算与上年重复的文字。
            </Typography>
          </Box>
        </Stack>

        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
          <Button variant="contained" onClick={() => currentInput.current?.click()} disabled={!!progress}>
            选择报告文件夹
          </Button>
          <Button variant="outlined" onClick={() => lastInput.current?.click()} disabled={!!progress}>
            选择上年报告文件夹
          </Button>
          <Button onClick={() => void exportWorkbook()} disabled={!result || !!progress || exporting}>
            导出审核表
          </Button>
          <input
            ref={currentInput}
            type="file"
            multiple
            hidden
            data-testid="review-folder"
            onChange={picked('current')}
          />
          <input
            ref={lastInput}
            type="file"
            multiple
            hidden
            data-testid="review-last-folder"
            onChange={picked('last')}
          />
          {(['current', 'last'] as const).map((w) => {
            const f = folders[w];
            if (!f) return null;
            return (
              <Typography key={w} variant="body2" color="text.secondary">
                {w === 'current' ? '本年' : '上年'}：{f.name || '所选文件夹'}（{f.files}个文件
                {f.skipped ? `，子文件夹中的${f.skipped}个文件未读取` : ''}）
              </Typography>
            );
          })}
        </Stack>

        {progress && (
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="status" data-testid="review-progress">
            <Typography variant="body2" sx={{ mb: 1 }}>
              {progress.again
                ? `正在参考上年报告重新读取数字连在一起的文件，第 ${progress.done + 1} / ${progress.total} 个：${progress.current}`
                : `正在读取${progress.which === 'last' ? '上年' : ''}文件夹：已读 ${progress.done} / ${progress.total} 个文件${progress.current ? `，正在读取“${progress.current}”等` : ''}`}
            </Typography>
            <LinearProgress variant="determinate" value={(progress.done / progress.total) * 100} />
            <Button size="small" sx={{ mt: 1 }} onClick={review.stop}>
              停止
            </Button>
            <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 1 }}>
              停止后，正在读取的一批文件读完即不再继续，已读的报告保留在下表中。
            </Typography>
          </Paper>
        )}

        {review.lastUnreadable.length > 0 && (
          <Alert severity="info" sx={{ mb: 2 }}>
            上年文件夹中有{review.lastUnreadable.length}个文件不是报告或无法读取，未用于对照：
            {review.lastUnreadable.map((l) => l.file).join('、')}
          </Alert>
        )}

        {!result && !progress && (
          <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
            <Typography>还没有选择文件夹。</Typography>
            <Typography variant="body2" color="text.secondary">
              点“选择报告文件夹”，选中存放各单位报告的文件夹即可；文件只读取，不会被修改。
            </Typography>
          </Paper>
        )}

        {result && t && (
          <>
            <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', gap: 1 }} data-testid="review-summary">
              <Chip label={`报告${t.reports}份`} />
              <Chip color={t.withErrors ? 'error' : 'success'} label={`有错误的${t.withErrors}份`} />
              <Chip label={`警告${t.warnings}个`} />
              {t.unreadable > 0 && <Chip color="warning" label={`${t.unreadable}个文件不是报告或无法读取`} />}
              {t.duplicates > 0 && <Chip label={`${t.duplicates}个文件是同一报告的副本（只计一次）`} />}
              {t.otherYear > 0 && (
                <Chip color="warning" label={`${t.otherYear}份报告不是${t.year}年度的，未计入全县数据`} />
              )}
              {t.figures.received !== null && <Chip label={`全县本年新收申请${t.figures.received}件`} />}
              {t.figures.substantiveRate !== null && <Chip label={`实质公开率${t.figures.substantiveRate}%`} />}
              {t.figures.reviewCorrectionRate !== null && (
                <Chip label={`复议纠错率${t.figures.reviewCorrectionRate}%`} />
              )}
              {t.figures.litigationCorrectionRate !== null && (
                <Chip label={`诉讼纠错率${t.figures.litigationCorrectionRate}%`} />
              )}
            </Stack>
            <Paper variant="outlined" sx={{ mb: 2 }}>
              <ReviewTable entries={result.reports} onOpen={setOpen} />
            </Paper>
            {t.reports > 0 && <ReviewCharts result={result} reports={review.reports} />}
          </>
        )}
      </Box>
      <ReviewedReport
        entry={open}
        report={open ? review.reports.get(open.file) : undefined}
        onClose={() => setOpen(null)}
      />
    </Box>
  );
}
