// Text as XML 1.0 can hold it. Text pasted from Word brings \v (manual line break) and \f (page
// break): those end a line; other control characters are dropped. Word and Excel refuse a file
// that contains them.
export function clean(text: string): string {
  return text.replace(/[\v\f]/g, '\n').replace(/[\u0000-\u0008\u000e-\u001f\ufffe\uffff]/g, '');
}
