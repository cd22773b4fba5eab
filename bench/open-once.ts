/** Child process of bench.ts: opens the engine once (from the cache) and reports time and memory. */
import { openEngine } from '../src/open.js';

const [archiveDir, cachePath] = process.argv.slice(2);
if (!archiveDir || !cachePath) throw new Error('usage: open-once.ts ARCHIVE CACHE');
const t0 = performance.now();
const opened = openEngine({ archiveDir, cachePath });
const ms = performance.now() - t0;
const m = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ source: opened.source, ms, heapMB: m.heapUsed / 1e6, rssMB: m.rss / 1e6, uptimeMs: process.uptime() * 1000 })}\n`);
