import { createHash } from 'crypto';

/** Content hash of a document's text (and of `salt`, when given): the analysis cache key. */
export function contentHash(text: string, salt = ''): string {
  const hash = createHash('sha1').update(text);
  if (salt) hash.update('\u0000' + salt);
  return hash.digest('hex');
}
