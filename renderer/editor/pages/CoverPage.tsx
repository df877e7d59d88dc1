// 报送信息: who reports what to whom, the cover letter, contact and the report's preamble.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { coverTitle, getFormat } from '../../../shared/format';
import { defaultLetterBody, defaultPreamble, type Contact, type Report } from '../../../shared/report';
import { emailError, parseYear, postcodeError, yearError } from '../../validate';
import { fieldElementId } from '../findingTarget';
import type { ReportDoc } from '../useReportDoc';
import { DateField } from './DateField';
import { LETTER_FIELD, LetterFields } from './LetterFields';

/** Element ids of the fields, by their model path (Finding.field), so that a finding can focus its field. */
export const FIELD = {
  org: fieldElementId('org'),
  year: fieldElementId('year'),
  recipient: fieldElementId('cover.recipient'),
  date: fieldElementId('cover.date'),
  body: fieldElementId('cover.body'),
  preamble: fieldElementId('preamble'),
  ...LETTER_FIELD,
} as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h6" component="h2" sx={{ fontSize: 16, mb: 1.5 }}>
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 }}>
        {children}
      </Box>
    </Paper>
  );
}

const wide = { gridColumn: '1 / -1' };

const CONTACT_FIELDS: { key: keyof Contact; label: string; type?: string; check?(v: string): string }[] = [
  { key: 'person', label: '联系人' },
  { key: 'office', label: '联系部门' },
  { key: 'phone', label: '联系电话' },
  { key: 'address', label: '通讯地址' },
  { key: 'postcode', label: '邮政编码', check: postcodeError },
  { key: 'fax', label: '传真' },
  { key: 'email', label: '电子邮箱', type: 'email', check: emailError },
];

/**
 * A preamble still in its default wording follows the organ and year (it names both); one the
 * clerk has rewritten is left alone.
 */
export function withIdentity(r: Report, org: string, year: number): Report {
  const followsDefault = r.preamble === defaultPreamble(r.org, r.year);
  return { ...r, org, year, preamble: followsDefault ? defaultPreamble(org, year) : r.preamble };
}

/** 报送对象 is printed followed by a colon: a colon typed by the clerk would double it. */
const stripColon = (s: string) => s.replace(/[\s:：]+$/, '');

export function CoverPage({ doc }: { doc: ReportDoc }) {
  const r = doc.report;
  const format = getFormat(r.format);
  const set = (change: (r: Report) => Report) => doc.update(change);
  const [yearText, setYearText] = useState(String(r.year));
  const yearProblem = yearError(yearText);
  useEffect(() => {
    // Keep the field in step when the year changes elsewhere (undo, reload), unless mid-typing.
    setYearText((t) => (yearError(t) ? t : String(r.year)));
  }, [r.year]);
  const bodyDefault = defaultLetterBody(r.org, r.year);
  const preambleDefault = defaultPreamble(r.org, r.year);
  // While the clerk edits the body it shows exactly what they typed, even an empty field;
  // an empty body stands for the default wording, which comes back when they leave the field.
  const [bodyDraft, setBodyDraft] = useState<string | null>(null);
  const recipient = r.cover.recipient;

  return (
    <Box>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        报送信息
      </Typography>
      <Section title="报告">
        <TextField
          id={FIELD.org}
          label="机关名称"
          required
          value={r.org}
          onChange={(e) => {
            const org = e.target.value;
            set((x) => withIdentity(x, org, x.year));
          }}
          error={!r.org.trim()}
          helperText={!r.org.trim() ? '请填写机关名称，它印在报告标题和落款中' : '印在报告标题和落款中'}
        />
        <TextField
          id={FIELD.year}
          label="统计年度"
          value={yearText}
          onChange={(e) => {
            const t = e.target.value;
            setYearText(t);
            if (!yearError(t)) set((x) => withIdentity(x, x.org, parseYear(t)));
          }}
          error={!!yearProblem}
          helperText={yearProblem || `本报告使用${format.name}`}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
        />
        <TextField
          label="报告发布网址"
          value={r.website}
          onChange={(e) => set((x) => ({ ...x, website: e.target.value }))}
          placeholder="如 http://www.xxx.gov.cn"
          helperText="电子版发布的网站，导出时接在前言之后"
        />
      </Section>

      <Section title={`报送函：${coverTitle(r.org || '（机关名称）', r.year)}`}>
        <TextField
          id={FIELD.recipient}
          label="报送对象"
          value={recipient}
          onChange={(e) => set((x) => ({ ...x, cover: { ...x.cover, recipient: e.target.value } }))}
          onBlur={() => {
            if (stripColon(recipient) !== recipient)
              set((x) => ({ ...x, cover: { ...x.cover, recipient: stripColon(x.cover.recipient) } }));
          }}
          error={!recipient.trim()}
          helperText={recipient.trim() ? `印作“${stripColon(recipient)}：”` : '请填写报送对象，如 县政府办'}
        />
        <DateField
          id={FIELD.date}
          label="成文日期"
          value={r.cover.date}
          onChange={(date) => set((x) => ({ ...x, cover: { ...x.cover, date } }))}
          helperText={`应不晚于${r.year + 1}年1月31日`}
        />
        <LetterFields doc={doc} />
        <Box sx={wide}>
          <TextField
            id={FIELD.body}
            label="报送函正文"
            multiline
            minRows={2}
            fullWidth
            value={bodyDraft ?? (r.cover.body || bodyDefault)}
            onFocus={() => setBodyDraft(r.cover.body || bodyDefault)}
            onBlur={() => setBodyDraft(null)}
            onChange={(e) => {
              const t = e.target.value;
              setBodyDraft(t);
              set((x) => ({ ...x, cover: { ...x.cover, body: t === defaultLetterBody(x.org, x.year) ? '' : t } }));
            }}
            helperText={r.cover.body ? ' ' : '默认正文；可以修改，清空则恢复默认'}
          />
          {r.cover.body && (
            <Button size="small" onClick={() => set((x) => ({ ...x, cover: { ...x.cover, body: '' } }))}>
              恢复默认正文
            </Button>
          )}
        </Box>
      </Section>

      <Section title="联系方式">
        {CONTACT_FIELDS.map((f) => {
          const value = r.contact[f.key] ?? '';
          const problem = f.check?.(value) ?? '';
          return (
            <TextField
              key={f.key}
              label={f.label}
              type={f.type}
              id={fieldElementId(`contact.${f.key}`)}
              value={value}
              error={!!problem}
              helperText={problem || undefined}
              onChange={(e) => set((x) => ({ ...x, contact: { ...x.contact, [f.key]: e.target.value } }))}
            />
          );
        })}
      </Section>

      <Section title="前言">
        <Box sx={wide}>
          <TextField
            id={FIELD.preamble}
            label="报告前言"
            multiline
            minRows={3}
            fullWidth
            value={r.preamble}
            onChange={(e) => set((x) => ({ ...x, preamble: e.target.value }))}
            helperText="法律依据和统计期限；上面的发布网址和联系方式，导出时自动接在前言之后"
          />
          {r.preamble !== preambleDefault && (
            <Button size="small" onClick={() => set((x) => ({ ...x, preamble: defaultPreamble(x.org, x.year) }))}>
              恢复默认前言
            </Button>
          )}
        </Box>
      </Section>
    </Box>
  );
}
