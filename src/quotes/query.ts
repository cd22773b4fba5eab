// What /quotes and /speakers answer, as plain data (interface §2 shapes, plus the role).

import { DEFAULT_LIMIT, MAX_LIMIT } from '../engine.js';
import type { Quote, QuoteStore } from './store.js';

export interface QuotesRequest {
  speaker?: string;
  topic?: string;
  article?: string;
  limit?: number;
  /** Whether an article is about the topic (the engine's matcher, as /digest and /timeline use it). */
  about?: (articleId: string) => boolean;
}

/** A quote as the commands show it: the stored quote without its offsets and kind. */
export type QuoteView = Pick<Quote, 'article' | 'date' | 'paragraph' | 'text' | 'speaker' | 'role'>;

export interface QuotesResult {
  quotes: QuoteView[];
  /** The canonical speaker asked for, when one was; renderers say whose quotes these are. */
  speaker?: string;
  topic?: string;
  /** Other speakers the typed name also fits ("Blair": Cherie Blair), with their quote counts. */
  others?: Array<{ name: string; quotes: number }>;
}

export interface SpeakerView {
  name: string;
  quotes: number;
  articles: number;
  roles: string[];
}

const view = (q: Quote): QuoteView => ({ article: q.article, date: q.date, paragraph: q.paragraph, text: q.text, speaker: q.speaker, role: q.role });

/**
 * Quotes by a speaker (optionally about a topic), about a topic, of one article in text order, or
 * with no option the newest of the archive.
 * `articleId` checks an article option and returns its id (the engine's unknown-article error).
 */
export function answerQuotes(store: QuoteStore, req: QuotesRequest, articleId: (input: string) => string): QuotesResult {
  const speakerInput = req.speaker?.trim() ?? '';
  const topic = req.topic?.trim() ?? '';
  const articleInput = req.article?.trim() ?? '';
  const found = speakerInput ? store.lookupSpeaker(speakerInput) : undefined;
  const speaker = found?.name;
  const out: QuotesResult = { quotes: [] };
  if (speaker) out.speaker = speaker;
  if (found && found.others.length > 0) out.others = found.others;
  if (topic) out.topic = topic;

  if (articleInput) {
    // Every quote of the article in text order, unless a limit is asked for.
    let quotes = store.quotesOfArticle(articleId(articleInput));
    if (speaker) quotes = quotes.filter((q) => q.speaker === speaker);
    if (topic) {
      const keep = new Set(store.rankByTopic(quotes, topic, req.about));
      quotes = quotes.filter((q) => keep.has(q));
    }
    if (req.limit !== undefined) quotes = quotes.slice(0, req.limit);
    out.quotes = quotes.map(view);
    return out;
  }
  const limit = req.limit ?? DEFAULT_LIMIT;
  // Nothing asked for: the newest quotes of the archive.
  const quotes = speaker ? store.quotesBySpeaker(speaker, { topic, limit, about: req.about }) : topic ? store.quotesAbout(topic, limit, req.about) : store.newest(limit);
  out.quotes = quotes.map(view);
  return out;
}

export const DEFAULT_SPEAKERS = 10;

/** The most quoted speakers, with how many quotes and articles. */
export function answerSpeakers(store: QuoteStore, limit: number | undefined): { speakers: SpeakerView[] } {
  const n = limit ?? DEFAULT_SPEAKERS;
  return { speakers: store.speakers(n).map((s) => ({ name: s.name, quotes: s.quotes, articles: s.articles, roles: s.roles.slice(0, 3) })) };
}

export { DEFAULT_LIMIT, MAX_LIMIT };
