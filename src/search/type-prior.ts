import { articleFolds } from './folds.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize, type Token } from '../text/tokenize.js';
import { firstNameGender } from '../quotes/first-names.js';
import { foldName, looksLikePersonName } from '../quotes/names.js';
import { hasPlaceWord, namesKnownPlace } from './places.js';
import { typedCandidates, type Candidate } from './candidates.js';
import type { WhPhrase } from './question.js';

/**
 * A learnt answer-type prior: from the question's wording (its wh-word, the word after it, its
 * head noun or last word), a distribution over the kinds of candidate the answer is. The
 * hand-written typing (question.ts answerType) leaves most what/which/how questions 'other', with
 * no typed evidence; this prior is learnt from training questions by reading which candidate kind
 * in the gold sentence matches the gold answer (no hand labels), and smoothed by backing off from
 * the most specific wording to the wh-word alone.
 */
export const PRIOR_KINDS = ['person', 'place', 'name', 'time', 'number', 'cause', 'phrase'] as const;
export type PriorKind = (typeof PRIOR_KINDS)[number];
const KIND_INDEX = new Map<string, number>(PRIOR_KINDS.map((k, i) => [k, i]));

/** Label counts by question key (`questionKeys`), one count per PRIOR_KINDS entry, and the backoff strength. */
export interface TypePrior {
  kinds: string[];
  /** How many parent-level pseudo-counts a key's own counts are smoothed with (chosen by cross-validation). */
  alpha: number;
  /** Training questions counted. */
  questions: number;
  counts: Record<string, number[]>;
}

/** One training question's answer kinds (a distribution: an answer several candidate kinds match splits its one count). */
export interface PriorExample {
  /** The article the question is about (the cross-fitting folds are cut by article). */
  source: string;
  keys: string[];
  label: number[];
}

/** The kind of one typed candidate: a name is a place, a person or another name (an organisation, a work, an event…). */
export function candidateKind(c: Candidate): PriorKind {
  if (c.kind !== 'name') return c.kind;
  const words = c.text.split(/\s+/);
  if (namesKnownPlace(words) || hasPlaceWord(words)) return 'place';
  // A run of name-like words opening with a known first name ("Marco Tardelli"; not "Acme Widgets").
  if (looksLikePersonName(words) && firstNameGender(foldName(words[0] ?? '')) !== null) return 'person';
  return 'name';
}

/** The wh-word's class for the head level: "which" and "what" ask alike ("which river" / "what river"). */
const whClass = (w: string): string => (w === 'which' ? 'what' : w);

/**
 * The question's keys from the most general to the most specific: the wh-word; the wh-word with
 * the word after it ("how many", "what year", "what did"); the head noun ("what *company*") or,
 * without one, the question's last word ("what did Tesla *invent*"). `tokens`: the text's, when the caller has them.
 */
export function questionKeys(text: string, wh: WhPhrase, terms: readonly string[], tokens: readonly Token[] = tokenize(text)): string[] {
  const word = wh.word ?? 'none';
  const next = wh.at >= 0 ? (tokens[wh.at + 1]?.norm ?? '') : '';
  const last = wh.head ?? terms[terms.length - 1];
  return [`w:${word}`, `n:${word} ${next}`, ...(last === undefined ? [] : [`h:${whClass(word)} ${last}`])];
}

/**
 * The distribution over PRIOR_KINDS for a question's keys: a Laplace-smoothed overall
 * distribution, then each level's counts smoothed towards its parent's with `alpha` pseudo-counts
 * (a key never seen keeps its parent's). Undefined without a prior.
 */
export function priorOf(prior: TypePrior | undefined, keys: readonly string[]): number[] | undefined {
  if (!prior) return undefined;
  const K = PRIOR_KINDS.length;
  const all = prior.counts[''] ?? new Array<number>(K).fill(0);
  const n0 = all.reduce((a, b) => a + b, 0);
  let p = all.map((c) => (c + 1) / (n0 + K));
  for (const key of keys) {
    const c = prior.counts[key];
    if (!c) continue;
    const n = c.reduce((a, b) => a + b, 0);
    p = p.map((pk, k) => ((c[k] ?? 0) + prior.alpha * pk) / (n + prior.alpha));
  }
  return p;
}

/** The answer kinds of one gold answer in its sentence: the typed candidates that match it best (token F1 ≥ 0.5), else a plain phrase. */
export function answerKinds(sentence: string, answer: string, f1: (prediction: string, gold: string) => number): PriorKind[] {
  let best = 0;
  let kinds: PriorKind[] = [];
  for (const c of typedCandidates(sentence)) {
    const f = f1(c.text, answer);
    if (f > best) {
      best = f;
      kinds = [candidateKind(c)];
    } else if (f === best && f > 0) kinds.push(candidateKind(c));
  }
  return best >= 0.5 ? [...new Set(kinds)] : ['phrase'];
}

/**
 * A question's label: the kinds of its gold answers in the gold paragraph's sentences that hold
 * them, as a distribution summing to 1 (undefined when no sentence holds an answer).
 */
