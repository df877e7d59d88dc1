// Real PDF files, made the way reports come (Word documents converted by LibreOffice, see
// test/fixtures/import/pdf/make-pdfs.ts), read as the import dialog and the command line read
// them: every table cell right (a blank only where the file prints none, and then said), totals
// of a 总计 column that is not printed derived and said to be, the text as the author wrote it —
// paragraphs whole across printed line and page breaks, custom headings kept as headings, no
// page number or running header in it — and the organ and year.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../shared/api';
import { NARRATIVE_SECTIONS, getCell, type NarrativeKey, type Report } from '../../shared/report';
import { readReportBytes } from '../../electron/services/readers';
import { pdfText } from '../../electron/services/readers/pdf';
import { parseText } from '../../shared/parse';
import { readInIsolation } from '../../electron/services/reading';
import { FIXTURES_DIR } from '../fixtures/reports';

const DIR = join(FIXTURES_DIR, 'import', 'pdf');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.pdf'));

interface Part {
  heading: string;
  paragraphs: string[];
}
interface Expected {
  format: '2021' | '2019';
  org: string;
  year: number;
  cells: Record<string, number | null>;
  derived: string[];
  narrative: Record<NarrativeKey, Part[]>;
  preamble: string[];
  date: string;
  acrossPages: string[];
  chrome: string[];
}
const expectedOf = (pdf: string): Expected =>
  JSON.parse(readFileSync(join(DIR, pdf.replace(/\.pdf$/, '.expected.json')), 'utf8'));
const read = (pdf: string) => readReportBytes(pdf, new Uint8Array(readFileSync(join(DIR, pdf))));

/** Cells read otherwise than the file prints them (`id: got (true v)`). */
const wrongCells = (r: Report, want: Expected) =>
  Object.entries(want.cells)
    .filter(([id, v]) => getCell(r, id) !== v)
    .map(([id, v]) => `${id}: ${getCell(r, id)} (true ${v})`);

/** The narrative as parts with text: heading and paragraphs. */
const partsOf = (r: Report) =>
  Object.fromEntries(
    NARRATIVE_SECTIONS.map(({ key }) => [
      key,
      r.narrative[key]
        .filter((p) => p.text.trim())
        .map((p) => ({ heading: p.heading, paragraphs: p.text.split('\n').filter((l) => l.trim()) })),
    ]),
  );

/** Every text of the report a clerk reads as last year's. */
const texts = (r: Report) => [
  r.preamble,
  r.cover.body,
  ...NARRATIVE_SECTIONS.flatMap(({ key }) => r.narrative[key].flatMap((p) => [p.heading, p.text])),
];

describe('real PDF reports (LibreOffice from Word), read as the app reads them', () => {
  it('cover the app’s export, hand-made reports of both formats, a 三 without 总计 and a 四 with two header rows', () => {
    const all = FILES.map(expectedOf);
    expect(FILES.length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((e) => e.format))).toEqual(new Set(['2021', '2019']));
    expect(all.some((e) => e.derived.length)).toBe(true);
    // Each of them breaks a paragraph over a page (the generator checks it with pdftotext).
    for (const e of all) expect(e.acrossPages.length).toBeGreaterThan(0);
  });

  const results = new Map<string, Promise<ReadResult>>();
  const result = (f: string) => {
    if (!results.has(f)) results.set(f, read(f));
    return results.get(f)!;
  };

  for (const f of FILES) {
    describe(f, () => {
      const want = expectedOf(f);

      it('organ, year and format; the date under the signature; the preamble whole', async () => {
        const { report, kind } = await result(f);
        expect(kind).toBe('PDF 文件');
        expect([report.org, report.year, report.format]).toEqual([want.org, want.year, want.format]);
        expect(report.cover.date).toBe(want.date);
        for (const p of want.preamble) expect(report.preamble.split('\n')).toContain(p);
      });

      it('every table cell as printed, no wrong one; a blank the file prints is said where it stands for a row', async () => {
        const r = await result(f);
        expect(wrongCells(r.report, want)).toEqual([]);
        // What is not printed at all (a whole row left empty) is listed with its cells, in Chinese.
        for (const p of r.tables!.problems) {
          expect(p.message).toMatch(/[\u4e00-\u9fff]/);
          expect(p.cells.every((id) => want.cells[id] === null || want.derived.includes(id))).toBe(true);
        }
        expect(r.tables!.ledger.unread.filter((id) => want.cells[id] !== null)).toEqual([]);
      });

      it(want.derived.length ? '总计 derived from the six columns, and said to be' : 'nothing derived', async () => {
        const r = await result(f);
        expect([...r.tables!.ledger.derived].sort()).toEqual([...want.derived].sort());
        const derived = r.tables!.problems.filter((p) => p.kind === 'derived');
        if (want.derived.length) {
          expect(derived.map((p) => p.message)).toEqual([expect.stringMatching(/总计.*相加得出/)]);
          expect(r.problems).toContain(derived[0].message);
        } else expect(derived).toEqual([]);
      });

      it('the narrative: every paragraph whole under its own heading, custom headings included', async () => {
        const { report } = await result(f);
        expect(partsOf(report)).toEqual(want.narrative);
      });

      it('a paragraph printed over a page break is one paragraph', async () => {
        const { report } = await result(f);
        const paragraphs = NARRATIVE_SECTIONS.flatMap(({ key }) =>
          report.narrative[key].flatMap((p) => p.text.split('\n')),
        );
        for (const p of want.acrossPages) expect(paragraphs).toContain(p);
      });

      it('no page number or running header in the text', async () => {
        const { report } = await result(f);
        // (A running header may be the organ's name, which the text names too: not as a line of its own.)
        const lines = texts(report).flatMap((t) => t.split('\n').map((l) => l.trim()));
        for (const c of want.chrome) expect(lines).not.toContain(c);
        for (const l of lines) expect(l).not.toMatch(/^(?:[-—]\s*\d+\s*[-—]|第\s*\d+\s*页)|[-—]\s*\d+\s*[-—]$/);
        const pageNumbers = want.chrome.filter((c) => /\d/.test(c));
        for (const t of texts(report)) for (const c of pageNumbers) expect(t).not.toContain(c);
      });
    });
  }

  it('problems are said only for what the file leaves out', async () => {
    const byFile = Object.fromEntries(await Promise.all(FILES.map(async (f) => [f, (await result(f)).problems])));
    for (const f of FILES) {
      const want = expectedOf(f);
      const blankRows = Object.entries(want.cells).filter(([, v]) => v === null).length;
      if (!blankRows && !want.derived.length) expect([f, byFile[f]]).toEqual([f, []]);
    }
    // The 2019 report leaves the whole row 8.属于行政查询事项 empty: said, by its label.
    expect(byFile['handmade-2019.pdf']).toEqual([expect.stringMatching(/8\.属于行政查询事项.*没有找到数字/)]);
  });
});

