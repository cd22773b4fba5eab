// Every quote of the archive with its speaker, and the queries the commands ask of them.
// Plain data in and out; its state round-trips through JSON for the index cache.

import { distance } from 'fastest-levenshtein';
import type { Article } from '../archive/types.js';
import { UserError } from '../errors.js';
import { newestFirst } from '../text/dates.js';
import { terms } from '../text/tokenize.js';
import { attributeArticle } from './attribute.js';
import { foldName } from './names.js';
import { buildRegistry, type SpeakerEntry } from './registry.js';

export interface Quote {
  article: string;
  date: string | null;
  /** 1-based paragraph of the article (the citation number). */
  paragraph: number;
  /** The quoted words, without the marks. */
  text: string;
  /** Canonical full name, a group ("City officials in Denver"), or null when the text names no one. */
  speaker: string | null;
  role: string | null;
  /** `direct`: a quote that is its own sentence; `partial`: quoted words inside a reporting sentence. */
  kind: 'direct' | 'partial';
  /** Offsets of `text` in the paragraph. */
  start: number;
  end: number;
}

export interface QuoteQuery {
  topic?: string;
  /** With a topic: whether an article is about it (the engine's matcher); quotes elsewhere are left out. */
  about?: ((articleId: string) => boolean) | undefined;
  limit?: number;
}

/** The JSON form: articles and speakers once, quotes as rows that point into them. */
export interface QuoteStoreJSON {
  version: 1;
  articles: Array<[id: string, date: string | null]>;
  speakers: SpeakerEntry[];
  /** [article index, paragraph, text, speaker name or null, role or null, kind, start, end] */
  quotes: Array<[number, number, string, string | null, string | null, 'direct' | 'partial', number, number]>;
}

const MAX_INPUT = 100;

function extractQuotes(articles: readonly Article[]): Quote[] {
  const raw: Quote[] = [];
  for (const a of articles) {
    for (const q of attributeArticle(a.paragraphs)) {
      if (q.kind === 'fragment') continue;
      raw.push({ article: a.id, date: a.date, paragraph: q.paragraph, text: q.text, speaker: q.speaker, role: q.role, kind: q.kind, start: q.start, end: q.end });
    }
  }
  return raw;
}

export class QuoteStore {
  private readonly byArticle = new Map<string, Quote[]>();
  private readonly bySpeaker = new Map<string, Quote[]>();
  private readonly byKey = new Map<string, SpeakerEntry>();
  private df: Map<string, number> | null = null;

  private constructor(
    readonly quotes: readonly Quote[],
    private readonly registry: readonly SpeakerEntry[],
  ) {
    for (const q of quotes) {
      const a = this.byArticle.get(q.article);
      if (a) a.push(q);
      else this.byArticle.set(q.article, [q]);
      if (q.speaker) {
        const s = this.bySpeaker.get(q.speaker);
        if (s) s.push(q);
        else this.bySpeaker.set(q.speaker, [q]);
      }
    }
    for (const e of registry) this.byKey.set(foldName(e.name), e);
  }

  /** Extracts and attributes the quotes of every article. Scare quotes and titles are left out. */
  static build(articles: readonly Article[]): QuoteStore {
    return QuoteStore.fromQuotes(extractQuotes(articles));
  }

  /**
   * The store after articles were added or changed (`added`) or removed: only those articles
   * are read again; the speaker registry is rebuilt over all quotes (it is cheap), so names
   * merge across the archive as in a full build.
   */
  update(added: readonly Article[], removed: ReadonlySet<string>): QuoteStore {
    const gone = new Set([...removed, ...added.map((a) => a.id)]);
    return QuoteStore.fromQuotes([...this.quotes.filter((q) => !gone.has(q.article)), ...extractQuotes(added)]);
  }

  private static fromQuotes(raw: readonly Quote[]): QuoteStore {
    const { entries, canonical } = buildRegistry(raw.flatMap((q) => (q.speaker ? [{ name: q.speaker, role: q.role, article: q.article }] : [])));
    const quotes: Quote[] = raw.map((q) => ({ ...q, speaker: q.speaker === null ? null : (canonical.get(foldName(q.speaker)) ?? q.speaker) }));
    return new QuoteStore(quotes, entries);
  }

  toJSON(): QuoteStoreJSON {
    const articleIndex = new Map<string, number>();
    const articles: QuoteStoreJSON['articles'] = [];
    const rows: QuoteStoreJSON['quotes'] = [];
    for (const q of this.quotes) {
      let i = articleIndex.get(q.article);
      if (i === undefined) {
        i = articles.length;
        articleIndex.set(q.article, i);
        articles.push([q.article, q.date]);
      }
      rows.push([i, q.paragraph, q.text, q.speaker, q.role, q.kind, q.start, q.end]);
    }
    return { version: 1, articles, speakers: [...this.registry], quotes: rows };
  }

