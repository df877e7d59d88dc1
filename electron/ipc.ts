// The two IPC channels: 'nianbao:api' (the NianbaoApi, through the same dispatcher as browser
// mode) and 'nianbao:host' (save dialog, show in folder). Every call is checked to come from
// our own page and every argument is validated before anything runs.
import { stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, normalize } from 'node:path';
import { app, dialog, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { hostArgs, UserError, validateArgs, type ApiResponse, type HostApi, type NianbaoApi } from '../shared/api';
import { handleCall, toResponse } from './services/app-service';
import { writeFileAtomic } from './services/store';
import { API_CHANNEL, HOST_CHANNEL, isAppUrl } from './channels';

const UNKNOWN_METHOD = '未知的操作：请求没有写明要做什么。';
export const FOREIGN_SENDER = '拒绝访问：这个请求不是来自公开年报自己的页面。';

/** True only for the top frame of a page served from app://nianbao/. */
export function isOwnFrame(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export async function handleHostCall(host: HostApi, method: string, args: unknown): Promise<ApiResponse> {
  const checked = validateArgs(hostArgs, method, args);
  if (!checked.ok) return { ok: false, error: checked.error };
  const fn = (host as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
  return toResponse(`host.${method}`, () => fn.apply(host, checked.args));
}

/** Keeps what Windows and Linux refuse in a file name out of the suggested name. */
export function safeFileName(name: string): string {
  const clean = basename(name)
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .trim();
  return clean || '公开年报导出';
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  json: { name: '公开年报文件', extensions: ['json'] },
  html: { name: '网页', extensions: ['html'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  nianbao: { name: '公开年报报告文件', extensions: ['nianbao'] },
};

/**
 * printToPDF of the preview: A4 from its print CSS (@page), no margins of Chromium's own (each page
 * carries the GB/T 9704 margins itself), backgrounds for the red 红头.
 */
export const PDF_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  pageSize: 'A4',
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
} as const;

export interface HostDeps {
  window(): BrowserWindow | null;
  dataDir: string;
}

export function createHost(deps: HostDeps): HostApi {
  /** Folders the page may ask to show: the data folder and what it saved through us. */
  const shown = new Set<string>([normalize(deps.dataDir)]);
  let lastFolder: string | null = null;

  const host: HostApi = {
    async saveFile(file) {
      const name = safeFileName(file.name);
      const filter = FILTERS[extname(name).slice(1).toLowerCase()];
      const options = {
        title: '保存文件',
        defaultPath: join(lastFolder ?? app.getPath('documents'), name),
        buttonLabel: '保存',
        filters: filter ? [filter] : [],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const win = deps.window();
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return null;
      const path = chosen.filePath;
      try {
        await writeFileAtomic(path, Buffer.from(file.base64, 'base64'));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOSPC')
          throw new UserError(`无法保存“${basename(path)}”：磁盘空间不足。请清理磁盘或另选位置保存。`);
        throw new UserError(
          `无法保存“${basename(path)}”：文件可能正在 Word、WPS 或 Excel 中打开，或这个文件夹不允许写入。请关闭该文件后重试，或另选位置保存。`,
        );
      }
      lastFolder = join(path, '..');
      shown.add(normalize(path));
      // Offer the folder without holding up the answer to the page.
      const box = {
        type: 'info' as const,
        title: '已保存',
        message: `已保存“${basename(path)}”。`,
        detail: path,
        buttons: ['打开所在文件夹', '关闭'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      };
      void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box)).then((r) => {
        if (r.response === 0) shell.showItemInFolder(path);
      });
      return { path };
    },
    async showInFolder(path) {
      const p = normalize(path);
      if (!isAbsolute(p) || !shown.has(p)) throw new UserError('只能打开本软件保存的文件或数据文件夹所在的位置。');
      if (
        !(await stat(p).then(
          () => true,
          () => false,
        ))
      )
        throw new UserError(`找不到“${p}”，它可能已被移动或删除。`);
      shell.showItemInFolder(p);
    },
    async printToPdf({ name }) {
      const win = deps.window();
      if (!win) throw new UserError('没有可打印的窗口，请在“预览”页重试。');
      let pdf: Uint8Array;
      try {
        pdf = await win.webContents.printToPDF(PDF_OPTIONS);
      } catch {
        throw new UserError('生成 PDF 失败。请在“预览”页重试，或点“打印”后选择打印机“另存为 PDF”。');
      }
      const base64 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64');
      return host.saveFile({ name: name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`, base64 });
    },
  };
  return host;
}

/** Registers the two channels. Returns a function that resolves when no call is running (for quitting). */
export function registerIpc(service: NianbaoApi, host: HostApi): { idle(): Promise<void> } {
  let running = 0;
  let waiters: (() => void)[] = [];
  const track = async (fn: () => Promise<ApiResponse>): Promise<ApiResponse> => {
    running++;
    try {
      return await fn();
    } finally {
      if (--running === 0) {
        for (const w of waiters) w();
        waiters = [];
      }
    }
  };
  ipcMain.handle(API_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!isOwnFrame(event)) return { ok: false, error: FOREIGN_SENDER };
    if (typeof method !== 'string') return { ok: false, error: UNKNOWN_METHOD };
    return track(() => handleCall(service, method, args));
  });
  ipcMain.handle(HOST_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!isOwnFrame(event)) return { ok: false, error: FOREIGN_SENDER };
    if (typeof method !== 'string') return { ok: false, error: UNKNOWN_METHOD };
    return track(() => handleHostCall(host, method, args));
  });
  return {
    idle: () => (running === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
  };
}
