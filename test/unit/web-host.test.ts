// Browser mode over real HTTP on 127.0.0.1.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyReport } from '../../shared/report';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../electron/web-host';

let base: string;
let web: WebHost;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A plain HTTP request, so that Host, Origin and odd paths go out exactly as written. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, method, path, headers: { host: `127.0.0.1:${web.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function call(method: string, args: unknown[], headers: Record<string, string> = {}): Promise<Raw> {
  return raw('POST', `/api/${method}`, { 'content-type': 'application/json', ...headers }, JSON.stringify({ args }));
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nianbao-web-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>公开年报</title><script type="module" src="./assets/app.js"></script>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(base, 'secret.txt'), 'SECRET');
  await symlink(join(base, 'secret.txt'), join(rendererDir, 'assets', 'link.js'));
  web = await startWebHost({ port: 0, dataDir: join(base, 'data'), rendererDir, version: '9.9.9' });
});

afterAll(async () => {
  await web?.close();
  await rm(base, { recursive: true, force: true });
});

describe('serving the renderer', () => {
  it('serves index.html and assets with a strict CSP', async () => {
    const page = await raw('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('公开年报');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|unsafe-eval|\*/);
    const js = await raw('GET', '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers an app route with the page and a missing asset with 404', async () => {
    expect((await raw('GET', '/report/abc')).body).toContain('公开年报');
    expect((await raw('GET', '/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/link.js',
      '/%00',
    ]) {
      const r = await raw('GET', path);
      expect(r.body, path).not.toContain('SECRET');
      expect(r.status, path).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('guarding the address', () => {
  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const rebinding = await raw('GET', '/', { host: `evil.example:${web.port}` });
    expect(rebinding.status).toBe(403);
    expect(JSON.parse(rebinding.body).error).toMatch(/拒绝访问/);
    expect((await call('listReports', [], { host: `attacker.test:${web.port}` })).status).toBe(403);
    expect((await call('listReports', [], { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('listReports', [], { host: `127.0.0.1:${web.port + 1}` })).status).toBe(403);
  });

  it('accepts its own origin under 127.0.0.1 and localhost', async () => {
    expect((await call('listReports', [], { origin: `http://127.0.0.1:${web.port}` })).status).toBe(200);
    expect(
      (await call('listReports', [], { host: `localhost:${web.port}`, origin: `http://localhost:${web.port}` })).status,
    ).toBe(200);
  });

  it('listens on 127.0.0.1 only', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/`);
    return expect(
      startWebHost({ port: 0, host: '0.0.0.0' as '127.0.0.1', dataDir: base, rendererDir: base }),
    ).rejects.toThrow();
  });
});

describe('the API over HTTP', () => {
  it('runs calls through the same dispatcher and keeps data', async () => {
    const created = JSON.parse((await call('createReport', [emptyReport('县住建局', 2024)])).body);
    expect(created.ok).toBe(true);
    const id = created.value.id as string;
    const report = emptyReport('县住建局', 2024);
    report.applications.newReceived.natural = 12;
    expect(JSON.parse((await call('saveReport', [id, report])).body)).toMatchObject({ ok: true });
    const opened = JSON.parse((await call('openReport', [id])).body);
    expect(opened.value.report.applications.newReceived.natural).toBe(12);
    const info = JSON.parse((await call('appInfo', [])).body);
    expect(info.value).toMatchObject({ mode: 'browser', version: '9.9.9' });
  });

  it('answers bad requests with Chinese envelopes', async () => {
    expect(JSON.parse((await call('openReport', ['../x'])).body)).toEqual({
      ok: false,
      error: expect.stringMatching(/参数无效/),
    });
    expect(JSON.parse((await call('dropDatabase', [])).body).error).toMatch(/未知的操作/);
    const notJson = await raw('POST', '/api/listReports', { 'content-type': 'application/json' }, '{args:');
    expect(notJson.status).toBe(400);
    const form = await raw('POST', '/api/listReports', { 'content-type': 'text/plain' }, '{"args":[]}');
    expect(form.status).toBe(415);
    expect((await raw('GET', '/api/listReports')).status).toBe(405);
  });

  it('refuses a body over the size limit', async () => {
    const declared = await raw(
      'POST',
      '/api/readFile',
      { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) },
      '',
    );
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatch(/太大/);
  });
});
