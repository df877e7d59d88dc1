// How much of this year's text repeats last year's report (text.repeat), shown above the
// narrative editor when last year's report is known: in all, per section, and the paragraphs
// most repeated once it passes half.
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { getFormat } from '../../../shared/format';
import { narrativeKeyOf, type Report } from '../../../shared/report';
import { REPEAT_LIMIT, textRepeat } from '../../../shared/rules';

export function RepeatMeter({ report, section }: { report: Report; section: number }) {
  const prev = report.previous;
  const result = useMemo(() => (prev ? textRepeat(report, prev) : null), [report, prev]);
  // Last year's report without text (read from its tables only) gives nothing to compare.
  if (!prev || !result || !Object.values(prev.narrative).some((ps) => ps.some((p) => p.text.trim()))) return null;
  const format = getFormat(report.format);
  const numeral = (no: number) => format.sections.find((s) => s.no === no)?.numeral ?? String(no);
  const here = result.bySection.find((s) => s.section === section)?.percent ?? 0;
  const over = result.percent > REPEAT_LIMIT;
  const heading = (no: number, part: string) =>
    report.narrative[narrativeKeyOf(no)!]?.find((p) => p.id === part)?.heading ?? '';
  return (
    <Box
      data-testid="repeat-meter"
      data-percent={result.percent}
      sx={{ mb: 2, p: 1.5, border: 1, borderColor: over ? 'warning.main' : 'divider', borderRadius: 1 }}
    >
      <Typography variant="subtitle2">
        与{prev.year}年报告重复：全文{result.percent}%，本部分{here}%
        {over ? `（超过${REPEAT_LIMIT}%，评议时常被扣分，请按本年情况改写）` : ''}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, result.percent)}
        color={over ? 'warning' : 'primary'}
        aria-label={`与上年报告重复${result.percent}%`}
        sx={{ my: 0.5, height: 8, borderRadius: 1 }}
      />
      <Typography variant="caption" color="text.secondary" component="div">
        {result.bySection.map((s) => `第${numeral(s.section)}部分${s.percent}%`).join('，')}
        （逐句比较，只改了数字或年份的句子也算重复）
      </Typography>
      {over && result.paragraphs.length > 0 && (
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2 }}>
          {result.paragraphs.slice(0, 3).map((p, i) => {
            const h = heading(p.section, p.part);
            return (
              <Typography component="li" variant="caption" key={i}>
                第{numeral(p.section)}部分{h ? `“${h}”` : ''}（{p.percent}%）：
                {p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text}
              </Typography>
            );
          })}
        </Box>
      )}
    </Box>
  );
}
