// 预览: the letter and the report as the A4 pages the Word export lays out, drawn from the same
// document description, re-laid out as the report changes. 打印 (or Ctrl+P) prints these pages
// only (preview.css); in the desktop app 导出 PDF prints them to a PDF file.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  describeDocument,
  exportFileName,
  TEXT_HEIGHT_MM,
  type Block,
  type DocumentDescription,
} from '../../shared/document';
import type { Report } from '../../shared/report';
import { host, isElectron } from '../api/client';
import { useNotify } from '../notify';
import { BlockView, type Slice } from './BlockView';
import { DOCUMENT_CSS_VARS } from './cssVars';
import { lineStarts, measureBlocks } from './measure';
import { paginate } from './paginate';
import { takePrintRequest } from './print';
import './preview.css';

interface PageView {
  number: number;
  /** The part (section) the page belongs to: letter or report. */
  part: 'letter' | 'report';
  pieces: { key: string; block: Block; slice?: Slice; dropBefore: boolean }[];
}

/** Lays the description out into pages, measuring a hidden copy of every part. */
function layout(doc: DocumentDescription, measure: HTMLElement): PageView[] {
  const containers = [...measure.children] as HTMLElement[];
  const parts = doc.sections.map((s, i) => measureBlocks(s.blocks, containers[i]));
  const pageHeight = (TEXT_HEIGHT_MM * 96) / 25.4; // CSS px
  const planned = paginate(parts, pageHeight);
  const starts = new Map<string, number[]>();
  return planned.map((p, n) => ({
    number: doc.firstPage + n,
    part: doc.sections[p.part].id,
    pieces: p.fragments.map((f) => {
      const block = doc.sections[p.part].blocks[f.item];
      const key = `${p.part}-${f.item}-${f.from}`;
      const item = parts[p.part][f.item];
      const dropBefore = !f.withBefore;
      if (item.kind === 'table') return { key, block, dropBefore, slice: { from: f.from, to: f.to } };
      if (f.from === 0 && f.to === item.lines) return { key, block, dropBefore };
      // A paragraph broken over pages: cut its text where the browser broke its lines.
      const id = `${p.part}-${f.item}`;
      if (!starts.has(id)) starts.set(id, lineStarts(containers[p.part].children[f.item] as HTMLElement));
      const s = starts.get(id)!;
      const length = block.type === 'paragraph' ? block.lines.join('').length : 0;
      const slice = {
        from: s[f.from] ?? length,
        to: f.to < s.length ? s[f.to] : length,
        continued: f.from > 0,
        broken: f.to < item.lines,
      };
      return { key, block, dropBefore, slice };
    }),
  }));
}

export function PreviewPage({ report }: { report: Report }) {
  const notify = useNotify();
  const [reportOnly, setReportOnly] = useState(false);
  // Typing elsewhere never waits for the layout: it follows a moment later.
  const deferred = useDeferredValue(report);
  const doc = useMemo(() => describeDocument(deferred, { reportOnly }), [deferred, reportOnly]);
  const measure = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<PageView[] | null>(null);

  useLayoutEffect(() => {
    if (measure.current) setPages(layout(doc, measure.current));
  }, [doc]);

  useLayoutEffect(() => {
    if (pages && takePrintRequest()) window.print();
  }, [pages]);

  const letterPages = pages?.filter((p) => p.part === 'letter').length ?? 0;
  const hasNote = doc.sections.some((s) => s.blocks.some((b) => b.type === 'paragraph' && b.kind === 'note'));

  const exportPdf = async () => {
    try {
      const saved = await host.printToPdf({ name: exportFileName(report, 'pdf', reportOnly) });
      if (saved) notify(`已导出 PDF：${saved.path}`, 'success');
    } catch (e) {
      notify(`导出 PDF 失败：${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  };

  return (
    <Box>
      <Box className="nb-preview-bar" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ mr: 1 }}>
          预览
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={reportOnly ? 'report' : 'both'}
          onChange={(_, v) => v && setReportOnly(v === 'report')}
          aria-label="预览内容"
        >
          <ToggleButton value="both">报送函+报告</ToggleButton>
          <ToggleButton value="report">仅报告</ToggleButton>
        </ToggleButtonGroup>
        <Button variant="contained" size="small" onClick={() => window.print()}>
          打印
        </Button>
        {isElectron && (
          <Button variant="outlined" size="small" onClick={() => void exportPdf()}>
            导出 PDF
          </Button>
        )}
        <Typography variant="body2" color="text.secondary" data-testid="preview-page-count">
          {pages ? `共${pages.length}页，A4，与导出的 Word 文档版式相同` : '正在排版…'}
          {!isElectron && '；打印时选择“另存为 PDF”可得到 PDF 文件'}
        </Typography>
      </Box>
      {letterPages > 1 && (
        <Alert severity="warning" sx={{ mb: 2 }} className="nb-preview-bar" data-testid="preview-letter-long">
          报送函排成了{letterPages}
          页：署名和成文日期{hasNote && '及附注（联系人、联系电话）'}
          连同最后一行文字移到了下一页，不会出现空白印章页。如需排在一页之内，可以精简正文或附件说明。
        </Alert>
      )}
      <div ref={measure} className="nb-doc nb-measure" aria-hidden="true" style={DOCUMENT_CSS_VARS}>
        {doc.sections.map((s) => (
          <div key={s.id} className="nb-text">
            {s.blocks.map((b, i) => (
              <BlockView key={i} block={b} />
            ))}
          </div>
        ))}
      </div>
      <div className="nb-doc nb-pages" data-testid="preview-pages" style={DOCUMENT_CSS_VARS}>
        {pages?.map((p) => (
          <section key={p.number} className="nb-page" aria-label={`第${p.number}页`}>
            <div className="nb-text">
              {p.pieces.map((x) => (
                <BlockView key={x.key} block={x.block} slice={x.slice} dropBefore={x.dropBefore} />
              ))}
            </div>
            <div className={`nb-pageno ${p.number % 2 ? 'nb-odd' : 'nb-even'}`}>— {p.number} —</div>
          </section>
        ))}
      </div>
    </Box>
  );
}
