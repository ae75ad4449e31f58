// Reader for CoNLL-2003 files (4 columns: word POS chunk NER, IOB1 or IOB2 tags).
// Each document's text is rebuilt from its tokens: tokens joined by one space, sentences by
// a newline, so every token has an exact character span in the rebuilt text.
import * as fs from 'fs';

export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface ConllToken {
  text: string;
  start: number;
  end: number;
}

export interface GoldSpan {
  /** Character offsets into the rebuilt document text. */
  start: number;
  end: number;
  /** Token indices, end exclusive. */
  startToken: number;
  endToken: number;
  type: ConllType;
  text: string;
}

export interface ConllDocument {
  index: number;
  text: string;
  tokens: ConllToken[];
  /** Token index ranges [start, end) of each sentence. */
  sentences: Array<[number, number]>;
  gold: GoldSpan[];
}

export function parseConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let sentences: Array<Array<{ word: string; tag: string }>> = [];
  let current: Array<{ word: string; tag: string }> = [];

  const flushSentence = (): void => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  const flushDoc = (): void => {
    flushSentence();
    if (sentences.length > 0) docs.push(buildDocument(docs.length, sentences));
    sentences = [];
  };

  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
      continue;
    }
    if (line === '') {
      flushSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    current.push({ word: cols[0], tag: cols[cols.length - 1] });
  }
  flushDoc();
  return docs;
}

function buildDocument(index: number, sentences: Array<Array<{ word: string; tag: string }>>): ConllDocument {
  const tokens: ConllToken[] = [];
  const tags: string[] = [];
  const sentenceRanges: Array<[number, number]> = [];
  let text = '';
  for (const sentence of sentences) {
    if (text.length > 0) text += '\n';
    const first = tokens.length;
    sentence.forEach((t, i) => {
      if (i > 0) text += ' ';
      tokens.push({ text: t.word, start: text.length, end: text.length + t.word.length });
      tags.push(t.tag);
      text += t.word;
    });
    sentenceRanges.push([first, tokens.length]);
  }

  // Spans from IOB tags (accepts IOB1: I- after O or after another type starts a span).
  const gold: GoldSpan[] = [];
  for (const [s, e] of sentenceRanges) {
    let open: { start: number; type: ConllType } | undefined;
    const close = (end: number): void => {
      if (!open) return;
      const startChar = tokens[open.start].start;
      const endChar = tokens[end - 1].end;
      gold.push({
        start: startChar,
        end: endChar,
        startToken: open.start,
        endToken: end,
        type: open.type,
        text: text.slice(startChar, endChar),
      });
      open = undefined;
    };
    for (let i = s; i < e; i++) {
      const tag = tags[i];
      if (tag === 'O' || tag.length < 3) {
        close(i);
        continue;
      }
      const prefix = tag[0];
      const type = tag.slice(2) as ConllType;
      if (prefix === 'B' || !open || open.type !== type) {
        close(i);
        open = { start: i, type };
      }
    }
    close(e);
  }
  return { index, text, tokens, sentences: sentenceRanges, gold };
}

export function readConll(path: string): ConllDocument[] {
  return parseConll(fs.readFileSync(path, 'utf8'));
}
