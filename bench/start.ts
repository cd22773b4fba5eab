/**
 * `npm run bench:start -- [--archive REUTERS_DIR] [--runs 3] [--record]`: what a person waits for
 * when they run the command line — whole-process wall time from spawn to exit, median of
 * `--runs` — for `--help`, `stats` on the seed archive and `stats` on a large archive from its
 * cache, run three ways:
 *
 * - `npm run --silent cli --`  what the README tells people to type (npm's own start included);
 * - `node dist/src/cli/main.js` the compiled command line alone;
 * - `tsx src/cli/main.ts`       the sources, as `npm run dev:cli` (and the old `npm run cli`) runs them.
 *
 * Build first (`npm run build`). Each archive's cache is written by one unmeasured run.
 *
 * `--repo DIR` runs another built checkout (say, main before a change) the same ways, alternating
 * run by run with this one so that the machine's load falls on both alike; `--ways 'node dist'`
 * keeps only some ways. Each row gives the median wall time and the median CPU time (user +
 * system, from /usr/bin/time when it is there): on a loaded machine CPU time is the fairer figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { argOf, ms, Report } from './report.js';

const here = resolve(import.meta.dirname, '..');
const other = argOf('repo');
const roots: Array<[string, string]> = other ? [['this', here], ['other', resolve(other)]] : [['this', here]];
const runs = Number(argOf('runs') ?? 3);
const archive = argOf('archive');
const work = mkdtempSync(join(tmpdir(), 'bench-start-'));
for (const [, root] of roots) if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error(`no dist/ in ${root}: run \`npm run build\` first`);

const allWays = (root: string): Record<string, string[]> => ({
  'npm run cli': ['npm', 'run', '--silent', 'cli', '--'],
  'node dist': [process.execPath, join(root, 'dist', 'src', 'cli', 'main.js')],
  'tsx src': [process.execPath, '--import', 'tsx', join(root, 'src', 'cli', 'main.ts')],
});
const only = argOf('ways')?.split(',');
const WAYS = Object.keys(allWays(here)).filter((w) => !only || only.includes(w));
const TIME = '/usr/bin/time';
const timed = existsSync(TIME);

const CASES: Array<[string, string[]]> = [
  ['--help', ['--help']],
  ['stats, seed archive', ['--archive', join(here, 'seeds'), '--cache', join(work, 'seeds.index'), 'stats']],
];
if (archive) CASES.push([`stats, ${archive.split('/').filter(Boolean).pop() ?? 'archive'} from cache`, ['--archive', archive, '--cache', join(work, 'large.index'), 'stats']]);

/** Wall time of one run, and its CPU time (user + system) when /usr/bin/time can tell. */
function wall(root: string, cmd: string[]): { wall: number; cpu: number } {
  const cpuFile = join(work, 'cpu.txt');
  const full = timed ? [TIME, '-f', '%U %S', '-o', cpuFile, ...cmd] : cmd;
  const [bin = '', ...args] = full;
  const started = performance.now();
  const r = spawnSync(bin, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  const took = performance.now() - started;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  const [user = NaN, sys = NaN] = timed ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number) : [];
  return { wall: took, cpu: (user + sys) * 1000 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const report = new Report(56);
// Write the caches (each checkout its own: their formats may differ).
for (const [label, root] of roots) for (const [, args] of CASES) wall(root, [...(allWays(root)['node dist'] ?? []), ...args.map((a) => a.replace(work, join(work, label)))]);
for (const [name, args] of CASES) {
  for (const way of WAYS) {
    const got = new Map(roots.map(([label]) => [label, [] as Array<{ wall: number; cpu: number }>]));
    for (let i = 0; i < runs; i++) {
      for (const [label, root] of roots) got.get(label)?.push(wall(root, [...(allWays(root)[way] ?? []), ...args.map((a) => a.replace(work, join(work, label)))]));
    }
    for (const [label, times] of got) {
      const who = other ? ` (${label === 'this' ? 'this checkout' : other})` : '';
      const cpu = timed ? `, CPU ${ms(median(times.map((t) => t.cpu)))}` : '';
      report.row(`${name}: ${way}${who}`, `${ms(median(times.map((t) => t.wall)))} wall${cpu} (median of ${runs}; ${times.map((t) => (t.wall / 1000).toFixed(2)).join(' / ')} s)`);
    }
  }
}
rmSync(work, { recursive: true, force: true });
if (process.argv.includes('--record')) report.record('Start-up time of the command line (issue 16 item 3)');
