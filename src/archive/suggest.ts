import type { Article } from './types.js';
import { normalizeWord } from '../text/tokenize.js';

export interface ArticleChoice {
  id: string;
  title: string;
  date: string | null;
}

const words = (s: string): string[] => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(normalizeWord);

/**
 * Articles whose id starts with the input or whose title has words starting with each input
 * word; id matches first, then titles, newest first. For autocomplete and "did you mean".
 */
export function suggestArticles(articles: readonly Article[], input: string, limit = 25): ArticleChoice[] {
  const q = input.trim().toLowerCase();
  const pick = (a: Article): ArticleChoice => ({ id: a.id, title: a.title, date: a.date });
  if (!q) return [...articles].sort(newestFirst).slice(0, limit).map(pick);
  const qWords = words(q);
  const byId: Article[] = [];
  const byTitle: Article[] = [];
  for (const a of articles) {
    if (a.id.toLowerCase().startsWith(q)) byId.push(a);
    else if (qWords.length > 0) {
      const tw = words(a.title);
      if (qWords.every((w) => tw.some((t) => t.startsWith(w)))) byTitle.push(a);
    }
    if (byId.length >= limit) break;
  }
  byTitle.sort(newestFirst);
  return [...byId, ...byTitle].slice(0, limit).map(pick);
}

/** Close ids for an unknown one: prefix/title matches, else the smallest edit distances. */
export function didYouMean(articles: readonly Article[], input: string, limit = 3): string[] {
  const direct = suggestArticles(articles, input, limit).map((c) => c.id);
  if (direct.length > 0) return direct;
  const q = input.toLowerCase().slice(0, 64);
  return articles
    .map((a) => ({ id: a.id, d: editDistance(q, a.id.toLowerCase().slice(0, 64)) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(q.length / 3)))
    .sort((x, y) => x.d - y.d)
    .slice(0, limit)
    .map((x) => x.id);
}

function newestFirst(a: Article, b: Article): number {
  return (b.date ?? '').localeCompare(a.date ?? '');
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
