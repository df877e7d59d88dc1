// 复制网页格式: the web page's content on the clipboard as text/html (and text/plain), so that
// pasting into a government site's editor keeps the tables. A copy event inside the click works
// without a clipboard permission (the desktop app grants none).
import { reportWebFragment, reportWebText } from '../../shared/document';
import type { Report } from '../../shared/report';

export function copyWebFormat(report: Report): boolean {
  const html = reportWebFragment(report);
  const text = reportWebText(report);
  let done = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/html', html);
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    done = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  return done;
}
