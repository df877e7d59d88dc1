// Undo/redo of a narrative section (一、五、六) as snapshots of its parts, kept per report for as
// long as the report is open, so that switching to another section and back loses nothing.
// Keystrokes in one part coalesce into one step until a sentence ends, the clerk leaves the part
// or does something else (rename, add, remove, move a sub-heading): undo takes back a sentence,
// not a letter, and not a whole page.
import type { NarrativePart } from '../../../shared/report';

interface Step {
  before: NarrativePart[];
  after: NarrativePart[];
  key?: string;
}

const LIMIT = 300;

export class TextHistory {
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];

  /** Records a change of the section's parts; with the same key as the last step, it merges into it. */
  record(before: NarrativePart[], after: NarrativePart[], key?: string): void {
    if (before === after) return;
    const top = this.undoStack[this.undoStack.length - 1];
    if (key && top?.key === key) top.after = after;
    else {
      this.undoStack.push({ before, after, key });
      if (this.undoStack.length > LIMIT) this.undoStack.shift();
    }
    this.redoStack = [];
  }

  /** Ends coalescing: the next change starts a new step. */
  seal(): void {
    const top = this.undoStack[this.undoStack.length - 1];
    if (top) top.key = undefined;
  }

  /** The parts as they were before the last step, or null when there is nothing to undo. */
  undo(): NarrativePart[] | null {
    const step = this.undoStack.pop();
    if (!step) return null;
    this.redoStack.push(step);
    return step.before;
  }

  redo(): NarrativePart[] | null {
    const step = this.redoStack.pop();
    if (!step) return null;
    this.undoStack.push(step);
    return step.after;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
}

/** Typing that ends a sentence or a paragraph closes the undo step. */
export function endsSentence(text: string): boolean {
  return /[。！？；\n]$/.test(text);
}
