/**
 * Churn soak (issue 13, item 7): N edits, additions and deletions applied live to a copy of an
 * archive, then the end state compared with a fresh build of the same files: cache size,
 * resident memory (of a process restarted from each cache, and of the live process itself),
 * and the rankings of search and ask on fixed queries.
 *
 *   node --expose-gc --import tsx bench/churn.ts --archive /path/to/bbc [--changes 1000] [--queries 100] [--record]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanArchive } from '../src/archive/load.js';
import { LiveArchive } from '../src/live/live-archive.js';
import type { Logger } from '../src/log.js';
import { silentLogger } from '../src/log.js';
import { openEngine } from '../src/open.js';
import { benchQueries, rng } from './queries.js';
import { argOf, Report } from './report.js';
import { copyArchive } from './soak.js';

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

// Child mode: open the engine once from the given cache, collect garbage, report memory.
if (process.argv[2] === '--open') {
  const [, , , archiveDir, cachePath] = process.argv;
  if (!archiveDir || !cachePath) throw new Error('usage: churn.ts --open ARCHIVE CACHE');
  const opened = openEngine({ archiveDir, cachePath });
  gc();
  const m = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ source: opened.source, rss: m.rss, heap: m.heapUsed })}\n`);
  process.exit(0);
}

const source = argOf('archive');
if (!source || !existsSync(source)) throw new Error('usage: bench/churn.ts --archive DIR [--changes 1000] [--queries 100] [--record]');
const changes = Number(argOf('changes') ?? 1000);
const nQueries = Number(argOf('queries') ?? 100);
const report = new Report(52);

function openInChild(archiveDir: string, cachePath: string): { source: string; rss: number; heap: number } {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--open', archiveDir, cachePath], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { source: string; rss: number; heap: number };
}

const dir = copyArchive(source);
const work = mkdtempSync(join(tmpdir(), 'churn-cache-'));
const liveCache = join(work, 'live.json');
let compactions = 0;
const counting: Logger = Object.assign(Object.create(silentLogger) as Logger, {
  info: (obj: unknown, msg?: string) => {
    if (msg === 'index compacted' || (typeof obj === 'string' && obj === 'index compacted')) compactions++;
  },
});

try {
  const live = new LiveArchive(openEngine({ archiveDir: dir, cachePath: liveCache }), { archiveDir: dir, cachePath: liveCache, log: counting, cacheDelayMs: 3_600_000 });
  const rand = rng(2004);
  const files = (): string[] => scanArchive(dir).map((f) => f.path);
  let paths = files();
  const mix = { edit: 0, add: 0, delete: 0 };
  let peakTombstones = 0;
  const t0 = performance.now();
  mkdirSync(join(dir, 'churn'), { recursive: true });
  for (let i = 0; i < changes; i++) {
    const r = rand();
    const path = paths[Math.floor(rand() * paths.length)] ?? '';
    if (r < 0.6 && path) {
      // Edit: a paragraph rewritten and one added, as a correction would.
      const text = readFileSync(join(dir, path), 'utf8');
      const paras = text.split(/\n\s*\n/);
      const k = 1 + Math.floor(rand() * Math.max(1, paras.length - 1));
      paras[k] = (paras[k] ?? '').split(' ').reverse().join(' ');
      paras.push(`Update ${i}: this story was corrected after publication.`);
      writeFileSync(join(dir, path), paras.join('\n\n'));
      const t = new Date(Date.now() + i * 1000);
      utimesSync(join(dir, path), t, t);
      mix.edit++;
    } else if (r < 0.8 && path) {
      const text = readFileSync(join(dir, path), 'utf8');
      writeFileSync(join(dir, 'churn', `added-${i}.txt`), `${text}\n\nFollow-up ${i}: more reaction came in on the day.`);
      mix.add++;
    } else if (path) {
      unlinkSync(join(dir, path));
      mix.delete++;
    }
    // The watcher batches what happens within its debounce: apply every 10 changes.
    if (i % 10 === 9 || i === changes - 1) {
      await live.idle();
      live.sync();
      peakTombstones = Math.max(peakTombstones, live.engine.index.tombstones / Math.max(1, live.engine.index.passages.length));
      paths = files();
    }
  }
  await live.idle();
  live.sync();
  const churnMs = performance.now() - t0;
  // What the cache would hold without the compaction on settling (only the threshold ones).
  const tombstonesBefore = live.engine.index.tombstones;
  await live.writeCache();
  const unsettledBytes = statSync(liveCache).size;
  const s0 = performance.now();
  await live.settle();
  const settleMs = performance.now() - s0;
  // MiniSearch vacuums a discarded-from index in timed batches, holding the old index until it
  // is done: let that finish before measuring what the live process keeps.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  gc();
  gc();
  const liveMem = process.memoryUsage();

  // The fresh build: a new process builds from the files (and writes its cache), another restarts from it.
  const freshCache = join(work, 'fresh.json');
  const built = openInChild(dir, freshCache);
  const freshRestart = openInChild(dir, freshCache);
  const liveRestart = openInChild(dir, liveCache);

  // Rankings: the live engine against a fresh build in this process.
  const fresh = openEngine({ archiveDir: dir }).engine;
  const { short, questions } = benchQueries(fresh.articles, nQueries);
  const key = (hits: Array<{ article: string; paragraph: number; score: number }>): string => hits.map((h) => `${h.article}:${h.paragraph}:${h.score}`).join('|');
  let sameSearch = 0;
  let sameAsk = 0;
  for (const q of short) if (key(live.engine.search({ query: q, limit: 10 }).hits) === key(fresh.search({ query: q, limit: 10 }).hits)) sameSearch++;
  for (const q of questions) if (key(live.engine.ask({ question: q, limit: 10 }).hits) === key(fresh.ask({ question: q, limit: 10 }).hits)) sameAsk++;

  const ratio = (a: number, b: number): string => `${(a / b).toFixed(3)}×`;
  report.row('archive', `${source} (${readdirSync(source).length} entries), copied`);
  report.row('changes (edit / add / delete)', `${changes} (${mix.edit} / ${mix.add} / ${mix.delete}), applied in batches of 10`);
  report.row('articles at the end', `${live.engine.articles.length} live, ${fresh.articles.length} fresh`);
  report.row('churn time (apply + threshold compactions)', `${(churnMs / 1000).toFixed(1)} s, ${compactions} compactions`);
  report.row('peak tombstone share during churn', `${(peakTombstones * 100).toFixed(1)}%`);
  report.row('tombstones before settling', `${tombstonesBefore}`);
  report.row('settle (compaction + cache write)', `${(settleMs / 1000).toFixed(2)} s`);
  report.row('cache: unsettled / settled / fresh', `${mb(unsettledBytes)} / ${mb(statSync(liveCache).size)} / ${mb(statSync(freshCache).size)} (settled ${ratio(statSync(liveCache).size, statSync(freshCache).size)} fresh)`);
  report.row('RSS restarted from live cache / fresh cache', `${mb(liveRestart.rss)} / ${mb(freshRestart.rss)} (${ratio(liveRestart.rss, freshRestart.rss)}); sources ${liveRestart.source}, ${freshRestart.source}`);
  report.row('heap restarted from live cache / fresh cache', `${mb(liveRestart.heap)} / ${mb(freshRestart.heap)} (${ratio(liveRestart.heap, freshRestart.heap)})`);
  report.row('live process after churn (gc): RSS / heap', `${mb(liveMem.rss)} / ${mb(liveMem.heapUsed)}; fresh build process ${mb(built.rss)} / ${mb(built.heap)} (RSS ${ratio(liveMem.rss, built.rss)}, heap ${ratio(liveMem.heapUsed, built.heap)})`);
  report.row(`rankings identical to fresh: search (${short.length} queries)`, `${sameSearch}/${short.length}`);
  report.row(`rankings identical to fresh: ask (${questions.length} questions)`, `${sameAsk}/${questions.length}`);
  await live.close();
  if (process.argv.includes('--record')) report.record('Churn soak (issue 13): live edits, then compared with a fresh build');
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
