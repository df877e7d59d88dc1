// Undo/redo of table edits as cell patches (not whole reports), so that undoing in a table never
// touches text typed meanwhile on another page. Keystrokes of one cell edit coalesce into one step;
// a paste is one step.
import type { Cell } from '../../shared/report';

export interface CellChange {
  id: string;
  value: Cell;
}

interface Patch {
  cells: { id: string; before: Cell; after: Cell }[];
  key?: string;
}

const LIMIT = 500;

export class CellHistory {
  private undoStack: Patch[] = [];
  private redoStack: Patch[] = [];

  /** Records a change; with the same key as the last step, it merges into it. */
  record(cells: { id: string; before: Cell; after: Cell }[], key?: string): void {
    const top = this.undoStack[this.undoStack.length - 1];
    if (key && top?.key === key) {
      for (const c of cells) {
        const hit = top.cells.find((x) => x.id === c.id);
        if (hit) hit.after = c.after;
        else top.cells.push({ ...c });
      }
      top.cells = top.cells.filter((c) => c.before !== c.after);
      if (!top.cells.length) this.undoStack.pop();
    } else {
      const real = cells.filter((c) => c.before !== c.after);
      if (!real.length) return;
      this.undoStack.push({ cells: real.map((c) => ({ ...c })), key });
      if (this.undoStack.length > LIMIT) this.undoStack.shift();
    }
    this.redoStack = [];
  }

  /** Ends coalescing: the next change with the same key starts a new step. */
  seal(): void {
    const top = this.undoStack[this.undoStack.length - 1];
    if (top) top.key = undefined;
  }

  undo(): CellChange[] | null {
    const p = this.undoStack.pop();
    if (!p) return null;
    this.redoStack.push(p);
    return p.cells.map((c) => ({ id: c.id, value: c.before }));
  }

  redo(): CellChange[] | null {
    const p = this.redoStack.pop();
    if (!p) return null;
    this.undoStack.push(p);
    return p.cells.map((c) => ({ id: c.id, value: c.after }));
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
}
