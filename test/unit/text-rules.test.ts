// The text rules, each both ways: text.numbers (figures quoted in the text against the tables),
// text.repeat (repetition with last year's report) and text.problems (section 五). A consistent
// text yields nothing; the published samples, real reports, are read and checked as they are.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { draftParagraphs } from '../../shared/draft';
import { parseText } from '../../shared/parse';
import { emptyReport, serializeReport, setCell, type NarrativeKey, type Report } from '../../shared/report';
import { allCells, getFormat } from '../../shared/format';
import { checkReport, listedProblems, quotedFigures, textRepeat, type Finding } from '../../shared/rules';
import { fullReport, lastYearReport, PUBLISHED_DIR, withCells } from '../fixtures/reports';

/** The full fixture with one part's text replaced. */
function withText(report: Report, key: NarrativeKey, part: string, text: string): Report {
  return {
    ...report,
    narrative: { ...report.narrative, [key]: report.narrative[key].map((p) => (p.id === part ? { ...p, text } : p)) },
  };
}
const onRequest = (text: string, r = fullReport()) => withText(r, 'overview', 'onRequest', text);
const rule = (r: Report, id: string, last?: Report) =>
  checkReport(r, last ? { last } : {}).filter((f) => f.rule === id);
const messages = (fs: Finding[]) => fs.map((f) => f.message);

const published = readdirSync(PUBLISHED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, report: parseText(readFileSync(join(PUBLISHED_DIR, f), 'utf8')).report }));

