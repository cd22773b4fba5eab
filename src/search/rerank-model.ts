import { createHash } from 'node:crypto';
import { checkForest, type Tree } from './boost.js';

/**
 * Answer-aware sentence choice: the sentence and pick models judge a sentence by how it matches
 * the question; the span model knows how good its best candidate answer is. A second stage over
 * the top passages' best sentences weighs both: each item is one sentence, its features say how
 * it stands against its passage's best (pick and sentence scores), how its passage stands against
 * the top one, and what the span model makes of it (its best pickable candidate's score, against
 * the other items' best, the margin over the sentence's second candidate, whether it has one).
 */
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
  /** The models whose scores it reads (rerankFingerprint): fitted over others, it is refused. */
  fitOver: string;
}

/** A fingerprint of the models whose scores the re-ranker reads (sentence, pick, passage, span). */
export function rerankFingerprint(models: { sentence: unknown; pick?: unknown; passage: unknown; span: unknown }): string {
  return createHash('sha256')
    .update(JSON.stringify([models.sentence, models.pick ?? null, models.passage, models.span]))
    .digest('hex')
    .slice(0, 16);
}

/** Checks a stored re-ranker against the features this code computes. */
export function parseRerank(doc: unknown): Rerank {
  const r = doc as Partial<Rerank> | null;
  if (typeof r !== 'object' || r === null) throw new Error('re-ranker: not an object');
  if (!Array.isArray(r.features) || r.features.join() !== RERANK_FEATURES.join()) {
    const have = (r.features ?? []) as string[];
    throw new Error(`re-ranker: features differ from the code's (missing: ${RERANK_FEATURES.filter((f) => !have.includes(f)).join(', ') || 'none'}; unexpected: ${have.filter((f) => !(RERANK_FEATURES as readonly string[]).includes(f)).join(', ') || 'none'})`);
  }
  if (!Array.isArray(r.weights) || r.weights.length !== RERANK_FEATURES.length || !r.weights.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new Error(`re-ranker: needs ${RERANK_FEATURES.length} finite weights`);
  if (!(Number.isInteger(r.passages) && (r.passages ?? 0) >= 1) || !(Number.isInteger(r.sentences) && (r.sentences ?? 0) >= 1)) throw new Error('re-ranker: passages and sentences must be whole numbers of 1 or more');
  if (typeof r.fitOver !== 'string') throw new Error('re-ranker: no fingerprint of the models it was fitted over');
  return { features: r.features, weights: r.weights, passages: r.passages as number, sentences: r.sentences as number, fitOver: r.fitOver, ...(r.trees !== undefined ? { trees: checkForest(r.trees, RERANK_FEATURES.length, 're-ranker') } : {}) };
}
