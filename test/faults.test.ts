import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineCommand } from '../src/commands/command.js';
import { bodyOf, type RecordedRequest } from './fake-discord/server.js';
import { startHarness, type Harness } from './helpers.js';

/**
 * Faults injected by the local fake Discord: gateway closes, REST errors, rate limits and hanging
 * requests. After each one the bot must keep answering, and the process must never see an
 * unhandled rejection or an uncaught exception.
 */

/** Discord's deadline for the first response to an interaction. */
const ACK_DEADLINE_MS = 3000;

const processFaults: unknown[] = [];
const onProcessFault = (e: unknown): void => void processFaults.push(e);
beforeAll(() => {
  process.on('unhandledRejection', onProcessFault);
  process.on('uncaughtException', onProcessFault);
});
afterAll(async () => {
  // A rejection counts as unhandled only after the microtask queue drains: give it a turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.off('unhandledRejection', onProcessFault);
  process.off('uncaughtException', onProcessFault);
  expect(processFaults).toEqual([]);
});
afterEach(() => {
  expect(processFaults).toEqual([]);
});

/** A command whose answer waits for the test (so it is deferred), released by `release()`. */
const waiting: Array<() => void> = [];
const release = (): void => {
  for (const r of waiting.splice(0)) r();
};
const gated = defineCommand({
  name: 'gated',
  description: 'Answers when the test releases it',
  options: {},
  run: () => new Promise<string>((resolve) => waiting.push(() => resolve('released'))),
  renderText: (r) => r,
  renderDiscord: (r) => [{ content: r, embeds: [] }],
});

const isCallback = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`) && r.path.endsWith('/callback');
const isEdit = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`);

/** Sends /search and expects an answer (a reply, type 4). */
async function expectAnswers(h: Harness, timeoutMs = 10_000): Promise<{ sentAt: number; cb: RecordedRequest }> {
  const sent = h.fake.dispatchInteraction({ type: 'command', command: 'search', options: { query: 'harbor ferry' } });
  const cb = await h.fake.waitForCallback(sent.id, timeoutMs);
  expect(bodyOf(cb).type).toBe(4);
  expect(JSON.stringify(bodyOf(cb))).toContain('harbor');
  return { sentAt: sent.sentAt, cb };
}

describe('gateway faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ extraCommands: [gated], deferAfterMs: 100, fake: { heartbeatMs: 300 } });
  });
  afterAll(async () => {
    release();
    await h?.close();
  });

  it('GIVEN a close with 4000 (unknown error) THEN the bot RESUMEs, answers what was sent meanwhile, and keeps answering', async () => {
    const identifies = h.fake.identifies.length;
    const resumes = h.fake.resumes.length;
    h.fake.dropConnection(4000);
    const meanwhile = h.fake.dispatchInteraction({ type: 'command', command: 'stats' });
    expect(bodyOf(await h.fake.waitForCallback(meanwhile.id, 15_000)).type).toBe(4);
    expect(h.fake.resumes.length).toBe(resumes + 1);
    expect(h.fake.identifies.length).toBe(identifies);
    await expectAnswers(h);
  });

  it('GIVEN a close with 4009 (session timed out) THEN the RESUME is refused, the bot IDENTIFIES again and keeps answering', async () => {
    const identifies = h.fake.identifies.length;
    h.fake.dropConnection(4009);
    await h.fake.waitForSession(20_000);
    expect(h.fake.identifies.length).toBe(identifies + 1);
    await expectAnswers(h);
  }, 30_000);

  it('GIVEN a close with 4007 (invalid seq) THEN the bot IDENTIFIES again without trying to resume, and keeps answering', async () => {
    const identifies = h.fake.identifies.length;
    const resumes = h.fake.resumes.length;
    h.fake.dropConnection(4007);
    await h.fake.waitForSession(20_000);
    expect(h.fake.identifies.length).toBe(identifies + 1);
    expect(h.fake.resumes.length).toBe(resumes);
    await expectAnswers(h);
  }, 30_000);

  it('GIVEN the socket dies without a close frame (1006) THEN the bot RESUMEs and answers what was sent meanwhile', async () => {
    const resumes = h.fake.resumes.length;
    h.fake.dropConnection(1006, { abrupt: true });
    const meanwhile = h.fake.dispatchInteraction({ type: 'command', command: 'search', options: { query: 'pelican' } });
    expect(bodyOf(await h.fake.waitForCallback(meanwhile.id, 15_000)).type).toBe(4);
    expect(h.fake.resumes.length).toBe(resumes + 1);
    await expectAnswers(h);
  });

  it('GIVEN heartbeats stop being acknowledged (a zombie connection) THEN the bot reconnects and RESUMEs', async () => {
    const resumes = h.fake.resumes.length;
    h.fake.stopHeartbeatAcks();
    await expect.poll(() => h.fake.resumes.length, { timeout: 10_000, interval: 50 }).toBe(resumes + 1);
    await h.fake.waitForSession(10_000);
    await expectAnswers(h);
  });
});

