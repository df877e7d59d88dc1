// Browser mode's secret: any program of any user of the PC can reach 127.0.0.1, so the API answers
// only requests that carry the random key of this launch (given in the address the host printed
// and opened). The page itself holds no reports and no key, so it is served without one.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BROWSER_KEY_HEADER } from '../shared/api';

export const NO_ACCESS_KEY =
  '拒绝访问：地址中没有本次启动的访问密钥，或它来自上一次启动（每次启动都会换新）。请用这次启动时显示（或自动打开）的完整地址打开公开年报，地址中含有“?key=”。';

export function newAccessKey(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether a request carries the key (compared in constant time). */
export function hasAccessKey(req: IncomingMessage, key: string): boolean {
  const got = req.headers[BROWSER_KEY_HEADER];
  if (typeof got !== 'string') return false;
  const a = Buffer.from(got);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}
