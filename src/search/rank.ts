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

/** The re-ranker's weights; tuned on held-out questions, overridable for experiments. */
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
  proximityWindow: number;
  proximityWeight: Record<RankMode, number>;
  titleWeight: number;
}

export const DEFAULT_RANK_TUNING: RankTuning = {
  retrievalPostings: 12_000,
  candidates: { search: 120, ask: 200 },
  expandedWeight: 0.5,
  proximityWindow: 8,
  proximityWeight: { search: 1.2, ask: 1.8 },
  titleWeight: 0.35,
};
const MAX_TERMS = 32;

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
  const last = qTerms[qTerms.length - 1] ?? '';
  const prefixLast = opts.prefixLast && !vocab.has(last) && last.length >= 3;

  // Rarest first until the budget is spent; a term MiniSearch must expand always goes in.
  const byRarity = [...known].sort((a, b) => (df[vocab.get(a) ?? 0] ?? 0) - (df[vocab.get(b) ?? 0] ?? 0));
  const selected: string[] = [];
  let postings = 0;
  for (const t of byRarity) {
    const n = df[vocab.get(t) ?? 0] ?? 0;
    if (selected.length > 0 && postings + n > tuning.retrievalPostings) break;
    selected.push(t);
    postings += n;
  }
  const unknown = qTerms.filter((t) => !vocab.has(t));
  const retrievalTerms = [...selected, ...unknown.filter((t) => t !== last), ...(vocab.has(last) ? [] : [last])];
  const results = index.retrieve(
    retrievalTerms,
    {
      prefixLast,
      fuzzy: (t) => !vocab.has(t) && t.length >= 5 && !(prefixLast && t === last),
      ...(opts.filter ? { filter: opts.filter } : {}),
    },
  );

  // Weighted term ids used by the re-ranker: exact query terms, plus expansions that matched.
  const weights = new Map<number, number>();
  for (const t of known) weights.set(vocab.get(t) ?? 0, 1);
  const candidates = results.slice(0, tuning.candidates[opts.mode]);
  for (const r of candidates) {
    for (const t of r.terms) {
      const id = vocab.get(t);
      if (id !== undefined && !weights.has(id)) weights.set(id, tuning.expandedWeight);
    }
  }
  if (candidates.length === 0) return [];

  const k1 = index.settings.bm25.k;
  const b = index.settings.bm25.b;
  const idfs = new Map<number, number>();
  for (const id of weights.keys()) idfs.set(id, index.idf(id));

  const ranked: Ranked[] = [];
  const seenParagraph = new Set<string>();
  const scored = candidates.map((r) => {
    const p = r.id as number;
    return { p, score: scorePassage(index, p, weights, idfs, k1, b, opts, tuning) + (opts.cue ? opts.cue(p) : 0) };
  });
  scored.sort((x, y) => y.score - x.score);
  for (const { p, score } of scored) {
    const passage = index.passages[p];
    if (!passage) continue;
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
  k1: number,
  b: number,
  opts: RankOptions,
  tuning: RankTuning,
): number {
  const ids = index.passageTerms(p);
  const tf = new Map<number, number>();
  // Proximity: each time two different query terms occur within a few words of each other,
  // credit the rarer-weighted pair, more the closer they are.
  const lastPos = new Map<number, number>();
  let proximity = 0;
  for (let pos = 0; pos < ids.length; pos++) {
    const t = ids[pos] ?? 0;
    const w = weights.get(t);
    if (w === undefined) continue;
    tf.set(t, (tf.get(t) ?? 0) + 1);
    const idf = (idfs.get(t) ?? 0) * w;
    for (const [other, at] of lastPos) {
      if (other === t) continue;
      const d = pos - at;
      if (d <= tuning.proximityWindow) proximity += Math.min(idf, (idfs.get(other) ?? 0) * (weights.get(other) ?? 0)) / d;
    }
    lastPos.set(t, pos);
  }
  const norm = 1 - b + (b * ids.length) / index.avgLength;
  let bm25 = 0;
  for (const [t, f] of tf) bm25 += (weights.get(t) ?? 0) * (idfs.get(t) ?? 0) * ((f * (k1 + 1)) / (f + k1 * norm));

  let title = 0;
  const passage = index.passages[p];
  const titleIds = passage ? index.titleTerms[passage.article] : undefined;
  if (titleIds) {
    const seen = new Set<number>();
    for (const t of titleIds) {
      const w = weights.get(t);
      if (w !== undefined && !seen.has(t)) {
        seen.add(t);
        title += w * (idfs.get(t) ?? 0);
      }
    }
  }
  return bm25 + tuning.proximityWeight[opts.mode] * Math.sqrt(proximity) + tuning.titleWeight * title;
}