  /** Back from `toJSON()`; throws on any other shape (the caller then rebuilds). */
  static fromJSON(json: unknown): QuoteStore {
    if (!isStoreJSON(json)) throw new Error('QuoteStore: not a saved quote store (version 1)');
    const quotes: Quote[] = json.quotes.map(([a, paragraph, text, speaker, role, kind, start, end]) => {
      const art = json.articles[a];
      if (!art) throw new Error(`QuoteStore: quote points to missing article ${a}`);
      return { article: art[0], date: art[1], paragraph, text, speaker, role, kind, start, end };
    });
    return new QuoteStore(quotes, json.speakers);
  }

  get size(): number {
    return this.quotes.length;
  }

  /** The most quoted speakers first. */
  speakers(limit: number): SpeakerEntry[] {
    return this.registry.slice(0, Math.max(0, limit));
  }

  /** Every quote of one article in text order; an empty list for an article without quotes. */
  quotesOfArticle(id: string): Quote[] {
    return [...(this.byArticle.get(id) ?? [])];
  }

  /**
   * Quotes of one speaker (any form of the name `resolveSpeaker` accepts), most recent first; with
   * a topic, those that share its words, best first.
   */
  quotesBySpeaker(name: string, query: QuoteQuery = {}): Quote[] {
    const canonical = this.resolveSpeaker(name);
    const own = this.bySpeaker.get(canonical) ?? [];
    const ranked = query.topic?.trim() ? this.rankByTopic(own, query.topic, query.about) : [...own].sort(quoteOrder);
    return query.limit === undefined ? ranked : ranked.slice(0, query.limit);
  }

  /** The newest quotes of the archive (undated ones last), in text order within an article. */
  newest(limit: number): Quote[] {
    return [...this.quotes].sort(quoteOrder).slice(0, Math.max(0, limit));
  }

  /** Quotes of anyone that share the topic's words, best first. */
  quotesAbout(topic: string, limit?: number, about?: (articleId: string) => boolean): Quote[] {
    const ranked = this.rankByTopic(this.quotes, topic, about);
    return limit === undefined ? ranked : ranked.slice(0, limit);
  }

  /**
   * Quotes in `quotes` that share `topic`'s words, ranked by the summed IDF of the shared terms;
   * with `about`, only quotes of articles about the topic.
   */
  rankByTopic(quotes: readonly Quote[], topic: string, about?: (articleId: string) => boolean): Quote[] {
    const want = [...new Set(terms(topic))];
    if (want.length === 0) throw new UserError(`the topic "${topic.trim().slice(0, MAX_INPUT)}" has no words to look for`, 'empty-topic');
    const df = this.documentFrequencies();
    const n = this.quotes.length;
    const idf = (t: string): number => Math.log(1 + n / (1 + (df.get(t) ?? 0)));
    const scored: Array<{ q: Quote; score: number; order: number }> = [];
    quotes.forEach((q, order) => {
      const have = new Set(terms(q.text));
      let score = 0;
      for (const t of want) if (have.has(t)) score += idf(t);
      if (score > 0 && (about?.(q.article) ?? true)) scored.push({ q, score, order });
    });
    scored.sort((a, b) => b.score - a.score || quoteOrder(a.q, b.q) || a.order - b.order);
    return scored.map((s) => s.q);
  }

  /** Autocomplete: names with a word starting with the input (any part of the name), best first. */
  suggestSpeakers(prefix: string, limit = 25): string[] {
    const p = foldName(prefix.slice(0, MAX_INPUT));
    if (!p) return this.registry.slice(0, limit).map((e) => e.name);
    const scored: Array<{ e: SpeakerEntry; rank: number }> = [];
    for (const e of this.registry) {
      const key = foldName(e.name);
      let rank = -1;
      if (key === p) rank = 0;
      else if (key.startsWith(p)) rank = 1;
      else if (key.includes(` ${p}`)) rank = 2;
      if (rank >= 0) scored.push({ e, rank });
    }
    // The registry is already most-quoted first; a stable sort keeps that order within a rank.
    scored.sort((a, b) => a.rank - b.rank);
    return scored.slice(0, limit).map((s) => s.e.name);
  }

