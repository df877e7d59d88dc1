// Sandboxed preload: exposes exactly two invoke functions (and a menu-command listener) to the
// page. No Node, no ipcRenderer, no electron object reaches the page; the main process
// validates every argument.
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, COMMAND_CHANNEL, HOST_CHANNEL } from './channels';

/** Commands the application menu sends to the page. */
export type HostCommand = 'newReport';

function invoker(channel: string) {
  return (method: unknown, args: unknown): Promise<unknown> =>
    ipcRenderer.invoke(channel, typeof method === 'string' ? method : '', Array.isArray(args) ? args : []);
}

contextBridge.exposeInMainWorld('nianbao', { invoke: invoker(API_CHANNEL) });
contextBridge.exposeInMainWorld('nianbaoHost', {
  invoke: invoker(HOST_CHANNEL),
  /** Calls back with each menu command; returns a function that stops listening. */
  onCommand(callback: (command: HostCommand) => void): () => void {
    const listener = (_event: unknown, command: unknown) => {
      if (command === 'newReport') callback(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, listener);
    };
  },
});
