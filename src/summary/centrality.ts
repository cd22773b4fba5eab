/**
 * A sentence as a sparse term vector of unit length: term ids ascending, with their weights.
 * Ids are local to one article (see `sentenceVectors`), so a dense scratch array of `dims`
 * numbers can stand for any one vector when many dot products with it are needed.
 */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface Vectors {
  vectors: Vector[];
  /** How many distinct terms the article has: ids run from 0 to dims - 1. */
  dims: number;
}

/**
 * Unit-length term vectors, weighted by how rare a term is among the article's own
 * sentences (a term in every sentence says little about any one of them). Sublinear term
 * counts keep a repeated word from swamping a sentence.
 */
export function sentenceVectors(sentences: readonly (readonly string[])[]): Vectors {
  const vocab = new Map<string, number>();
  const idLists = sentences.map((ts) =>
    ts.map((t) => {
      let id = vocab.get(t);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(t, id);
      }
      return id;
    }),
  );
  const dims = vocab.size;
  const df = new Int32Array(dims);
  const seen = new Int32Array(dims).fill(-1);
  idLists.forEach((ids, s) => {
    for (const id of ids) {
      if (seen[id] !== s) {
        seen[id] = s;
        df[id] = (df[id] ?? 0) + 1;
      }
    }
  });
  const n = sentences.length;
  const counts = new Int32Array(dims);
  const vectors = idLists.map((list) => {
    const distinct: number[] = [];
    for (const id of list) if ((counts[id] = (counts[id] ?? 0) + 1) === 1) distinct.push(id);
    distinct.sort((a, b) => a - b);
    const ids = Int32Array.from(distinct);
    const weights = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((id, k) => {
      const w = (1 + Math.log(counts[id] ?? 1)) * Math.log(1 + n / (df[id] ?? 1));
      weights[k] = w;
      norm += w * w;
      counts[id] = 0;
    });
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] ?? 0) / norm;
    return { ids, weights };
  });
  return { vectors, dims };
}

/** Cosine of two unit vectors: a merge of their sorted ids. */
export function cosine(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) dot += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** The dot product of a vector with a dense array indexed by term id. */
export function dotDense(v: Vector, dense: Float64Array): number {
  let dot = 0;
  for (let k = 0; k < v.ids.length; k++) dot += (v.weights[k] ?? 0) * (dense[v.ids[k] ?? 0] ?? 0);
  return dot;
}

/**
 * How much each sentence shares with the rest of the article: the sum of its cosine
 * similarities to every other sentence (continuous LexRank's degree), scaled to [0, 1].
 * With unit vectors that sum is one dot product with the sum of all vectors, so the cost
 * grows linearly with the article, not with the square of its sentence count.
 */
export function centrality({ vectors, dims }: Vectors): number[] {
  const sum = new Float64Array(dims);
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) sum[v.ids[k] ?? 0] = (sum[v.ids[k] ?? 0] ?? 0) + (v.weights[k] ?? 0);
  // Subtracting the sentence's own 1 leaves rounding noise (1e-16) for a sentence that shares
  // nothing; scaled by the max, that noise would read as "most central".
  const raw = vectors.map((v) => {
    const shared = v.ids.length === 0 ? 0 : dotDense(v, sum) - 1;
    return shared > 1e-9 ? shared : 0;
  });
  const max = raw.reduce((m, x) => Math.max(m, x), 0);
  return max > 0 ? raw.map((x) => x / max) : raw.map(() => 0);
}
