/**
 * Whether `ask` presents its top sentence as the answer or offers the passages as reading, on a
 * news pool: a probability that the top sentence answers, learnt (bench/train-confidence.ts) from
 * the training news questions, over what the answer models already computed: how far the top
 * passage stands above the next, its score, its sentence's score, how much of the question that
 * sentence restates, whether a candidate of the asked-for type stands there and a span was found.
 * It only withholds: an answer the fixed rule (engine.ts) presents is shown as reading when the
 * probability is under the threshold; reading never becomes an answer. SQuAD-like reference pools
 * keep the rule alone: the models that make the cues were fitted on SQuAD, so no out-of-sample
 * SQuAD cues exist to learn from.
 * The model is tied to the ask weights it was learnt over (a fingerprint): over other weights the
 * scores mean something else, and the rule alone decides.
 */
import { createHash } from 'node:crypto';
import modelJson from './confidence-weights.json' with { type: 'json' };
import { firstDifference } from './feature-order.js';

/** What the answer models knew when they chose the top passage and its sentence. */
export interface ConfidenceCues {
  /** Top passage score minus the next ranked passage's, shown or not (null: no other passage). */
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
  /** The pool is news (isNewsPool): the model only judges news pools. */
  news: boolean;
  /** The fixed rule's verdict (engine.ts: typed overlap, untyped overlap, margin). */
  ruled: boolean;
}

/** A margin larger than this says nothing more (and one passage alone counts as this). */
export const MARGIN_CAP = 4;
const SCORE_CAP = 8;

export const CONFIDENCE_FEATURES: readonly string[] = ['bias', 'margin', 'topScore', 'sentenceScore', 'overlap', 'typedSentence', 'typeMissing', 'span'];

const clip = (x: number, cap: number): number => Math.max(-cap, Math.min(cap, x));

export function confidenceFeatures(c: ConfidenceCues): number[] {
  const margin = c.margin === null ? MARGIN_CAP : Math.min(MARGIN_CAP, Math.max(0, c.margin));
  const typed = c.candidateType && c.typed ? 1 : 0;
  // A who/when/how-much/where question whose sentence names nothing of that kind.
  const missing = c.candidateType && !c.typed ? 1 : 0;
  return [1, margin, clip(c.topScore, SCORE_CAP), clip(c.sentenceScore, SCORE_CAP), c.overlap, typed, missing, c.span ? 1 : 0];
}

export interface ConfidenceModel {
  features: string[];
  weights: number[];
  /** The probability at or above which the top sentence is presented as the answer. */
  threshold: number;
  trainedOn: string;
  /** askWeightsStamp of the ask weights whose scores it was learnt over. */
  ask: string;
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
  if (typeof c.ask !== 'string' || !c.ask) throw new Error('confidence model: the stamp of the ask weights it was learnt over is missing; retrain with npm run train:confidence');
  return { features: [...c.features], weights: [...c.weights], threshold: c.threshold, trainedOn: typeof c.trainedOn === 'string' ? c.trainedOn : '', ask: c.ask };
}

const stamps = new WeakMap<object, string>();

/** A fingerprint of a whole ask weights object (every model and the news correction feed the cues), computed once per object. */
export function askWeightsStamp(weights: object): string {
  let s = stamps.get(weights);
  if (s === undefined) {
    s = createHash('sha256').update(JSON.stringify(weights)).digest('hex').slice(0, 16);
    stamps.set(weights, s);
  }
  return s;
}

/** The model when it was learnt over these ask weights, else undefined (the rule alone decides). */
export function confidenceFor(model: ConfidenceModel | undefined, weights: object): ConfidenceModel | undefined {
  return model !== undefined && model.ask === askWeightsStamp(weights) ? model : undefined;
}

/** The committed model (src/search/confidence-weights.json). */
export const DEFAULT_CONFIDENCE: ConfidenceModel = parseConfidence(modelJson);
