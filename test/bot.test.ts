import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionSpec } from '../src/commands/options.js';
import { defineCommand } from '../src/commands/command.js';
import { PAGE_TTL_MS } from '../src/discord/pagination.js';
import { GENERIC_ERROR } from '../src/discord/respond.js';
import { FAKE_TOKEN, bodyOf, type RecordedRequest } from './fake-discord/server.js';
import { startHarness, type Harness } from './helpers.js';
import { expectWithinDiscordLimits } from './limits.js';

const EPHEMERAL = 64;

/** Test-only commands: one that waits on a gate the test opens, one that has a bug. */
let openGate: () => void = () => undefined;
const slow = defineCommand({
  name: 'slowpoke',
  description: 'Answers only when the test says so',
  options: {},
  run: () =>
    new Promise<string>((resolve) => {
      openGate = () => resolve('finally');
    }),
  renderText: (r) => r,
  renderDiscord: (r) => [{ content: r, embeds: [] }],
});
const boom = defineCommand({
  name: 'boom',
  description: 'Always fails with a bug',
  options: {},
  run: (): string => {
    throw new Error('kaboom: secret internals');
  },
  renderText: (r) => r,
  renderDiscord: (r) => [{ content: r, embeds: [] }],
});

let clock = 1_000_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ extraCommands: [slow, boom], deferAfterMs: 100, now: () => clock });
});
afterAll(async () => {
  await h?.close();
});

const data = (r: RecordedRequest): Record<string, unknown> => {
  const d = bodyOf(r).data;
  return d !== null && typeof d === 'object' ? { ...d } : {};
};
const text = (r: RecordedRequest): string => JSON.stringify(bodyOf(r));

async function command(name: string, options: Record<string, string | number | boolean> = {}, userId?: string): Promise<{ id: string; token: string; cb: RecordedRequest }> {
  const sent = h.fake.dispatchInteraction({ type: 'command', command: name, options, ...(userId ? { userId } : {}) });
  const cb = await h.fake.waitForCallback(sent.id);
  return { ...sent, cb };
}

