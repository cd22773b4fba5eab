// Trains the direct-vs-partial quote model on annotated quote files and writes src/quotes/kind-weights.json.
//
//   npm run train:quote-kind -- ../shared/data/quotes/ggt-dev.jsonl ../shared/data/quotes/polnear-dev.jsonl [--folds 5] [--out FILE]
//
// Prints direct-quote F1 per file under the evaluation's span rule: with the marks' rules alone,
// held-out with --folds K (for each fold, weights trained on the other folds' articles decide the
// fold's quotes; the same article split as train:quotes), and with the weights trained on everything,
// which are then written. See bench/quote-kind-training.ts.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KIND_FEATURES, type KindWeights } from '../src/quotes/quote-kind.js';
import { f1Of, fitKind, kindArticles, kindF1, type F1Score } from './quote-kind-training.js';
import { foldOf, readLabelled, trainingArgs } from './quote-training.js';

const { paths, folds, out } = trainingArgs(process.argv.slice(2), 'usage: npm run train:quote-kind -- FILE.jsonl [FILE.jsonl …] [--folds K] [--out weights.json]', fileURLToPath(new URL('../src/quotes/kind-weights.json', import.meta.url)));

const labelled = readLabelled(paths);
const articles = kindArticles(labelled);
const names = [...new Set(labelled.map((a) => a.set.name))];
const fmt = (s: F1Score | undefined): string => {
  if (!s) return '–';
  const { precision, recall, f1 } = f1Of(s);
  return `F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)} R ${recall.toFixed(3)})`;
};
const line = (label: string, scores: Map<string, F1Score>): void => console.log(`${label}: ${names.map((n) => `${n} ${fmt(scores.get(n))}`).join('  ')}`);

// The marks' rules alone: direct exactly when they say so.
const rules: KindWeights = { version: 1, weights: Object.fromEntries(KIND_FEATURES.map((f) => [f, f === 'bias' ? -1 : f === 'rule_direct' ? 2 : 0])) as KindWeights['weights'] };
line('marks\' rules alone', kindF1(articles, rules));

if (folds >= 2) {
  const total = new Map<string, F1Score>();
  for (let k = 0; k < folds; k++) {
    const w = fitKind(articles.filter((a) => foldOf(a.source.gold.id, folds) !== k));
    for (const [n, s] of kindF1(articles.filter((a) => foldOf(a.source.gold.id, folds) === k), w)) {
      const t = total.get(n) ?? { found: 0, right: 0, fp: 0, fn: 0 };
      total.set(n, { found: t.found + s.found, right: t.right + s.right, fp: t.fp + s.fp, fn: t.fn + s.fn });
    }
  }
  line(`held-out (${folds}-fold, article split)`, total);
}

const weights = { ...fitKind(articles), trainedOn: names };
line('trained on all', kindF1(articles, weights));
writeFileSync(out, `${JSON.stringify(weights, null, 1)}\n`);
console.log(`weights written to ${out}`);
