// Makes the import fixtures of test/fixtures/import/: web pages (HTML with merged cells) written
// here from the format definition, converted by LibreOffice into .docx, .doc and .pdf — the
// files a reader meets: the official layouts (2021, 2019), a hand-made layout (labels merged
// oddly, an extra blank column, numbers as text with spaces) and a document without tables.
// Each fixture has <name>.expected.json: the cell values it holds (null for a blank).
//
//   node --import tsx scripts/make-import-fixtures.mjs        (needs soffice on PATH)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCells, format2019, format2021, ownLabel, reportTitle } from '../shared/format/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test', 'fixtures', 'import');
mkdirSync(out, { recursive: true });

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text, attrs = '') =>
  `<td${attrs ? ' ' + attrs : ''}>${text === null || text === undefined ? '' : esc(text)}</td>`;
const tdHtml = (html, attrs = '') => `<td${attrs ? ' ' + attrs : ''}>${html}</td>`;

/** Deterministic values: every cell a different small number, some blanks, totals summed. */
function values(format, { blanks = [], special = {} } = {}) {
  const v = {};
  let k = 0;
  for (const c of allCells(format)) {
    k++;
    v[c.id] = c.kind === 'amount' ? Math.round(((k * 37) % 500) / 4) / 100 : (k * 7) % 23;
  }
  for (const id of blanks) v[id] = null;
  Object.assign(v, special);
  return v;
}

/** Printed form of a value in a cell. */
const shown = (v, { slash = false } = {}) => (v === null ? (slash ? '/' : '') : String(v));

// ───────────── tables in the official layout ─────────────

function disclosureTable(format, v, text = shown) {
  const width = Math.max(...format.disclosure.map((b) => b.columns.length));
  const rows = [];
  for (const b of format.disclosure) {
    rows.push(`<tr>${td(b.label, `colspan="${width + 1}"`)}</tr>`);
    const head = b.columns.map((c, i) =>
      td(c.label, i === b.columns.length - 1 && b.columns.length < width ? `colspan="${width - i}"` : ''),
    );
    rows.push(`<tr>${td(b.itemHeader)}${head.join('')}</tr>`);
    for (const r of b.rows) {
      const cells = b.columns.map((c, i) =>
        td(
          text(v[`${format.disclosureKey}.${r.id}.${c.id}`], c),
          i === b.columns.length - 1 && b.columns.length < width ? `colspan="${width - i}"` : '',
        ),
      );
      rows.push(`<tr>${td(ownLabel(r.path))}${cells.join('')}</tr>`);
    }
  }
  return `<table border="1" cellspacing="0">${rows.join('\n')}</table>`;
}

/** Label cells of the matrix with merges: a group label spans the rows under it. */
function matrixLabelCells(rows, depth = 3) {
  const out = rows.map(() => []);
  for (let r = 0; r < rows.length; r++) {
    const path = rows[r].path;
    for (let level = 0; level < path.length; level++) {
      const isOwn = level === path.length - 1;
      // Skip a group cell already spanned from above.
      const prev = r > 0 ? rows[r - 1].path : [];
      if (!isOwn && prev.slice(0, level + 1).join('|') === path.slice(0, level + 1).join('|')) continue;
      let span = 1;
      if (!isOwn) {
        while (
          r + span < rows.length &&
          rows[r + span].path.slice(0, level + 1).join('|') === path.slice(0, level + 1).join('|')
        )
          span++;
      }
      const colspan = isOwn ? depth - level : 1;
      out[r].push(
        td(
          path[level],
          [span > 1 ? `rowspan="${span}"` : '', colspan > 1 ? `colspan="${colspan}"` : ''].filter(Boolean).join(' '),
        ),
      );
    }
  }
  return out;
}

