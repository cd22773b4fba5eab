import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
import { editDistance } from '../archive/suggest.js';
import type { Article } from '../archive/types.js';
import { terms } from '../text/tokenize.js';
import { buildPassages, DEFAULT_PASSAGE_SETTINGS, type Passage, type PassageSettings } from './passages.js';

/** Everything that changes what the index holds; a change invalidates a cached index. */
export interface IndexSettings {
  passages: PassageSettings;
  /** MiniSearch field boost of the article title over the passage text. */
  titleBoost: number;
  /** BM25 parameters used by MiniSearch and by the re-ranker. */
  bm25: { k: number; b: number; d: number };
  /**
   * A term found in more than this share of the passages, and in at least `commonMinDf` of them,
   * is "common". MiniSearch leaves common terms out (they are a third of all postings in a news
   * archive, yet rarely tell passages apart); they get compact postings of their own, used by
   * the re-ranker and by queries made only of common words.
   */
  commonShare: number;
  commonMinDf: number;
}

export const DEFAULT_INDEX_SETTINGS: IndexSettings = {
  passages: DEFAULT_PASSAGE_SETTINGS,
  titleBoost: 1.5,
  bm25: { k: 0.7, b: 0.6, d: 0 },
  commonShare: 0.01,
  commonMinDf: 1000,
};

/** A common term's passages (ascending) and its frequency in each (capped at 255). */
export interface Postings {
  ids: Uint32Array;
  tf: Uint8Array;
}

interface Doc {
  id: number;
}

/**
 * The passage index: MiniSearch for retrieval (with prefix and fuzzy expansion), plus each
 * passage's term ids in order, which the re-ranker needs for phrases, windows and exact BM25.
 */
export class PassageIndex {
  readonly vocab: Map<string, number>;
  /** Passages containing each term id. */
  readonly df: Uint32Array;
  readonly avgLength: number;

  private constructor(
    readonly articles: readonly Article[],
    readonly passages: readonly Passage[],
    readonly settings: IndexSettings,
    vocabList: readonly string[],
    /** Passage i's term ids are termIds[termStarts[i] .. termStarts[i+1]). */
    readonly termStarts: Uint32Array,
    readonly termIds: Uint32Array,
    /** Each article's title term ids. */
    readonly titleTerms: readonly Uint32Array[],
    readonly mini: MiniSearch<Doc>,
    df: Uint32Array,
  ) {
    this.vocab = new Map(vocabList.map((t, i) => [t, i]));
    this.df = df;
    this.avgLength = passages.length ? termIds.length / passages.length : 1;
    this.vocabList = vocabList;
    this.common = commonPostings(df, termStarts, termIds, commonMinimum(settings, passages.length));
  }

  readonly vocabList: readonly string[];
  /** Postings of the common terms, which MiniSearch does not hold. */
  readonly common: ReadonlyMap<number, Postings>;

  static build(articles: readonly Article[], settings: IndexSettings = DEFAULT_INDEX_SETTINGS): PassageIndex {
    const passages = buildPassages(articles, settings.passages);
    const vocab = new Map<string, number>();
    const vocabList: string[] = [];
    const idOf = (t: string): number => {
      let id = vocab.get(t);
      if (id === undefined) {
        id = vocabList.length;
        vocab.set(t, id);
        vocabList.push(t);
      }
      return id;
    };
    const titleTerms = articles.map((a) => Uint32Array.from(terms(a.title), idOf));
    const termStarts = new Uint32Array(passages.length + 1);
    const chunks: number[] = [];
    passages.forEach((p, i) => {
      termStarts[i] = chunks.length;
      const text = articles[p.article]?.paragraphs[p.paragraph - 1]?.slice(p.start, p.end) ?? '';
      for (const t of terms(text)) chunks.push(idOf(t));
    });
    termStarts[passages.length] = chunks.length;
    const termIds = Uint32Array.from(chunks);
    const df = documentFrequencies(vocabList.length, termStarts, termIds);
    const mini = new MiniSearch<Doc>(miniOptions(settings, vocabList, df, termStarts, termIds, titleTerms, passages));
    mini.addAll(passages.map((_, id) => ({ id })));
    return new PassageIndex(articles, passages, settings, vocabList, termStarts, termIds, titleTerms, mini, df);
  }

