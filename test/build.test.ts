import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './spawn.js';

const run = promisify(execFile);

/**
 * The production entry points run the `tsc` build (package.json: start, start:sharded,
 * start:http, cli). Every other test runs the source through tsx, so this one builds the
 * source afresh (never a stale dist/) into a folder of its own and runs the compiled command
 * line, as `npm ci && npm run cli` would.
 */
describe('the compiled build', () => {
  let out: string;
  let work: string;

  beforeAll(async () => {
    // Inside the repository, so the compiled files find node_modules as dist/ does.
    out = mkdtempSync(join(ROOT, '.test-build-'));
    work = mkdtempSync(join(tmpdir(), 'archive-bot-build-'));
    await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { cwd: ROOT });
  }, 180_000);

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('holds every entry point the package scripts name', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const entries = Object.entries(scripts).filter(([name]) => ['start', 'start:sharded', 'start:http', 'deploy-commands', 'cli'].includes(name));
    expect(entries).toHaveLength(5);
    for (const [name, command] of entries) {
      const m = /^node (dist\/\S+\.js)$/.exec(command);
      expect(m, `${name} runs compiled JavaScript`).not.toBeNull();
      expect(existsSync(join(out, (m?.[1] ?? '').replace(/^dist\//, ''))), `${name}: ${command}`).toBe(true);
    }
  });

  it('starts its shards from the compiled entry point, without tsx', async () => {
    const shard = (await import(pathToFileURL(join(out, 'src', 'discord', 'shard.js')).href)) as { SHARD_SCRIPT: string };
    expect(shard.SHARD_SCRIPT).toBe(join(out, 'src', 'main.js'));
    expect(existsSync(shard.SHARD_SCRIPT)).toBe(true);
  });

  it('answers from the compiled command line, commands and all', async () => {
    const cli = join(out, 'src', 'cli', 'main.js');
    const opts = { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: work } };
    const help = await run(process.execPath, [cli, '--help'], opts);
    for (const name of ['search', 'ask', 'stats', 'timeline']) expect(help.stdout).toContain(`  ${name}`);
    expect(help.stderr).toBe('');
    const stats = await run(process.execPath, [cli, '--archive', join(ROOT, 'seeds'), '--cache', join(work, 'index.json'), 'stats', '--json'], opts);
    expect((JSON.parse(stats.stdout) as { articles: number }).articles).toBeGreaterThan(0);
  }, 60_000);

  it('holds the first-name table the compiled quote code reads beside itself, and answers from it', async () => {
    expect(existsSync(join(out, 'src', 'quotes', 'first-name-table.json'))).toBe(true);
    const names = (await import(pathToFileURL(join(out, 'src', 'quotes', 'first-names.js')).href)) as { firstNameGender: (w: string) => string | null };
    expect(['wendy', 'paul', 'volcker'].map((w) => names.firstNameGender(w))).toEqual(['f', 'm', null]);
  });

  it('loads what a command needs only: no discord.js in the command line, the chart renderer only for a chart', async () => {
    const probe = pathToFileURL(join(ROOT, 'test', 'package-probe.mjs')).href;
    const opts = { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: work, PROBE_PACKAGES: 'discord.js,@resvg/resvg-js' } };
    const cli = [join(out, 'src', 'cli', 'main.js'), '--archive', join(ROOT, 'seeds'), '--cache', join(work, 'index.json')];
    const count = (stderr: string, name: string): number => Number(new RegExp(`${name.replace(/[./]/g, '\\$&')} modules loaded: (\\d+)`).exec(stderr)?.[1] ?? NaN);
    const stats = await run(process.execPath, ['--import', probe, ...cli, 'stats'], opts);
    expect(count(stats.stderr, 'discord.js')).toBe(0);
    expect(count(stats.stderr, '@resvg/resvg-js')).toBe(0);
    const chart = await run(process.execPath, ['--import', probe, ...cli, 'timeline', 'subpoenas', '--out', join(work, 'chart.png')], opts);
    expect(count(chart.stderr, 'discord.js')).toBe(0);
    expect(count(chart.stderr, '@resvg/resvg-js')).toBeGreaterThan(0);
    expect(readFileSync(join(work, 'chart.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('warns when the sources are newer than the build, instead of silently running old code', async () => {
    // As if the build were a year old (rather than touching the sources).
    const stamp = join(out, 'src', 'stale-build.js');
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    utimesSync(stamp, yearAgo, yearAgo);
    const help = await run(process.execPath, [join(out, 'src', 'cli', 'main.js'), '--help'], { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: work } });
    expect(help.stderr).toMatch(/^warning: .*\.ts changed after the last build; run `npm run build`/);
    expect(help.stdout).toContain('usage:');
  }, 60_000);
});
