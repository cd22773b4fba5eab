import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext, CommandSpec } from '../../src/commands/command.js';
import { loadCommands } from '../../src/commands/registry.js';
import { GENERIC_ERROR } from '../../src/discord/respond.js';
import { UserError } from '../../src/errors.js';
import { makeHttpRouter, type HttpRouterDeps } from '../../src/http/router.js';
import { startHttpServer, type HttpEndpoint } from '../../src/http/server.js';
import { InteractionWebhook } from '../../src/http/webhook.js';
import { openEngine } from '../../src/open.js';
import { FakeDiscord, snowflake } from '../fake-discord/server.js';
import { memoryLogger, writeArchive } from '../helpers.js';

/**
 * The HTTP interactions endpoint (`npm run start:http`) on 127.0.0.1, driven by a client that
 * signs its requests with a key generated here, as Discord signs with the application's key.
 * Deferred answers and uploads go to the fake Discord's webhook routes.
 */

function keyPair(): { privateKey: KeyObject; publicHex: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { privateKey, publicHex: Buffer.from(x, 'base64url').toString('hex') };
}

const discordKey = keyPair();
const USER = snowflake();
const OTHER_USER = snowflake();

interface Answer {
  status: number;
  json: Record<string, unknown> & { type?: number; data?: Record<string, unknown> & { components?: Array<{ components: Array<{ custom_id: string; disabled?: boolean }> }> } };
}

async function post(url: string, payload: unknown, opts: { key?: KeyObject; timestamp?: number; signature?: string | null; body?: string } = {}): Promise<Answer> {
  const body = opts.body ?? JSON.stringify(payload);
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-signature-timestamp': timestamp };
  const signature = opts.signature === undefined ? sign(null, Buffer.from(timestamp + JSON.stringify(payload)), opts.key ?? discordKey.privateKey).toString('hex') : opts.signature;
  if (signature !== null) headers['x-signature-ed25519'] = signature;
  const res = await fetch(`${url}/interactions`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Answer['json']) : {} };
}

type OptionInput = Record<string, string | number | boolean>;

function base(fake: FakeDiscord, type: number, user = USER): Record<string, unknown> {
  return {
    id: snowflake(),
    application_id: fake.applicationId,
    token: `itoken-${randomBytes(12).toString('hex')}`,
    type,
    version: 1,
    guild_id: fake.guildId,
    member: { user: { id: user }, permissions: '0' },
  };
}

const command = (fake: FakeDiscord, name: string, options: OptionInput = {}, user = USER): Record<string, unknown> => ({
  ...base(fake, 2, user),
  data: { id: snowflake(), name, type: 1, options: Object.entries(options).map(([n, value]) => ({ name: n, type: typeof value === 'number' ? 4 : typeof value === 'boolean' ? 5 : 3, value })) },
});

const click = (fake: FakeDiscord, customId: string, owner = USER, user = USER): Record<string, unknown> => ({
  ...base(fake, 3, user),
  data: { custom_id: customId, component_type: 2 },
  message: { id: snowflake(), interaction_metadata: { id: snowflake(), type: 2, user: { id: owner } } },
});

const buttons = (a: Answer): Array<{ custom_id: string; disabled?: boolean }> => a.json.data?.components?.[0]?.components ?? [];
const embedsOf = (a: Answer): Array<{ title?: string; description?: string }> => (a.json.data?.embeds ?? []) as Array<{ title?: string; description?: string }>;

