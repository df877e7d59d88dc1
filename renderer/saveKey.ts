// Ctrl+S (Cmd+S): the app's own 保存, never the browser's 保存网页 dialog.

export function isSaveKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's';
}
