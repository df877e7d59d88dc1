// 报送信息: who reports what to whom, the cover letter, contact and the report's preamble.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { coverTitle, getFormat } from '../../../shared/format';
import { defaultCoverBody, defaultPreamble, type Contact, type Report } from '../../../shared/report';
import type { ReportDoc } from '../useReportDoc';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography variant="h6" component="h2" sx={{ fontSize: 16, mb: 1.5 }}>
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 }}>{children}</Box>
    </Paper>
  );
}

const wide = { gridColumn: '1 / -1' };

const CONTACT_FIELDS: { key: keyof Contact; label: string; type?: string }[] = [
  { key: 'office', label: '联系部门' },
  { key: 'phone', label: '联系电话' },
  { key: 'address', label: '通讯地址' },
  { key: 'postcode', label: '邮政编码' },
  { key: 'fax', label: '传真' },
  { key: 'email', label: '电子邮箱', type: 'email' },
];

export function CoverPage({ doc }: { doc: ReportDoc }) {
  const r = doc.report;
  const format = getFormat(r.format);
  const set = (change: (r: Report) => Report) => doc.update(change);
  const [yearText, setYearText] = useState(String(r.year));
  const yearValid = /^\d{4}$/.test(yearText) && +yearText >= 2000 && +yearText <= 2100;
  const bodyDefault = defaultCoverBody(r.org, r.year);
  const preambleDefault = defaultPreamble(r.org, r.year);

  return (
    <Box>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        报送信息
      </Typography>
      <Section title="报告">
        <TextField label="机关名称" required value={r.org} onChange={(e) => set((x) => ({ ...x, org: e.target.value }))} error={!r.org.trim()} helperText={!r.org.trim() ? '请填写机关名称' : ' '} />
        <TextField
          label="统计年度"
          value={yearText}
          onChange={(e) => {
            const t = e.target.value.trim();
            setYearText(t);
            if (/^\d{4}$/.test(t) && +t >= 2000 && +t <= 2100) set((x) => ({ ...x, year: +t }));
          }}
          error={!yearValid}
          helperText={yearValid ? `本报告使用${format.name}` : '请填写四位数字的年份，如 2024'}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
        />
        <TextField
          label="报告发布网址"
          value={r.website}
          onChange={(e) => set((x) => ({ ...x, website: e.target.value }))}
          placeholder="如 http://www.xxx.gov.cn"
          helperText="电子版发布的网站，写入前言"
        />
      </Section>

      <Section title={`报送函：${coverTitle(r.org || '（机关名称）', r.year)}`}>
        <TextField
          label="报送对象"
          value={r.cover.recipient}
          onChange={(e) => set((x) => ({ ...x, cover: { ...x.cover, recipient: e.target.value } }))}
          helperText="印作“县政府办：”"
        />
        <TextField
          label="成文日期"
          type="date"
          value={r.cover.date}
          onChange={(e) => set((x) => ({ ...x, cover: { ...x.cover, date: e.target.value } }))}
          helperText={`应不晚于${r.year + 1}年1月31日`}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Box sx={wide}>
          <TextField
            label="报送函正文"
            multiline
            minRows={2}
            fullWidth
            value={r.cover.body || bodyDefault}
            onChange={(e) => {
              const t = e.target.value;
              set((x) => ({ ...x, cover: { ...x.cover, body: t === defaultCoverBody(x.org, x.year) ? '' : t } }));
            }}
          />
          {r.cover.body && (
            <Button size="small" onClick={() => set((x) => ({ ...x, cover: { ...x.cover, body: '' } }))}>
              恢复默认正文
            </Button>
          )}
        </Box>
      </Section>

      <Section title="联系方式">
        {CONTACT_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            type={f.type}
            value={r.contact[f.key]}
            onChange={(e) => set((x) => ({ ...x, contact: { ...x.contact, [f.key]: e.target.value } }))}
          />
        ))}
      </Section>

      <Section title="前言">
        <Box sx={wide}>
          <TextField
            label="报告前言"
            multiline
            minRows={3}
            fullWidth
            value={r.preamble}
            onChange={(e) => set((x) => ({ ...x, preamble: e.target.value }))}
            helperText="法律依据、统计期限、电子版发布网址和联系方式"
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
