// The report editor: header (title, save status, counts, export), the section navigation and
// one page per section.
import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { getFormat, reportTitle, type FormatDef } from '../../shared/format';
import type { Report } from '../../shared/report';
import { applyAutoTotals, countFindings, type Finding } from '../../shared/rules';
import { api } from '../api/client';
import { isSaveKey } from '../saveKey';
import { useNotify } from '../notify';
import { exportNotes, type ExportNotes } from '../../shared/document';
import { PreviewPage } from '../preview/PreviewPage';
import { usePrintShortcut } from '../preview/usePrintShortcut';
import { ConflictDialog, UnsavedPanel } from './Conflict';
import { ExportActions } from './ExportActions';
import { sectionOfCell } from './grid/layout';
import { explainingCell, fieldTarget, sectionOfFinding } from './findingTarget';
import { HistoryDialog } from './HistoryDialog';
import { SECTION_KEYS, type SectionKey } from './marks';
import { CoverPage } from './pages/CoverPage';
import { FindingsPage } from './pages/FindingsPage';
import { NarrativePage } from './pages/NarrativePage';
import { TablePage } from './pages/TablePage';
import { LedgerPage } from '../ledger/LedgerPage';
import { SaveReportFileButton } from './SaveReportFileButton';
import { sectionTitle } from './sections';
import { useAutosave, type SaveState } from './useAutosave';
import { useReportDoc } from './useReportDoc';

interface EditorProps {
  id: string;
  section: SectionKey;
  onSection(section: SectionKey): void;
  onExit(): void;
}

interface Loaded {
  /** As stored. */
  stored: Report;
  /** The stored version's revision, which the first save names as its base. */
  revision: string;
  /** Reloads the report from the store (after a conflict or a restore), showing `unsaved` if given. */
  onReload(unsaved?: string): void;
  /** What the window had not saved before a reload after a conflict. */
  carried: string;
  /** As edited first (auto-sum switched off when stored totals disagree with their parts). */
  initial: Report;
}

export function Editor(props: EditorProps) {
  const notify = useNotify();
  const [loaded, setLoaded] = useState<Omit<Loaded, 'onReload' | 'carried'> | { error: string } | null>(null);
  const [generation, setGeneration] = useState(0);
  const [carried, setCarried] = useState('');
  const reload = useCallback((unsaved = '') => {
    setCarried(unsaved);
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    api
      .openReport(props.id)
      .then(({ report, revision }) => {
        if (!live) return;
        let initial = report;
        // Never overwrite totals typed in a file silently: if they disagree with their parts,
        // keep them and let the rules show where.
        if (report.settings.autoTotals && applyAutoTotals(report) !== report) {
          initial = { ...report, settings: { ...report.settings, autoTotals: false } };
          notify('本报告的部分合计与各项之和不一致，已改为“手动填写合计”，请按检查结果核对。', 'warning');
        }
        setLoaded({ stored: report, initial, revision });
      })
      .catch((e: unknown) => live && setLoaded({ error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [props.id, notify, generation]);

  if (!loaded) {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%', gap: 2 }}>
        <CircularProgress size={24} />
        <Typography>正在打开报告…</Typography>
      </Box>
    );
  }
  if ('error' in loaded) {
    return (
      <Box sx={{ p: 4, maxWidth: 640 }}>
        <Alert severity="error" sx={{ mb: 2 }}>
          无法打开这份报告：{loaded.error}
        </Alert>
        <Button variant="contained" onClick={props.onExit}>
          返回报告列表
        </Button>
      </Box>
    );
  }
  return (
    <EditorBody
      key={`${props.id}:${generation}`}
      {...props}
      {...loaded}
      onReload={reload}
      carried={generation ? carried : ''}
    />
  );
}

const STATUS_TEXT = {
  saved: '已保存',
  saving: '正在保存…',
  conflict: '未保存：已在另一个窗口中修改',
  readOnly: '只读：修改不会保存',
} as const;

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  if (state.kind === 'failed') {
    return (
      <Box
        role="alert"
        data-testid="save-status"
        data-state="failed"
        sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'error.main', minWidth: 0 }}
      >
        <Typography variant="body2" noWrap title={state.message} sx={{ maxWidth: 280 }}>
          保存失败：{state.message}
        </Typography>
        <Button size="small" color="error" onClick={onRetry}>
          重试
        </Button>
      </Box>
    );
  }
  // Refused for good (another window saved first, or a read-only folder): said, not retried.
  const stopped = state.kind === 'conflict' || state.kind === 'readOnly';
  return (
    <Typography
      variant="body2"
      role={stopped ? 'alert' : 'status'}
      data-testid="save-status"
      data-state={state.kind}
      title={stopped ? state.message : undefined}
      sx={{
        color: stopped ? 'error.main' : state.kind === 'saved' ? 'success.main' : 'text.secondary',
        whiteSpace: 'nowrap',
      }}
    >
      {STATUS_TEXT[state.kind]}
    </Typography>
  );
}

