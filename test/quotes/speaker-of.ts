import { attributeArticle } from '../../src/quotes/attribute.js';

/** The speaker given to the first direct or partial quote starting with `start`; undefined when no such quote is found. */
export const speakerOf = (paragraphs: string[], start: string): string | null | undefined =>
  attributeArticle(paragraphs).find((q) => q.kind !== 'fragment' && q.text.startsWith(start))?.speaker;
