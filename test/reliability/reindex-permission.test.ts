import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveArchive } from '../../src/live/live-archive.js';
import { openEngine } from '../../src/open.js';
import { bodyOf } from '../fake-discord/server.js';
import { startHarness, type Harness } from '../helpers.js';

/** Discord permission bits: a plain member (the fake's default) and the same with Manage Server. */
const MEMBER = 2248473465835073n;
const MANAGE_GUILD = 1n << 5n;

let h: Harness;
let live: LiveArchive;
beforeAll(async () => {
  h = await startHarness();
  live = new LiveArchive(openEngine({ archiveDir: h.archiveDir }), { archiveDir: h.archiveDir });
  h.ctx.reindex = (progress) => live.reindex(progress);
});
afterAll(async () => {
  await live?.close();
  await h?.close();
});

async function reindexAs(permissions: bigint): Promise<{ type: unknown; flags: unknown; text: string }> {
  const sent = h.fake.dispatchInteraction({ type: 'command', command: 'reindex', permissions: permissions.toString() });
  const cb = await h.fake.waitForCallback(sent.id);
  const body = bodyOf(cb);
  const data = (body.data ?? {}) as { flags?: unknown };
  return { type: body.type, flags: data.flags, text: JSON.stringify(body) };
}

describe('/reindex permission inside the bot (issue 13, item 11)', () => {
  it('GIVEN a member without Manage Server (a stale registration or an override) THEN it is refused privately and nothing is rebuilt', async () => {
    const engine = live.engine;
    const r = await reindexAs(MEMBER);
    expect(r.type).toBe(4);
    expect(r.flags).toBe(64);
    expect(r.text).toMatch(/Manage Server/);
    expect(live.engine).toBe(engine);
    await expect.poll(() => h.logs.some((l) => l.msg === 'interaction' && l.command === 'reindex' && l.outcome === 'forbidden')).toBe(true);
  });

  it('GIVEN a member with Manage Server THEN the archive is rebuilt', async () => {
    const engine = live.engine;
    const r = await reindexAs(MEMBER | MANAGE_GUILD);
    expect(r.text).not.toMatch(/Manage Server/);
    await expect.poll(() => live.engine !== engine, { timeout: 10_000 }).toBe(true);
  });
});
