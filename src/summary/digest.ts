import type { Article } from '../archive/types.js';
import { UserError } from '../errors.js';
import { parseDateRange, parsePeriod, type DateRange } from '../search/date-range.js';
import { newestFirst } from '../text/dates.js';
import { termOf, tokenize } from '../text/tokenize.js';
import { runSliced, type Sliced } from '../search/slices.js';
import { groupStories, warmStories, type Story } from './stories.js';
import { summarize } from './summarize.js';

export const DIGEST_DEFAULT_LIMIT = 10;
export const DIGEST_MAX_LIMIT = 25;

/** Whether an article is about a topic. The search index can stand in for the default. */
export type TopicMatcher = (article: Article, topic: string) => boolean;

export interface DigestOptions {
  /** A day, month (`2020-01`) or year (`2020`); not with from/to. */
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  topic?: string | undefined;
  /** Entries a page, 1 to 25; default 10. */
  limit?: number | string | undefined;
  /** 1-based page of the newest-first list. */
  page?: number | string | undefined;
  /** Default: every topic word (stemmed) begins a word of the title or text. */
  matches?: TopicMatcher | undefined;
  /** List the articles one by one, newest first, instead of grouping them into stories. */
  articles?: boolean | undefined;
}

/** A story: articles of the period about one event, the one that stands for it first. */
export interface DigestStory {
  /** The headline of the story's most typical article. */
  title: string;
  /** That article's one-sentence summary, verbatim. */
  summary: string;
  /** Every article of the story, most typical first. */
  articles: string[];
  size: number;
  /** The story's best articles (at most 3), with their citations; the first is the one summed up. */
  cited: DigestCitation[];
}

/** An article cited under a story: where to read it. */
export interface DigestCitation {
  article: string;
  title: string;
  date: string;
  /** 1-based paragraph: the summary sentence's for the lead article, the first body paragraph for the others. */
  paragraph: number;
  url?: string;
}

export interface DigestEntry {
  article: string;
  title: string;
  date: string;
  /** The article's one-sentence summary, verbatim. */
  summary: string;
  /** 1-based paragraph of that sentence, for the citation. */
  paragraph: number;
  url?: string;
}

export interface Digest {
  /** The period covered, inclusive; null on an open side. */
  from: string | null;
  to: string | null;
  topic: string | null;
  /** Articles in the period (and on the topic), over all pages. */
  total: number;
  page: number;
  pages: number;
  /**
   * Newest first when listing articles; when grouping (the default), the lead article of
   * each story on the page, in story order.
   */
  entries: DigestEntry[];
  /** The page's stories, heaviest first; absent when listing articles one by one. */
  stories?: DigestStory[];
  /** How many stories the period has (over all pages), when grouping. */
  storyCount?: number;
}

/** Articles of a story cited under its line. */
export const STORY_CITATIONS = 3;

/**
 * The articles of a day or a period, optionally on a topic, newest first, each with its
 * one-sentence summary. Without any date option: the newest day in the archive. Undated
 * articles are never listed (a digest is by date). Summaries are computed only for the page
 * shown, and remembered.
 */
export function digest(articles: readonly Article[], options: DigestOptions = {}): Digest {
  const limit = checkedCount(options.limit, 'limit', DIGEST_DEFAULT_LIMIT, DIGEST_MAX_LIMIT);
  const page = checkedCount(options.page, 'page', 1, Number.MAX_SAFE_INTEGER);
  const sorted = datedNewestFirst(articles);
  const range = periodOf(options, sorted);
  let found = within(sorted, range);
  const topic = options.topic?.trim() ? options.topic.trim() : null;
  if (topic !== null) {
    const matches = options.matches ?? topicMatcher(topic);
    found = found.filter((a) => matches(a, topic));
  }
  const base = { from: range.from ?? null, to: range.to ?? null, topic, total: found.length, page };
  if (options.articles) {
    const pages = Math.max(1, Math.ceil(found.length / limit));
    if (page > pages) throw new UserError(`digest: page ${page} is past the last page (${pages})`, 'digest.page');
    return { ...base, pages, entries: found.slice((page - 1) * limit, page * limit).map(entryOf) };
  }
  const all = storiesOf(articles, found, periodKey(range, topic));
  const pages = Math.max(1, Math.ceil(all.length / limit));
  if (page > pages) throw new UserError(`digest: page ${page} is past the last page (${pages})`, 'digest.page');
  const stories = all.slice((page - 1) * limit, page * limit).map(storyOf);
  const leads = all.slice((page - 1) * limit, page * limit).flatMap((s) => (s.articles[0] ? [entryOf(s.articles[0])] : []));
  return { ...base, pages, entries: leads, stories, storyCount: all.length };
}

