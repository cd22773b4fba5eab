// Trains the speaker ranker on annotated quote files and writes src/quotes/speaker-weights.json.
//
//   npm run train:quotes -- ../shared/data/quotes/ggt-dev.jsonl ../shared/data/quotes/polnear-dev.jsonl [--folds 5] [--out FILE] [--errors] [--cross] [--without F1,F2]
//
// With --folds K it first reports held-out speaker accuracy: for each fold, weights trained on the
// other folds' articles score the fold's articles (article-level split, both files pooled); then it
// trains on everything and writes the weights. --errors lists the held-out speaker errors. With --cross
// (two or more files) it also reports leave-one-set-out accuracy: weights trained on the other files
// score each file, the test of whether the method carries over to news of another kind. --without F1,F2
// trains as if those features did not exist (an ablation: is a feature worth keeping?). See bench/quote-training.ts.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WEIGHTS, type Feature } from '../src/quotes/ranker.js';
import { featureMask, foldOf, readLabelled, speakerAccuracy, train, trainingArgs, type SetScore } from './quote-training.js';

const usage = 'usage: npm run train:quotes -- FILE.jsonl [FILE.jsonl …] [--folds K] [--out weights.json] [--errors] [--cross] [--without F1,F2]';
const { paths, folds, out, flags, without: withoutList } = trainingArgs(process.argv.slice(2), usage, fileURLToPath(new URL('../src/quotes/speaker-weights.json', import.meta.url)));
const mask = featureMask(withoutList);
if (!(mask instanceof Set)) {
  console.error(`${mask.error}\n${usage}`);
  process.exit(1);
}
const without: Set<Feature> = mask;
if (flags.has('--without') && without.size === 0) {
  console.error(`--without needs a comma-separated list of features\n${usage}`);
  process.exit(1);
}

const articles = readLabelled(paths);
const names = [...new Set(articles.map((a) => a.set.name))];
const fmt = (s: SetScore | undefined): string => (s ? `${(s.right / Math.max(1, s.judged)).toFixed(3)} (${s.right}/${s.judged})` : '–');

if (folds >= 2) {
  const total = new Map<string, SetScore>();
  for (let k = 0; k < folds; k++) {
    const trainOn = articles.filter((a) => foldOf(a.gold.id, folds) !== k);
    const test = articles.filter((a) => foldOf(a.gold.id, folds) === k);
    const w = train(trainOn, DEFAULT_WEIGHTS, 4, { without });
    const errors: string[] = [];
    const acc = speakerAccuracy(test, w, errors);
    if (flags.has('--errors')) for (const e of errors) console.log(`  ${e}`);
    console.log(`fold ${k + 1}/${folds}: ${names.map((n) => `${n} ${fmt(acc.get(n))}`).join('  ')}`);
    for (const [n, s] of acc) {
      const t = total.get(n) ?? { judged: 0, right: 0 };
      total.set(n, { judged: t.judged + s.judged, right: t.right + s.right });
    }
  }
  console.log(`held-out (${folds}-fold, article split): ${names.map((n) => `${n} ${fmt(total.get(n))}`).join('  ')}`);
}

if (flags.has('--cross') && names.length >= 2) {
  for (const n of names) {
    const w = train(articles.filter((a) => a.set.name !== n), DEFAULT_WEIGHTS, 4, { without });
    console.log(`leave-one-set-out: trained without ${n} → ${n} ${fmt(speakerAccuracy(articles.filter((a) => a.set.name === n), w).get(n))}`);
  }
}

const weights = { ...train(articles, DEFAULT_WEIGHTS, 4, { without }), trainedOn: names };
const dev = speakerAccuracy(articles, weights);
console.log(`trained on all: ${names.map((n) => `${n} ${fmt(dev.get(n))}`).join('  ')}`);
writeFileSync(out, `${JSON.stringify(weights, null, 1)}\n`);
console.log(`weights written to ${out}`);