describe('text.numbers: figures in the text against the tables', () => {
  it('says nothing about a text whose figures agree (the full fixture, and the drafted paragraphs)', () => {
    expect(rule(fullReport(), 'text.numbers')).toEqual([]);
    const r = fullReport();
    const [active, apps, review] = draftParagraphs(r, lastYearReport());
    const drafted = withText(onRequest(`${apps.text}\n${review.text}`, r), 'overview', 'active', active.text);
    // The drafts state every figure, so the rule read them all and found them equal.
    expect(quotedFigures(drafted).length).toBeGreaterThan(20);
    expect(rule(drafted, 'text.numbers')).toEqual([]);
  });

  it('quotes both numbers on the paragraph when the text contradicts the table', () => {
    const r = onRequest('本年度共收到政府信息公开申请9件，上年结转3件。');
    expect(rule(r, 'text.numbers')).toEqual([
      {
        rule: 'text.numbers',
        severity: 'warning',
        message: '第一部分“依申请公开”：正文：共收到政府信息公开申请9件；表格三：本年新收15件，请核对正文或表格',
        cells: ['applications.newReceived.total'],
        field: { section: 1, part: 'onRequest' },
      },
    ]);
  });

  it('accepts received figures that include last year’s carried-over applications', () => {
    expect(rule(onRequest('共收到政府信息公开申请18件（含上年结转3件）。'), 'text.numbers')).toEqual([]);
  });

  it('reads outcomes however they are phrased, sums joined by 及/和/、, and numbers before the label', () => {
    const ok = onRequest(
      '收到政府信息公开申请15件，其中7件予以公开，予以公开及部分公开8件，不予公开2件，无法提供3件。',
    );
    expect(rule(ok, 'text.numbers')).toEqual([]);
    const bad = onRequest('收到政府信息公开申请15件，其中予以公开和部分公开9件，因不掌握相关信息无法提供4件。');
    expect(messages(rule(bad, 'text.numbers'))).toEqual([
      '第一部分“依申请公开”：正文：予以公开和部分公开9件；表格三：予以公开+部分公开8件，请核对正文或表格',
      '第一部分“依申请公开”：正文：不掌握相关信息无法提供4件；表格三：无法提供3件，请核对正文或表格',
    ]);
  });

  it('reads applicant types, carried forward, and percentages of the figures', () => {
    const ok = onRequest(
      '新收政府信息公开申请15件，其中自然人10件、商业企业3件；予以公开7件，占46.7%；结转下年度继续办理3件。',
    );
    expect(rule(ok, 'text.numbers')).toEqual([]);
    const bad = onRequest('新收政府信息公开申请15件，其中自然人12件；予以公开7件，占60%；结转至下年度2件。');
    expect(messages(rule(bad, 'text.numbers'))).toEqual([
      '第一部分“依申请公开”：正文：自然人12件；表格三：本年新收自然人10件，请核对正文或表格',
      '第一部分“依申请公开”：正文：予以公开7件，占60%；表格三：予以公开7件，占本年度办理结果总计15件的46.7%，请核对百分比',
      '第一部分“依申请公开”：正文：结转至下年度2件；表格三：结转下年度3件，请核对正文或表格',
    ]);
  });

  it('checks 行政复议 and 行政诉讼, stated with numbers or as none', () => {
    expect(rule(onRequest('因政府信息公开被申请行政复议2件，其中结果维持1件，尚未审结1件。'), 'text.numbers')).toEqual(
      [],
    );
    const bad = onRequest('本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。');
    expect(messages(rule(bad, 'text.numbers'))).toEqual([
      '第一部分“依申请公开”：正文：本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况；表格四：行政复议总计2件，请核对正文或表格',
      '第一部分“依申请公开”：正文：本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况；表格四：行政诉讼总计1件，请核对正文或表格',
    ]);
    const zero = withCells(fullReport(), {
      'reviewLitigation.review.upheld': 0,
      'reviewLitigation.review.pending': 0,
      'reviewLitigation.review.total': 0,
      'reviewLitigation.litigationDirect.corrected': 0,
      'reviewLitigation.litigationDirect.total': 0,
    });
    expect(
      rule(onRequest('本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。', zero), 'text.numbers'),
    ).toEqual([]);
  });

  it('checks 主动公开 figures of table 二, and keeps 六’s 信息处理费 apart from 行政事业性收费', () => {
    const ok = withText(
      fullReport(),
      'overview',
      'active',
      '制发行政规范性文件3件、废止1件，现行有效12件；作出行政处罚决定12件。',
    );
    expect(rule(ok, 'text.numbers')).toEqual([]);
    const bad = withText(
      fullReport(),
      'overview',
      'active',
      '本年度印发规范性文件4件，现行有效12件；行政事业性收费2万元。',
    );
    expect(messages(rule(bad, 'text.numbers'))).toEqual([
      '第一部分“主动公开”：正文：印发规范性文件4件；表格二：行政规范性文件本年制发件数3件，请核对正文或表格',
      '第一部分“主动公开”：正文：行政事业性收费2万元；表格二：行政事业性收费本年收费金额1.25万元，请核对正文或表格',
    ]);
    // As a big city's report puts it: the 42 are published, not repealed.
    const published = withText(
      fullReport(),
      'overview',
      'active',
      '主动公开规章0件（含新制定0件，废止0件），主动公开行政规范性文件42件。',
    );
    expect(rule(published, 'text.numbers')).toEqual([]);
    const fee = withText(fullReport(), 'other', 'fees', '本年度收取信息处理费0.5万元。');
    expect(rule(fee, 'text.numbers')).toEqual([]);
  });

  it('is silent where the text’s figure has no counterpart, is approximate or counts something else', () => {
    const r = withText(
      onRequest('收到政府信息公开申请约20件，办理行政许可申请29497件，均已办结。'),
      'overview',
      'intro',
      '全年主动公开政府信息320条，接收12345热线工单7942件，办结7818件，按期办结率100%；制定规章制度3项；' +
        '受理政府信息公开申请15件（较上年增加2件）、予以公开7件。',
    );
    expect(rule(r, 'text.numbers')).toEqual([]);
    // Other applications and other answers in the 依申请公开 part itself.
    const other = onRequest(
      '本年度未收到群众投诉，收到政府信息公开申请15件。政务服务中心共受理各类申请12000件，在线答复群众提问120条。',
    );
    expect(rule(other, 'text.numbers')).toEqual([]);
    // A 司法局's own 行政复议 work, in a paragraph that mentions 政府信息 elsewhere.
    const own = withText(
      fullReport(),
      'overview',
      'management',
      '依法审查政府信息。全年办理行政复议案件25件，纠正3件。',
    );
    expect(rule(own, 'text.numbers')).toEqual([]);
  });

  it('reads the phrasing of published reports: 份, 的, 答复, 占 with two decimals, 包括上年结转', () => {
    // Figures as a district office published them (8 applications, all from natural persons).
    let r = emptyReport('某某区人民政府办公室', 2022);
    for (const c of allCells(getFormat('2021'))) r = setCell(r, c.id, 0);
    const both = (row: string, n: number) =>
      withCells(r, { [`applications.${row}.natural`]: n, [`applications.${row}.total`]: n });
    for (const [row, n] of [
      ['newReceived', 8],
      ['granted', 2],
      ['partlyGranted', 2],
      ['refused.process', 1],
      ['unable.notHeld', 2],
      ['other.other', 1],
      ['resultTotal', 8],
    ] as const)
      r = { ...r, applications: both(row, n).applications };
    const text =
      '2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。其中，予以公开2件，部分公开2件，' +
      '属于四类过程性性信息1件，本办不掌握相关政府信息2件，其他1件（申请人自主撤销）。无下年度结转。' +
      '共完成政府信息公开申请答复8件，其中予以公开答复2件，占25.00%；无法提供的2件，占25%。';
    const ok = onRequest(text, r);
    expect(quotedFigures(ok).map((q) => [q.figure.label, q.value])).toEqual([
      ['本年新收', 8],
      ['予以公开', 2],
      ['部分公开', 2],
      ['本机关不掌握相关政府信息', 2],
      ['结转下年度', 0],
      ['本年度办理结果总计', 8],
      ['予以公开', 2],
      ['无法提供', 2],
    ]);
    expect(rule(ok, 'text.numbers')).toEqual([]);
    // 无下年度结转 agrees with a 0; with 1 carried forward it does not.
    const carried = withCells(r, {
      'applications.carryForward.natural': 1,
      'applications.carryForward.total': 1,
      'applications.newReceived.natural': 9,
      'applications.newReceived.total': 9,
    });
    expect(messages(rule(onRequest(text, carried), 'text.numbers'))).toEqual([
      '第一部分“依申请公开”：正文：共收到8份；表格三：本年新收9件，请核对正文或表格',
      '第一部分“依申请公开”：正文：无下年度结转；表格三：结转下年度1件，请核对正文或表格',
    ]);
    const wrong = onRequest(text.replace('占25.00%', '占20.00%'), r);
    expect(messages(rule(wrong, 'text.numbers'))).toEqual([
      '第一部分“依申请公开”：正文：予以公开答复2件，占20.00%；表格三：予以公开2件，占本年度办理结果总计8件的25%，请核对百分比',
    ]);
  });

  it('says nothing on the published samples, and reads the figures they do state', () => {
    for (const { name, report } of published) expect(rule(report, 'text.numbers'), name).toEqual([]);
    const quoted = published.map(({ report }) => quotedFigures(report).map((q) => [q.quote, q.value]));
    // 003: 共受理2件依申请公开政府信息事项; 004: 未收到依申请公开政府信息 (twice); none in 000, 001.
    expect(quoted).toEqual([
      [],
      [],
      [['受理2件', 2]],
      [
        ['我局未收到依申请公开政府信息', 0],
        ['本机关2021年未收到政府信息公开申请', 0],
      ],
    ]);
    // And it speaks when a sample's table contradicts its text.
    const s003 = withCells(published[2].report, { 'applications.newReceived.total': 3 });
    expect(messages(rule(s003, 'text.numbers'))).toEqual([
      '第一部分“依申请公开”：正文：受理2件；表格三：本年新收3件，请核对正文或表格',
    ]);
  });
});

