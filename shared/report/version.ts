/** Bump when the file layout changes, and add a step to migrate.ts. */
export const CURRENT_SCHEMA_VERSION = 1;
