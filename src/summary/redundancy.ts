import { dotDense, type Vectors } from './centrality.js';

/** Above this cosine two sentences say the same thing: the second is never taken. */
export const DUPLICATE = 0.5;
/** How much overlap with what is already chosen costs (maximal marginal relevance). */
export const OVERLAP_COST = 0.3;

/**
 * Picks up to `count` indexes greedily: each step takes the best score less a cost for
 * resembling a sentence already taken (MMR), skipping near-duplicates outright. Returns the
 * indexes in the order they were picked.
 */
export function selectDiverse(scores: readonly number[], { vectors, dims }: Vectors, count: number): number[] {
  const chosen: number[] = [];
  const taken = new Uint8Array(scores.length);
  const maxSim = new Float64Array(scores.length);
  const dense = new Float64Array(dims);
  while (chosen.length < count) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < scores.length; i++) {
      const sim = maxSim[i] ?? 0;
      if (taken[i] || sim > DUPLICATE) continue;
      const value = (scores[i] ?? 0) - OVERLAP_COST * sim;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    taken[best] = 1;
    const v = vectors[best];
    if (!v) continue;
    for (let k = 0; k < v.ids.length; k++) dense[v.ids[k] ?? 0] = v.weights[k] ?? 0;
    for (let i = 0; i < scores.length; i++) {
      const u = vectors[i];
      if (!taken[i] && u) maxSim[i] = Math.max(maxSim[i] ?? 0, dotDense(u, dense));
    }
    for (let k = 0; k < v.ids.length; k++) dense[v.ids[k] ?? 0] = 0;
  }
  return chosen;
}
