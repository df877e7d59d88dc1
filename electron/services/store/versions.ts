// 历史版本: a report's backups read back as versions, each with what it changed from the one before.
import type { VersionInfo } from '../../../shared/api';
import { describeChanges, parseReportText, type Report } from '../../../shared/report';
import { dateOfStamp, listBackupIds, readBackup } from './backups';

/** The kept versions in a backup folder, newest first; damaged ones are left out. */
export async function versionsIn(dir: string): Promise<VersionInfo[]> {
  const kept: { backupId: string; report: Report }[] = [];
  for (const b of await listBackupIds(dir)) {
    const parsed = parseReportText((await readBackup(dir, b)) ?? '');
    if (parsed.ok) kept.push({ backupId: b, report: parsed.report });
  }
  return kept.map((v, i) => {
    const older = kept[i + 1];
    const changes = older ? describeChanges(older.report, v.report) : ['最早保留的版本'];
    return {
      backupId: v.backupId,
      savedAt: dateOfStamp(v.backupId)!.toISOString(),
      changes: changes.length ? changes : ['内容与前一版本相同'],
    };
  });
}
