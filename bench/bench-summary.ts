/**
 * `npx tsx bench/bench-summary.ts [BBC_DIR] [REUTERS_DIR]`: times the summarizer on a
 * 5,000-word article (BBC stories joined into one) and /digest over the busiest month of the
 * Reuters archive. Reads the corpora by path; writes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { loadArchive } from '../src/archive/load.js';
import { parseArticle } from '../src/archive/parse.js';
import type { Article } from '../src/archive/types.js';
import { digest, warmDigest } from '../src/summary/digest.js';
import { summarize } from '../src/summary/summarize.js';
import { percentile } from './fixtures.js';

const root = resolve(import.meta.dirname, '..');
const bbcDir = process.argv[2] ?? join(root, '../shared/data/corpus/bbc');
const reutersDir = process.argv[3] ?? join(root, '../shared/data/corpus/reuters21578');

interface Timing {
  p50: number;
  p95: number;
  max: number;
  /** p95 of the process's own CPU time: steadier than wall time on a shared, busy machine. */
  cpuP95: number;
}

function time(runs: number, f: () => unknown, warmup = 10): Timing {
  for (let i = 0; i < warmup; i++) f();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1] ?? NaN, cpuP95: percentile(cpu, 95) };
}

const fmt = (t: Timing): string =>
  `p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, max ${t.max.toFixed(2)} ms (CPU time p95 ${t.cpuP95.toFixed(2)} ms)`;

/** Real news prose, ~5,000 words: BBC stories joined, each story's paragraphs kept. */
function longArticle(): Article {
  const paragraphs: string[] = ['Long read: a week of business news'];
  let words = 0;
  const files = existsSync(bbcDir) ? readdirSync(bbcDir).filter((f) => f.endsWith('.txt')).sort() : [];
  for (const f of files) {
    const body = parseArticle(f, readFileSync(join(bbcDir, f), 'utf8')).article.paragraphs.slice(1);
    for (const p of body) {
      paragraphs.push(p);
      words += p.split(/\s+/).length;
    }
    if (words >= 5000) break;
  }
  if (words < 5000) throw new Error(`bench-summary: need the BBC corpus at ${bbcDir}`);
  return parseArticle('long', `date 2005-01-01\n${paragraphs.join('\n\n')}`).article;
}

const long = longArticle();
const first = performance.now();
summarize(long, { sentences: 3 });
console.log(`summary of a ${summarize(long).words}-word article: first call ${(performance.now() - first).toFixed(2)} ms`);
console.log(`  3 sentences, 200 runs: ${fmt(time(200, () => summarize(long, { sentences: 3 })))}`);
console.log(`  10 sentences, 200 runs: ${fmt(time(200, () => summarize(long, { sentences: 10 })))}`);

console.log(`(load average now: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores)`);
const t0 = performance.now();
const archive = loadArchive(reutersDir);
console.log(`\nReuters: ${archive.articles.length} articles loaded in ${(performance.now() - t0).toFixed(0)} ms`);
const perMonth = new Map<string, number>();
for (const a of archive.articles) if (a.date) perMonth.set(a.date.slice(0, 7), (perMonth.get(a.date.slice(0, 7)) ?? 0) + 1);
const [month, count] = [...perMonth].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
const cpuMs = (c: NodeJS.CpuUsage): string => `${((c.user + c.system) / 1000).toFixed(0)} ms CPU`;
const cold = performance.now();
const coldCpu = process.cpuUsage();
const d = digest(archive.articles, { date: month });
console.log(
  `digest of ${month} (${count} articles in ${d.storyCount ?? 0} stories, ${d.pages} pages of ${d.entries.length}): first call ${(performance.now() - cold).toFixed(2)} ms, ${cpuMs(process.cpuUsage(coldCpu))} (sorts the archive and samples its reference rates once)`,
);
// Every other month of the archive with 1,000 articles or more, each asked for the first time.
const firsts: number[] = [];
// The same month again in a new article list (as after a live change): nothing cached but the words.
{
  const copy = [...archive.articles];
  const t = performance.now();
  const c = process.cpuUsage();
  digest(copy, { date: month });
  console.log(`  ${month} again after the archive changed (regrouped, signatures reused): ${(performance.now() - t).toFixed(2)} ms, ${cpuMs(process.cpuUsage(c))}`);
}
for (const [m, n] of [...perMonth].sort()) {
  if (m === month || n < 1000) continue;
  const t = performance.now();
  const c = process.cpuUsage();
  const dm = digest(archive.articles, { date: m });
  firsts.push(performance.now() - t);
  console.log(`  first call for ${m} (${n} articles, ${dm.storyCount ?? 0} stories): ${(firsts[firsts.length - 1] ?? 0).toFixed(2)} ms, ${cpuMs(process.cpuUsage(c))}`);
}
const days = [...new Set(archive.articles.map((a) => a.date ?? ''))].filter(Boolean).sort().slice(-40);
const dayFirsts = days.map((day) => {
  const t = performance.now();
  digest(archive.articles, { date: day });
  return performance.now() - t;
});
dayFirsts.sort((a, b) => a - b);
console.log(`  first call for each of the last ${days.length} days: p50 ${percentile(dayFirsts, 50).toFixed(2)} ms, p95 ${percentile(dayFirsts, 95).toFixed(2)} ms`);
let page = 1;
console.log(`  next pages of ${month} (one summary per story): ${fmt(time(Math.min(50, d.pages - 1), () => digest(archive.articles, { date: month, page: ++page }), 0))}`);
console.log(`  a page already seen: ${fmt(time(100, () => digest(archive.articles, { date: month, page: 2 })))}`);
let flatPage = 0;
console.log(`  flat list (articles: true), next pages: ${fmt(time(30, () => digest(archive.articles, { date: month, articles: true, page: ++flatPage }), 0))}`);
const all = performance.now();
for (const a of archive.articles) if (a.date?.startsWith(month)) summarize(a, { sentences: 1 });
console.log(`  (for scale: one-sentence summaries of all ${count} articles of the month: ${(performance.now() - all).toFixed(0)} ms)`);

// As the bot and the HTTP server start: the archive loaded afresh (new article objects, so
// nothing above carries over), the digest warm-up run in the background, then each month's
// first digest timed. The warm-up's own cost is what start-up spends on the event loop's spare
// turns.
{
  const fresh = loadArchive(reutersDir).articles;
  const w = performance.now();
  const wc = process.cpuUsage();
  await warmDigest(fresh);
  console.log(`\nafter the start-up warm-up (${(performance.now() - w).toFixed(0)} ms, ${cpuMs(process.cpuUsage(wc))}, in slices):`);
  const warmFirsts: number[] = [];
  for (const [m, n] of [...perMonth].sort((a, b) => b[1] - a[1])) {
    if (n < 1000) continue;
    const t = performance.now();
    const c = process.cpuUsage();
    digest(fresh, { date: m });
    warmFirsts.push(performance.now() - t);
    console.log(`  first call for ${m} (${n} articles): ${(warmFirsts[warmFirsts.length - 1] ?? 0).toFixed(2)} ms, ${cpuMs(process.cpuUsage(c))}`);
  }
}
