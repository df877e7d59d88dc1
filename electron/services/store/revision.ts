// A report's revision names its stored content: a window saves "based on" the revision it loaded,
// and the store refuses the save when the stored content has changed since (another window saved).
// A content hash needs no counter to keep and survives restarts.
import { createHash } from 'node:crypto';

export function revisionOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

export const CONFLICT_MESSAGE =
  '此报告已在另一个窗口中修改，本窗口的这次修改没有保存。请点“重新载入”读取最新内容；本窗口未保存的内容会显示出来，可以复制后再填回。';
