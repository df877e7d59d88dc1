// Sections 二, 三, 四: a grid over the table, its toolbar (undo, redo, manual totals) and the
// findings of this section.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { getFormat, type FormatDef } from '../../../shared/format';
import { getCell } from '../../../shared/report';
import { groupBlanks, type Finding } from '../../../shared/rules';
import { LedgerButton } from '../../ledger/LedgerButton';
import { FindingList } from '../FindingList';
import { Grid, type NotifyLevel } from '../grid/Grid';
import { layoutsOf, sectionOfCell } from '../grid/layout';
import type { CellChange } from '../history';
import { sectionTitle } from '../sections';
import { UndoButtons } from '../UndoButtons';
import type { ReportDoc } from '../useReportDoc';

interface Props {
  no: 2 | 3 | 4;
  doc: ReportDoc;
  focusRequest: { cellId: string; n: number } | null;
  onFocusCell(cellId: string): void;
  /** A finding listed below the table: opens the cell that explains it. */
  onOpenFinding(f: Finding): void;
  onApply(f: Finding): void;
  canApply(f: Finding): boolean;
}

const KEY_HELP =
  '方向键、Tab、回车移动（Tab 跳过自动合计；连按 Tab 后回车回到起始列的下一行）；直接输入即覆盖；F2 或双击修改；Esc 取消；Delete 清除；Ctrl+C / Ctrl+V 与 Excel、WPS 互相复制粘贴；Ctrl+Z 撤销，Ctrl+Y 重做。';

const PageTitle = memo(function PageTitle({ title }: { title: string }) {
  return (
    <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
      {title}
    </Typography>
  );
});

const ConfirmAutoDialog = memo(function ConfirmAutoDialog(props: {
  count: number;
  onClose(): void;
  onConfirm(): void;
}) {
  return (
    <Dialog open={props.count > 0} onClose={props.onClose}>
      <DialogTitle>改为自动计算合计？</DialogTitle>
      <DialogContent>
        <DialogContentText>
          有{props.count}个合计与各项之和不一致。改为自动计算后，这些合计将被各项之和替换。
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>保留手动填写</Button>
        <Button variant="contained" onClick={props.onConfirm}>
          改为自动计算
        </Button>
      </DialogActions>
    </Dialog>
  );
});

const Toolbar = memo(function Toolbar(props: {
  canUndo: boolean;
  canRedo: boolean;
  hasTotals: boolean;
  autoTotals: boolean;
  onUndo(): void;
  onRedo(): void;
  onAutoTotals(manual: boolean): void;
  blanks: number;
  onFillBlanks(): void;
}) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
      <UndoButtons canUndo={props.canUndo} canRedo={props.canRedo} onUndo={props.onUndo} onRedo={props.onRedo} />
      {props.hasTotals && (
        <FormControlLabel
          sx={{ ml: 1 }}
          control={
            <Switch size="small" checked={!props.autoTotals} onChange={(e) => props.onAutoTotals(e.target.checked)} />
          }
          label={props.autoTotals ? '手动填写合计（现为自动计算）' : '手动填写合计（合计由您填写并参与勾稽检查）'}
        />
      )}
      <Button
        size="small"
        variant="outlined"
        onClick={props.onFillBlanks}
        disabled={props.blanks === 0}
        title="本表中仍空白的单元格一律填0（可撤销）：公开的表格不留空白，没有的填0"
      >
        空白处填0{props.blanks ? `（${props.blanks}）` : ''}
      </Button>
    </Stack>
  );
});

/**
 * The findings of this section below the grid. It renders with deferred priority: a keystroke
 * paints the grid's totals and highlights first, and the list (whose messages carry the changing
 * numbers) follows right after.
 */
const SectionFindings = memo(function SectionFindings(props: {
  no: 2 | 3 | 4;
  findings: Finding[];
  format: FormatDef;
  onOpen(f: Finding): void;
  onApply(f: Finding): void;
  canApply(f: Finding): boolean;
}) {
  const { no, format, onOpen, onApply, canApply } = props;
  const findings = useDeferredValue(props.findings);
  const mine = useMemo(
    // Blank cells by group, as 检查结果 lists them.
    () => groupBlanks(findings, format).filter((f) => f.cells.length && sectionOfCell(f.cells[0]) === no),
    [findings, format, no],
  );
  if (!mine.length) return null;
  return (
    <section className="section-findings" aria-label="本部分的检查结果">
      <h2>本部分的检查结果（{mine.length}）</h2>
      <FindingList findings={mine} format={format} onOpen={onOpen} onApply={onApply} canApply={canApply} />
    </section>
  );
});

