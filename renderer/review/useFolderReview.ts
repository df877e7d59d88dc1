// Reads the files of a chosen folder through the API in batches (readFiles: a batch in one reader
// process of the main process), two batches at a time, so that the reviewer sees progress and can
// stop between batches; the review itself is pure and runs here.
// With both folders read, this year's files with ambiguous digit runs are read again with their
// organ's report of last year (rule 6 settles them).
import { useCallback, useMemo, useRef, useState } from 'react';
import { UserError, type FileBytes, type ReadResult } from '../../shared/api';
import type { Report } from '../../shared/report';
import {
  reviewReports,
  toReadAgain,
  wantsPrevious,
  type LastYearInput,
  type ReviewInput,
  type ReviewResult,
} from '../../shared/review';
import { api } from '../api/client';
import { chosenFileBytes, readChosenFile } from '../import/source';
import { batches, tooBigForBatch } from './batches';

export type Which = 'current' | 'last';

export interface Progress {
  which: Which;
  done: number;
  total: number;
  current: string;
  /** Reading this year's files again with last year's reports. */
  again?: boolean;
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

/** One file of a folder as read: its input to the review, and whether last year's report could help read it. */
interface FileRead {
  file: File;
  input: ReviewInput;
  /** Digit runs the first reading left ambiguous (wantsPrevious): read again with last year's report. */
  wants: boolean;
}

const message = (e: unknown) => (e instanceof UserError || e instanceof Error ? e.message : String(e));

function readOf(file: File, result: ReadResult, previous?: Report): FileRead {
  const { report, problems, kind } = result;
  const input: ReviewInput = { file: file.name, report, problems, kind, ...(previous && { readWithLast: true }) };
  return { file, input, wants: wantsPrevious(result) };
}

const failed = (file: File, error: string): FileRead => ({ file, input: { file: file.name, error }, wants: false });

async function readOne(file: File, previous?: Report): Promise<FileRead> {
  try {
    return readOf(file, await readChosenFile(file, previous), previous);
  } catch (e) {
    return failed(file, message(e));
  }
}

/** One batch in one API call; a file refused before sending (empty, too big) keeps its reason. */
async function readBatch(files: File[]): Promise<FileRead[]> {
  if (tooBigForBatch(files)) return [await readOne(files[0])];
  const out: FileRead[] = new Array(files.length);
  const sent: { i: number; bytes: FileBytes }[] = [];
  for (let i = 0; i < files.length; i++) {
    try {
      sent.push({ i, bytes: await chosenFileBytes(files[i]) });
    } catch (e) {
      out[i] = failed(files[i], message(e));
    }
  }
  if (sent.length) {
    try {
      const outcomes = await api.readFiles(sent.map((s) => s.bytes));
      sent.forEach(({ i }, k) => {
        const o = outcomes[k];
        out[i] = o?.ok
          ? readOf(files[i], o.result)
          : failed(files[i], o ? o.error : `未能读取“${files[i].name}”，请重新选择文件夹。`);
      });
    } catch (e) {
      for (const { i } of sent) out[i] = failed(files[i], message(e));
    }
  }
  return out;
}

/** Batches read at once: the main process runs two readers at a time. */
const LANES = 2;

const reportsOf = (inputs: ReviewInput[]): LastYearInput[] =>
  inputs.flatMap((i) => ('report' in i ? [{ file: i.file, report: i.report }] : []));

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
  // The folders as read so far (first readings), and whether each was read to its end.
  const read = useRef<Record<Which, FileRead[]>>({ current: [], last: [] });
  const complete = useRef<Record<Which, boolean>>({ current: false, last: false });

  /**
   * This year's files whose digit runs only last year's report can settle, read again with their
   * organ's report of last year (rule 6); the others keep their first reading.
   */
  const rereadWithLast = useCallback(async (token: number) => {
    const current = read.current.current;
    const firsts = current.map(({ input, wants }) => ('report' in input ? { report: input.report, wants } : null));
    const again = toReadAgain(firsts, reportsOf(read.current.last.map((r) => r.input)));
    const shown = current.map((r) => r.input);
    for (const [k, { index: i, last }] of again.entries()) {
      if (run.current !== token) return;
      setProgress({ which: 'current', done: k, total: again.length, current: current[i].file.name, again: true });
      const second = await readOne(current[i].file, last.report);
      // A second reading that failed leaves the first.
      if ('report' in second.input) shown[i] = second.input;
      setInputs([...shown]);
    }
    setInputs(shown);
  }, []);

  const choose = useCallback(
    async (which: Which, list: FileList | File[]) => {
      const { files, skipped, folder } = folderFiles(list);
      const token = ++run.current;
      setFolders((f) => ({ ...f, [which]: { name: folder, files: files.length, skipped } }));
      (which === 'current' ? setInputs : setLasts)([]);
      read.current[which] = [];
      complete.current[which] = false;
      const queue = batches(files);
      const got: (FileRead[] | undefined)[] = new Array(queue.length);
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
          const reads = await readBatch(batch);
          inFlight.delete(batch[0].name);
          if (run.current !== token) return;
          got[k] = reads;
          done += batch.length;
          show();
          read.current[which] = got.flatMap((r) => r ?? []);
          (which === 'current' ? setInputs : setLasts)(read.current[which].map((r) => r.input));
        }
      };
      if (files.length) show();
      await Promise.all(Array.from({ length: Math.min(LANES, queue.length) }, lane));
      if (run.current !== token) return;
      complete.current[which] = true;
      if (complete.current.current && complete.current.last) await rereadWithLast(token);
      if (run.current === token) setProgress(null);
    },
    [rereadWithLast],
  );

  const stop = useCallback(() => {
    run.current++;
    setProgress(null);
  }, []);

  const lastReports = useMemo(() => reportsOf(lasts), [lasts]);
  const result = useMemo(() => (inputs.length ? reviewReports(inputs, lastReports) : null), [inputs, lastReports]);
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
