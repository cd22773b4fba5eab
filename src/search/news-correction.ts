/**
 * A second stage on the passage score, learnt from news questions only. The passage model learns
 * from SQuAD, whose questions reuse the answering paragraph's words, so it never sees a news story
 * whose lead restates the question while a later paragraph names the person, amount or date.
 * A few features of that pattern, added to the passage model's score with small weights, are fit
 * on news question files (conditional logit with the passage score as a fixed offset, L2 pulling
 * every weight to 0); how strongly is chosen by leaving one news question (or file) out at a time.
 * Two of them re-weigh passage features for news (session 22, bench/RESULTS.md k23news): the
 * story's share of the question's weight (most wrong answers on news come from another story of
 * the same event, whose best paragraph echoes the question while the asked-about story holds all
 * of its words somewhere), and how the passage's paraphrase of the question compares with the best
 * of its own story's paragraphs (the lead echoes the question best; the answering paragraph
 * echoes it less, and SQuAD, where the answering paragraph echoes it most, taught the opposite).
 */
import { createHash } from 'node:crypto';
import { shortTitle } from '../archive/parse.js';
import type { Article } from '../archive/types.js';
import type { AnswerType } from './question.js';
import { dot, teaches } from './boost.js';
import { firstDifference } from './feature-order.js';

export const CORRECTION_FEATURES: readonly string[] = ['score', 'articleFirst', 'leadUntyped', 'restateUntyped', 'typedPassage', 'articleOverlap', 'tlm:vsArticle'];

export interface NewsCorrection {
  features: string[];
  weights: number[];
  /** The L2 strength the held-out choice (chooseCorrection: one question or one file left out; rule best or one-se) settled on. */
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
  articleOverlap: number;
  vsArticle: number;
}

export function passageCues(names: readonly string[]): PassageCues {
  const at = (name: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`news correction: the passage features have no ${name}`);
    return i;
  };
  return { first: at('articleFirst'), typed: at('typedPassage'), overlap: at('overlap'), articleOverlap: at('articleOverlap'), vsArticle: at('tlm:vsArticle') };
}

/**
 * The correction's features of one pool passage: the passage model's own score (so the
 * correction can trust it more or less), whether the passage is its story's first paragraph in
 * the pool (the lead), the lead without a candidate of the asked-for type, the share of the
 * question it restates without such a candidate, whether it holds one, its story's share of the
 * question's weight, and its paraphrase of the question against its story's best. An open question
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
  return [score, first, first * untyped, (passage[at.overlap] ?? 0) * untyped, typed, passage[at.articleOverlap] ?? 0, passage[at.vsArticle] ?? 0];
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
  if (!Array.isArray(c.features)) throw new Error("news correction: features differ from the code's (the file lists none)");
  const at = firstDifference(c.features as unknown[], names);
  if (at !== undefined) throw new Error(`news correction: features differ from the code's (${at})`);
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

/**
 * Mean negative log-probability of the right passages, plus (l2 / 2)·|w|², with its gradient and
 * (when asked) its Hessian: per group, the features' covariance under the pool's probabilities
 * less their covariance under those probabilities restricted to the right passages.
 */
function objective(groups: readonly CorrectionGroup[], w: readonly number[], l2: number, withHessian = false): { loss: number; grad: number[]; hess: number[][] } {
  const k = w.length;
  const grad = new Array<number>(k).fill(0);
  const hess = Array.from({ length: withHessian ? k : 0 }, () => new Array<number>(k).fill(0));
  let loss = 0;
  for (const g of groups) {
    const p = probabilities(g, w);
    // Floored: right passages whose probability underflows would make the gradient 0/0.
    const right = Math.max(p.reduce((a, v, i) => a + (g.positive[i] ? v : 0), 0), 1e-300);
    loss -= Math.log(right);
    const meanAll = new Array<number>(k).fill(0);
    const meanRight = new Array<number>(k).fill(0);
    p.forEach((v, i) => {
      const x = g.features[i] ?? [];
      const q = g.positive[i] ? v / right : 0;
      for (let a = 0; a < k; a++) {
        const xa = x[a] ?? 0;
        meanAll[a] = (meanAll[a] ?? 0) + v * xa;
        meanRight[a] = (meanRight[a] ?? 0) + q * xa;
        if (withHessian) {
          const row = hess[a] as number[];
          for (let b = 0; b < k; b++) row[b] = (row[b] ?? 0) + (v - q) * xa * (x[b] ?? 0);
        }
      }
    });
    for (let a = 0; a < k; a++) {
      grad[a] = (grad[a] ?? 0) + (meanAll[a] ?? 0) - (meanRight[a] ?? 0);
      if (!withHessian) continue;
      const row = hess[a] as number[];
      for (let b = 0; b < k; b++) row[b] = (row[b] ?? 0) - (meanAll[a] ?? 0) * (meanAll[b] ?? 0) + (meanRight[a] ?? 0) * (meanRight[b] ?? 0);
    }
  }
  const n = Math.max(groups.length, 1);
  return {
    loss: loss / n + (l2 / 2) * w.reduce((a, v) => a + v * v, 0),
    grad: grad.map((v, a) => v / n + l2 * (w[a] ?? 0)),
    hess: hess.map((row, a) => row.map((v, b) => v / n + (a === b ? l2 : 0))),
  };
}

