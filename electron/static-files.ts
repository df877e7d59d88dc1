// Finds the file of the built renderer that a request path names, for both the Electron app://
// protocol and browser mode. Plain Node. Nothing outside the renderer folder is ever returned:
// not through "..", encoded separators, NUL bytes or symbolic links.
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolved = { ok: true; path: string; size: number; type: string } | { ok: false; status: 400 | 403 | 404 };

/** Resolves a URL path (still percent-encoded) to a file of the renderer folder `root` (a real path). */
export async function resolveRendererFile(root: string, urlPath: string): Promise<Resolved> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  const wanted = resolve(root, '.' + decoded);
  const rel = relative(root, wanted);
  if (rel.startsWith('..') || isAbsolute(rel)) return { ok: false, status: 403 };
  let path = wanted;
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => null);
  }
  // A page address without a file extension is one of the single-page app's own routes.
  if (!info && !extname(decoded)) {
    path = join(root, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info || !info.isFile()) return { ok: false, status: 404 };
  const real = await realpath(path);
  if (real !== root && !real.startsWith(root + sep)) return { ok: false, status: 403 };
  return { ok: true, path: real, size: info.size, type: contentType(real) };
}

/** The renderer folder as a real path, so that symbolic links can be checked against it. */
export async function realRendererRoot(dir: string): Promise<string> {
  return realpath(dir).catch(() => resolve(dir));
}
