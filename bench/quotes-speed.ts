// Cost of building the quote store over a whole archive (default: the Reuters corpus), next to
// what opening the archive costs anyway: loading it and building the passage index.
//
//   npx tsx bench/quotes-speed.ts [ARCHIVE_DIR]
//
// The budget: quotes may add at most 30% to the index build time. Judged cold against
// cold: the first quote build in this process (nothing has compiled the quote code or filled its
// name caches yet) against loading and indexing, which are cold too. Main-thread CPU beside wall
// time (the machine is shared; wall time there follows the load). Later runs show the warm cost.

import { loadArchive } from '../src/archive/load.js';
import { isUserError } from '../src/errors.js';
import { answerQuotes } from '../src/quotes/query.js';
import { QuoteStore } from '../src/quotes/store.js';
import { DEFAULT_INDEX_SETTINGS, PassageIndex } from '../src/search/index.js';
import { measure, type StepCost } from './thread-cpu.js';

const dir = process.argv[2] ?? '../shared/data/corpus/reuters21578';
const show = (c: StepCost): string => `${c.wall.toFixed(0)} ms wall, ${c.main.toFixed(0)} ms main-thread CPU`;

const { value: archive, cost: load } = measure(() => loadArchive(dir));
const chars = archive.articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.length, 0), 0);
const { cost: index } = measure(() => PassageIndex.build(archive.articles, DEFAULT_INDEX_SETTINGS));

const runs: StepCost[] = [];
let store: QuoteStore | null = null;
for (let i = 0; i < 3; i++) {
  const { value, cost } = measure(() => QuoteStore.build(archive.articles));
  store = value;
  runs.push(cost);
}
const cold = runs[0] ?? { wall: 0, cpu: 0, main: 0 };
const warm = runs.slice(1).reduce((a, b) => (b.main < a.main ? b : a), runs[1] ?? cold);
const json = JSON.stringify(store);
const { cost: reload } = measure(() => QuoteStore.fromJSON(JSON.parse(json) as unknown));
const base: StepCost = { wall: load.wall + index.wall, cpu: load.cpu + index.cpu, main: load.main + index.main };
const pct = (a: number, b: number): string => `${((a / b) * 100).toFixed(0)}%`;
console.log(`${archive.articles.length} articles, ${(chars / 1e6).toFixed(1)} M characters`);
console.log(`load ${show(load)} + passage index ${show(index)} = ${show(base)}`);
console.log(`quote store, cold (first run): ${show(cold)} = +${pct(cold.wall, base.wall)} wall / +${pct(cold.main, base.main)} main-thread CPU of load + index`);
console.log(`quote store, warm (best later run): ${show(warm)} = +${pct(warm.wall, base.wall)} / +${pct(warm.main, base.main)}`);
console.log(`${store?.size ?? 0} quotes, ${store?.speakers(1e9).length ?? 0} speakers; JSON ${(json.length / 1e6).toFixed(1)} MB, reload from JSON ${reload.wall.toFixed(0)} ms`);

// Query time: /quotes by full name, by surname, by a misspelt surname (the "did you mean" path,
// which compares against every speaker), and autocomplete, over the most quoted speakers.
if (store) {
  const names = store.speakers(300).map((e) => e.name);
  const surnames = names.map((n) => n.split(' ').pop() ?? n);
  const misspelt = surnames.filter((w) => w.length >= 5).map((w) => `${w.slice(0, 2)}${w.slice(3)}`);
  const timeEach = (inputs: readonly string[], f: (s: string) => unknown): number[] =>
    inputs.map((input) => {
      const t = performance.now();
      try {
        f(input);
      } catch (e) {
        if (!isUserError(e)) throw e;
      }
      return performance.now() - t;
    });
  const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  const quotes = (speaker: string): unknown => answerQuotes(store as QuoteStore, { speaker, limit: 5 }, (id) => id);
  for (const [label, inputs, f] of [
    ['/quotes full name', names, quotes],
    ['/quotes surname', surnames, quotes],
    ['/quotes misspelt (did you mean)', misspelt, quotes],
    ['autocomplete (3 letters)', surnames.map((w) => w.slice(0, 3)), (s: string) => (store as QuoteStore).suggestSpeakers(s, 25)],
  ] as const) {
    timeEach(inputs, f); // warm up
    const ms = timeEach(inputs, f);
    console.log(`${label}: ${ms.length} queries, p50 ${pct(ms, 0.5).toFixed(2)} ms, p95 ${pct(ms, 0.95).toFixed(2)} ms, max ${Math.max(...ms).toFixed(2)} ms`);
  }
}
