// The report list's status: each report's findings and blanks as last saved, read from its file,
// recomputed after a save, and absent (not a crash) for a file that cannot be read.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../shared/api';
import { emptyReport, serializeReport } from '../../shared/report';
import { reportStatus } from '../../shared/rules';
import { createAppService } from '../../electron/services/app-service';
import { ReportStatuses } from '../../electron/services/report-status';
import { fullReport } from '../fixtures/reports';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-status-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listReports status', () => {
  it('gives each report its errors, warnings and blanks as saved, and follows a save', async () => {
    const svc = createAppService({ dataDir: dir, mode: 'browser', version: '0' });
    const empty = emptyReport('县民政局', 2024);
    const { id } = await svc.createReport(empty);
    const { id: done } = await svc.createReport(fullReport());
    const byId = (list: ReportSummary[]) => new Map(list.map((s) => [s.id, s.status]));
    let list = byId(await svc.listReports());
    expect(list.get(id)).toEqual(reportStatus(empty));
    expect(list.get(id)!.blanks).toBeGreaterThan(100);
    expect(list.get(done)).toEqual({ errors: 0, warnings: 0, blanks: 0 });

    // A save a moment later (a new updatedAt) is what the list shows next.
    await new Promise((r) => setTimeout(r, 5));
    const broken = { ...fullReport(), org: '' };
    const { revision } = await svc.openReport(done);
    await svc.saveReport(done, broken, revision);
    list = byId(await svc.listReports());
    expect(list.get(done)).toEqual(reportStatus(broken));
    expect(list.get(done)!.errors).toBeGreaterThan(0);
    await svc.close();
  });

  it('lists a report whose file cannot be read without a status, and remembers a status until the next save', async () => {
    const good = join(dir, 'good.json');
    await writeFile(good, serializeReport(fullReport()));
    const paths: Record<string, string> = { good, bad: join(dir, 'bad.json'), gone: join(dir, 'gone.json') };
    await writeFile(paths.bad, '{ not json');
    const statuses = new ReportStatuses((id) => paths[id]);
    const summary = (id: string, updatedAt = '2025-01-01T00:00:00.000Z'): ReportSummary => ({
      id,
      name: id,
      org: '',
      year: 2024,
      format: '2021',
      updatedAt,
    });
    const list = await statuses.add([summary('good'), summary('bad'), summary('gone')]);
    expect(list.map((s) => s.status)).toEqual([{ errors: 0, warnings: 0, blanks: 0 }, undefined, undefined]);
    // Unchanged updatedAt: the file is not read again (here it has become unreadable meanwhile).
    await writeFile(good, '{ not json');
    expect((await statuses.add([summary('good')]))[0].status).toEqual({ errors: 0, warnings: 0, blanks: 0 });
    expect((await statuses.add([summary('good', '2025-01-02T00:00:00.000Z')]))[0].status).toBeUndefined();
  });
});
