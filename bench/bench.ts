/**
 * The engine benchmark: cold build, start from cache, memory, and latency of search and ask over
 * fixed queries. Reports medians and percentiles; no thresholds (this machine is noisy).
 *
 *   npm run bench -- --archive DIR [--queries 1000] [--rounds 3] [--record]
 *
 * --rounds: how many fresh-process builds of each kind measure the quote cost cold (medians).
 *
 * --record appends the table to bench/RESULTS.md with the date, machine and Node version.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchive, scanArchive } from '../src/archive/load.js';
import { buildFromFiles, type Built, type FilesBuild } from '../src/build/build.js';
import { Engine } from '../src/engine.js';
import { QuoteStore } from '../src/quotes/store.js';
import { openEngine } from '../src/open.js';
import { PassageIndex } from '../src/search/index.js';
import { median, percentile } from './fixtures.js';
import { argOf, ms, Report } from './report.js';
import { benchQueries, timeQueries } from './queries.js';
import { measure, threadCpuMs, ThreadSampler, type StepCost } from './thread-cpu.js';
import type { BuildOnce } from './build-once.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => argOf(name, args);
const archiveDir = arg('archive');
if (!archiveDir) {
  console.error('usage: npm run bench -- --archive DIR [--queries 1000] [--rounds 3] [--record]');
  process.exit(1);
}
const nQueries = Number(arg('queries') ?? 1000);
const rounds = Number(arg('rounds') ?? 3);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`bench: --rounds must be a whole number of at least 1 (got "${arg('rounds') ?? ''}")`);
  process.exit(1);
}
const here = dirname(fileURLToPath(import.meta.url));
const report = new Report(44);
const row = (k: string, v: string): void => report.row(k, v);

// Cold build (no cache involved): the one-pass build as a start runs it (worker threads), then
// the same in this thread, then without quotes (what the quote step adds), then the steps one
// after another as before the one-pass build (the reference it must equal).
let t = performance.now();
const files = scanArchive(archiveDir);
const tScan = performance.now() - t;
const timed = <T>(run: () => T): { value: T; wall: string } => {
  const { value, cost } = measure(run);
  return { value, wall: `${ms(cost.wall)} (CPU ${ms(cost.cpu)})` };
};
// The one-pass build's critical path on an idle machine (each thread on a core of its own): the
// main thread's CPU while workers run or the busiest worker's (build or quote worker, sampled
// from /proc; whichever is larger: they overlap), plus the main thread's CPU after the pass
// (finishing the index, waiting for the last quotes, speakers).
async function onePass(label: string, opts: Partial<FilesBuild>): Promise<Built> {
  const sampler = await ThreadSampler.start();
  const main0 = threadCpuMs();
  let passEnd: number | undefined;
  const run = timed(() =>
    buildFromFiles({
      dir: archiveDir as string,
      files,
      ...opts,
      progress: (phase, done) => {
        if (phase === 'indexing articles' && done === 0) passEnd = threadCpuMs();
      },
    }),
  );
  const main1 = threadCpuMs();
  const threads = await sampler.stop();
  const workers = run.value.workers;
  row(`${label}, ${workers ? `${workers} build worker${workers === 1 ? '' : 's'}${opts.quotes === false ? '' : ' + quote workers'}` : 'in this thread'}`, run.wall);
  if (passEnd !== undefined && workers > 0) {
    const mainPass = passEnd - main0;
    const busiest = threads.started[0] ?? 0;
    const tail = main1 - passEnd;
    row('  CPU: main thread in pass / workers, busiest first / main after', `${ms(mainPass)} / ${threads.started.map(ms).join(', ')} / ${ms(tail)}`);
    row('  critical path on an idle machine (estimate)', ms(Math.max(mainPass, busiest) + tail));
  }
  return run.value;
}
row('scan the folder', ms(tScan));
// Later builds in this process find the main thread's caches (stems, names) warm: compare
// whole processes (bench:growth, `time npm run cli`) for before/after figures.
const pooled = await onePass('cold build, one pass', {});
const { archive, index } = pooled;
const engine = new Engine(archive, index, pooled.quotes);
const mem = process.memoryUsage();
row('articles / passages', `${archive.articles.length} / ${index.passages.length}`);
row('heap / RSS after build', `${(mem.heapUsed / 1e6).toFixed(0)} MB / ${(mem.rss / 1e6).toFixed(0)} MB`);
await onePass('  the same without quotes', { quotes: false });
await onePass('cold build, one pass', { workers: 0 });
await onePass('  the same without quotes', { workers: 0, quotes: false });
const oldRead = timed(() => loadArchive(archiveDir, files));
row('step by step (before): read + parse files', oldRead.wall);
row('step by step (before): passage index', timed(() => PassageIndex.build(oldRead.value.articles)).wall);
row('step by step (before): quotes', timed(() => QuoteStore.build(oldRead.value.articles)).wall);

// What the quotes cost, cold against cold: the rows above run in one process, so every build
// after the first finds the quote code compiled and the name caches full. Here each build runs
// in a fresh process (bench/build-once.ts), the modes alternating round by round; medians.
// CPU "main" is the main thread alone; "all" adds V8's compiler and GC threads and the workers.
const fresh = new Map<string, BuildOnce[]>();
const modes = ['one-pass', 'one-pass-no-quotes', 'steps', 'pooled', 'pooled-no-quotes', 'pooled-quotes-on-main', 'pooled-quotes-in-workers'];
for (let r = 0; r < rounds; r++) {
  for (const mode of modes) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'build-once.ts'), archiveDir, mode], { encoding: 'utf8' });
    fresh.set(mode, [...(fresh.get(mode) ?? []), JSON.parse(out) as BuildOnce]);
  }
}
const med = (mode: string, pick: (b: BuildOnce) => StepCost | undefined): StepCost => {
  const costs = (fresh.get(mode) ?? []).map(pick).filter((c): c is StepCost => c !== undefined);
  return { wall: median(costs.map((c) => c.wall)), cpu: median(costs.map((c) => c.cpu)), main: median(costs.map((c) => c.main)) };
};
const cost = (c: StepCost): string => `${ms(c.wall)} / ${ms(c.cpu)} / ${ms(c.main)}`;
const plus = (a: StepCost, b: StepCost): StepCost => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu, main: a.main + b.main });
const minus = (a: StepCost, b: StepCost): StepCost => ({ wall: a.wall - b.wall, cpu: a.cpu - b.cpu, main: a.main - b.main });
const pct = (a: StepCost, b: StepCost): string => ['wall', 'cpu', 'main'].map((k) => `${((a[k as keyof StepCost] / b[k as keyof StepCost]) * 100).toFixed(0)}%`).join(' / ');
row(`fresh process, median of ${rounds}`, 'wall / CPU all threads / CPU main thread');
const onePassQ = med('one-pass', (b) => b.total);
const onePassNq = med('one-pass-no-quotes', (b) => b.total);
row('cold one pass, in this thread', cost(onePassQ));
row('  the same without quotes', cost(onePassNq));
row('  quotes add', cost(minus(onePassQ, onePassNq)));
row('  quotes / (read + index), one pass', pct(minus(onePassQ, onePassNq), onePassNq));
const readIndex = plus(med('steps', (b) => b.read), med('steps', (b) => b.index));
const quoteStep = med('steps', (b) => b.quotes);
row('cold step by step: read + index', cost(readIndex));
row('cold step by step: quotes', cost(quoteStep));
row('  quotes / (read + index), step by step', pct(quoteStep, readIndex));
const pooledQ = med('pooled', (b) => b.total);
const pooledNq = med('pooled-no-quotes', (b) => b.total);
const busiest = (mode: string): number => median((fresh.get(mode) ?? []).map((b) => b.workerCpu?.[0] ?? 0));
const helpers = (mode: string): number => median((fresh.get(mode) ?? []).map((b) => b.helperCpu ?? 0));
const threadsOf = (mode: string): string => `busiest worker ${ms(busiest(mode))}, V8 helpers ${ms(helpers(mode))}`;
row(`cold one pass, ${fresh.get('pooled')?.[0]?.workers ?? 0} build worker(s) + quote workers`, `${cost(pooledQ)}; ${threadsOf('pooled')}`);
row(`  the same without quotes (${fresh.get('pooled-no-quotes')?.[0]?.workers ?? 0} build worker(s): the cores the quote workers would take)`, `${cost(pooledNq)}; ${threadsOf('pooled-no-quotes')}`);
// What a user's build gains by turning quotes off: the no-quotes plan gives the quote workers' cores to build workers.
row('  quotes / (read + index), pooled (quote workers)', pct(minus(pooledQ, pooledNq), pooledNq));
// Sessions 12–14: the main thread found the quotes of merged chunks while it waited for the workers.
const pooledM = med('pooled-quotes-on-main', (b) => b.total);
row('  the same, quotes on the main thread (before)', `${cost(pooledM)}; ${threadsOf('pooled-quotes-on-main')}`);
row('  quotes / (read + index), pooled, quotes on the main thread', pct(minus(pooledM, pooledNq), pooledNq));
// Before session 12 each worker found its own chunks' quotes (and warmed the quote code up itself).
const pooledW = med('pooled-quotes-in-workers', (b) => b.total);
row('  the same, quotes found by the build workers (before)', `${cost(pooledW)}; ${threadsOf('pooled-quotes-in-workers')}`);
row('  quotes / (read + index), pooled, quotes in build workers', pct(minus(pooledW, pooledNq), pooledNq));

// Start from cache, in fresh processes (3 runs, median), after one run that writes the cache.
const cacheDir = mkdtempSync(join(tmpdir(), 'bench-cache-'));
const cachePath = join(cacheDir, 'index.json');
try {
  t = performance.now();
  openEngine({ archiveDir, cachePath });
  row('build + write cache (one process)', ms(performance.now() - t));
  const runs = [0, 1, 2].map(() => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'open-once.ts'), archiveDir, cachePath], { encoding: 'utf8' });
    return JSON.parse(out) as { source: string; ms: number; heapMB: number; rssMB: number };
  });
  if (runs.some((r) => r.source !== 'cache')) throw new Error('bench: the cache was not used on restart');
  row('start from cache (median of 3, fresh process)', ms(median(runs.map((r) => r.ms))));
  row('heap / RSS after start from cache', `${median(runs.map((r) => r.heapMB)).toFixed(0)} MB / ${median(runs.map((r) => r.rssMB)).toFixed(0)} MB`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

// Latency over fixed queries drawn from the archive.
const { short, questions } = benchQueries(archive.articles, nQueries);
function latency(label: string, qs: readonly string[], run: (q: string) => unknown): void {
  const times = timeQueries(qs, run);
  row(`${label} (${qs.length}) p50 / p95 / p99`, `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} / ${ms(percentile(times, 99))}`);
}
latency('search, short queries', short, (q) => engine.search({ query: q }));
latency('search, question-like queries', questions, (q) => engine.search({ query: q }));
latency('ask, short queries', short, (q) => engine.ask({ question: q }));
latency('ask, question-like queries', questions, (q) => engine.ask({ question: q }));

if (args.includes('--record')) report.record(`Engine bench (${archiveDir})`);
