import { cosine, type Vector } from './centrality.js';

/** Above this cosine two sentences say the same thing: the second is never taken. */
export const DUPLICATE = 0.5;
/** How much overlap with what is already chosen costs (maximal marginal relevance). */
export const OVERLAP_COST = 0.3;

/**
 * Picks up to `count` indexes greedily: each step takes the best score less a cost for
 * resembling a sentence already taken (MMR), skipping near-duplicates outright. Returns the
 * indexes in the order they were picked.
 */
export function selectDiverse(scores: readonly number[], vectors: readonly Vector[], count: number): number[] {
  const chosen: number[] = [];
  const taken = new Set<number>();
  const maxSim = scores.map(() => 0);
  while (chosen.length < count) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < scores.length; i++) {
      if (taken.has(i) || (maxSim[i] ?? 0) > DUPLICATE) continue;
      const value = (scores[i] ?? 0) - OVERLAP_COST * (maxSim[i] ?? 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    taken.add(best);
    const v = vectors[best];
    if (v) for (let i = 0; i < scores.length; i++) {
      if (!taken.has(i)) maxSim[i] = Math.max(maxSim[i] ?? 0, cosine(v, vectors[i] ?? new Map()));
    }
  }
  return chosen;
}
