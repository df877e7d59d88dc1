// Routes by the URL hash (#/ = start page, #/report/<id>/<section> = editor), so that a reload
// or the window's history returns to the same report and page.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { ReadOnlyBanner, useAppInfo } from './AppStatus';
import { useNotify } from './notify';
import { Editor } from './editor/Editor';
import { ErrorBoundary } from './ErrorBoundary';
import type { SectionKey } from './editor/marks';
import { isSectionKey } from './editor/sections';
import { ReviewPage } from './review/ReviewPage';
import { isSaveKey } from './saveKey';
import { StartPage } from './start/StartPage';

const NONE: string[] = [];

type Route = { page: 'start' } | { page: 'review' } | { page: 'editor'; id: string; section: SectionKey };

export function parseRoute(hash: string): Route {
  const m = hash.match(/^#\/report\/([A-Za-z0-9_-]+)(?:\/([a-z0-9]+))?$/);
  if (m) return { page: 'editor', id: m[1], section: m[2] && isSectionKey(m[2]) ? m[2] : 'cover' };
  if (hash === '#/review') return { page: 'review' };
  return { page: 'start' };
}

function useRoute(): [Route, (hash: string) => void] {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const go = useCallback((h: string) => {
    if (window.location.hash !== h) window.location.hash = h;
    setHash(h);
  }, []);
  return [parseRoute(hash), go];
}

function Notices({ initial }: { initial: string[] }) {
  const [notices, setNotices] = useState<string[]>([]);
  useEffect(() => setNotices(initial), [initial]);
  return (
    <Dialog open={notices.length > 0} onClose={() => setNotices([])}>
      <DialogTitle>请注意</DialogTitle>
      <DialogContent>
        {notices.map((n, i) => (
          <Typography key={i} sx={{ mb: 1 }}>
            {n}
          </Typography>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setNotices([])} autoFocus>
          知道了
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** 文件 › 新建报告 in the Electron menu: a counter that the start page answers by opening its dialog. */
function useNewReportCommand(): number {
  const [n, setN] = useState(0);
  useEffect(() => window.nianbaoHost?.onCommand?.((c) => c === 'newReport' && setN((x) => x + 1)), []);
  return n;
}

/** Outside the editor Ctrl+S has nothing to save: say so rather than let the browser save the page. */
function useSaveKeyOutsideEditor(active: boolean) {
  const notify = useNotify();
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isSaveKey(e)) return;
      e.preventDefault();
      notify('报告在编辑时自动保存，这一页没有要保存的内容。打开报告后按 Ctrl+S 可立即保存。', 'info');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, notify]);
}

export function App() {
  const [route, go] = useRoute();
  useSaveKeyOutsideEditor(route.page !== 'editor');
  const newRequest = useNewReportCommand();
  useEffect(() => {
    if (newRequest) go('#/');
  }, [newRequest, go]);
  const openReport = useCallback((id: string) => go(`#/report/${id}/cover`), [go]);
  const toStart = useCallback(() => go('#/'), [go]);
  const id = route.page === 'editor' ? route.id : '';
  const toSection = useCallback((s: SectionKey) => go(`#/report/${id}/${s}`), [go, id]);
  // The report last shown in the editor, so that the start page can return focus to it.
  const [lastOpened, setLastOpened] = useState<string | undefined>();
  useEffect(() => {
    if (id) setLastOpened(id);
  }, [id]);
  const info = useAppInfo();
  return (
    <div className="app-shell">
      <ReadOnlyBanner info={info} />
      <div className="app-page">
        {/* Keyed by the page: leaving a page that failed starts the next one afresh. */}
        <ErrorBoundary key={route.page === 'editor' ? `editor:${route.id}` : route.page} onHome={toStart}>
          {route.page === 'editor' ? (
            <Editor id={route.id} section={route.section} onSection={toSection} onExit={toStart} />
          ) : route.page === 'review' ? (
            <ReviewPage onExit={toStart} />
          ) : (
            <StartPage onOpen={openReport} newRequest={newRequest} lastOpened={lastOpened} />
          )}
        </ErrorBoundary>
      </div>
      <Notices initial={info?.notices ?? NONE} />
    </div>
  );
}
