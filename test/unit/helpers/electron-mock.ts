// A stand-in for the 'electron' module in unit tests of the Electron glue: records what the
// glue asks of Electron so that tests can inspect it and play the part of the page.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { vi } from 'vitest';

type Handler = (...args: any[]) => any;

export const state = {
  lock: true,
  appHandlers: new Map<string, Handler[]>(),
  ipcHandlers: new Map<string, Handler>(),
  windows: [] as FakeWindow[],
  utilityProcesses: [] as FakeUtilityProcess[],
  protocolHandler: null as Handler | null,
  session: {} as Record<string, Handler>,
  menuTemplate: null as any,
  userData: join(tmpdir(), 'nianbao-electron-mock'),
  appPath: join(tmpdir(), 'nianbao-app'),
};

export function fakeContents() {
  const handlers = new Map<string, Handler[]>();
  return {
    handlers,
    windowOpenHandler: null as Handler | null,
    on: vi.fn((ev: string, fn: Handler) => {
      handlers.set(ev, [...(handlers.get(ev) ?? []), fn]);
    }),
    setWindowOpenHandler: vi.fn(function (this: any, fn: Handler) {
      this.windowOpenHandler = fn;
    }),
    send: vi.fn(),
    /** Chromium's print to PDF of the page (print media): a tiny PDF here. */
    printToPDF: vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7\n% preview pages\n%%EOF\n')),
    emit(ev: string, ...args: any[]) {
      for (const fn of handlers.get(ev) ?? []) fn(...args);
    },
  };
}

export class FakeWindow {
  webContents = fakeContents();
  minimized = true;
  restore = vi.fn(() => {
    this.minimized = false;
  });
  show = vi.fn();
  focus = vi.fn();
  once = vi.fn();
  on = vi.fn();
  loadURL = vi.fn(async () => {});
  isMinimized = () => this.minimized;
  isDestroyed = () => false;
  constructor(public options: any) {
    state.windows.push(this);
  }
}

export const app = {
  requestSingleInstanceLock: vi.fn(() => state.lock),
  commandLine: { appendSwitch: vi.fn() },
  quit: vi.fn(),
  exit: vi.fn(),
  on: vi.fn((ev: string, fn: Handler) => {
    state.appHandlers.set(ev, [...(state.appHandlers.get(ev) ?? []), fn]);
  }),
  whenReady: vi.fn(() => Promise.resolve()),
  isReady: vi.fn(() => true),
  getPath: vi.fn((name: string) => (name === 'userData' ? state.userData : join(tmpdir(), name))),
  getAppPath: vi.fn(() => state.appPath),
  getVersion: vi.fn(() => '0.1.0'),
  isPackaged: false,
};

export const ipcMain = {
  handle: vi.fn((channel: string, fn: Handler) => state.ipcHandlers.set(channel, fn)),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((_scheme: string, fn: Handler) => {
    state.protocolHandler = fn;
  }),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn((fn: Handler) => (state.session.permissionRequest = fn)),
    setPermissionCheckHandler: vi.fn((fn: Handler) => (state.session.permissionCheck = fn)),
    setDevicePermissionHandler: vi.fn((fn: Handler) => (state.session.devicePermission = fn)),
    webRequest: {
      onBeforeRequest: vi.fn((fn: Handler) => (state.session.beforeRequest = fn)),
      onHeadersReceived: vi.fn((fn: Handler) => (state.session.headersReceived = fn)),
    },
    on: vi.fn((ev: string, fn: Handler) => (state.session[ev] = fn)),
  },
};

export const dialog = {
  showSaveDialog: vi.fn(async (..._a: any[]) => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async (..._a: any[]) => ({ response: 1 })),
  showErrorBox: vi.fn(),
};

export const shell = {
  showItemInFolder: vi.fn(),
  openPath: vi.fn(async () => ''),
};

export const Menu = {
  buildFromTemplate: vi.fn((t: any) => {
    state.menuTemplate = t;
    return t;
  }),
  setApplicationMenu: vi.fn(),
};

/** A utility process that does nothing by itself: the test plays the child (emit 'spawn', 'message', 'exit'). */
export class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = undefined;
  stderr = new PassThrough();
  postMessage = vi.fn();
  kill = vi.fn(() => true);
  constructor(
    public modulePath: string,
    public args: string[],
    public options: any,
  ) {
    super();
    state.utilityProcesses.push(this);
  }
}

export const utilityProcess = {
  fork: vi.fn(
    (modulePath: string, args: string[] = [], options: any = {}) => new FakeUtilityProcess(modulePath, args, options),
  ),
};

export const BrowserWindow = FakeWindow;
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() };

export function resetElectronMock(): void {
  vi.clearAllMocks();
  state.lock = true;
  state.appHandlers.clear();
  state.ipcHandlers.clear();
  state.windows.length = 0;
  state.utilityProcesses.length = 0;
  state.protocolHandler = null;
  state.session = {};
  state.menuTemplate = null;
}