describe('REST faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ extraCommands: [gated], deferAfterMs: 100 });
  });
  afterAll(async () => {
    release();
    await h?.close();
  });

  it('GIVEN two 500s on the reply THEN discord.js retries and the third attempt is the reply', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'search', options: { query: 'subpoena' } });
    h.fake.inject(isCallback(sent.id), { status: 500, body: { message: '500: Internal Server Error', code: 0 } }, 2);
    await h.fake.waitForRequest((r) => isCallback(sent.id)(r) && h.fake.requests.filter(isCallback(sent.id)).length === 3);
    const calls = h.fake.requests.filter(isCallback(sent.id));
    expect(calls.map((c) => bodyOf(c).type)).toEqual([4, 4, 4]);
    await expectAnswers(h);
  });

  it('GIVEN a 502 on the edit of a deferred answer THEN the edit is retried and arrives', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'gated' });
    expect(bodyOf(await h.fake.waitForCallback(sent.id)).type).toBe(5);
    h.fake.injectOnce(isEdit(sent.token), { status: 502, body: { message: 'Bad Gateway', code: 0 } });
    release();
    await h.fake.waitForRequest((r) => isEdit(sent.token)(r) && h.fake.requests.filter(isEdit(sent.token)).length === 2);
    const edits = h.fake.requests.filter(isEdit(sent.token));
    expect(edits.map((e) => bodyOf(e).content)).toEqual(['released', 'released']);
    await expectAnswers(h);
  });

  it('GIVEN a global 429 (X-RateLimit-Global) on the reply THEN it waits retry-after, retries once and the reply arrives', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'search', options: { query: 'zeppelin' } });
    h.fake.injectOnce(isCallback(sent.id), {
      status: 429,
      headers: { 'retry-after': '0.2', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: true },
    });
    await h.fake.waitForRequest((r) => isCallback(sent.id)(r) && h.fake.requests.filter(isCallback(sent.id)).length === 2);
    const [first, second] = h.fake.requests.filter(isCallback(sent.id));
    expect(bodyOf(second ?? first!).type).toBe(4);
    // The retry waited for retry-after (0.2 s) at least, measured at the fake.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(150);
    await expectAnswers(h);
  });

  it('GIVEN a global 429 on the edit of a deferred answer THEN the edit arrives after the wait and later replies still go out', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'gated' });
    expect(bodyOf(await h.fake.waitForCallback(sent.id)).type).toBe(5);
    h.fake.injectOnce(isEdit(sent.token), {
      status: 429,
      headers: { 'retry-after': '0.3', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: true },
    });
    release();
    await h.fake.waitForRequest((r) => isEdit(sent.token)(r) && h.fake.requests.filter(isEdit(sent.token)).length === 2);
    await expectAnswers(h);
  });

  it('GIVEN the connection is reset mid-request THEN the reply is retried and arrives', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'search', options: { query: 'harbor report' } });
    h.fake.injectOnce(isCallback(sent.id), { status: 0, destroy: true });
    await h.fake.waitForRequest((r) => isCallback(sent.id)(r) && h.fake.requests.filter(isCallback(sent.id)).length === 2);
    await expectAnswers(h);
  });

  it(
    'GIVEN the defer of a slow answer hangs 5 s at Discord THEN the defer was received within 3 s, other commands are answered meanwhile, and the answer follows',
    async () => {
      const sent = h.fake.dispatchInteraction({ type: 'command', command: 'gated' });
      h.fake.injectOnce(isCallback(sent.id), { status: 204, delayMs: 5000 });
      const defer = await h.fake.waitForCallback(sent.id);
      expect(bodyOf(defer).type).toBe(5);
      expect(defer.at - sent.sentAt).toBeLessThan(ACK_DEADLINE_MS);
      // While that request hangs, interaction callbacks do not queue behind it.
      const other = await expectAnswers(h);
      expect(other.cb.at - other.sentAt).toBeLessThan(ACK_DEADLINE_MS);
      release();
      const edit = await h.fake.waitForRequest(isEdit(sent.token), 15_000);
      expect(bodyOf(edit).content).toBe('released');
      expect(edit.at - defer.at).toBeGreaterThanOrEqual(4500);
    },
    30_000,
  );
});

describe('REST faults with a short REST timeout', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ extraCommands: [gated], deferAfterMs: 100, restTimeoutMs: 1000 });
  });
  afterAll(async () => {
    release();
    await h?.close();
  });

  it('GIVEN the edit of a deferred answer hangs 5 s THEN the client gives up after 1 s, retries, and the answer arrives before the hang ends', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'gated' });
    expect(bodyOf(await h.fake.waitForCallback(sent.id)).type).toBe(5);
    h.fake.injectOnce(isEdit(sent.token), { status: 200, body: {}, delayMs: 5000 });
    release();
    const first = await h.fake.waitForRequest(isEdit(sent.token));
    const retry = await h.fake.waitForRequest((r) => isEdit(sent.token)(r) && r !== first, 10_000);
    expect(bodyOf(retry).content).toBe('released');
    expect(retry.at - first.at).toBeLessThan(5000);
    await expectAnswers(h);
  });

  it('GIVEN a defer Discord takes but answers only after 5 s THEN the retry gets 40060, and the answer is still edited in', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'gated' });
    h.fake.injectOnce(isCallback(sent.id), { status: 204, delayMs: 5000 });
    const defer = await h.fake.waitForCallback(sent.id);
    expect(defer.at - sent.sentAt).toBeLessThan(ACK_DEADLINE_MS);
    await h.fake.waitForRequest((r) => isCallback(sent.id)(r) && r !== defer, 10_000);
    release();
    const edit = await h.fake.waitForRequest(isEdit(sent.token), 10_000);
    expect(bodyOf(edit).content).toBe('released');
    await expectAnswers(h);
  });
});
