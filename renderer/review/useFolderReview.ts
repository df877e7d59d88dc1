// Reads the files of a chosen folder one by one through the API (each file in the main process's
// readers), so that the reviewer sees progress and can stop; the review itself is pure and runs here.
import { useCallback, useMemo, useRef, useState } from 'react';
import { UserError } from '../../shared/api';
import type { Report } from '../../shared/report';
import { reviewReports, type LastYearInput, type ReviewInput, type ReviewResult } from '../../shared/review';
import { readChosenFile } from '../import/source';

export type Which = 'current' | 'last';

export interface Progress {
  which: Which;
  done: number;
  total: number;
  current: string;
}

/** The files directly in the chosen folder; those of subfolders are counted, not read. */
export function folderFiles(list: FileList | File[]): { files: File[]; skipped: number; folder: string } {
  const files: File[] = [];
  let skipped = 0;
  let folder = '';
  for (const f of Array.from(list)) {
    const parts = (f.webkitRelativePath || f.name).split('/');
    folder ||= parts.length > 1 ? parts[0] : '';
    if (parts.length > 2) skipped++;
    else if (!f.name.startsWith('.') && !f.name.startsWith('~$')) files.push(f);
  }
  files.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { files, skipped, folder };
}

async function readOne(file: File): Promise<ReviewInput> {
  try {
    const { report, problems, kind } = await readChosenFile(file);
    return { file: file.name, report, problems, kind };
  } catch (e) {
    return { file: file.name, error: e instanceof UserError || e instanceof Error ? e.message : String(e) };
  }
}

export interface FolderReviewState {
  result: ReviewResult | null;
  /** This year's reports by file name, to open one read-only. */
  reports: Map<string, Report>;
  progress: Progress | null;
  folders: Record<Which, { name: string; files: number; skipped: number } | null>;
  lastUnreadable: { file: string; error: string }[];
  choose(which: Which, list: FileList | File[]): Promise<void>;
  stop(): void;
}

export function useFolderReview(): FolderReviewState {
  const [inputs, setInputs] = useState<ReviewInput[]>([]);
  const [lasts, setLasts] = useState<ReviewInput[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [folders, setFolders] = useState<FolderReviewState['folders']>({ current: null, last: null });
  const run = useRef(0);

  const choose = useCallback(async (which: Which, list: FileList | File[]) => {
    const { files, skipped, folder } = folderFiles(list);
    const token = ++run.current;
    setFolders((f) => ({ ...f, [which]: { name: folder, files: files.length, skipped } }));
    (which === 'current' ? setInputs : setLasts)([]);
    const read: ReviewInput[] = [];
    for (let i = 0; i < files.length; i++) {
      if (run.current !== token) return; // stopped, or another folder chosen
      setProgress({ which, done: i, total: files.length, current: files[i].name });
      read.push(await readOne(files[i]));
      (which === 'current' ? setInputs : setLasts)([...read]);
    }
    if (run.current === token) setProgress(null);
  }, []);

  const stop = useCallback(() => {
    run.current++;
    setProgress(null);
  }, []);

  const lastReports = useMemo(
    () => lasts.filter((l): l is Extract<ReviewInput, { report: Report }> => 'report' in l),
    [lasts],
  );
  const result = useMemo(() => {
    if (!inputs.length) return null;
    const l: LastYearInput[] = lastReports.map((x) => ({ file: x.file, report: x.report }));
    return reviewReports(inputs, l);
  }, [inputs, lastReports]);
  const reports = useMemo(
    () => new Map(inputs.flatMap((i) => ('report' in i ? [[i.file, i.report] as const] : []))),
    [inputs],
  );
  const lastUnreadable = useMemo(
    () => lasts.flatMap((l) => ('error' in l ? [{ file: l.file, error: l.error }] : [])),
    [lasts],
  );
  return { result, reports, progress, folders, lastUnreadable, choose, stop };
}
