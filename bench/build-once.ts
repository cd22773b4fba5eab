/**
 * Child process of bench.ts: one cold build of an archive in a fresh process, so that no build
 * before it has warmed the JIT or the name caches (what the quote step costs cold is what a user
 * pays). Prints one JSON line: wall, CPU of all threads, CPU of the main thread, per step.
 *
 *   tsx bench/build-once.ts ARCHIVE MODE [QUOTE_WORKERS]
 *
 * MODE: `one-pass` / `one-pass-no-quotes` (the one-pass build in this thread), `pooled` /
 * `pooled-no-quotes` (the one-pass build on worker threads, BUILD_WORKERS or one per core, as a
 * start runs it: quotes found by a quote worker fed the merged chunks, since session 14),
 * `pooled-quotes-on-main` (quotes found on the main thread as chunks are merged, sessions 12–14),
 * `pooled-quotes-in-workers` (each build worker finds its chunks' quotes, as before session 12), or
 * `steps` (read + parse, then the passage index, then the quote store, each timed).
 * QUOTE_WORKERS overrides how many quote workers `pooled` starts.
 */
import { loadArchive, scanArchive } from '../src/archive/load.js';
import { buildFromFiles } from '../src/build/build.js';
import { QuoteStore } from '../src/quotes/store.js';
import { PassageIndex } from '../src/search/index.js';
import { measure, ThreadSampler, type StepCost } from './thread-cpu.js';

export interface BuildOnce {
  mode: string;
  /** The whole build (after the folder scan). */
  total: StepCost;
  /** `steps` only: each step in turn. */
  read?: StepCost;
  index?: StepCost;
  quotes?: StepCost;
  nQuotes: number;
  workers: number;
  /** Merged chunks whose quotes the main thread found (with quote workers: those it took from the tail). */
  quoteChunksHere?: number;
  /**
   * CPU ms of each worker thread during the run, busiest first (sampled from /proc, see
   * ThreadSampler): with a core per thread, the busiest bounds the build's time.
   */
  workerCpu?: number[];
  /** CPU ms of V8's helper threads (compiler, GC) during the run. */
  helperCpu?: number;
  /** CPU ms of the sampler itself (counted in `total.cpu`). */
  sampler?: number;
}

const MODES = ['one-pass', 'one-pass-no-quotes', 'pooled', 'pooled-no-quotes', 'pooled-quotes-on-main', 'pooled-quotes-in-workers', 'steps'] as const;
const QUOTES_IN = { 'pooled-quotes-on-main': 'main', 'pooled-quotes-in-workers': 'workers' } as const;

const [dir, arg, quoteWorkers] = process.argv.slice(2);
const mode = MODES.find((m) => m === arg);
// A count that is no whole number would make a pool of no workers (review 14, F2): refuse it here.
const quoteCount = quoteWorkers === undefined ? undefined : /^\d+$/.test(quoteWorkers.trim()) ? Number(quoteWorkers) : NaN;
if (!dir || !mode || (quoteCount !== undefined && !Number.isInteger(quoteCount))) {
  console.error(`usage: tsx bench/build-once.ts ARCHIVE ${MODES.join('|')} [QUOTE_WORKERS (a whole number from 0)]`);
  process.exit(1);
}
const files = scanArchive(dir);
const sampler = await ThreadSampler.start();
let out: BuildOnce;
if (mode === 'steps') {
  const all = measure(() => {
    const read = measure(() => loadArchive(dir, files));
    const index = measure(() => PassageIndex.build(read.value.articles));
    const quotes = measure(() => QuoteStore.build(read.value.articles));
    return { read: read.cost, index: index.cost, quotes: quotes.cost, n: quotes.value.size };
  });
  out = { mode, total: all.cost, read: all.value.read, index: all.value.index, quotes: all.value.quotes, nQuotes: all.value.n, workers: 0 };
} else {
  const pooled = mode.startsWith('pooled');
  const quotesIn = mode in QUOTES_IN ? QUOTES_IN[mode as keyof typeof QUOTES_IN] : undefined;
  const built = measure(() =>
    buildFromFiles({
      dir,
      files,
      quotes: !mode.endsWith('no-quotes'),
      ...(pooled ? {} : { workers: 0 }),
      ...(quotesIn ? { quotesIn } : {}),
      ...(quoteCount !== undefined ? { quoteWorkers: quoteCount } : {}),
    }),
  );
  out = { mode, total: built.cost, nQuotes: built.value.quotes.size, workers: built.value.workers, quoteChunksHere: built.value.quoteChunksHere };
}
const sampled = await sampler.stop();
out.workerCpu = sampled.started;
out.helperCpu = sampled.helpers;
out.sampler = sampled.sampler;
process.stdout.write(`${JSON.stringify(out)}\n`);
