import { attributeArticle, type CandidateView } from '../../src/quotes/attribute.js';
import { featuresOf, type Features } from '../../src/quotes/ranker.js';

/** The speaker given to the first direct or partial quote starting with `start`; undefined when no such quote is found. */
export const speakerOf = (paragraphs: string[], start: string): string | null | undefined =>
  attributeArticle(paragraphs).find((q) => q.kind !== 'fragment' && q.text.startsWith(start))?.speaker;

/** Every candidate of the quote starting with `start`, as the observer (training's view) saw it. */
export function candidatesAt(paragraphs: string[], start: string): CandidateView[] {
  let seen: readonly CandidateView[] = [];
  attributeArticle(paragraphs, {
    observe: (q, candidates) => {
      if (q.text.startsWith(start)) seen = candidates;
    },
  });
  return [...seen];
}

/** The features of every candidate of the quote starting with `start`, by the candidate's name (null: nobody). */
export function featuresAt(paragraphs: string[], start: string): Map<string | null, Features> {
  return new Map(candidatesAt(paragraphs, start).map((c) => [c.speaker, featuresOf(c.vector)]));
}

/** Each quote's candidates (speaker → set features), by the quote's first 20 characters. */
export function candidatesByQuote(paragraphs: string[]): Map<string, Map<string | null, Features>> {
  const out = new Map<string, Map<string | null, Features>>();
  attributeArticle(paragraphs, {
    observe: (span, list) => {
      out.set(span.text.slice(0, 20), new Map(list.map((c) => [c.speaker, featuresOf(c.vector)])));
    },
  });
  return out;
}
