// Preloaded with --require by electron-bundle.test.ts: answers require('electron') in plain Node
// with stand-ins that print what the bundled main process does.
const Module = require('module');
const log = (...a) => process.stdout.write(a.join(' ') + '\n');
const on = () => {};
const contents = { on, setWindowOpenHandler: on, send: on };
class BrowserWindow {
  constructor(o) {
    this.webContents = contents;
    log('window', JSON.stringify(o.webPreferences));
  }
  once() {}
  on() {}
  async loadURL(url) {
    log('loadURL', url);
  }
}
const stub = {
  app: {
    requestSingleInstanceLock: () => true,
    commandLine: { appendSwitch: () => {} },
    on,
    whenReady: () => Promise.resolve(),
    getPath: () => process.env.STUB_USER_DATA,
    getAppPath: () => process.env.STUB_APP_PATH,
    getVersion: () => '0.0.0',
    isPackaged: true,
    quit: () => log('quit'),
    exit: (c) => log('exit', c),
  },
  BrowserWindow,
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (t) => log('menu', t.map((m) => m.label).join(',')) },
  protocol: { registerSchemesAsPrivileged: () => log('scheme'), handle: (s) => log('protocol', s) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: on,
      setPermissionCheckHandler: on,
      setDevicePermissionHandler: on,
      on,
      webRequest: { onBeforeRequest: on, onHeadersReceived: on },
    },
  },
  ipcMain: { handle: (c) => log('ipc', c) },
  dialog: {
    showErrorBox: (t, m) => log('error', t, m),
    showMessageBox: async () => ({ response: 1 }),
    showSaveDialog: async () => ({ canceled: true }),
  },
  shell: { openPath: async () => '', showItemInFolder: on },
  contextBridge: { exposeInMainWorld: (k, v) => log('expose', k, Object.keys(v).join(',')) },
  ipcRenderer: { invoke: on, on, removeListener: on },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? stub : load.call(this, request, ...rest);
};
