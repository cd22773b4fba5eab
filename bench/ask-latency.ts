/**
 * The search and ask rows of `npm run bench` alone (the same archive, queries and timing), without
 * its cold builds: for comparing ask cost between two trees or weights files when the machine is
 * shared. Prints p50/p95 wall and CPU per query; run trees alternately and take medians.
 *
 *   npx tsx bench/ask-latency.ts ARCHIVE_DIR [--queries 1000] [--weights FILE]
 */
import { readFileSync } from 'node:fs';
import { loadArchive } from '../src/archive/load.js';
import { Engine } from '../src/engine.js';
import { parseWeights } from '../src/search/ask-model.js';
import { PassageIndex } from '../src/search/index.js';
import { percentile } from './fixtures.js';
import { benchQueries, timeQueries } from './queries.js';

const args = process.argv.slice(2);
const valueOf = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = args.find((a, i) => !a.startsWith('--') && !['--queries', '--weights'].includes(args[i - 1] ?? ''));
const n = Number(valueOf('--queries') ?? 1000);
if (!dir || !Number.isInteger(n) || n < 1) {
  console.error('usage: npx tsx bench/ask-latency.ts ARCHIVE_DIR [--queries 1000] [--weights FILE]');
  process.exit(1);
}
const archive = loadArchive(dir);
const engine = new Engine(archive, PassageIndex.build(archive.articles));
const weights = valueOf('--weights');
if (weights) engine.askWeights = parseWeights(JSON.parse(readFileSync(weights, 'utf8')));
const { short, questions } = benchQueries(archive.articles, n);
for (const [label, qs, run] of [
  ['search, short', short, (q: string) => engine.search({ query: q })],
  ['search, question-like', questions, (q: string) => engine.search({ query: q })],
  ['ask, short', short, (q: string) => engine.ask({ question: q })],
  ['ask, question-like', questions, (q: string) => engine.ask({ question: q })],
] as const) {
  const cpu0 = process.cpuUsage();
  const times = timeQueries(qs, run);
  const cpu = process.cpuUsage(cpu0);
  // timeQueries runs a 50-query warm-up first: the CPU is spread over every run.
  const perQuery = (cpu.user + cpu.system) / 1000 / (qs.length + Math.min(50, qs.length));
  console.log(`${label.padEnd(22)} (${qs.length}) p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  CPU/query ${perQuery.toFixed(2)} ms`);
}
