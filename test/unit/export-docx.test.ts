// The Word export: what the clerk prints and publishes, and what the app reads back.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../electron/services/docx';
import { readReportBytes } from '../../electron/services/readers';
import { lines } from '../../electron/services/docx/content';
import { REPORT_XML_NS } from '../../electron/services/docx/package';
import { contactLines } from '../../shared/document';
import { coverTitle, getFormat, reportTitle } from '../../shared/format';
import { defaultLetterBody, narrativeKeyOf, parseReportText, setCell, type Report } from '../../shared/report';
import { fmt } from '../../shared/rules';
import { fullReport } from './helpers/export-report';
import { body, cellAt, unescapeXml, unzip, type Para, type Tbl } from './helpers/ooxml';

let report: Report;
let files: Record<string, string>;
let blocks: Para[];
let tables: Tbl[];

beforeAll(async () => {
  report = fullReport('2021');
  files = unzip(await buildDocx(report, {}));
  ({ blocks, tables } = body(files['word/document.xml']));
});

const styled = (s: string) => blocks.filter((b) => b.style === s).map((b) => b.text);

describe('cover letter', () => {
  it('has the 版头, title, recipient, body closed by 特此报告。, signature, date and 附注, then the report on a new section', () => {
    const [head, docNumber, title, recipient, body1, closing, signature, date, note] = blocks;
    // 红头: 发文机关标志 in red, then 发文字号 and 签发人 on one line above the red separator.
    expect(head).toMatchObject({ style: 'NbLetterhead', text: `${report.org}文件` });
    expect(head.xml).toContain('<w:color w:val="E60012"/>');
    expect(docNumber).toMatchObject({ style: 'NbDocNumber', text: `${report.cover.docNumber}签发人：王明` });
    expect(docNumber.xml).toMatch(/<w:pBdr><w:bottom [^>]*w:color="E60012"/);
    expect(docNumber.xml).toMatch(/<w:tab w:val="right" w:pos="8529"\/>/);
    expect(title.style).toBe('NbLetterTitle');
    expect(title.text.replace('\n', '')).toBe(coverTitle(report.org, report.year));
    expect(recipient.text).toBe('县政府办：');
    expect(`${body1.text}\n${closing.text}`).toBe(defaultLetterBody(report.org, report.year));
    expect(closing).toMatchObject({ style: 'NbLetterBody', text: '特此报告。' });
    expect(signature).toMatchObject({ style: 'NbSignature', text: report.org });
    expect(date).toMatchObject({ style: 'NbDate', text: '2025年1月20日' });
    // 附注 of an upward document: 联系人 and 联系电话 in brackets on the line after the date, kept with it.
    expect(note).toMatchObject({ style: 'NbNote', text: '（联系人：张三，联系电话：0915-4321234）' });
    expect(date.xml).toContain('<w:keepNext/>');
    // The letter's section ends with the 附注; the report follows on a new page, numbered on.
    expect(note.xml).toContain('<w:sectPr>');
    expect(blocks[9]).toMatchObject({
      style: 'NbTitle',
      text: `${report.org}\n${report.year}年政府信息公开工作年度报告`,
    });
    expect(files['word/document.xml'].match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(1);
  });

  it('leaves the 红头 blank on pre-printed paper, and prints the 附件 line', async () => {
    const r = { ...report, cover: { ...report.cover, letterhead: 'none' as const, attachment: '附件：统计表' } };
    const { blocks: b } = body(unzip(await buildDocx(r, {}))['word/document.xml']);
    expect(b[0]).toMatchObject({ style: 'NbLetterhead', text: '' });
    expect(b[1].xml).not.toContain('<w:pBdr>');
    expect(b[1].text).toBe(`${report.cover.docNumber}签发人：王明`);
    expect(b[1].xml).toContain('<w:tab/>');
    const i = b.findIndex((p) => p.style === 'NbAttachment');
    expect(b[i].text).toBe('附件：统计表');
    expect(b[i + 1].style).toBe('NbSignature');
  });

  it('uses the body the user wrote, one paragraph per line', async () => {
    const r = {
      ...report,
      cover: { ...report.cover, body: '第一句。\n\n第二句。', recipient: '县政务公开办', date: '' },
    };
    const { blocks: b } = body(unzip(await buildDocx(r, {}))['word/document.xml']);
    expect(b.filter((p) => p.style === 'NbLetterBody').map((p) => p.text)).toEqual(['第一句。', '第二句。']);
    expect(b.find((p) => p.style === 'NbRecipient')!.text).toBe('县政务公开办：');
    expect(b.find((p) => p.style === 'NbDate')!.text).toBe('年　月　日');
  });

  it('prints only what is known in the 附注, and none without 联系人 and 联系电话', async () => {
    const noPhone = { ...report, contact: { ...report.contact, phone: '' } };
    const { blocks: a } = body(unzip(await buildDocx(noPhone, {}))['word/document.xml']);
    expect(a.find((p) => p.style === 'NbNote')!.text).toBe('（联系人：张三）');
    const none = { ...report, contact: { ...report.contact, phone: '', person: ' ' } };
    const { blocks: b } = body(unzip(await buildDocx(none, {}))['word/document.xml']);
    expect(b.some((p) => p.style === 'NbNote')).toBe(false);
    const date = b.find((p) => p.style === 'NbDate')!;
    expect(date.xml).toContain('<w:sectPr>');
    expect(date.xml).not.toContain('<w:keepNext/>');
  });

  it('is read back with its 联系人 by the importer (carry forward from last year’s Word file)', async () => {
    const { report: back } = await readReportBytes('年报.docx', await buildDocx(report, {}));
    expect(back.contact).toMatchObject({ person: '张三', phone: report.contact.phone });
    const noPerson = { ...report, contact: { ...report.contact, person: '' } };
    const { report: back2 } = await readReportBytes('年报.docx', await buildDocx(noPerson, {}));
    expect(back2.contact.person ?? '').toBe('');
  });

  it('is left out for the website (reportOnly)', async () => {
    const only = unzip(await buildDocx(report, { reportOnly: true }));
    const doc = only['word/document.xml'];
    const { blocks: b } = body(doc);
    expect(b[0].style).toBe('NbTitle');
    expect(
      b.some(
        (p) =>
          p.style.startsWith('NbLetter') || p.style === 'NbSignature' || p.style === 'NbDate' || p.style === 'NbNote',
      ),
    ).toBe(false);
    expect(doc).not.toContain('关于报送');
    expect(doc.match(/<w:sectPr/g)).toHaveLength(1);
  });
});

describe('report text', () => {
  it('has the six section headings of the format, in order', () => {
    const f = getFormat(report.format);
    expect(styled('NbHeading1')).toEqual(f.sections.map((s) => `${s.numeral}、${s.heading}`));
  });

  it('prints the preamble and the contact lines after the title', () => {
    const i = blocks.findIndex((b) => b.style === 'NbTitle');
    expect(blocks[i + 1]).toMatchObject({ style: 'NbBody', text: report.preamble });
    const contact = styled('NbContact');
    expect(contact[0]).toContain(report.website);
    expect(contact[1]).toContain(`电话：${report.contact.phone}`);
    expect(contact[1]).toContain('联系（联系人：张三；地址：');
    // The same sentences as the 预览 and the web page draw (one description).
    expect(contact).toEqual(contactLines(report));
    expect(contact[1]).toContain(`电子邮箱：${report.contact.email}`);
  });

  it('reads back every narrative paragraph by walking the styles', () => {
    expect(narrativeOf(blocks, report)).toEqual(expectedNarrative(report));
    // A blank line in a part's text is not an empty paragraph.
    expect(blocks.some((b) => b.style === 'NbBody' && b.text === '')).toBe(false);
  });

  it('turns text pasted from Word into clean paragraphs (no control characters in the XML)', async () => {
    const r = structuredClone(report);
    r.org = '紫阳县\u0001行政审批服务局';
    r.narrative.problems[0].text = '第一行\u000b第二行\u0007。\f第三行';
    const f = unzip(await buildDocx(r, {}));
    for (const [name, xml] of Object.entries(f))
      expect([name, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)]).toEqual([name, false]);
    const { blocks: b } = body(f['word/document.xml']);
    const i = b.findIndex((p) => p.text === '第一行');
    expect(b.slice(i, i + 3).map((p) => p.text)).toEqual(['第一行', '第二行。', '第三行']);
  });

  it('does not number a heading twice', async () => {
    const r = structuredClone(report);
    r.narrative.overview[1].heading = '（一）健全组织机构';
    const { blocks: b } = body(unzip(await buildDocx(r, {}))['word/document.xml']);
    expect(b.filter((p) => p.style === 'NbHeading2')[0].text).toBe('（一）健全组织机构');
  });

  it('embeds the report as a custom XML part and short properties', () => {
    const item = Object.entries(files).find(([k, v]) => k.startsWith('customXml/item') && v.includes(REPORT_XML_NS))!;
    const json = unescapeXml(item[1].match(/<nianbao[^>]*>([\s\S]*)<\/nianbao>/)![1]);
    const parsed = parseReportText(json);
    expect(parsed.ok && parsed.report).toEqual(report);
    expect(files['word/_rels/document.xml.rels']).toContain('../customXml/item1.xml');
    expect(files['docProps/custom.xml']).toContain(report.org);
    expect(files['docProps/custom.xml']).toContain('nianbao.format');
  });
});

