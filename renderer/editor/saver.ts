// Saving a report: debounced after a change, one save at a time, always the newest state, and a
// flush for leaving the page. Plain TS (no React) so the order of saves is easy to follow.
import type { Report } from '../../shared/report';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

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

  constructor(
    private readonly write: (report: Report) => Promise<unknown>,
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

  /** The report as loaded: nothing to save yet. */
  loaded(report: Report): void {
    this.current = report;
    this.saved = report;
  }

  changed(report: Report): void {
    this.current = report;
    if (report === this.saved || this.disposed) return;
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

  /** Saves now what is unsaved; rejects with the (Chinese) error of a failed save. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pendingSince = null;
    while (this.running) await this.running;
    const snapshot = this.current;
    if (!snapshot || snapshot === this.saved) return;
    let failure: unknown = null;
    this.running = this.write(snapshot)
      .then(() => {
        this.saved = snapshot;
      })
      .catch((e: unknown) => {
        failure = e;
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
    if (failure) {
      this.onState({ kind: 'failed', message: failure instanceof Error ? failure.message : String(failure) });
      throw failure;
    }
    if (this.current !== snapshot) return this.flush(); // typed on while saving
    this.onState({ kind: 'saved' });
  }

  /** Ctrl+S: saves what is unsaved now, on the same path as the autosave. */
  saveNow(): Promise<void> {
    return this.flush();
  }

  /** What is unsaved when the window goes away (the caller sends it without waiting). */
  takeUnsaved(): Report | null {
    if (!this.dirty || !this.current) return null;
    this.saved = this.current;
    return this.current;
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
