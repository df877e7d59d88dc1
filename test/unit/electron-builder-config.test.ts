// The packaging configuration cannot be tried here (no Electron runtime), so it is checked
// against electron-builder's own validator and for the targets the brief requires.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): any };
const config = yaml.load(readFileSync(join(root, 'build', 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

it('passes electron-builder’s own schema validation', async () => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
  await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  await expect(
    validateConfiguration({ ...config, linux: { ...config.linux, notAnOption: 1 } }, { isEnabled: false, add() {} }),
  ).rejects.toThrow();
});

it('builds the Windows installer and the 信创 Linux packages for x64 and arm64', () => {
  expect(config.productName).toBe('公开年报');
  expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
  expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  const linux = Object.fromEntries(
    config.linux.target.map((t: { target: string; arch: string[] }) => [t.target, t.arch]),
  );
  expect(linux.deb).toEqual(['x64', 'arm64']);
  expect(linux.AppImage).toEqual(['x64', 'arm64']);
});

it('packs the built app only, starting at package.json main', () => {
  expect(config.files).toContain('dist/**');
  expect(config.files).toContain('!dist/**/*.map');
  expect(config.files.some((f: string) => /^(electron|shared|renderer)\//.test(f))).toBe(false);
  expect(config.extraMetadata.main).toBe(pkg.main);
  expect(pkg.main).toBe('dist/electron/main.cjs');
});

it('sets the fuses: no run-as-node, no NODE_OPTIONS or --inspect, the app only from a checked asar', () => {
  expect(config.asar).toBe(true);
  expect(config.electronFuses).toMatchObject({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  });
});
