// Ctrl+P in the editor: print the preview's pages, never the interface. On another page it opens
// 预览 first; the preview prints once its pages are laid out.
import { useEffect } from 'react';
import { isPrintShortcut, requestPrint } from './print';

export function usePrintShortcut(onPreview: boolean, openPreview: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPrintShortcut(e)) return;
      e.preventDefault();
      if (onPreview) window.print();
      else {
        requestPrint();
        openPreview();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onPreview, openPreview]);
}
