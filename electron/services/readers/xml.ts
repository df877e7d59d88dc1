// A small non-validating XML scanner for the parts of .docx and .xlsx files: tags and text in
// document order, no DTD, no entity expansion beyond the five predefined ones and character
// references (so no "billion laughs"), no recursion (any depth is fine).

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return PREDEFINED[e];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
  });
}

/** Value of an attribute in a raw attribute string (w:val="3"), decoded; null when absent. */
export function attr(attrs: string, name: string): string | null {
  let i = attrs.indexOf(name + '=');
  while (i > 0 && !/\s/.test(attrs[i - 1])) i = attrs.indexOf(name + '=', i + 1);
  if (i < 0) return null;
  const q = attrs[i + name.length + 1];
  if (q !== '"' && q !== "'") return null;
  const end = attrs.indexOf(q, i + name.length + 2);
  if (end < 0) return null;
  return decodeXml(attrs.slice(i + name.length + 2, end));
}

/** Calls the handler for each tag and each text run of the XML. Malformed markup is skipped over. */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (i < n) h.text(decodeXml(xml.slice(i)));
      return;
    }
    if (lt > i) h.text(decodeXml(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        i = e < 0 ? n : e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        h.text(xml.slice(lt + 9, e < 0 ? n : e));
        i = e < 0 ? n : e + 3;
      } else {
        // <!DOCTYPE …>: skipped, internal subset and all (never expanded).
        let depth = 0;
        let j = lt + 2;
        for (; j < n; j++) {
          const ch = xml[j];
          if (ch === '[') depth++;
          else if (ch === ']') depth--;
          else if (ch === '>' && depth <= 0) break;
        }
        i = j + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    // Find the end of the tag, skipping quoted attribute values.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const ch = xml.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62 /* > */) break;
    }
    if (j >= n) return;
    const inner = xml.slice(lt + 1, j);
    i = j + 1;
    if (inner.charCodeAt(0) === 47 /* / */) {
      h.close(inner.slice(1).trim());
      continue;
    }
    const self = inner.charCodeAt(inner.length - 1) === 47;
    const body = self ? inner.slice(0, -1) : inner;
    let k = 0;
    while (k < body.length && !/\s/.test(body[k])) k++;
    const name = body.slice(0, k);
    if (!name) continue;
    h.open(name, body.slice(k), self);
    if (self) h.close(name);
  }
}
