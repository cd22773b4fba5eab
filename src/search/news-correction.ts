/**
 * A second stage on the passage score, learnt from news questions only. The passage model learns
 * from SQuAD, whose questions reuse the answering paragraph's words, so it never sees a news story
 * whose lead restates the question while a later paragraph names the person, amount or date.
 * A few features of that pattern, added to the passage model's score with small weights, are fit
 * on news question files (conditional logit with the passage score as a fixed offset, L2 pulling
 * every weight to 0); how strongly is chosen by leaving one news file out at a time.
 */
import { createHash } from 'node:crypto';
import { shortTitle } from '../archive/parse.js';
import type { Article } from '../archive/types.js';
import type { AnswerType } from './question.js';
import { dot, teaches } from './boost.js';

export const CORRECTION_FEATURES: readonly string[] = ['score', 'articleFirst', 'leadUntyped', 'restateUntyped', 'typedPassage'];

export interface NewsCorrection {
  features: string[];
  weights: number[];
  /** The L2 strength the leave-one-file-out choice settled on. */
  l2: number;
  trainedOn: string;
  /** Fingerprint of the passage model it was fit over (its first feature is that model's score). */
  passage: string;
}

/** A short fingerprint of a passage model: a correction fit over another model must not load. */
export function passageFingerprint(passage: unknown): string {
  return createHash('sha256').update(JSON.stringify(passage)).digest('hex').slice(0, 16);
}

/** Where the passage features the correction reads sit in a passage feature vector (the caller passes PASSAGE_FEATURES: this module imports nothing from ask-model, which imports it). */
export interface PassageCues {
  first: number;
  typed: number;
  overlap: number;
}

export function passageCues(names: readonly string[]): PassageCues {
  const at = (name: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`news correction: the passage features have no ${name}`);
    return i;
  };
  return { first: at('articleFirst'), typed: at('typedPassage'), overlap: at('overlap') };
}

/**
 * The correction's features of one pool passage: the passage model's own score (so the
 * correction can trust it more or less), whether the passage is its story's first paragraph in
 * the pool (the lead), the lead without a candidate of the asked-for type, the share of the
 * question it restates without such a candidate, and whether it holds one. An open question
 * (type "other") has no typed candidates, so the untyped-restating features stay 0 for it.
 * Only a news pool (isNewsPool) is corrected: the correction learns what a news lead does, and a
 * reference text's first paragraph is no such lead (on SQuAD's held-out questions, correcting
 * every pool cost 0.018 of answer-sentence accuracy).
 */
export function correctionFeatures(passage: readonly number[], at: PassageCues, score: number, type: AnswerType, news: boolean): number[] {
  if (!news) return new Array<number>(CORRECTION_FEATURES.length).fill(0);
  const first = passage[at.first] ?? 0;
  const typed = passage[at.typed] ?? 0;
  const untyped = type === 'other' ? 0 : 1 - typed;
  return [score, first, first * untyped, (passage[at.overlap] ?? 0) * untyped, typed];
}

type StoryFields = Pick<Article, 'date' | 'headline' | 'title' | 'paragraphs' | 'url' | 'source'>;

/**
 * Whether an article reads as a news story: it carries a date and a title of its own, either a
 * headline line (the BBC and Reuters files) or front matter (what `import` writes from a feed: a
 * title, a link or a source). A reference text (SQuAD's paragraphs) has neither; a byline or a
 * "# heading" first line alone is no news story without a date.
 */
export function isNewsStory(a: StoryFields): boolean {
  const ownTitle = a.title !== shortTitle(a.paragraphs[0] ?? '');
  return a.date !== null && (a.headline || ownTitle || a.url !== undefined || a.source !== undefined);
}

/**
 * Whether a pool is corrected: decided once for the whole pool (most of its stories are news),
 * never per passage, so one pool is never ranked on two scales.
 */
export function isNewsPool(articles: readonly StoryFields[]): boolean {
  const news = articles.filter(isNewsStory).length;
  return articles.length > 0 && news * 2 > articles.length;
}

/** The passage score with the correction added (unchanged without one). */
export function correctedScore(correction: NewsCorrection | undefined, passage: readonly number[], at: PassageCues, score: number, type: AnswerType, news: boolean): number {
  if (!correction || !news) return score;
  return dot(correction.weights, correctionFeatures(passage, at, score, type, news), score);
}

/** Checks a correction read from a weights file against this code's features. */
export function parseCorrection(doc: unknown): NewsCorrection {
  const c = doc as Partial<NewsCorrection> | null;
  if (typeof c !== 'object' || c === null) throw new Error('news correction: not an object');
  const names = CORRECTION_FEATURES;
  if (!Array.isArray(c.features) || c.features.join() !== names.join()) throw new Error("news correction: features differ from the code's");
  if (!Array.isArray(c.weights) || c.weights.length !== names.length || !c.weights.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new Error(`news correction: needs ${names.length} finite weights`);
  }
  if (typeof c.l2 !== 'number' || !(c.l2 >= 0)) throw new Error('news correction: l2 must be a number of 0 or more');
  if (typeof c.passage !== 'string' || !c.passage) throw new Error('news correction: the fingerprint of the passage model it was fit over is missing');
  return { features: [...c.features], weights: [...c.weights], l2: c.l2, trainedOn: typeof c.trainedOn === 'string' ? c.trainedOn : '', passage: c.passage };
}

