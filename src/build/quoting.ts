// Finding the quotes of a build's merged chunks, in archive order: by quote workers while the main
// thread merges and indexes, or by the main thread itself a few articles at a time (no quote
// workers, or after they failed: what they did not answer is done here, so nothing is lost). Once
// every chunk is merged, this thread would idle while the quote workers clear their queues: it then
// takes the chunks not yet sent from the tail, highest first, while the workers take from the front.

import type { Logger } from '../log.js';
import { QuoteRows, quoteTask, type ChunkQuotes, type QuoteResult, type QuoteTask } from './quote-chunk.js';
import type { BuildMerger } from './merge.js';
import type { BuildPool, Wait } from './pool.js';

export type QuotePool = BuildPool<QuoteTask, QuoteResult>;

/** The chunk this thread is finding quotes in, and how far it got. */
interface Here {
  seq: number;
  rows: QuoteRows;
  articles: ReturnType<BuildMerger['chunkArticles']>;
  k: number;
}

export class ChunkQuoting {
  /** Chunks merged, so their quotes can be found (seq 0 … merged − 1). */
  private merged = 0;
  /** Chunks handed to the quote workers (seq 0 … sent − 1), while they work. */
  private sent = 0;
  /** The lowest chunk this thread took from the tail (it has every chunk from there up): never sent. */
  private takenFrom = Infinity;
  /** Every chunk is merged: this thread may take chunks from the tail. */
  private mergingOver = false;
  /** Too few chunks were left unsent when merging ended: this thread takes none of them. */
  private tailDeclined = false;
  /** Chunks whose quotes this thread found. */
  chunksHere = 0;
  /** Chunks whose quotes a quote worker found. */
  chunksAway = 0;
  /** Answers not yet appended, by seq. */
  private readonly ready = new Map<number, ChunkQuotes>();
  /** Chunks whose quotes are in the merger (seq 0 … appended − 1). */
  private appended = 0;
  /** Next chunk this thread may take, and the one it is in. */
  private nextHere = 0;
  private here: Here | undefined;
  /** Articles whose quotes are in the merger. */
  articlesDone = 0;

  /**
   * `tailMin`: the fewest chunks left unsent when merging ends for this thread to take any from
   * the tail. Its first quotes cost it a cold start (name lists, JIT) that a short backlog does
   * not repay (BBC on 2 loaded cores: +0.4 s main-thread CPU for 5 chunks of 20, wall +10%).
   */
  constructor(
    private readonly merger: BuildMerger,
    private pool: QuotePool | undefined,
    private readonly log: Logger,
    private readonly tailMin = 1,
  ) {}

  /** Quote workers at work (false: none started, or they failed). */
  get workers(): boolean {
    return this.pool !== undefined;
  }

  /** The next merged chunk (chunks are merged in archive order). */
  chunkMerged(): void {
    this.merged++;
  }

  /** Every chunk is merged (the reading is over): from now on this thread may take the last chunks not yet sent. */
  mergingDone(): void {
    this.mergingOver = true;
  }

  /** True when every merged chunk's quotes are in the merger. */
  get complete(): boolean {
    return this.appended === this.merged;
  }

  /** Hands merged chunks to the quote workers, takes their answers, and appends what is in order. */
  pump(): void {
    const pool = this.pool;
    if (pool) {
      for (const { result } of pool.receive()) {
        this.ready.set(result.seq, result);
        this.chunksAway++;
      }
      if (pool.failure) {
        this.log.warn({ reason: pool.failure }, `quote workers failed (${pool.failure}); finding the rest of the quotes in this thread`);
        this.close();
        // This thread takes every chunk that has no answer, from the first on.
        this.nextHere = this.appended;
      } else {
        // A task is made only when a worker has room: making one (a join of the chunk's text) to see it refused costs.
        while (this.sent < Math.min(this.merged, this.takenFrom) && pool.hasRoom) {
          const t = quoteTask(this.sent, this.merger.chunkArticles(this.sent));
          if (!pool.post(t, [t.shape.buffer as ArrayBuffer])) break;
          this.sent++;
        }
      }
    }
    this.append();
  }

  /**
   * Finds quotes of up to `n` articles in this thread, in chunks the quote workers do not have;
   * false when there is none to do now.
   */
  findHere(n: number): boolean {
    let left = n;
    while (left > 0) {
      if (!this.here) {
        const seq = this.pool ? this.tailChunk() : this.firstUnanswered();
        if (seq === undefined) return left < n;
        this.here = { seq, rows: new QuoteRows(), articles: this.merger.chunkArticles(seq), k: 0 };
        this.chunksHere++;
      }
      const h = this.here;
      for (; left > 0 && h.k < h.articles.length; left--, h.k++) {
        const article = h.articles[h.k];
        if (article) h.rows.add(h.k, article);
      }
      if (h.k >= h.articles.length) {
        this.ready.set(h.seq, h.rows.done());
        this.here = undefined;
        // A tail chunk finished after the quote workers failed is not the one `nextHere` points at.
        if (h.seq === this.nextHere) this.nextHere++;
        this.append();
      }
    }
    return true;
  }

  /** Without quote workers: the first merged chunk with no answer, from `nextHere` on. */
  private firstUnanswered(): number | undefined {
    while (this.nextHere < this.merged && (this.ready.has(this.nextHere) || this.nextHere < this.appended)) this.nextHere++;
    return this.nextHere < this.merged ? this.nextHere : undefined;
  }

  /**
   * With quote workers, once merging is over: the highest chunk not sent to them and not answered,
   * taken (`pump` then sends only below it). While merging goes on, every chunk is theirs.
   */
  private tailChunk(): number | undefined {
    if (!this.mergingOver || this.tailDeclined) return undefined;
    if (this.takenFrom === Infinity && this.merged - this.sent < this.tailMin) {
      // Too few to repay this thread's cold start: the quote workers take them all.
      this.tailDeclined = true;
      return undefined;
    }
    const seq = Math.min(this.merged, this.takenFrom) - 1;
    if (seq < this.sent || seq < this.appended || this.ready.has(seq)) return undefined;
    this.takenFrom = seq;
    return seq;
  }

  /** The quote workers' answer count now (0 without workers): read before `pump`, then wait while it holds. */
  seen(): number {
    return this.pool ? Atomics.load(this.pool.signal, 0) : 0;
  }

  /** What to wait on for the quote workers' next answer (undefined: none at work). */
  waitFor(seen: number): Wait | undefined {
    return this.pool && this.pool.pending > 0 ? { signal: this.pool.signal, seen, timeoutMs: this.pool.waitMs } : undefined;
  }

  close(): void {
    this.pool?.close();
    this.pool = undefined;
  }

  private append(): void {
    for (let q = this.ready.get(this.appended); q; q = this.ready.get(this.appended)) {
      this.ready.delete(this.appended);
      this.merger.addQuotes(this.appended, q);
      this.articlesDone += this.merger.chunkSize(this.appended);
      this.appended++;
    }
  }
}
