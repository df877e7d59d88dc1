// The document description that the Word export, the preview and the web page all draw.
import { describe, expect, it } from 'vitest';
import { describeDocument, exportFileName, exportNotes, letterheadSizePt, SIZE_PT } from '../../shared/document';
import { checkReport } from '../../shared/rules';
import { fullReport } from './helpers/export-report';

const report = fullReport('2021');
const kinds = (r = report) =>
  describeDocument(r).sections[0].blocks.map((b) => (b.type === 'paragraph' ? b.kind : b.type));

describe('describeDocument', () => {
  it('lays the letter out as an upward document: 版头, title, recipient, body, 署名, 成文日期, 附注', () => {
    expect(kinds()).toEqual([
      'letterhead',
      'docNumber',
      'separator',
      'letterTitle',
      'recipient',
      'letterBody',
      'letterBody',
      'signature',
      'date',
      'note',
    ]);
    const [head, number, line] = describeDocument(report).sections[0].blocks;
    expect(head).toMatchObject({ text: `${report.org}文件`, printed: true });
    expect(number).toEqual({ type: 'docNumber', docNumber: report.cover.docNumber, signer: report.cover.signer });
    expect(line).toEqual({ type: 'separator', printed: true });
  });

  it('keeps the 版头 space blank on pre-printed paper and adds the 附件 line after the body', () => {
    const r = { ...report, cover: { ...report.cover, letterhead: 'none' as const, attachment: '统计表。' } };
    const blocks = describeDocument(r).sections[0].blocks;
    expect(blocks[0]).toMatchObject({ type: 'letterhead', printed: false });
    expect(blocks[2]).toEqual({ type: 'separator', printed: false });
    expect(kinds(r).slice(-5)).toEqual(['letterBody', 'attachment', 'signature', 'date', 'note']);
    expect(blocks.find((b) => b.type === 'paragraph' && b.kind === 'attachment')).toMatchObject({
      lines: ['附件：统计表'],
      spaceBefore: 1,
      keepWithNext: true,
    });
  });

  it('centres the 署名 on the 成文日期, which stands four characters from the right', () => {
    const sig = describeDocument(report).sections[0].blocks.find(
      (b) => b.type === 'paragraph' && b.kind === 'signature',
    );
    // 紫阳县行政审批服务局 (10) over 2025年1月20日 (4 + 5 half-width digits = 6.5): 4 + (6.5 − 10) / 2.
    expect(sig).toMatchObject({ lines: [report.org], indentRight: 2.25 });
  });

  it('gives the report alone for the website, and sizes a long 发文机关标志 to fit one line', () => {
    const only = describeDocument(report, { reportOnly: true });
    expect(only.sections.map((s) => s.id)).toEqual(['report']);
    expect(letterheadSizePt('某局文件')).toBe(SIZE_PT.letterhead);
    expect(letterheadSizePt('某某省某某市某某县某某乡镇人民政府办公室文件')).toBeLessThan(SIZE_PT.letterhead);
  });
});

describe('exports say what they are', () => {
  it('names letter + report 报送稿 and the report alone after the title', () => {
    expect(exportFileName(report, 'docx')).toBe(`${report.org}2024年政府信息公开工作年度报告（报送稿）.docx`);
    expect(exportFileName(report, 'docx', true)).toBe(`${report.org}2024年政府信息公开工作年度报告.docx`);
    expect(exportFileName(report, 'pdf')).toMatch(/（报送稿）\.pdf$/);
    expect(exportFileName(report, 'html')).toBe(`${report.org}2024年政府信息公开工作年度报告.html`);
  });

  it('lists blanks, empty sections and the letter’s missing fields as warnings, the 勾稽 errors apart', () => {
    const full = exportNotes(report, checkReport(report), true);
    expect(full).toEqual({ errors: [], warnings: [] });
    const r = structuredClone(report);
    r.applications.granted.natural = null;
    r.cover = { ...r.cover, date: '', signer: '', docNumber: '' };
    r.narrative.problems = r.narrative.problems.map((p) => ({ ...p, text: '' }));
    const notes = exportNotes(r, checkReport(r), true);
    const messages = notes.warnings.map((w) => w.message).join('\n');
    expect(messages).toContain('表格中有1个单元格空白（涉及1行）：空白不等于0，没有的请填0');
    expect(messages).toContain('未填写成文日期');
    expect(messages).toContain('还没有内容');
    expect(notes.warnings.filter((w) => typeof w.field === 'string').map((w) => w.field)).toEqual(
      expect.arrayContaining(['cover.docNumber', 'cover.signer']),
    );
    const brackets = { ...report, cover: { ...report.cover, docNumber: '紫审批发[2025]5号' } };
    expect(exportNotes(brackets, checkReport(brackets), true).warnings.map((w) => w.message)).toEqual([
      '发文字号“紫审批发[2025]5号”的年份应使用六角括号〔〕（GB/T 9704），如 紫审批发〔2023〕5号',
    ]);
    const site = exportNotes(r, checkReport(r), false)
      .warnings.map((w) => w.message)
      .join('\n');
    expect(site).not.toContain('成文日期');
    expect(site).not.toContain('签发人');
  });
});