/** Last year's report (2023) whose text is the full fixture's with years and numbers changed. */
function lastYearWithText(
  edit: (t: string) => string = (t) => t.replaceAll('2024', '2023').replace(/\d+件/g, '9件'),
): Report {
  const r = fullReport();
  const part = (p: { id: string; heading: string; text: string }) => ({ ...p, text: edit(p.text) });
  return {
    ...lastYearReport(),
    narrative: {
      overview: r.narrative.overview.map(part),
      problems: r.narrative.problems.map(part),
      other: r.narrative.other.map(part),
    },
  };
}

describe('text.repeat: repetition with last year’s report', () => {
  it('counts a sentence whose numbers or year alone changed as repeated', () => {
    const r = textRepeat(fullReport(), lastYearWithText());
    expect(r.percent).toBe(100);
    expect(r.bySection).toEqual([
      { section: 1, percent: 100 },
      { section: 5, percent: 100 },
      { section: 6, percent: 100 },
    ]);
    const findings = rule(fullReport(), 'text.repeat', lastYearWithText());
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(
      /^正文有100%与2023年报告相同或只改了数字、年份（第一部分100%，第五部分100%，第六部分100%）。重复最多的段落：第五部分“上年度问题整改情况”（100%）/,
    );
    expect(findings[0].field).toEqual({ section: 5, part: 'lastYear' });
  });

  it('measures each section and stays silent at or below half', () => {
    // Last year's 一 only: the rest of this year's text is new.
    const onlyOverview = lastYearWithText();
    onlyOverview.narrative = { ...onlyOverview.narrative, problems: [], other: [] };
    const r = textRepeat(fullReport(), onlyOverview);
    expect(r.bySection.map((s) => [s.section, s.percent])).toEqual([
      [1, 100],
      [5, 0],
      [6, 0],
    ]);
    expect(r.percent).toBeGreaterThan(50);
    // Rewritten text: nothing repeated, no finding.
    const fresh = lastYearWithText((t) => (t ? `上年度我们围绕${t.length}项重点任务开展了完全不同的专项工作。` : t));
    expect(textRepeat(fullReport(), fresh).percent).toBe(0);
    expect(rule(fullReport(), 'text.repeat', fresh)).toEqual([]);
    // Without last year's report there is nothing to compare.
    expect(rule(fullReport(), 'text.repeat')).toEqual([]);
  });

  it('finds real reports of different organs distinct, and a real report copied forward repeated', () => {
    const [s000, , , s004] = published.map((p) => p.report);
    // 000 (紫阳 2022) against 004 (彭阳 2021): different organs, little in common.
    expect(textRepeat(s000, s004).percent).toBeLessThan(20);
    expect(rule(s000, 'text.repeat', s004)).toEqual([]);
    // 004 re-dated a year on, with one paragraph rewritten: still mostly last year's.
    const copied = {
      ...s004,
      year: 2022,
      narrative: JSON.parse(JSON.stringify(s004.narrative).replaceAll('2021', '2022')),
    };
    expect(textRepeat(copied, s004).percent).toBe(100);
    expect(rule(copied, 'text.repeat', s004)).toHaveLength(1);
  });
});

