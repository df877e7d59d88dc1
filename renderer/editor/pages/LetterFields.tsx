// The letter's 版头 per GB/T 9704 (an upward document): 发文字号, 签发人, whether to print the 红头,
// and the 附件 line. Part of 报送信息 (CoverPage).
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { attachmentName } from '../../../shared/document';
import type { Letterhead, Report } from '../../../shared/report';
import type { ReportDoc } from '../useReportDoc';

/** Element ids of the fields (part of CoverPage's FIELD). */
export const LETTER_FIELD = {
  docNumber: 'field-docNumber',
  signer: 'field-signer',
  letterhead: 'field-letterhead',
  attachment: 'field-attachment',
} as const;

const LETTERHEAD_LABEL: Record<Letterhead, string> = {
  red: '打印红头（机关标志和红线）',
  none: '不打印（用印好红头的纸）',
};

export function LetterFields({ doc }: { doc: ReportDoc }) {
  const c = doc.report.cover;
  const setCover = (patch: Partial<Report['cover']>) => doc.update((x) => ({ ...x, cover: { ...x.cover, ...patch } }));
  return (
    <>
      <TextField
        id={LETTER_FIELD.docNumber}
        label="发文字号"
        value={c.docNumber}
        onChange={(e) => setCover({ docNumber: e.target.value })}
        placeholder="如 紫审批发〔2023〕5号"
        helperText={c.docNumber.trim() ? '印在红头下方左侧' : '机关代字〔年份〕序号，年份用六角括号〔〕'}
      />
      <TextField
        id={LETTER_FIELD.signer}
        label="签发人"
        value={c.signer}
        onChange={(e) => setCover({ signer: e.target.value })}
        helperText={c.signer.trim() ? '印在发文字号同一行右侧' : '上行文须标注签发人姓名'}
      />
      <TextField
        id={LETTER_FIELD.letterhead}
        select
        label="红头"
        value={c.letterhead}
        onChange={(e) => setCover({ letterhead: e.target.value as Letterhead })}
        helperText="用印好红头的公文纸时选“不打印”，其余位置不变"
      >
        {(Object.keys(LETTERHEAD_LABEL) as Letterhead[]).map((k) => (
          <MenuItem key={k} value={k}>
            {LETTERHEAD_LABEL[k]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id={LETTER_FIELD.attachment}
        label="附件"
        value={c.attachment}
        onChange={(e) => setCover({ attachment: e.target.value })}
        helperText={attachmentName(c.attachment) ? `印作“附件：${attachmentName(c.attachment)}”` : '没有附件留空'}
      />
    </>
  );
}
