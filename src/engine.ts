import type { Archive, Article, ArchiveWarning } from './archive/types.js';
import { ArticleSuggester, didYouMean, toChoice, type ArticleChoice } from './archive/suggest.js';
import { UserError } from './errors.js';
import { chooseSpan, isNewsPoolOf, questionView, scorePool, type QuestionView } from './search/answer.js';
import { answerProbability, askWeightsStamp, confidenceFor, DEFAULT_CONFIDENCE, type ConfidenceCues, type ConfidenceModel } from './search/confidence.js';
import { DEFAULT_ASK_WEIGHTS, type AskWeights } from './search/ask-model.js';
import { matchArticles, type MatchMode } from './search/match.js';
import { inRange, parseDateRange } from './search/date-range.js';
import type { PassageIndex } from './search/index.js';
import { hasAnswerType, type AnswerType } from './search/question.js';
import { queryTerms, rank, type Ranked } from './search/rank.js';
import { makeSnippet, matchRanges, type Range } from './search/snippet.js';
import { QuoteStore } from './quotes/store.js';
import { pickKeyQuotes } from './summary/key-quotes.js';
import type { KeyQuote } from './summary/request.js';
import { isStopWord, tokenize } from './text/tokenize.js';

export const MAX_QUERY_CHARS = 300;
export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 25;

/** A passage that matched, as interface §2 names it, plus display helpers. */
export interface Hit {
  article: string;
  title: string;
  date: string | null;
  paragraph: number;
  /** The whole passage. */
  text: string;
  score: number;
  url?: string;
  /** The passage trimmed around the matches, for short replies. */
  snippet: string;
  /** Where the matched words are in `snippet`. */
  highlights: Range[];
}

export interface AskHit extends Hit {
  /** The one sentence of the passage that best answers the question. */
  answer: string;
  /** Where the question's words are in `answer`. */
  answerHighlights: Range[];
  /**
   * The answer itself within `answer` (a name, date, amount, cause or phrase; offsets into
   * `answer`), or null when no candidate in the sentence fits the question.
   */
  answerSpan: AnswerSpan | null;
}

export interface AnswerSpan {
  text: string;
  start: number;
  end: number;
}

export interface AskResult {
  hits: AskHit[];
  /** What the question asks for: person, time, number, place, cause or other. */
  answerType: AnswerType;
  /**
   * False when the top sentence holds nothing of the asked-for type and shares little of the
   * question's words, or when the top passage barely beats the next: the hits are passages that
   * may help, not an answer.
   */
  confident: boolean;
  /**
   * The learnt probability that the top sentence answers (src/search/confidence.ts), on a news
   * pool; absent without hits, on other pools, or when no model was learnt over the engine's ask
   * weights. When present, `confident` also needs it at the model's threshold.
   */
  answerProbability?: number;
}

/** Passages the answer models re-rank for a question (recall@20 on SQuAD is 0.98). */
export const ASK_POOL = 20;
/** A story of at most this many passages is read whole when it tops the pool (Engine.restOfStory). */
export const SHORT_STORY = 20;
/** Share of the question's (rarity-weighted) words the top sentence must hold to be an answer without a typed candidate. */
export const CONFIDENT_OVERLAP = 0.5;
/**
 * …and with a candidate of the asked-for type, this much (a name somewhere near a third of the
 * question is a guess). On SQuAD held-out questions 12% come out unsure, with answer-sentence
 * accuracy 0.49 against 0.80 for the rest.
 */
export const CONFIDENT_TYPED_OVERLAP = 0.3;
/**
 * …and for a who/when/how-much/where question whose top sentence holds no candidate of that
 * type, this much: the sentence must restate nearly all of the question. On SQuAD held-out
 * questions such sentences are right as often as the rest (its typed answers are often phrases
 * the candidates miss: "during the war"), so the unsure share only grows 13.2% → 15.0% at the
 * same accuracy there; on news questions, whose answers are names, dates and amounts, they
 * were nearly always a restating lead.
 */
export const CONFIDENT_UNTYPED_OVERLAP = 0.8;
/**
 * How far the top passage's score (the passage model's log-odds) must stand above the next
 * shown passage's for its sentence to be presented as the answer. Answers that win by less are
 * mostly wrong: on SQuAD, of the confident answers whose margin is under 0.5, 39% are right on
 * both the training part (82 of 212) and the held-out part (30 of 76), against 0.85 for the
 * rest. Held out, presented answers go 1,207 at accuracy 0.819 → 1,129 at 0.847; on the fresh
 * news questions wrong answers presented go 17 → 14 (one right one becomes reading). Between
 * 0.5 and 1.0 the share right is 44–49%: a larger margin would hedge still more replies for
 * little gain in trust, so the line is drawn at 0.5.
 */
