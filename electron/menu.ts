// The Chinese application menu.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newReport(): void;
  openDataFolder(): void;
  about(): void;
}

export function menuTemplate(actions: MenuActions, devTools: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { label: '实际大小', role: 'resetZoom' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (devTools)
    view.push(
      { type: 'separator' },
      { label: '重新加载', role: 'reload' },
      { label: '开发者工具', role: 'toggleDevTools' },
    );
  return [
    {
      label: '文件',
      submenu: [
        { label: '新建报告', accelerator: 'CmdOrCtrl+N', click: () => actions.newReport() },
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { type: 'separator' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于公开年报', click: () => actions.about() }] },
  ];
}
