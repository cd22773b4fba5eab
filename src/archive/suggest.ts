import { distance } from 'fastest-levenshtein';
import type { Article } from './types.js';
import { newestFirst } from '../text/dates.js';
import { normalizeWord } from '../text/tokenize.js';

export interface ArticleChoice {
  id: string;
  title: string;
  date: string | null;
}

const words = (s: string): string[] => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(normalizeWord);

// An article's title words, normalised once per article object: a live archive rebuilds the
// suggester on every change, and re-normalising 19,000 titles would cost the next keystroke.
const titleKeys = new WeakMap<Article, string>();
function titleKey(a: Article): string {
  let key = titleKeys.get(a);
  if (key === undefined) {
    key = ` ${words(a.title).join(' ')}`;
    titleKeys.set(a, key);
  }
  return key;
}

/**
 * Article suggestions for autocomplete and "did you mean": articles whose id starts with the
 * input, then those whose title has words starting with each input word, newest first.
 * Autocomplete runs on every keystroke and must answer in milliseconds: on a 19,000-article
 * archive, splitting and normalising every title per keystroke takes tens of ms, so the title
 * words are prepared once, in one string that a native `indexOf` scans.
 */
export class ArticleSuggester {
  /** Lower-case ids, in archive order. */
  private readonly ids: string[];
  private readonly newest: Article[];
  /** Per article of `newest`: its title words, each after a space, so `includes(' ' + prefix)` is a word-prefix test. */
  private readonly titleKeys: string[];
  private readonly blob: string;
  private readonly starts: number[] = [];

  constructor(private readonly articles: readonly Article[]) {
    this.ids = articles.map((a) => a.id.toLowerCase());
    this.newest = [...articles].sort(newestFirst);
    this.titleKeys = this.newest.map(titleKey);
    let at = 0;
    for (const k of this.titleKeys) {
      this.starts.push(at);
      at += k.length + 1;
    }
    this.blob = this.titleKeys.join('\n');
  }

  suggest(input: string, limit = 25): Article[] {
    const q = input.trim().toLowerCase();
    if (!q) return this.newest.slice(0, limit);
    const out: Article[] = [];
    const seen = new Set<Article>();
    for (let i = 0; i < this.ids.length && out.length < limit; i++) {
      const a = this.articles[i];
      if (a && this.ids[i]?.startsWith(q)) {
        out.push(a);
        seen.add(a);
      }
    }
    const qKeys = words(q).map((w) => ` ${w}`);
    // Scan for the longest word (fewest hits), then check the others on each hit's own title.
    const pivot = qKeys.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (!pivot) return out;
    let pos = this.blob.indexOf(pivot);
    while (pos >= 0 && out.length < limit) {
      const i = lastAtOrBefore(this.starts, pos);
      const a = this.newest[i];
      const key = this.titleKeys[i];
      if (a && key !== undefined && !seen.has(a) && qKeys.every((w) => key.includes(w))) out.push(a);
      pos = this.blob.indexOf(pivot, this.starts[i + 1] ?? this.blob.length);
    }
    return out;
  }
}

/** The index of the last element of the ascending `xs` that is ≤ `x` (xs[0] is 0 ≤ x). */
function lastAtOrBefore(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((xs[mid] ?? Infinity) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const toChoice = (a: Article): ArticleChoice => ({ id: a.id, title: a.title, date: a.date });

/** One-off suggestions over a list of articles (the engine keeps a prepared suggester). */
export function suggestArticles(articles: readonly Article[], input: string, limit = 25): ArticleChoice[] {
  return new ArticleSuggester(articles).suggest(input, limit).map(toChoice);
}

/** Close ids for an unknown one: prefix/title matches, else the smallest edit distances. */
export function didYouMean(articles: readonly Article[], input: string, limit = 3, suggester = new ArticleSuggester(articles)): string[] {
  const direct = suggester.suggest(input, limit).map((c) => c.id);
  if (direct.length > 0) return direct;
  const q = input.toLowerCase().slice(0, 64);
  return articles
    .map((a) => ({ id: a.id, d: distance(q, a.id.toLowerCase().slice(0, 64)) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(q.length / 3)))
    .sort((x, y) => x.d - y.d)
    .slice(0, limit)
    .map((x) => x.id);
}
