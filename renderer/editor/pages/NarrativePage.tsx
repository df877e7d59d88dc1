// Sections 一, 五, 六: one editor per customary sub-part (headings from the format), with a
// character count and, when last year's report is known, its text beside as reference
// (LastYearText: all of last year's section, whatever its headings were).
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useCallback } from 'react';
import { getFormat, labelMatches, type NarrativePartDef } from '../../../shared/format';
import { narrativeKeyOf, type NarrativePart } from '../../../shared/report';
import LastYearText, { paragraphsOf, withParagraphs } from '../LastYearText';
import { DraftPanel } from '../narrative/DraftPanel';
import { RepeatMeter } from '../narrative/RepeatMeter';
import { sectionTitle } from '../sections';
import type { ReportDoc } from '../useReportDoc';

/** Characters a clerk counts: everything but whitespace. */
export function countChars(text: string): number {
  return [...text.replace(/\s/g, '')].length;
}

const FEE_SENTENCE = '本年度未收取信息处理费。';

interface PartProps {
  index: number;
  part: NarrativePart;
  def?: NarrativePartDef;
  prevYear?: number;
  /** Last year's problems, listed above the editor of this year's progress on them. */
  lastProblems?: string[];
  onText(index: number, text: string): void;
}

const PartEditor = memo(function PartEditor({ index, part, def, prevYear, lastProblems, onText }: PartProps) {
  const title = part.heading || '开篇段落（不加小标题）';
  const inputId = `part-${part.id}`;
  const append = (p: string) => onText(index, withParagraphs(part.text, [p]));
  return (
    <Box sx={{ mb: 3 }}>
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
  const lastProblems = paragraphsOf(lastProblemsText);
  const onInsert = useCallback(
    (index: number, added: string[]) => onText(index, withParagraphs(parts[index]?.text ?? '', added)),
    [onText, parts],
  );

  return (
    <Box>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {sectionTitle(format, String(no) as '1')}
      </Typography>
      <RepeatMeter report={doc.report} section={no} />
      {no === 1 && <DraftPanel doc={doc} />}
      <Box
        sx={{ display: 'grid', gridTemplateColumns: prev ? 'minmax(0, 3fr) minmax(0, 2fr)' : 'minmax(0, 1fr)', gap: 2 }}
      >
        <Box>
          {parts.map((part, i) => (
            <PartEditor
              key={part.id}
              index={i}
              part={part}
              def={defs.find((d) => d.id === part.id)}
              prevYear={prev?.year}
              lastProblems={no === 5 && part.id === 'lastYear' ? lastProblems : undefined}
              onText={onText}
            />
          ))}
        </Box>
        {prev && <LastYearText previous={prev} no={no} parts={parts} onInsert={onInsert} />}
      </Box>
    </Box>
  );
}
