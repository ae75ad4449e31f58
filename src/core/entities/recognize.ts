// Stage 1: the trained recognizer labels every sequence of a document; labels become spans.
import type { TokenFeatures } from './features';
import type { NerModel } from './model';
import { sequences } from './tokens';
import { LABELS, type NerClass, type Tok, type TokenSpan } from './types';

/** Label index of every token of the document. */
export function labelTokens(model: NerModel, toks: Tok[], features: TokenFeatures): Uint8Array {
  const labels = new Uint8Array(toks.length);
  for (const [a, b] of sequences(toks)) labels.set(model.decode(features, a, b), a);
  return labels;
}

/** BIO labels → spans (an I- without its B- opens a span, as CoNLL's IOB1 does). */
export function spansOf(labels: ArrayLike<number>, toks?: Tok[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  for (let i = 0; i < labels.length; i++) {
    const label = LABELS[labels[i]];
    const cls = label === 'O' ? undefined : (label.slice(2) as NerClass);
    const lineBreak = toks !== undefined && open !== undefined && toks[i].line !== toks[i - 1].line;
    if (open && (!cls || label.startsWith('B-') || open.cls !== cls || lineBreak)) {
      out.push(open);
      open = undefined;
    }
    if (cls) {
      if (open) open.b = i + 1;
      else open = { a: i, b: i + 1, cls };
    }
  }
  if (open) out.push(open);
  return out;
}