  /**
   * The canonical name for what a person typed: the name in any case or accents, or a surname or
   * other part that only one speaker has. Otherwise a UserError naming close speakers.
   */
  resolveSpeaker(input: string): string {
    const raw = input.trim().slice(0, MAX_INPUT);
    const key = foldName(raw);
    if (!key) throw new UserError('the speaker is empty: type a name', 'empty-speaker');
    const exact = this.byKey.get(key);
    if (exact) return exact.name;
    const partial = this.registry.filter((e) => ` ${foldName(e.name)} `.includes(` ${key} `));
    if (partial.length === 1 && partial[0]) return partial[0].name;
    if (partial.length > 1) {
      throw new UserError(`"${raw}" matches several speakers: ${partial.slice(0, 5).map((e) => e.name).join(', ')}; which one?`, 'ambiguous-speaker');
    }
    const close = this.closeNames(key, 3);
    throw new UserError(`no quotes from ${raw}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`, 'unknown-speaker');
  }

  /** Speaker names within a small edit distance of `key`, whole or word by word. */
  private closeNames(key: string, n: number): string[] {
    const scored: Array<{ name: string; d: number; quotes: number }> = [];
    const keyWords = key.split(' ');
    for (const e of this.registry) {
      const k = foldName(e.name);
      if (Math.abs(k.length - key.length) > 12 && !k.split(' ').some((w) => keyWords.includes(w))) {
        // Far apart in length and no word in common: not worth the distance.
        const prefix = k.split(' ').some((w) => keyWords.some((q) => q.length >= 3 && (w.startsWith(q) || q.startsWith(w))));
        if (!prefix) continue;
      }
      const whole = levenshtein(key, k, 4);
      let words = Infinity;
      for (const w of k.split(' ')) for (const q of keyWords) words = Math.min(words, levenshtein(q, w, 2) + (q === w ? 0 : 0.5));
      const d = Math.min(whole, words);
      const limit = Math.max(1, Math.floor(key.length / 4));
      if (d <= limit) scored.push({ name: e.name, d, quotes: e.quotes });
    }
    scored.sort((a, b) => a.d - b.d || b.quotes - a.quotes);
    return scored.slice(0, n).map((s) => s.name);
  }

  /** For the search filter: where this speaker's quotes are, by article id. */
  quotedSpans(name: string): Map<string, Array<{ paragraph: number; start: number; end: number }>> {
    const canonical = this.resolveSpeaker(name);
    const out = new Map<string, Array<{ paragraph: number; start: number; end: number }>>();
    for (const q of this.bySpeaker.get(canonical) ?? []) {
      const span = { paragraph: q.paragraph, start: q.start, end: q.end };
      const list = out.get(q.article);
      if (list) list.push(span);
      else out.set(q.article, [span]);
    }
    return out;
  }

  private documentFrequencies(): Map<string, number> {
    if (this.df) return this.df;
    const df = new Map<string, number>();
    for (const q of this.quotes) for (const t of new Set(terms(q.text))) df.set(t, (df.get(t) ?? 0) + 1);
    this.df = df;
    return df;
  }
}

function quoteOrder(a: Quote, b: Quote): number {
  const byDate = newestFirst(a, b);
  if (byDate !== 0) return byDate;
  if (a.article !== b.article) return a.article < b.article ? -1 : 1;
  return a.paragraph - b.paragraph || a.start - b.start;
}

/** Edit distance, capped at `max + 1`. */
export function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return Math.min(distance(a, b), max + 1);
}

function isStoreJSON(x: unknown): x is QuoteStoreJSON {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  if (o.version !== 1 || !Array.isArray(o.articles) || !Array.isArray(o.speakers) || !Array.isArray(o.quotes)) return false;
  const okArticle = (a: unknown): boolean => Array.isArray(a) && typeof a[0] === 'string' && (a[1] === null || typeof a[1] === 'string');
  const okSpeaker = (s: unknown): boolean =>
    typeof s === 'object' && s !== null && typeof (s as SpeakerEntry).name === 'string' && typeof (s as SpeakerEntry).quotes === 'number' && Array.isArray((s as SpeakerEntry).roles);
  const okQuote = (q: unknown): boolean =>
    Array.isArray(q) &&
    q.length === 8 &&
    typeof q[6] === 'number' &&
    typeof q[7] === 'number' &&
    typeof q[0] === 'number' &&
    typeof q[1] === 'number' &&
    typeof q[2] === 'string' &&
    (q[3] === null || typeof q[3] === 'string') &&
    (q[4] === null || typeof q[4] === 'string') &&
    (q[5] === 'direct' || q[5] === 'partial');
  return o.articles.every(okArticle) && o.speakers.every(okSpeaker) && o.quotes.every(okQuote);
}
