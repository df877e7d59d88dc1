// The report list's status column: each report's findings and blanks, read from its saved file
// (read only: no lock, no repair) and remembered until the report is saved again.
import { readFile } from 'node:fs/promises';
import type { ReportSummary } from '../../shared/api';
import { parseReportText } from '../../shared/report';
import { reportStatus, type ReportStatus } from '../../shared/rules';

export class ReportStatuses {
  private readonly known = new Map<string, { updatedAt: string; status: ReportStatus }>();

  constructor(private readonly pathOf: (id: string) => string) {}

  private async statusOf(s: ReportSummary): Promise<ReportStatus | undefined> {
    const hit = this.known.get(s.id);
    if (hit && hit.updatedAt === s.updatedAt) return hit.status;
    const text = await readFile(this.pathOf(s.id), 'utf8').catch(() => null);
    const parsed = text === null ? null : parseReportText(text);
    if (!parsed?.ok) return undefined;
    const status = reportStatus(parsed.report);
    this.known.set(s.id, { updatedAt: s.updatedAt, status });
    return status;
  }

  /** The summaries with their status; a report whose file cannot be read is listed without one. */
  async add(list: ReportSummary[]): Promise<ReportSummary[]> {
    return Promise.all(
      list.map(async (s) => {
        const status = await this.statusOf(s);
        return status ? { ...s, status } : s;
      }),
    );
  }
}
