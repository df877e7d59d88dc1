// Schema migrations: each step takes a file of version n to n+1. Files without a
// schemaVersion are version 1 (the required-keys layout of report-format.md).
import { CURRENT_SCHEMA_VERSION } from './version';

type Step = (file: Record<string, unknown>) => Record<string, unknown>;

/** steps[n] migrates version n to n+1. None yet: version 1 is the first. */
const steps: Record<number, Step> = {};

export function migrate(
  file: Record<string, unknown>,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let version = typeof file.schemaVersion === 'number' ? file.schemaVersion : 1;
  if (!Number.isInteger(version) || version < 1) {
    return { ok: false, error: `文件的 schemaVersion（${String(file.schemaVersion)}）无效。` };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `此文件由更新版本的公开年报保存（文件版本 ${version}，本软件支持到 ${CURRENT_SCHEMA_VERSION}），请升级本软件后再打开。`,
    };
  }
  let value = file;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = steps[version];
    if (!step) return { ok: false, error: `无法升级版本 ${version} 的文件。` };
    value = step(value);
    version += 1;
  }
  return { ok: true, value: { ...value, schemaVersion: CURRENT_SCHEMA_VERSION } };
}
