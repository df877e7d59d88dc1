// The data folder is the clerk's alone: folders 0700, files 0600 (on Windows the user profile's
// own permissions apply; there, modes do not mean anything).
import { chmod, mkdir, stat } from 'node:fs/promises';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/**
 * Creates a folder (and its parents) private to the user. An existing folder loses what others
 * may do with it, never gains anything: one made read-only on purpose stays read-only.
 */
export async function makePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform === 'win32') return;
  const mode = (await stat(path)).mode & 0o777;
  if (mode & 0o077) await chmod(path, mode & 0o700).catch(() => {}); // not ours to change: leave it
}
