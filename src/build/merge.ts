import type { Article, ArchiveWarning } from '../archive/types.js';
import type { Quote } from '../quotes/store.js';
import type { IndexParts } from '../search/index.js';
import type { ChunkResult } from './chunk.js';

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

  get articles(): Article[] {
    return this.parts.articles;
  }

  /** Appends the next chunk (chunks must come in archive order). */
  add(r: ChunkResult): void {
    const { parts } = this;
    const toGlobal = new Int32Array(r.vocab.length).fill(-1);
    const ids = r.ids;
    let at = 0;
    // Turns the next n ids into the archive's, assigning new ids in order of first use.
    const translate = (n: number): Uint32Array => {
      const from = at;
      for (const end = at + n; at < end; at++) {
        const l = ids[at] ?? 0;
        let g = toGlobal[l] ?? -1;
        if (g === -1) {
          const term = r.vocab[l] ?? '';
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
    const q = r.quoteNums;
    for (let i = 0; 5 * i < q.length; i++) {
      const article = parts.articles[first + (q[5 * i] ?? 0)];
      if (!article) throw new Error(`build: a quote of chunk ${r.seq} points to no article`);
      this.quotes.push({
        article: article.id,
        date: article.date,
        paragraph: q[5 * i + 1] ?? 0,
        text: r.quoteText[i] ?? '',
        speaker: r.quoteSpeaker[i] ?? null,
        role: r.quoteRole[i] ?? null,
        kind: q[5 * i + 4] === 0 ? 'direct' : 'partial',
        start: q[5 * i + 2] ?? 0,
        end: q[5 * i + 3] ?? 0,
      });
    }
    for (const w of r.warnings) this.warnings.push(w);
  }
}
