// Sections 一, 五, 六: one editor per sub-part, with its heading as the clerk writes it (the
// format's customary sub-parts are where a report starts; rename, add, remove, move them), a
// character count and, when last year's report is known, its text beside as reference
// (LastYearText: all of last year's section, whatever its headings were). Undo and redo (Ctrl+Z /
// Ctrl+Y, the buttons) are the report's own, per section: they survive switching pages.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useEffect, useEffectEvent, useRef, type KeyboardEvent } from 'react';
import { getFormat, labelMatches, type NarrativePartDef } from '../../../shared/format';
import { narrativeKeyOf, type NarrativePart, type Report } from '../../../shared/report';
import { useNotify } from '../../notify';
import { partElementId } from '../findingTarget';
import LastYearText, { paragraphsOf, withParagraphs } from '../LastYearText';
import { DraftPanel } from '../narrative/DraftPanel';
import { PartHeading } from '../narrative/PartHeading';
import { addPartAfter, movePart, removePart, renamePart, setPartText } from '../narrative/parts';
import { RepeatMeter } from '../narrative/RepeatMeter';
import { endsSentence } from '../narrative/textHistory';
import { UndoButtons } from '../UndoButtons';
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
  count: number;
  onText(index: number, text: string): void;
  /** Text added by a button: an undo step of its own. */
  onAppend(index: number, text: string): void;
  onRename(index: number, heading: string): void;
  onMove(index: number, by: -1 | 1): void;
  onRemove(index: number): void;
  onAdd(index: number): void;
  onLeave(): void;
}

const PartEditor = memo(function PartEditor(props: PartProps) {
  const { index, part, def, prevYear, lastProblems, count, onText, onAppend, onLeave } = props;
  const title = part.heading.trim() || '开篇段落（不加小标题）';
  const inputId = partElementId(part.id);
  const append = (p: string) => onAppend(index, withParagraphs(part.text, [p]));
  return (
    <Box sx={{ mb: 3 }}>
      <Box>
        <PartHeading
          index={index}
          count={count}
          partId={part.id}
          heading={part.heading}
          onRename={props.onRename}
          onMove={props.onMove}
          onRemove={props.onRemove}
          onAdd={props.onAdd}
          onLeave={onLeave}
        />
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
          onBlur={onLeave}
          slotProps={{ htmlInput: { 'data-part': part.id, 'aria-label': `${title}（正文）` } }}
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

/** Focuses an element once it is on the page (a sub-part just added). */
function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function NarrativePage({ no, doc }: { no: 1 | 5 | 6; doc: ReportDoc }) {
  const notify = useNotify();
  const pageRef = useRef<HTMLDivElement>(null);
  const format = getFormat(doc.report.format);
  const key = narrativeKeyOf(no)!;
  const defs = format.sections.find((s) => s.no === no)?.parts ?? [];
  const parts = doc.report.narrative[key];
  const prev = doc.report.previous;
  const prevParts = prev?.narrative?.[key] ?? [];
  const { update, textHistory, undoText, redoText } = doc;
  const history = textHistory(key);

  /** Changes this section's parts; changes with the same undoKey coalesce into one undo step. */
  const change = useCallback(
    (fn: (parts: NarrativePart[]) => NarrativePart[], undoKey?: string) =>
      update((r: Report) => ({ ...r, narrative: { ...r.narrative, [key]: fn(r.narrative[key]) } }), { undoKey }),
    [update, key],
  );
  const seal = useCallback(() => textHistory(key).seal(), [textHistory, key]);

  const onText = useCallback(
    (index: number, text: string) => {
      change((ps) => setPartText(ps, index, text), `text:${index}`);
      if (endsSentence(text)) seal();
    },
    [change, seal],
  );
  const onAppend = useCallback(
    (index: number, text: string) => {
      seal();
      change((ps) => setPartText(ps, index, text));
    },
    [change, seal],
  );
  const onRename = useCallback(
    (index: number, heading: string) => change((ps) => renamePart(ps, index, heading), `heading:${index}`),
    [change],
  );
  const onMove = useCallback(
    (index: number, by: -1 | 1) => {
      seal();
      change((ps) => movePart(ps, index, by));
    },
    [change, seal],
  );
  const onRemove = useCallback(
    (index: number) => {
      seal();
      let gone: NarrativePart | undefined;
      let next: NarrativePart | undefined;
      change((ps) => {
        gone = ps[index];
        const left = removePart(ps, index);
        next = left[index] ?? left[index - 1];
        return left;
      });
      // The keyboard stays in the section (on the neighbouring sub-heading), where Ctrl+Z undoes.
      if (next) focusSoon(`heading-${next.id}`);
      const name = gone?.heading.trim() || '开篇段落';
      notify(`已删除“${name}”${gone?.text.trim() ? '及其正文' : ''}。如有误，可点“撤销”或按 Ctrl+Z。`, 'info', {
        action: { label: '撤销', onClick: () => undoText(key) },
      });
    },
    [change, seal, notify, undoText, key],
  );
  const onAdd = useCallback(
    (index: number) => {
      seal();
      let id = '';
      change((ps) => {
        const [next, newId] = addPartAfter(ps, index);
        id = newId;
        return next;
      });
      if (id) focusSoon(`heading-${id}`);
    },
    [change, seal],
  );

  const undo = useCallback(() => {
    seal();
    undoText(key);
  }, [seal, undoText, key]);
  const redo = useCallback(() => redoText(key), [redoText, key]);

  // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) in this section's fields are the report's undo, not the field's own.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault();
      undo();
    } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
      e.preventDefault();
      redo();
    }
  };
  // 编辑 › 撤销 in the Electron menu arrives as a native history input: the same undo.
  const onHistoryInput = useEffectEvent((e: InputEvent) => {
    if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
    e.preventDefault();
    if (e.inputType === 'historyUndo') undo();
    else redo();
  });
  useEffect(() => {
    const el = pageRef.current;
    if (!el) return;
    const on = (e: InputEvent) => onHistoryInput(e);
    el.addEventListener('beforeinput', on);
    return () => el.removeEventListener('beforeinput', on);
  }, []);

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
  // Last year's paragraphs copied in: each copy an undo step of its own.
  const onInsert = useCallback(
    (index: number, added: string[]) => {
      seal();
      change((ps) => setPartText(ps, index, withParagraphs(ps[index]?.text ?? '', added)));
    },
    [change, seal],
  );

  return (
    <Box ref={pageRef} onKeyDown={onKeyDown}>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {sectionTitle(format, String(no) as '1')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
        <UndoButtons canUndo={history.canUndo} canRedo={history.canRedo} onUndo={undo} onRedo={redo} />
        <Typography variant="caption" color="text.secondary">
          小标题可以改写、添加、删除和调整顺序，导出时按这里的写法和顺序排印。
        </Typography>
      </Stack>
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
              count={parts.length}
              onText={onText}
              onAppend={onAppend}
              onRename={onRename}
              onMove={onMove}
              onRemove={onRemove}
              onAdd={onAdd}
              onLeave={seal}
            />
          ))}
          {parts.length === 0 && (
            <Button variant="outlined" onClick={() => onAdd(-1)}>
              添加一段正文
            </Button>
          )}
        </Box>
        {prev && <LastYearText previous={prev} no={no} parts={parts} onInsert={onInsert} />}
      </Box>
    </Box>
  );
}
