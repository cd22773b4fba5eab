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
const p95 = (run: (q: string) => unknown): number => percentile(timeQueries(all, run), 95);
const search = p95((q) => engine.search({ query: q, limit: 20 }));
const ask = p95((q) => engine.ask({ question: q, limit: 20 }));
// The same queries again: what a long-running bot sees once the terms were met.
const searchAgain = p95((q) => engine.search({ query: q, limit: 20 }));
const askAgain = p95((q) => engine.ask({ question: q, limit: 20 }));
process.stdout.write(`${JSON.stringify({ source: opened.source, passages: engine.index.size, search, ask, searchAgain, askAgain })}\n`);