/** Up/Down (and Home/End) move between the navigation's items; Enter opens one. */
function onNavKey(e: KeyboardEvent<HTMLElement>) {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-section]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const to =
    e.key === 'ArrowDown'
      ? Math.min(at + 1, items.length - 1)
      : e.key === 'ArrowUp'
        ? Math.max(at - 1, 0)
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? items.length - 1
            : -1;
  if (to < 0) return;
  e.preventDefault();
  items[to].focus();
}

const SectionNav = memo(function SectionNav(props: {
  format: FormatDef;
  current: SectionKey;
  errors: Record<string, number>;
  onSelect(key: SectionKey): void;
}) {
  return (
    <Box
      component="nav"
      aria-label="报告各部分"
      sx={{
        width: 196,
        flexShrink: 0,
        borderRight: 1,
        borderColor: 'divider',
        overflow: 'auto',
        bgcolor: 'background.paper',
      }}
    >
      <List dense onKeyDown={onNavKey}>
        {SECTION_KEYS.map((key) => {
          const n = props.errors[key] ?? 0;
          return (
            <ListItemButton
              key={key}
              data-section={key}
              selected={props.current === key}
              aria-current={props.current === key ? 'page' : undefined}
              onClick={() => props.onSelect(key)}
              sx={{ py: 0.75 }}
            >
              <ListItemText primary={sectionTitle(props.format, key)} slotProps={{ primary: { variant: 'body2' } }} />
              {n > 0 && (
                <Badge badgeContent={n} color="error" max={99} sx={{ ml: 1.5, mr: 1 }} aria-label={`${n}处错误`} />
              )}
            </ListItemButton>
          );
        })}
      </List>
    </Box>
  );
});

/** The editor's top bar; memoised so that a keystroke re-renders it only when a count changes. */
const HeaderBar = memo(function HeaderBar(props: {
  id: string;
  title: string;
  saveState: SaveState;
  errors: number;
  warnings: number;
  onExit(): Promise<void>;
  onRetry(): void;
  onShowFindings(): void;
  flush(): Promise<void>;
  getNotes(withLetter: boolean): ExportNotes;
  onHistory(): void;
  /** The report as the window shows it (for 另存为报告文件, 复制网页格式). */
  report(): Report;
}) {
  const {
    id,
    title,
    saveState,
    errors,
    warnings,
    onExit,
    onRetry,
    onShowFindings,
    flush,
    getNotes,
    onHistory,
    report,
  } = props;
  return (
    <Box
      component="header"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
        px: 1.5,
        py: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      <Button size="small" onClick={() => void onExit()}>
        ‹ 报告列表
      </Button>
      {/* A long organ name wraps to a second line in a smaller size, then is cut; the whole title on hover. */}
      <Typography
        component="div"
        title={title}
        data-testid="report-title"
        sx={{
          flex: 1,
          minWidth: 0,
          fontWeight: 600,
          fontSize: title.length > 32 ? 14 : 16,
          lineHeight: 1.3,
          display: '-webkit-box',
          WebkitLineClamp: 2,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
          overflowWrap: 'anywhere',
        }}
      >
        {title}
      </Typography>
      <SaveStatus state={saveState} onRetry={onRetry} />
      <Chip
        size="small"
        color={errors ? 'error' : 'default'}
        label={`错误 ${errors}`}
        onClick={onShowFindings}
        data-testid="error-count"
        aria-label={`${errors}处错误，查看检查结果`}
      />
      <Chip
        size="small"
        color={warnings ? 'warning' : 'default'}
        variant={warnings ? 'filled' : 'outlined'}
        label={`警告 ${warnings}`}
        onClick={onShowFindings}
        data-testid="warning-count"
        aria-label={`${warnings}处警告，查看检查结果`}
      />
      <Button size="small" onClick={onHistory}>
        历史版本
      </Button>
      <SaveReportFileButton report={report} flush={flush} />
      <ExportActions id={id} getNotes={getNotes} getReport={report} flush={flush} onShowFindings={onShowFindings} />
    </Box>
  );
});

