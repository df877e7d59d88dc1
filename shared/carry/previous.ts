// What this year's report keeps of last year's: balances and text.
import type { PreviousYear, Report } from '../report';

export function summarizePrevious(last: Report, source = ''): PreviousYear {
  const ad = last.format === '2021' ? last.activeDisclosure : null;
  return {
    year: last.year,
    org: last.org,
    format: last.format,
    // The 2019 format has no 现行有效件数 (its 对外公开总数量 counts something else): no baseline.
    inForce: {
      rules: ad?.rules?.inForce ?? null,
      normativeDocs: ad?.normativeDocs?.inForce ?? null,
    },
    carryForward: { ...(last.applications.carryForward ?? {}) },
    narrative: last.narrative,
    source,
  };
}
