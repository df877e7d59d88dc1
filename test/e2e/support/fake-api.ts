// An in-memory stand-in for the browser-mode host, served through Playwright's request routing:
// the built renderer from dist/renderer and /api/<method> from a Map. The benchmark uses it so
// that it measures the editor alone; the end-to-end tests use the real host.
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import type { ApiResponse, ReportSummary } from '../../../shared/api';
import { parseReportJson, type Report } from '../../../shared/report';
import { DIST } from './build';

export const FAKE_ORIGIN = 'http://nianbao.test';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export class FakeStore {
  reports = new Map<string, { report: Report; name: string; updatedAt: string }>();
  saves = 0;
  private seq = 0;

  call(method: string, args: unknown[]): unknown {
    const now = new Date().toISOString();
    switch (method) {
      case 'appInfo':
        return { mode: 'browser', version: 'test', dataDir: '/fake', notices: [] };
      case 'listReports':
        return [...this.reports.entries()].map(([id, r]): ReportSummary => ({
          id,
          name: r.name,
          org: r.report.org,
          year: r.report.year,
          format: r.report.format,
          updatedAt: r.updatedAt,
        }));
      case 'listTrash':
        return [];
      case 'createReport': {
        const parsed = parseReportJson(args[0]);
        if (!parsed.ok) throw new Error(parsed.error);
        const id = `r${++this.seq}`;
        this.reports.set(id, {
          report: parsed.report,
          name: `${parsed.report.org}${parsed.report.year}年度报告`,
          updatedAt: now,
        });
        return { id };
      }
      case 'openReport': {
        const hit = this.reports.get(String(args[0]));
        if (!hit) throw new Error('找不到这份报告');
        return { id: args[0], report: hit.report, revision: `r${this.saves}` };
      }
      case 'saveReport': {
        const hit = this.reports.get(String(args[0]));
        const parsed = parseReportJson(args[1]);
        if (!hit || !parsed.ok) throw new Error('保存失败');
        hit.report = parsed.report;
        hit.updatedAt = now;
        this.saves++;
        return { savedAt: now, revision: `r${this.saves}` };
      }
      default:
        throw new Error(`测试替身不支持“${method}”`);
    }
  }
}

export async function routeFakeHost(page: Page, store = new FakeStore(), dist = DIST): Promise<FakeStore> {
  await page.route(`${FAKE_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice(5);
      let body: ApiResponse;
      try {
        const { args } = JSON.parse(route.request().postData() || '{}');
        body = { ok: true, value: store.call(method, args ?? []) ?? null };
      } catch (e) {
        body = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    }
    const rel = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^(\.\.[/\\])+/, '');
    try {
      const file = readFileSync(join(dist, rel));
      return route.fulfill({ status: 200, contentType: TYPES[extname(rel)] ?? 'application/octet-stream', body: file });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  return store;
}
