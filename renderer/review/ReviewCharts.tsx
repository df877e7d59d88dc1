// The county's figures as charts: applications received by organ, and the outcome mix of the
// county's answered applications. @mui/x-charts is bundled with the app: nothing is fetched.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useMemo } from 'react';
import type { Report } from '../../shared/report';
import { FIGURE_LABELS, outcomesOf, type ReviewResult } from '../../shared/review';

const LOCALE = { noData: '没有可显示的数据', loading: '正在加载…' };

interface Props {
  result: ReviewResult;
  reports: Map<string, Report>;
}

export function ReviewCharts({ result, reports }: Props) {
  const byOrgan = result.totals.byOrgan.filter((o) => o.received !== null);
  const mix = useMemo(() => {
    const sums = new Map<string, number>();
    for (const r of result.reports) {
      const report = r.isReport && !r.duplicateOf ? reports.get(r.file) : undefined;
      if (!report) continue;
      for (const o of outcomesOf(report)) if (o.value) sums.set(o.label, (sums.get(o.label) ?? 0) + o.value);
    }
    return [...sums].map(([label, value], id) => ({ id, label, value }));
  }, [result, reports]);
  const height = Math.max(160, 28 * byOrgan.length + 60);
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }} data-testid="review-charts">
      <Paper variant="outlined" sx={{ p: 2, flex: '2 1 420px', minWidth: 0 }}>
        <Typography variant="subtitle1" component="h3">
          各单位{FIGURE_LABELS.received}（件）
        </Typography>
        <BarChart
          height={height}
          layout="horizontal"
          localeText={LOCALE}
          yAxis={[{ scaleType: 'band', data: byOrgan.map((o) => o.org), width: 180 }]}
          xAxis={[{ label: '件', tickMinStep: 1 }]}
          series={[{ data: byOrgan.map((o) => o.received ?? 0), label: FIGURE_LABELS.received, barLabel: 'value' }]}
          hideLegend
        />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, flex: '1 1 320px', minWidth: 0 }}>
        <Typography variant="subtitle1" component="h3">
          全县办理结果构成
        </Typography>
        <PieChart
          height={260}
          localeText={LOCALE}
          series={[{ data: mix, innerRadius: 40, arcLabel: (d) => String(d.value), arcLabelMinAngle: 20 }]}
        />
      </Paper>
    </Box>
  );
}
