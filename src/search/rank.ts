import type { PassageIndex } from './index.js';
import { terms } from '../text/tokenize.js';

export type RankMode = 'search' | 'ask';

export interface RankOptions {
  mode: RankMode;
  limit: number;
  /** Keep only passages this accepts (date range, speaker…), applied inside retrieval. */
  filter?: (passage: number) => boolean;
  /** The user may still be typing the last word (search as you type): expand it as a prefix. */
  prefixLast: boolean;
  /** Extra score for a passage, e.g. the answer-type cue of a question; gets the candidate's text. */
  cue?: (passage: number) => number;
}

export interface Ranked {
  passage: number;
  score: number;
  /** Index terms of the query (and their prefix/fuzzy expansions) found in this passage. */
  matched: Set<string>;
}

/**
 * The re-ranker's weights, tuned on held-out questions (bench/eval-ask.ts); overridable for
 * experiments. Tried and dropped for not helping: pairwise proximity within a window, credit
 * for the whole article covering the query, and article-local term rarity.
 */
export interface RankTuning {
  /**
   * Retrieval runs MiniSearch on the query's rarer terms only, until their passage counts add
   * up to this; very common terms still count in the re-ranking. On a 100k-passage archive this
   * bounds the work per query instead of scoring every passage that contains "said" or "year".
   */
  retrievalPostings: number;
  candidates: Record<RankMode, number>;
  /** Weight of a prefix- or fuzzy-expanded term relative to an exact one. */
  expandedWeight: number;
  /** Credit for each pair of consecutive query words found next to each other, in order (a phrase). */
  phraseWeight: number;
  /**
   * Credit for the best-covered stretch of `windowSize` words: the rare-weighted query terms
   * found together there. Questions are usually answered by one sentence that shares their words.
   */
  windowWeight: number;
  windowSize: number;
  titleWeight: number;
  /**
   * `ask` also weighs the other passages of this many top articles: a question can name the
   * article's subject (its title) and be answered by a paragraph that repeats none of its words.
   */
  articleNeighbours: number;
}

export const DEFAULT_RANK_TUNING: RankTuning = {
  retrievalPostings: 2_000,
  candidates: { search: 120, ask: 200 },
  expandedWeight: 0.5,
  phraseWeight: 0.6,
  windowWeight: 0.6,
  windowSize: 12,
  titleWeight: 0.35,
  articleNeighbours: 3,
};

const MAX_TERMS = 32;
const MIN_STEM_PREFIX = 5;

/** The distinct index terms of a query, in query order (at most MAX_TERMS). */
export function queryTerms(text: string): string[] {
  return [...new Set(terms(text))].slice(0, MAX_TERMS);
}

