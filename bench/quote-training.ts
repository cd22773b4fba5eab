// Training the speaker ranker (src/quotes/ranker.ts): every speech quote matched to a gold quote
// whose speaker counts gives one example, its candidates labelled right or wrong by the same test
// the evaluation uses; a conditional logit (softmax over a quote's candidates, L2-regularised) is fitted
// by gradient descent. Features depend on earlier decisions (the previous speaker), so collection and
// fitting alternate a few rounds, starting from the committed weights' shape with neutral values.

import type { Article } from '../src/archive/types.js';
import { attributeArticle, type CandidateView } from '../src/quotes/attribute.js';
import { FEATURES, type Feature, type SpeakerWeights } from '../src/quotes/ranker.js';
import type { QuoteSpan } from '../src/quotes/extract.js';
import { judgeSpeaker, matchQuotes, readGoldSet, type GoldRecord, type GoldSet } from './quote-gold.js';

export interface Example {
  /** Feature vectors of the candidates, in FEATURES order. */
  x: number[][];
  /** Which candidates are right. */
  y: boolean[];
  /** Weight of the example: each set counts as much as the other, whatever its size. */
  weight: number;
}

export interface LabelledArticle {
  set: Pick<GoldSet, 'mentions' | 'name'>;
  article: Article;
  gold: GoldRecord;
}

const vector = (c: CandidateView): number[] => Array.from(c.vector);

/** The training examples of some articles under the given weights. */
export function collect(articles: readonly LabelledArticle[], weights: SpeakerWeights): Example[] {
  const perSet = new Map<string, Example[]>();
  for (const { set, article, gold } of articles) {
    const seen: Array<{ span: QuoteSpan; text: string; candidates: readonly CandidateView[] }> = [];
    attributeArticle(article.paragraphs, { weights, observe: (span, candidates) => seen.push({ span, text: span.text, candidates }) });
    const { matches } = matchQuotes(seen, gold);
    for (const m of matches) {
      if (!m.gold) continue;
      const goldQuote = m.gold;
      if (!judgeSpeaker(set, goldQuote, null).counts) continue;
      const y = m.pred.candidates.map((c) => judgeSpeaker(set, goldQuote, c.speaker).right);
      if (!y.some(Boolean) || y.every(Boolean)) continue;
      const list = perSet.get(set.name) ?? [];
      list.push({ x: m.pred.candidates.map(vector), y, weight: 1 });
      perSet.set(set.name, list);
    }
  }
  const out: Example[] = [];
  const sets = perSet.size;
  for (const list of perSet.values()) for (const e of list) out.push({ ...e, weight: 1000 / (sets * list.length) });
  return out;
}