export const CONFIDENT_MARGIN = 0.5;
const CANDIDATE_TYPES: ReadonlySet<AnswerType> = new Set(['person', 'time', 'number', 'place']);

// Requests come typed and in range: the command specs declare the ranges and `parseOptions` checks them.
export interface SearchRequest {
  query: string;
  speaker?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface AskRequest {
  question: string;
  limit?: number;
}

export interface ArticleView {
  article: string;
  title: string;
  date: string | null;
  url?: string;
  source?: string;
  author?: string;
  words: number;
  paragraphs: Array<{ n: number; text: string }>;
}

export interface Stats {
  articles: number;
  passages: number;
  dated: number;
  undated: number;
  firstDate: string | null;
  lastDate: string | null;
  warnings: ArchiveWarning[];
}

/**
 * Model/ask-weights pairs already warned about: the live archive builds a new Engine on every
 * change, and one warning per process says all there is to say.
 */
const warnedStale = new Set<string>();

function firstStaleWarning(model: ConfidenceModel, weights: AskWeights): boolean {
  const key = `${model.ask}>${askWeightsStamp(weights)}`;
  if (warnedStale.has(key)) return false;
  warnedStale.add(key);
  return true;
}

/** Answers requests over one loaded archive and its index, as plain data. */
export class Engine {
  private readonly byId = new Map<string, Article>();
  /** Article id → its number in the index. */
  private readonly numberOf = new Map<string, number>();
  private quoteValue: QuoteStore | undefined;
  private quoteSource: (() => QuoteStore) | undefined;
  /** The answer models' weights (tests and the training script swap in others). */
  askWeights: AskWeights = DEFAULT_ASK_WEIGHTS;
  /**
   * May withhold the fixed rule's answer on a news pool (src/search/confidence.ts); used only when
   * learnt over `askWeights` (undefined, or other weights: the rule alone decides).
   */
  confidence: ConfidenceModel | undefined = DEFAULT_CONFIDENCE;
  /** Bumped by every change to the archive, so caches keyed on the engine can tell. */
  generation = 0;

  constructor(
    readonly archive: Archive,
    readonly index: PassageIndex,
    /** The quotes of the archive; built here unless the cache had them (or will give them on first use). */
    quotes: QuoteStore | (() => QuoteStore) = QuoteStore.build(archive.articles),
  ) {
    if (typeof quotes === 'function') this.quoteSource = quotes;
    else this.quoteValue = quotes;
    index.articles.forEach((a, i) => {
      if (index.removedArticles.has(i)) return;
      this.byId.set(a.id, a);
      this.numberOf.set(a.id, i);
    });
  }

  private get quoteStore(): QuoteStore {
    if (!this.quoteValue) {
      this.quoteValue = this.quoteSource?.() ?? QuoteStore.build(this.archive.articles);
      this.quoteSource = undefined;
    }
    return this.quoteValue;
  }

  private set quoteStore(store: QuoteStore) {
    this.quoteValue = store;
    this.quoteSource = undefined;
  }

  get articles(): readonly Article[] {
    return this.archive.articles;
  }

  /** Who said what in the archive: /quotes, /speakers, the speaker filters and key quotes read it. */
  get quotes(): QuoteStore {
    return this.quoteStore;
  }

  /** Autocomplete for speaker options: canonical names. */
  suggestSpeakers(input: string, limit: number): string[] {
    return this.quoteStore.suggestSpeakers(input, limit);
  }

  /** An article's quotes worth showing beside its summary, best first. */
  keyQuotes(article: Article, limit: number): KeyQuote[] {
    return pickKeyQuotes(this.quoteStore.quotesOfArticle(article.id), limit);
  }

  /**
   * Passages that quote `speaker` (a UserError for an unknown one): those whose window of the
   * paragraph overlaps one of the speaker's quotes.
   */
  speakerFilter(speaker: string): (passage: number) => boolean {
    const spans = this.quoteStore.quotedSpans(speaker);
    return (p) => {
      const passage = this.index.passages[p];
      const article = passage ? this.index.articles[passage.article] : undefined;
      if (!passage || !article) return false;
      return (spans.get(article.id) ?? []).some((s) => s.paragraph === passage.paragraph && s.start < passage.end && s.end > passage.start);
    };
  }

