// Security headers of every page and file the app serves (policy itself: shared/csp.ts).
import { CSP } from '../shared/csp';

export { CSP };

/** Headers sent with every page and file of the app. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