function EditorBody({
  id,
  section,
  onSection,
  onExit,
  stored,
  initial,
  revision,
  onReload,
  carried,
}: EditorProps & Loaded) {
  const notify = useNotify();
  const doc = useReportDoc(initial);
  const { state: saveState, saver } = useAutosave(id, stored, revision, doc.report);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ cellId: string; n: number } | null>(null);
  const main = useRef<HTMLElement>(null);
  const format = getFormat(doc.report.format);

  const counts = useMemo(() => {
    const errors: Record<string, number> = {};
    let e = 0;
    for (const f of doc.findings) {
      if (f.severity === 'error') {
        e++;
        const key = sectionOfFinding(f);
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
    // Warnings as 检查结果 lists them (blank cells by group).
    return { errors, e, w: countFindings(doc.findings, format).warning };
  }, [doc.findings, format]);
  // Keep the badge object stable while the counts stay the same (the nav is memoised).
  const errorsKey = JSON.stringify(counts.errors);
  const errorsBySection = useMemo(() => JSON.parse(errorsKey) as Record<string, number>, [errorsKey]);

  const flush = useCallback(() => saver.flush(), [saver]);
  // Read when an export starts, so that the header does not re-render on every keystroke.
  const latest = useRef(doc);
  latest.current = doc;
  const getNotes = useCallback(
    (withLetter: boolean) => exportNotes(latest.current.report, latest.current.findings, withLetter),
    [],
  );

  const go = useCallback(
    (key: SectionKey, cellId?: string) => {
      void saver.flush().catch(() => {});
      setFocusRequest(cellId ? { cellId, n: Date.now() } : null);
      onSection(key);
    },
    [saver, onSection],
  );

  const focusCell = useCallback(
    (cellId: string) => {
      const s = sectionOfCell(cellId);
      if (s) go(String(s) as SectionKey, cellId);
    },
    [go],
  );

  // A new page starts at its top (declared before the field focus below, which may scroll it).
  useEffect(() => {
    main.current?.scrollTo(0, 0);
  }, [section]);

  // A finding about a field rather than a cell (机关名称, 成文日期, a narrative part) focuses that field.
  const [fieldRequest, setFieldRequest] = useState<string | null>(null);
  const reportRef = useRef(doc.report);
  reportRef.current = doc.report;
  const { changedAt, readOnly: readOnlyCells } = doc;
  const openFinding = useCallback(
    (f: Finding) => {
      go(sectionOfFinding(f), explainingCell(f, changedAt(), readOnlyCells));
      setFieldRequest(f.cells.length ? null : fieldTarget(f, reportRef.current));
    },
    [go, changedAt, readOnlyCells],
  );
  useEffect(() => {
    const el = fieldRequest && document.getElementById(fieldRequest);
    if (!el) return; // the page with the field is not shown yet
    setFieldRequest(null);
    el.focus();
    el.scrollIntoView({ block: 'center' });
  }, [fieldRequest, section]);

  // Opening a report puts the keyboard in the section navigation: arrows choose, Tab enters the page.
  const focusNav = useEffectEvent(() => {
    if (document.activeElement === document.body || !document.activeElement) {
      document.querySelector<HTMLElement>(`nav [data-section="${section}"]`)?.focus();
    }
  });
  useEffect(() => focusNav(), []);

  // Ctrl+S saves now, on the autosave's own path, and says so (never the browser's 保存网页).
  const saveNow = useEffectEvent(async () => {
    try {
      await saver.saveNow();
      notify(
        `已保存（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）：所有修改都已存入本机。`,
        'success',
      );
    } catch (e) {
      notify(`保存失败：${e instanceof Error ? e.message : String(e)}。请稍后按 Ctrl+S 重试。`, 'error');
    }
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isSaveKey(e)) return;
      e.preventDefault();
      void saveNow();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const { setCells, readOnly } = doc;
  const applySuggestion = useCallback(
    (f: Finding) => f.suggestion && setCells([{ id: f.suggestion.cell, value: f.suggestion.value }]),
    [setCells],
  );
  const canApply = useCallback((f: Finding) => !!f.suggestion && !readOnly.has(f.suggestion.cell), [readOnly]);
  const showFindings = useCallback(() => go('findings'), [go]);
  const showPreview = useCallback(() => go('preview'), [go]);
  usePrintShortcut(section === 'preview', showPreview);

  const exit = useCallback(async () => {
    try {
      await saver.flush();
      onExit();
    } catch (e) {
      notify(`保存失败，暂不能离开：${e instanceof Error ? e.message : String(e)}。请重试保存。`, 'error');
    }
  }, [saver, onExit, notify]);
  const retry = useCallback(() => void saver.flush().catch(() => {}), [saver]);

  let page;
  switch (section) {
    case 'cover':
      page = <CoverPage doc={doc} />;
      break;
    case '1':
    case '5':
    case '6':
      page = <NarrativePage key={section} no={+section as 1 | 5 | 6} doc={doc} />;
      break;
    case '2':
    case '3':
    case '4':
      page = (
        <TablePage
          key={section}
          no={+section as 2 | 3 | 4}
          doc={doc}
          focusRequest={focusRequest}
          onFocusCell={focusCell}
          onOpenFinding={openFinding}
          onApply={applySuggestion}
          canApply={canApply}
        />
      );
      break;
    case 'ledger':
      page = <LedgerPage doc={doc} />;
      break;
    case 'preview':
      page = <PreviewPage report={doc.report} />;
      break;
    default:
      page = <FindingsPage doc={doc} onOpen={openFinding} onApply={applySuggestion} canApply={canApply} />;
  }

  const title = reportTitle(doc.report.org || '（未填写机关名称）', doc.report.year);
  const currentReport = useCallback(() => reportRef.current, []);
  const openHistory = useCallback(() => setHistoryOpen(true), []);

  return (
    <div className="editor">
      <HeaderBar
        id={id}
        title={title}
        saveState={saveState}
        errors={counts.e}
        warnings={counts.w}
        onExit={exit}
        onRetry={retry}
        onShowFindings={showFindings}
        flush={flush}
        getNotes={getNotes}
        onHistory={openHistory}
        report={currentReport}
      />
      <UnsavedPanel text={carried} />
      <ConflictDialog
        open={saveState.kind === 'conflict'}
        message={saveState.kind === 'conflict' ? saveState.message : ''}
        unsaved={saver.unsaved()}
        onReload={onReload}
      />
      <HistoryDialog
        id={id}
        open={historyOpen}
        current={doc.report}
        onClose={() => setHistoryOpen(false)}
        flush={flush}
        onRestored={() => {
          setHistoryOpen(false);
          notify('已恢复所选版本；恢复前的内容已作为一个历史版本保留。', 'success');
          onReload();
        }}
      />
      <div className="editor-body">
        <SectionNav format={format} current={section} errors={errorsBySection} onSelect={go} />
        <main ref={main} className="editor-main">
          {page}
        </main>
      </div>
    </div>
  );
}
