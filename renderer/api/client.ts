// The renderer's only way to the main process: the typed API of shared/api.ts over Electron IPC
// (preload) or, in browser mode, over HTTP to the local web host.
import {
  API_METHODS,
  BROWSER_KEY_HEADER,
  BROWSER_KEY_PARAM,
  HOST_METHODS,
  UserError,
  createClient,
  type ApiResponse,
  type FileBytes,
  type HostApi,
  type NianbaoApi,
  type Transport,
} from '../../shared/api';
import type { Report } from '../../shared/report';
import './bridge.d';

export const isElectron = typeof window !== 'undefined' && typeof window.nianbao?.invoke === 'function';

const NETWORK_ERROR = '无法连接到本机服务：请确认“公开年报”程序仍在运行，然后刷新页面。';

/** The secret of this launch, from the address browser mode printed and opened. */
function browserKey(): string {
  return new URLSearchParams(window.location.search).get(BROWSER_KEY_PARAM) ?? '';
}

async function httpCall(method: string, args: unknown[], keepalive = false): Promise<ApiResponse> {
  let res: Response;
  try {
    res = await fetch('/api/' + method, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [BROWSER_KEY_HEADER]: browserKey() },
      body: JSON.stringify({ args }),
      keepalive,
    });
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
  try {
    return (await res.json()) as ApiResponse;
  } catch {
    return { ok: false, error: `本机服务返回了无法识别的内容（HTTP ${res.status}）。` };
  }
}

const httpTransport: Transport = (method, args) => httpCall(method, args);

const ipcTransport: Transport = async (method, args) => {
  try {
    return await window.nianbao!.invoke(method, args);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
};

export const api: NianbaoApi = createClient<NianbaoApi>(isElectron ? ipcTransport : httpTransport, API_METHODS);

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Browser mode: a save is a download; there is no folder to show. */
const browserHost: HostApi = {
  async saveFile(file: FileBytes) {
    const blob = new Blob([base64ToBytes(file.base64)]);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { path: file.name };
  },
  async showInFolder() {},
  async printToPdf() {
    throw new UserError('浏览器中请点“打印”，在打印对话框中选择“另存为 PDF”。');
  },
};

export const host: HostApi =
  isElectron && typeof window.nianbaoHost?.invoke === 'function'
    ? createClient<HostApi>(async (m, a) => {
        try {
          return await window.nianbaoHost!.invoke(m, a);
        } catch (e) {
          return { ok: false, error: e instanceof Error ? e.message : String(e) };
        }
      }, HOST_METHODS)
    : browserHost;

/**
 * Last-chance save while the window closes: in browser mode a keepalive request survives the
 * page (browsers cap its body at 64 KB, so a bigger report falls back to a plain request).
 */
export function saveOnUnload(id: string, report: Report, baseRevision: string): void {
  if (isElectron) {
    void api.saveReport(id, report, baseRevision).catch(() => {});
    return;
  }
  const args = [id, report, baseRevision];
  const size = JSON.stringify({ args }).length * 3;
  void httpCall('saveReport', args, size < 60_000);
}
