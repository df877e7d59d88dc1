// A report's state in the report list: errors, warnings and blank cells as last saved.
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReportStatus } from '../../shared/rules';

export function ReportStatusCell({ status }: { status?: ReportStatus }) {
  if (!status) {
    return (
      <Typography variant="caption" color="text.secondary" data-testid="report-status">
        无法读取
      </Typography>
    );
  }
  const { errors, warnings, blanks } = status;
  const clean = !errors && !warnings && !blanks;
  return (
    <Stack
      direction="row"
      spacing={0.5}
      sx={{ flexWrap: 'wrap', rowGap: 0.5 }}
      data-testid="report-status"
      data-errors={errors}
      data-warnings={warnings}
      data-blanks={blanks}
    >
      {clean && <Chip size="small" color="success" variant="outlined" label="检查通过" />}
      {errors > 0 && <Chip size="small" color="error" label={`错误 ${errors}`} />}
      {warnings > 0 && <Chip size="small" color="warning" variant="outlined" label={`警告 ${warnings}`} />}
      {blanks > 0 && <Chip size="small" variant="outlined" label={`空白 ${blanks}格`} />}
    </Stack>
  );
}