export function priorLabel(paragraph: string, answers: readonly string[], holds: (sentence: string, answers: readonly string[]) => boolean, f1: (prediction: string, gold: string) => number): number[] | undefined {
  const label = new Array<number>(PRIOR_KINDS.length).fill(0);
  let found = 0;
  for (const s of splitSentences(paragraph)) {
    for (const a of answers) {
      if (!holds(s.text, [a])) continue;
      const kinds = answerKinds(s.text, a, f1);
      for (const k of kinds) label[KIND_INDEX.get(k) ?? 0] = (label[KIND_INDEX.get(k) ?? 0] ?? 0) + 1 / kinds.length;
      found++;
    }
  }
  return found === 0 ? undefined : label.map((x) => x / found);
}

/** Counts the examples into a prior with the given backoff strength; keys seen fewer than `minCount` times are left out (their parent stands in). */
export function countPrior(examples: readonly PriorExample[], alpha: number, minCount = 2): TypePrior {
  const K = PRIOR_KINDS.length;
  const counts = new Map<string, number[]>();
  const add = (key: string, label: readonly number[]): void => {
    let c = counts.get(key);
    if (!c) counts.set(key, (c = new Array<number>(K).fill(0)));
    for (let k = 0; k < K; k++) c[k] = (c[k] ?? 0) + (label[k] ?? 0);
  };
  const seen = new Map<string, number>();
  for (const e of examples) {
    add('', e.label);
    for (const key of e.keys) {
      add(key, e.label);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const kept: Record<string, number[]> = {};
  for (const [key, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (key === '' || (seen.get(key) ?? 0) >= minCount) kept[key] = c.map((x) => Math.round(x * 1000) / 1000);
  }
  return { kinds: [...PRIOR_KINDS], alpha, questions: examples.length, counts: kept };
}

/** Folds of the prior's cross-fitting (as many as the translation table's; articleFolds over the prior's own articles). */
export const PRIOR_FOLDS = 5;
/** Backoff strengths tried; the one whose cross-fitted priors give the labels the highest likelihood is kept. */
const ALPHAS = [0.5, 1, 2, 4, 8, 16];

/**
 * The prior counted from all the examples, and for each article the prior counted without its
 * fold: a training question's features read a prior that never saw it, as the committed prior
 * never saw the questions users ask. Folds are runs of whole articles in order. The backoff
 * strength is chosen by the cross-fitted log-likelihood of the labels.
 */
export function crossFitPrior(examples: readonly PriorExample[], folds = PRIOR_FOLDS): { all: TypePrior; of: (article: string) => TypePrior | undefined; logLikelihood: number } {
  const foldOf = articleFolds(examples.map((e) => e.source), folds);
  let bestAlpha = ALPHAS[0] ?? 1;
  let bestLl = -Infinity;
  for (const alpha of ALPHAS) {
    let ll = 0;
    for (let k = 0; k < folds; k++) {
      const prior = countPrior(
        examples.filter((e) => foldOf.get(e.source) !== k),
        alpha,
      );
      for (const e of examples) {
        if (foldOf.get(e.source) !== k) continue;
        const p = priorOf(prior, e.keys) ?? [];
        e.label.forEach((y, j) => {
          if (y > 0) ll += y * Math.log(p[j] ?? 1e-9);
        });
      }
    }
    if (ll > bestLl) {
      bestLl = ll;
      bestAlpha = alpha;
    }
  }
  const priors = Array.from({ length: folds }, (_, k) =>
    countPrior(
      examples.filter((e) => foldOf.get(e.source) !== k),
      bestAlpha,
    ),
  );
  const all = countPrior(examples, bestAlpha);
  return { all, of: (article) => (foldOf.has(article) ? priors[foldOf.get(article) ?? 0] : all), logLikelihood: examples.length ? bestLl / examples.length : 0 };
}

/** Checks a stored prior (AskWeights.typePrior): its kinds are the code's, its counts finite and not negative. */
export function parseTypePrior(doc: unknown): TypePrior {
  const fail = (why: string): never => {
    throw new Error(`answer-type prior: ${why}`);
  };
  if (typeof doc !== 'object' || doc === null) return fail('not an object');
  const p = doc as Partial<TypePrior>;
  if (!Array.isArray(p.kinds) || p.kinds.join() !== PRIOR_KINDS.join()) fail('its kinds differ from the code\'s');
  if (typeof p.alpha !== 'number' || !Number.isFinite(p.alpha) || p.alpha <= 0) fail('alpha must be a positive number');
  if (typeof p.questions !== 'number' || !Number.isFinite(p.questions)) fail('questions must be a number');
  if (typeof p.counts !== 'object' || p.counts === null) return fail('no counts');
  for (const [key, c] of Object.entries(p.counts)) {
    if (!Array.isArray(c) || c.length !== PRIOR_KINDS.length || !c.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) fail(`counts of "${key}" need ${PRIOR_KINDS.length} numbers of 0 or more`);
  }
  return p as TypePrior;
}

/** The index of a candidate's kind in PRIOR_KINDS. */
export const priorKindIndex = (c: Candidate): number => KIND_INDEX.get(candidateKind(c)) ?? 0;
