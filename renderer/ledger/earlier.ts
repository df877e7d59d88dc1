// The same organ's latest earlier report (last year's, normally): where a new report finds the
// ledger choices already made and the applications still open at that year's end.
import type { Report } from '../../shared/report';
import type { ReportSummary } from '../../shared/api';
import { api } from '../api/client';

export async function latestEarlierReport(
  org: string,
  year: number,
): Promise<{ summary: ReportSummary; report: Report } | null> {
  const summary = (await api.listReports())
    .filter((r) => r.org === org && r.year < year)
    .sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))[0];
  if (!summary) return null;
  const { report } = await api.openReport(summary.id);
  return { summary, report };
}
