/**
 * `npx tsx bench/digest-cold.ts REUTERS_DIR [--reindex] MONTH [MONTH…]`: the first digest of
 * each month in this process, with nothing warmed (as a one-shot `digest --date` on the command
 * line pays it). With `--reindex`: as a bot after `/reindex` pays it — the start-up warm-up
 * runs on the archive, then the archive is read again (every article a new object, as a
 * reindex makes them) and each month's first digest is timed on that. Prints one JSON line
 * per month: articles, stories, wall and CPU milliseconds. Run it in a fresh process per
 * measurement (the first month pays the archive sort and reference sample).
 */
import { loadArchive } from '../src/archive/load.js';
import { digest, warmDigest } from '../src/summary/digest.js';

const [dir, ...rest] = process.argv.slice(2);
const reindex = rest.includes('--reindex');
const months = rest.filter((m) => m !== '--reindex');
if (!dir || months.length === 0) throw new Error('usage: digest-cold.ts REUTERS_DIR [--reindex] MONTH [MONTH…]');
let articles = loadArchive(dir).articles;
if (reindex) {
  await warmDigest(articles);
  articles = loadArchive(dir).articles;
}
for (const month of months) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const d = digest(articles, { date: month });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ month, reindex, articles: d.total, stories: d.storyCount, wallMs: Math.round(wall), cpuMs: Math.round((c.user + c.system) / 1000) }));
}
