import MiniSearch from 'minisearch';
import { distance } from 'fastest-levenshtein';
import type { Article } from '../archive/types.js';
import { terms } from '../text/tokenize.js';
import { articlePassages, DEFAULT_PASSAGE_SETTINGS, type Passage, type PassageSettings } from './passages.js';
import { gallop, retrieveTop, seedDocuments, termDocuments, type CompactPostings, type Retrieved } from './retrieve.js';
import { runNow, runSliced, type Sliced } from './slices.js';
import { TopK } from './top-k.js';

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

/**
 * The parts an index is made of, as the cache stores them: live data only. Everything else
 * (document frequencies, common terms and their postings, MiniSearch) is derived from them.
 */
export interface IndexParts {
  articles: Article[];
  passages: Passage[];
  vocabList: string[];
  /** Each passage's term ids, in text order. */
  passageTerms: Uint32Array[];
  /** Each article's title term ids. */
  titleTerms: Uint32Array[];
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
  private vocabMap: Map<string, number> | undefined;
  readonly titleTerms: Uint32Array[];
  readonly removedPassages = new Set<number>();
  readonly removedArticles = new Set<number>();
  private readonly miniSearch: MiniSearch<Doc>;
  /** Postings of the common terms, which MiniSearch does not hold. */
  private readonly commonMap = new Map<number, GrowingPostings>();
  /** The common postings and MiniSearch, when a lazy restore left them for first use. */
  private pending: Sliced<void> | undefined;
  /** The same postings by term id, for the loops that look one up per occurrence. */
  private readonly commonById: Array<GrowingPostings | undefined> = [];
  private readonly passageTermList: Uint32Array[];
  private dfBuf: Uint32Array;
  private totalLength = 0;
  private alive = 0;
  private passagesByArticle: number[][] = [];
  private lastSeen = new Int32Array(0);
  private lengthBuf = new Uint32Array(0);
  private lengthCount = 0;

  /** An index over `parts` with nothing counted yet: `complete` does the rest. */
  private constructor(
    parts: IndexParts,
    readonly settings: IndexSettings,
  ) {
    this.articles = parts.articles;
    this.passages = parts.passages;
    this.vocabList = parts.vocabList;
    this.passageTermList = parts.passageTerms;
    this.titleTerms = parts.titleTerms;
    this.dfBuf = new Uint32Array(Math.max(16, this.vocabList.length));
    this.miniSearch = new MiniSearch<Doc>(miniOptions(this));
  }

  /** Term → term id (made on first use: a command that reads no query never needs it). */
  get vocab(): Map<string, number> {
    return (this.vocabMap ??= new Map(this.vocabList.map((t, i) => [t, i])));
  }

  get mini(): MiniSearch<Doc> {
    this.finish();
    return this.miniSearch;
  }

  private get commonPostings(): Map<number, GrowingPostings> {
    this.finish();
    return this.commonMap;
  }

  /** Does, once, what a lazy restore left for first use. */
  private finish(): void {
    const work = this.pending;
    if (!work) return;
    this.pending = undefined;
    runNow(work);
  }

  /**
   * Decides the common terms, counts every passage and fills MiniSearch, in slices. Common terms
   * are decided here, once, so MiniSearch's content never depends on later updates.
   */
  private *complete(): Sliced<PassageIndex> {
    yield* this.countPassages();
    yield* this.rest();
    return this;
  }

  /** What answers about articles need: live passages, lengths, passages by article. */
  private *countPassages(): Sliced<void> {
    for (let p = 0; p < this.passages.length; p++) {
      (this.passagesByArticle[this.passages[p]?.article ?? 0] ??= []).push(p);
      this.alive++;
      this.totalLength += (this.passageTermList[p] ?? EMPTY).length;
      if (p % (4 * SLICE) === 4 * SLICE - 1) yield;
    }
  }

  /** What queries need besides: document frequencies, the common terms' postings and MiniSearch. */
  private *rest(): Sliced<void> {
    yield* this.countTerms();
    yield* this.commonAndMini();
  }

