import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, writeArchive } from './helpers/archive.js';
import { ROOT, spawnEntry } from './spawn.js';

/** `npm run cli` as a real process: what it loads, and how it reads its configuration. */

const PROBE = pathToFileURL(join(ROOT, 'test', 'discord-probe.mjs')).href;
let dir: string;
beforeAll(() => {
  dir = writeArchive();
});
afterAll(() => removeDir(dir));

const loadedCount = (stderr: string): number => Number(/discord\.js modules loaded: (\d+)/.exec(stderr)?.[1] ?? NaN);

describe('npm run cli (src/cli/main.ts)', () => {
  it('GIVEN `stats` THEN it answers without loading any discord.js module', async () => {
    const run = spawnEntry('src/cli/main.ts', {}, { nodeArgs: ['--import', PROBE], args: ['--archive', dir, 'stats'] });
    expect(await run.exit).toBe(0);
    expect(run.out()).toMatch(/articles/i);
    expect(loadedCount(run.err())).toBe(0);
  });

  it('GIVEN the probe on deploy-commands (which registers slash commands) THEN it does see discord.js', async () => {
    const run = spawnEntry('src/deploy-commands.ts', {}, { nodeArgs: ['--import', PROBE] });
    expect(await run.exit).toBe(1);
    expect(loadedCount(run.err())).toBeGreaterThan(0);
  });

  it('GIVEN LOG_LEVEL=chatty THEN one clear message naming it, exit 1, no stack trace', async () => {
    const run = spawnEntry('src/cli/main.ts', { LOG_LEVEL: 'chatty', COOLDOWN_RUNS: 'lots' }, { args: ['--archive', dir, 'search', 'x'] });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/LOG_LEVEL must be one of/);
    expect(run.err()).toMatch(/COOLDOWN_RUNS/);
    expect(run.err()).not.toMatch(/internal error|\n\s+at /);
  });

  it('GIVEN a bad variable only in .env THEN the command line reads .env too, and says so', async () => {
    const run = spawnEntry('src/cli/main.ts', {}, { args: ['--archive', dir, 'stats'], files: { '.env': 'LOG_LEVEL=chatty\n' } });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/LOG_LEVEL/);
  });

  it('GIVEN ARCHIVE_DIR in .env THEN the command line uses it', async () => {
    const run = spawnEntry('src/cli/main.ts', {}, { args: ['stats', '--json'], files: { '.env': `ARCHIVE_DIR=${dir}\n` } });
    expect(await run.exit).toBe(0);
    expect(JSON.parse(run.out())).toMatchObject({ articles: 6 });
  });
});
