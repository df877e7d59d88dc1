// Mutated inputs for the fuzz test, generated the same way every time from a seed: the samples'
// text and the fixture files, cut short, with random bytes, shuffled lines, huge numbers, and
// XML/HTML nested thousands deep.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const IMPORT = join(ROOT, 'test', 'fixtures', 'import');
const TEXTS = resolve(ROOT, 'test', 'fixtures', 'published');

export interface FuzzCase {
  id: string;
  name: string;
  bytes: Uint8Array;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seeds(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const f of readdirSync(TEXTS)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    out.push({ name: f, bytes: new Uint8Array(readFileSync(join(TEXTS, f))) });
  for (const f of readdirSync(IMPORT)
    .filter((f) => /\.(docx|doc|pdf|html|txt)$/.test(f))
    .sort())
    out.push({ name: f, bytes: new Uint8Array(readFileSync(join(IMPORT, f))) });
  return out;
}

function mutateBytes(b: Uint8Array, r: () => number): { what: string; bytes: Uint8Array } {
  const k = Math.floor(r() * 5);
  const at = Math.floor(r() * b.length);
  if (k === 0) return { what: `cut at ${at}`, bytes: b.slice(0, at) };
  if (k === 1) {
    const out = b.slice();
    const n = 1 + Math.floor(r() * 40);
    for (let i = 0; i < n; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
    return { what: `${n} random bytes`, bytes: out };
  }
  if (k === 2) {
    const junk = new Uint8Array(1 + Math.floor(r() * 2000)).map(() => Math.floor(r() * 256));
    const out = new Uint8Array(b.length + junk.length);
    out.set(b.subarray(0, at));
    out.set(junk, at);
    out.set(b.subarray(at), at + junk.length);
    return { what: `${junk.length} bytes inserted at ${at}`, bytes: out };
  }
  if (k === 3) {
    const out = b.slice();
    out.fill(0, at, Math.min(out.length, at + 1 + Math.floor(r() * 4096)));
    return { what: `zeroed from ${at}`, bytes: out };
  }
  const len = Math.min(b.length - at, 1 + Math.floor(r() * 8192));
  const out = new Uint8Array(b.length + len);
  out.set(b.subarray(0, at + len));
  out.set(b.subarray(at, at + len), at + len);
  out.set(b.subarray(at + len), at + 2 * len);
  return { what: `chunk of ${len} repeated`, bytes: out };
}

function mutateText(t: string, r: () => number): { what: string; text: string } {
  const lines = t.split('\n');
  const k = Math.floor(r() * 5);
  if (k === 0) {
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return { what: 'lines shuffled', text: lines.join('\n') };
  }
  if (k === 1)
    return { what: 'huge numbers', text: t.replace(/\b\d+\b/g, () => '9'.repeat(1 + Math.floor(r() * 400))) };
  if (k === 2) return { what: 'lines dropped', text: lines.filter(() => r() > 0.3).join('\n') };
  if (k === 3)
    return {
      what: 'a line repeated',
      text: [...lines, ...Array(20000).fill(lines[Math.floor(r() * lines.length)])].join('\n'),
    };
  return { what: 'pipes and tabs everywhere', text: t.replace(/[，。]/g, () => (r() > 0.5 ? '\t' : ' |\n')) };
}

/** The fuzz cases (about 8 per seed file, plus the deep-nesting ones). */
export function fuzzCases(seed = 20250101): FuzzCase[] {
  const r = rng(seed);
  const out: FuzzCase[] = [];
  for (const s of seeds()) {
    const isText = /\.(txt|html)$/.test(s.name);
    for (let i = 0; i < 6; i++) {
      const m = mutateBytes(s.bytes, r);
      out.push({ id: `${s.name}: ${m.what}`, name: s.name, bytes: m.bytes });
    }
    if (isText) {
      for (let i = 0; i < 3; i++) {
        const m = mutateText(new TextDecoder().decode(s.bytes), r);
        out.push({ id: `${s.name}: ${m.what}`, name: s.name, bytes: strToU8(m.text) });
      }
    }
    if (s.name.endsWith('.docx')) {
      const files = unzipSync(s.bytes);
      const xml = strFromU8(files['word/document.xml']);
      const deep = xml.replace(
        '<w:body>',
        `<w:body>${'<w:tbl><w:tr><w:tc>'.repeat(20000)}${'</w:tc></w:tr></w:tbl>'.repeat(20000)}`,
      );
      out.push({
        id: `${s.name}: tables nested 20000 deep`,
        name: s.name,
        bytes: zipSync({ ...files, 'word/document.xml': strToU8(deep) }),
      });
      const unclosed = xml.replace('<w:body>', `<w:body>${'<w:p><w:r><w:t>'.repeat(50000)}`);
      out.push({
        id: `${s.name}: 50000 unclosed paragraphs`,
        name: s.name,
        bytes: zipSync({ ...files, 'word/document.xml': strToU8(unclosed) }),
      });
      const entities = xml.replace(
        '<w:body>',
        `<!DOCTYPE x [<!ENTITY a "${'x'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:body><w:p><w:r><w:t>${'&b;'.repeat(1000)}</w:t></w:r></w:p>`,
      );
      out.push({
        id: `${s.name}: entity expansion`,
        name: s.name,
        bytes: zipSync({ ...files, 'word/document.xml': strToU8(entities) }),
      });
    }
  }
  out.push({
    id: 'html nested 100000 deep',
    name: 'deep.html',
    bytes: strToU8(`<html><body>${'<div><table><tr><td>'.repeat(100000)}二、主动公开政府信息情况</body></html>`),
  });
  out.push({ id: 'random bytes', name: 'x.docx', bytes: new Uint8Array(100000).map(() => Math.floor(r() * 256)) });
  out.push({ id: 'one very long line', name: 'x.txt', bytes: strToU8('规章\t'.repeat(400000)) });
  return out;
}