function matrixTable(format, v, { extraColumn = false, splitHeader = false, text = shown } = {}) {
  const m = format.applications;
  const members = m.columns.filter((c) => c.group);
  const total = m.columns.find((c) => c.isTotal);
  const natural = m.columns.find((c) => !c.group && !c.isTotal);
  const data = m.columns.length + (extraColumn ? 1 : 0);
  const label = (s) => (splitHeader && s.length === 4 ? `${esc(s.slice(0, 2))}<br>${esc(s.slice(2))}` : esc(s));
  const head = [
    `<tr>${td(m.note, 'rowspan="3" colspan="3"')}${td(m.header, `colspan="${data}"`)}</tr>`,
    `<tr>${td(natural.label, 'rowspan="2"')}${td(members[0].group, `colspan="${members.length + (extraColumn ? 1 : 0)}"`)}${td(total.label, 'rowspan="2"')}</tr>`,
    `<tr>${members.map((c) => tdHtml(label(c.label))).join('')}${extraColumn ? td('') : ''}</tr>`,
  ];
  const labels = matrixLabelCells(m.rows);
  const body = m.rows.map((r, i) => {
    const cells = m.columns.map((c) => text(v[`applications.${r.id}.${c.id}`], c));
    if (extraColumn) cells.splice(m.columns.length - 1, 0, '');
    return `<tr>${labels[i].join('')}${cells.map((c) => td(c)).join('')}</tr>`;
  });
  return `<table border="1" cellspacing="0">${[...head, ...body].join('\n')}</table>`;
}

/** lead: an extra first column (a header cell spanning the header rows, and a cell before the numbers). */
function reviewTable(format, v, text = shown, lead = null) {
  const r = format.review;
  const [review, ...litigation] = r.groups;
  const first = lead ? td(lead.header, 'rowspan="3"') : '';
  const h1 = `<tr>${first}${td(review.path[0], `colspan="${r.columns.length}"`)}${td(litigation[0].path[0], `colspan="${r.columns.length * litigation.length}"`)}</tr>`;
  const h2 = `<tr>${r.columns.map((c) => td(c.label, 'rowspan="2"')).join('')}${litigation.map((g) => td(ownLabel(g.path), `colspan="${r.columns.length}"`)).join('')}</tr>`;
  const h3 = `<tr>${litigation.map(() => r.columns.map((c) => td(c.label)).join('')).join('')}</tr>`;
  const row = `<tr>${lead ? td(lead.value) : ''}${r.groups.map((g) => r.columns.map((c) => td(text(v[`reviewLitigation.${g.id}.${c.id}`], c))).join('')).join('')}</tr>`;
  return `<table border="1" cellspacing="0">${h1}\n${h2}\n${h3}\n${row}</table>`;
}

// ───────────── a hand-made layout ─────────────

/** Group labels as rows of their own, （三）不予公开 run into its first item, an extra blank column, numbers with spaces. */
function oddMatrix(format, v) {
  const m = format.applications;
  const cols = m.columns;
  const width = 2 + cols.length + 1;
  const split = (s) => (s.length === 4 ? `${esc(s.slice(0, 2))}<br>${esc(s.slice(2))}` : esc(s));
  const head = `<tr>${td(m.note, 'colspan="2"')}${cols
    .slice(0, -1)
    .map((c) => tdHtml(split(c.label)))
    .join('')}${td('')}${td(cols[cols.length - 1].label)}</tr>`;
  const body = [];
  let group = '';
  let sub = '';
  for (const r of m.rows) {
    if (r.path.length > 1 && r.path[0] !== group) body.push(`<tr>${td(r.path[0], `colspan="${width}"`)}</tr>`);
    group = r.path.length > 1 ? r.path[0] : '';
    let name = ownLabel(r.path);
    if (r.path.length === 3 && r.path[1] !== sub) name = `${r.path[1]} ${name}`;
    sub = r.path.length === 3 ? r.path[1] : '';
    const cells = cols.map((c) => {
      const x = v[`applications.${r.id}.${c.id}`];
      return x === null ? '' : ` ${x} `;
    });
    cells.splice(cols.length - 1, 0, '');
    body.push(`<tr>${td(name, 'colspan="2"')}${cells.map((c) => td(c)).join('')}</tr>`);
  }
  return `<table border="1" cellspacing="0">${[head, ...body].join('\n')}</table>`;
}

