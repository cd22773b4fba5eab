import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
import { distance } from 'fastest-levenshtein';
import type { Article } from '../archive/types.js';
import { terms } from '../text/tokenize.js';
import { articlePassages, DEFAULT_PASSAGE_SETTINGS, type Passage, type PassageSettings } from './passages.js';

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

/** Postings that grow at the end (new passages always have the highest numbers). */
class GrowingPostings {
  private idBuf: Uint32Array;
  private tfBuf: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.idBuf = new Uint32Array(Math.max(4, capacity));
    this.tfBuf = new Uint8Array(Math.max(4, capacity));
  }

  /** Counts one occurrence of the term in passage `p` (p never below the last one). */
  add(p: number): void {
    if (this.length > 0 && this.idBuf[this.length - 1] === p) {
      this.tfBuf[this.length - 1] = Math.min(255, (this.tfBuf[this.length - 1] ?? 0) + 1);
      return;
    }
    if (this.length === this.idBuf.length) {
      const ids = new Uint32Array(this.idBuf.length * 2);
      ids.set(this.idBuf);
      const tf = new Uint8Array(this.tfBuf.length * 2);
      tf.set(this.tfBuf);
      this.idBuf = ids;
      this.tfBuf = tf;
    }
    this.idBuf[this.length] = p;
    this.tfBuf[this.length] = 1;
    this.length++;
  }

  view(): Postings {
    return { ids: this.idBuf.subarray(0, this.length), tf: this.tfBuf.subarray(0, this.length) };
  }
}

interface Doc {
  id: number;
}

/** The parts an index is made of, as the cache stores them. */
export interface IndexParts {
  articles: Article[];
  passages: Passage[];
  vocabList: string[];
  /** Each passage's term ids, in text order. */
  passageTerms: Uint32Array[];
  /** Each article's title term ids. */
  titleTerms: Uint32Array[];
  /** Term ids MiniSearch leaves out (fixed when the index was first built). */
  commonTerms: number[];
  /** Passages and articles removed since the index was built (their numbers are not reused). */
  removedPassages: number[];
  removedArticles: number[];
}

/**
 * The passage index: MiniSearch for retrieval (with prefix and fuzzy expansion), plus each
 * passage's term ids in order, which the re-ranker needs for phrases, windows and exact BM25.
 * It changes in place as articles come and go (MiniSearch `add`/`discard`); passage and article
 * numbers are never reused, removed ones are tombstones.
 */
export class PassageIndex {
  readonly articles: Article[];
  readonly passages: Passage[];
  readonly vocabList: string[];
  readonly vocab: Map<string, number>;
  readonly titleTerms: Uint32Array[];
  readonly removedPassages: Set<number>;
  readonly removedArticles: Set<number>;
  /** Postings of the common terms, which MiniSearch does not hold. */
  private readonly commonPostings = new Map<number, GrowingPostings>();
  private readonly passageTermList: Uint32Array[];
  private dfBuf: Uint32Array;
  private totalLength = 0;
  private alive = 0;
  private passagesByArticle: number[][] = [];
  private lastSeen = new Int32Array(0);

  private constructor(
    parts: IndexParts,
    readonly settings: IndexSettings,
    mini: AsPlainObject | undefined,
    addNow = true,
  ) {
    this.articles = parts.articles;
    this.passages = parts.passages;
    this.vocabList = parts.vocabList;
    this.vocab = new Map(parts.vocabList.map((t, i) => [t, i]));
    this.passageTermList = parts.passageTerms;
    this.titleTerms = parts.titleTerms;
    this.removedPassages = new Set(parts.removedPassages);
    this.removedArticles = new Set(parts.removedArticles);
    this.dfBuf = new Uint32Array(Math.max(16, this.vocabList.length));
    for (const t of parts.commonTerms) this.commonPostings.set(t, new GrowingPostings(1024));
    this.passages.forEach((passage, p) => {
      (this.passagesByArticle[passage.article] ??= []).push(p);
      if (!this.removedPassages.has(p)) this.count(p, +1);
    });
    const options = miniOptions(this);
    this.mini = mini ? MiniSearch.loadJS<Doc>(mini, options) : new MiniSearch<Doc>(options);
    if (!mini && addNow) this.mini.addAll(this.aliveDocs());
  }

