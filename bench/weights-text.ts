import type { AskWeights } from '../src/search/ask-model.js';

/** One line per list of numbers (a tree's lists, a weight vector): hundreds of trees stay a readable file. */
export function weightsText(weights: AskWeights): string {
  return JSON.stringify(weights, null, 1).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, '')}]`);
}
