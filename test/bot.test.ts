import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf } from './fake-discord/server.js';
import { startHarness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('/search', () => {
  it('GIVEN a query THEN replies with embeds, the matched word in bold, and no mentions', async () => {
    const { id } = h.fake.dispatchInteraction({ type: 'command', command: 'search', options: { query: 'subpoena' } });
    const cb = await h.fake.waitForCallback(id);
    const body = bodyOf(cb);
    expect(body.type).toBe(4);
    expect(body.data).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(JSON.stringify(body.data)).toContain('**subpoena');
    expect(JSON.stringify(body.data)).toContain('2020/ice-subpoenas ¶');
  });
});
