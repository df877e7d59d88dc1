// The deadlines that apply to the reports being prepared (《条例》第四十九条) and the days left:
// a department's by 31 January, a government's own by 31 March. Shown on the start page.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReportSummary } from '../../shared/api';
import {
  DEADLINE_BASIS,
  daysLeftText,
  daysUntil,
  deadlineOf,
  organKind,
  reportingYear,
  chineseDate,
  type OrganKind,
} from '../../shared/rules';

const WHO: Record<OrganKind, string> = { department: '政府部门', government: '人民政府' };

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function Deadlines({ reports, today = todayIso() }: { reports: ReportSummary[]; today?: string }) {
  const year = reportingYear(today);
  // The kinds of organ the clerk reports for; both when nothing is known yet.
  const kinds = new Set(reports.filter((r) => r.org.trim()).map((r) => organKind(r.org)));
  const shown: OrganKind[] = kinds.size
    ? (['department', 'government'] as const).filter((k) => kinds.has(k))
    : ['department', 'government'];
  return (
    <Box data-testid="deadlines" sx={{ mb: 2, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography variant="subtitle2">
        {year}年度报告期限（{DEADLINE_BASIS}）
      </Typography>
      {shown.map((k) => {
        const d = deadlineOf(k, year);
        const days = daysUntil(d.date, today);
        return (
          <Typography key={k} variant="body2" data-deadline={k} data-days-left={days}>
            {WHO[k]}：{chineseDate(d.date)}前{d.task}，
            <Box component="strong" sx={{ color: days < 0 ? 'error.main' : days <= 14 ? 'warning.dark' : undefined }}>
              {daysLeftText(days)}
            </Box>
          </Typography>
        );
      })}
    </Box>
  );
}