const five = (texts: Partial<Record<'lastYear' | 'problems' | 'improvements', string>>, r = fullReport()): Report => {
  let out = r;
  for (const [part, text] of Object.entries(texts)) out = withText(out, 'problems', part, text);
  return out;
};

describe('text.problems: section 五 names problems, measures and last year’s progress', () => {
  it('accepts the full fixture and the published samples', () => {
    expect(rule(fullReport(), 'text.problems')).toEqual([]);
    for (const { name, report } of published) expect(rule(report, 'text.problems'), name).toEqual([]);
  });

  it('warns on “无”, “暂无” and on a text too short to name a problem and a measure', () => {
    const none = rule(five({ problems: '无。', improvements: '' }), 'text.problems');
    expect(none).toEqual([
      {
        rule: 'text.problems',
        severity: 'warning',
        message:
          '第五部分“存在的主要问题”只写了“无。”：请写明本年度工作存在的具体问题和改进措施，写“无”在评议中通常扣分',
        cells: [],
        field: { section: 5, part: 'problems' },
      },
    ]);
    expect(messages(rule(five({ problems: '暂无问题', improvements: '暂无' }), 'text.problems'))).toHaveLength(1);
    expect(messages(rule(five({ problems: '有待提高。', improvements: '' }), 'text.problems'))).toEqual([
      '第五部分只有4个字，写不清存在的问题和改进措施：请写明具体问题和对应的改进措施',
    ]);
    expect(
      messages(
        rule(
          five({ problems: '公开形式较为单一，政策解读数量偏少，群众知晓度低。', improvements: '' }),
          'text.problems',
        ),
      ),
    ).toEqual(['第五部分没有写改进措施：请在“改进措施”中写明针对所列问题的下一步措施']);
  });

  it('lists last year’s problems the progress part does not refer to', () => {
    const last = lastYearWithText();
    last.narrative = {
      ...last.narrative,
      problems: last.narrative.problems.map((p) =>
        p.id === 'problems'
          ? { ...p, text: '存在以下问题：一是公开形式比较单一；二是政策解读不够深入；三是网站栏目更新不及时。' }
          : p,
      ),
    };
    expect(listedProblems(last)).toEqual(['一是公开形式比较单一', '二是政策解读不够深入', '三是网站栏目更新不及时']);
    const answered = five({
      lastYear: '针对公开形式单一的问题，增加了图解和视频；针对政策解读不深入，邀请起草科室解读；网站栏目已按月更新。',
    });
    expect(rule(answered, 'text.problems', last)).toEqual([]);
    const partly = five({ lastYear: '针对公开形式单一的问题，增加了图解和视频。' });
    expect(rule(partly, 'text.problems', last)).toEqual([
      {
        rule: 'text.problems',
        severity: 'warning',
        message:
          '第五部分“上年度问题整改情况”未说明2023年报告所列2个问题的整改情况：“二是政策解读不够深入”；“三是网站栏目更新不及时”。请逐条说明整改进展',
        cells: [],
        field: { section: 5, part: 'lastYear' },
      },
    ]);
  });
});

