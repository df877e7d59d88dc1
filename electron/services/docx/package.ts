// Touches up the package the docx library wrote: a font table that tells Word/WPS what to use
// when a 公文 font is missing, and the report itself as a custom XML part (Word keeps custom XML
// parts when it saves, unlike long custom properties) so the app can read its own file back.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { withoutLedgerEntries } from '../../../shared/ledger/ledger';
import { serializeReport } from '../../../shared/report/schema';
import type { Report } from '../../../shared/report/model';
import { clean } from '../tables/xmltext';
import { FONTS as FONT_DEFS, type FontRole } from '../../../shared/document/layout';
import { STYLE } from './layout';

/** Namespace of the embedded report part; the reader finds customXml/item*.xml by it. */
export const REPORT_XML_NS = 'urn:nianbao:report';
export const META_PREFIX = 'nianbao.';

/** Short custom document properties (docProps/custom.xml): visible in Word's 属性 dialog. */
export function metadataProperties(report: Report): { name: string; value: string }[] {
  return [
    { name: `${META_PREFIX}org`, value: clean(report.org) },
    { name: `${META_PREFIX}year`, value: String(report.year) },
    { name: `${META_PREFIX}format`, value: report.format },
    { name: `${META_PREFIX}schemaVersion`, value: String(report.schemaVersion) },
  ];
}

/**
 * altName: the Windows name to fall back on (仿宋_GB2312 → 仿宋 …); charset 86 (GB2312), family and
 * panose let Word and WPS choose a look-alike when neither is installed.
 */
const FONT_TABLE: { role: FontRole; panose: string; family: string; pitch: string }[] = [
  { role: 'body', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { role: 'heading2', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { role: 'heading1', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { role: 'pageNumber', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
  { role: 'title', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
];

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_CT = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${escapeXml(FONT_DEFS[f.role].name)}"><w:altName w:val="${escapeXml(FONT_DEFS[f.role].alt)}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W_NS}">${fonts}</w:fonts>`;
}

/** Report JSON in an element of our namespace (text content, XML-escaped). */
export function reportXml(report: Report): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<nianbao xmlns="${REPORT_XML_NS}" schemaVersion="${report.schemaVersion}">${escapeXml(serializeReport(withoutLedgerEntries(report)))}</nianbao>`;
}

const ITEM_ID = '{6E1B2C57-3F0A-4B8E-9C41-5A7D0E2F1B63}';

function itemPropsXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" ` +
    `xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${REPORT_XML_NS}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

function addRelationship(relsXml: string, id: string, type: string, target: string): string {
  return relsXml.replace(
    '</Relationships>',
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
  );
}

/**
 * Table text, page numbers and the 2号 titles keep their own line height instead of the 22-line grid
 * (LibreOffice would give a 22 pt title line two grid lines)
 * (paragraph-level w:snapToGrid, which the docx library only writes for runs). It goes right
 * before w:spacing, where the schema orders it.
 */
export function unsnapStyles(stylesXml: string, ids: string[]): string {
  let out = stylesXml;
  for (const id of ids) {
    // Stay inside the one style: never run on into the next style's properties.
    const inside = '(?:(?!</w:style>).)*?';
    const re = new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>${inside}<w:pPr>)(${inside})(<w:spacing )`);
    if (!re.test(out)) throw new Error(`style ${id} has no paragraph spacing to put w:snapToGrid before`);
    out = out.replace(re, '$1$2<w:snapToGrid w:val="0"/>$3');
  }
  return out;
}

export function finishPackage(bytes: Uint8Array, report: Report): Uint8Array {
  const files = unzipSync(bytes);
  files['word/styles.xml'] = strToU8(
    unsnapStyles(strFromU8(files['word/styles.xml']), [
      STYLE.tableText,
      STYLE.pageNumber,
      STYLE.title,
      STYLE.letterhead,
    ]),
  );
  files['word/fontTable.xml'] = strToU8(fontTableXml());
  // Font embedding relationships of the library's empty font table are not needed any more.
  delete files['word/_rels/fontTable.xml.rels'];

  files['customXml/item1.xml'] = strToU8(reportXml(report));
  files['customXml/itemProps1.xml'] = strToU8(itemPropsXml());
  files['customXml/_rels/item1.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">` +
      `<Relationship Id="rId1" Type="${PROPS_REL}" Target="itemProps1.xml"/></Relationships>`,
  );
  const relsPath = 'word/_rels/document.xml.rels';
  files[relsPath] = strToU8(
    addRelationship(strFromU8(files[relsPath]), 'rIdNianbaoReport', CUSTOM_XML_REL, '../customXml/item1.xml'),
  );
  const ctPath = '[Content_Types].xml';
  let ct = strFromU8(files[ctPath]);
  if (!ct.includes('PartName="/customXml/itemProps1.xml"')) {
    ct = ct.replace('</Types>', `<Override PartName="/customXml/itemProps1.xml" ContentType="${PROPS_CT}"/></Types>`);
  }
  if (!/Extension="xml"/.test(ct))
    ct = ct.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
  files[ctPath] = strToU8(ct);
  // [Content_Types].xml first, as Word and strict readers expect.
  const ordered: Zippable = { [ctPath]: files[ctPath] };
  for (const [k, v] of Object.entries(files)) if (k !== ctPath) ordered[k] = v;
  return zipSync(ordered, { level: 6 });
}
