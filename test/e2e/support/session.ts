// One browser-mode app and one Chromium page per e2e file: built if stale, started on a fresh
// data folder, closed after the file. Page errors are collected so that tests can assert none.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { apiHeaders, buildIfStale, startWebApp, type WebApp } from './web-app';

export interface AppSession {
  readonly app: WebApp;
  readonly browser: Browser;
  readonly page: Page;
  readonly pageErrors: string[];
  /** Calls the API of the running app over HTTP (to set up data the way the UI would). */
  call<T>(method: string, ...args: unknown[]): Promise<T>;
}

export function useAppSession(viewport = { width: 1366, height: 768 }): AppSession {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    await buildIfStale();
    app = await startWebApp();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport, locale: 'zh-CN' })).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return {
    get app() {
      return app;
    },
    get browser() {
      return browser;
    },
    get page() {
      return page;
    },
    pageErrors,
    async call<T>(method: string, ...args: unknown[]): Promise<T> {
      const res = await fetch(`${app.origin}/api/${method}`, {
        method: 'POST',
        headers: apiHeaders(app),
        body: JSON.stringify({ args }),
      });
      const body = (await res.json()) as { ok: boolean; value: T; error?: string };
      if (!body.ok) throw new Error(body.error);
      return body.value;
    },
  };
}
