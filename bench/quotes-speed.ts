// Cost of building the quote store over a whole archive (default: the Reuters corpus), next to
// what opening the archive costs anyway: loading it and building the passage index.
//
//   npx tsx bench/quotes-speed.ts [ARCHIVE_DIR]
//
// The budget: quotes may add at most 30% to the index build time.

import { loadArchive } from '../src/archive/load.js';
import { QuoteStore } from '../src/quotes/store.js';
import { DEFAULT_INDEX_SETTINGS, PassageIndex } from '../src/search/index.js';

const dir = process.argv[2] ?? '../shared/data/corpus/reuters21578';
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

const [archive, loadMs] = time(() => loadArchive(dir));
const chars = archive.articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.length, 0), 0);
const [, indexMs] = time(() => PassageIndex.build(archive.articles, DEFAULT_INDEX_SETTINGS));

// Best of three: the first run also pays for the JIT.
const runs: number[] = [];
let store: QuoteStore | null = null;
for (let i = 0; i < 3; i++) {
  const [s, ms] = time(() => QuoteStore.build(archive.articles));
  store = s;
  runs.push(ms);
}
const best = Math.min(...runs);
const json = JSON.stringify(store);
const [, reloadMs] = time(() => QuoteStore.fromJSON(JSON.parse(json) as unknown));
const base = loadMs + indexMs;
console.log(`${archive.articles.length} articles, ${(chars / 1e6).toFixed(1)} M characters`);
console.log(`load ${loadMs.toFixed(0)} ms + passage index ${indexMs.toFixed(0)} ms = ${base.toFixed(0)} ms`);
console.log(`quote store: best of 3 ${best.toFixed(0)} ms (${runs.map((r) => r.toFixed(0)).join(', ')}) = +${((best / base) * 100).toFixed(1)}% of load + index`);
console.log(`${store?.size ?? 0} quotes, ${store?.speakers(1e9).length ?? 0} speakers; JSON ${(json.length / 1e6).toFixed(1)} MB, reload from JSON ${reloadMs.toFixed(0)} ms`);