  private aliveDocs(): Doc[] {
    return this.passages.map((_, id) => ({ id })).filter(({ id }) => !this.removedPassages.has(id));
  }

  readonly mini: MiniSearch<Doc>;

  static build(articles: readonly Article[], settings: IndexSettings = DEFAULT_INDEX_SETTINGS, progress?: (done: number, total: number) => void): PassageIndex {
    const parts = emptyParts();
    const vocab = new Map<string, number>();
    const idOf = (t: string): number => termId(vocab, parts.vocabList, t);
    for (const [i, a] of articles.entries()) {
      if (progress && i % 250 === 0) progress(i, articles.length);
      appendArticle(parts, a, settings, idOf);
    }
    progress?.(articles.length, articles.length);
    return new PassageIndex(withCommonTerms(parts, settings), settings, undefined);
  }

  /** The same index as `build`, made in slices that let other work run in between. */
  static async buildAsync(articles: readonly Article[], settings: IndexSettings = DEFAULT_INDEX_SETTINGS): Promise<PassageIndex> {
    const parts = emptyParts();
    const vocab = new Map<string, number>();
    const idOf = (t: string): number => termId(vocab, parts.vocabList, t);
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i];
      if (a) appendArticle(parts, a, settings, idOf);
      if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    }
    const index = new PassageIndex(withCommonTerms(parts, settings), settings, undefined, false);
    await index.mini.addAllAsync(index.aliveDocs(), { chunkSize: 500 });
    return index;
  }

  /** Back from saved parts (the cache); `mini` is MiniSearch's own serialisation. */
  static restore(parts: IndexParts, settings: IndexSettings, mini: AsPlainObject): PassageIndex {
    if (parts.passageTerms.length !== parts.passages.length) throw new Error('index: term lists do not match the passages');
    if (parts.titleTerms.length !== parts.articles.length) throw new Error('index: title terms do not match the articles');
    return new PassageIndex(parts, settings, mini);
  }

  /** The saved form (see `restore`). */
  parts(): { parts: IndexParts; mini: AsPlainObject } {
    return {
      parts: {
        articles: this.articles,
        passages: this.passages,
        vocabList: this.vocabList,
        passageTerms: this.passageTermList,
        titleTerms: this.titleTerms,
        commonTerms: [...this.commonPostings.keys()],
        removedPassages: [...this.removedPassages],
        removedArticles: [...this.removedArticles],
      },
      mini: this.mini.toJSON(),
    };
  }

  /** Adds an article; returns its number. Its passages are searchable at once. */
  addArticle(article: Article): number {
    const firstPassage = this.passages.length;
    const parts = { articles: this.articles, passages: this.passages, vocabList: this.vocabList, passageTerms: this.passageTermList, titleTerms: this.titleTerms };
    const index = appendArticle(parts, article, this.settings, (t) => termId(this.vocab, this.vocabList, t));
    if (this.dfBuf.length < this.vocabList.length) {
      const grown = new Uint32Array(Math.max(this.vocabList.length, this.dfBuf.length * 2));
      grown.set(this.dfBuf);
      this.dfBuf = grown;
    }
    const added: Doc[] = [];
    for (let p = firstPassage; p < this.passages.length; p++) {
      (this.passagesByArticle[index] ??= []).push(p);
      this.count(p, +1);
      added.push({ id: p });
    }
    this.mini.addAll(added);
    return index;
  }

  /** Removes an article: its passages leave MiniSearch and every count. */
  removeArticle(index: number): void {
    if (this.removedArticles.has(index) || !this.articles[index]) return;
    this.removedArticles.add(index);
    for (const p of this.passagesByArticle[index] ?? []) {
      if (this.removedPassages.has(p)) continue;
      this.removedPassages.add(p);
      this.count(p, -1);
      this.mini.discard(p);
    }
  }

  isRemoved(p: number): boolean {
    return this.removedPassages.has(p);
  }

  /** Passages containing each term id. */
  get df(): Uint32Array {
    return this.dfBuf;
  }

  /** Passages that are searchable (not removed). */
  get size(): number {
    return this.alive;
  }

  get avgLength(): number {
    return this.alive ? this.totalLength / this.alive : 1;
  }

  get common(): ReadonlyMap<number, unknown> {
    return this.commonPostings;
  }

  /** A common term's postings (removed passages included: check `isRemoved`), or undefined. */
  commonPostingsOf(term: number): Postings | undefined {
    return this.commonPostings.get(term)?.view();
  }

  /** The passages of one article, in order. */
  articlePassages(article: number): number[] {
    return this.removedArticles.has(article) ? [] : (this.passagesByArticle[article] ?? []);
  }

  passageTerms(p: number): Uint32Array {
    return this.passageTermList[p] ?? EMPTY;
  }

  passageText(p: number): string {
    const passage = this.passages[p];
    if (!passage) return '';
    return this.articles[passage.article]?.paragraphs[passage.paragraph - 1]?.slice(passage.start, passage.end) ?? '';
  }

  idf(termId: number): number {
    const n = this.alive;
    const df = this.dfBuf[termId] ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Common terms an unknown query word may have meant: those it is a prefix of (when the user
   * may still be typing it) or, for longer words, one edit away from.
   */
  expandCommon(word: string, asPrefix: boolean): string[] {
    const out: string[] = [];
    for (const t of this.commonPostings.keys()) {
      const term = this.vocabList[t] ?? '';
      if (asPrefix && word.length >= 3 && term.startsWith(word)) out.push(term);
      else if (word.length >= 5 && Math.abs(term.length - word.length) <= 1 && distance(term, word) <= 1) out.push(term);
    }
    return out;
  }

  isCommon(term: number): boolean {
    return this.commonPostings.has(term);
  }

  /**
   * Candidates for a query whose terms are all common: the passages holding the two rarest of
   * them (or the rarest alone when none hold both), best `k` by BM25 of the rarest term.
   * Typed-array work, bounded by the rarest term's postings.
   */
  commonCandidates(termIds: readonly number[], k: number, filter?: (passage: number) => boolean): number[] {
    const lists: Postings[] = [];
    for (const t of termIds) {
      const post = this.commonPostings.get(t);
      if (post) lists.push(post.view());
    }
    lists.sort((a, b) => a.ids.length - b.ids.length);
    const first = lists[0];
    if (!first) return [];
    let { ids, tf } = first;
    const second = lists[1];
    if (second) {
      const both = intersect(first, second.ids);
      if (both.ids.length > 0) ({ ids, tf } = both);
    }
    const { k: k1, b } = this.settings.bm25;
    const avg = this.avgLength;
    const scores = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const p = ids[i] ?? 0;
      const f = tf[i] ?? 1;
      const len = this.passageTermList[p]?.length ?? 0;
      scores[i] = this.removedPassages.has(p) || (filter && !filter(p)) ? -1 : (f * (k1 + 1)) / (f + k1 * (1 - b + (b * len) / avg));
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

  /** What MiniSearch indexes of a passage's field (common terms left out). */
  miniTerms(p: number, field: string): string[] {
    const passage = this.passages[p];
    if (!passage) return [];
    let ids: Uint32Array;
    if (field === 'text') ids = this.passageTerms(p);
    else {
      // The title is indexed once per article, on its first passage: the title boost finds the
      // article, and the re-ranker credits title matches to all of its passages.
      const first = this.passagesByArticle[passage.article]?.[0] === p;
      ids = first ? (this.titleTerms[passage.article] ?? EMPTY) : EMPTY;
    }
    const out: string[] = [];
    for (const t of ids) if (!this.commonPostings.has(t)) out.push(this.vocabList[t] ?? '');
    return out;
  }

  private count(p: number, sign: 1 | -1): void {
    const ids = this.passageTermList[p] ?? EMPTY;
    this.alive += sign;
    this.totalLength += sign * ids.length;
    // `lastSeen[t] === p + 1` marks a term already counted for this passage (no Set per passage).
    if (this.lastSeen.length < this.vocabList.length) {
      const grown = new Int32Array(Math.max(this.vocabList.length, this.lastSeen.length * 2));
      grown.set(this.lastSeen);
      this.lastSeen = grown;
    }
    for (const t of ids) {
      if (sign > 0) this.commonPostings.get(t)?.add(p);
      if (this.lastSeen[t] === p + 1) continue;
      this.lastSeen[t] = p + 1;
      this.dfBuf[t] = Math.max(0, (this.dfBuf[t] ?? 0) + sign);
    }
    // A passage counted again later (removal) must not look already seen.
    for (const t of ids) this.lastSeen[t] = 0;
  }
}

const EMPTY = new Uint32Array();
const splitSpace = (s: string): string[] => s.split(' ');
const identity = (t: string): string => t;

function emptyParts(): IndexParts {
  return { articles: [], passages: [], vocabList: [], passageTerms: [], titleTerms: [], commonTerms: [], removedPassages: [], removedArticles: [] };
}

/** Common terms are decided once, at build, so MiniSearch's content never depends on updates. */
function withCommonTerms(parts: IndexParts, settings: IndexSettings): IndexParts {
  const df = new Uint32Array(parts.vocabList.length);
  const seen = new Int32Array(parts.vocabList.length).fill(-1);
  parts.passageTerms.forEach((ids, p) => {
    for (const t of ids) {
      if (seen[t] !== p) {
        seen[t] = p;
        df[t] = (df[t] ?? 0) + 1;
      }
    }
  });
  const minimum = Math.max(settings.commonMinDf, Math.ceil(settings.commonShare * parts.passages.length));
  df.forEach((n, t) => {
    if (n > minimum) parts.commonTerms.push(t);
  });
  return parts;
}

function termId(vocab: Map<string, number>, vocabList: string[], t: string): number {
  let id = vocab.get(t);
  if (id === undefined) {
    id = vocabList.length;
    vocab.set(t, id);
    vocabList.push(t);
  }
  return id;
}

/** Appends an article, its passages and their term ids; returns the article's number. */
function appendArticle(
  parts: Pick<IndexParts, 'articles' | 'passages' | 'passageTerms' | 'titleTerms'>,
  article: Article,
  settings: IndexSettings,
  idOf: (t: string) => number,
): number {
  const index = parts.articles.length;
  parts.articles.push(article);
  parts.titleTerms.push(Uint32Array.from(terms(article.title), idOf));
  for (const passage of articlePassages(article, index, settings.passages)) {
    parts.passages.push(passage);
    const text = article.paragraphs[passage.paragraph - 1]?.slice(passage.start, passage.end) ?? '';
    parts.passageTerms.push(Uint32Array.from(terms(text), idOf));
  }
  return index;
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

function miniOptions(index: PassageIndex) {
  return {
    fields: ['title', 'text'],
    // Terms come from our own tokenizer (stemming, stop words, acronyms), once, at build. A
    // field's "value" is just `passage:field`; the tokenizer looks the terms up, so MiniSearch
    // neither re-tokenizes nor allocates a joined string per passage.
    extractField: (doc: Doc, field: string): string | number => (field === 'id' ? doc.id : `${doc.id}:${field}`),
    tokenize: (value: string, field?: string): string[] =>
      field === undefined ? value.split(' ') : index.miniTerms(Number.parseInt(value, 10), field),
    processTerm: (t: string) => t || null,
    searchOptions: { bm25: index.settings.bm25 },
  };
}