describe('/search', () => {
  it('GIVEN a query THEN replies with embeds: title, the matched word in bold, date and citation, and no mentions', async () => {
    const { cb } = await command('search', { query: 'subpoena' });
    expect(bodyOf(cb).type).toBe(4);
    const d = data(cb);
    expect(d.allowed_mentions).toEqual({ parse: [] });
    expect(d.flags ?? 0).toBe(0);
    expect(text(cb)).toContain('**subpoena');
    expect(text(cb)).toContain('2020-01-19 · 2020/ice-subpoenas ¶');
    expectWithinDiscordLimits(d);
  });

  it('GIVEN an article with a url THEN the embed links to it', async () => {
    const { cb } = await command('search', { query: 'pelican count' });
    expect(text(cb)).toContain('https://example.org/pelican');
  });

  it('GIVEN hide THEN the reply is private', async () => {
    const { cb } = await command('search', { query: 'harbor', hide: true });
    expect(data(cb).flags).toBe(EPHEMERAL);
  });

  it.each([
    [{ query: 'the of and' }, /only common words/],
    [{ query: '   ' }, /empty/],
    [{ query: 'harbor', from: '2020-13-45' }, /date/i],
    [{ query: 'harbor', from: '2023-01-01', to: '2020-01-01' }, /after|before/i],
  ])('GIVEN a user mistake %j THEN a private, specific message', async (options, message) => {
    const { cb } = await command('search', options);
    const d = data(cb);
    expect(d.flags).toBe(EPHEMERAL);
    expect(String(d.content)).toMatch(message);
    expect(String(d.content)).not.toBe(GENERIC_ERROR);
    expect(d.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('archive text in replies', () => {
  it('GIVEN a passage with @everyone, <@123>, ** and || THEN it is escaped and mentions are off', async () => {
    const { cb } = await command('search', { query: 'pelican notice' });
    const d = data(cb);
    expect(d.allowed_mentions).toEqual({ parse: [] });
    const desc = JSON.stringify(d.embeds);
    expect(desc).not.toMatch(/@everyone/);
    expect(desc).toContain('@\u200beveryone');
    expect(desc).not.toMatch(/<@123>/);
    expect(desc).toContain('<\u200b@\u200b123>');
    expect(desc).toContain('\\\\*\\\\*stars\\\\*\\\\*');
    expect(desc).toContain('\\\\|\\\\|spoilers\\\\|\\\\|');
    expect(desc).toContain('\\\\[a masked link]');
    expect(desc).not.toMatch(/[^\\]\[a masked link\]/);
  });

  it('GIVEN a 10,000-character paragraph THEN search and article replies stay within every limit', async () => {
    const s = await command('search', { query: 'zeppelin hangar inspection', limit: 25 });
    expectWithinDiscordLimits(data(s.cb));
    const a = await command('article', { id: '2022/zeppelin' });
    expectWithinDiscordLimits(data(a.cb));
  });
});

describe('/ask', () => {
  it('GIVEN a question THEN replies with the answering sentence quoted, in limits', async () => {
    const { cb } = await command('ask', { question: 'Who said this is a last resort?' });
    const d = data(cb);
    expect(text(cb)).toContain('Lucero');
    expect(text(cb)).toContain('> ');
    expectWithinDiscordLimits(d);
  });
});

describe('/article and page buttons', () => {
  it('GIVEN a long article THEN page 1 with paragraph numbers and Previous/Next buttons; Next shows page 2 in place', async () => {
    const { cb } = await command('article', { id: '2022/zeppelin' });
    const d = data(cb);
    expect(text(cb)).toContain('**[1]**');
    expect(String(d.content)).toMatch(/^Page 1 of \d+/);
    const row = JSON.parse(JSON.stringify(d.components))[0];
    expect(row.components.map((b: { label: string }) => b.label)).toEqual(['Previous', 'Next']);
    expect(row.components[0].disabled).toBe(true);
    const next: string = row.components[1].custom_id;
    expect(next).toMatch(/^page:[\w-]+:1$/);

    const click = h.fake.dispatchInteraction({ type: 'button', customId: next });
    const update = await h.fake.waitForCallback(click.id);
    expect(bodyOf(update).type).toBe(7);
    const u = data(update);
    expect(String(u.content)).toMatch(/^Page 2 of/);
    expect(u.allowed_mentions).toEqual({ parse: [] });
    expectWithinDiscordLimits(u);
    const prev = JSON.parse(JSON.stringify(u.components))[0].components[0];
    expect(prev.disabled).toBe(false);
  });

  it('GIVEN someone else clicks, a forged id, or a click after 15 minutes THEN a polite private message', async () => {
    const { cb } = await command('article', { id: '2022/zeppelin' });
    const next: string = JSON.parse(JSON.stringify(data(cb).components))[0].components[1].custom_id;

    const other = h.fake.dispatchInteraction({ type: 'button', customId: next, userId: '999999999999999999' });
    const o = data(await h.fake.waitForCallback(other.id));
    expect(o.flags).toBe(EPHEMERAL);
    expect(String(o.content)).toMatch(/Only the person who ran \/article/);

    const forged = h.fake.dispatchInteraction({ type: 'button', customId: 'page:../../etc:99999' });
    const f = data(await h.fake.waitForCallback(forged.id));
    expect(f.flags).toBe(EPHEMERAL);
    expect(String(f.content)).toMatch(/not one this bot knows/);

    clock += PAGE_TTL_MS + 1;
    const late = h.fake.dispatchInteraction({ type: 'button', customId: next });
    const l = data(await h.fake.waitForCallback(late.id));
    expect(l.flags).toBe(EPHEMERAL);
    expect(String(l.content)).toMatch(/expired/);
  });

  it('GIVEN an unknown article THEN a private message naming it', async () => {
    const { cb } = await command('article', { id: 'no/such-article' });
    expect(data(cb).flags).toBe(EPHEMERAL);
    expect(String(data(cb).content)).toContain('unknown article: no/such-article');
  });
});

describe('/stats', () => {
  it('GIVEN the archive THEN article and passage counts and the date range', async () => {
    const { cb } = await command('stats');
    const d = data(cb);
    expect(text(cb)).toContain('Articles');
    expect(text(cb)).toContain('2020-01-19 to 2023-');
    expectWithinDiscordLimits(d);
  });
});

describe('autocomplete', () => {
  it('GIVEN words of a title THEN at most 25 choices of at most 100 characters, ids as values, dates in labels', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'autocomplete', command: 'article', options: { id: 'harbor rep' }, focused: 'id' });
    const cb = await h.fake.waitForCallback(sent.id);
    expect(bodyOf(cb).type).toBe(8);
    const choices = JSON.parse(JSON.stringify(data(cb).choices)) as Array<{ name: string; value: string }>;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value).toMatch(/^2023\/harbor-\d$/);
      expect(c.name).toMatch(/\(2023-\d\d-\d\d\)$/);
    }
  });

  it('GIVEN an empty input THEN the newest articles, at most 25', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'autocomplete', command: 'article', options: { id: '' }, focused: 'id' });
    const choices = JSON.parse(JSON.stringify(data(await h.fake.waitForCallback(sent.id)).choices)) as unknown[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
  });
});

/** A plausible value for each required option, from the spec alone, so new commands are covered too. */
function sampleOptions(options: Readonly<Record<string, OptionSpec>>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, o] of Object.entries(options)) {
    if (!o.required) continue;
    if (o.type === 'integer') out[name] = o.min ?? 1;
    else if (o.type === 'boolean') out[name] = false;
    else if (o.autocomplete === 'article') out[name] = '2020/ice-subpoenas';
    else if (o.autocomplete === 'speaker') out[name] = h.ctx.engine.suggestSpeakers?.('', 1)[0] ?? 'Henry Lucero';
    else out[name] = 'harbor subpoena';
  }
  return out;
}

