import { attributeArticle, type CandidateView } from '../../src/quotes/attribute.js';
import { featuresOf, type Features } from '../../src/quotes/ranker.js';

/** The speaker given to the first direct or partial quote starting with `start`; undefined when no such quote is found. */
export const speakerOf = (paragraphs: string[], start: string): string | null | undefined =>
  attributeArticle(paragraphs).find((q) => q.kind !== 'fragment' && q.text.startsWith(start))?.speaker;

/** The features of every candidate of the quote starting with `start`, by the candidate's name (null: nobody). */
export function featuresAt(paragraphs: string[], start: string): Map<string | null, Features> {
  let seen: readonly CandidateView[] = [];
  attributeArticle(paragraphs, {
    observe: (q, candidates) => {
      if (q.text.startsWith(start)) seen = candidates;
    },
  });
  return new Map(seen.map((c) => [c.speaker, featuresOf(c.vector)]));
}