/** Fits the weights to the examples: minimises the weighted −log P(a right candidate) + λ‖w‖². */
export function fit(examples: readonly Example[], options: { epochs?: number; rate?: number; l2?: number } = {}): SpeakerWeights {
  const epochs = options.epochs ?? 300;
  const rate = options.rate ?? 0.05;
  const l2 = options.l2 ?? 0.001;
  const n = FEATURES.length;
  const w = new Array<number>(n).fill(0);
  // Adam: the features differ in scale and frequency by orders of magnitude.
  const m = new Array<number>(n).fill(0);
  const v = new Array<number>(n).fill(0);
  const totalWeight = examples.reduce((s, e) => s + e.weight, 0) || 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = w.map((wi) => 2 * l2 * wi);
    for (const e of examples) {
      const scores = e.x.map((x) => x.reduce((s, xi, j) => s + xi * (w[j] ?? 0), 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const z = exp.reduce((a, b) => a + b, 0);
      const zPos = exp.reduce((a, b, k) => a + (e.y[k] ? b : 0), 0);
      const scale = e.weight / totalWeight;
      e.x.forEach((x, k) => {
        const g = (exp[k] ?? 0) / z - (e.y[k] ? (exp[k] ?? 0) / zPos : 0);
        if (g === 0) return;
        x.forEach((xi, j) => {
          if (xi !== 0) grad[j] = (grad[j] ?? 0) + scale * g * xi;
        });
      });
    }
    adamStep(w, grad, m, v, epoch, rate);
  }
  const weights = {} as Record<Feature, number>;
  FEATURES.forEach((f, j) => {
    weights[f] = Math.round((w[j] ?? 0) * 1000) / 1000;
  });
  return { version: 1, weights };
}

/** One Adam update of `w` from the gradient `grad` (moments `m`, `v`; `epoch` from 1), in place. */
export function adamStep(w: Vector, grad: Vector, m: Vector, v: Vector, epoch: number, rate: number): void {
  for (let j = 0; j < w.length; j++) {
    const g = grad[j] ?? 0;
    m[j] = 0.9 * (m[j] ?? 0) + 0.1 * g;
    v[j] = 0.999 * (v[j] ?? 0) + 0.001 * g * g;
    const mh = (m[j] ?? 0) / (1 - 0.9 ** epoch);
    const vh = (v[j] ?? 0) / (1 - 0.999 ** epoch);
    w[j] = (w[j] ?? 0) - (rate * mh) / (Math.sqrt(vh) + 1e-8);
  }
}
type Vector = number[] | Float64Array;

/** The command line of the training scripts: annotated files, `--folds K`, `--out FILE`, other flags. */
export function trainingArgs(argv: readonly string[], usage: string, defaultOut: string): { paths: string[]; folds: number; out: string; flags: Set<string>; without: string | undefined } {
  const valueOf = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const flagValues = new Set([valueOf('--folds'), valueOf('--out'), valueOf('--without')]);
  const paths = argv.filter((a) => !a.startsWith('--') && !flagValues.has(a));
  if (paths.length === 0) {
    console.error(usage);
    process.exit(1);
  }
  const folds = Number(valueOf('--folds') ?? 0);
  if (!Number.isInteger(folds) || folds < 0 || folds === 1) {
    console.error('--folds must be 0 (none) or an integer ≥ 2');
    process.exit(1);
  }
  return { paths, folds, out: valueOf('--out') ?? defaultOut, flags: new Set(argv.filter((a) => a.startsWith('--'))), without: valueOf('--without') };
}

/** The features named by `--without a,b`: an ablation trains as if they did not exist. Throws naming an unknown one. */
export function featureMask(list: string | undefined): Set<Feature> | { error: string } {
  const out = new Set<Feature>();
  for (const name of (list ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    // A typo on the command line is the user's, not a bug: a message, not a throw.
    if (!(FEATURES as readonly string[]).includes(name)) return { error: `--without: no feature "${name}" (features: ${FEATURES.join(', ')})` };
    out.add(name as Feature);
  }
  return out;
}

/** The articles of annotated files, each with its file's scoring rule. */
export function readLabelled(paths: readonly string[]): LabelledArticle[] {
  const out: LabelledArticle[] = [];
  for (const path of paths) {
    const set = readGoldSet(path);
    for (const a of set.articles) out.push({ set, article: a.article, gold: a.gold });
  }
  return out;
}

/**
 * Collection and fitting alternated `rounds` times, starting from `start`; the round whose weights
 * score best on the training articles (mean accuracy over the sets) is kept, since a round can
 * overshoot when earlier choices shift.
 */
export function train(articles: readonly LabelledArticle[], start: SpeakerWeights, rounds = 4, options: Parameters<typeof fit>[1] & { without?: ReadonlySet<Feature> } = {}): SpeakerWeights {
  const without = options.without ?? new Set<Feature>();
  // A feature left out is zero in every example, so its weight stays zero (its gradient is the L2 term alone).
  const masked = FEATURES.flatMap((f, j) => (without.has(f) ? [j] : []));
  let weights = masked.length === 0 ? start : { ...start, weights: { ...start.weights, ...Object.fromEntries([...without].map((f) => [f, 0])) } };
  let best: { weights: SpeakerWeights; score: number } | null = null;
  for (let r = 0; r < rounds; r++) {
    const examples = collect(articles, weights);
    for (const e of examples) for (const x of e.x) for (const j of masked) x[j] = 0;
    weights = fit(examples, options);
    const acc = [...speakerAccuracy(articles, weights).values()];
    const score = acc.reduce((s, a) => s + a.right / Math.max(1, a.judged), 0) / Math.max(1, acc.length);
    if (!best || score > best.score) best = { weights, score };
  }
  return best?.weights ?? weights;
}

export interface SetScore {
  judged: number;
  right: number;
}

/** Speaker accuracy of direct quotes per set, as bench/eval-quotes.ts counts it. */
export function speakerAccuracy(articles: readonly LabelledArticle[], weights: SpeakerWeights, errors?: string[]): Map<string, SetScore> {
  const out = new Map<string, SetScore>();
  for (const { set, article, gold } of articles) {
    const preds = attributeArticle(article.paragraphs, { weights }).filter((q) => q.kind === 'direct');
    const sc = out.get(set.name) ?? { judged: 0, right: 0 };
    for (const m of matchQuotes(preds, gold).matches) {
      if (!m.gold) continue;
      const j = judgeSpeaker(set, m.gold, m.pred.speaker);
      if (!j.counts) continue;
      sc.judged++;
      if (j.right) sc.right++;
      else errors?.push(`${set.name} ${article.id} ¶${m.pred.paragraph} "${m.pred.text.slice(0, 60)}" → ${m.pred.speaker ?? 'nobody'}, gold ${m.gold.speaker ?? 'nobody'}`);
    }
    out.set(set.name, sc);
  }
  return out;
}

/** Articles split into `k` folds by a hash of their id, so a fold holds whole articles and never changes between runs. */
export function foldOf(id: string, k: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % k;
}