describe('every command in the registry', () => {
  it('GIVEN each command with plausible options THEN it answers (no generic error) within limits; its autocomplete answers too', async () => {
    const { loadCommands } = await import('../src/commands/registry.js');
    const registry = await loadCommands();
    expect(registry.size).toBeGreaterThanOrEqual(4);
    for (const c of registry.values()) {
      const { token, cb } = await command(c.name, sampleOptions(c.options));
      const type = bodyOf(cb).type;
      expect([4, 5], `/${c.name}`).toContain(type);
      const reply = type === 5 ? bodyOf(await h.fake.waitForWebhook(token, 'PATCH')) : data(cb);
      expect(reply.content, `/${c.name}`).not.toBe(GENERIC_ERROR);
      expectWithinDiscordLimits(reply);
      for (const [name, o] of Object.entries(c.options)) {
        if (!o.autocomplete) continue;
        const ac = h.fake.dispatchInteraction({ type: 'autocomplete', command: c.name, options: { [name]: 'h' }, focused: name });
        const acb = await h.fake.waitForCallback(ac.id);
        expect(bodyOf(acb).type, `/${c.name} ${name}`).toBe(8);
      }
    }
  });
});

describe('errors and slow answers', () => {
  it('GIVEN an answer slower than the defer deadline THEN a defer first, then the answer as an edit of @original', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'slowpoke' });
    const cb = await h.fake.waitForCallback(sent.id);
    expect(bodyOf(cb).type).toBe(5);
    openGate();
    const edit = await h.fake.waitForWebhook(sent.token, 'PATCH');
    expect(bodyOf(edit).content).toBe('finally');
    expect(bodyOf(edit).allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a bug THEN a short generic private reply, and the error logged with the interaction id', async () => {
    const { id, cb } = await command('boom');
    const d = data(cb);
    expect(d.flags).toBe(EPHEMERAL);
    expect(d.content).toBe(GENERIC_ERROR);
    expect(JSON.stringify(d)).not.toContain('kaboom');
    await expect.poll(() => h.logs.find((l) => l.level === 50 && l.interaction === id)).toBeTruthy();
  });

  it('GIVEN an interaction Discord has already forgotten (10062) THEN it is logged, nothing crashes, and the next one is answered', async () => {
    const gone = h.fake.dispatchInteraction({ type: 'command', command: 'stats', expired: true });
    await h.fake.waitForCallback(gone.id);
    await expect.poll(() => h.logs.find((l) => l.interaction === gone.id && l.outcome === 'gone')).toBeTruthy();
    const { cb } = await command('stats');
    expect(bodyOf(cb).type).toBe(4);
  });

  it('GIVEN the webhook is gone (10015) when the deferred answer is edited in THEN it is logged, not a crash', async () => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'slowpoke' });
    expect(bodyOf(await h.fake.waitForCallback(sent.id)).type).toBe(5);
    h.fake.injectOnce((r) => r.method === 'PATCH' && r.path.includes(sent.token), { status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    openGate();
    await expect.poll(() => h.logs.find((l) => l.interaction === sent.id && l.outcome === 'gone')).toBeTruthy();
    const { cb } = await command('stats');
    expect(bodyOf(cb).type).toBe(4);
  });

  it('GIVEN a 429 with retry-after on the callback THEN the reply is retried and arrives', async () => {
    h.fake.injectOnce((r) => r.path.endsWith('/callback'), {
      status: 429,
      headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
    });
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'search', options: { query: 'ferry' } });
    await h.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`) && h.fake.requestsFor(sent).length >= 2);
    const calls = h.fake.requestsFor(sent).filter((r) => r.path.endsWith('/callback'));
    expect(calls.length).toBe(2);
    expect(bodyOf(calls[1] ?? calls[0]!).type).toBe(4);
  });
});

describe('gateway', () => {
  it('GIVEN the gateway connection drops THEN the bot RESUMEs (no new IDENTIFY) and answers what was sent meanwhile', async () => {
    const identifies = h.fake.identifies.length;
    h.fake.dropConnection(4000);
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'search', options: { query: 'ferry' } });
    const cb = await h.fake.waitForCallback(sent.id, 15_000);
    expect(bodyOf(cb).type).toBe(4);
    expect(h.fake.resumes.length).toBeGreaterThanOrEqual(1);
    expect(h.fake.identifies.length).toBe(identifies);
    const after = await command('stats');
    expect(bodyOf(after.cb).type).toBe(4);
  });

  it('GIVEN IDENTIFY THEN only the Guilds intent (no privileged intents)', () => {
    const first = JSON.parse(JSON.stringify(h.fake.identifies[0]));
    expect(first.intents).toBe(1);
  });
});

describe('logs', () => {
  it('GIVEN answered interactions THEN one line each with command, options, latency and outcome, and never a token', () => {
    const lines = h.logs.filter((l) => l.msg === 'interaction');
    expect(lines.length).toBeGreaterThan(10);
    const search = lines.find((l) => l.command === 'search' && l.outcome === 'answered');
    expect(search).toMatchObject({ kind: 'command', options: expect.any(Object), latencyMs: expect.any(Number) });
    // Only the test-only `boom` command is a bug.
    expect(lines.filter((l) => l.outcome === 'bug').map((l) => l.command)).toEqual(['boom']);
    const all = JSON.stringify(h.logs);
    expect(all).not.toContain(FAKE_TOKEN);
    expect(all).not.toContain('itoken_');
  });
});
