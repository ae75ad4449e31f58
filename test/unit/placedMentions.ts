// Builds a document's entity mentions for alias-resolution tests: mentions placed one after
// another, since only their text, type, expansion and refersTo matter there.
import { EntityMention, EntityType } from '../../src/core/types';

export function mentionsDoc(path: string, mentions: [string, EntityType, string?, string?][]) {
  let at = 0;
  const entities: EntityMention[] = mentions.map(([text, type, expansion, refersTo]) => {
    const m: EntityMention = { start: at, end: at + text.length, text, type, ...(expansion ? { expansion } : {}), ...(refersTo ? { refersTo } : {}) };
    at += text.length + 1;
    return m;
  });
  return { path, entities };
}
