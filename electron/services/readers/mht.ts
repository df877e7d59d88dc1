// A web page saved as one file (.mht/.mhtml, "网页，单个文件"): MIME parts, the page itself the
// first text/html part, quoted-printable or base64, in its charset (often GB2312).

export function isMht(head: string): boolean {
  return (
    /^(?:From:.*\r?\n|Subject:.*\r?\n|Date:.*\r?\n)*MIME-Version:/im.test(head.slice(0, 2000)) &&
    /multipart\/related/i.test(head.slice(0, 4000))
  );
}

function decodeQuotedPrintable(s: string): Uint8Array {
  const body = s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 61 /* = */ && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return new Uint8Array(out);
}

function decodeBase64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
}

/** The HTML of the page, or null when none is found. */
export function mhtHtml(raw: string): string | null {
  const boundary = raw.match(/boundary="?([^";\r\n]+)"?/i)?.[1];
  if (!boundary) return null;
  for (const part of raw.split(`--${boundary}`).slice(1, 200)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/Content-Type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = headers.match(/Content-Transfer-Encoding:\s*([\w-]+)/i)?.[1]?.toLowerCase() ?? '8bit';
    const bytes =
      encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : encoding === 'base64'
          ? decodeBase64(body)
          : new Uint8Array(Buffer.from(body, 'latin1'));
    const charset = headers.match(/charset="?([\w-]+)"?/i)?.[1] ?? 'utf-8';
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
  return null;
}