describe('through the reader process (the import dialog and the command line)', () => {
  it('a hand-made PDF gives the same report, tables and problems as read in this process', async () => {
    const f = 'handmade-2021.pdf';
    const here = await read(f);
    const there = await readInIsolation({ path: join(DIR, f) });
    expect(there.report).toEqual(here.report);
    expect(there.problems).toEqual(here.problems);
    expect(there.tables).toEqual(here.tables);
    expect(wrongCells(there.report, expectedOf(f))).toEqual([]);
  });
});

describe('a text layer whose glyphs map to radicals (⼀ for 一, ⾸⻚ for 首页: Chrome’s printing, some printer drivers)', () => {
  it('reads as the same report: headings, organ, every cell and paragraph', async () => {
    const { text } = await pdfText(new Uint8Array(readFileSync(join(DIR, 'handmade-2021.pdf'))));
    const radical = new Map<string, string>();
    for (let c = 0x2f00; c <= 0x2fd5; c++)
      radical.set(String.fromCodePoint(c).normalize('NFKC'), String.fromCodePoint(c));
    for (const [ch, r] of Object.entries({ 页: '\u2eda', 民: '\u2ea0', 长: '\u2ed3', 门: '\u2ed4' }))
      radical.set(ch, r);
    const mapped = [...text].map((c) => radical.get(c) ?? c).join('');
    expect(mapped).toContain('⼀、总体情况');
    // As the PDF reader hands its text over (readers/index.ts).
    const want = parseText(text, { textRows: 'stream' });
    const got = parseText(mapped, { textRows: 'stream' });
    expect(got.report).toEqual(want.report);
    expect(got.problems).toEqual(want.problems);
    expect(wrongCells(got.report, expectedOf('handmade-2021.pdf'))).toEqual([]);
  });
});

describe('paragraphs set flush left, with space after each (no indent to tell where they begin)', () => {
  it('the empty line the reader puts for the space after a paragraph ends it; a full line without one goes on', async () => {
    const f = 'review-two-rows-2021.pdf';
    const { text } = await pdfText(new Uint8Array(readFileSync(join(DIR, f))));
    // Only the space after paragraphs to go by: no line keeps an indent.
    const flush = text.replace(/^\u3000+/gm, '');
    expect(flush).toMatch(/研究部署重点工作。\n会后及时印发会议纪要/);
    expect(flush).toMatch(/查询和办理。\n\n全年共召开/);
    expect(partsOf(parseText(flush, { textRows: 'stream' }).report)).toEqual(expectedOf(f).narrative);
  });
});

describe('a real PDF of a table that leaves cells blank (sample 000: a lone 0 under 总计, the rest empty)', () => {
  // Made from the sample's typed-in tables: `nianbao export test/fixtures/samples/000_….json --docx
  // x.docx`, then `libreoffice --headless --convert-to pdf x.docx`.
  const file = join(FIXTURES_DIR, 'import', 'blanks', 'sample-000.pdf');
  const want = JSON.parse(readFileSync(join(FIXTURES_DIR, 'samples', '000_0bc252219158d4bd.json'), 'utf8')) as Report;

  it('every number in its column, every blank blank; what the text cannot place is listed, never guessed', async () => {
    const got = await readReportBytes('sample-000-blanks.pdf', new Uint8Array(readFileSync(file)));
    const ids = Object.entries(want.applications).flatMap(([row, cols]) =>
      Object.keys(cols).map((c) => `applications.${row}.${c}`),
    );
    const all = [
      ...ids,
      ...Object.keys(want.reviewLitigation).flatMap((g) =>
        Object.keys(want.reviewLitigation[g]).map((c) => `reviewLitigation.${g}.${c}`),
      ),
    ];
    const wrong = all.filter((id) => getCell(got.report, id) !== getCell(want, id));
    expect(wrong).toEqual([]);
    expect(got.report.applications.newReceived).toMatchObject({ natural: null, other: null, total: 0 });
    // 二's lone 0 has no sum to place it: left blank and said.
    expect(got.problems.some((p) => p.includes('“行政规范性文件”行只有数字“0”，其余是空白格'))).toBe(true);
  });
});