/**
 * Articles whose story signatures the warm-up makes, newest first: a month of a busy wire is
 * some 10,000; the bound keeps start-up work and memory in proportion on a big archive (older
 * periods are made, or read from the index cache, on their first digest).
 */
export const WARM_DIGEST_ARTICLES = 30_000;

/**
 * Prepares the first digest in the background (a bot, after it opens): sorts the archive by
 * date and makes (or reads, from an index cache that stores them) the story signatures of its
 * `newest` newest articles and of the reference sample, a slice at a time, so the first
 * `/digest` of a recent month only groups, and groups the newest day (the digest without a
 * date). Digests asked for meanwhile are answered as usual
 * (they make whatever is not ready yet).
 */
export function warmDigest(articles: readonly Article[], newest = WARM_DIGEST_ARTICLES): Promise<void> {
  return runSliced(digestWarmUp(articles, newest));
}

function* digestWarmUp(articles: readonly Article[], newest: number): Sliced<void> {
  const sorted = datedNewestFirst(articles);
  yield;
  yield* warmStories(articles, sorted.slice(0, newest));
  // The digest asked without a date (the newest day) is ready grouped.
  const range = periodOf({}, sorted);
  storiesOf(articles, within(sorted, range), periodKey(range, null));
}

const periodKey = (range: DateRange, topic: string | null): string => `${range.from ?? ''}|${range.to ?? ''}|${topic ?? ''}`;

// The last few groupings per article list, so that further pages cost a slice, not a regrouping.
const storyCache = new WeakMap<readonly Article[], Map<string, Story[]>>();
const STORY_CACHE_SIZE = 8;

