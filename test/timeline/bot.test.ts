import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, type RecordedRequest } from '../fake-discord/server.js';
import { startHarness, type Harness } from '../helpers.js';
import { expectWithinDiscordLimits } from '../limits.js';

const EPHEMERAL = 64;

let h: Harness;
beforeAll(async () => {
  // A zero budget: once /timeline has been timed, it counts as slow and is deferred first.
  h = await startHarness({ ackBudgetMs: 0 });
});
afterAll(async () => {
  await h?.close();
});

/**
 * Runs /timeline through the real bot and returns the request that carried the answer: the
 * callback, or after a defer the edit of @original (PATCH) or, for a private error after a
 * public defer, the follow-up (POST).
 */
async function timeline(options: Record<string, string>, afterDefer: 'PATCH' | 'POST' = 'PATCH'): Promise<RecordedRequest> {
  const sent = h.fake.dispatchInteraction({ type: 'command', command: 'timeline', options });
  const cb = await h.fake.waitForCallback(sent.id);
  return bodyOf(cb).type === 5 ? h.fake.waitForWebhook(sent.token, afterDefer) : cb;
}

const message = (r: RecordedRequest): Record<string, unknown> => {
  const b = bodyOf(r);
  const d = 'data' in b && typeof b.data === 'object' && b.data !== null ? b.data : b;
  return { ...d };
};

describe('/timeline in Discord', () => {
  it('GIVEN a query THEN the reply is one embed with the chart attached inside it as timeline.png', async () => {
    const r = await timeline({ query: 'harbor' });
    const m = message(r);
    expectWithinDiscordLimits(m);
    expect(m.allowed_mentions).toEqual({ parse: [] });
    const embeds = Array.isArray(m.embeds) ? m.embeds : [];
    expect(embeds).toHaveLength(1);
    expect(embeds[0]).toMatchObject({ title: 'Timeline: “harbor”', image: { url: 'attachment://timeline.png' } });
    expect(JSON.stringify(embeds[0])).toMatch(/Top article of the peak/);
    expect(r.files?.map((f) => f.filename)).toEqual(['timeline.png']);
    const png = r.files?.[0]?.data ?? Buffer.alloc(0);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 400]);
  });

  it('GIVEN a deferred answer THEN the edit of @original carries the chart', async () => {
    const r = await timeline({ query: 'harbor ferry' });
    expect([r.method, r.path]).toEqual(['PATCH', expect.stringMatching(/\/messages\/@original$/)]);
    expect(message(r).embeds).toEqual([expect.objectContaining({ image: { url: 'attachment://timeline.png' } })]);
    expect(r.files?.map((f) => f.filename)).toEqual(['timeline.png']);
  });

  it('GIVEN nothing matches THEN a private message says so, with no chart', async () => {
    const r = await timeline({ query: 'xylophone' }, 'POST');
    const m = message(r);
    expect(m.flags).toBe(EPHEMERAL);
    expect(m.content).toMatch(/^nothing in the archive matches "xylophone"/);
    expect(r.files ?? []).toEqual([]);
  });
});