describe('nianbao check --last', () => {
  it('reports figures against the tables, last year’s problems unanswered and the repetition with last year’s file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-text-'));
    try {
      const lastPath = join(dir, 'last.json');
      writeFileSync(lastPath, serializeReport(lastYearWithText()));
      const thisPath = join(dir, 'this.json');
      writeFileSync(thisPath, serializeReport(onRequest('本年度共收到政府信息公开申请9件。')));
      let out = '';
      const code = await runCli(['check', thisPath, '--json', '--last', lastPath], {
        out: (s) => (out += s),
        err: () => {},
      });
      expect(code).toBe(0);
      const findings = JSON.parse(out).findings as Finding[];
      expect(findings.map((f) => f.rule)).toEqual(['text.numbers', 'text.problems', 'text.repeat']);
      expect(findings[0].message).toContain('正文：共收到政府信息公开申请9件；表格三：本年新收15件');
      // Last year's one problem is not referred to by this year's generic 已完成整改.
      expect(findings[1].message).toContain('“公开形式较为单一”');
      // All but the rewritten 依申请公开 sentence.
      expect(findings[2].message).toMatch(/^正文有91%与2023年报告相同/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('text.problems on the published samples', () => {
  it('reads the problems each lists, without its measures or last year’s progress', () => {
    expect(published.map((p) => listedProblems(p.report))).toEqual([
      [
        '由于政务公开涉及面广、政策性强，政府信息公开的体制机制仍需进一步完善，信息公开的时效性有待进一步提高，公开的形式还不够丰富，公开的格式上还不够完全统一',
      ],
      [
        '一是公开形式比较单一,公开的内容还需进一步充实',
        '二是政务公开工作人员易变动,业务熟练度还需进一步提升',
        '三是信息采集不够丰富,与公众的需求还存在一些距离,听取公众意见方面需要进一步加强',
      ],
      ['公开内容不够全面、更新内容不够及时'],
      [
        '政府网站信息更新还不够到位、不够规范，推进公开的制度规范和工作机制还不够健全，政府信息主动公开的范围和内容亟待深化等',
      ],
    ]);
  });

  it('finds 003’s answer to the problems of its 2019 report, and names the one it leaves out', () => {
    const s003 = published[2].report;
    const last2019 = {
      ...emptyReport(s003.org, 2019, '2019'),
      narrative: {
        ...emptyReport(s003.org, 2019, '2019').narrative,
        problems: [{ id: 'problems', heading: '存在的主要问题', text: '一是政务公开信息范围窄；二是与群众互动较少。' }],
      },
    };
    expect(rule(s003, 'text.problems', last2019)).toEqual([]);
    last2019.narrative.problems[0].text += '三是政策解读形式单一。';
    expect(messages(rule(s003, 'text.problems', last2019))).toEqual([
      '第五部分“上年度问题整改情况”未说明2019年报告所列1个问题的整改情况：“三是政策解读形式单一”。请逐条说明整改进展',
    ]);
  });
});

describe('the text rules on arbitrary text', () => {
  it('never throw, and every finding quotes a number of the text and one of the tables', () => {
    // Fragments of report prose, labels, numbers and punctuation, shuffled by a seeded generator.
    const pieces = [
      '收到',
      '政府信息公开申请',
      '予以公开',
      '及',
      '部分公开',
      '、',
      '不予公开',
      '无法提供',
      '其中',
      '，',
      '。',
      '；',
      '行政复议',
      '行政诉讼',
      '结果维持',
      '尚未审结',
      '未',
      '无',
      '规章',
      '制发',
      '废止',
      '规范性文件',
      '现行有效',
      '行政许可',
      '决定',
      '行政事业性收费',
      '万元',
      '9件',
      '15件',
      '0件',
      '两起',
      '占',
      '46.7%',
      '百分之五十',
      '约',
      '余',
      '各',
      '答复',
      '办结',
      '上年结转',
      '结转下年度',
      '自然人',
      '法人或其他组织',
      '\n',
      '2024年',
    ];
    let seed = 7;
    let found = 0;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 300; i++) {
      const text = Array.from(
        { length: 5 + Math.floor(next() * 40) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      const r = onRequest(text);
      const findings = checkReport(r, { last: lastYearWithText() }).filter((f) => f.rule === 'text.numbers');
      found += findings.length;
      for (const f of findings) {
        const [, quote, table] = f.message.match(/正文：([^；]+)；(表格[二三四]：.*)$/) ?? [];
        expect(table, f.message).toMatch(/[0-9]/);
        // A figure of the text, or a statement that there was none (not the 未 of 尚未审结).
        expect(quote, f.message).toMatch(/[0-9零一二两三四五六七八九十%]|(?<!尚)未|无(?!法)|没有/);
      }
    }
    // The shuffles do contradict the tables now and then: the checks above ran.
    expect(found).toBeGreaterThan(20);
  });
});
