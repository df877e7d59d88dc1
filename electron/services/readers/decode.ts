// Bytes of a text file -> text: UTF-8 (with or without BOM), UTF-16 with a BOM or by its zero
// bytes, and GB18030/GBK (what Chinese Windows saves as "ANSI") when UTF-8 does not fit.

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  // UTF-16 without a mark: ASCII and CJK punctuation leave many zero bytes at one parity.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  if (sample.length >= 16 && odd > sample.length / 8 && even < sample.length / 64)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16' };
  if (sample.length >= 16 && even > sample.length / 8 && odd < sample.length / 64)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // not UTF-8
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8（含无法识别的字符）' };
  }
}

/** Share of characters that are control characters or replacement marks: high for binary data. */
export function binaryShare(text: string): number {
  const n = Math.min(text.length, 65536);
  if (!n) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / n;
}
