// 检查结果: every finding, grouped by severity; a click opens the section and focuses the cell.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { getFormat } from '../../../shared/format';
import {
  BLANK_HINT,
  blankHeadline,
  groupBlanks,
  summarizeBlanks,
  type Finding,
  type Severity,
} from '../../../shared/rules';
import { FindingList, SEVERITY_NAME } from '../FindingList';
import type { ReportDoc } from '../useReportDoc';

const ORDER: Severity[] = ['error', 'warning', 'info'];

export function FindingsPage(props: {
  doc: ReportDoc;
  onOpen(f: Finding): void;
  onApply(f: Finding): void;
  canApply(f: Finding): boolean;
}) {
  const { doc, onOpen, onApply, canApply } = props;
  const format = getFormat(doc.report.format);
  // Blank cells as one line per group (as `nianbao check` says them), not one per row.
  const listed = groupBlanks(doc.findings, format);
  const blanks = summarizeBlanks(doc.findings, format);
  const groups = ORDER.map((s) => ({ s, items: listed.filter((f) => f.severity === s) })).filter((g) => g.items.length);
  return (
    <Box>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        检查结果
      </Typography>
      {groups.length === 0 && <Alert severity="success">没有发现问题：各项勾稽关系均成立。</Alert>}
      {groups.map((g) => (
        <Box key={g.s} component="section" sx={{ mb: 3 }} data-severity={g.s}>
          <Typography variant="h6" component="h2" sx={{ fontSize: 16, mb: 1 }}>
            {SEVERITY_NAME[g.s]}（{g.items.length}）
          </Typography>
          {g.s === 'warning' && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
              警告不妨碍导出，但请逐条核对。
              {blanks && (
                <span data-testid="blank-summary">
                  表格中{blankHeadline(blanks)}：{BLANK_HINT}。
                </span>
              )}
            </Typography>
          )}
          <FindingList
            findings={g.items}
            format={format}
            showSection
            onOpen={onOpen}
            onApply={onApply}
            canApply={canApply}
          />
        </Box>
      ))}
    </Box>
  );
}
