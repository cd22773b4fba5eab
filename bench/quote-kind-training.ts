// Training the direct-vs-partial quote model (src/quotes/quote-kind.ts). Every quote the marks'
// rules call speech (direct or partial) is one example: positive when it finds a gold `quotes`
// entry under the evaluation's span rule (bench/quote-gold.ts coverQuotes), negative when it would
// be a false positive there (quoted words the annotators did not mark as a direct quote); quotes
// the rule counts as neutral (they cover only `other_quotes` text) are left out.
// A logistic model, L2-regularised, each file weighing as much as the other whatever its size, is
// fitted by gradient descent (Adam). The features never depend on the model, so one pass suffices.

import { rawQuotes, type QuoteSpan } from '../src/quotes/extract.js';
import { KIND_FEATURES, kindScore, type KindFeature, type KindWeights } from '../src/quotes/quote-kind.js';
import { coverQuotes } from './quote-gold.js';
import { adamStep, type LabelledArticle } from './quote-training.js';

interface KindItem {
  span: QuoteSpan;
  /** Null for a fragment: never a direct quote, whatever the model. */
  x: Float64Array | null;
}

export interface KindArticle {
  source: LabelledArticle;
  items: KindItem[];
  /** Per speech item (x not null) that is not neutral: it finds a gold quote. */
  labels: Map<KindItem, boolean>;
}

/** The quotes of each article with their features and labels. */
export function kindArticles(articles: readonly LabelledArticle[]): KindArticle[] {
  return articles.map((source) => {
    const items: KindItem[] = [];
    source.article.paragraphs.forEach((p, i) => {
      for (const q of rawQuotes(p, i + 1)) items.push({ span: q.span, x: q.features });
    });
    const speech = items.filter((it) => it.x !== null);
    const { covers } = coverQuotes(
      speech.map((it) => ({ text: it.span.text, it })),
      source.gold,
    );
    const labels = new Map<KindItem, boolean>();
    // A quote covering only `other_quotes` text is neither right nor wrong in the evaluation: no label.
    for (const c of covers) if (!c.neutral) labels.set(c.pred.it, c.golds.length > 0);
    return { source, items, labels };
  });
}

/** Fits the weights: minimises the weighted logistic loss + λ‖w‖² (the bias unpenalised). */
export function fitKind(articles: readonly KindArticle[], options: { epochs?: number; rate?: number; l2?: number } = {}): KindWeights {
  const epochs = options.epochs ?? 400;
  const rate = options.rate ?? 0.05;
  const l2 = options.l2 ?? 0.001;
  const n = KIND_FEATURES.length;
  const examples: Array<{ x: Float64Array; y: number; weight: number }> = [];
  const perSet = new Map<string, number>();
  for (const a of articles) perSet.set(a.source.set.name, (perSet.get(a.source.set.name) ?? 0) + a.labels.size);
  for (const a of articles) {
    const setSize = perSet.get(a.source.set.name) ?? 1;
    for (const [it, y] of a.labels) if (it.x) examples.push({ x: it.x, y: y ? 1 : 0, weight: 1 / (perSet.size * setSize) });
  }
  const w = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const grad = new Float64Array(n);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let j = 0; j < n; j++) grad[j] = j === 0 ? 0 : 2 * l2 * (w[j] ?? 0);
    for (const e of examples) {
      let s = 0;
      for (let j = 0; j < n; j++) s += (w[j] ?? 0) * (e.x[j] ?? 0);
      const g = e.weight * (1 / (1 + Math.exp(-s)) - e.y);
      for (let j = 0; j < n; j++) if (e.x[j]) grad[j] = (grad[j] ?? 0) + g * (e.x[j] ?? 0);
    }
    adamStep(w, grad, m, v, epoch, rate);
  }
  const weights = {} as Record<KindFeature, number>;
  KIND_FEATURES.forEach((f, j) => {
    weights[f] = Math.round((w[j] ?? 0) * 1000) / 1000;
  });
  return { version: 1, weights };
}

export interface F1Score {
  found: number;
  right: number;
  fp: number;
  fn: number;
}

/** Direct-quote counts per file under the evaluation's span rule, with the kinds the weights give. */
export function kindF1(articles: readonly KindArticle[], weights: KindWeights): Map<string, F1Score> {
  const out = new Map<string, F1Score>();
  for (const a of articles) {
    const preds = a.items.filter((it) => it.x !== null && kindScore(weights, it.x) > 0).map((it) => it.span);
    const { covers, missed } = coverQuotes(preds, a.source.gold);
    const sc = out.get(a.source.set.name) ?? { found: 0, right: 0, fp: 0, fn: 0 };
    for (const c of covers) {
      if (c.golds.length > 0) sc.right++;
      else if (!c.neutral) sc.fp++;
      sc.found += c.golds.length;
    }
    sc.fn += missed.length;
    out.set(a.source.set.name, sc);
  }
  return out;
}

export function f1Of(s: F1Score): { precision: number; recall: number; f1: number } {
  const precision = s.right / Math.max(1, s.right + s.fp);
  const recall = s.found / Math.max(1, s.found + s.fn);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
