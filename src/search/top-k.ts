/**
 * The best `limit` documents offered, by score and then the lower key (MiniSearch's order among
 * equal scores): a min-heap whose root is the one to drop. `keep` is asked only of a document
 * that would enter.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly keys: Float64Array;
  private readonly docs: Uint32Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.scores = new Float64Array(limit);
    this.keys = new Float64Array(limit);
    this.docs = new Uint32Array(limit);
  }

  private worse(i: number, j: number): boolean {
    const a = this.scores[i] ?? 0;
    const b = this.scores[j] ?? 0;
    return a < b || (a === b && (this.keys[i] ?? 0) > (this.keys[j] ?? 0));
  }

  private swap(i: number, j: number): void {
    const { scores, keys, docs } = this;
    const score = scores[i] ?? 0;
    scores[i] = scores[j] ?? 0;
    scores[j] = score;
    const key = keys[i] ?? 0;
    keys[i] = keys[j] ?? 0;
    keys[j] = key;
    const doc = docs[i] ?? 0;
    docs[i] = docs[j] ?? 0;
    docs[j] = doc;
  }

  offer(score: number, key: number, doc: number, keep: ((doc: number) => boolean) | undefined): void {
    if (this.size === this.limit) {
      const root = this.scores[0] ?? 0;
      if (!(score > root || (score === root && key < (this.keys[0] ?? 0)))) return;
    }
    if (keep && !keep(doc)) return;
    let i: number;
    if (this.size < this.limit) {
      i = this.size++;
      this.scores[i] = score;
      this.keys[i] = key;
      this.docs[i] = doc;
      while (i > 0 && this.worse(i, (i - 1) >> 1)) {
        this.swap(i, (i - 1) >> 1);
        i = (i - 1) >> 1;
      }
      return;
    }
    this.scores[0] = score;
    this.keys[0] = key;
    this.docs[0] = doc;
    for (i = 0; ; ) {
      const l = 2 * i + 1;
      let w = i;
      if (l < this.size && this.worse(l, w)) w = l;
      if (l + 1 < this.size && this.worse(l + 1, w)) w = l + 1;
      if (w === i) return;
      this.swap(i, w);
      i = w;
    }
  }

  /** The lowest score kept (the one the next better offer displaces); 0 when nothing is kept. */
  floor(): number {
    return this.size === 0 ? 0 : (this.scores[0] ?? 0);
  }

  /** What was kept, in no particular order. */
  kept(): Array<{ doc: number; score: number }> {
    return Array.from({ length: this.size }, (_, i) => ({ doc: this.docs[i] ?? 0, score: this.scores[i] ?? 0 }));
  }

  /** What was kept, best first. */
  best(): Array<{ doc: number; score: number }> {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((x, y) => (this.scores[y] ?? 0) - (this.scores[x] ?? 0) || (this.keys[x] ?? 0) - (this.keys[y] ?? 0));
    return order.map((i) => ({ doc: this.docs[i] ?? 0, score: this.scores[i] ?? 0 }));
  }
}