  /** Rebuilds from saved parts (the cache); `mini` is MiniSearch's own serialisation. */
  static restore(
    articles: readonly Article[],
    passages: readonly Passage[],
    settings: IndexSettings,
    vocabList: readonly string[],
    termStarts: Uint32Array,
    termIds: Uint32Array,
    titleTerms: readonly Uint32Array[],
    mini: AsPlainObject,
  ): PassageIndex {
    const df = documentFrequencies(vocabList.length, termStarts, termIds);
    const restored = MiniSearch.loadJS<Doc>(mini, miniOptions(settings, vocabList, df, termStarts, termIds, titleTerms, passages));
    return new PassageIndex(articles, passages, settings, vocabList, termStarts, termIds, titleTerms, restored, df);
  }

  /** The passages of one article, in order (they are contiguous). */
  articlePassages(article: number): number[] {
    if (!this.firstPassage) {
      this.firstPassage = new Int32Array(this.articles.length).fill(-1);
      for (let p = this.passages.length - 1; p >= 0; p--) this.firstPassage[this.passages[p]?.article ?? 0] = p;
    }
    const out: number[] = [];
    const first = this.firstPassage[article] ?? -1;
    for (let p = first; p >= 0 && p < this.passages.length && this.passages[p]?.article === article; p++) out.push(p);
    return out;
  }

  private firstPassage: Int32Array | undefined;

  passageTerms(p: number): Uint32Array {
    return this.termIds.subarray(this.termStarts[p] ?? 0, this.termStarts[p + 1] ?? 0);
  }

  passageText(p: number): string {
    const passage = this.passages[p];
    if (!passage) return '';
    return this.articles[passage.article]?.paragraphs[passage.paragraph - 1]?.slice(passage.start, passage.end) ?? '';
  }

  idf(termId: number): number {
    const n = this.passages.length;
    const df = this.df[termId] ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Common terms an unknown query word may have meant: those it is a prefix of (when the user
   * may still be typing it) or, for longer words, one edit away from.
   */
  expandCommon(word: string, asPrefix: boolean): string[] {
    const out: string[] = [];
    for (const t of this.common.keys()) {
      const term = this.vocabList[t] ?? '';
      if (asPrefix && word.length >= 3 && term.startsWith(word)) out.push(term);
      else if (word.length >= 5 && Math.abs(term.length - word.length) <= 1 && editDistance(term, word) <= 1) out.push(term);
    }
    return out;
  }

  isCommon(term: number): boolean {
    return this.common.has(term);
  }

  /**
   * Candidates for a query whose terms are all common: the passages holding the two rarest of
   * them (or the rarest alone when none hold both), best `k` by BM25 of the rarest term.
   * Typed-array work, bounded by the rarest term's postings.
   */
  commonCandidates(termIds: readonly number[], k: number, filter?: (passage: number) => boolean): number[] {
    const lists = termIds.map((t) => ({ t, post: this.common.get(t) })).filter((x): x is { t: number; post: Postings } => x.post !== undefined);
    lists.sort((a, b) => a.post.ids.length - b.post.ids.length);
    const first = lists[0];
    if (!first) return [];
    let ids: Uint32Array = first.post.ids;
    let tf: Uint8Array = first.post.tf;
    const second = lists[1];
    if (second) {
      const both = intersect(first.post, second.post.ids);
      if (both.ids.length > 0) ({ ids, tf } = both);
    }
    const { k: k1, b } = this.settings.bm25;
    const scores = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const p = ids[i] ?? 0;
      const len = (this.termStarts[p + 1] ?? 0) - (this.termStarts[p] ?? 0);
      const f = tf[i] ?? 1;
      scores[i] = filter && !filter(p) ? -1 : (f * (k1 + 1)) / (f + k1 * (1 - b + (b * len) / this.avgLength));
    }
    // The k-th best score by a numeric typed-array sort (no comparator calls), then one pass.
    const sorted = Float64Array.from(scores).sort();
    const threshold = Math.max(0, sorted[Math.max(0, sorted.length - k)] ?? 0);
    const out: number[] = [];
    for (let i = 0; i < ids.length && out.length < k; i++) if ((scores[i] ?? -1) > threshold) out.push(ids[i] ?? 0);
    for (let i = 0; i < ids.length && out.length < k; i++) if (scores[i] === threshold) out.push(ids[i] ?? 0);
    return out;
  }

  /** Runs MiniSearch over already-processed terms; returns its results (best first). */
  retrieve(
    queryTerms: readonly string[],
    opts: { prefixLast: boolean; fuzzy: (term: string) => boolean; filter?: (passage: number) => boolean },
  ): SearchResult[] {
    if (queryTerms.length === 0) return [];
    const filter = opts.filter;
    return this.mini.search(queryTerms.join(' '), {
      tokenize: splitSpace,
      processTerm: identity,
      prefix: (term, i, all) => opts.prefixLast && i === all.length - 1 && term.length >= 3,
      fuzzy: (term) => (opts.fuzzy(term) ? (term.length >= 8 ? 2 : 1) : false),
      maxFuzzy: 2,
      weights: { prefix: 0.6, fuzzy: 0.45 },
      combineWith: 'OR',
      boost: { title: this.settings.titleBoost },
      bm25: this.settings.bm25,
      ...(filter ? { filter: (r: SearchResult) => filter(r.id as number) } : {}),
    });
  }