describe('HTTP interactions endpoint', () => {
  let fake: FakeDiscord;
  let archiveDir: string;
  let specs: Map<string, CommandSpec>;
  let ctx: CommandContext;
  let logs: Array<Record<string, unknown>>;
  const endpoints: HttpEndpoint[] = [];

  /** One copy of the endpoint: its own engine, opened from the same archive, as on another machine. */
  async function instance(extra: Partial<HttpRouterDeps> = {}): Promise<HttpEndpoint> {
    const { engine } = openEngine({ archiveDir });
    const memory = memoryLogger();
    logs = memory.lines;
    const route = makeHttpRouter({ commands: specs, ctx: { engine }, log: memory.log, webhook: new InteractionWebhook({ apiBase: fake.apiBase }), ...extra });
    const endpoint = await startHttpServer({ publicKey: discordKey.publicHex, host: '127.0.0.1', port: 0, route, log: memory.log, health: () => ({ articles: engine.articles.length }) });
    endpoints.push(endpoint);
    return endpoint;
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    archiveDir = writeArchive();
    specs = await loadCommands();
    ctx = { engine: openEngine({ archiveDir }).engine };
  });

  afterAll(async () => {
    await Promise.all(endpoints.map((e) => e.stop()));
    await fake.close();
    rmSync(archiveDir, { recursive: true, force: true });
  });

  it('answers a signed PING with PONG, and refuses unsigned, badly signed, tampered and stale requests with 401', async () => {
    const { url } = await instance();
    const ping = { ...base(fake, 1) };
    expect(await post(url, ping)).toEqual({ status: 200, json: { type: 1 } });
    expect((await post(url, ping, { signature: null })).status).toBe(401);
    expect((await post(url, ping, { key: keyPair().privateKey })).status).toBe(401);
    expect((await post(url, ping, { signature: 'zz'.repeat(64) })).status).toBe(401);
    expect((await post(url, ping, { body: JSON.stringify({ ...ping, type: 2 }) })).status).toBe(401);
    expect((await post(url, ping, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    const missingTimestamp = await fetch(`${url}/interactions`, { method: 'POST', body: '{}', headers: { 'x-signature-ed25519': 'ab'.repeat(64) } });
    expect(missingTimestamp.status).toBe(401);
  });

  it('answers other paths and methods plainly, and reports health for a load balancer', async () => {
    const { url } = await instance();
    expect((await fetch(`${url}/interactions`)).status).toBe(405);
    expect((await fetch(`${url}/elsewhere`, { method: 'POST', body: '{}' })).status).toBe(404);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, articles: expect.any(Number) as number });
    const big = await fetch(`${url}/interactions`, { method: 'POST', body: 'x'.repeat((1 << 20) + 1) }).catch(() => undefined);
    if (big) expect(big.status).toBe(413);
    // Signed, but not an interaction: a clear 400.
    expect((await post(url, { hello: 'world' })).status).toBe(400);
  });

  it('runs a slash command through the registry, parser and Discord renderer, never pinging anyone', async () => {
    const { url } = await instance();
    const stats = await post(url, command(fake, 'stats'));
    expect(stats.status).toBe(200);
    expect(stats.json.type).toBe(4);
    expect(stats.json.data).toMatchObject({ allowed_mentions: { parse: [] }, components: [] });
    expect(embedsOf(stats)[0]?.title).toBe('Archive');
    // Hostile archive text is escaped, as in the gateway bot.
    const pelican = await post(url, command(fake, 'search', { query: 'pelican club notice' }));
    const text = JSON.stringify(pelican.json.data);
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('<@123>');
    expect(pelican.json.data).toMatchObject({ allowed_mentions: { parse: [] } });
    // `hide` makes it private.
    const hidden = await post(url, command(fake, 'stats', { hide: true }));
    expect(hidden.json.data?.flags).toBe(64);
    expect(logs.some((l) => l.msg === 'interaction' && l.command === 'stats' && l.outcome === 'answered')).toBe(true);
  });

  it('says what was wrong with bad options, privately, and refuses /reindex without Manage Server', async () => {
    const { url } = await instance();
    const bad = await post(url, command(fake, 'search', { query: 'harbor', limit: 0 }));
    expect(bad.json.type).toBe(4);
    expect(bad.json.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(String(bad.json.data?.content)).toMatch(/limit/);
    const unknown = await post(url, command(fake, 'nosuch'));
    expect(String(unknown.json.data?.content)).toMatch(/no \/nosuch command/);
    const reindex = await post(url, command(fake, 'reindex'));
    expect(reindex.json.data).toMatchObject({ flags: 64 });
    expect(String(reindex.json.data?.content)).toMatch(/Manage Server/);
    // With Manage Server (1 << 5) the command itself runs (this copy has no live archive to rebuild).
    const admin = command(fake, 'reindex');
    admin.member = { user: { id: USER }, permissions: String(1 << 5) };
    expect(String((await post(url, admin)).json.data?.content)).toMatch(/needs the live archive/);
  });

  it('applies the per-person allowance to expensive commands; a mistake does not use it up', async () => {
    const { url } = await instance({ cooldown: { runs: 1, seconds: 60 } });
    const me = snowflake();
    expect(String((await post(url, command(fake, 'search', { query: 'harbor', from: 'yesterday' }, me))).json.data?.content)).toMatch(/from/);
    expect((await post(url, command(fake, 'search', { query: 'harbor' }, me))).json.data?.flags).toBeUndefined();
    const again = await post(url, command(fake, 'search', { query: 'harbor' }, me));
    expect(again.json.data).toMatchObject({ flags: 64 });
    expect(String(again.json.data?.content)).toMatch(/try again in \d+ s/);
    // Cheap commands are never limited.
    expect((await post(url, command(fake, 'stats', {}, me))).json.data?.flags).toBeUndefined();
    expect((await post(url, command(fake, 'stats', {}, me))).json.data?.flags).toBeUndefined();
  });

  it('answers autocomplete with choices', async () => {
    const { url } = await instance();
    const payload = { ...base(fake, 4), data: { id: snowflake(), name: 'article', type: 1, options: [{ name: 'id', type: 3, value: 'harbor', focused: true }] } };
    const a = await post(url, payload);
    expect(a.json.type).toBe(8);
    const choices = (a.json.data?.choices ?? []) as Array<{ name: string; value: string }>;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
  });

  it('turns pages statelessly: a page button made by one copy is answered by another', async () => {
    const a = await instance();
    const b = await instance();
    const first = await post(a.url, command(fake, 'search', { query: 'harbor ships', limit: 9 }));
    expect(first.json.type).toBe(4);
    expect(first.json.data?.content).toBe('Page 1 of 3');
    const [prev, next] = buttons(first);
    expect(prev?.disabled).toBe(true);
    expect(next?.custom_id).toMatch(/^pg:1:search:/);
    expect(next?.custom_id.length).toBeLessThanOrEqual(100);

    // What page 2 should be: the same command rendered directly.
    const search = specs.get('search');
    const expected = search?.renderDiscord(await search.run(ctx, { query: 'harbor ships', limit: 9 } as never))[1];

    const second = await post(b.url, click(fake, next?.custom_id ?? ''));
    expect(second.json.type).toBe(7);
    expect(second.json.data?.content).toBe('Page 2 of 3');
    expect(embedsOf(second).map((e) => e.title)).toEqual(expected?.embeds.map((e) => e.title));
    expect(second.json.data).toMatchObject({ allowed_mentions: { parse: [] }, attachments: [] });
    const third = await post(a.url, click(fake, buttons(second)[1]?.custom_id ?? ''));
    expect(third.json.data?.content).toBe('Page 3 of 3');
    expect(buttons(third)[1]?.disabled).toBe(true);

    // Someone else's buttons, and forged or broken ids, get a private note and change nothing.
    const foreign = await post(b.url, click(fake, next?.custom_id ?? '', USER, OTHER_USER));
    expect(foreign.json).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(String(foreign.json.data?.content)).toMatch(/Only the person who ran \/search/);
    for (const forged of ['pg:1:nosuch:query=x', 'pg:1:search:query=x&query=y', 'page:abc:1', 'pg:1:search:query=%zz', `pg:1:search:query=${'x'.repeat(200)}`]) {
      const r = await post(b.url, click(fake, forged));
      expect(r.json).toMatchObject({ type: 4, data: { flags: 64 } });
    }
    const badValue = await post(b.url, click(fake, 'pg:1:search:query=harbor&limit=999'));
    expect(String(badValue.json.data?.content)).toMatch(/cannot be shown any more.*limit/);
  });

  it('a request too long for a custom id shows its first page and says why there are no buttons', async () => {
    const { url } = await instance();
    const query = `harbor ships ${'ferry '.repeat(16)}`.trim();
    const r = await post(url, command(fake, 'search', { query, limit: 9 }));
    expect(r.json.type).toBe(4);
    expect(r.json.data?.components).toEqual([]);
    expect(String(r.json.data?.content)).toMatch(/page buttons need shorter options/);
  });

  it('defers a slow answer (type 5) and edits it in through the webhook; charts are uploaded', async () => {
    const slow: CommandSpec = {
      name: 'slowpoke',
      description: 'answers after a while',
      options: {},
      run: () => new Promise((resolve) => setTimeout(() => resolve('done'), 150)),
      renderText: String,
      renderDiscord: () => [{ content: 'finally @everyone', embeds: [] }],
    };
    specs.set(slow.name, slow);
    try {
      const { url } = await instance({ deferAfterMs: 20 });
      const payload = command(fake, 'slowpoke');
      const first = await post(url, payload);
      expect(first.json).toEqual({ type: 5, data: {} });
      const edit = await fake.waitForWebhook(String(payload.token), 'PATCH');
      expect(edit.path).toBe(`/webhooks/${fake.applicationId}/${String(payload.token)}/messages/@original`);
      expect(edit.body).toMatchObject({ content: 'finally @everyone', allowed_mentions: { parse: [] } });
    } finally {
      specs.delete(slow.name);
    }

    // A mistake found after a public defer: the "thinking…" goes and the note is private.
    const late: CommandSpec = {
      name: 'latemistake',
      description: 'fails after a while',
      options: {},
      run: () => new Promise((_, reject) => setTimeout(() => reject(new UserError('no such thing, sorry', 'bad-option')), 100)),
      renderText: String,
      renderDiscord: () => [],
    };
    const broken: CommandSpec = { ...late, name: 'broken', run: () => Promise.reject(new Error('internal detail')) };
    specs.set(late.name, late).set(broken.name, broken);
    try {
      const { url } = await instance({ deferAfterMs: 20 });
      const payload = command(fake, 'latemistake');
      expect((await post(url, payload)).json).toEqual({ type: 5, data: {} });
      await fake.waitForWebhook(String(payload.token), 'DELETE');
      const note = await fake.waitForWebhook(String(payload.token), 'POST');
      expect(note.body).toMatchObject({ content: 'no such thing, sorry', flags: 64, allowed_mentions: { parse: [] } });
      const bug = await post(url, command(fake, 'broken'));
      expect(bug.json).toMatchObject({ type: 4, data: { flags: 64, content: GENERIC_ERROR } });
      expect(JSON.stringify(bug.json)).not.toContain('internal detail');
      expect(logs.some((l) => l.msg === 'bug while answering an interaction' && l.command === 'broken')).toBe(true);
    } finally {
      specs.delete(late.name);
      specs.delete(broken.name);
    }

    const { url } = await instance();
    const timeline = command(fake, 'timeline', { query: 'harbor' });
    const answer = await post(url, timeline);
    expect(answer.json.type).toBe(5);
    const upload = await fake.waitForWebhook(String(timeline.token), 'PATCH');
    expect(upload.files?.[0]?.filename).toBe('timeline.png');
    expect(upload.files?.[0]?.data.subarray(1, 4).toString()).toBe('PNG');
    expect(upload.body).toMatchObject({ allowed_mentions: { parse: [] }, attachments: [{ id: 0, filename: 'timeline.png' }] });
  });
});
