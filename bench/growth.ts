/**
 * The growth bench: how cost grows with the archive. Builds N replicas of an archive (Reuters by
 * default; perturbed words, distinct ids) in a temp folder, then measures whole processes:
 *
 *   npm run bench:growth -- --factor N [--archive DIR] [--runs 3] [--cold-runs 1] [--queries 300] [--keep] [--record]
 *                          [--replica DIR] [--repo DIR] [--cold-only]
 *
 * Rows: cold `stats` (no cache) with its peak RSS, the cache file's size, `stats` from the cache,
 * opening the cache alone with heap/RSS after it, and search@20 / ask@20 p95 in process. Medians
 * of --runs fresh processes (cold builds: --cold-runs). A run that fails prints its exit code and
 * the last line of its error output instead of a figure. --replica DIR keeps the replicas in DIR
 * (made once, reused by later runs); --repo DIR measures another checkout of this project on the
 * same replicas (before/after comparisons on a noisy machine); --cold-only stops after the cold
 * build's rows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './fixtures.js';
import { replicate } from './growth-replicate.js';
import { argOf, ms, Report } from './report.js';

const args = process.argv.slice(2);
const factor = Number(argOf('factor', args) ?? 1);
const source = argOf('archive', args) ?? '/work/shared/data/corpus/reuters21578';
const runs = Number(argOf('runs', args) ?? 3);
const coldRuns = Number(argOf('cold-runs', args) ?? 1);
const queries = Number(argOf('queries', args) ?? 300);
if (!Number.isInteger(factor) || factor < 1 || !existsSync(source)) {
  console.error('usage: npm run bench:growth -- --factor N [--archive DIR] [--runs 3] [--cold-runs 1] [--queries 300] [--keep] [--record]');
  process.exit(1);
}
const here = dirname(fileURLToPath(import.meta.url));
const root = argOf('repo', args) ?? join(here, '..');
const replicaDir = argOf('replica', args);
const report = new Report(40);
const row = (k: string, v: string): void => report.row(k, v);

const work = mkdtempSync(join(tmpdir(), `growth-${factor}x-`));
const archiveDir = replicaDir ?? join(work, 'archive');
const cachePath = join(work, 'index.cache');
const rssFile = join(work, 'rss.json');

interface Run {
  ok: boolean;
  wallMs: number;
  maxRssMB: number;
  heapMB: number;
  /** CPU time of all the process's threads (worker threads too): what load on the machine does not inflate as much as wall time. */
  cpuMs: number;
  /** CPU time of its main thread alone. */
  mainCpuMs: number;
  stdout: string;
  failure: string;
}

/** One fresh Node process running a TypeScript entry, timed whole, with its peak RSS. */
function runNode(entry: string, entryArgs: string[]): Run {
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', join(here, 'growth-rss.ts'), entry, ...entryArgs], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, GROWTH_RSS_FILE: rssFile, LOG_LEVEL: 'warn' },
  });
  const wallMs = performance.now() - t0;
  const rss = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssMB: number; heapMB: number; cpuMs: number; mainCpuMs: number })
    : { maxRssMB: NaN, heapMB: NaN, cpuMs: NaN, mainCpuMs: NaN };
  const lastError = (r.stderr ?? '').trim().split('\n').slice(-1)[0] ?? '';
  const failure = r.status === 0 ? '' : `exit ${r.status ?? r.signal ?? '?'}: ${lastError.slice(0, 200)}`;
  return { ok: r.status === 0, wallMs, ...rss, stdout: r.stdout ?? '', failure };
}

const cli = join(root, 'src', 'cli', 'main.ts');
const stats = (): Run => runNode(cli, ['stats', '--archive', archiveDir, '--cache', cachePath]);
const gb = (mb: number): string => `${(mb / 1024).toFixed(2)} GB`;

/** The median of the runs that worked, or the first failure. */
function summarise(rs: Run[], show: (ok: Run[]) => string): string {
  const failed = rs.find((r) => !r.ok);
  return failed ? `FAILED (${failed.failure})` : show(rs);
}

/** The rows after the cold build: starts from the cache, opening it alone, query latency. */
function measureStarts(): void {
  const warm = Array.from({ length: runs }, stats);
  row('start from cache (`stats`), wall', summarise(warm, (rs) => ms(median(rs.map((r) => r.wallMs)))));

  const opens = Array.from({ length: runs }, () => runNode(join(root, 'bench', 'open-once.ts'), [archiveDir, cachePath]));
  const opened = opens.filter((r) => r.ok).map((r) => JSON.parse(r.stdout) as { source: string; ms: number; heapMB: number; rssMB: number });
  if (opened.some((o) => o.source !== 'cache')) row('open cache alone', 'FAILED (the cache was not used)');
  else {
    row('open cache alone (in process)', summarise(opens, () => ms(median(opened.map((o) => o.ms)))));
    row('heap / RSS after opening', summarise(opens, () => `${gb(median(opened.map((o) => o.heapMB)))} / ${gb(median(opened.map((o) => o.rssMB)))}`));
  }

  const q = runNode(join(here, 'growth-query.ts'), [archiveDir, cachePath, String(queries), root]);
  const lat = q.ok ? (JSON.parse(q.stdout.trim().split('\n').pop() ?? '{}') as { search: number; ask: number; searchAgain: number; askAgain: number }) : undefined;
  row(`search@20 / ask@20 p95 (${2 * queries} queries)`, lat ? `${ms(lat.search)} / ${ms(lat.ask)}` : `FAILED (${q.failure})`);
  if (lat) row('the same queries again', `${ms(lat.searchAgain)} / ${ms(lat.askAgain)}`);
  if (args.includes('--record')) report.record(`Growth bench, ${factor}× ${source}`);
}

try {
  const t = performance.now();
  const reuse = replicaDir !== undefined && existsSync(join(replicaDir, '.complete'));
  const files = reuse ? Number(readFileSync(join(replicaDir, '.complete'), 'utf8')) : replicate(source, archiveDir, factor);
  if (replicaDir && !reuse) writeFileSync(join(replicaDir, '.complete'), String(files));
  console.log(`${reuse ? 'reusing' : 'made'} ${factor}× ${source}: ${files} files in ${ms(performance.now() - t)} (${archiveDir}); measuring ${root}`);

  const cold: Run[] = [];
  for (let i = 0; i < coldRuns; i++) {
    rmSync(cachePath, { force: true });
    cold.push(stats());
  }
  const passages = /passages\D*(\d[\d,]*)/i.exec(cold[0]?.stdout ?? '')?.[1] ?? '?';
  row('factor', `${factor}× (${files} files, ${passages} passages)`);
  row('cold `stats` (no cache), wall', summarise(cold, (rs) => ms(median(rs.map((r) => r.wallMs)))));
  row('cold `stats` CPU, all threads / main thread', summarise(cold, (rs) => `${ms(median(rs.map((r) => r.cpuMs)))} / ${ms(median(rs.map((r) => r.mainCpuMs)))}`));
  row('peak RSS while building', summarise(cold, (rs) => gb(Math.max(...rs.map((r) => r.maxRssMB)))));
  row('cache file', existsSync(cachePath) ? `${(statSync(cachePath).size / 1e6).toFixed(0)} MB` : 'none written');
  if (args.includes('--cold-only')) {
    if (args.includes('--record')) report.record(`Growth bench, cold build only, ${factor}× ${source}`);
  } else measureStarts();
} finally {
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
}