// Keyed by the article list (a live archive replaces it on every change) and the period and
// topic: a topic matcher must answer the same for the same list, as the search index does.
function storiesOf(archive: readonly Article[], found: readonly Article[], key: string): Story[] {
  let cache = storyCache.get(archive);
  if (!cache) {
    cache = new Map();
    storyCache.set(archive, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const stories = groupStories(found, archive);
  if (cache.size >= STORY_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, stories);
  return stories;
}

function storyOf(story: Story): DigestStory {
  const [first, ...rest] = story.articles.slice(0, STORY_CITATIONS);
  const lead = first ? entryOf(first) : undefined;
  // Only the lead is summed up: a page of stories costs one summary each, not three.
  const cited: DigestCitation[] = [...(lead ? [lead] : []), ...rest.map(citationOf)].map(({ article, title, date, paragraph, url }) => ({
    article,
    title,
    date,
    paragraph,
    ...(url ? { url } : {}),
  }));
  return {
    title: lead?.title ?? '',
    summary: lead?.summary ?? '',
    articles: story.articles.map((a) => a.id),
    size: story.articles.length,
    cited,
  };
}

function checkedCount(value: number | string | undefined, option: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a whole number from 1' : `a whole number from 1 to ${max}`;
    throw new UserError(`digest: ${option} must be ${range}, not ${JSON.stringify(value)}`, `digest.${option}`);
  }
  return n;
}

function periodOf(options: DigestOptions, sorted: readonly Article[]): DateRange {
  const given = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';
  if (given(options.date)) {
    if (given(options.from) || given(options.to)) throw new UserError('digest: give either date, or from/to, not both', 'digest.dates');
    const { first, last } = parsePeriod('date', options.date);
    return { from: first, to: last };
  }
  if (given(options.from) || given(options.to)) return parseDateRange(options.from, options.to);
  const newest = sorted[0]?.date;
  return newest ? { from: newest, to: newest } : {};
}

// Dated articles newest first (ties: the higher id first, as wire ids grow through the day),
// sorted once per article list.
const sortedCache = new WeakMap<readonly Article[], Article[]>();
const byId = new Intl.Collator('en', { numeric: true });

function datedNewestFirst(articles: readonly Article[]): Article[] {
  let sorted = sortedCache.get(articles);
  if (!sorted) {
    sorted = articles.filter((a) => a.date !== null);
    sorted.sort((a, b) => newestFirst(a, b) || byId.compare(b.id, a.id));
    sortedCache.set(articles, sorted);
  }
  return sorted;
}

/** The slice of a newest-first list inside the range, found by binary search. */
function within(sorted: readonly Article[], range: DateRange): Article[] {
  // First index whose date is <= to, and first index whose date is < from.
  const firstAtMost = (day: string): number => lowerBound(sorted, (a) => (a.date ?? '') <= day);
  const start = range.to ? firstAtMost(range.to) : 0;
  const end = range.from ? lowerBound(sorted, (a) => (a.date ?? '') < (range.from ?? '')) : sorted.length;
  return sorted.slice(start, Math.max(start, end));
}

/** The first index where `pred` holds, for a predicate that stays true once it holds. */
function lowerBound(xs: readonly Article[], pred: (a: Article) => boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = xs[mid];
    if (x && pred(x)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The default topic test. An article is about the topic when every topic word appears in it
 * and at least one of them in its title or its first two body paragraphs (a passing mention
 * deep in a story does not make it "about" the topic). A word matches its forms: the stem,
 * cut back to what it shares with the word as Porter rewrites endings ("economy" → "econom"),
 * plus up to four letters ("economic", "prices"), but not a longer word ("oil" ≠ "oilseeds").
 * No index needed, and fast enough for a month of news.
 */
export function topicMatcher(topic: string): TopicMatcher {
  const stems = [
    ...new Set(
      // Hyphenated words are looked for part by part; the joined form rarely appears in text.
      tokenize(topic.replace(/[-‐‑–]/g, ' ')).flatMap((t) => {
        const term = termOf(t);
        if (term === null) return [];
        let n = 0;
        while (n < term.length && term[n] === t.norm[n]) n++;
        return [n >= 3 ? term.slice(0, n) : t.norm];
      }),
    ),
  ];
  if (stems.length === 0) throw new UserError(`digest: the topic "${topic.slice(0, 60)}" has no words to look for`, 'digest.topic');
  const patterns = stems.map(
    (s) => new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\p{L}{0,4}(?![\\p{L}\\p{N}])`, 'iu'),
  );
  return (article) => {
    const first = article.headline ? 1 : 0;
    const lead = [article.title, ...article.paragraphs.slice(first, first + 2)];
    return patterns.every((p) => article.paragraphs.some((x) => p.test(x)) || p.test(article.title)) && patterns.some((p) => lead.some((x) => p.test(x)));
  };
}

function citationOf(a: Article): DigestCitation {
  const c: DigestCitation = { article: a.id, title: a.title, date: a.date ?? '', paragraph: a.headline && a.paragraphs.length > 1 ? 2 : 1 };
  if (a.url) c.url = a.url;
  return c;
}

const entryCache = new WeakMap<Article, DigestEntry>();

function entryOf(article: Article): DigestEntry {
  let entry = entryCache.get(article);
  if (!entry) {
    const first = summarize(article, { sentences: 1 }).sentences[0];
    entry = {
      article: article.id,
      title: article.title,
      date: article.date ?? '',
      summary: first?.text ?? article.title,
      paragraph: first?.paragraph ?? 1,
    };
    if (article.url) entry.url = article.url;
    entryCache.set(article, entry);
  }
  return entry;
}
