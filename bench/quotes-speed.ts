// Time of quote extraction + attribution over a whole archive (default: the Reuters corpus).
//
//   npx tsx bench/quotes-speed.ts [ARCHIVE_DIR]

import { loadArchive } from '../src/archive/load.js';
import { QuoteStore } from '../src/quotes/store.js';

const dir = process.argv[2] ?? '../shared/data/corpus/reuters21578';
let t = performance.now();
const archive = loadArchive(dir);
const loadMs = performance.now() - t;
const chars = archive.articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.length, 0), 0);

const runs: number[] = [];
let store: QuoteStore | null = null;
for (let i = 0; i < 3; i++) {
  t = performance.now();
  store = QuoteStore.build(archive.articles);
  runs.push(performance.now() - t);
}
const best = Math.min(...runs);
const json = JSON.stringify(store);
t = performance.now();
QuoteStore.fromJSON(JSON.parse(json) as unknown);
const reloadMs = performance.now() - t;
console.log(`${archive.articles.length} articles, ${(chars / 1e6).toFixed(1)} M characters; loading took ${loadMs.toFixed(0)} ms`);
console.log(`quote store build: best of 3 ${best.toFixed(0)} ms (${runs.map((r) => r.toFixed(0)).join(', ')}) = ${((best / loadMs) * 100).toFixed(0)}% of loading`);
console.log(`${store?.size ?? 0} quotes, ${store?.speakers(1e9).length ?? 0} speakers; JSON ${(json.length / 1e6).toFixed(1)} MB, reload ${reloadMs.toFixed(0)} ms`);