/** Solves (h + damping·I)·d = r by Cholesky; undefined when that matrix is not positive definite. */
function solveDamped(h: readonly (readonly number[])[], r: readonly number[], damping: number): number[] | undefined {
  const k = r.length;
  const l = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = (h[a]?.[b] ?? 0) + (a === b ? damping : 0);
      for (let c = 0; c < b; c++) sum -= (l[a]?.[c] ?? 0) * (l[b]?.[c] ?? 0);
      if (a === b) {
        if (!(sum > 1e-12)) return undefined;
        (l[a] as number[])[a] = Math.sqrt(sum);
      } else (l[a] as number[])[b] = sum / (l[b]?.[b] ?? 1);
    }
  }
  const y = new Array<number>(k).fill(0);
  for (let a = 0; a < k; a++) {
    let sum = r[a] ?? 0;
    for (let c = 0; c < a; c++) sum -= (l[a]?.[c] ?? 0) * (y[c] ?? 0);
    y[a] = sum / (l[a]?.[a] ?? 1);
  }
  const d = new Array<number>(k).fill(0);
  for (let a = k - 1; a >= 0; a--) {
    let sum = y[a] ?? 0;
    for (let c = a + 1; c < k; c++) sum -= (l[c]?.[a] ?? 0) * (d[c] ?? 0);
    d[a] = sum / (l[a]?.[a] ?? 1);
  }
  return d;
}

/** Damping tried in turn when the plain Newton step does not descend (the Hessian is not positive definite there). */
const DAMPING = [0, 1e-4, 1e-2, 1, 100];

export interface FitOptions {
  /** Round the weights to 4 decimals, as written to the weights file (default true). */
  rounded?: boolean;
}

/** How many features the groups carry (the code's list when they carry none): a study may fit another list. */
function widthOf(groups: readonly CorrectionGroup[]): number {
  return groups.find((g) => g.features.length > 0)?.features[0]?.length ?? CORRECTION_FEATURES.length;
}

/** A fit stops once the gradient's norm is below this. */
const TOLERANCE = 1e-8;

/**
 * Fits the correction's weights on the groups at one L2 strength: damped Newton steps with a
 * backtracking line search (deterministic; seven features and a few hundred groups, so each step
 * solves a 7×7 system and a fit takes a handful of steps). A right passage set of more than one
 * paragraph makes the loss non-convex in places: the damping then grows until the step descends.
 */
