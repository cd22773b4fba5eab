/** A sentence as a sparse term vector of unit length. */
export type Vector = Map<string, number>;

/**
 * Unit-length term vectors, weighted by how rare a term is among the article's own
 * sentences (a term in every sentence says little about any one of them). Sublinear term
 * counts keep a repeated word from swamping a sentence.
 */
export function sentenceVectors(sentences: readonly (readonly string[])[]): Vector[] {
  const df = new Map<string, number>();
  for (const ts of sentences) for (const t of new Set(ts)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = sentences.length;
  return sentences.map((ts) => {
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (1 + Math.log(c)) * Math.log(1 + n / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x !== undefined) dot += w * x;
  }
  return dot;
}

/**
 * How much each sentence shares with the rest of the article: the sum of its cosine
 * similarities to every other sentence (continuous LexRank's degree), scaled to [0, 1].
 * With unit vectors that sum is one dot product with the sum of all vectors, so the cost
 * grows linearly with the article, not with the square of its sentence count.
 */
export function centrality(vectors: readonly Vector[]): number[] {
  const sum: Vector = new Map();
  for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  // Subtracting the sentence's own 1 leaves rounding noise (1e-16) for a sentence that shares
  // nothing; scaled by the max, that noise would read as "most central".
  const raw = vectors.map((v) => {
    const shared = v.size === 0 ? 0 : cosine(v, sum) - 1;
    return shared > 1e-9 ? shared : 0;
  });
  const max = raw.reduce((m, x) => Math.max(m, x), 0);
  return max > 0 ? raw.map((x) => x / max) : raw.map(() => 0);
}
