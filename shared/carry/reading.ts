// Reading problems are not last year's mistakes: a 勾稽 finding that concerns a cell the importer
// could not read (left blank, or doubtful as read) — and that the clerk has not typed in since —
// exists only because of the reading. It is shown next to those rows, not counted as an error
// of last year's report.
import type { Finding } from '../rules';

export interface SplitFindings {
  /** Findings of last year's report itself. */
  own: Finding[];
  /** Findings that exist because cells could not be read. */
  reading: Finding[];
}

/** `doubtful`: the cells still not read (or doubtful as read) after the clerk's corrections. */
export function splitFindings(findings: Finding[], doubtful: ReadonlySet<string>): SplitFindings {
  const own: Finding[] = [];
  const reading: Finding[] = [];
  for (const f of findings) (f.cells.some((c) => doubtful.has(c)) ? reading : own).push(f);
  return { own, reading };
}
