// Child of the growth bench: opens the engine (of REPO when given) from the cache and times search@20 and ask@20 over
// fixed queries drawn from the archive, in process. Prints one JSON line.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { openEngine as OpenEngine } from '../src/open.js';
import { percentile } from './fixtures.js';
import { benchQueries } from './queries.js';

const [archiveDir, cachePath, n, repo] = process.argv.slice(2);
if (!archiveDir || !cachePath) throw new Error('usage: growth-query.ts ARCHIVE CACHE [QUERIES] [REPO]');
// The engine of the checkout being measured (this one by default).
const source = repo ? pathToFileURL(join(repo, 'src', 'open.ts')).href : '../src/open.js';
const { openEngine } = (await import(source)) as { openEngine: typeof OpenEngine };
const opened = openEngine({ archiveDir, cachePath });
const { engine } = opened;
const { short, questions } = benchQueries(engine.articles, Number(n ?? 300));
const p95 = (run: (q: string) => unknown): number => {
  const once = (q: string): number => {
    const t0 = performance.now();
    try {
      run(q);
    } catch {
      // A query of only common words is a user error; it is still timed.
    }
    return performance.now() - t0;
  };
  [...short, ...questions].slice(0, 50).forEach(once); // warm up the JIT
  return percentile(
    [...short, ...questions].map(once).sort((a, b) => a - b),
    95,
  );
};
const search = p95((q) => engine.search({ query: q, limit: 20 }));
const ask = p95((q) => engine.ask({ question: q, limit: 20 }));
process.stdout.write(`${JSON.stringify({ source: opened.source, passages: engine.index.size, search, ask })}\n`);
