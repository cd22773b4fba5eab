import type { Article } from '../archive/types.js';

export interface Passage {
  /** Index into the article list. */
  article: number;
  /** 1-based paragraph number the passage comes from (what citations name). */
  paragraph: number;
  /** Character offsets of the passage within its paragraph (windows of long paragraphs). */
  start: number;
  end: number;
}

export interface PassageSettings {
  /** Paragraphs longer than this many words are split into overlapping windows. */
  maxWords: number;
  /** Words shared by consecutive windows, so a phrase on a boundary is still found whole. */
  overlapWords: number;
}

export const DEFAULT_PASSAGE_SETTINGS: PassageSettings = { maxWords: 220, overlapWords: 40 };

/** One passage per paragraph; a very long paragraph becomes windows that cite the same paragraph. */
export function articlePassages(article: Article, index: number, settings: PassageSettings = DEFAULT_PASSAGE_SETTINGS): Passage[] {
  const out: Passage[] = [];
  article.paragraphs.forEach((p, pi) => {
    for (const [start, end] of windows(p, settings)) out.push({ article: index, paragraph: pi + 1, start, end });
  });
  return out;
}

export function buildPassages(articles: readonly Article[], settings: PassageSettings = DEFAULT_PASSAGE_SETTINGS): Passage[] {
  return articles.flatMap((a, i) => articlePassages(a, i, settings));
}

function windows(text: string, { maxWords, overlapWords }: PassageSettings): Array<[number, number]> {
  const starts: number[] = [];
  for (const m of text.matchAll(/\S+/g)) starts.push(m.index);
  if (starts.length <= maxWords) return [[0, text.length]];
  const step = Math.max(1, maxWords - overlapWords);
  const out: Array<[number, number]> = [];
  for (let w = 0; w < starts.length; w += step) {
    const last = Math.min(w + maxWords, starts.length);
    const end = last < starts.length ? (starts[last] ?? text.length) : text.length;
    out.push([starts[w] ?? 0, end]);
    if (last === starts.length) break;
  }
  return out.map(([s, e]) => [s, s + text.slice(s, e).trimEnd().length]);
}
