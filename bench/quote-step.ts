// The quote step alone, cold and warm, in this process: the archive is loaded first (not timed),
// then `QuoteStore.build` runs RUNS times (default 3). The first run is cold (the quote code not
// yet compiled, its caches empty), the later ones warm. Prints one JSON line with main-thread CPU,
// all-thread CPU and wall (ms) of each run. For before/after comparisons of cost-only changes:
// run it in fresh processes, alternating the two trees, and compare medians of main-thread CPU
// (the machine is shared: wall time there follows the load).
//
//   node --import tsx bench/quote-step.ts ARCHIVE_DIR [RUNS]
//
// Add `--trace-deopt --trace-opt` (node flags, before --import) to count V8's deoptimisations and
// optimised compiles of the quote code; `--cpu-prof` for a profile (bench/profile-self.ts sums it).

import { loadArchive } from '../src/archive/load.js';
import { QuoteStore } from '../src/quotes/store.js';
import { measure } from './thread-cpu.js';

const dir = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (!dir || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node --import tsx bench/quote-step.ts ARCHIVE_DIR [RUNS]');
  process.exit(1);
}
const { articles } = loadArchive(dir);
const out: { wall: number; cpu: number; main: number; quotes: number }[] = [];
for (let i = 0; i < runs; i++) {
  const { value, cost } = measure(() => QuoteStore.build(articles));
  out.push({ wall: Math.round(cost.wall), cpu: Math.round(cost.cpu), main: Math.round(cost.main), quotes: value.size });
}
console.log(JSON.stringify({ cold: out[0], warm: out.slice(1) }));