function oddReview(format, v) {
  return `${reviewTable(format, v, shown, { header: '类别', value: '件数' })}<p>（单位：件）</p>`;
}

// ───────────── the documents ─────────────

function page(title, body) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>\n${body}\n</body></html>\n`;
}

const P = (t) => `<p>${esc(t)}</p>`;

function narrative2021(org, year) {
  return {
    one: [
      P(`${year}年，${org}认真贯彻落实《中华人民共和国政府信息公开条例》，政府信息公开工作稳步推进。`),
      P('（一）主动公开'),
      P(`全年通过政府网站主动公开政府信息312条，其中政策解读9条。`),
      P('（二）依申请公开'),
      P('全年收到政府信息公开申请，均在法定期限内答复。'),
      P('（三）健全组织机构，责任落实到人'),
      P('成立了政务公开工作领导小组。'),
    ],
    five: [P('（一）存在的主要问题'), P('公开内容还不够全面。'), P('（二）改进措施'), P('加强培训，完善制度。')],
    six: [P(`本机关${year}年未收取信息处理费。`)],
  };
}

function reportHtml({ format, org, year, tables, narrative, cover = false, contact = true }) {
  const s = format.sections;
  const heading = (no) => `<p>${esc(`${s[no - 1].numeral}、${s[no - 1].heading}`)}</p>`;
  const parts = [];
  if (cover) {
    parts.push(
      P(`关于报送《${reportTitle(org, year)}》的报告`),
      P('县政府办：'),
      P(`现将《${reportTitle(org, year)}》随文呈来，请审阅。`),
      P(org),
      P(`${year + 1}年1月20日`),
    );
  }
  parts.push(`<p>${esc(org)}<br>${esc(`${year}年政府信息公开工作年度报告`)}</p>`);
  parts.push(
    P(
      `本报告根据《中华人民共和国政府信息公开条例》第五十条规定编制。报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。本报告电子版可在某某县人民政府门户网站（www.example.gov.cn）查阅。`,
    ),
  );
  if (contact) parts.push(P('地址：某某县人民路1号；邮编：100000；电话：0000-1234567'));
  parts.push(heading(1), ...narrative.one);
  parts.push(heading(2), tables.disclosure);
  parts.push(heading(3), tables.matrix);
  parts.push(heading(4), tables.review);
  parts.push(heading(5), ...narrative.five);
  parts.push(heading(6), ...narrative.six);
  return page(reportTitle(org, year), parts.join('\n'));
}

function expected(format, org, year, v) {
  const cells = {};
  for (const c of allCells(format)) cells[c.id] = v[c.id];
  return { format: format.id, org, year, cells };
}

const fixtures = [];

{
  const format = format2021;
  const org = '某某县行政审批服务局';
  const year = 2024;
  const v = values(format, {
    blanks: [
      'applications.refused.query.natural',
      'applications.other.noFee.business',
      'reviewLitigation.litigationDirect.pending',
    ],
    special: {
      'activeDisclosure.rules.issued': null,
      'activeDisclosure.rules.repealed': null,
      'activeDisclosure.rules.inForce': null,
      'activeDisclosure.licensing.decisions': 1024,
      'activeDisclosure.fees.amount': 1.25,
    },
  });
  const text = (x, c) =>
    x === null
      ? c?.id === 'issued' || c?.id === 'repealed' || c?.id === 'inForce'
        ? '/'
        : ''
      : x === 1024
        ? '1 024'
        : String(x);
  const html = reportHtml({
    format,
    org,
    year,
    v,
    cover: true,
    tables: {
      disclosure: disclosureTable(format, v, text),
      matrix: matrixTable(format, v, { text }),
      review: reviewTable(format, v, text),
    },
    narrative: narrative2021(org, year),
  });
  fixtures.push({ name: 'official-2021', html, to: ['docx', 'doc', 'pdf'], expected: expected(format, org, year, v) });
}

{
  const format = format2019;
  const org = '某某县自然资源局';
  const year = 2020;
  const v = values(format, {
    special: {
      'activeDisclosure2019.licensing.change': 144,
      'activeDisclosure2019.punishment.change': -3,
      'activeDisclosure2019.procurement.amount': 12.5,
    },
  });
  const text = (x, c) => (x === null ? '' : c?.id === 'change' && x > 0 ? `+${x}` : String(x));
  const html = reportHtml({
    format,
    org,
    year,
    v,
    tables: {
      disclosure: disclosureTable(format, v, text),
      matrix: matrixTable(format, v, { text }),
      review: reviewTable(format, v, text),
    },
    narrative: {
      one: [
        P(`${year}年，本局依法做好政府信息公开工作。`),
        P('主动公开。全年主动公开信息120条。'),
        P('依申请公开。全年收到申请若干件。'),
      ],
      five: [P('主要问题是公开内容不够全面。')],
      six: [P('无。')],
    },
  });
  fixtures.push({ name: 'official-2019', html, to: ['docx', 'pdf'], expected: expected(format, org, year, v) });
}

{
  const format = format2021;
  const org = '某某县市场监督管理局';
  const year = 2023;
  const v = values(format, {
    blanks: ['applications.unable.unclear.legal', 'activeDisclosure.normativeDocs.repealed'],
  });
  const html = reportHtml({
    format,
    org,
    year,
    v,
    tables: { disclosure: disclosureTable(format, v), matrix: oddMatrix(format, v), review: oddReview(format, v) },
    narrative: narrative2021(org, year),
    contact: false,
  });
  fixtures.push({ name: 'odd-layout', html, to: ['docx', 'pdf'], expected: expected(format, org, year, v) });
}

{
  const format = format2021;
  const org = '某某县统计局';
  const year = 2024;
  const n = narrative2021(org, year);
  const html = page(
    reportTitle(org, year),
    [
      `<p>${esc(reportTitle(org, year))}</p>`,
      ...format.sections
        .filter((s) => s.kind === 'narrative')
        .flatMap((s) => [
          `<p>${esc(`${s.numeral}、${s.heading}`)}</p>`,
          ...(s.no === 1 ? n.one : s.no === 5 ? n.five : n.six),
        ]),
    ].join('\n'),
  );
  fixtures.push({ name: 'no-tables', html, to: ['docx'], expected: { format: '2021', org, year, cells: null } });
}

// A text file as Chinese Windows saves it ("ANSI" = GBK/GB18030): sample 004, re-encoded.
{
  const sample = readdirSync(join(root, 'test', 'fixtures', 'published')).find((f) => f.startsWith('004'));
  if (sample) {
    const gbk = execFileSync('iconv', [
      '-f',
      'UTF-8',
      '-t',
      'GB18030',
      join(root, 'test', 'fixtures', 'published', sample),
    ]);
    writeFileSync(join(out, 'sample-004-gb18030.txt'), gbk);
  }
}

const work = mkdtempSync(join(tmpdir(), 'nianbao-fixtures-'));
try {
  for (const f of fixtures) {
    writeFileSync(join(out, `${f.name}.html`), f.html);
    writeFileSync(join(out, `${f.name}.expected.json`), JSON.stringify(f.expected, null, 1) + '\n');
    const src = join(work, `${f.name}.html`);
    writeFileSync(src, f.html);
    for (const ext of f.to) {
      const filter = { docx: 'docx:MS Word 2007 XML', doc: 'doc:MS Word 97', pdf: 'pdf:writer_pdf_Export' }[ext];
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${join(work, 'profile')}`,
          '--infilter=HTML (StarWriter)',
          '--convert-to',
          filter,
          '--outdir',
          work,
          src,
        ],
        { stdio: 'pipe', timeout: 180_000 },
      );
      renameSync(join(work, `${f.name}.${ext}`), join(out, `${f.name}.${ext}`));
    }
    console.log(`${f.name}: ${['html', ...f.to].join(', ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(readdirSync(out).sort().join('\n'));
