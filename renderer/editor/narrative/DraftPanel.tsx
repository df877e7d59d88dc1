// 根据表格生成: paragraphs drafted from the tables, offered beside the narrative editor. Nothing
// is written until the clerk asks: a draft is inserted at the end of its part, and a draft
// inserted earlier whose figures the tables no longer give is shown as a diff, replaced only on
// request.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { diffText, draftParagraphs, insertDraft, placeOfDraft, type DraftPlace } from '../../../shared/draft';
import type { NarrativeKey, Report } from '../../../shared/report';
import type { ReportDoc } from '../useReportDoc';

const KEY: NarrativeKey = 'overview';

function Diff({ before, after }: { before: string; after: string }) {
  return (
    <Typography variant="body2" data-testid="draft-diff" sx={{ whiteSpace: 'pre-wrap' }}>
      {diffText(before, after).map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'removed' ? (
          <Box component="del" key={i} sx={{ color: 'error.main' }} title="正文中的旧数字">
            {p.text}
          </Box>
        ) : (
          <Box component="ins" key={i} sx={{ color: 'success.dark', fontWeight: 600 }} title="按表格的新数字">
            {p.text}
          </Box>
        ),
      )}
    </Typography>
  );
}

function useDrafts(report: Report) {
  return useMemo(() => {
    const parts = report.narrative[KEY];
    return draftParagraphs(report).map((d) => {
      const index = parts.findIndex((p) => p.id === d.part);
      const place: DraftPlace = index >= 0 && d.text ? placeOfDraft(parts[index].text, d.text) : { kind: 'absent' };
      return { draft: d, index, heading: parts[index]?.heading ?? '', place };
    });
  }, [report]);
}

export function DraftPanel({ doc }: { doc: ReportDoc }) {
  const [open, setOpen] = useState(false);
  const drafts = useDrafts(doc.report);
  const stale = drafts.filter((d) => d.place.kind === 'stale');
  const write = (index: number, text: string, place: DraftPlace) =>
    doc.update((r) => ({
      ...r,
      narrative: {
        ...r.narrative,
        [KEY]: r.narrative[KEY].map((p, i) => (i === index ? { ...p, text: insertDraft(p.text, text, place) } : p)),
      },
    }));
  return (
    <Box sx={{ mb: 2 }} data-testid="draft-panel">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          根据表格生成
        </Button>
        <Typography variant="caption" color="text.secondary">
          按第二、三、四部分表格起草主动公开、依申请公开和复议诉讼的段落，由您选择插入，不会改动已写的文字
        </Typography>
      </Stack>
      {!open && stale.length > 0 && (
        <Alert
          severity="warning"
          sx={{ mt: 1 }}
          action={
            <Button color="inherit" size="small" onClick={() => setOpen(true)}>
              查看改动
            </Button>
          }
        >
          表格改动后，正文中由表格生成的{stale.map((s) => `“${s.heading}”`).join('、')}段落数字已与表格不一致
        </Alert>
      )}
      {open && (
        <Paper variant="outlined" sx={{ mt: 1, p: 1.5 }}>
          {drafts.map(({ draft, index, heading, place }) => (
            <Box key={draft.id} sx={{ mb: 2 }} data-draft={draft.id} data-place={place.kind}>
              <Typography variant="subtitle2">{draft.title}</Typography>
              {draft.text ? (
                place.kind === 'stale' ? (
                  <Diff before={place.text} after={draft.text} />
                ) : (
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                    {draft.text}
                  </Typography>
                )
              ) : (
                <Typography variant="body2" color="text.secondary">
                  表格中还没有可写的数字。
                </Typography>
              )}
              {draft.notes.length > 0 && (
                <Box component="ul" sx={{ m: 0, pl: 2 }}>
                  {[...new Set(draft.notes)].slice(0, 5).map((n) => (
                    <Typography component="li" variant="caption" color="warning.dark" key={n}>
                      {n}
                    </Typography>
                  ))}
                </Box>
              )}
              {draft.text && index < 0 && (
                <Typography variant="caption" color="text.secondary">
                  本报告第一部分没有“{draft.part === 'active' ? '主动公开' : '依申请公开'}
                  ”小节，请复制后粘贴到合适位置。
                </Typography>
              )}
              {draft.text && index >= 0 && (
                <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
                  {place.kind === 'current' && (
                    <Typography variant="caption" color="text.secondary">
                      已在“{heading}”中，与表格一致。
                    </Typography>
                  )}
                  {place.kind === 'absent' && (
                    <Button size="small" variant="contained" onClick={() => write(index, draft.text, place)}>
                      插入到“{heading}”末尾
                    </Button>
                  )}
                  {place.kind === 'stale' && (
                    <>
                      <Button size="small" variant="contained" onClick={() => write(index, draft.text, place)}>
                        用新数字替换“{heading}”中的这一段
                      </Button>
                      <Button size="small" onClick={() => write(index, draft.text, { kind: 'absent' })}>
                        另行插入到末尾
                      </Button>
                    </>
                  )}
                </Stack>
              )}
            </Box>
          ))}
        </Paper>
      )}
    </Box>
  );
}
