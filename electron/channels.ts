// IPC channel names, shared by preload and main (no imports: the sandboxed preload stays tiny).
export const API_CHANNEL = 'nianbao:api';
export const HOST_CHANNEL = 'nianbao:host';
/** Main -> renderer: a menu command (see HostCommand in preload.ts). */
export const COMMAND_CHANNEL = 'nianbao:command';

/** The app's own page is served from app://nianbao/ (a custom protocol instead of file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
