// A full, realistic report for the export tests and benchmark: every cell filled consistently
// (all 勾稽 rules hold), multi-paragraph narrative in every section, contact, cover, last year.
import { getFormat, type FormatId } from '../../../shared/format';
import { emptyReport, getCell, setCell, type Report } from '../../../shared/report';
import { applyAutoTotals } from '../../../shared/rules';

/** Deterministic small numbers. */
function numbers(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % 7;
  };
}

const OVERVIEW = [
  '2024年，我局以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，扎实推进决策、执行、管理、服务、结果公开，政府信息公开工作取得新成效。',
  '全年通过政府门户网站、政务新媒体和政务公开栏主动公开政府信息1286条，其中政府网站公开862条，微信公众号发布401条，公开栏张贴23条。',
];
const PARA = (topic: string, i: number) =>
  `${topic}方面第${i}段：严格落实“谁公开、谁审查、谁负责”的要求，建立健全公开前审查、发布、更新和监督机制，确保公开内容准确、及时、完整，切实保障人民群众的知情权、参与权、表达权和监督权。`;

export function fullReport(formatId: FormatId = '2021', year = formatId === '2021' ? 2024 : 2020): Report {
  const org = '紫阳县行政审批服务局';
  let r = emptyReport(org, year, formatId);
  const format = getFormat(formatId);
  const next = numbers(year);
  // 二: every cell.
  const key = format.disclosureKey;
  for (const block of format.disclosure) {
    for (const row of block.rows) {
      for (const col of block.columns) {
        const v = col.kind === 'amount' ? 12.35 : col.kind === 'change' ? next() - 3 : next() * 137 + 1;
        r = setCell(r, `${key}.${row.id}.${col.id}`, v);
      }
    }
  }
  if (formatId === '2021') {
    r = setCell(r, 'activeDisclosure.rules.issued', 0);
    r = setCell(r, 'activeDisclosure.rules.repealed', 0);
    r = setCell(r, 'activeDisclosure.rules.inForce', 0);
    r = setCell(r, 'activeDisclosure.normativeDocs.issued', 4);
    r = setCell(r, 'activeDisclosure.normativeDocs.repealed', 1);
    r = setCell(r, 'activeDisclosure.normativeDocs.inForce', 15);
  }
  // 三: results per column, then 一/二 so that 一+二 = 三（七）+四.
  const m = format.applications;
  for (const col of m.columns) {
    if (col.isTotal) continue;
    let handled = 0;
    for (const rowId of m.resultRows) {
      const v = next() < 2 ? next() : 0;
      handled += v;
      r = setCell(r, `applications.${rowId}.${col.id}`, v);
    }
    const carried = col.id === 'natural' ? 3 : col.id === 'business' ? 1 : 0;
    const forward = col.id === 'natural' ? 2 : 0;
    r = setCell(r, `applications.${m.carriedOverRow}.${col.id}`, carried);
    r = setCell(r, `applications.${m.carryForwardRow}.${col.id}`, forward);
    r = setCell(r, `applications.${m.newRow}.${col.id}`, handled + forward - carried);
  }
  // Keep 一 non-negative: raise results where needed (and 一 with them).
  for (const col of m.columns) {
    if (col.isTotal) continue;
    const id = `applications.${m.newRow}.${col.id}`;
    const v = getCell(r, id)!;
    if (v < 0) {
      const g = `applications.${m.resultRows[0]}.${col.id}`;
      r = setCell(r, g, getCell(r, g)! - v);
      r = setCell(r, id, 0);
    }
  }
  // 四
  for (const g of format.review.groups) {
    for (const c of format.review.columns)
      if (!c.isTotal) r = setCell(r, `reviewLitigation.${g.id}.${c.id}`, next() < 3 ? 1 : 0);
  }
  r = applyAutoTotals({ ...r, settings: { autoTotals: true } });

  const narrative = structuredClone(r.narrative);
  for (const p of narrative.overview)
    p.text = p.id === 'intro' ? OVERVIEW.join('\n') : [PARA(p.heading, 1), PARA(p.heading, 2)].join('\n');
  for (const p of narrative.problems) p.text = [PARA(p.heading, 1), '', PARA(p.heading, 2)].join('\n');
  for (const p of narrative.other) {
    p.text = p.id === 'fees' ? '本年度未收取信息处理费。' : p.id === 'other' ? '' : PARA(p.heading, 1);
  }
  return {
    ...r,
    narrative,
    website: '紫阳县人民政府门户网站（www.zyx.gov.cn）',
    contact: {
      person: '张三',
      office: '局办公室',
      address: '紫阳县城关镇人民路1号',
      postcode: '725300',
      phone: '0915-4321234',
      fax: '0915-4321235',
      email: 'zyxspj@example.cn',
    },
    cover: {
      ...r.cover,
      recipient: '县政府办',
      date: `${year + 1}-01-20`,
      docNumber: `紫审批发〔${year + 1}〕5号`,
      signer: '王明',
    },
    previous: {
      year: year - 1,
      org,
      format: formatId,
      inForce: { rules: 0, normativeDocs: 12 },
      carryForward: Object.fromEntries(
        m.columns.map((c) => [c.id, getCell(r, `applications.${m.carriedOverRow}.${c.id}`)]),
      ),
      narrative: r.narrative,
      source: '上年报告.json',
    },
  };
}
