/**
 * Answer-aware sentence choice, a study (bench/study-rerank.ts; measured in session 19 and not
 * adopted, so `ask` does not read it): the sentence and pick models judge a sentence by how it
 * matches the question; the span model knows how good its best candidate answer is. A second
 * stage over the top passages' best sentences weighs both: each item is one sentence, its
 * features say how it stands against its passage's best (pick and sentence scores), how its
 * passage stands against the top one, and what the span model makes of it (its best pickable
 * candidate's score, against the other items' best, the margin over the sentence's second
 * candidate, whether it has one).
 */
import { pickable, spanCandidates, spanFeatures, type QuestionView, type ScoredSentence } from '../src/search/answer.js';
import { dot, rankerScore, spanScore, trainConditionalLogit, type AskWeights, type Group } from '../src/search/ask-model.js';
import { trainBoosted, type Tree } from '../src/search/boost.js';

/** `typedQuestion` is the same for every item of a question: it only matters inside trees. */
export const RERANK_FEATURES = [
  'topPassage', 'passageVsTop', 'shown', 'pickVsBest', 'sentenceVsBest', 'span', 'spanVsBest', 'spanMargin', 'spanProbability', 'noCandidate', 'typed', 'typedQuestion',
] as const;

export interface Rerank {
  features: string[];
  weights: number[];
  trees?: Tree[];
  /** How many of the top passages' sentences compete. */
  passages: number;
  /** How many sentences of each passage compete: its best by the pick model (or the sentence model). */
  sentences: number;
}

/** One competing sentence: which passage (its place among the top ones) and sentence it is, its best span and its features. */
export interface RerankItem {
  passage: number;
  /** Its place among its passage's sentences, and its text. */
  at: number;
  sentence: string;
  /** Whether it is the sentence `ask` shows for its passage without the re-ranker. */
  shown: boolean;
  span: string | null;
  features: number[];
}

/** Sentences of each passage that compete by default. */
export const RERANK_SENTENCES = 3;
/** The margin of a sentence with one candidate (nothing to be unsure between), the cap of any margin, and how far below the best a sentence without a candidate stands. */
export const MAX_MARGIN = 5;

/** The span model's view of a sentence: its best pickable candidate, the best score and the second's. */
function spanEvidence(sentence: string, q: QuestionView, weights: AskWeights): { text: string | null; best: number; second: number; probability: number } {
  const all = spanCandidates(sentence, q);
  const may = pickable(all, q);
  const candidates = all.filter((_, i) => may[i]);
  if (candidates.length === 0) return { text: null, best: 0, second: 0, probability: 0 };
  const scores = spanFeatures(sentence, candidates, q).map((x) => spanScore(weights.span, q.type, x));
  let at = 0;
  scores.forEach((s, i) => {
    if (s > (scores[at] ?? -Infinity)) at = i;
  });
  const best = scores[at] ?? 0;
  let second = -Infinity;
  let total = 0;
  scores.forEach((s, i) => {
    total += Math.exp(s - best);
    if (i !== at && s > second) second = s;
  });
  return { text: candidates[at]?.text ?? null, best, second, probability: 1 / total };
}

/**
 * The competing sentences of the top passages (in the passage model's order, with its scores and
 * their sentences as scorePool scored them), each with RERANK_FEATURES. `weights` supplies the
 * pick and span models.
 */
export function rerankItems(
  passages: ReadonlyArray<{ sentences: readonly ScoredSentence[]; score: number }>,
  q: QuestionView,
  weights: AskWeights,
  perPassage = RERANK_SENTENCES,
): RerankItem[] {
  const topScore = passages[0]?.score ?? 0;
  const raw: Array<Omit<RerankItem, 'features'> & { x: number[]; spanBest: number; has: boolean }> = [];
  passages.forEach((p, pi) => {
    const { sentences } = p;
    if (sentences.length === 0) return;
    const pick = weights.pick;
    const picks = sentences.map((s) => (pick ? rankerScore(pick, s.features) : s.score));
    const bestPick = Math.max(...picks);
    const bestSentence = Math.max(...sentences.map((s) => s.score));
    const shownAt = picks.indexOf(bestPick);
    const order = sentences.map((_, i) => i).sort((a, b) => (picks[b] ?? 0) - (picks[a] ?? 0) || a - b);
    for (const i of order.slice(0, perPassage)) {
      const s = sentences[i];
      if (!s) continue;
      const ev = spanEvidence(s.sentence.text, q, weights);
      const has = ev.text !== null;
      raw.push({
        passage: pi,
        at: i,
        sentence: s.sentence.text,
        shown: i === shownAt,
        span: ev.text,
        spanBest: ev.best,
        has,
        x: [
          pi === 0 ? 1 : 0,
          p.score - topScore,
          i === shownAt ? 1 : 0,
          (picks[i] ?? 0) - bestPick,
          s.score - bestSentence,
          ev.best,
          0,
          has ? Math.min(MAX_MARGIN, ev.best - ev.second) : 0,
          ev.probability,
          has ? 0 : 1,
          q.type !== 'other' && s.typed.length > 0 ? 1 : 0,
          q.type !== 'other' ? 1 : 0,
        ],
      });
    }
  });
  const withSpan = raw.filter((r) => r.has);
  const spanTop = withSpan.length ? Math.max(...withSpan.map((r) => r.spanBest)) : 0;
  const VS = RERANK_FEATURES.indexOf('spanVsBest');
  return raw.map(({ x, spanBest, has, ...item }) => {
    x[VS] = has ? spanBest - spanTop : -MAX_MARGIN;
    return { ...item, features: x };
  });
}

/** An item's score under the re-ranker. */
export function rerankScore(model: Rerank, x: readonly number[]): number {
  return rankerScore(model, x);
}

/** The item the re-ranker prefers (the first of equals), or -1 for none. */
export function rerankChoice(model: Rerank, items: readonly RerankItem[]): number {
  let best = -1;
  let bestScore = -Infinity;
  items.forEach((it, i) => {
    const s = rerankScore(model, it.features);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

/** Fits the re-ranker: a conditional logit over each question's items, boosted trees on top when `trees`. */
export function trainRerank(groups: readonly Group[], options: { trees: boolean; passages: number; sentences?: number }): Rerank {
  const weights = trainConditionalLogit(groups, RERANK_FEATURES.length);
  const boosted = options.trees ? trainBoosted(groups, RERANK_FEATURES.length, (x) => dot(weights, x)) : undefined;
  return {
    features: [...RERANK_FEATURES],
    weights,
    ...(boosted && boosted.chosen > 0 ? { trees: boosted.trees } : {}),
    passages: options.passages,
    sentences: options.sentences ?? RERANK_SENTENCES,
  };
}