export function fitCorrection(groups: readonly CorrectionGroup[], l2: number, iterations = 100, opts: FitOptions = {}): number[] {
  const { rounded = true } = opts;
  const train = groups.filter(teaches);
  let w = new Array<number>(widthOf(groups)).fill(0);
  if (train.length === 0) return w;
  let o = objective(train, w, l2, true);
  for (let it = 0; it < iterations; it++) {
    const norm = Math.sqrt(o.grad.reduce((a, v) => a + v * v, 0));
    if (norm < TOLERANCE) break;
    let gain = 0;
    for (const damping of DAMPING) {
      const d = solveDamped(o.hess, o.grad.map((v) => -v), damping);
      if (!d) continue;
      const slope = d.reduce((a, v, i) => a + v * (o.grad[i] ?? 0), 0);
      if (!(slope < 0)) continue;
      for (let t = 1; t > 1e-3; t /= 2) {
        const next = w.map((v, i) => v + t * (d[i] ?? 0));
        const n = objective(train, next, l2, true);
        if (n.loss < o.loss && n.loss <= o.loss + 1e-4 * t * slope) {
          gain = o.loss - n.loss;
          w = next;
          o = n;
          break;
        }
      }
      if (gain > 0) break;
    }
    // No step descends, or the last one gained nothing a weight written to 4 decimals would show.
    if (!(gain > 1e-14)) break;
  }
  return rounded ? w.map((x) => Math.round(x * 10_000) / 10_000 || 0) : w;
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

/**
 * How the strength is validated: each question left out in turn (fit on all the others), or each
 * question file left out in turn.
 */
export type CorrectionValidation = 'question' | 'file';

/**
 * Which strength wins: the best held-out total (ties go to the stronger), or the strongest within
 * one standard error of it ("one-se"). Measured (bench/RESULTS.md, k19news): on the unseen files the
 * one-standard-error choice (L2 0.1) answered 61 of 120 against 66 for the best total's (L2 0.03),
 * train-part models; the held-out totals on the training files pointed the same way.
 */
export type CorrectionRule = 'best' | 'one-se';

export interface CorrectionChoice {
  l2: number;
  weights: number[];
  validation: CorrectionValidation;
  rule: CorrectionRule;
  /**
   * Per strength: right-on-top counts of the left-out questions, summed per file, their total,
   * and the standard error of that total (over the questions).
   */
  table: { l2: number; heldOut: number[]; total: number; se: number }[];
  /** The total the chosen strength must reach (the best, or the best less one standard error): the strongest L2 reaching it is chosen. */
  threshold: number;
  /** Right-on-top on all files without and with the chosen correction (in-sample). */
  before: number;
  after: number;
  groups: number;
}

/** Each question's held-out outcome (right passage on top) at one strength, in the order of `files.flat()`. */
function heldOutOutcomes(files: readonly (readonly CorrectionGroup[])[], l2: number, by: CorrectionValidation): boolean[] {
  const all = files.flat();
  const zero = new Array<number>(widthOf(all)).fill(0);
  if (!Number.isFinite(l2)) return all.map((g) => correctedTop1([g], zero) === 1);
  if (by === 'file') {
    return files.flatMap((test, k) => {
      const w = fitCorrection(files.filter((_, j) => j !== k).flat(), l2);
      return test.map((g) => correctedTop1([g], w) === 1);
    });
  }
  // Each fit starts from 0 like the final one: with several right passages in a pool the loss is
  // not convex, and a fit started elsewhere could settle elsewhere. A group that cannot teach (no
  // right or no wrong passage) is not in any fit, so leaving it out changes nothing.
  const full = fitCorrection(all, l2, 100, { rounded: false });
  const teaching = new Set(all.filter(teaches));
  return all.map((g, i) => {
    const w = teaching.has(g) ? fitCorrection(all.filter((_, j) => j !== i), l2, 100, { rounded: false }) : full;
    return correctedTop1([g], w) === 1;
  });
}

/**
 * Chooses the L2 strength by held-out questions (`by`: each question left out in turn, the
 * default, or each file), then takes the strongest strength with the best held-out total, or
 * (`rule` "one-se") the strongest whose total is within one standard error of the best. Needs at
 * least two files. Then fits on all of them at that strength.
 */
export function chooseCorrection(
  files: readonly (readonly CorrectionGroup[])[],
  strengths: readonly number[] = CORRECTION_L2,
  by: CorrectionValidation = 'question',
  rule: CorrectionRule = 'best',
): CorrectionChoice {
  if (files.length < 2) throw new Error('the news correction needs at least two question files (the held-out totals are reported per file, and --validate file leaves one out at a time)');
  const all = files.flat();
  const n = all.length;
  const table = strengths.map((l2) => {
    const outcomes = heldOutOutcomes(files, l2, by);
    let at = 0;
    const heldOut = files.map((f) => {
      const right = outcomes.slice(at, at + f.length).filter(Boolean).length;
      at += f.length;
      return right;
    });
    const total = heldOut.reduce((a, b) => a + b, 0);
    const p = n > 0 ? total / n : 0;
    return { l2, heldOut, total, se: Math.sqrt(n * p * (1 - p)) };
  });
  const best = table.reduce((a, row) => (row.total > a.total ? row : a), table[0] as (typeof table)[number]);
  const threshold = rule === 'one-se' ? best.total - best.se : best.total;
  const chosen = table.find((row) => row.total >= threshold) ?? best;
  const zero = new Array<number>(widthOf(all)).fill(0);
  const weights = Number.isFinite(chosen.l2) ? fitCorrection(all, chosen.l2) : [...zero];
  return { l2: chosen.l2, weights, validation: by, rule, table, threshold, before: correctedTop1(all, zero), after: correctedTop1(all, weights), groups: n };
}
