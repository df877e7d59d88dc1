// The Electron glue with electron mocked: window settings, navigation and new-window blocking,
// session lockdown, IPC validation, the host API, the single-instance lock and the menu.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./helpers/electron-mock'));

const mock = await import('./helpers/electron-mock');
const { state, dialog, shell, app, contextBridge, ipcRenderer } = mock;
const { windowOptions, hardenContents, secureSession, isAllowedRequest } = await import('../../electron/window');
const { registerIpc, createHost, FOREIGN_SENDER, safeFileName } = await import('../../electron/ipc');
const { createAppService } = await import('../../electron/services/app-service');
const { startApp, dataDirFromArgs } = await import('../../electron/app');
const { API_CHANNEL, HOST_CHANNEL, COMMAND_CHANNEL, APP_URL } = await import('../../electron/channels');
const { emptyReport } = await import('../../shared/report');
const { serveRenderer } = await import('../../electron/protocol');

let dir: string;
beforeEach(async () => {
  mock.resetElectronMock();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-glue-'));
});
/** Services a test started: closed (their folder lock given up) before the folder goes. */
const services: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

const ownFrame = { senderFrame: { url: 'app://nianbao/index.html', parent: null } };

describe('window', () => {
  it('isolates and sandboxes the page', () => {
    const prefs = windowOptions('/app/dist/electron/preload.cjs', false).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('refuses navigation away from the app, new windows and webviews', () => {
    const contents = mock.fakeContents();
    hardenContents(contents as never);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://other/index.html')).toBe(true);
    expect(navigate('app://nianbao/index.html')).toBe(false);
    const redirect = { preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect, 'http://127.0.0.1:8080/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://nianbao/index.html' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission, blocks remote requests and sets the CSP header', () => {
    secureSession(mock.session.defaultSession as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      state.session.permissionRequest({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(state.session.permissionCheck({}, 'clipboard-read')).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      state.session.beforeRequest({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://fonts.googleapis.com/css')).toBe(true);
    expect(decide('http://127.0.0.1:5173/api/listReports')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://nianbao/assets/index.js')).toBe(false);
    expect(isAllowedRequest('data:image/png;base64,AA==')).toBe(true);
    let headers: Record<string, string[]> = {};
    state.session.headersReceived(
      { responseHeaders: {} },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy'][0]).toMatch(/default-src 'self'.*script-src 'self'/);
    const download = { preventDefault: vi.fn() };
    state.session['will-download'](download);
    expect(download.preventDefault).toHaveBeenCalled();
  });
});

describe('IPC', () => {
  function setup() {
    const service = createAppService({ dataDir: join(dir, 'data'), mode: 'electron', version: '1' });
    services.push(service);
    registerIpc(service, createHost({ window: () => null, dataDir: join(dir, 'data') }));
    return {
      api: (method: unknown, args: unknown, event: unknown = ownFrame) =>
        state.ipcHandlers.get(API_CHANNEL)!(event, method, args),
      host: (method: unknown, args: unknown, event: unknown = ownFrame) =>
        state.ipcHandlers.get(HOST_CHANNEL)!(event, method, args),
    };
  }

  it('registers exactly one API channel and one host channel', () => {
    setup();
    expect([...state.ipcHandlers.keys()].sort()).toEqual(['nianbao:api', 'nianbao:host']);
  });

  it('runs valid calls and rejects bad arguments with a Chinese error', async () => {
    const { api } = setup();
    const created = await api('createReport', [emptyReport('县司法局', 2024)]);
    expect(created).toMatchObject({ ok: true });
    expect(await api('listReports', [])).toMatchObject({ ok: true, value: [{ org: '县司法局' }] });
    expect(await api('openReport', [123])).toEqual({
      ok: false,
      error: expect.stringMatching(/^操作“openReport”的参数无效/),
    });
    expect(await api('openReport', ['a/../../b'])).toEqual({
      ok: false,
      error: expect.stringMatching(/无效的报告编号/),
    });
    expect(await api('saveReport', ['abc'])).toMatchObject({ ok: false });
    expect(await api('readFile', [{ name: 'x.docx' }])).toMatchObject({ ok: false });
    expect(await api({ toString: () => 'appInfo' }, [])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/未知的操作/),
    });
    expect(await api('hasOwnProperty', [])).toEqual({ ok: false, error: '未知的操作“hasOwnProperty”。' });
  });

  it('answers only our own top-level page', async () => {
    const { api, host } = setup();
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///C:/Users/clerk/x.html', parent: null } },
      { senderFrame: { url: 'app://nianbao/index.html', parent: {} } },
      { senderFrame: null },
    ]) {
      expect(await api('listReports', [], event)).toEqual({ ok: false, error: FOREIGN_SENDER });
      expect(await host('showInFolder', ['/tmp'], event)).toEqual({ ok: false, error: FOREIGN_SENDER });
    }
  });

  it('validates host arguments', async () => {
    const { host } = setup();
    expect(await host('saveFile', [{ name: '', base64: 'AA==' }])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/参数无效/),
    });
    expect(await host('showInFolder', [42])).toMatchObject({ ok: false, error: expect.stringMatching(/参数无效/) });
    expect(await host('openExternal', ['https://x'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/未知的操作/),
    });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('saves a file where the user chooses, offers its folder, and shows only what it saved', async () => {
    const { host } = setup();
    const target = join(dir, 'out', '县司法局2024年政府信息公开工作年度报告.docx');
    await mkdir(join(dir, 'out'));
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    const bytes = Buffer.from('PK\u0003\u0004 docx bytes');
    const r = await host('saveFile', [
      { name: '县司法局2024年政府信息公开工作年度报告.docx', base64: bytes.toString('base64') },
    ]);
    expect(r).toEqual({ ok: true, value: { path: target } });
    expect(await readFile(target)).toEqual(bytes);
    const [options] = dialog.showSaveDialog.mock.calls[0] as [{ defaultPath: string; filters: { name: string }[] }];
    expect(options.defaultPath).toMatch(/县司法局2024年政府信息公开工作年度报告\.docx$/);
    expect(options.filters[0].name).toBe('Word 文档');
    await vi.waitFor(() => expect(shell.showItemInFolder).toHaveBeenCalledWith(target)); // the user chose 打开所在文件夹

    shell.showItemInFolder.mockClear();
    expect(await host('showInFolder', [target])).toEqual({ ok: true, value: null });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(target);
    expect(await host('showInFolder', ['/etc/passwd'])).toEqual({
      ok: false,
      error: expect.stringMatching(/只能打开本软件保存的文件/),
    });
  });

  it('returns null when the user cancels the save dialog, and a Chinese error when the file is locked', async () => {
    const { host } = setup();
    expect(await host('saveFile', [{ name: 'a.xlsx', base64: 'AA==' }])).toEqual({ ok: true, value: null });
    const blocked = join(dir, 'blocked.xlsx');
    await mkdir(blocked); // a folder where the file should go: the write fails like a locked file
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: blocked });
    expect(await host('saveFile', [{ name: 'a.xlsx', base64: 'AA==' }])).toEqual({
      ok: false,
      error: expect.stringMatching(/无法保存“blocked\.xlsx”/),
    });
  });

  it('导出 PDF prints the page (the preview, print CSS, A4) and saves the PDF where the user chooses', async () => {
    const win = new mock.FakeWindow({});
    const service = createAppService({ dataDir: join(dir, 'data'), mode: 'electron', version: '1' });
    registerIpc(service, createHost({ window: () => win as never, dataDir: join(dir, 'data') }));
    const host = (method: string, args: unknown) => state.ipcHandlers.get(HOST_CHANNEL)!(ownFrame, method, args);
    const target = join(dir, '县司法局2024年政府信息公开工作年度报告（报送稿）.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const r = await host('printToPdf', [{ name: '县司法局2024年政府信息公开工作年度报告（报送稿）.pdf' }]);
    expect(r).toEqual({ ok: true, value: { path: target } });
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({
      printBackground: true,
      preferCSSPageSize: true,
      pageSize: 'A4',
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
    const [, options] = dialog.showSaveDialog.mock.calls[0] as [
      unknown,
      { defaultPath: string; filters: { name: string }[] },
    ];
    expect(options.defaultPath).toMatch(/（报送稿）\.pdf$/);
    expect(options.filters[0].name).toBe('PDF 文件');

    // Cancelled: nothing written; a bad name never reaches Chromium; a failed print says what to do.
    win.webContents.printToPDF.mockClear();
    expect(await host('printToPdf', [{ name: 'a.pdf' }])).toEqual({ ok: true, value: null });
    expect(await host('printToPdf', [{ name: '' }])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/参数无效/),
    });
    expect(await host('printToPdf', [{}])).toMatchObject({ ok: false, error: expect.stringMatching(/参数无效/) });
    expect(win.webContents.printToPDF).toHaveBeenCalledTimes(1);
    win.webContents.printToPDF.mockRejectedValueOnce(new Error('render process gone'));
    expect(await host('printToPdf', [{ name: 'b' }])).toEqual({
      ok: false,
      error: expect.stringMatching(/^生成 PDF 失败。请在“预览”页重试/),
    });
  });

  it('keeps forbidden characters out of suggested file names', () => {
    expect(safeFileName('../a:b*?.docx')).toBe('a_b__.docx');
    expect(safeFileName('   ')).toBe('公开年报导出');
  });
});

describe('app start', () => {
  it('quits at once when another instance holds the lock', () => {
    state.lock = false;
    startApp(['electron', '.']);
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(state.appHandlers.has('second-instance')).toBe(false);
  });

  it('brings the existing window to the front when a second instance starts', async () => {
    state.appPath = dir;
    await mkdir(join(dir, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    startApp(['electron', '.', '--data-dir', join(dir, 'data')]);
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    const [win] = state.windows;
    expect(win.loadURL).toHaveBeenCalledWith(APP_URL);
    expect(win.options.webPreferences.preload).toBe(join(dir, 'dist', 'electron', 'preload.cjs'));
    for (const fn of state.appHandlers.get('second-instance')!) fn();
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(state.protocolHandler).toBeTypeOf('function');
    // Chromium's own widgets (date picker, context menu) speak Chinese.
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'zh-CN');
  });

  it('has a Chinese menu whose 新建报告 tells the page', async () => {
    state.appPath = dir;
    await mkdir(join(dir, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    startApp(['electron', '.', `--data-dir=${join(dir, 'data')}`]);
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    const menu = state.menuTemplate as {
      label: string;
      submenu: { label?: string; role?: string; click?: () => void }[];
    }[];
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const file = menu[0].submenu.map((i) => i.label).filter(Boolean);
    expect(file).toEqual(['新建报告', '打开数据文件夹', '退出']);
    const edit = Object.fromEntries(menu[1].submenu.filter((i) => i.role).map((i) => [i.role, i.label]));
    expect(edit).toEqual({ undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选' });
    menu[0].submenu[0].click!();
    expect(state.windows[0].webContents.send).toHaveBeenCalledWith(COMMAND_CHANNEL, 'newReport');
    menu[0].submenu[1].click!();
    expect(shell.openPath).toHaveBeenCalledWith(join(dir, 'data'));
    expect(menu[3].submenu[0].label).toBe('关于公开年报');
  });

  it('does not open a window on a data folder another process holds, and says why in Chinese', async () => {
    state.appPath = dir;
    await mkdir(join(dir, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    const data = join(dir, 'data');
    await mkdir(data);
    // A live process of this computer (our parent) holds the folder.
    await writeFile(join(data, '.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: '' }));
    startApp(['electron', '.', '--data-dir', data]);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      '公开年报无法启动',
      expect.stringContaining(`数据文件夹“${data}”正被`),
    );
    expect(state.windows).toHaveLength(0);
  });

  it('reads --data-dir in both spellings', () => {
    expect(dataDirFromArgs(['x', '--data-dir', '/d'])).toBe('/d');
    expect(dataDirFromArgs(['x', '--data-dir=/e'])).toBe('/e');
    expect(dataDirFromArgs(['x'])).toBeNull();
  });
});

describe('app:// protocol', () => {
  it('serves the built renderer with the CSP, and nothing outside it', async () => {
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>公开年报</title>');
    await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'export {}');
    await writeFile(join(dir, 'secret.txt'), 'SECRET');
    serveRenderer(join(dir, 'renderer'));
    const get = (url: string) => state.protocolHandler!({ url, method: 'GET' }) as Promise<Response>;
    const page = await get('app://nianbao/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toContain('公开年报');
    expect((await get('app://nianbao/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);
    for (const url of [
      'app://nianbao/%2e%2e/secret.txt',
      'app://nianbao/assets/..%2f..%2fsecret.txt',
      'app://other/secret.txt',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(await r.text(), url).not.toContain('SECRET');
    }
  });
});

describe('preload', () => {
  it('exposes only invoke functions (and a menu listener) that forward to the two channels', async () => {
    await import('../../electron/preload');
    const exposed = Object.fromEntries(
      contextBridge.exposeInMainWorld.mock.calls as [string, Record<string, unknown>][],
    );
    expect(Object.keys(exposed).sort()).toEqual(['nianbao', 'nianbaoHost']);
    expect(Object.keys(exposed.nianbao)).toEqual(['invoke']);
    expect(Object.keys(exposed.nianbaoHost).sort()).toEqual(['invoke', 'onCommand']);
    (exposed.nianbao.invoke as (m: unknown, a: unknown) => void)('listReports', []);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(API_CHANNEL, 'listReports', []);
    (exposed.nianbaoHost.invoke as (m: unknown, a: unknown) => void)({ evil: true }, 'x');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(HOST_CHANNEL, '', []);
  });
});
