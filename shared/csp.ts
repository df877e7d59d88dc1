// The Content-Security-Policy of the app's page, the same in the Electron window and in browser
// mode: nothing but the app's own files, no remote content, no eval, no plugins, no framing.
// Inline styles are allowed because MUI (emotion) injects <style> elements at run time.
// One list: the hosts send it as a header, the renderer's build writes it into a meta tag.
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CSP = CSP_DIRECTIVES.join('; ');

/** The policy as a <meta> tag may carry it: browsers ignore frame-ancestors there (and warn). */
export const CSP_META = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
