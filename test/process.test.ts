import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FATAL_GATEWAY_EXIT } from '../src/discord/fatal.js';
import { FAKE_TOKEN, FakeDiscord, bodyOf } from './fake-discord/server.js';
import { writeArchive } from './helpers.js';
import { spawnEntry } from './spawn.js';

/** The real entry points as separate processes: `npm start` and `npm run start:sharded`. */

let fake: FakeDiscord;
let archiveDir: string;
let cache: string;
beforeEach(async () => {
  fake = await FakeDiscord.start();
  archiveDir = writeArchive();
  cache = join(tmpdir(), `archive-bot-cache-${process.pid}-${Date.now()}.json`);
});
afterEach(async () => {
  await fake.close();
  rmSync(archiveDir, { recursive: true, force: true });
  rmSync(cache, { force: true });
});

const env = (): Record<string, string> => ({
  DISCORD_TOKEN: FAKE_TOKEN,
  DISCORD_API_BASE: fake.apiBase,
  ARCHIVE_DIR: archiveDir,
  INDEX_CACHE: cache,
  LOG_LEVEL: 'info',
});

describe('npm start (src/main.ts) with a token', () => {
  it('GIVEN the fake Discord THEN logs in, answers /search, and on SIGTERM closes the gateway and exits 0 within 5 s', async () => {
    const run = spawnEntry('src/main.ts', env());
    try {
      await fake.waitForSession(45_000);
      const sent = fake.dispatchInteraction({ type: 'command', command: 'search', options: { query: 'subpoena' } });
      const cb = await fake.waitForCallback(sent.id);
      expect(bodyOf(cb).type).toBe(4);
      // The cache is written in the background after the load; wait for it rather than race it.
      await expect.poll(() => existsSync(cache), { timeout: 15_000 }).toBe(true);

      run.child.kill('SIGTERM');
      // Exit code 0, not 1: main.ts gives up with 1 after 4.5 s, so 0 means a clean stop in time.
      expect(await run.exit).toBe(0);
      expect(fake.clientCloses).toContain(1000);
      expect(run.err()).toContain('"msg":"stopped"');
      expect(run.err()).not.toContain(FAKE_TOKEN);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 60_000);

  it('GIVEN malformed variables THEN exits 1 with one message naming each of them', async () => {
    const run = spawnEntry('src/main.ts', { ...env(), DISCORD_TOKEN: 'oops', DISCORD_API_BASE: 'not a url', LOG_LEVEL: 'loud' });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/DISCORD_TOKEN does not look like a bot token/);
    expect(run.err()).toMatch(/DISCORD_API_BASE must be an http\(s\) URL/);
    expect(run.err()).toMatch(/LOG_LEVEL must be one of/);
    expect(fake.requests.length).toBe(0);
  }, 30_000);

  it('GIVEN no token and no terminal THEN exits 1 saying how to connect', async () => {
    const run = spawnEntry('src/main.ts', { ARCHIVE_DIR: archiveDir });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/No DISCORD_TOKEN is set/);
  }, 30_000);
});

describe('npm run start:sharded (src/shard.ts)', () => {
  it("GIVEN Discord's recommendation THEN builds the index once, the shard loads it from the cache, answers, and stops on SIGTERM", async () => {
    const run = spawnEntry('src/shard.ts', env());
    try {
      await fake.waitForSession(45_000);
      const sent = fake.dispatchInteraction({ type: 'command', command: 'stats' });
      expect(bodyOf(await fake.waitForCallback(sent.id)).type).toBe(4);
      expect(fake.requests.filter((r) => r.path === '/gateway/bot').length).toBeGreaterThanOrEqual(2);
      const identify = JSON.parse(JSON.stringify(fake.identifies[0]));
      expect(identify.shard).toEqual([0, 1]);
      await expect.poll(() => run.err(), { timeout: 5000 }).toContain('index loaded from cache');
      expect(run.err()).toContain('index cache written');
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 60_000);
});

/** Issue 13, item 10: a gateway closed for good after ready (4004: token revoked) must not look like success. */
describe('a fatal gateway close once ready', () => {
  it('GIVEN npm start and a close 4004 (token revoked) THEN it exits non-zero with a message naming the cause', async () => {
    const run = spawnEntry('src/main.ts', env());
    try {
      await fake.waitForSession(45_000);
      fake.dropConnection(4004);
      expect(await run.exit).toBe(FATAL_GATEWAY_EXIT);
      expect(run.err()).toMatch(/4004.*authentication failed/i);
      expect(run.err()).not.toContain(FAKE_TOKEN);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 60_000);

  it('GIVEN start:sharded and a close 4014 (disallowed intents) on its shard THEN the shard and the manager exit non-zero, with no respawn', async () => {
    const run = spawnEntry('src/shard.ts', { ...env(), SHARD_COUNT: '1' });
    try {
      await fake.waitForSession(45_000);
      const identifies = fake.identifies.length;
      fake.dropConnection(4014);
      expect(await run.exit).toBe(FATAL_GATEWAY_EXIT);
      expect(run.err()).toMatch(/4014.*intents/i);
      expect(run.err()).toMatch(/stopping every shard/);
      // No shard came back to identify again.
      expect(fake.identifies.length).toBe(identifies);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 60_000);
});
