// The app:// protocol that serves the built renderer to the window (instead of file://, so
// that the page has a real origin, 'self' in the CSP means only our files, and no other local
// file can be reached).
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './channels';
import { SECURITY_HEADERS } from './csp';
import { realRendererRoot, resolveRendererFile } from './static-files';

/**
 * Must run before the app is ready. corsEnabled: Vite marks module scripts `crossorigin`, and
 * Electron refuses CORS-mode loads from schemes without it; the files served are the app's own
 * public code, and no other origin can run in the app (see window.ts).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
    },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = realRendererRoot(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
    const found = await resolveRendererFile(await root, url.pathname);
    if (!found.ok) return new Response('Not found', { status: found.status, headers: SECURITY_HEADERS });
    const body = request.method === 'HEAD' ? null : await readFile(found.path);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': found.type, 'Cache-Control': 'no-cache' },
    });
  });
}