  private *countTerms(): Sliced<void> {
    // Pass 1: what `count` would add up for every passage, but the common postings, which wait
    // until the document frequencies say which terms are common.
    const df = this.dfBuf;
    const seen = new Int32Array(this.vocabList.length).fill(-1);
    for (let p = 0; p < this.passages.length; p++) {
      const ids = this.passageTermList[p] ?? EMPTY;
      for (const t of ids) {
        if (seen[t] !== p) {
          seen[t] = p;
          df[t] = (df[t] ?? 0) + 1;
        }
      }
      if (p % SLICE === SLICE - 1) yield;
    }
  }

  private *commonAndMini(): Sliced<void> {
    const df = this.dfBuf;
    const minimum = Math.max(this.settings.commonMinDf, Math.ceil(this.settings.commonShare * this.passages.length));
    for (let t = 0; t < this.vocabList.length; t++) {
      const n = df[t] ?? 0;
      if (n > minimum) this.commonMap.set(t, (this.commonById[t] = new GrowingPostings(n)));
    }
    // Pass 2: the common postings.
    const common = this.commonById;
    for (let p = 0; p < this.passages.length; p++) {
      for (const t of this.passageTermList[p] ?? EMPTY) common[t]?.add(p);
      if (p % SLICE === SLICE - 1) yield;
    }
    yield* fillMini(this.miniSearch, this);
  }

  static build(articles: readonly Article[], settings: IndexSettings = DEFAULT_INDEX_SETTINGS, progress?: (done: number, total: number) => void): PassageIndex {
    return runNow(PassageIndex.building(articles, settings, progress));
  }

  /** The same index as `build`, made in slices that let other work run in between. */
  static buildAsync(articles: readonly Article[], settings: IndexSettings = DEFAULT_INDEX_SETTINGS): Promise<PassageIndex> {
    return runSliced(PassageIndex.building(articles, settings));
  }

  private static *building(articles: readonly Article[], settings: IndexSettings, progress?: (done: number, total: number) => void): Sliced<PassageIndex> {
    const parts: IndexParts = { articles: [], passages: [], vocabList: [], passageTerms: [], titleTerms: [] };
    const vocab = new Map<string, number>();
    const idOf = (t: string): number => termId(vocab, parts.vocabList, t);
    for (let i = 0; i < articles.length; i++) {
      if (progress && i % 250 === 0) progress(i, articles.length);
      const a = articles[i];
      if (a) appendArticle(parts, a, settings, idOf);
      if (i % 200 === 199) yield;
    }
    progress?.(articles.length, articles.length);
    return yield* new PassageIndex(parts, settings).complete();
  }

  /**
   * Back from saved parts (the cache), as `build` would have made them. Throws when the parts
   * do not fit together (the cache is then rebuilt).
   */
  static restore(parts: IndexParts, settings: IndexSettings): PassageIndex {
    return runNow(PassageIndex.restoreSliced(parts, settings));
  }

  /** `restore` in slices, with the event loop free between them. */
  static restoreAsync(parts: IndexParts, settings: IndexSettings): Promise<PassageIndex> {
    return runSliced(PassageIndex.restoreSliced(parts, settings));
  }

  /**
   * `restore` that leaves document frequencies, common postings and MiniSearch for their first use: a command that
   * only reads articles (stats, article) from the command line never pays for them.
   */
  static restoreLazy(parts: IndexParts, settings: IndexSettings): PassageIndex {
    runNow(checkParts(parts));
    const index = new PassageIndex(parts, settings);
    runNow(index.countPassages());
    index.pending = index.rest();
    return index;
  }

  /** `restore` as sliced work, for a caller that interleaves it with its own. */
  static *restoreSliced(parts: IndexParts, settings: IndexSettings): Sliced<PassageIndex> {
    yield* checkParts(parts);
    return yield* new PassageIndex(parts, settings).complete();
  }

  /**
   * An index over parts a build has just made, term ids numbered in order of first use as
   * `build` numbers them (the one-pass build in src/build merges its workers' parts so), as
   * sliced work. Unlike `restore`, nothing is checked: the parts come from this process.
   */
  static *completing(parts: IndexParts, settings: IndexSettings): Sliced<PassageIndex> {
    return yield* new PassageIndex(parts, settings).complete();
  }