/** One news question's pool as the correction learns from it: base scores, correction features, which passages answer. */
export interface CorrectionGroup {
  base: number[];
  features: number[][];
  positive: boolean[];
}

function probabilities(g: CorrectionGroup, w: readonly number[]): number[] {
  const s = g.base.map((b, i) => b + dot(w, g.features[i] ?? []));
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}


/** Mean negative log-probability of the right passages, plus (l2 / 2)·|w|². */
function objective(groups: readonly CorrectionGroup[], w: readonly number[], l2: number): { loss: number; grad: number[] } {
  const grad = new Array<number>(w.length).fill(0);
  let loss = 0;
  for (const g of groups) {
    const p = probabilities(g, w);
    // Floored: right passages whose probability underflows would make the gradient 0/0.
    const right = Math.max(p.reduce((a, v, i) => a + (g.positive[i] ? v : 0), 0), 1e-300);
    loss -= Math.log(right);
    p.forEach((v, i) => {
      const coef = v - (g.positive[i] ? v / right : 0);
      const x = g.features[i] ?? [];
      for (let k = 0; k < w.length; k++) grad[k] = (grad[k] ?? 0) + coef * (x[k] ?? 0);
    });
  }
  const n = Math.max(groups.length, 1);
  return {
    loss: loss / n + (l2 / 2) * w.reduce((a, v) => a + v * v, 0),
    grad: grad.map((v, k) => v / n + l2 * (w[k] ?? 0)),
  };
}

/**
 * Fits the correction's weights on the groups at one L2 strength: full-batch gradient descent
 * with a backtracking step (deterministic; a handful of features and a few hundred groups).
 */
export function fitCorrection(groups: readonly CorrectionGroup[], l2: number, iterations = 300): number[] {
  const train = groups.filter(teaches);
  let w = new Array<number>(CORRECTION_FEATURES.length).fill(0);
  if (train.length === 0) return w;
  let { loss, grad } = objective(train, w, l2);
  let step = 1;
  for (let it = 0; it < iterations; it++) {
    const norm = Math.sqrt(grad.reduce((a, v) => a + v * v, 0));
    if (norm < 1e-7) break;
    let moved = false;
    while (step > 1e-8) {
      const next = w.map((v, k) => v - step * (grad[k] ?? 0));
      const o = objective(train, next, l2);
      if (o.loss <= loss - 1e-4 * step * norm * norm) {
        w = next;
        ({ loss, grad } = o);
        step *= 1.5;
        moved = true;
        break;
      }
      step /= 2;
    }
    if (!moved) break;
  }
  return w.map((x) => Math.round(x * 10_000) / 10_000 || 0);
}

/** How many groups have a right passage on top under the weights (ties go to the earlier passage, as a stable sort would). */
export function correctedTop1(groups: readonly CorrectionGroup[], w: readonly number[]): number {
  let right = 0;
  for (const g of groups) {
    let best = -1;
    let bestScore = -Infinity;
    g.base.forEach((b, i) => {
      const s = b + dot(w, g.features[i] ?? []);
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    });
    if (best >= 0 && g.positive[best]) right++;
  }
  return right;
}

/** L2 strengths tried, strongest first; Infinity is no correction at all. */
export const CORRECTION_L2 = [Infinity, 10, 3, 1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001];

export interface CorrectionChoice {
  l2: number;
  weights: number[];
  /** Per strength: right-on-top counts on each left-out file, and their sum. */
  table: { l2: number; heldOut: number[]; total: number }[];
  /** Right-on-top on all files without and with the chosen correction (in-sample). */
  before: number;
  after: number;
  groups: number;
}

/**
 * Chooses the L2 strength by leaving one file out at a time (fit on the others, count the left-out
 * file's questions with a right passage on top); the strongest of the best wins a tie (the smaller
 * correction). Needs at least two files. Then fits on all of them at that strength.
 */
export function chooseCorrection(files: readonly (readonly CorrectionGroup[])[], strengths: readonly number[] = CORRECTION_L2): CorrectionChoice {
  if (files.length < 2) throw new Error('the news correction needs at least two question files (one is left out at a time)');
  const table = strengths.map((l2) => {
    const heldOut = files.map((test, k) => {
      const train = files.filter((_, j) => j !== k).flat();
      const w = Number.isFinite(l2) ? fitCorrection(train, l2) : new Array<number>(CORRECTION_FEATURES.length).fill(0);
      return correctedTop1(test, w);
    });
    return { l2, heldOut, total: heldOut.reduce((a, b) => a + b, 0) };
  });
  let chosen = table[0] as (typeof table)[number];
  for (const row of table) if (row.total > chosen.total) chosen = row;
  const all = files.flat();
  const weights = Number.isFinite(chosen.l2) ? fitCorrection(all, chosen.l2) : new Array<number>(CORRECTION_FEATURES.length).fill(0);
  const zero = new Array<number>(CORRECTION_FEATURES.length).fill(0);
  return { l2: chosen.l2, weights, table, before: correctedTop1(all, zero), after: correctedTop1(all, weights), groups: all.length };
}
