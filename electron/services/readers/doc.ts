// Legacy Word (.doc) -> text, through word-extractor, after the compound file has been checked
// (cfb.ts) so that a damaged file cannot send it into an endless sector chain. Table cells come
// out tab-separated, a row per line.
import { createRequire } from 'node:module';

interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
}
interface WordExtractorClass {
  new (): { extract(source: Buffer): Promise<WordDocument> };
}

export async function docText(bytes: Uint8Array): Promise<string> {
  const require = createRequire(import.meta.url);
  const WordExtractor = require('word-extractor') as WordExtractorClass;
  const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // Keep Chinese quotes and dashes as they are (the default turns them into ASCII).
  return doc.getBody({ filterUnicode: false });
}
