// Child of the growth bench: opens the engine (of REPO when given) from the cache and times search@20 and ask@20 over
// fixed queries drawn from the archive, in process. Prints one JSON line.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { openEngine as OpenEngine } from '../src/open.js';
import { percentile } from './fixtures.js';
import { benchQueries, timeQueries } from './queries.js';

const [archiveDir, cachePath, n, repo] = process.argv.slice(2);
if (!archiveDir || !cachePath) throw new Error('usage: growth-query.ts ARCHIVE CACHE [QUERIES] [REPO]');
// The engine of the checkout being measured (this one by default).
const source = repo ? pathToFileURL(join(repo, 'src', 'open.ts')).href : '../src/open.js';
const { openEngine } = (await import(source)) as { openEngine: typeof OpenEngine };
const opened = openEngine({ archiveDir, cachePath });
const { engine } = opened;
const { short, questions } = benchQueries(engine.articles, Number(n ?? 300));
const all = [...short, ...questions];
// Wall time is what a user waits for; CPU time (this process, all threads) says what the query
// cost when other work shares the cores.
const cpu: Record<string, number> = {};
const p95 = (name: string, run: (q: string) => unknown): number => {
  const cpuMs: number[] = [];
  const timed = (q: string): unknown => {
    const c0 = process.cpuUsage();
    try {
      return run(q);
    } finally {
      const c = process.cpuUsage(c0);
      cpuMs.push((c.user + c.system) / 1000);
    }
  };
  const wall = percentile(timeQueries(all, timed), 95);
  // The warm-up queries are timed first; the rest are the measured ones.
  cpu[name] = Math.round(percentile(cpuMs.slice(Math.min(50, all.length)).sort((a, b) => a - b), 95) * 10) / 10;
  return wall;
};
const search = p95('search', (q) => engine.search({ query: q, limit: 20 }));
const ask = p95('ask', (q) => engine.ask({ question: q, limit: 20 }));
// The same queries again: what a long-running bot sees once the terms were met.
const searchAgain = p95('searchAgain', (q) => engine.search({ query: q, limit: 20 }));
const askAgain = p95('askAgain', (q) => engine.ask({ question: q, limit: 20 }));
process.stdout.write(`${JSON.stringify({ source: opened.source, passages: engine.index.size, search, ask, searchAgain, askAgain, cpuP95: cpu })}\n`);