  /**
   * Applies a change of the archive in place: new or changed articles (by id) and removed ids.
   * Synchronous from start to end, so no query ever sees half a change.
   */
  applyChanges(change: { upserts: readonly Article[]; removals: readonly string[]; warnings: ArchiveWarning[] }): void {
    const removedArticles: Article[] = [];
    for (const id of [...change.removals, ...change.upserts.map((a) => a.id)]) {
      const n = this.numberOf.get(id);
      const old = this.byId.get(id);
      if (n === undefined || !old) continue;
      this.index.removeArticle(n);
      this.numberOf.delete(id);
      this.byId.delete(id);
      removedArticles.push(old);
    }
    for (const a of change.upserts) {
      this.numberOf.set(a.id, this.index.addArticle(a));
      this.byId.set(a.id, a);
    }
    this.archive.articles = [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.archive.warnings = change.warnings;
    this.quoteStore = this.quoteStore.update(change.upserts, new Set(removedArticles.map((a) => a.id)));
    this.generation++;
  }

  getArticle(id: string): Article {
    const a = this.byId.get(id.trim());
    if (a) return a;
    const close = didYouMean(this.archive.articles, id.trim(), 3, this.suggester());
    throw new UserError(
      `unknown article: ${id.trim().slice(0, 100)}${close.length ? `; did you mean ${close.join(', ')}?` : ''}`,
      'unknown-article',
    );
  }

  search(req: SearchRequest): { hits: Hit[] } {
    const qTerms = checkedQuery(req.query, 'query');
    const range = parseDateRange(req.from, req.to);
    const limit = req.limit ?? DEFAULT_LIMIT;
    const bySpeaker = req.speaker?.trim() ? this.speakerFilter(req.speaker.trim()) : undefined;
    const dated = range.from || range.to;
    const filter =
      dated || bySpeaker
        ? (p: number): boolean => {
            const passage = this.index.passages[p];
            if (!passage) return false;
            if (dated && !inRange(this.index.articles[passage.article]?.date ?? null, range)) return false;
            return bySpeaker ? bySpeaker(p) : true;
          }
        : undefined;
    const ranked = rank(this.index, qTerms, {
      mode: 'search',
      limit,
      prefixLast: !/[\s.,;:!?"”')]$/.test(req.query),
      ...(filter ? { filter } : {}),
    });
    return { hits: ranked.map((r) => this.hit(r)) };
  }

  ask(req: AskRequest): AskResult {
    return this.askOver(req, this.askPool(req.question, Math.max(req.limit ?? DEFAULT_LIMIT, ASK_POOL)));
  }

  /**
   * `ask` over a pool askPool gave for the same question, of at least max(limit, ASK_POOL)
   * passages (eval:news-ask reads the pool too, and asks once).
   */
  askOver(req: AskRequest, asked: { q: QuestionView; pool: readonly Ranked[] }): AskResult {
    return this.askScored(req, asked).result;
  }

  /** `askOver` with the cues its confidence was read from (bench/train-confidence.ts learns from them). */
  askScored(req: AskRequest, { q, pool }: { q: QuestionView; pool: readonly Ranked[] }): { result: AskResult; cues: ConfidenceCues | undefined } {
    const limit = req.limit ?? DEFAULT_LIMIT;
    const type = q.type;
    // A story filed twice (news corpora hold copies) would fill two of the few places with one text.
    const shown = new Set<string>();
    const ranked = scorePool(this.index, pool, q, this.askWeights)
      .sort((a, b) => b.score - a.score)
      .filter((c) => {
        const text = this.index.passageText(c.ranked.passage);
        if (shown.has(text)) return false;
        shown.add(text);
        return true;
      });
    const chosen = ranked.slice(0, limit);
    const hits = chosen.map((c): AskHit => {
      const hit = this.hit({ ...c.ranked, score: Math.round(c.score * 1000) / 1000 });
      const answer = c.best.sentence.text;
      const found = chooseSpan(answer, q, this.askWeights);
      const answerSpan = found ? { text: found.span.text, start: found.span.start, end: found.span.end } : null;
      return { ...hit, answer, answerHighlights: matchRanges(answer, c.ranked.matched), answerSpan };
    });
    const top = chosen[0];
    // A sentence holding a candidate of the asked-for type and a fair share of the question's
    // weight, or one that shares most of it, is an answer; anything less is shown as reading.
    const typedTop = top !== undefined && type !== 'other' && top.best.typed.length > 0;
    // A who/when/how-much/where question whose top sentence names no person, date, amount or
    // place is answered only by a sentence that restates nearly all of it.
    const untypedNeeds = CANDIDATE_TYPES.has(type) ? CONFIDENT_UNTYPED_OVERLAP : CONFIDENT_OVERLAP;
    // Two passages the model can hardly tell apart: whichever is first is a guess.
    const runnerUp = ranked[1];
    const clearLead = top !== undefined && (runnerUp === undefined || top.score - runnerUp.score >= CONFIDENT_MARGIN);
    const ruled = top !== undefined && clearLead && top.best.overlap >= (typedTop ? CONFIDENT_TYPED_OVERLAP : untypedNeeds);
    if (top === undefined) return { result: { hits, answerType: type, confident: false }, cues: undefined };
    const cues: ConfidenceCues = {
      margin: runnerUp === undefined ? null : top.score - runnerUp.score,
      topScore: top.score,
      sentenceScore: top.best.score,
      overlap: top.best.overlap,
      candidateType: CANDIDATE_TYPES.has(type),
      typed: top.best.typed.length > 0,
      span: hits[0]?.answerSpan != null,
      // Asked again, not taken from scorePool: that tests the pool only when the weights carry a
      // news correction, and the gate must know on weights without one too (O(pool), once per ask).
      news: isNewsPoolOf(this.index, pool),
      ruled,
    };
    const model = cues.news ? confidenceFor(this.confidence, this.askWeights) : undefined;
    if (cues.news && !model && this.confidence && firstStaleWarning(this.confidence, this.askWeights)) {
      // Learnt over other ask weights, its probabilities would be about other scores.
      process.emitWarning('the confidence model was learnt over other ask weights: the fixed rule alone decides (retrain with npm run train:confidence)', 'StaleConfidenceWarning');
    }
    if (!model) return { result: { hits, answerType: type, confident: ruled }, cues };
    const p = answerProbability(model, cues);
    return { result: { hits, answerType: type, confident: ruled && p >= model.threshold, answerProbability: Math.round(p * 1000) / 1000 }, cues };
  }

  /**
   * The question as the answer models see it, and the passages they re-rank: the first-pass
   * ranking with the answer-type cue (the training script uses this too).
   */
  askPool(question: string, size: number): { q: QuestionView; pool: Ranked[] } {
    const qTerms = checkedQuery(question, 'question');
    // A word no passage holds is as rare as words get: its absence from an answer counts.
    const unseen = Math.log(1 + (this.index.size + 0.5) / 0.5);
    const q = questionView(question, qTerms, (term) => {
      const id = this.index.vocab.get(term);
      return id === undefined ? unseen : this.index.idf(id);
    }, this.askWeights.align, this.askWeights.typePrior);
    const type = q.type;
    // The answer-type cue: a passage holding something of the asked-for kind ranks a little higher.
    const cue = type === 'other' ? {} : { cue: (p: number) => 0.6 * hasAnswerType(type, this.index.passageText(p), question) };
    const pool = rank(this.index, qTerms, {
      mode: 'ask',
      limit: size,
      prefixLast: false,
      // A headline is the title, never an answer (interface §1).
      filter: (p) => !this.isHeadline(p),
      ...cue,
    });
    return { q, pool: [...pool, ...this.restOfStory(pool, qTerms, cue)] };
  }

  /**
   * The paragraphs of the pool's top story that the first pass left out, when the story is
   * short enough to read whole (SHORT_STORY): a news answer often stands in a later paragraph
   * that repeats few of the question's words ("cancel 77 flights" under a lead about the
   * cancellations). Scored by the same first pass (0 when they hold none of the words); the
   * passage model weighs them with the rest.
   */
  private restOfStory(pool: readonly Ranked[], qTerms: readonly string[], cue: { cue?: (p: number) => number }): Ranked[] {
    const top = pool[0] && this.index.passages[pool[0].passage];
    if (!top) return [];
    const passages = this.index.articlePassages(top.article);
    if (passages.length > SHORT_STORY) return [];
    // A long paragraph is cut into overlapping windows and the first pass keeps one of them: a
    // paragraph is present when any of its windows is, and a missing one joins once.
    const paragraphOf = (p: number): number => this.index.passages[p]?.paragraph ?? -1;
    const have = new Set(pool.map((r) => this.index.passages[r.passage]).filter((p) => p?.article === top.article).map((p) => p?.paragraph));
    const missing = new Set(passages.filter((p) => !have.has(paragraphOf(p)) && !this.isHeadline(p)));
    if (missing.size === 0) return [];
    const joined = new Set<number>();
    const once = (r: Ranked): boolean => !joined.has(paragraphOf(r.passage)) && joined.add(paragraphOf(r.passage)) !== undefined;
    const scored = rank(this.index, qTerms, { mode: 'ask', limit: missing.size, prefixLast: false, filter: (p) => missing.has(p), ...cue }).filter(once);
    const unscored = [...missing].map((p): Ranked => ({ passage: p, score: 0, matched: new Set<string>() })).filter(once);
    return [...scored, ...unscored];
  }

  article(id: string): ArticleView {
    const a = this.getArticle(id);
    const view: ArticleView = {
      article: a.id,
      title: a.title,
      date: a.date,
      words: a.paragraphs.reduce((n, p) => n + (p.match(/\S+/g)?.length ?? 0), 0),
      paragraphs: a.paragraphs.map((text, i) => ({ n: i + 1, text })),
    };
    if (a.url) view.url = a.url;
    if (a.source) view.source = a.source;
    if (a.author) view.author = a.author;
    return view;
  }

  stats(): Stats {
    let first: string | null = null;
    let last: string | null = null;
    let dated = 0;
    for (const a of this.articles) {
      if (!a.date) continue;
      dated++;
      if (first === null || a.date < first) first = a.date;
      if (last === null || a.date > last) last = a.date;
    }
    return {
      articles: this.articles.length,
      passages: this.index.size,
      dated,
      undated: this.articles.length - dated,
      firstDate: first,
      lastDate: last,
      warnings: this.archive.warnings,
    };
  }

  /**
   * The ids of the articles a topic finds (`matchArticles`): the one meaning of "about these
   * words" that /timeline, /digest and /quotes share. A UserError for an empty topic.
   */
  topicArticles(topic: string, mode: MatchMode = 'all'): ReadonlySet<string> {
    const key = `${mode}\0${topic}`;
    // Digest and quotes ask once per article or quote: the last answer is kept for the same topic.
    if (this.topicMemo?.key === key && this.topicMemo.generation === this.generation) return this.topicMemo.ids;
    const found = matchArticles(this.index, checkedQuery(topic, 'topic'), mode);
    const ids = new Set<string>();
    for (const a of found.keys()) {
      const id = this.index.articles[a]?.id;
      if (id !== undefined) ids.add(id);
    }
    this.topicMemo = { key, generation: this.generation, ids };
    return ids;
  }

  private topicMemo: { key: string; generation: number; ids: ReadonlySet<string> } | undefined;

  /** Autocomplete for article options: id prefix or title words, with dates. */
  suggestArticles(input: string, limit = 25): ArticleChoice[] {
    return this.suggester().suggest(input, limit).map(toChoice);
  }

  private suggesterCache: { generation: number; suggester: ArticleSuggester } | undefined;

  /** Prepared once per archive state: autocomplete asks on every keystroke. */
  private suggester(): ArticleSuggester {
    if (this.suggesterCache?.generation !== this.generation) {
      this.suggesterCache = { generation: this.generation, suggester: new ArticleSuggester(this.articles) };
    }
    return this.suggesterCache.suggester;
  }

  private isHeadline(p: number): boolean {
    const passage = this.index.passages[p];
    return passage !== undefined && passage.paragraph === 1 && this.index.articles[passage.article]?.headline === true;
  }

  /** The Hit for a ranked passage (search, ask, and the timeline's citation). */
  hit(r: Ranked): Hit {
    const passage = this.index.passages[r.passage];
    const article = passage ? this.index.articles[passage.article] : undefined;
    if (!passage || !article) throw new Error(`engine: ranked passage ${r.passage} is not in the index`);
    const text = this.index.passageText(r.passage);
    const snip = makeSnippet(text, r.matched);
    const hit: Hit = {
      article: article.id,
      title: article.title,
      date: article.date,
      paragraph: passage.paragraph,
      text,
      score: r.score,
      snippet: snip.text,
      highlights: snip.highlights,
    };
    if (article.url) hit.url = article.url;
    return hit;
  }
}

/** The index terms of a query, or a clear message for an empty, stop-word-only or long one. */
export function checkedQuery(query: string | undefined, option: string): string[] {
  const q = (query ?? '').trim();
  if (!q) throw new UserError(`the ${option} is empty: type a few words to look for`, 'empty-query');
  if (q.length > MAX_QUERY_CHARS) {
    throw new UserError(`the ${option} is too long (${q.length} characters; at most ${MAX_QUERY_CHARS})`, 'long-query');
  }
  const qTerms = queryTerms(q);
  if (qTerms.length === 0) {
    const onlyStop = tokenize(q).some((t) => isStopWord(t.norm));
    throw new UserError(
      onlyStop
        ? `the ${option} "${q}" has only common words (like "the", "of"); add a word that says what you are looking for`
        : `the ${option} "${q}" has no words to look for`,
      'stopword-query',
    );
  }
  return qTerms;
}
