// Paragraphs drafted from the tables: what they say, that the text rules find them consistent,
// that blanks are left out with a note (never a guessed number), 同比 where last year is known,
// and how a draft inserted earlier is found and diffed when the tables change.
import { describe, expect, it } from 'vitest';
import { diffText, draftOnRequest, draftParagraphs, draftReview, insertDraft, placeOfDraft } from '../../shared/draft';
import { summarizePrevious } from '../../shared/carry';
import { allCells, getFormat } from '../../shared/format';
import { emptyReport, setCell } from '../../shared/report';
import { checkReport } from '../../shared/rules';
import { fullReport, fullReport2019, lastYearReport, withCells } from '../fixtures/reports';

describe('drafted paragraphs', () => {
  it('state the tables’ figures with the format’s labels', () => {
    const [active, apps, review] = draftParagraphs(fullReport());
    expect(apps).toMatchObject({ section: 1, part: 'onRequest', notes: [] });
    expect(apps.text).toBe(
      '本年度新收政府信息公开申请15件（其中自然人10件、商业企业3件、社会公益组织1件、其他1件）；上年结转3件。' +
        '本年度办结15件，其中予以公开7件、部分公开1件、不予公开2件、无法提供3件、不予处理1件、其他处理1件；结转下年度继续办理3件。',
    );
    expect(review.text).toBe(
      '本年度因政府信息公开工作被申请行政复议2件，其中结果维持1件、尚未审结1件；被提起行政诉讼1件，其中未经复议直接起诉1件；行政诉讼结果纠正1件。',
    );
    expect(active).toMatchObject({ part: 'active', notes: [] });
    expect(active.text).toBe(
      '本年度制发规章0件、废止0件，现行有效0件；制发行政规范性文件3件、废止1件，现行有效12件；' +
        '作出行政许可决定5543件、行政处罚决定12件、行政强制决定2件；行政事业性收费1.25万元。',
    );
  });

  it('compare with last year where its figures are known (同比)', () => {
    const last = withCells(lastYearReport(), {
      'applications.newReceived.total': 12,
      'reviewLitigation.review.total': 2,
      'reviewLitigation.litigationDirect.total': 3,
      'reviewLitigation.litigationAfterReview.total': 0,
    });
    expect(draftOnRequest(fullReport(), last).text).toMatch(
      /^本年度新收政府信息公开申请15件（[^）]*），较上年增加3件；/,
    );
    expect(draftReview(fullReport(), last).text).toContain(
      '被申请行政复议2件，其中结果维持1件、尚未审结1件，与上年持平；',
    );
    expect(draftReview(fullReport(), last).text).toContain(
      '被提起行政诉讼1件，其中未经复议直接起诉1件，较上年减少2件；',
    );
    // What a carried report keeps of last year (report.previous) will do.
    const carried = { ...fullReport(), previous: summarizePrevious(last) };
    expect(draftParagraphs(carried)[0].text).toContain('制发行政规范性文件3件、废止1件，现行有效12件，较上年增加2件；');
    expect(draftOnRequest(carried).text).toContain('，较上年增加3件；');
    // A report file from before last year's figures were kept: no 同比 rather than a guess.
    const older = { ...carried, previous: { ...carried.previous, figures: undefined } };
    expect(draftOnRequest(older).text).not.toContain('较上年');
  });

  it('say there was none when the tables hold zeros', () => {
    let r = emptyReport('某某县行政审批服务局', 2024);
    for (const c of allCells(getFormat('2021'))) r = setCell(r, c.id, 0);
    const [active, apps, review] = draftParagraphs(r);
    expect(apps.text).toBe('本年度未收到政府信息公开申请；上年结转0件。本年度办结0件；结转下年度继续办理0件。');
    expect(review.text).toBe('本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。');
    expect(active.text).toContain('作出行政许可决定0件');
  });

  it('leave blank cells out with a note, never as a number', () => {
    const r = emptyReport('某某县行政审批服务局', 2024);
    const drafts = draftParagraphs(r);
    expect(drafts.map((d) => d.text)).toEqual(['', '', '']);
    expect(drafts[1].notes[0]).toBe('表格三“本年新收”为空白，草稿未写这一项，请先填写表格');
    const some = setCell(r, 'applications.newReceived.total', 4);
    expect(draftOnRequest(some).text).toBe('本年度新收政府信息公开申请4件。');
  });
});

describe('a draft in the clerk’s text', () => {
  const draft = draftOnRequest(fullReport()).text;

  it('is inserted at the end, never over the clerk’s words', () => {
    expect(insertDraft('', draft)).toBe(draft);
    expect(insertDraft('我局认真办理每一件申请。\n', draft)).toBe(`我局认真办理每一件申请。\n${draft}`);
    const text = `我局认真办理每一件申请。\n${draft}`;
    expect(placeOfDraft(text, draft)).toEqual({ kind: 'current', index: 1 });
    expect(insertDraft(text, draft, placeOfDraft(text, draft))).toBe(text);
    expect(placeOfDraft('我局认真办理每一件申请。', draft)).toEqual({ kind: 'absent' });
  });

  it('is found again after the tables change, with the changed figures shown', () => {
    const text = `我局认真办理每一件申请。\n${draft}`;
    const changed = withCells(fullReport(), {
      'applications.newReceived.natural': 11,
      'applications.newReceived.total': 16,
      'applications.granted.natural': 7,
      'applications.granted.total': 8,
      'applications.resultTotal.total': 16,
    });
    const now = draftOnRequest(changed).text;
    const place = placeOfDraft(text, now);
    expect(place).toEqual({ kind: 'stale', index: 1, text: draft });
    const diff = diffText(draft, now);
    expect(diff.filter((p) => p.op !== 'same')).toEqual([
      { op: 'removed', text: '15' },
      { op: 'added', text: '16' },
      { op: 'removed', text: '10' },
      { op: 'added', text: '11' },
      { op: 'removed', text: '15' },
      { op: 'added', text: '16' },
      { op: 'removed', text: '7' },
      { op: 'added', text: '8' },
    ]);
    expect(
      diff
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(now);
    // Replacing on request touches that paragraph only.
    expect(insertDraft(text, now, place)).toBe(`我局认真办理每一件申请。\n${now}`);
  });
});

describe('drafts in the 2019 format', () => {
  it('state what that format’s tables hold, consistently with the text rules', () => {
    const r = fullReport2019(2020);
    const [active, apps, review] = draftParagraphs(r);
    expect(active.text).toBe(
      '本年度作出行政许可决定1件、其他对外管理服务事项决定1件、行政处罚决定1件、行政强制决定1件。',
    );
    expect(apps.text).toContain('其他处理1件；结转下年度继续办理3件。');
    const drafted = {
      ...r,
      narrative: {
        ...r.narrative,
        overview: r.narrative.overview.map((p) =>
          p.id === 'onRequest'
            ? { ...p, text: `${apps.text}\n${review.text}` }
            : p.id === 'active'
              ? { ...p, text: active.text }
              : p,
        ),
      },
    };
    expect(checkReport(drafted).filter((f) => f.rule === 'text.numbers')).toEqual([]);
  });
});
