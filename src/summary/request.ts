import type { Article } from '../archive/types.js';
import { UserError } from '../errors.js';
import { summarize } from './summarize.js';

/** A quotation worth showing beside a summary. */
export interface KeyQuote {
  /** Without the quote marks. */
  text: string;
  /** The full canonical name, or null when no speaker can be found. */
  speaker: string | null;
  /** 1-based paragraph, for the citation. */
  paragraph: number;
}

/**
 * The hook through which the quotes feature offers an article's key quotes (best first, at
 * most `limit`). Absent when the quotes feature is not built: the summary then has no quotes.
 */
export type KeyQuotes = (article: Article, limit: number) => KeyQuote[];

export const MAX_KEY_QUOTES = 2;

/** What answering /summary needs: the engine provides all of it. */
export interface SummarySource {
  /** The article by id; a UserError with close ids for an unknown one. */
  getArticle(id: string): Article;
  /** Best-first search, used to pick the article for a query. */
  search(req: { query: string; limit?: number }): { hits: ReadonlyArray<{ article: string }> };
  keyQuotes?: KeyQuotes | undefined;
  /** Every article: without an id or a query, the newest one is summed up. */
  readonly articles: readonly Article[];
}

export interface SummaryRequest {
  /** The article id; wins over `query` when both are given. */
  article?: string | undefined;
  /** Else: the best-matching article for these words. Neither: the newest article. */
  query?: string | undefined;
  sentences?: number | string | undefined;
}

/** The `summary` result of interface §2, extended with citations and what the reply shows. */
export interface SummaryResult {
  article: string;
  date: string | null;
  title: string;
  /** Verbatim, in article order. */
  sentences: string[];
  /** The 1-based paragraph of each sentence, for its citation. */
  paragraphs: number[];
  /** Body words (the headline not counted). */
  words: number;
  url?: string;
  /** Up to two, when the quotes feature is present. */
  quotes?: KeyQuote[];
  /** The words the article was chosen by, when it was chosen by a query. */
  query?: string;
  /** True when no article or query was given and the newest article was taken. */
  newest?: boolean;
}

export function summaryOf(source: SummarySource, req: SummaryRequest): SummaryResult {
  const id = req.article?.trim();
  const query = req.query?.trim();
  let article: Article;
  if (id) article = source.getArticle(id);
  else if (query) {
    const best = source.search({ query, limit: 1 }).hits[0];
    if (!best) throw new UserError(`summary: no article matches "${query.slice(0, 80)}"`, 'summary.no-match');
    article = source.getArticle(best.article);
  } else {
    const newest = newestArticle(source.articles);
    if (!newest) throw new UserError('summary: the archive has no articles', 'summary.empty-archive');
    article = newest;
  }
  const summary = summarize(article, { sentences: req.sentences });
  const result: SummaryResult = {
    article: article.id,
    date: article.date,
    title: article.title,
    // Never an empty reply: an article whose only text is its headline is summed up by it.
    sentences: summary.sentences.length ? summary.sentences.map((s) => s.text) : [article.title],
    paragraphs: summary.sentences.length ? summary.sentences.map((s) => s.paragraph) : [1],
    words: summary.words,
  };
  if (article.url) result.url = article.url;
  if (source.keyQuotes) {
    // A quote the summary already shows in full adds nothing beside it: prefer others.
    const offered = source.keyQuotes(article, MAX_KEY_QUOTES + 4);
    const shown = (q: KeyQuote): boolean => result.sentences.some((s) => s.includes(q.text));
    result.quotes = [...offered.filter((q) => !shown(q)), ...offered.filter(shown)].slice(0, MAX_KEY_QUOTES);
  }
  if (!id && query) result.query = query;
  if (!id && !query) result.newest = true;
  return result;
}

/** The newest dated article (the higher id on a tie); the first one when none is dated. */
function newestArticle(articles: readonly Article[]): Article | undefined {
  let best: Article | undefined;
  for (const a of articles) {
    if (!best) best = a;
    else if (a.date !== null && (best.date === null || a.date > best.date || (a.date === best.date && a.id > best.id))) best = a;
  }
  return best;
}
