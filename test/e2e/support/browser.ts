// Chromium for the end-to-end tests and the editor benchmark: the system browser, headless.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser tests can run. In CI a missing Chromium is a failure, not a skip;
 * elsewhere the tests are skipped with a message saying why.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`CI 环境缺少 Chromium（${CHROMIUM}）：端到端测试不能跳过，请先安装 chromium。`);
  }
  console.warn(`\n[e2e] 跳过：没有找到 Chromium（${CHROMIUM}）。安装 chromium 或设置 CHROMIUM_PATH 后再运行。\n`);
  return false;
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