/**
 * The grid's messages (a paste's result, an entry not taken, why a total cannot be typed) in a
 * line of their own above the table: never over the cell being edited or the next row.
 */
const GridMessage = memo(function GridMessage({ message }: { message: { text: string; level: NotifyLevel } | null }) {
  return (
    <div
      className={`grid-message${message ? ` grid-message-${message.level}` : ''}`}
      role="status"
      data-testid="grid-message"
    >
      {message?.text ?? ''}
    </div>
  );
});

export function TablePage({ no, doc, focusRequest, onFocusCell, onOpenFinding, onApply, canApply }: Props) {
  const [message, setMessage] = useState<{ text: string; level: NotifyLevel } | null>(null);
  const say = useCallback((text: string, level: NotifyLevel = 'info') => setMessage({ text, level }), []);
  const format = getFormat(doc.report.format);
  const layout = layoutsOf(format)[no === 2 ? 'disclosure' : no === 3 ? 'applications' : 'review'];
  const [confirmAuto, setConfirmAuto] = useState(0);
  const hasTotals = useMemo(() => [...layout.byId.values()].some((c) => c.isTotal), [layout]);

  const { setCells, seal, undo: docUndo, redo: docRedo, setAutoTotals, totalsToReplace } = doc;
  const onCells = useCallback((changes: CellChange[], key?: string) => setCells(changes, key), [setCells]);
  const h = doc.history(no);

  const undo = useCallback(() => {
    const ch = docUndo(no);
    if (ch?.[0]) onFocusCell(ch[0].id);
  }, [docUndo, no, onFocusCell]);
  const redo = useCallback(() => {
    const ch = docRedo(no);
    if (ch?.[0]) onFocusCell(ch[0].id);
  }, [docRedo, no, onFocusCell]);
  const onAutoTotals = useCallback(
    (manual: boolean) => {
      if (manual) {
        setAutoTotals(false);
        return;
      }
      const n = totalsToReplace();
      if (n === 0) setAutoTotals(true);
      else setConfirmAuto(n);
    },
    [setAutoTotals, totalsToReplace],
  );

  const closeConfirm = useCallback(() => setConfirmAuto(0), []);
  const confirmAutoTotals = useCallback(() => {
    setConfirmAuto(0);
    setAutoTotals(true);
  }, [setAutoTotals]);
  const onSeal = useCallback(() => seal(no), [seal, no]);
  const onUndo = useCallback(() => docUndo(no), [docUndo, no]);
  const onRedo = useCallback(() => docRedo(no), [docRedo, no]);

  // Blank cells the clerk may type into (not auto-computed totals): "空白处填0" fills them in one undo step.
  // The toolbar gets only the count and a stable callback, so a keystroke does not re-render it.
  const blankIds = useMemo(
    () => [...layout.byId.keys()].filter((id) => getCell(doc.report, id) === null && !doc.readOnly.has(id)),
    [layout, doc.report, doc.readOnly],
  );
  const blankRef = useRef(blankIds);
  blankRef.current = blankIds;
  const fillBlanks = useCallback(() => {
    const ids = blankRef.current;
    if (!ids.length) return;
    setCells(ids.map((id) => ({ id, value: 0 })));
    say(`已将本表${ids.length}个空白单元格填为0。如有误，可点“撤销”或按 Ctrl+Z。`);
  }, [setCells, say]);

  const title = sectionTitle(format, String(no) as '2');
  return (
    <div>
      <PageTitle title={title} />
      <Toolbar
        canUndo={h.canUndo}
        canRedo={h.canRedo}
        hasTotals={hasTotals}
        autoTotals={doc.report.settings.autoTotals}
        onUndo={undo}
        onRedo={redo}
        onAutoTotals={onAutoTotals}
        blanks={blankIds.length}
        onFillBlanks={fillBlanks}
      />
      {no === 3 && <LedgerButton doc={doc} />}
      <GridMessage message={message} />
      <Grid
        layout={layout}
        report={doc.report}
        marks={doc.marks}
        readOnly={doc.readOnly}
        caption={title}
        onCells={onCells}
        onSeal={onSeal}
        onUndo={onUndo}
        onRedo={onRedo}
        notify={say}
        focusRequest={focusRequest}
      />
      <p className="key-help">{KEY_HELP}</p>
      <SectionFindings
        no={no}
        findings={doc.findings}
        format={format}
        onOpen={onOpenFinding}
        onApply={onApply}
        canApply={canApply}
      />
      <ConfirmAutoDialog count={confirmAuto} onClose={closeConfirm} onConfirm={confirmAutoTotals} />
    </div>
  );
}
