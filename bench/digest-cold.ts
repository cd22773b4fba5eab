/**
 * `npx tsx bench/digest-cold.ts REUTERS_DIR MONTH [MONTH…]`: the first digest of each month in
 * this process, with nothing warmed (as a one-shot `digest --date` on the command line pays it).
 * Prints one JSON line per month: articles, stories, wall and CPU milliseconds. Run it in a
 * fresh process per measurement (the first month pays the archive sort and reference sample).
 */
import { loadArchive } from '../src/archive/load.js';
import { digest } from '../src/summary/digest.js';

const [dir, ...months] = process.argv.slice(2);
if (!dir || months.length === 0) throw new Error('usage: digest-cold.ts REUTERS_DIR MONTH [MONTH…]');
const articles = loadArchive(dir).articles;
for (const month of months) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const d = digest(articles, { date: month });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ month, articles: d.total, stories: d.storyCount, wallMs: Math.round(wall), cpuMs: Math.round((c.user + c.system) / 1000) }));
}
