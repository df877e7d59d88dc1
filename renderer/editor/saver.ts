// Saving a report: debounced after a change, one save at a time, always the newest state, and a
// flush for leaving the page. Plain TS (no React) so the order of saves is easy to follow.
// Every save names the revision it was based on (the one loaded, then the one each save
// returned); when the store refuses it because another window saved first ('conflict'), or the
// data folder cannot be written ('readOnly'), saving stops until the editor is reloaded. A
// read-only folder does not make flush() fail: leaving, exporting and 另存为报告文件 go on with
// what is stored (the page's banner says that changes are not saved).
import { errorCode } from '../../shared/api';
import type { Report } from '../../shared/report';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'readOnly'; message: string };

/** Writes a report based on a revision; resolves with the revision it is now. */
export type SaveFn = (report: Report, baseRevision: string) => Promise<{ revision: string } | void>;

type Blocked = Extract<SaveState, { kind: 'conflict' | 'readOnly' }>;

export const DEBOUNCE_MS = 600;
/** However steadily the clerk types, a change is saved within this time. */
export const MAX_WAIT_MS = 1000;

export class Saver {
  private current: Report | null = null;
  private saved: Report | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest unsaved change was made (while a save is pending). */
  private pendingSince: number | null = null;
  private running: Promise<void> | null = null;
  private disposed = false;
  private state: SaveState = { kind: 'saved' };
  private revision = '';
  /** Set once a save was refused for good (see SaveFn); no save is tried after it. */
  private stop: { state: Blocked; error: unknown } | null = null;

  constructor(
    private readonly write: SaveFn,
    private readonly notify: (s: SaveState) => void,
  ) {}

  /** Tells the UI only when the state changes: a keystroke must not cost an extra render. */
  private onState(s: SaveState): void {
    const same =
      s.kind === this.state.kind &&
      (s.kind !== 'failed' || (this.state.kind === 'failed' && this.state.message === s.message));
    if (same) return;
    this.state = s;
    this.notify(s);
  }

  /** The report as loaded, and the revision it was loaded at: nothing to save yet. */
  loaded(report: Report, revision = ''): void {
    this.current = report;
    this.saved = report;
    this.revision = revision;
  }

  changed(report: Report): void {
    this.current = report;
    if (report === this.saved || this.disposed || this.stop) return;
    this.onState({ kind: 'saving' });
    const now = Date.now();
    if (this.pendingSince === null) this.pendingSince = now;
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(DEBOUNCE_MS, this.pendingSince + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => void this.flush().catch(() => {}), delay);
  }

  get dirty(): boolean {
    return this.current !== this.saved;
  }

  /** Why saving stopped ('conflict' or 'readOnly'), or null while it goes on. */
  get blocked(): Blocked | null {
    return this.stop?.state ?? null;
  }

  /** The last saved state and the current one, for showing what is not saved. */
  unsaved(): { saved: Report | null; current: Report | null } {
    return { saved: this.saved, current: this.current };
  }

  /** Saves now what is unsaved; rejects with the (Chinese) error of a failed save (not for a read-only folder). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pendingSince = null;
    while (this.running) await this.running;
    if (this.stop?.state.kind === 'readOnly') return;
    if (this.stop) throw this.stop.error;
    const snapshot = this.current;
    if (!snapshot || snapshot === this.saved) return;
    let failure: unknown = null;
    this.running = this.write(snapshot, this.revision)
      .then((r) => {
        this.saved = snapshot;
        if (r?.revision) this.revision = r.revision;
      })
      .catch((e: unknown) => {
        failure = e;
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
    if (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      const code = errorCode(failure);
      if (code) {
        this.stop = { state: { kind: code, message }, error: failure };
        this.onState(this.stop.state);
        if (code === 'readOnly') return;
      } else this.onState({ kind: 'failed', message });
      throw failure;
    }
    if (this.current !== snapshot) return this.flush(); // typed on while saving
    this.onState({ kind: 'saved' });
  }

  /** Ctrl+S: saves what is unsaved now, on the same path as the autosave. */
  saveNow(): Promise<void> {
    return this.flush();
  }

  /** What is unsaved when the window goes away, with its base (the caller sends it without waiting). */
  takeUnsaved(): { report: Report; baseRevision: string } | null {
    if (!this.dirty || !this.current || this.stop) return null;
    this.saved = this.current;
    return { report: this.current, baseRevision: this.revision };
  }

  /** Undoes dispose() (React may unmount and mount the same component again). */
  activate(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
