/**
 * `npx tsx bench/digest-cold.ts REUTERS_DIR [--reindex | --cache FILE] MONTH [MONTH…]`: the first
 * digest of each month in this process, with nothing warmed (as a one-shot `digest --date` on
 * the command line pays it). With `--cache FILE`: the archive is opened as the command line
 * opens it (lazily, from that index cache, written first if missing or stale), so the digest
 * finds the signatures stored there. With `--reindex`: as a bot after `/reindex` pays it — the
 * start-up warm-up runs on the archive, then the archive is read again (every article a new
 * object, as a reindex makes them) and each month's first digest is timed on that. Prints one
 * JSON line per month: articles, stories, wall and CPU milliseconds (all threads: V8 compiles
 * and collects on its own), the main thread's CPU milliseconds (Linux; what the user waits for
 * on a busy machine, where wall time is mostly waiting for a core), and the open's. Run it in a
 * fresh process per measurement (the first month pays the archive sort and reference sample).
 */
import { readFileSync } from 'node:fs';
import { loadArchive } from '../src/archive/load.js';
import type { Article } from '../src/archive/types.js';
import { createLogger } from '../src/log.js';
import { openEngine } from '../src/open.js';
import { digest, warmDigest } from '../src/summary/digest.js';

/** CPU nanoseconds this process's main thread has run (Linux schedstat); undefined elsewhere. */
function mainThreadNs(): number | undefined {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}
const ms = (ns: number | undefined, from: number | undefined): number | null => (ns === undefined || from === undefined ? null : Math.round((ns - from) / 1e6));

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
  const n0 = mainThreadNs();
  const m0 = performance.now();
  const d = digest(articles, { date: month });
  const wall = performance.now() - m0;
  const c = process.cpuUsage(c0);
  const mainMs = ms(mainThreadNs(), n0);
  console.log(
    JSON.stringify({
      month,
      reindex,
      source,
      articles: d.total,
      stories: d.storyCount,
      wallMs: Math.round(wall),
      cpuMs: Math.round((c.user + c.system) / 1000),
      mainMs,
      openMs: Math.round(openWall),
      openCpuMs: Math.round((openCpu.user + openCpu.system) / 1000),
    }),
  );
}
