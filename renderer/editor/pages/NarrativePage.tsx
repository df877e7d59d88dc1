// Sections 一, 五, 六: one editor per customary sub-part (headings from the format), with a
// character count and, when last year's report is known, its text beside as reference.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useCallback } from 'react';
import { getFormat, labelMatches, type NarrativePartDef } from '../../../shared/format';
import { narrativeKeyOf, type NarrativePart } from '../../../shared/report';
import { DraftPanel } from '../narrative/DraftPanel';
import { RepeatMeter } from '../narrative/RepeatMeter';
import { sectionTitle } from '../sections';
import type { ReportDoc } from '../useReportDoc';

/** Characters a clerk counts: everything but whitespace. */
export function countChars(text: string): number {
  return [...text.replace(/\s/g, '')].length;
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Whether last year's paragraph is already in this year's text (copied, perhaps then edited around). */
export function hasParagraph(text: string, paragraph: string): boolean {
  return paragraphs(text).includes(paragraph.trim());
}

function matchPrevious(part: NarrativePart, prev: NarrativePart[]): NarrativePart | undefined {
  return (
    prev.find((p) => p.id === part.id && p.text.trim()) ??
    (part.heading ? prev.find((p) => p.heading && p.text.trim() && labelMatches(p.heading, part.heading)) : undefined)
  );
}

const FEE_SENTENCE = '本年度未收取信息处理费。';

interface PartProps {
  index: number;
  part: NarrativePart;
  def?: NarrativePartDef;
  prevText: string;
  prevYear?: number;
  /** Last year's problems, listed above the editor of this year's progress on them. */
  lastProblems?: string[];
  showReference: boolean;
  onText(index: number, text: string): void;
}

const PartEditor = memo(function PartEditor({
  index,
  part,
  def,
  prevText,
  prevYear,
  lastProblems,
  showReference,
  onText,
}: PartProps) {
  const title = part.heading || '开篇段落（不加小标题）';
  const inputId = `part-${part.id}`;
  const appendAll = (ps: string[]) => {
    const body = ps.join('\n');
    onText(index, part.text.trim() ? `${part.text.replace(/\s+$/, '')}\n${body}` : body);
  };
  const append = (p: string) => appendAll([p]);
  const prevParagraphs = paragraphs(prevText);
  const missing = prevParagraphs.filter((p) => !hasParagraph(part.text, p));
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: showReference ? 'minmax(0, 3fr) minmax(0, 2fr)' : 'minmax(0, 1fr)',
        gap: 2,
        mb: 3,
      }}
    >
      <Box>
        <Typography variant="h6" component="h2" sx={{ fontSize: 16, mb: 0.5 }}>
          <label htmlFor={inputId}>{title}</label>
        </Typography>
        {lastProblems && lastProblems.length > 0 && (
          <Paper variant="outlined" sx={{ p: 1.5, mb: 1, bgcolor: 'grey.50' }}>
            <Typography variant="subtitle2">{prevYear}年报告所列问题（请逐条说明整改情况）：</Typography>
            <Box component="ul" sx={{ m: 0, pl: 2, listStyle: 'none' }}>
              {lastProblems.map((p, i) => (
                <Typography component="li" variant="body2" key={i}>
                  {p}
                </Typography>
              ))}
            </Box>
          </Paper>
        )}
        <TextField
          id={inputId}
          multiline
          minRows={4}
          fullWidth
          value={part.text}
          placeholder={def?.hint || ''}
          onChange={(e) => onText(index, e.target.value)}
          slotProps={{ htmlInput: { 'data-part': part.id } }}
        />
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'center' }}>
          <Typography variant="caption" color="text.secondary" data-testid={`count-${part.id}`}>
            {countChars(part.text)} 字
          </Typography>
          {part.id === 'fees' && !part.text.includes('信息处理费') && (
            <Button size="small" onClick={() => append(FEE_SENTENCE)}>
              填入“{FEE_SENTENCE}”
            </Button>
          )}
        </Stack>
      </Box>
      {showReference && (
        <Box>
          {prevText ? (
            <Paper variant="outlined" sx={{ p: 1.5, bgcolor: 'grey.50', maxHeight: 360, overflow: 'auto' }}>
              <Box sx={{ display: 'flex', alignItems: 'center', mb: 0.5 }}>
                <Typography variant="subtitle2" sx={{ flex: 1 }}>
                  {prevYear}年报告（参考）
                </Typography>
                {prevParagraphs.length > 1 && (
                  <Button
                    size="small"
                    disabled={!missing.length}
                    onClick={() => appendAll(missing)}
                    title="把尚未用到的各段依次接在本年文字之后"
                  >
                    全部复制
                  </Button>
                )}
              </Box>
              {prevParagraphs.map((p, i) => {
                const used = hasParagraph(part.text, p);
                return (
                  <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mb: 1 }}>
                    <Typography
                      variant="body2"
                      sx={{ flex: 1, whiteSpace: 'pre-wrap', color: used ? 'text.secondary' : undefined }}
                    >
                      {p}
                    </Typography>
                    <Button
                      size="small"
                      variant="outlined"
                      // Stays focusable once used (aria-disabled, not disabled): a keyboard user copying
                      // paragraph after paragraph keeps their place.
                      sx={{
                        minWidth: 0,
                        flexShrink: 0,
                        ...(used && {
                          color: 'text.disabled',
                          borderColor: 'action.disabledBackground',
                          cursor: 'default',
                        }),
                      }}
                      aria-disabled={used}
                      onClick={used ? undefined : () => append(p)}
                      title="接在本年文字之后，再按本年情况修改"
                      aria-label={
                        used ? `这一段已在本年文字中：${p.slice(0, 20)}` : `复制这一段到本年：${p.slice(0, 20)}`
                      }
                    >
                      {used ? '已复制' : '复制'}
                    </Button>
                  </Box>
                );
              })}
            </Paper>
          ) : (
            <Typography variant="caption" color="text.secondary">
              {prevYear}年报告此处没有内容。
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
});

