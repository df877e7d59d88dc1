// A file the page sent, as base64: checked before it is decoded, so that a damaged transfer
// gets a message rather than a garbled read.
import { UserError } from '../../../shared/api';

export function fromBase64(name: string, base64: string): Uint8Array {
  const clean = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new UserError(`文件“${name}”传输时出错，请重新选择文件。`);
  }
  return Buffer.from(clean, 'base64');
}

/** The first bytes of a base64 text, decoded (a whole number of 4-character groups). */
export function base64Head(base64: string, bytes: number): Uint8Array {
  const chars = Math.ceil(bytes / 3) * 4;
  return Buffer.from(base64.slice(0, chars).replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
}

/** Decoded size of a base64 text, near enough. */
export const base64Size = (base64: string) => Math.floor((base64.length * 3) / 4);
