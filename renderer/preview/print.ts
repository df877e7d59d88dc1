// Ctrl+P anywhere in the editor prints the preview's pages: the shortcut opens 预览 and asks it
// to print once its pages are laid out.
let requested = false;

export function requestPrint(): void {
  requested = true;
}

/** True once after requestPrint (the preview calls it when its pages are ready). */
export function takePrintRequest(): boolean {
  const r = requested;
  requested = false;
  return r;
}

/** Ctrl+P (⌘P): never the browser's print of the interface. */
export function isPrintShortcut(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'p';
}