export function NarrativePage({ no, doc }: { no: 1 | 5 | 6; doc: ReportDoc }) {
  const format = getFormat(doc.report.format);
  const key = narrativeKeyOf(no)!;
  const defs = format.sections.find((s) => s.no === no)?.parts ?? [];
  const parts = doc.report.narrative[key];
  const prev = doc.report.previous;
  const prevParts = prev?.narrative?.[key] ?? [];
  const showReference = prevParts.some((p) => p.text.trim());
  const { update } = doc;

  const onText = useCallback(
    (index: number, text: string) =>
      update((r) => ({
        ...r,
        narrative: { ...r.narrative, [key]: r.narrative[key].map((p, i) => (i === index ? { ...p, text } : p)) },
      })),
    [update, key],
  );

  // 五: last year's problems stand above the editor of this year's progress on them.
  const problemsDef = defs.find((d) => d.id === 'problems');
  const lastProblemsText =
    no === 5 && prevParts.length && problemsDef
      ? ((
          prevParts.find((p) => p.id === problemsDef.id) ??
          prevParts.find((p) => p.heading && labelMatches(p.heading, problemsDef.heading))
        )?.text ?? '')
      : '';
  const lastProblems = paragraphs(lastProblemsText);

  return (
    <Box>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {sectionTitle(format, String(no) as '1')}
      </Typography>
      <RepeatMeter report={doc.report} section={no} />
      {no === 1 && <DraftPanel doc={doc} />}
      {parts.map((part, i) => (
        <PartEditor
          key={part.id}
          index={i}
          part={part}
          def={defs.find((d) => d.id === part.id)}
          prevText={matchPrevious(part, prevParts)?.text ?? ''}
          prevYear={prev?.year}
          lastProblems={no === 5 && part.id === 'lastYear' ? lastProblems : undefined}
          showReference={showReference}
          onText={onText}
        />
      ))}
    </Box>
  );
}
