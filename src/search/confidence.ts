/**
 * Whether `ask` presents its top sentence as the answer or offers the passages as reading: a
 * probability that the top sentence answers, learnt (bench/train-confidence.ts) from questions
 * whose answers are known, over what the answer models already computed: how far the top passage
 * stands above the next, its score, how much of the question its sentence restates, whether a
 * candidate of the asked-for type stands there and a span was found, and whether the pool is news.
 * A fixed rule on those cues cannot weigh them against each other: a news lead restating the
 * question with a clear margin is a guess, a later sentence naming a person with a small margin
 * often is not.
 */
import modelJson from './confidence-weights.json' with { type: 'json' };
import { firstDifference } from './feature-order.js';

/** What the answer models knew when they chose the top passage and its sentence. */
export interface ConfidenceCues {
  /** Top passage score minus the next shown passage's (null: no other passage). */
  margin: number | null;
  /** The top passage's score (the passage model's log-odds, news-corrected on a news pool). */
  topScore: number;
  /** The sentence model's score of the shown sentence. */
  sentenceScore: number;
  /** Share of the question's weight the shown sentence holds. */
  overlap: number;
  /** The question asks for a person, time, number or place. */
  candidateType: boolean;
  /** …and the shown sentence holds a candidate of that type. */
  typed: boolean;
  /** A span was chosen in the shown sentence. */
  span: boolean;
  /** The pool is news (isNewsPool): its scores carry the news correction, and leads restate questions. */
  news: boolean;
  /** The fixed rule's verdict (engine.ts: typed overlap, untyped overlap, margin). */
  ruled: boolean;
}

/** A margin larger than this says nothing more (and one passage alone counts as this). */
export const MARGIN_CAP = 4;
const SCORE_CAP = 8;

export const CONFIDENCE_FEATURES: readonly string[] = [
  'bias',
  'margin',
  'topScore',
  'sentenceScore',
  'overlap',
  'typedSentence',
  'typeMissing',
  'span',
  'news',
  'newsMargin',
  'newsOverlap',
  'newsTyped',
  'newsTypeMissing',
];

const clip = (x: number, cap: number): number => Math.max(-cap, Math.min(cap, x));

export function confidenceFeatures(c: ConfidenceCues): number[] {
  const margin = c.margin === null ? MARGIN_CAP : Math.min(MARGIN_CAP, Math.max(0, c.margin));
  const typed = c.candidateType && c.typed ? 1 : 0;
  // A who/when/how-much/where question whose sentence names nothing of that kind.
  const missing = c.candidateType && !c.typed ? 1 : 0;
  const news = c.news ? 1 : 0;
  return [1, margin, clip(c.topScore, SCORE_CAP), clip(c.sentenceScore, SCORE_CAP), c.overlap, typed, missing, c.span ? 1 : 0, news, news * margin, news * c.overlap, news * typed, news * missing];
}

export interface ConfidenceModel {
  features: string[];
  weights: number[];
  /** The probability at or above which the top sentence is presented as the answer. */
  threshold: number;
  trainedOn: string;
}

export function answerProbability(model: ConfidenceModel, cues: ConfidenceCues): number {
  const x = confidenceFeatures(cues);
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * (x[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** Checks a model read from a file against this code's features. */
export function parseConfidence(doc: unknown): ConfidenceModel {
  const c = doc as Partial<ConfidenceModel> | null;
  if (typeof c !== 'object' || c === null) throw new Error('confidence model: not an object');
  if (!Array.isArray(c.features)) throw new Error("confidence model: features differ from the code's (the file lists none); retrain with npm run train:confidence");
  const at = firstDifference(c.features as unknown[], CONFIDENCE_FEATURES);
  if (at !== undefined) throw new Error(`confidence model: features differ from the code's (${at}); retrain with npm run train:confidence`);
  if (!Array.isArray(c.weights) || c.weights.length !== CONFIDENCE_FEATURES.length || !c.weights.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new Error(`confidence model: needs ${CONFIDENCE_FEATURES.length} finite weights`);
  }
  if (typeof c.threshold !== 'number' || !(c.threshold > 0 && c.threshold < 1)) throw new Error('confidence model: threshold must be a probability between 0 and 1');
  return { features: [...c.features], weights: [...c.weights], threshold: c.threshold, trainedOn: typeof c.trainedOn === 'string' ? c.trainedOn : '' };
}

/** The committed model (src/search/confidence-weights.json). */
export const DEFAULT_CONFIDENCE: ConfidenceModel = parseConfidence(modelJson);
