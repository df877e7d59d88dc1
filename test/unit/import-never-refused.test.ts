// A file is never refused outright when it is (part of) a report: its title, one section heading
// or one of its tables is enough for it to be read for whatever it holds — organ, year, text,
// the tables that could be read — with the rest listed. Only a file with none of these is
// "不像是年度报告". The same for a file chosen in the app and for pasted text.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReportBytes } from '../../electron/services/readers';
import { readPasted } from '../../renderer/import/source';
import { getCell } from '../../shared/report';
import { makeDocx, para } from './helpers/craft';

const TITLE = '某某县自然资源局2023年政府信息公开工作年度报告';
const PROSE = '我局认真贯彻落实《中华人民共和国政府信息公开条例》，稳步推进政务公开工作，取得了一定成效。';

/** year null: none in the file (a guess, said so). */
const cases: Record<string, { text: string; org: string; year: number | null; lists: RegExp[] }> = {
  'only its title and a paragraph': {
    text: `${TITLE}\n${PROSE}`,
    org: '某某县自然资源局',
    year: 2023,
    lists: [/未找到表格/, /未找到“一、总体情况”部分/],
  },
  'only one section heading and its text': {
    text: `五、存在的主要问题及改进情况\n2023年，${PROSE}`,
    org: '',
    year: 2023,
    lists: [/未能识别机关名称/, /未找到表格/, /未找到“一、总体情况”部分/],
  },
  'only one of its tables': {
    text: ['信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t2', '行政规范性文件\t5\t1\t30'].join(
      '\n',
    ),
    org: '',
    year: null,
    lists: [/未能确定报告的年度/, /未能识别机关名称/, /行政许可/],
  },
};

describe('never refused outright', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(`${name}: read for what it holds, the rest listed (file and paste)`, async () => {
      const file = await readReportBytes('part.txt', strToU8(c.text));
      const pasted = readPasted(c.text, '');
      for (const read of [file, pasted]) {
        expect(read.report.org).toBe(c.org);
        if (c.year !== null) expect(read.report.year).toBe(c.year);
        for (const re of c.lists) expect(read.problems.some((p) => re.test(p))).toBe(true);
      }
      if (name === 'only one of its tables') {
        expect(getCell(file.report, 'activeDisclosure.normativeDocs.inForce')).toBe(30);
        expect(getCell(pasted.report, 'activeDisclosure.rules.inForce')).toBe(2);
      }
      if (name === 'only one section heading and its text')
        expect(file.report.narrative.problems.map((p) => p.text).join('')).toContain(PROSE);
    });
  }

  it('a Word document with only the title is read too', async () => {
    const read = await readReportBytes('title.docx', makeDocx(para(TITLE) + para(PROSE)));
    expect([read.report.org, read.report.year]).toEqual(['某某县自然资源局', 2023]);
  });

  it('a file with none of these: 不像是年度报告, saying what was looked for', async () => {
    const text = '关于召开安全生产工作会议的通知\n各股室：定于下周一召开安全生产工作会议，请准时参加。';
    await expect(readReportBytes('notice.txt', strToU8(text))).rejects.toThrow(
      /^文件“notice\.txt”不像是政府信息公开工作年度报告：没有找到报告标题、“一、总体情况”等部分标题或统计表/,
    );
    expect(() => readPasted(text, '')).toThrow(/不像是政府信息公开工作年度报告/);
  });
});
