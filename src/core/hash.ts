import { createHash } from 'crypto';

/** Content hash of a document's text: the analysis cache key. */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
