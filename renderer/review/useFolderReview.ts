// Reads the files of a chosen folder through the API in batches (readFiles: a batch in one reader
// process of the main process), two batches at a time, so that the reviewer sees progress and can
// stop between batches; the review itself is pure and runs here.
import { useCallback, useMemo, useRef, useState } from 'react';
import { UserError } from '../../shared/api';
import type { Report } from '../../shared/report';
import { reviewReports, type LastYearInput, type ReviewInput, type ReviewResult } from '../../shared/review';
import { api } from '../api/client';
import { chosenFileBytes, readChosenFile } from '../import/source';
import { batches, tooBigForBatch } from './batches';

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

const message = (e: unknown) => (e instanceof UserError || e instanceof Error ? e.message : String(e));

async function readOne(file: File): Promise<ReviewInput> {
  try {
    const { report, problems, kind } = await readChosenFile(file);
    return { file: file.name, report, problems, kind };
  } catch (e) {
    return { file: file.name, error: message(e) };
  }
}

/** One batch in one API call; a file refused before sending (empty, too big) keeps its reason. */
async function readBatch(files: File[]): Promise<ReviewInput[]> {
  if (tooBigForBatch(files)) return [await readOne(files[0])];
  const out: ReviewInput[] = new Array(files.length);
  const sent: { i: number; bytes: Awaited<ReturnType<typeof chosenFileBytes>> }[] = [];
  for (let i = 0; i < files.length; i++) {
    try {
      sent.push({ i, bytes: await chosenFileBytes(files[i]) });
    } catch (e) {
      out[i] = { file: files[i].name, error: message(e) };
    }
  }
  if (sent.length) {
    try {
      const outcomes = await api.readFiles(sent.map((s) => s.bytes));
      sent.forEach(({ i }, k) => {
        const o = outcomes[k];
        const name = files[i].name;
        out[i] = o?.ok
          ? { file: name, report: o.result.report, problems: o.result.problems, kind: o.result.kind }
          : { file: name, error: o ? o.error : `未能读取“${name}”，请重新选择文件夹。` };
      });
    } catch (e) {
      for (const { i } of sent) out[i] = { file: files[i].name, error: message(e) };
    }
  }
  return out;
}

/** Batches read at once: the main process runs two readers at a time. */
const LANES = 2;

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
    const queue = batches(files);
    const read: (ReviewInput[] | undefined)[] = new Array(queue.length);
    const inFlight = new Set<string>();
    let done = 0;
    let next = 0;
    const show = () =>
      setProgress({ which, done, total: files.length, current: [...inFlight].join('、') || files[0]?.name || '' });
    // Each lane takes the next batch; results go in the folder's order as they come.
    const lane = async () => {
      while (next < queue.length) {
        if (run.current !== token) return; // stopped, or another folder chosen
        const k = next++;
        const batch = queue[k];
        inFlight.add(batch[0].name);
        show();
        const got = await readBatch(batch);
        inFlight.delete(batch[0].name);
        if (run.current !== token) return;
        read[k] = got;
        done += batch.length;
        show();
        (which === 'current' ? setInputs : setLasts)(read.flatMap((r) => r ?? []));
      }
    };
    if (files.length) show();
    await Promise.all(Array.from({ length: Math.min(LANES, queue.length) }, lane));
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
