import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCommand } from '../src/commands/command.js';
import { bodyOf } from './fake-discord/server.js';
import { startHarness, type Harness } from './helpers.js';

/** Blocks the event loop like a heavy synchronous search does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

const heavy = defineCommand({
  name: 'heavy',
  description: 'A synchronous command that takes 30 ms',
  options: {},
  run: () => {
    busy(30);
    return 'done';
  },
  renderText: (r) => r,
  renderDiscord: (r) => [{ content: r, embeds: [] }],
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ extraCommands: [heavy], ackBudgetMs: 5 });
});
afterAll(async () => {
  await h?.close();
});

describe('defer before slow synchronous work', () => {
  it('GIVEN a command that took longer than the budget THEN the next run is acknowledged first, then edited in', async () => {
    const first = h.fake.dispatchInteraction({ type: 'command', command: 'heavy' });
    expect(bodyOf(await h.fake.waitForCallback(first.id)).type).toBe(4);

    const second = h.fake.dispatchInteraction({ type: 'command', command: 'heavy' });
    const cb = await h.fake.waitForCallback(second.id);
    expect(bodyOf(cb).type).toBe(5);
    const edit = await h.fake.waitForWebhook(second.token, 'PATCH');
    expect(bodyOf(edit).content).toBe('done');
    expect(bodyOf(edit).allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a hidden slow command THEN the defer is private too', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'heavy', options: { hide: true } });
    const cb = await h.fake.waitForCallback(sent.id);
    expect(bodyOf(cb)).toMatchObject({ type: 5, data: { flags: 64 } });
    await h.fake.waitForWebhook(sent.token, 'PATCH');
  });
});
