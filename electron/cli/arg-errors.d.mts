/** The Chinese sentence for an error thrown by util.parseArgs. */
export function argErrorMessage(e: unknown): string;