  /** Adds an article; returns its number. Its passages are searchable at once. */
  addArticle(article: Article): number {
    this.finish();
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
    this.finish();
    if (this.removedArticles.has(index) || !this.articles[index]) return;
    this.removedArticles.add(index);
    for (const p of this.passagesByArticle[index] ?? []) {
      if (this.removedPassages.has(p)) continue;
      this.removedPassages.add(p);
      this.count(p, -1);
      this.mini.discard(p);
    }
  }

  /**
   * Removed passages still held (tombstones): MiniSearch and the common-term postings keep them
   * until the index is rebuilt, which the live archive does when they pile up (compaction).
   */
  get tombstones(): number {
    return this.removedPassages.size;
  }

  isRemoved(p: number): boolean {
    return this.removedPassages.has(p);
  }

  /** Passages containing each term id. */
  get df(): Uint32Array {
    this.finish();
    return this.dfBuf;
  }

  /** Passages that are searchable (not removed). */
  get size(): number {
    return this.alive;
  }

  get avgLength(): number {
    return this.alive ? this.totalLength / this.alive : 1;
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
    this.finish();
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
    if (!first || k <= 0) return [];
    let { ids, tf } = first;
    const second = lists[1];
    if (second) {
      const both = intersect(first, second.ids);
      if (both.ids.length > 0) ({ ids, tf } = both);
    }
    const { k: k1, b } = this.settings.bm25;
    const avg = this.avgLength;
    const lengths = this.passageLengths();
    // The best k by (score, then lowest passage); the removed and filtered-out are asked about
    // only when they would enter.
    const heap = new TopK(k);
    const keep = (p: number): boolean => !this.removedPassages.has(p) && (!filter || filter(p));
    for (let i = 0; i < ids.length; i++) {
      const p = ids[i] ?? 0;
      const f = tf[i] ?? 1;
      // Passages come in ascending order: an equal score never displaces an earlier one.
      heap.offer((f * (k1 + 1)) / (f + k1 * (1 - b + (b * (lengths[p] ?? 0)) / avg)), p, p, keep);
    }
    // Above the k-th score first, then those at it, each in passage order. With fewer than k
    // passages, the lowest score is the line; with fewer than k kept, there is none.
    const kept = heap.kept();
    const threshold = kept.length === k || kept.length === ids.length ? heap.floor() : -1;
    kept.sort((x, y) => Number(x.score <= threshold) - Number(y.score <= threshold) || x.doc - y.doc);
    return kept.map((e) => e.doc);
  }

  /** Each passage's length in terms, as one typed array (passages never change once added). */
  private passageLengths(): Uint32Array {
    const n = this.passages.length;
    if (this.lengthCount < n) {
      if (this.lengthBuf.length < n) {
        const grown = new Uint32Array(Math.max(n, Math.ceil(this.lengthBuf.length * 1.25)));
        grown.set(this.lengthBuf.subarray(0, this.lengthCount));
        this.lengthBuf = grown;
      }
      for (let p = this.lengthCount; p < n; p++) this.lengthBuf[p] = this.passageTermList[p]?.length ?? 0;
      this.lengthCount = n;
    }
    return this.lengthBuf;
  }

  /**
   * The live passages whose text holds a term MiniSearch indexes, ascending, read from its
   * postings in place.
   */
  textPostings(term: number): Uint32Array {
    return termDocuments(this.mini, this.vocabList[term] ?? '', 1);
  }

