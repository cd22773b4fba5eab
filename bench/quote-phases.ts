// Where the quote step's time goes, cold and warm, by phase: the archive is loaded first (not
// timed), then `QuoteStore.build` runs RUNS times (default 2; the first cold, the later ones warm),
// each under a CPU profile (node:inspector, 250 µs samples) and a garbage-collection observer.
// Each sample counts for the nearest enclosing phase function: extraction (`extractArticle`), the
// name scan (`People`), the rest of attribution (`attributeArticle`: mentions read, candidates and
// features, ranking), the store's own indexing (`fromQuotes`); "(garbage collector)" samples are GC.
// Prints one table row per phase and run: sampled ms and share of the run's samples, plus the
// collections the observer saw (count, and their pause time, wall). On a loaded machine the samples
// follow wall time, so read the shares; main-thread CPU per run is beside them.
//
//   node --import tsx bench/quote-phases.ts ARCHIVE_DIR [RUNS]
//
// For cold figures run it in fresh processes (one cold build per process).

import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import type { Profiler } from 'node:inspector';
import { loadArchive } from '../src/archive/load.js';
import { QuoteStore } from '../src/quotes/store.js';
import { threadCpuMs } from './thread-cpu.js';

const PHASES: ReadonlyArray<[fn: string, phase: string]> = [
  ['extractArticle', 'extraction'],
  ['People', 'name scan (People)'],
  ['fromQuotes', 'store indexing (fromQuotes)'],
  ['attributeArticle', 'attribution, rest'],
  ['(garbage collector)', 'garbage collection'],
];
const ORDER = [...PHASES.map(([, phase]) => phase), 'other'];

/** Sampled ms per phase: each sample goes to the nearest enclosing phase function. */
function phaseTimes(profile: Profiler.Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOf = new Map<number, string>();
  const phaseFor = (id: number): string => {
    const known = phaseOf.get(id);
    if (known !== undefined) return known;
    const own = PHASES.find(([fn]) => fn === byId.get(id)?.callFrame.functionName)?.[1];
    const up = parent.get(id);
    const phase = own ?? (up === undefined ? 'other' : phaseFor(up));
    phaseOf.set(id, phase);
    return phase;
  };
  const out = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const phase = phaseFor(id);
    out.set(phase, (out.get(phase) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return out;
}

const dir = process.argv[2];
const runs = Number(process.argv[3] ?? 2);
if (!dir || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node --import tsx bench/quote-phases.ts ARCHIVE_DIR [RUNS]');
  process.exit(1);
}
const { articles } = loadArchive(dir);
let collections = 0;
let pause = 0;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    collections++;
    pause += e.duration;
  }
});
observer.observe({ entryTypes: ['gc'] });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 250 });
console.log('| run | main-thread CPU ms | GC: collections / pause ms (wall) | ' + ORDER.join(' | ') + ' |');
console.log('|---|---|---|' + ORDER.map(() => '---').join('|') + '|');
for (let r = 0; r < runs; r++) {
  // Entries of the run before are delivered before this one starts.
  await new Promise((resolve) => setTimeout(resolve, 20));
  collections = 0;
  pause = 0;
  await session.post('Profiler.start');
  const cpu0 = threadCpuMs();
  QuoteStore.build(articles);
  const cpu = threadCpuMs() - cpu0;
  const { profile } = await session.post('Profiler.stop');
  await new Promise((resolve) => setTimeout(resolve, 20));
  const times = phaseTimes(profile);
  const total = [...times.values()].reduce((a, b) => a + b, 0);
  const cells = ORDER.map((phase) => {
    const t = times.get(phase) ?? 0;
    return `${t.toFixed(0)} (${((t / total) * 100).toFixed(1)}%)`;
  });
  console.log(`| ${r === 0 ? 'cold' : `warm ${r}`} | ${cpu.toFixed(0)} | ${collections} / ${pause.toFixed(0)} | ${cells.join(' | ')} |`);
}
observer.disconnect();
session.disconnect();
