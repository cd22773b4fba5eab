/**
 * `npx tsx bench/digest-cold.ts REUTERS_DIR [--reindex | --cache FILE] MONTH [MONTH…]`: the first
 * digest of each month in this process, with nothing warmed (as a one-shot `digest --date` on
 * the command line pays it). With `--cache FILE`: the archive is opened as the command line
 * opens it (lazily, from that index cache, written first if missing or stale), so the digest
 * finds the signatures stored there. With `--reindex`: as a bot after `/reindex` pays it — the
 * start-up warm-up runs on the archive, then the archive is read again (every article a new
 * object, as a reindex makes them) and each month's first digest is timed on that. Prints one
 * JSON line per month: articles, stories, wall and CPU milliseconds, and the open's. Run it in a
 * fresh process per measurement (the first month pays the archive sort and reference sample).
 */
import { loadArchive } from '../src/archive/load.js';
import type { Article } from '../src/archive/types.js';
import { createLogger } from '../src/log.js';
import { openEngine } from '../src/open.js';
import { digest, warmDigest } from '../src/summary/digest.js';

const args = process.argv.slice(2);
const dir = args.shift();
const reindex = args.includes('--reindex');
const at = args.indexOf('--cache');
const cachePath = at >= 0 ? args[at + 1] : undefined;
if (at >= 0) args.splice(at, 2);
const months = args.filter((m) => m !== '--reindex');
if (!dir || months.length === 0 || (at >= 0 && !cachePath)) throw new Error('usage: digest-cold.ts REUTERS_DIR [--reindex | --cache FILE] MONTH [MONTH…]');
const o0 = process.cpuUsage();
const t0 = performance.now();
let articles: readonly Article[];
let source = 'files';
if (cachePath) {
  const opened = openEngine({ archiveDir: dir, cachePath, lazy: true, log: createLogger('warn') });
  articles = opened.engine.articles;
  source = opened.source;
} else articles = loadArchive(dir).articles;
const openWall = performance.now() - t0;
const openCpu = process.cpuUsage(o0);
if (reindex) {
  await warmDigest(articles);
  articles = loadArchive(dir).articles;
}
for (const month of months) {
  const c0 = process.cpuUsage();
  const m0 = performance.now();
  const d = digest(articles, { date: month });
  const wall = performance.now() - m0;
  const c = process.cpuUsage(c0);
  console.log(
    JSON.stringify({
      month,
      reindex,
      source,
      articles: d.total,
      stories: d.storyCount,
      wallMs: Math.round(wall),
      cpuMs: Math.round((c.user + c.system) / 1000),
      openMs: Math.round(openWall),
      openCpuMs: Math.round((openCpu.user + openCpu.system) / 1000),
    }),
  );
}