  /**
   * MiniSearch's best `limit` results for already-processed terms (OR, title boost, the last term
   * expanded as a prefix when asked, fuzzy where asked), as `mini.search` would rank them.
   */
  retrieve(
    queryTerms: readonly string[],
    opts: { prefixLast: boolean; fuzzy: (term: string) => boolean; filter?: (passage: number) => boolean; limit: number },
  ): Retrieved[] {
    const terms = queryTerms.filter((t) => t !== '');
    const specs = terms.map((term, i) => ({
      term,
      prefix: opts.prefixLast && i === terms.length - 1 && term.length >= 3,
      fuzzy: opts.fuzzy(term) ? (term.length >= 8 ? 2 : 1) : 0,
    }));
    return retrieveTop(this.mini, specs, {
      fields: [
        { id: 0, boost: this.settings.titleBoost },
        { id: 1, boost: 1 },
      ],
      weights: RETRIEVAL_WEIGHTS,
      bm25: this.settings.bm25,
      limit: opts.limit,
      ...(opts.filter ? { filter: opts.filter } : {}),
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
      if (sign > 0) this.commonById[t]?.add(p);
      if (this.lastSeen[t] === p + 1) continue;
      this.lastSeen[t] = p + 1;
      this.dfBuf[t] = Math.max(0, (this.dfBuf[t] ?? 0) + sign);
    }
    // A passage counted again later (removal) must not look already seen.
    for (const t of ids) this.lastSeen[t] = 0;
  }
}

const EMPTY = new Uint32Array();
/** Passages handled between two yields of sliced work (a few milliseconds). */
const SLICE = 4096;
/** MiniSearch's weights of prefix and fuzzy expansions, relative to an exact term. */
const RETRIEVAL_WEIGHTS = { prefix: 0.6, fuzzy: 0.45 };

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

/**
 * The entries of `a` whose passage is also in `b` (both ascending, `a` the shorter), with a's
 * frequencies: each of a's passages is sought in b by galloping from the last one found.
 */
function intersect(a: Postings, b: Uint32Array): Postings {
  const ids = new Uint32Array(a.ids.length);
  const tf = new Uint8Array(a.ids.length);
  let n = 0;
  let lo = 0;
  for (let i = 0; i < a.ids.length && lo < b.length; i++) {
    const x = a.ids[i] ?? 0;
    lo = gallop(b, x, lo);
    if (b[lo] === x) {
      ids[n] = x;
      tf[n++] = a.tf[i] ?? 1;
    }
  }
  return { ids: ids.subarray(0, n), tf: tf.subarray(0, n) };
}

/** The options the index gives MiniSearch (exported for the test that checks `fillMini` against `addAll`). */
export function miniOptions(index: PassageIndex) {
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

/**
 * Whether saved parts fit together as `build` makes them: every number in range, each article's
 * passages in order and covering its paragraphs, term ids numbered in order of first use (title,
 * then passages, article by article). Throws naming the first break.
 */
function* checkParts(parts: IndexParts): Sliced<void> {
  const { articles, passages, vocabList, passageTerms, titleTerms } = parts;
  if (passageTerms.length !== passages.length) throw new Error('index: term lists do not match the passages');
  if (titleTerms.length !== articles.length) throw new Error('index: title terms do not match the articles');
  if (new Set(vocabList).size !== vocabList.length) throw new Error('index: the vocabulary repeats a term');
  let nextTerm = 0;
  const use = (ids: Uint32Array): void => {
    for (const t of ids) {
      if (t === nextTerm) nextTerm++;
      else if (t > nextTerm) throw new Error('index: term ids are not in order of first use');
    }
  };
  let article = -1;
  let paragraph = 0;
  let start = -1;
  const finishArticle = (): void => {
    if (article >= 0 && paragraph !== articles[article]?.paragraphs.length) throw new Error(`index: article ${article} has passages missing`);
  };
  for (let p = 0; p < passages.length; p++) {
    const passage = passages[p];
    if (!passage) throw new Error('index: a passage is missing');
    if (passage.article !== article) {
      finishArticle();
      if (passage.article !== article + 1 || passage.paragraph !== 1 || passage.start !== 0) throw new Error(`index: passage ${p} is out of order`);
      article = passage.article;
      use(titleTerms[article] ?? EMPTY);
    } else if (passage.paragraph !== paragraph) {
      if (passage.paragraph !== paragraph + 1 || passage.start !== 0) throw new Error(`index: passage ${p} is out of order`);
    } else if (passage.start <= start) throw new Error(`index: passage ${p} is out of order`);
    paragraph = passage.paragraph;
    start = passage.start;
    const text = articles[article]?.paragraphs[paragraph - 1];
    if (text === undefined || passage.end < passage.start || passage.end > text.length) throw new Error(`index: passage ${p} is outside its paragraph`);
    use(passageTerms[p] ?? EMPTY);
    if (p % SLICE === SLICE - 1) yield;
  }
  finishArticle();
  if (article !== articles.length - 1) throw new Error('index: some articles have no passages');
  if (nextTerm !== vocabList.length) throw new Error('index: the vocabulary has unused terms');
}

/** The MiniSearch fields `fillMini` sets, as MiniSearch 7 names them. */
interface MiniInternals {
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown };
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
}

/** One field's postings of every term, in compact arrays: term t's are `from[t]` to `from[t + 1]`. */
interface FieldPostings {
  from: Uint32Array;
  docs: Uint32Array;
  freqs: Uint16Array | Uint32Array;
}

/**
 * A term's data in MiniSearch (field id → short document id → frequency), made into Maps the
 * first time MiniSearch touches it. Most terms are never queried, so a loaded index keeps their
 * postings in the compact arrays instead of millions of small Maps.
 */
class LazyTermData extends Map<number, Map<number, number>> {
  private source: { fields: FieldPostings[]; term: number; firstField: number } | undefined;

