// Browser mode over real HTTP on 127.0.0.1.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_KEY_HEADER } from '../../shared/api';
import { emptyReport } from '../../shared/report';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../electron/web-host';

let base: string;
let web: WebHost;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A plain HTTP request, so that Host, Origin and odd paths go out exactly as written. API calls
 * carry the launch's key unless `headers` say otherwise.
 */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Raw> {
  const key: Record<string, string> = path.startsWith('/api/') ? { [BROWSER_KEY_HEADER]: web.key } : {};
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: web.port,
        method,
        path,
        headers: { host: `127.0.0.1:${web.port}`, ...key, ...headers },
      },
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
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?key=${web.key}`);
    return expect(
      startWebHost({ port: 0, host: '0.0.0.0' as '127.0.0.1', dataDir: base, rendererDir: base }),
    ).rejects.toThrow();
  });
});

describe('the launch secret', () => {
  it('is new for each launch and long enough not to be guessed', () => {
    expect(web.key).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });

  it('refuses every API call without it or with a wrong one, in Chinese', async () => {
    for (const key of ['', 'x', web.key.slice(0, -1) + (web.key.endsWith('A') ? 'B' : 'A')]) {
      const res = await call('listReports', [], { [BROWSER_KEY_HEADER]: key });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error).toMatch(/访问密钥/);
    }
    const res = await raw('POST', '/api/listReports', { 'content-type': 'application/json' }, '{"args":[]}');
    expect(res.status).toBe(200);
  });

  it('serves the page without it, and the page holds neither the key nor any report', async () => {
    await call('createReport', [emptyReport('县保密局', 2024)]);
    for (const path of ['/', '/index.html', '/report/abc', '/assets/app.js']) {
      const page = await raw('GET', path);
      expect(page.body).not.toContain(web.key);
      expect(page.body).not.toContain('县保密局');
    }
  });
});

describe('the API over HTTP', () => {
  it('runs calls through the same dispatcher and keeps data', async () => {
    const created = JSON.parse((await call('createReport', [emptyReport('县住建局', 2024)])).body);
    expect(created.ok).toBe(true);
    const id = created.value.id as string;
    const report = emptyReport('县住建局', 2024);
    report.applications.newReceived.natural = 12;
    const base = JSON.parse((await call('openReport', [id])).body).value.revision;
    expect(JSON.parse((await call('saveReport', [id, report, base])).body)).toMatchObject({ ok: true });
    const opened = JSON.parse((await call('openReport', [id])).body);
    expect(opened.value.report.applications.newReceived.natural).toBe(12);
    // A second save based on the first revision (another window) is refused and says so.
    report.applications.newReceived.natural = 13;
    expect(JSON.parse((await call('saveReport', [id, report, base])).body)).toEqual({
      ok: false,
      code: 'conflict',
      error: expect.stringContaining('此报告已在另一个窗口中修改'),
    });
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
