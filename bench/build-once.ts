/**
 * Child process of bench.ts: one cold build of an archive in a fresh process, so that no build
 * before it has warmed the JIT or the name caches (what the quote step costs cold is what a user
 * pays). Prints one JSON line: wall, CPU of all threads, CPU of the main thread, per step.
 *
 *   tsx bench/build-once.ts ARCHIVE MODE
 *
 * MODE: `one-pass` / `one-pass-no-quotes` (the one-pass build in this thread), `pooled` /
 * `pooled-no-quotes` (the one-pass build on worker threads, BUILD_WORKERS or one per core), or
 * `steps` (read + parse, then the passage index, then the quote store, each timed).
 */
import { loadArchive, scanArchive } from '../src/archive/load.js';
import { buildFromFiles } from '../src/build/build.js';
import { QuoteStore } from '../src/quotes/store.js';
import { PassageIndex } from '../src/search/index.js';
import { measure, type StepCost } from './thread-cpu.js';

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
}

const MODES = ['one-pass', 'one-pass-no-quotes', 'pooled', 'pooled-no-quotes', 'steps'] as const;

const [dir, arg] = process.argv.slice(2);
const mode = MODES.find((m) => m === arg);
if (!dir || !mode) {
  console.error(`usage: tsx bench/build-once.ts ARCHIVE ${MODES.join('|')}`);
  process.exit(1);
}
const files = scanArchive(dir);
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
  const built = measure(() => buildFromFiles({ dir, files, quotes: !mode.endsWith('no-quotes'), ...(pooled ? {} : { workers: 0 }) }));
  out = { mode, total: built.cost, nQuotes: built.value.quotes.size, workers: built.value.workers };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