export function rank(
  index: PassageIndex,
  qTerms: readonly string[],
  opts: RankOptions,
  tuning: RankTuning = DEFAULT_RANK_TUNING,
): Ranked[] {
  if (qTerms.length === 0) return [];
  const { vocab, df } = index;
  const known = qTerms.filter((t) => vocab.has(t));
  const idOf = (t: string): number => vocab.get(t) ?? 0;
  const rare = known.filter((t) => !index.isCommon(idOf(t)));
  const common = known.filter((t) => index.isCommon(idOf(t)));
  const last = qTerms[qTerms.length - 1] ?? '';
  const prefixLast = opts.prefixLast && !vocab.has(last) && last.length >= 3;

  // Rarest first until the budget is spent; a term MiniSearch must expand always goes in.
  const byRarity = [...rare].sort((a, b) => (df[idOf(a)] ?? 0) - (df[idOf(b)] ?? 0));
  const selected: string[] = [];
  let postings = 0;
  for (const t of byRarity) {
    const n = df[idOf(t)] ?? 0;
    if (selected.length > 0 && postings + n > tuning.retrievalPostings) break;
    selected.push(t);
    postings += n;
  }
  const unknown = qTerms.filter((t) => !vocab.has(t));
  // A misspelt ending changes the stem ("immigraton" stays whole, "immigration" → "immigr"),
  // beyond fuzzy reach: an unknown word also matches the longest known stem it starts with.
  const stemPrefixes: string[] = [];
  for (const t of unknown) {
    for (let k = t.length - 1; k >= MIN_STEM_PREFIX; k--) {
      if (vocab.has(t.slice(0, k))) {
        stemPrefixes.push(t.slice(0, k));
        break;
      }
    }
  }
  // MiniSearch does not hold common terms: expand unknown words against them here.
  const commonExpansions = unknown.flatMap((t) => index.expandCommon(t, prefixLast && t === last));
  const retrievalTerms = [...selected, ...stemPrefixes.filter((t) => !index.isCommon(idOf(t))), ...unknown];
  const results =
    retrievalTerms.length > 0
      ? index.retrieve(retrievalTerms, {
          prefixLast,
          fuzzy: (t) => !vocab.has(t) && t.length >= 5,
          limit: tuning.candidates[opts.mode],
          ...(opts.filter ? { filter: opts.filter } : {}),
        })
      : [];

  // Weighted term ids used by the re-ranker: exact query terms, plus expansions that matched.
  const weights = new Map<number, number>();
  for (const t of known) weights.set(idOf(t), 1);
  for (const t of [...stemPrefixes, ...commonExpansions]) if (!weights.has(idOf(t))) weights.set(idOf(t), tuning.expandedWeight);
  const candidates = results.map((r) => r.id);
  for (const r of results) {
    for (const t of r.terms) {
      const id = vocab.get(t);
      if (id !== undefined && !weights.has(id)) weights.set(id, tuning.expandedWeight);
    }
  }
  // Too few passages hold the rarer words (or there are none): add candidates from the
  // common words' postings.
  if (candidates.length < opts.limit) {
    const have = new Set(candidates);
    const commonIds = [...common, ...commonExpansions].map(idOf);
    for (const p of index.commonCandidates(commonIds, tuning.candidates[opts.mode], opts.filter)) if (!have.has(p)) candidates.push(p);
  }
  if (candidates.length === 0) return [];

  // Each query term's successor in the query, for phrase matching.
  const nextInQuery = new Map<number, number>();
  for (let i = 0; i + 1 < qTerms.length; i++) {
    const a = vocab.get(qTerms[i] ?? '');
    const b2 = vocab.get(qTerms[i + 1] ?? '');
    if (a !== undefined && b2 !== undefined && !nextInQuery.has(a)) nextInQuery.set(a, b2);
  }
  const k1 = index.settings.bm25.k;
  const b = index.settings.bm25.b;
  const idfs = new Map<number, number>();
  for (const id of weights.keys()) idfs.set(id, index.idf(id));

  const ranked: Ranked[] = [];
  const seenParagraph = new Set<string>();
  const pool = [...candidates];
  if (opts.mode === 'ask' && tuning.articleNeighbours > 0) {
    const inPool = new Set(pool);
    const articles: number[] = [];
    for (const p of pool) {
      const a = index.passages[p]?.article;
      if (a !== undefined && !articles.includes(a)) articles.push(a);
      if (articles.length >= tuning.articleNeighbours) break;
    }
    for (const a of articles) {
      for (const p of index.articlePassages(a)) {
        if (!inPool.has(p) && (!opts.filter || opts.filter(p))) {
          inPool.add(p);
          pool.push(p);
        }
      }
    }
  }
  const scored = pool.map((p) => ({ p, ...scorePassage(index, p, weights, idfs, nextInQuery, k1, b, tuning), cue: opts.cue ? opts.cue(p) : 0 }));
  for (const s of scored) s.score += s.cue;
  // In search, a passage found only through its article's title is shown only when no passage
  // of that article holds the words themselves.
  const articlesWithBody = new Set(scored.filter((s) => s.body).map((s) => index.passages[s.p]?.article));
  scored.sort((x, y) => y.score - x.score);
  for (const { p, score, body } of scored) {
    const passage = index.passages[p];
    if (!passage) continue;
    if (opts.mode === 'search' && !body && articlesWithBody.has(passage.article)) continue;
    // Overlapping windows of one paragraph would show the same text twice.
    const key = `${passage.article}:${passage.paragraph}`;
    if (seenParagraph.has(key)) continue;
    seenParagraph.add(key);
    const matched = new Set<string>();
    for (const t of index.passageTerms(p)) if (weights.has(t)) matched.add(index.vocabList[t] ?? '');
    for (const t of index.titleTerms[passage.article] ?? []) if (weights.has(t)) matched.add(index.vocabList[t] ?? '');
    ranked.push({ passage: p, score: Math.round(score * 1000) / 1000, matched });
    if (ranked.length >= opts.limit) break;
  }
  return ranked;
}

function scorePassage(
  index: PassageIndex,
  p: number,
  weights: Map<number, number>,
  idfs: Map<number, number>,
  nextInQuery: Map<number, number>,
  k1: number,
  b: number,
  tuning: RankTuning,
): { score: number; body: boolean } {
  const ids = index.passageTerms(p);
  const weightOf = (t: number): number => (weights.get(t) ?? 0) * (idfs.get(t) ?? 0);
  const tf = new Map<number, number>();
  const phrases = new Set<number>();
  let phrase = 0;
  // Best window: slide over the matched positions, keeping per-term counts inside the window.
  const hits: Array<[pos: number, term: number]> = [];
  const inside = new Map<number, number>();
  let windowSum = 0;
  let window = 0;
  for (let pos = 0; pos < ids.length; pos++) {
    const t = ids[pos] ?? 0;
    if (!weights.has(t)) continue;
    tf.set(t, (tf.get(t) ?? 0) + 1);
    const next = nextInQuery.get(t);
    if (next !== undefined && !phrases.has(t) && (ids[pos + 1] === next || ids[pos + 2] === next)) {
      phrases.add(t);
      phrase += Math.min(weightOf(t), weightOf(next));
    }
    hits.push([pos, t]);
    const c = inside.get(t) ?? 0;
    if (c === 0) windowSum += weightOf(t);
    inside.set(t, c + 1);
    while (hits.length > 0 && (hits[0]?.[0] ?? pos) <= pos - tuning.windowSize) {
      const [, u] = hits.shift() ?? [0, 0];
      const n = (inside.get(u) ?? 1) - 1;
      inside.set(u, n);
      if (n === 0) windowSum -= weightOf(u);
    }
    if (windowSum > window) window = windowSum;
  }
  const norm = 1 - b + (b * ids.length) / index.avgLength;
  let bm25 = 0;
  for (const [t, f] of tf) bm25 += weightOf(t) * ((f * (k1 + 1)) / (f + k1 * norm));

  let title = 0;
  const passage = index.passages[p];
  const seen = new Set<number>();
  for (const t of passage ? (index.titleTerms[passage.article] ?? []) : []) {
    if (weights.has(t) && !seen.has(t)) {
      seen.add(t);
      title += weightOf(t);
    }
  }
  return { score: bm25 + tuning.phraseWeight * phrase + tuning.windowWeight * window + tuning.titleWeight * title, body: tf.size > 0 };
}
