// Hand-made damaged and unusual files for the reader tests: compound files (.doc/.xls and
// password-protected Office files), a PDF without text, zips with flags and sizes set by hand.
import { strToU8, zipSync, type Zippable } from 'fflate';

/** A compound file with the given streams in its root (512-byte sectors, every stream ≥ 4096 bytes so the mini stream is unused). */
export function makeCfb(streams: { name: string; data: Uint8Array }[], options: { cycle?: boolean } = {}): Uint8Array {
  const SEC = 512;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SEC) * SEC);
    const d = new Uint8Array(size);
    d.set(s.data);
    return { name: s.name, data: d, size: Math.max(4096, s.data.length) };
  });
  const dirEntries = 1 + padded.length;
  const dirSectors = Math.ceil((dirEntries * 128) / SEC);
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SEC, 0);
  const fatSectors = Math.ceil((dirSectors + dataSectors + 1) / (SEC / 4));
  const total = fatSectors + dirSectors + dataSectors;
  const out = new Uint8Array(SEC * (1 + total));
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(24, 0x3e, true);
  dv.setUint16(26, 3, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, 9, true);
  dv.setUint16(32, 6, true);
  dv.setInt32(44, fatSectors, true);
  dv.setInt32(48, fatSectors, true);
  dv.setInt32(56, 4096, true);
  dv.setInt32(60, -2, true);
  dv.setInt32(64, 0, true);
  dv.setInt32(68, -2, true);
  dv.setInt32(72, 0, true);
  for (let i = 0; i < 109; i++) dv.setInt32(76 + i * 4, i < fatSectors ? i : -1, true);
  const fat = new Int32Array(fatSectors * (SEC / 4)).fill(-1);
  for (let i = 0; i < fatSectors; i++) fat[i] = -3;
  let s = fatSectors;
  for (let i = 0; i < dirSectors; i++, s++) fat[s] = i === dirSectors - 1 ? -2 : s + 1;
  const starts: number[] = [];
  for (const st of padded) {
    starts.push(s);
    const n = st.data.length / SEC;
    for (let i = 0; i < n; i++, s++) fat[s] = i === n - 1 ? -2 : s + 1;
  }
  if (options.cycle && padded.length) fat[starts[0] + 1] = starts[0];
  fat.forEach((v, i) => dv.setInt32(SEC + i * 4, v, true));
  const dirAt = SEC * (1 + fatSectors);
  const entry = (k: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const o = dirAt + k * 128;
    for (let i = 0; i < name.length; i++) dv.setUint16(o + i * 2, name.charCodeAt(i), true);
    dv.setUint16(o + 64, (name.length + 1) * 2, true);
    out[o + 66] = type;
    out[o + 67] = 1;
    dv.setInt32(o + 68, -1, true);
    dv.setInt32(o + 72, right, true);
    dv.setInt32(o + 76, child, true);
    dv.setInt32(o + 116, start, true);
    dv.setInt32(o + 120, size, true);
  };
  entry(0, 'Root Entry', 5, -2, 0, padded.length ? 1 : -1, -1);
  padded.forEach((st, i) => entry(1 + i, st.name, 2, starts[i], st.size, -1, i + 2 <= padded.length ? i + 2 : -1));
  for (let k = dirEntries; k < (dirSectors * SEC) / 128; k++) {
    dv.setInt32(dirAt + k * 128 + 68, -1, true);
    dv.setInt32(dirAt + k * 128 + 72, -1, true);
    dv.setInt32(dirAt + k * 128 + 76, -1, true);
  }
  padded.forEach((st, i) => out.set(st.data, SEC * (1 + starts[i])));
  return out;
}

/** A one-page PDF whose page only draws (no text: a scan has none either). */
export function pdfWithoutText(): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
  ];
  const stream = '0 0 1 rg 100 100 300 400 re f';
  objs.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(body);
}

/** A minimal .docx with the given body XML (paragraphs, tables). */
export function makeDocx(bodyXml: string, extra: Zippable = {}): Uint8Array {
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'word/document.xml': strToU8(doc),
    ...extra,
  });
}

export const para = (t: string) =>
  `<w:p><w:r><w:t xml:space="preserve">${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`;

/** Sets a zip's "encrypted" flag on every entry (central directory and local headers). */
export function markEncrypted(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  for (let i = 0; i + 4 < out.length; i++) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b) {
      if (out[i + 2] === 3 && out[i + 3] === 4) out[i + 6] |= 1;
      if (out[i + 2] === 1 && out[i + 3] === 2) out[i + 8] |= 1;
    }
  }
  return out;
}
