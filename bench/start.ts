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
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { argOf, ms, Report } from './report.js';

const root = resolve(import.meta.dirname, '..');
const runs = Number(argOf('runs') ?? 3);
const archive = argOf('archive');
const work = mkdtempSync(join(tmpdir(), 'bench-start-'));
if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error('no dist/: run `npm run build` first');

const WAYS: Record<string, string[]> = {
  'npm run cli': ['npm', 'run', '--silent', 'cli', '--'],
  'node dist': [process.execPath, join(root, 'dist', 'src', 'cli', 'main.js')],
  'tsx src': [process.execPath, '--import', 'tsx', join(root, 'src', 'cli', 'main.ts')],
};

const CASES: Array<[string, string[]]> = [
  ['--help', ['--help']],
  ['stats, seed archive', ['--archive', join(root, 'seeds'), '--cache', join(work, 'seeds.json'), 'stats']],
];
if (archive) CASES.push([`stats, ${archive.split('/').filter(Boolean).pop() ?? 'archive'} from cache`, ['--archive', archive, '--cache', join(work, 'large.json'), 'stats']]);

function wall(cmd: string[]): number {
  const [bin = '', ...args] = cmd;
  const started = performance.now();
  const r = spawnSync(bin, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  const took = performance.now() - started;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  return took;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const report = new Report(48);
for (const [, args] of CASES) wall([...(WAYS['node dist'] ?? []), ...args]); // write the caches
for (const [name, args] of CASES) {
  for (const [way, cmd] of Object.entries(WAYS)) {
    const times = Array.from({ length: runs }, () => wall([...cmd, ...args]));
    report.row(`${name}: ${way}`, `${ms(median(times))} (median of ${runs}; ${times.map((t) => (t / 1000).toFixed(2)).join(' / ')} s)`);
  }
}
rmSync(work, { recursive: true, force: true });
if (process.argv.includes('--record')) report.record('Start-up time of the command line (issue 16 item 3)');
