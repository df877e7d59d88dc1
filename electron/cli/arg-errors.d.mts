/** The Chinese sentence for an error thrown by util.parseArgs; `valueName` is what the options take (文件名). */
export function argErrorMessage(e: unknown, valueName?: string): string;