  constructor(fields: FieldPostings[], term: number, firstField: number) {
    super();
    this.source = { fields, term, firstField };
  }

  private fill(): void {
    const source = this.source;
    if (!source) return;
    this.source = undefined;
    const { fields, term, firstField } = source;
    // Fields in the order `add` first met the term in them, as MiniSearch's own Map would hold them.
    for (const field of [firstField, ...fields.keys()].filter((f, i, all) => all.indexOf(f) === i)) {
      const f = fields[field];
      if (!f) continue;
      const end = f.from[term + 1] ?? 0;
      const start = f.from[term] ?? 0;
      if (end === start) continue;
      const postings = new Map<number, number>();
      for (let i = start; i < end; i++) postings.set(f.docs[i] ?? 0, f.freqs[i] ?? 0);
      super.set(field, postings);
    }
  }

  /**
   * A field's postings read in place while they are compact (retrieval reads them without making
   * Maps): null when the field has none, undefined once the Maps are made.
   */
  compact(field: number): CompactPostings | null | undefined {
    const source = this.source;
    if (!source) return undefined;
    const f = source.fields[field];
    const start = f?.from[source.term] ?? 0;
    const end = f?.from[source.term + 1] ?? 0;
    if (!f || end === start) return null;
    return { docs: f.docs.subarray(start, end), freqs: f.freqs.subarray(start, end) };
  }

