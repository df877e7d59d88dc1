// Browser mode: the built renderer and the same services behind the same API, over HTTP on
// 127.0.0.1 only. Plain Node (no electron). The API is POST /api/<method> with the JSON body
// {"args":[...]} and the launch's secret in the x-nianbao-key header (see access-key.ts); the
// answer is always an ApiResponse envelope.
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_KEY_PARAM, type ApiResponse } from '../shared/api';
import { hasAccessKey, newAccessKey, NO_ACCESS_KEY } from './access-key';
import { SECURITY_HEADERS } from './csp';
import { createAppService, handleCall, type AppService } from './services/app-service';
import { realRendererRoot, resolveRendererFile } from './static-files';

/** A 100 MB import travels as base64 (4/3) inside JSON: room for that and a little more. */
export const MAX_BODY_BYTES = 140 * 1024 * 1024;

export interface WebHostOptions {
  port: number;
  host?: '127.0.0.1';
  dataDir: string;
  rendererDir: string;
  version?: string;
  /** The secret every API call must carry; a new random one per launch unless given (tests). */
  key?: string;
}

export interface WebHost {
  /** The address to open, with the launch's secret: http://127.0.0.1:PORT/?key=… */
  url: string;
  key: string;
  port: number;
  service: AppService;
  close(): Promise<void>;
}

/** Where Electron keeps the app's data on this OS (app.getPath('userData')), so both modes share it. */
export function electronUserDataDir(appName = '公开年报'): string {
  const env = process.env;
  if (process.platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), appName);
}

/** The store's folder inside the user-data folder (Chromium keeps its own files beside it). */
export function defaultDataDir(userDataDir = electronUserDataDir()): string {
  return join(userDataDir, 'data');
}

const STATUS_TEXT = {
  400: '请求地址无效。',
  403: '拒绝访问：这个文件不属于公开年报的页面。',
  404: '找不到这个页面或文件。',
} as const;

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, payload: ApiResponse): void {
  send(res, status, JSON.stringify(payload), 'application/json; charset=utf-8');
}

function fail(res: ServerResponse, status: number, error: string): void {
  sendJson(res, status, { ok: false, error });
}

/** Reads a request body up to a limit; null when it is larger (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume();
      resolveBody(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('browser mode only listens on 127.0.0.1');
  let service: AppService | null = null;
  const rendererRoot = await realRendererRoot(opts.rendererDir);
  let port = opts.port;
  const key = opts.key ?? newAccessKey();

  /** Only our own address: a foreign page (or a DNS-rebound name) gets nothing. */
  function trusted(req: IncomingMessage): boolean {
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes((req.headers.host ?? '').toLowerCase())) return false;
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.map((a) => `http://${a}`).includes(origin.toLowerCase())) return false;
    return true;
  }

  async function api(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (!hasAccessKey(req, key)) {
      req.resume();
      return fail(res, 403, NO_ACCESS_KEY);
    }
    if (req.method !== 'POST') return fail(res, 405, '请求方式不对：接口只接受 POST。');
    // application/json cannot be sent cross-site without a preflight, which we never answer.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return fail(res, 415, '请求格式不对：应为 JSON。');
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body) {
      res.setHeader('Connection', 'close'); // do not wait for the rest of an oversized upload
      return fail(res, 413, '发送的内容太大（超过约100MB的文件无法读取），请选择较小的文件。');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return fail(res, 400, '请求内容不是有效的 JSON。');
    }
    const args = (parsed as { args?: unknown } | null)?.args;
    if (!Array.isArray(args)) return fail(res, 400, '请求内容应为 {"args":[…]}。');
    if (!service) return fail(res, 503, '正在启动，请稍候几秒再试。');
    sendJson(res, 200, await handleCall(service, method, args));
  }

  async function file(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, '请求方式不对：页面只能用 GET 读取。', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
    const found = await resolveRendererFile(rendererRoot, pathname);
    if (!found.ok && pathname === '/favicon.ico') return send(res, 204, '', 'image/x-icon'); // no console noise
    if (!found.ok) return send(res, found.status, STATUS_TEXT[found.status], 'text/plain; charset=utf-8');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': found.type,
      'Content-Length': String(found.size),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!trusted(req)) return fail(res, 403, '拒绝访问：只接受本机地址 127.0.0.1 的请求。');
      let pathname: string;
      try {
        pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      } catch {
        return send(res, 400, STATUS_TEXT[400], 'text/plain; charset=utf-8');
      }
      const m = /^\/api\/([^/]*)$/.exec(pathname);
      if (m) return api(req, res, m[1]);
      if (pathname.startsWith('/api/')) return fail(res, 404, '没有这个接口。');
      return file(req, res, pathname);
    })().catch((e) => {
      console.error('[nianbao] web host:', e instanceof Error ? e.stack : e);
      if (!res.headersSent) fail(res, 500, '本机服务出错，请刷新页面重试。');
      else res.destroy();
    });
  });
  server.requestTimeout = 10 * 60 * 1000; // a 100 MB upload on a slow disk still fits

  await new Promise<void>((ok, bad) => {
    server.once('error', bad);
    server.listen(opts.port, host, () => {
      server.off('error', bad);
      ok();
    });
  });
  port = (server.address() as AddressInfo).port;
  // The store opens only once the port is ours, so a busy port never touches the data.
  const svc = createAppService({ dataDir: opts.dataDir, mode: 'browser', version: opts.version ?? '0.0.0' });
  try {
    await svc.ready();
  } catch (e) {
    server.close();
    throw e;
  }
  service = svc;

  return {
    url: `http://127.0.0.1:${port}/?${BROWSER_KEY_PARAM}=${key}`,
    key,
    port,
    service: svc,
    async close() {
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections(); // keep-alive sockets would hold close() open; running calls finish
      await closed;
      await svc.close();
    },
  };
}
