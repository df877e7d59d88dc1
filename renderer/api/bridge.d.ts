// What the Electron preload exposes on window (absent in browser mode).
import type { ApiResponse } from '../../shared/api';

declare global {
  interface Window {
    nianbao?: { invoke(method: string, args: unknown[]): Promise<ApiResponse> };
    nianbaoHost?: {
      invoke(method: string, args: unknown[]): Promise<ApiResponse>;
      /** Menu commands from the main process (文件 › 新建报告); returns a function that stops listening. */
      onCommand?(callback: (command: 'newReport') => void): () => void;
    };
  }
}

export {};
