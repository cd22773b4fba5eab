// Fingerprints of attribution under any weights, for changes meant only to make the quote step
// cheaper: `quotes-hash` compares what the committed weights choose; a cut must also leave every
// candidate and its features unchanged, whatever weights a retrain gives. For each PATH, the
// SHA-256 (first 12 hex digits) of the `attributeArticle` output and of every speech quote's
// candidates with their feature vectors (the `observe` hook training reads, which also turns off
// the run-time shortcut for quotes named at their tail), under the committed weights and three
// random weight vectors (fixed seeds, each weight in [-2, 2]). Run before and after; compare.
//
//   npx tsx bench/quotes-identity.ts ARCHIVE_DIR|GOLD.jsonl ...

import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { loadArchive } from '../src/archive/load.js';
import { attributeArticle } from '../src/quotes/attribute.js';
import { DEFAULT_WEIGHTS, FEATURES, type SpeakerWeights } from '../src/quotes/ranker.js';
import { readGoldSet } from './quote-gold.js';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: npx tsx bench/quotes-identity.ts ARCHIVE_DIR|GOLD.jsonl ...');
  process.exit(1);
}
const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);

/** A linear congruential generator: the same weights on every machine. */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const weightSets: Array<[string, SpeakerWeights]> = [['committed', DEFAULT_WEIGHTS]];
for (const seed of [11, 12, 13]) {
  const next = uniform(seed);
  const weights = Object.fromEntries(FEATURES.map((f) => [f, Math.round((next() * 4 - 2) * 1000) / 1000])) as SpeakerWeights['weights'];
  weightSets.push([`random${seed}`, { version: 1, weights }]);
}

for (const path of paths) {
  const articles = statSync(path).isDirectory() ? loadArchive(path).articles : readGoldSet(path).articles.map((g) => g.article);
  console.log(path);
  for (const [name, weights] of weightSets) {
    const output = hash(JSON.stringify(articles.map((a) => attributeArticle(a.paragraphs, { weights }))));
    const seen = createHash('sha256');
    let candidates = 0;
    for (const a of articles) {
      attributeArticle(a.paragraphs, {
        weights,
        observe: (quote, list, chosen) => {
          candidates += list.length;
          seen.update(`${quote.paragraph}:${quote.open}:${chosen}|`);
          for (const c of list) seen.update(`${c.speaker}=${Array.from(c.vector).join(',')};`);
        },
      });
    }
    console.log(`  ${name} output ${output} candidates ${candidates} features ${seen.digest('hex').slice(0, 12)}`);
  }
}