describe('tables', () => {
  const width = (t: Tbl) => t.grid.reduce((a, b) => a + b, 0);
  const spans = (row: { gridSpan: number }[]) => row.reduce((a, c) => a + c.gridSpan, 0);

  it('has the three tables after their headings, each exactly the text width (156 mm)', () => {
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      // A4 11906 twips less the margins 1587 + 1474.
      expect(width(t)).toBe(11906 - 1587 - 1474);
      for (const row of t.rows) expect(spans(row)).toBe(t.grid.length);
    }
    const order = blocks
      .map((b) => (b.style === '#table' ? `T${b.text}` : b.style === 'NbHeading1' ? b.text[0] : ''))
      .filter(Boolean)
      .join('');
    expect(order).toBe('一二T0三T1四T2五六');
  });

  it('lays out 二 as the format prints it', () => {
    const t = tables[0];
    expect(t.grid).toHaveLength(4);
    expect(t.rows[0]).toEqual([{ text: '第二十条第（一）项', gridSpan: 4, vMerge: null }]);
    expect(t.rows[1].map((c) => c.text)).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(t.rows[3].map((c) => c.text)).toEqual(['行政规范性文件', '4', '1', '15']);
    const fees = t.rows.find((r) => r[0].text === '行政事业性收费')!;
    expect(fees[1]).toEqual({ text: '12.35', gridSpan: 3, vMerge: null });
  });

  it('lays out the matrix of 三 with its two-level header, note and merged row labels', () => {
    const t = tables[1];
    const m = getFormat('2021').applications;
    expect(t.grid).toHaveLength(10);
    expect(t.rows).toHaveLength(3 + m.rows.length);
    const [h1, h2, h3] = t.rows;
    expect(h1[0]).toMatchObject({ text: m.note, gridSpan: 3, vMerge: 'restart' });
    expect(h1[1]).toMatchObject({ text: '申请人情况', gridSpan: 7 });
    expect(h2.map((c) => c.text)).toEqual(['', '自然人', '法人或其他组织', '总计']);
    expect(h2.map((c) => c.gridSpan)).toEqual([3, 1, 5, 1]);
    expect(h2[1].vMerge).toBe('restart');
    expect(h3.map((c) => c.text)).toEqual(['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    // 一: label over all three label columns, then 7 numbers.
    const first = t.rows[3];
    expect(first[0]).toMatchObject({ text: '一、本年新收政府信息公开申请数量', gridSpan: 3 });
    expect(first.slice(1).map((c) => c.text)).toEqual(
      m.columns.map((c) => fmt(report.applications.newReceived[c.id]!)),
    );
    // 三、本年度办理结果 merged down over every result row including （七）总计.
    const results = t.rows.slice(5, 5 + m.resultRows.length + 1).map((r) => r[0]);
    expect(results[0]).toMatchObject({ text: '三、本年度办理结果', vMerge: 'restart' });
    expect(results.slice(1).every((c) => c.vMerge === 'continue')).toBe(true);
    // （三）不予公开 over its 8 rows, each with its own label in the third column.
    const refusedAt = 3 + m.rows.findIndex((r) => r.id === 'refused.stateSecret');
    expect(cellAt(t.rows[refusedAt], 1)).toMatchObject({ text: '（三）不予公开', vMerge: 'restart' });
    for (let i = 1; i < 8; i++) expect(cellAt(t.rows[refusedAt + i], 1)!.vMerge).toBe('continue');
    expect(cellAt(t.rows[refusedAt + 7], 2)!.text).toBe('8.属于行政查询事项');
    // （二）部分公开 spans the two inner label columns.
    expect(cellAt(t.rows[refusedAt - 1], 1)).toMatchObject({ gridSpan: 2 });
    // Header rows repeat on each printed page.
    expect(t.xml.match(/<w:tblHeader\/>/g)).toHaveLength(3);
  });

  it('lays out 四 with 行政复议 / 行政诉讼 over their groups and 15 numbers', () => {
    const t = tables[2];
    expect(t.grid).toHaveLength(15);
    expect(t.rows).toHaveLength(4);
    expect(t.rows[0].map((c) => [c.text, c.gridSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(t.rows[1].map((c) => c.text).slice(-2)).toEqual(['未经复议直接起诉', '复议后起诉']);
    expect(t.rows[1][0]).toMatchObject({ text: '结果维持', vMerge: 'restart' });
    expect(t.rows[2][0]).toMatchObject({ text: '', vMerge: 'continue' });
    const numbers = t.rows[3].map((c) => c.text);
    const f = getFormat('2021').review;
    expect(numbers).toEqual(f.groups.flatMap((g) => f.columns.map((c) => fmt(report.reviewLitigation[g.id][c.id]!))));
  });

  it('prints 0 for zero and leaves a blank cell blank', async () => {
    let r = setCell(report, 'applications.granted.research', null);
    r = setCell(r, 'applications.granted.legal', 0);
    const { tables: t } = body(unzip(await buildDocx(r, { reportOnly: true }))['word/document.xml']);
    const row = t[1].rows.find((x) => x.some((c) => c.text === '（一）予以公开'))!;
    const values = row.slice(-7).map((c) => c.text);
    expect(values[2]).toBe('');
    expect(values[4]).toBe('0');
  });

  it('lays out the 2019 blocks of 二 with their own columns', async () => {
    const old = fullReport('2019');
    const { tables: t } = body(unzip(await buildDocx(old, { reportOnly: true }))['word/document.xml']);
    const labels = t[0].rows.filter((r) => r.length === 1).map((r) => r[0].text);
    expect(labels).toEqual(getFormat('2019').disclosure.map((b) => b.label));
    expect(t[1].rows).toHaveLength(3 + getFormat('2019').applications.rows.length);
  });
});

describe('layout per GB/T 9704', () => {
  it('sets A4, the margins and a 22-line grid on every section', () => {
    const doc = files['word/document.xml'];
    const sects = doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
    expect(sects).toHaveLength(2);
    for (const s of sects) {
      expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      // 37 / 35 / 28 / 26 mm in twips.
      expect(s).toMatch(/w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(s).toMatch(/<w:docGrid w:type="lines" w:linePitch="579" w:charSpace="-?\d+"\/>/);
      expect(s).toMatch(/<w:footerReference w:type="default"/);
      expect(s).toMatch(/<w:footerReference w:type="even"/);
    }
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  });

  it('numbers pages — 1 — in 4号 宋体 at the outer side', () => {
    const footers = Object.entries(files)
      .filter(([k]) => /^word\/footer\d+\.xml$/.test(k))
      .map(([, v]) => v);
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const f of footers) {
      expect(f).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
      expect(f).toContain('NbPageNumber');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    expect(files['word/styles.xml']).toMatch(
      /w:styleId="NbPageNumber"[\s\S]*?w:eastAsia="宋体"[\s\S]*?<w:sz w:val="28"\/>/,
    );
  });

  it('sets the 公文 fonts as East Asian fonts with fallbacks in the font table', () => {
    const styles = files['word/styles.xml'];
    const style = (id: string) => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))![0];
    expect(style('NbTitle')).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    expect(style('NbTitle')).toContain('<w:jc w:val="center"/>');
    expect(style('Normal')).toMatch(/w:ascii="仿宋_GB2312"[^>]*w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    expect(style('NbBody')).toContain('w:firstLineChars="200"');
    expect(style('NbHeading1')).toContain('w:eastAsia="黑体"');
    expect(style('NbHeading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('NbTableText')).toContain('<w:snapToGrid w:val="0"/>');
    const fonts = files['word/fontTable.xml'];
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>[\s\S]*?<w:charset w:val="86"\/>/);
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  });
});

describe('the title', () => {
  it('is derived from the format helpers', () => {
    const title = blocks.find((b) => b.style === 'NbTitle')!;
    expect(title.text.replace('\n', '')).toBe(reportTitle(report.org, report.year));
  });
});

/** What the import does: heading 1 opens a section, heading 2 a part, body lines follow. */
function narrativeOf(blocks: Para[], report: Report) {
  const f = getFormat(report.format);
  const got: Record<string, { heading: string; lines: string[] }[]> = {};
  let key: string | null = null;
  for (const b of blocks.slice(blocks.findIndex((x) => x.style === 'NbHeading1'))) {
    if (b.style === 'NbHeading1') {
      const s = f.sections.find((x) => b.text === `${x.numeral}、${x.heading}`)!;
      key = narrativeKeyOf(s.no);
      if (key) got[key] = [];
    } else if (key && b.style === 'NbHeading2') {
      got[key].push({ heading: b.text, lines: [] });
    } else if (key && b.style === 'NbBody') {
      if (!got[key].length) got[key].push({ heading: '', lines: [] });
      got[key].at(-1)!.lines.push(b.text);
    }
  }
  return got;
}

function expectedNarrative(report: Report) {
  const out: Record<string, { heading: string; lines: string[] }[]> = {};
  for (const k of ['overview', 'problems', 'other'] as const) {
    let n = 0;
    out[k] = report.narrative[k]
      .filter((p) => lines(p.text).length)
      .map((p) => ({
        heading: p.heading ? `（${'一二三四五六七八九十'[n++]}）${p.heading}` : '',
        lines: lines(p.text),
      }));
  }
  return out;
}

/** The numbers of the matrix as printed, row by row (last 7 cells of each body row). */
function matrixValues(t: Tbl): string[][] {
  return t.rows.slice(3).map((r) => r.slice(-7).map((c) => c.text));
}

describe('sample reports', () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'samples');
  const samples = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  it.skipIf(!samples.length).each(samples)('exports %s with every paragraph and number in place', async (name) => {
    const parsed = parseReportText(readFileSync(join(dir, name), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const r = parsed.report;
    const { blocks: b, tables: t } = body(unzip(await buildDocx(r, {}))['word/document.xml']);
    expect(narrativeOf(b, r)).toEqual(expectedNarrative(r));
    const m = getFormat(r.format).applications;
    expect(matrixValues(t[1])).toEqual(
      m.rows.map((row) =>
        m.columns.map((c) => (r.applications[row.id]?.[c.id] == null ? '' : fmt(r.applications[row.id][c.id]!))),
      ),
    );
  });
});
