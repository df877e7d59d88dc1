// Autosave for the editor: within a second of a change, flushed on navigation and when the
// window closes (see Saver for the order of saves).
import { useEffect, useMemo, useState } from 'react';
import type { Report } from '../../shared/report';
import { api, saveOnUnload } from '../api/client';
import { Saver, type SaveState } from './saver';

export type { SaveState };

/** `loaded` is the report as opened at `revision`; `report` the one being edited. */
export function useAutosave(id: string, loaded: Report | null, revision: string, report: Report | null) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const saver = useMemo(() => new Saver((r, base) => api.saveReport(id, r, base), setState), [id]);

  useEffect(() => {
    if (loaded) saver.loaded(loaded, revision);
  }, [saver, loaded, revision]);

  useEffect(() => {
    if (report) saver.changed(report);
  }, [saver, report]);

  useEffect(() => {
    saver.activate();
    const onLeave = () => {
      const r = saver.takeUnsaved();
      if (r) saveOnUnload(id, r.report, r.baseRevision);
    };
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', onLeave);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', onLeave);
      // Leaving the editor inside the app: save what is left.
      if (saver.dirty) void saver.flush().catch(() => {});
      saver.dispose();
    };
  }, [saver, id]);

  return { state, saver };
}
