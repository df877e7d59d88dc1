// Whose report a pasted page is, and its last words, when the page's parts ran together:
// a web page copied with no separators at all (标题:…报告发布时间:…), a Markdown title (# …).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../shared/parse';
import { FIXTURES_DIR } from '../fixtures/reports';

const LAYOUTS = join(FIXTURES_DIR, 'import', 'layouts');
const read = (name: string) => parseText(readFileSync(join(LAYOUTS, `${name}.txt`), 'utf8')).report;
const want = (name: string) =>
  JSON.parse(readFileSync(join(LAYOUTS, `${name}.expected.json`), 'utf8')) as { org: string; year: number };

describe('a pasted page names its organ', () => {
  for (const name of ['busy.web-oneline', 'full.web-oneline', 'busy.web-oneline-spaced', 'busy.markdown-groups']) {
    it(name, () => {
      const r = read(name);
      expect([r.org, r.year]).toEqual([want(name).org, want(name).year]);
    });
  }
});

describe('the site’s tools after the report (【打印本页】【关闭窗口】) leave nothing behind', () => {
  it('六 keeps its sentence, without a stray 【', () => {
    const other = read('busy.web-oneline')
      .narrative.other.map((p) => p.text)
      .join('');
    expect(other).toBe('本年度未收取信息处理费。');
  });
});
