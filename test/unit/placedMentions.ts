// Builds a document's entity mentions for alias-resolution tests: mentions placed one after
// another, since only their text, type and expansion matter there.
import { EntityMention, EntityType } from '../../src/core/types';

export function mentionsDoc(path: string, mentions: [string, EntityType, string?][]) {
  let at = 0;
  const entities: EntityMention[] = mentions.map(([text, type, expansion]) => {
    const m: EntityMention = { start: at, end: at + text.length, text, type, ...(expansion ? { expansion } : {}) };
    at += text.length + 1;
    return m;
  });
  return { path, entities };
}