  override get(k: number): Map<number, number> | undefined {
    this.fill();
    return super.get(k);
  }
  override set(k: number, v: Map<number, number>): this {
    this.fill();
    return super.set(k, v);
  }
  override has(k: number): boolean {
    this.fill();
    return super.has(k);
  }
  override delete(k: number): boolean {
    this.fill();
    return super.delete(k);
  }
  override clear(): void {
    this.source = undefined;
    super.clear();
  }
  override get size(): number {
    this.fill();
    return super.size;
  }
  override forEach(fn: (v: Map<number, number>, k: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(fn, thisArg);
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.fill();
    return super.entries();
  }
  override keys(): MapIterator<number> {
    this.fill();
    return super.keys();
  }
  override values(): MapIterator<Map<number, number>> {
    this.fill();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }
}

/**
 * Fills an empty MiniSearch with every passage exactly as `addAll` would: the same short ids,
 * field lengths, running averages, term order and postings (a test compares the two field by
 * field, so a MiniSearch upgrade that changes its fields fails loudly). It works from term ids,
 * in two counting passes over typed arrays where `add` walks the radix tree per occurrence, and
 * leaves each term's postings compact until a query first needs them (`LazyTermData`).
 */
function* fillMini(mini: MiniSearch<Doc>, index: PassageIndex): Sliced<void> {
  const m = mini as unknown as MiniInternals;
  if (
    m._documentCount !== 0 ||
    !(m._documentIds instanceof Map) ||
    !(m._idToShortId instanceof Map) ||
    !(m._fieldLength instanceof Map) ||
    !Array.isArray(m._avgFieldLength) ||
    typeof m._index?.set !== 'function' ||
    m._fieldIds.title !== 0 ||
    m._fieldIds.text !== 1
  ) {
    throw new Error('index: MiniSearch is not the version this index was written for');
  }
  const vocab = index.vocabList;
  const n = vocab.length;
  // 0: indexed; 1: common (left out); 2: the empty term (counted in lengths, never indexed).
  const kind = new Uint8Array(n);
  vocab.forEach((t, i) => {
    kind[i] = index.isCommon(i) ? 1 : t === '' ? 2 : 0;
  });
  const fieldIds = (p: number, field: number, first: boolean, article: number): Uint32Array =>
    field === 1 ? index.passageTerms(p) : first ? (index.titleTerms[article] ?? EMPTY) : EMPTY;
  const alive: number[] = [];
  for (let p = 0; p < index.passages.length; p++) if (!index.isRemoved(p)) alive.push(p);
  const isFirst = new Uint8Array(alive.length);
  let lastArticle = -1;
  alive.forEach((p, k) => {
    const article = index.passages[p]?.article ?? -1;
    isFirst[k] = article !== lastArticle ? 1 : 0;
    lastArticle = article;
  });

  // Pass 1: documents, field lengths and averages; how many documents hold each term per field;
  // the order terms first appear in (MiniSearch's tree order) and the field they first appear in.
  const counts = [new Uint32Array(n + 1), new Uint32Array(n + 1)];
  const stamp = new Float64Array(n);
  const firstField = new Int8Array(n).fill(-1);
  const order: number[] = [];
  const fieldLengths = [new Uint32Array(alive.length), new Uint32Array(alive.length)];
  for (let k = 0; k < alive.length; k++) {
    const p = alive[k] ?? 0;
    const article = index.passages[p]?.article ?? -1;
    const shortId = m._nextId++;
    m._idToShortId.set(p, shortId);
    m._documentIds.set(shortId, p);
    m._documentCount++;
    const lengths: number[] = [];
    m._fieldLength.set(shortId, lengths);
    for (let field = 0; field < 2; field++) {
      const mark = 2 * shortId + field + 1;
      let unique = 0;
      const c = counts[field] ?? EMPTY;
      for (const t of fieldIds(p, field, isFirst[k] === 1, article)) {
        if (kind[t] === 1 || stamp[t] === mark) continue;
        stamp[t] = mark;
        unique++;
        if (kind[t] === 2) continue;
        c[t] = (c[t] ?? 0) + 1;
        if (firstField[t] === -1) {
          firstField[t] = field;
          order.push(t);
        }
      }
      lengths[field] = unique;
      (fieldLengths[field] as Uint32Array)[shortId] = unique;
      const count = m._documentCount - 1;
      m._avgFieldLength[field] = ((m._avgFieldLength[field] ?? 0) * count + unique) / (count + 1);
    }
    if (k % SLICE === SLICE - 1) yield;
  }

  seedDocuments(mini, fieldLengths, Uint32Array.from(alive));

  // Pass 2: the postings, in document order (as `add` leaves them) and counted per occurrence.
  const fields: FieldPostings[] = counts.map((c) => {
    const from = new Uint32Array(n + 1);
    for (let t = 0; t < n; t++) from[t + 1] = (from[t] ?? 0) + (c[t] ?? 0);
    const total = from[n] ?? 0;
    return { from, docs: new Uint32Array(total), freqs: new Uint16Array(total) };
  });
  const next = fields.map((f) => f.from.slice(0, n));
  const slot = new Uint32Array(n);
  stamp.fill(0);
  for (let k = 0; k < alive.length; k++) {
    const p = alive[k] ?? 0;
    const article = index.passages[p]?.article ?? -1;
    for (let field = 0; field < 2; field++) {
      const f = fields[field];
      const nx = next[field];
      if (!f || !nx) continue;
      const mark = 2 * k + field + 1;
      for (const t of fieldIds(p, field, isFirst[k] === 1, article)) {
        if (kind[t] !== 0) continue;
        if (stamp[t] !== mark) {
          stamp[t] = mark;
          const at = nx[t] ?? 0;
          nx[t] = at + 1;
          slot[t] = at;
          f.docs[at] = k;
          f.freqs[at] = 1;
        } else {
          const at = slot[t] ?? 0;
          const freq = (f.freqs[at] ?? 0) + 1;
          if (freq > 0xffff) f.freqs = Uint32Array.from(f.freqs);
          f.freqs[at] = freq;
        }
      }
    }
    if (k % SLICE === SLICE - 1) yield;
  }

  for (let i = 0; i < order.length; i++) {
    const t = order[i] ?? 0;
    m._index.set(vocab[t] ?? '', new LazyTermData(fields, t, firstField[t] ?? 0));
    if (i % (4 * SLICE) === 4 * SLICE - 1) yield;
  }
}
