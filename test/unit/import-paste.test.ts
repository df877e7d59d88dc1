// The paste import of the dialog (renderer/import/source.ts): text or the clipboard's HTML parsed
// in the renderer; what is not a report is refused with a Chinese message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api';
import { getCell } from '../../shared/report';
import { readPasted, toBase64 } from '../../renderer/import/source';
import { SAMPLES_DIR } from '../fixtures/reports';

const TEXTS = join(SAMPLES_DIR, '..', 'published');

describe('paste import', () => {
  it('reads pasted text, and prefers the HTML the clipboard carried (its table cells)', () => {
    const text = readFileSync(join(TEXTS, '004_a4584f6e36514f0f.txt'), 'utf8');
    const fromText = readPasted(text, '');
    expect(fromText.kind).toBe('粘贴的文字');
    expect(fromText.report.org).toBe('彭阳县审批服务管理局');
    const html = readFileSync(join(SAMPLES_DIR, '..', 'import', 'official-2021.html'), 'utf8');
    const fromHtml = readPasted('（网页上的文字）', html);
    expect(fromHtml.kind).toBe('粘贴的网页内容');
    expect(getCell(fromHtml.report, 'activeDisclosure.licensing.decisions')).toBe(1024);
  });

  it('refuses empty input and text that is not a report', () => {
    expect(() => readPasted('  ', '')).toThrow(UserError);
    expect(() => readPasted('今天天气很好。', '')).toThrow(/不像是政府信息公开工作年度报告/);
  });

  it('turns file bytes into base64 for the API', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
