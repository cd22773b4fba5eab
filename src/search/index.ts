import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
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
}

export const DEFAULT_INDEX_SETTINGS: IndexSettings = {
  passages: DEFAULT_PASSAGE_SETTINGS,
  titleBoost: 1.5,
  bm25: { k: 0.7, b: 0.6, d: 0 },
};

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
  ) {
    this.vocab = new Map(vocabList.map((t, i) => [t, i]));
    this.df = new Uint32Array(vocabList.length);
    const seen = new Int32Array(vocabList.length).fill(-1);
    for (let p = 0; p < passages.length; p++) {
      for (let k = termStarts[p] ?? 0; k < (termStarts[p + 1] ?? 0); k++) {
        const t = termIds[k] ?? 0;
        if (seen[t] !== p) {
          seen[t] = p;
          this.df[t] = (this.df[t] ?? 0) + 1;
        }
      }
    }
    this.avgLength = passages.length ? termIds.length / passages.length : 1;
    this.vocabList = vocabList;
  }

  readonly vocabList: readonly string[];

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
    const mini = new MiniSearch<Doc>(miniOptions(settings, vocabList, termStarts, termIds, titleTerms, passages));
    mini.addAll(passages.map((_, id) => ({ id })));
    return new PassageIndex(articles, passages, settings, vocabList, termStarts, termIds, titleTerms, mini);
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
    const restored = MiniSearch.loadJS<Doc>(mini, miniOptions(settings, vocabList, termStarts, termIds, titleTerms, passages));
    return new PassageIndex(articles, passages, settings, vocabList, termStarts, termIds, titleTerms, restored);
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

function miniOptions(
  settings: IndexSettings,
  vocabList: readonly string[],
  termStarts: Uint32Array,
  termIds: Uint32Array,
  titleTerms: readonly Uint32Array[],
  passages: readonly Passage[],
) {
  const spell = (ids: Uint32Array): string[] => Array.from(ids, (t) => vocabList[t] ?? '');
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
