// Wires the Electron app together: single instance, protocol, session security, IPC, menu,
// window. Everything the user's data goes through lives in services/ (plain Node).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { UserError } from '../shared/api';
import { createAppService } from './services/app-service';
import { APP_URL, COMMAND_CHANNEL } from './channels';
import { installMainCrashHandlers } from './crash';
import { createHost, registerIpc } from './ipc';
import { utilityReader } from './reader-process';
import { menuTemplate } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, hardenContents, secureSession } from './window';

/** --data-dir DIR or --data-dir=DIR on the command line; otherwise <userData>/data. */
export function dataDirFromArgs(argv: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir' && argv[i + 1]) return argv[i + 1];
    if (argv[i].startsWith('--data-dir=')) return argv[i].slice('--data-dir='.length) || null;
  }
  return null;
}

export function startApp(argv: string[] = process.argv): void {
  installMainCrashHandlers();
  registerAppScheme(); // before 'ready'
  // Chinese UI for what Chromium draws itself (date pickers, context menus, spell check).
  app.commandLine.appendSwitch('lang', 'zh-CN');
  if (!app.requestSingleInstanceLock()) {
    // Another window is already open: it comes to the front (see 'second-instance'), we leave.
    app.quit();
    return;
  }
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());

  const devTools = !app.isPackaged;
  const root = app.getAppPath();
  void app
    .whenReady()
    .then(async () => {
      const dataDir = dataDirFromArgs(argv) ?? join(app.getPath('userData'), 'data');
      const service = createAppService({
        dataDir,
        mode: 'electron',
        version: app.getVersion(),
        reader: utilityReader(),
      });
      // The data folder must be ours before a window opens (another process may hold it).
      const opened = await service.ready().then(
        () => null,
        (e: unknown) => e,
      );
      if (opened) {
        const user = opened instanceof UserError;
        if (!user) console.error('[nianbao] opening the data folder failed:', opened);
        dialog.showErrorBox(
          '公开年报无法启动',
          user ? opened.message : `无法打开数据文件夹“${dataDir}”。请重新启动；如果问题依旧，请联系技术人员。`,
        );
        app.exit(1);
        return;
      }
      secureSession(session.defaultSession);
      serveRenderer(join(root, 'dist', 'renderer'));
      const ipc = registerIpc(service, createHost({ window: () => win, dataDir }));

      // Let the last autosave land before the process ends.
      let flushed = false;
      app.on('before-quit', (event) => {
        if (flushed) return;
        event.preventDefault();
        flushed = true;
        void ipc
          .idle()
          .then(() => service.close())
          .finally(() => app.quit());
      });

      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate(
            {
              newReport: () => win?.webContents.send(COMMAND_CHANNEL, 'newReport'),
              openDataFolder: () => void shell.openPath(dataDir),
              about: () =>
                void dialog.showMessageBox({
                  type: 'info',
                  title: '关于公开年报',
                  message: `公开年报 ${app.getVersion()}`,
                  detail: `政府信息公开工作年度报告的编制、勾稽校验与导出。完全离线运行，数据只保存在本机。\n\n数据文件夹：${dataDir}`,
                  buttons: ['确定'],
                  noLink: true,
                }),
            },
            devTools,
          ),
        ),
      );

      if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
        dialog.showErrorBox(
          '公开年报无法启动',
          '找不到界面文件（dist/renderer）。请先运行 npm run build，或重新安装本软件。',
        );
        app.exit(1);
        return;
      }
      win = createMainWindow(join(root, 'dist', 'electron', 'preload.cjs'), devTools);
      win.on('closed', () => {
        win = null;
      });
      await win.loadURL(APP_URL);
    })
    .catch((e: unknown) => {
      console.error('[nianbao] start failed:', e instanceof Error ? e.stack : e);
      dialog.showErrorBox(
        '公开年报无法启动',
        '程序启动时出错。请重新启动；如果问题依旧，请联系技术人员。已保存的报告不受影响。',
      );
      app.exit(1);
    });
}
