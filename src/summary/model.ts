import type { Article } from '../archive/types.js';
import { termOf, tokenize } from '../text/tokenize.js';
import type { Candidate } from './features.js';
import weightsFile from './weights.json' with { type: 'json' };

/**
 * What the summariser knows of a sentence, as numbers a logistic regression weighs. Position
 * and lead carry news writing's top-down habit; centrality finds what the article keeps
 * returning to; the rest are the sentence's own shape. The style terms (flattened copy,
 * short story) let the lead's weight differ with the article's layout, not with its source.
 */
export const FEATURES = [
  'bias',
  'first',
  'lead',
  'leadSlow',
  'position',
  'paragraphFirst',
  'centrality',
  'length',
  'overlong',
  'quoted',
  'dangling',
  'number',
  'titleOverlap',
  'leadFlat',
  'leadShort',
  'opensWithQuote',
  'names',
  'firstFlat',
  'leadSlowFlat',
  'centralityFlat',
  'lengthFlat',
] as const;

export type FeatureName = (typeof FEATURES)[number];

export interface SummaryWeights {
  features: readonly string[];
  weights: readonly number[];
  /** How the weights were made: data, folds, held-out scores. Informational. */
  trainedOn?: unknown;
}

/** Checks a weights file's shape: one finite weight per known feature, in the same order. */
export function checkWeights(data: unknown): SummaryWeights {
  const o = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const features = o.features;
  const weights = o.weights;
  if (!Array.isArray(features) || !Array.isArray(weights) || features.length !== FEATURES.length || weights.length !== FEATURES.length) {
    throw new Error(`summary weights: expected ${FEATURES.length} features and weights`);
  }
  FEATURES.forEach((name, i) => {
    if (features[i] !== name) throw new Error(`summary weights: feature ${i} is ${String(features[i])}, expected ${name}`);
    if (typeof weights[i] !== 'number' || !Number.isFinite(weights[i])) throw new Error(`summary weights: weight of ${name} is not a finite number`);
  });
  return { features: features as string[], weights: weights as number[], trainedOn: o.trainedOn };
}

/** The committed weights, trained by `npm run train:summary`. */
export const TRAINED_WEIGHTS: SummaryWeights = checkWeights(weightsFile);

/** The context a sentence's features need: its article and its neighbours. */
export interface FeatureContext {
  article: Article;
  candidates: readonly Candidate[];
  central: readonly number[];
}

/** One feature row per candidate, in FEATURES order. */
export function featureRows({ article, candidates, central }: FeatureContext): Float64Array[] {
  const n = candidates.length;
  const shrink = n / (n + 3);
  const paragraphs = new Set(candidates.map((c) => c.paragraph)).size;
  const flat = paragraphs <= 1 && n > 3 ? 1 : 0;
  const short = n <= 8 ? 1 : 0;
  const title = titleTerms(article, candidates[0]);
  return candidates.map((c, i) => {
    const lead = Math.exp(-i);
    const row = new Float64Array(FEATURES.length);
    row[0] = 1;
    row[1] = i === 0 ? 1 : 0;
    row[2] = lead;
    row[3] = Math.exp(-i / 4);
    row[4] = n > 1 ? i / (n - 1) : 0;
    row[5] = c.inParagraph === 0 && paragraphs > 1 ? 1 : 0;
    row[6] = (central[i] ?? 0) * shrink;
    row[7] = Math.min(1, c.words / 25);
    row[8] = Math.min(1, Math.max(0, c.words - 35) / 30);
    row[9] = c.quoted ? 1 : 0;
    row[10] = c.dangling && i > 0 ? 1 : 0;
    row[11] = /\d/.test(c.text) ? 1 : 0;
    row[12] = title.size > 0 ? overlap(c.terms, title) : 0;
    row[13] = lead * flat;
    row[14] = lead * short;
    row[15] = /^["“‘']/.test(c.text) ? 1 : 0;
    row[16] = nameShare(c.text);
    row[17] = row[1] * flat;
    row[18] = row[3] * flat;
    row[19] = row[6] * flat;
    row[20] = row[7] * flat;
    return row;
  });
}

/** The model's score of each row: the log-odds that the sentence belongs in a summary. */
export function scoreRows(rows: readonly Float64Array[], weights: SummaryWeights = TRAINED_WEIGHTS): number[] {
  return rows.map((row) => {
    let s = 0;
    for (let k = 0; k < row.length; k++) s += (row[k] ?? 0) * (weights.weights[k] ?? 0);
    return s;
  });
}

// A title made up from the first sentence (no headline given) says nothing the lead does not.
function titleTerms(article: Article, first: Candidate | undefined): Set<string> {
  const title = article.title.replace(/…$/, '');
  if (!title || (first && first.text.startsWith(title.slice(0, 40)))) return new Set();
  const out = new Set<string>();
  for (const t of tokenize(title)) {
    const term = termOf(t);
    if (term !== null) out.add(term);
  }
  return out;
}

function overlap(terms: readonly string[], title: ReadonlySet<string>): number {
  let shared = 0;
  const seen = new Set<string>();
  for (const t of terms) {
    if (title.has(t) && !seen.has(t)) {
      seen.add(t);
      shared++;
    }
  }
  return shared / title.size;
}

/** The share of words that are capitalised mid-sentence: names carry who and where. */
function nameShare(text: string): number {
  const words = text.split(/\s+/);
  let names = 0;
  for (let i = 1; i < words.length; i++) if (/^["“‘'(]?\p{Lu}\p{Ll}/u.test(words[i] ?? '')) names++;
  return words.length > 1 ? Math.min(1, (3 * names) / words.length) : 0;
}
