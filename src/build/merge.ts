import type { Article, ArchiveWarning } from '../archive/types.js';
import type { Quote } from '../quotes/store.js';
import type { IndexParts } from '../search/index.js';
import type { ChunkResult } from './chunk.js';
import type { ChunkQuotes } from './quote-chunk.js';

/**
 * Puts chunk results together in archive order, into what `PassageIndex.build` and
 * `QuoteStore.build` would have made: article numbers, passages and term ids (numbered in order
 * of first use: each article's title, then its passages) all come out the same. A chunk's own
 * term ids are turned into the archive's in place, one vocabulary lookup per distinct term.
 */
export class BuildMerger {
  readonly parts: IndexParts = { articles: [], passages: [], vocabList: [], passageTerms: [], titleTerms: [] };
  readonly warnings: ArchiveWarning[] = [];
  readonly quotes: Quote[] = [];
  private readonly vocab = new Map<string, number>();
  /** Per thread that did chunks: its terms in its numbering, and their ids in the archive's (-1: none yet). */
  private readonly threads = new Map<number, { terms: string[]; toGlobal: Int32Array }>();
  /** Per merged chunk (by seq): the number of its first article and how many it has. */
  private readonly spans: Array<{ first: number; count: number }> = [];

  get articles(): Article[] {
    return this.parts.articles;
  }

  /**
   * Appends the next chunk (chunks come in archive order), done by thread `thread`. A thread
   * does its chunks in archive order too, so the terms a chunk uses were sent with it or before.
   */
  add(r: ChunkResult, thread: number): void {
    const { parts } = this;
    let known = this.threads.get(thread);
    if (!known) this.threads.set(thread, (known = { terms: [], toGlobal: new Int32Array(1024).fill(-1) }));
    if (r.firstNew !== known.terms.length) throw new Error(`build: chunk ${r.seq} skips terms of thread ${thread}`);
    for (const t of r.newTerms) known.terms.push(t);
    if (known.toGlobal.length < known.terms.length) {
      const grown = new Int32Array(Math.max(known.terms.length, 2 * known.toGlobal.length)).fill(-1);
      grown.set(known.toGlobal);
      known.toGlobal = grown;
    }
    const { terms, toGlobal } = known;
    const ids = r.ids;
    let at = 0;
    // Turns the next n ids into the archive's, assigning new ids in order of first use.
    const translate = (n: number): Uint32Array => {
      const from = at;
      for (const end = at + n; at < end; at++) {
        const l = ids[at] ?? 0;
        let g = toGlobal[l] ?? -1;
        if (g === -1) {
          const term = terms[l] ?? '';
          g = this.vocab.get(term) ?? -1;
          if (g === -1) {
            g = parts.vocabList.length;
            this.vocab.set(term, g);
            parts.vocabList.push(term);
          }
          toGlobal[l] = g;
        }
        ids[at] = g;
      }
      return ids.subarray(from, at);
    };
    const first = parts.articles.length;
    let p = 0;
    r.articles.forEach((article, k) => {
      const n = parts.articles.length;
      parts.articles.push(article);
      parts.titleTerms.push(translate(r.shape[2 * k] ?? 0));
      const count = r.shape[2 * k + 1] ?? 0;
      for (let j = 0; j < count; j++, p++) {
        const w = r.passages;
        parts.passages.push({ article: n, paragraph: w[4 * p] ?? 0, start: w[4 * p + 1] ?? 0, end: w[4 * p + 2] ?? 0 });
        parts.passageTerms.push(translate(w[4 * p + 3] ?? 0));
      }
    });
    if (at !== ids.length || p * 4 !== r.passages.length) throw new Error(`build: chunk ${r.seq} does not add up`);
    this.spans[r.seq] = { first, count: r.articles.length };
    this.addQuotes(r.seq, r);
    for (const w of r.warnings) this.warnings.push(w);
  }

  /** How many articles merged chunk `seq` holds (no copy: the main thread asks once per chunk). */
  chunkSize(seq: number): number {
    const span = this.spans[seq];
    if (!span) throw new Error(`build: chunk ${seq} is not merged`);
    return span.count;
  }

  /** The articles of merged chunk `seq`. */
  chunkArticles(seq: number): Article[] {
    const span = this.spans[seq];
    if (!span) throw new Error(`build: chunk ${seq} is not merged`);
    return this.parts.articles.slice(span.first, span.first + span.count);
  }

  /**
   * Appends the quotes of merged chunk `seq` (article numbers in `quoteNums` count from the
   * chunk's first). The caller keeps archive order: the quotes of every chunk before it first.
   */
  addQuotes(seq: number, found: ChunkQuotes): void {
    const span = this.spans[seq];
    if (!span) throw new Error(`build: quotes of chunk ${seq}, which is not merged`);
    const q = found.quoteNums;
    for (let i = 0; 5 * i < q.length; i++) {
      const k = q[5 * i] ?? 0;
      const article = k < span.count ? this.parts.articles[span.first + k] : undefined;
      if (!article) throw new Error(`build: a quote of chunk ${seq} points to no article`);
      this.quotes.push({
        article: article.id,
        date: article.date,
        paragraph: q[5 * i + 1] ?? 0,
        text: found.quoteText[i] ?? '',
        speaker: found.quoteSpeaker[i] ?? null,
        role: found.quoteRole[i] ?? null,
        kind: q[5 * i + 4] === 0 ? 'direct' : 'partial',
        start: q[5 * i + 2] ?? 0,
        end: q[5 * i + 3] ?? 0,
      });
    }
  }
}
