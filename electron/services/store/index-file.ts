// The list of reports: one small lowdb JSON file (index.json) written atomically.
import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { z } from 'zod';
import { writeFileAtomic } from './atomic';

const entrySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  name: z.string(),
  /** false while the name is the default one, which then follows org and year. */
  customName: z.boolean().default(false),
  org: z.string(),
  year: z.number().int(),
  format: z.enum(['2021', '2019']),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().optional(),
});

export const indexSchema = z.object({
  version: z.literal(1),
  reports: z.array(entrySchema),
});

export type IndexEntry = z.infer<typeof entrySchema>;
export type IndexData = z.infer<typeof indexSchema>;

export function emptyIndex(): IndexData {
  return { version: 1, reports: [] };
}

/** Raised when a store file exists but cannot be used; the caller sets it aside. */
export class DamagedFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export function parseIndexText(text: string): IndexData | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const r = indexSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export function serializeIndex(data: IndexData): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/** lowdb adapter: atomic writes with fsync, and a damaged file reported rather than thrown as a SyntaxError. */
export class AtomicIndexFile implements Adapter<IndexData> {
  constructor(readonly path: string) {}

  async read(): Promise<IndexData | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const data = parseIndexText(text);
    if (!data) throw new DamagedFileError(this.path, 'not a valid index');
    return data;
  }

  async write(data: IndexData): Promise<void> {
    await writeFileAtomic(this.path, serializeIndex(data));
  }
}

export function createIndexDb(path: string): Low<IndexData> {
  return new Low<IndexData>(new AtomicIndexFile(path), emptyIndex());
}