  /** MiniSearch's serialisable form, for the cache. */
  miniPlain(): AsPlainObject {
    return this.mini.toJSON();
  }
}

const splitSpace = (s: string): string[] => s.split(' ');
const identity = (t: string): string => t;

function commonMinimum(settings: IndexSettings, passages: number): number {
  return Math.max(settings.commonMinDf, Math.ceil(settings.commonShare * passages));
}

function documentFrequencies(vocabSize: number, termStarts: Uint32Array, termIds: Uint32Array): Uint32Array {
  const df = new Uint32Array(vocabSize);
  const seen = new Int32Array(vocabSize).fill(-1);
  for (let p = 0; p + 1 < termStarts.length; p++) {
    for (let k = termStarts[p] ?? 0; k < (termStarts[p + 1] ?? 0); k++) {
      const t = termIds[k] ?? 0;
      if (seen[t] !== p) {
        seen[t] = p;
        df[t] = (df[t] ?? 0) + 1;
      }
    }
  }
  return df;
}

function commonPostings(df: Uint32Array, termStarts: Uint32Array, termIds: Uint32Array, minimum: number): Map<number, Postings> {
  const out = new Map<number, Postings>();
  const fill = new Map<number, number>();
  df.forEach((n, t) => {
    if (n > minimum) {
      out.set(t, { ids: new Uint32Array(n), tf: new Uint8Array(n) });
      fill.set(t, 0);
    }
  });
  if (out.size === 0) return out;
  for (let p = 0; p + 1 < termStarts.length; p++) {
    for (let k = termStarts[p] ?? 0; k < (termStarts[p + 1] ?? 0); k++) {
      const t = termIds[k] ?? 0;
      const post = out.get(t);
      if (!post) continue;
      const at = fill.get(t) ?? 0;
      if (at > 0 && post.ids[at - 1] === p) {
        post.tf[at - 1] = Math.min(255, (post.tf[at - 1] ?? 0) + 1);
      } else {
        post.ids[at] = p;
        post.tf[at] = 1;
        fill.set(t, at + 1);
      }
    }
  }
  return out;
}

/** The entries of `a` whose passage is also in `b` (both ascending), with a's frequencies. */
function intersect(a: Postings, b: Uint32Array): Postings {
  const ids: number[] = [];
  const tf: number[] = [];
  for (let i = 0, j = 0; i < a.ids.length && j < b.length; ) {
    const x = a.ids[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      ids.push(x);
      tf.push(a.tf[i] ?? 1);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { ids: Uint32Array.from(ids), tf: Uint8Array.from(tf) };
}

function miniOptions(
  settings: IndexSettings,
  vocabList: readonly string[],
  df: Uint32Array,
  termStarts: Uint32Array,
  termIds: Uint32Array,
  titleTerms: readonly Uint32Array[],
  passages: readonly Passage[],
) {
  const minimum = commonMinimum(settings, passages.length);
  const spell = (ids: Uint32Array): string[] => {
    const out: string[] = [];
    for (const t of ids) if ((df[t] ?? 0) <= minimum) out.push(vocabList[t] ?? '');
    return out;
  };
  return {
    fields: ['title', 'text'],
    // Terms come from our own tokenizer (stemming, stop words, acronyms), once, at build. A
    // field's "value" is just `passage:field`; the tokenizer looks the terms up, so MiniSearch
    // neither re-tokenizes nor allocates a joined string per passage.
    extractField: (doc: Doc, field: string): string | number => (field === 'id' ? doc.id : `${doc.id}:${field}`),
    tokenize: (value: string, field?: string): string[] => {
      if (field === undefined) return value.split(' ');
      const id = Number.parseInt(value, 10);
      const passage = passages[id];
      if (!passage) return [];
      if (field === 'text') return spell(termIds.subarray(termStarts[id] ?? 0, termStarts[id + 1] ?? 0));
      // The title is indexed once per article, on its first passage: the title boost finds the
      // article, and the re-ranker credits title matches to all of its passages.
      const first = id === 0 || passages[id - 1]?.article !== passage.article;
      return first ? spell(titleTerms[passage.article] ?? new Uint32Array()) : [];
    },
    processTerm: (t: string) => t || null,
    searchOptions: { bm25: settings.bm25 },
  };
}
