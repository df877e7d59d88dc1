// What every stage of the parser returns: its value and its own problems (errors as values).
// A problem says in Chinese what could not be read; `cells` names the cells it concerns (cell
// ids of shared/format), so that the preview can mark them.

export interface ParseProblem {
  message: string;
  cells?: string[];
}

export interface Stage<T> {
  value: T;
  problems: ParseProblem[];
}

/** A problem from a message (and the cells it concerns). */
export function problem(message: string, cells?: string[]): ParseProblem {
  return cells?.length ? { message, cells } : { message };
}
