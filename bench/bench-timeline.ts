/**
 * The /timeline benchmark: latency of the count (engine) and of the whole answer (count + chart
 * PNG + embed, as Discord gets it) over fixed news queries, each run many times. Reports
 * percentiles; no thresholds (this machine is noisy). The target is p95 ≤ 300 ms on Reuters.
 *
 *   npm run bench:timeline -- --archive DIR [--cache FILE] [--runs 20] [--record]
 *
 * The index comes from the cache (built and written on the first run).
 */
import { defaultCachePath } from '../src/config.js';
import { isUserError } from '../src/errors.js';
import { openEngine } from '../src/open.js';
import { timelinePages } from '../src/render/timeline-discord.js';
import { timelineText } from '../src/render/timeline-text.js';
import { timeline, type TimelineRequest } from '../src/timeline/timeline.js';
import { median, percentile } from './fixtures.js';
import { argOf, ms, Report } from './report.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => argOf(name, args);
const archiveDir = arg('archive');
if (!archiveDir) {
  console.error('usage: npm run bench:timeline -- --archive DIR [--cache FILE] [--runs 20] [--record]');
  process.exit(1);
}
const runs = Number(arg('runs') ?? 20);
const report = new Report(56);
const row = (k: string, v: string): void => report.row(k, v);

let t = performance.now();
const opened = openEngine({ archiveDir, cachePath: arg('cache') ?? defaultCachePath(archiveDir) });
const engine = opened.engine;
row('articles / passages', `${engine.articles.length} / ${engine.index.passages.length}`);
row(`open (${opened.source})`, ms(performance.now() - t));

// Business-news words: on Reuters each matches hundreds to thousands of articles.
const REQUESTS: TimelineRequest[] = [
  { query: 'oil prices' },
  { query: 'bank' },
  { query: 'company' },
  { query: 'shares' },
  { query: 'trade deficit' },
  { query: 'interest rates' },
  { query: 'dollar' },
  { query: 'wheat' },
  { query: 'profit' },
  { query: 'oil prices', from: '1987-03', to: '1987-04' },
  // The most quoted person on Reuters; skipped where the archive has no such speaker.
  { query: 'dollar', speaker: 'James Baker' },
];

const counted: Array<{ req: TimelineRequest; articles: number; passages: number; unit: string; periods: number }> = [];
const engineTimes: number[] = [];
const fullTimes: number[] = [];
const textTimes: number[] = [];
for (const req of REQUESTS) {
  try {
    const r = timeline(engine, req);
    counted.push({ req, articles: r.total.articles, passages: r.total.passages, unit: r.unit, periods: r.periods.length });
  } catch (e) {
    if (isUserError(e)) {
      console.log(`  (skipped "${req.query}": ${e.message})`);
      continue;
    }
    throw e;
  }
  // Warm-up, then timed runs.
  timelinePages(timeline(engine, req));
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const r = timeline(engine, req);
    const tCount = performance.now() - t;
    timelinePages(r);
    const tFull = performance.now() - t;
    t = performance.now();
    timelineText(timeline(engine, req));
    textTimes.push(performance.now() - t);
    engineTimes.push(tCount);
    fullTimes.push(tFull);
  }
}
for (const c of counted) {
  const range = c.req.from || c.req.to ? ` ${c.req.from ?? ''}..${c.req.to ?? ''}` : '';
  const who = c.req.speaker ? ` quoting ${c.req.speaker}` : '';
  console.log(`  "${c.req.query}"${who}${range}: ${c.articles} articles, ${c.passages} passages holding a query word, ${c.periods} ${c.unit}s`);
}
const pct = (xs: number[]): string => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${ms(median(sorted))} / ${ms(percentile(sorted, 95))} / ${ms(percentile(sorted, 99))}`;
};
const n = engineTimes.length;
row(`count only (${n}) p50 / p95 / p99`, pct(engineTimes));
row(`count + text (CLI without --out) (${n}) p50 / p95 / p99`, pct(textTimes));
row(`count + PNG + embed (/timeline) (${n}) p50 / p95 / p99`, pct(fullTimes));

if (args.includes('--record')) report.record(`Timeline bench (${archiveDir})`);
