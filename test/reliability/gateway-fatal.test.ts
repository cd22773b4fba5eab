import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FATAL_GATEWAY_EXIT } from '../../src/discord/bot.js';
import { FAKE_TOKEN, FakeDiscord } from '../fake-discord/server.js';
import { writeArchive } from '../helpers.js';
import { spawnEntry } from '../spawn.js';

/** Issue 13, item 10: a gateway closed for good after ready (4004: token revoked) must not look like success. */

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
