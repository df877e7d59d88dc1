// What the clerk does in the editor that Playwright has no one-liner for: a paste from Excel or
// WPS delivered as a real paste event, and waiting for the autosave.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What Excel or WPS puts on the clipboard, delivered as a real paste event to the focused cell. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Waits until the editor says 已保存. */
export async function saved(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 })
    .toBe('saved');
}
