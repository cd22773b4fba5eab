import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCommands } from '../src/commands/registry.js';
import { startBot, type Bot } from '../src/discord/bot.js';
import { makeHttpRouter } from '../src/http/router.js';
import { startHttpServer, type HttpEndpoint } from '../src/http/server.js';
import { InteractionWebhook } from '../src/http/webhook.js';
import { LoadingArchive } from '../src/loading.js';
import { openEngineAsync, type OpenOptions } from '../src/open.js';
import { serveArchive, type ServedArchive } from '../src/serve.js';
import { FAKE_TOKEN, FakeDiscord, bodyOf, snowflake, type RecordedRequest } from './fake-discord/server.js';
import { memoryLogger, writeArchive } from './helpers.js';

/**
 * A bot that comes online before its archive has loaded: /stats reports the load, every other
 * command gets a private "still loading" note (no cooldown used), and once the load is done
 * everything answers as usual. The load is held open by an open step the test releases.
 */

const EPHEMERAL = 64;

/** An open step that reports some progress, then waits for the test before really opening. */
function heldOpen(): { open: (opts: OpenOptions) => Promise<Awaited<ReturnType<typeof openEngineAsync>>>; release: () => void } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    open: async (opts) => {
      opts.progress?.('reading the cache', 50, 100);
      opts.articlesRead?.(7);
      await gate;
      return openEngineAsync(opts);
    },
    release,
  };
}

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(): Promise<{ archive: ServedArchive; release: () => void; archiveDir: string }> {
  const archiveDir = writeArchive();
  const { open, release } = heldOpen();
  const archive = serveArchive({ archiveDir, log: memoryLogger().log, open });
  cleanup.push(() => rmSync(archiveDir, { recursive: true, force: true }));
  cleanup.push(async () => {
    release();
    await archive.ready.catch(() => undefined);
    await archive.close();
  });
  return { archive, release, archiveDir };
}

describe('the gateway bot while the archive loads', () => {
  let fake: FakeDiscord;
  let bot: Bot;

  async function online(archive: ServedArchive): Promise<void> {
    fake = await FakeDiscord.start();
    bot = await startBot({
      config: { token: FAKE_TOKEN, apiBase: fake.apiBase, cooldown: { runs: 1, seconds: 600 } },
      ctx: archive.ctx,
      commands: await loadCommands(),
      log: memoryLogger().log,
      ackBudgetMs: 60_000,
    });
    cleanup.push(async () => {
      await bot.stop();
      await fake.close();
    });
  }

  const command = async (name: string, options: Record<string, string | number | boolean> = {}, userId = 'u1'): Promise<RecordedRequest> => {
    const sent = fake.dispatchInteraction({ type: 'command', command: name, options, userId });
    return fake.waitForCallback(sent.id);
  };
  const data = (r: RecordedRequest): Record<string, unknown> => (bodyOf(r).data ?? {}) as Record<string, unknown>;

  it('GIVEN a load held open THEN the bot is online, /stats shows the load and other commands ask to try again; once loaded all answer', async () => {
    const { archive, release } = await setup();
    await online(archive);
    expect(archive.ctx.isReady).toBe(false);

    const stats = data(await command('stats'));
    const embed = (stats.embeds as Array<{ title: string; description: string; fields: Array<{ name: string; value: string }> }>)[0];
    expect(embed?.title).toBe('Archive (loading)');
    expect(embed?.description).toContain('reading the cache');
    // Half of the cache read is 30% of the whole load (reading is the first 60%).
    expect(embed?.fields).toEqual(expect.arrayContaining([{ name: 'Progress', value: '30%', inline: true }, { name: 'Articles read', value: '7', inline: true }]));
    expect(embed?.fields.find((f) => f.name === 'Elapsed')?.value).toMatch(/^\d+(\.\d)? s$/);

    // /search has a cooldown of one run: two refusals while loading use none of it.
    for (let i = 0; i < 2; i++) {
      const refused = data(await command('search', { query: 'harbor' }));
      expect(refused.flags).toBe(EPHEMERAL);
      expect(refused.content).toBe('The archive is still loading (30%); try again in a moment.');
      expect(refused.allowed_mentions).toEqual({ parse: [] });
    }
    for (const [name, options] of [['article', { id: '2021/pelican-club' }], ['speakers', {}], ['reindex', {}]] as const) {
      const reply = data(await command(name, options));
      expect(reply.flags).toBe(EPHEMERAL);
      expect(String(reply.content)).toMatch(/still loading|Manage Server/);
    }
    const auto = fake.dispatchInteraction({ type: 'autocomplete', command: 'article', options: { id: 'pel' }, focused: 'id', userId: 'u1' });
    expect(bodyOf(await fake.waitForCallback(auto.id))).toMatchObject({ type: 8, data: { choices: [] } });

    release();
    await archive.ready;
    expect(archive.ctx.isReady).toBe(true);
    const hits = data(await command('search', { query: 'pelican count' }));
    expect(hits.flags ?? 0).toBe(0);
    expect(JSON.stringify(hits)).toContain('2021/pelican-club');
    const after = data(await command('stats'));
    expect(JSON.stringify(after)).toContain('"title":"Archive"');
    expect(JSON.stringify(after)).toContain('{"name":"Articles","value":"12","inline":true}');
    const auto2 = fake.dispatchInteraction({ type: 'autocomplete', command: 'article', options: { id: 'pel' }, focused: 'id', userId: 'u1' });
    expect(JSON.stringify(bodyOf(await fake.waitForCallback(auto2.id)))).toContain('2021/pelican-club');
  });

  it('GIVEN the load fails THEN ready rejects with its error (the entry point exits with it) and the bot keeps saying it is loading', async () => {
    const archive = serveArchive({ archiveDir: '/nonexistent/archive-bot-test', log: memoryLogger().log });
    await expect(archive.ready).rejects.toThrow(/archive/i);
    expect(archive.ctx.loading()).toMatchObject({ loading: true });
    expect(() => archive.ctx.engine).toThrow(/still loading/);
  });
});

describe('LoadingArchive', () => {
  it('GIVEN phases reported THEN the percent covers the whole load, stays below 100 until ready, and elapsed follows the clock', () => {
    let t = 1000;
    const l = new LoadingArchive(() => t);
    l.update('reading files', 10, 10);
    expect(l.loading()).toMatchObject({ phase: 'reading files', percent: 35 });
    l.update('indexing articles', 1, 2);
    expect(l.loading()?.percent).toBe(62);
    l.update('writing the cache', 1, 1);
    t = 4500;
    expect(l.loading()).toEqual({ loading: true, phase: 'writing the cache', percent: 99, articles: 0, elapsedMs: 3500 });
    l.update('something else', 0, 1);
    expect(l.loading()).toMatchObject({ phase: 'something else', percent: 99 });
    return expect(l.reindex()).rejects.toThrow(/still loading \(99%\)/);
  });
});

describe('the HTTP endpoint while the archive loads', () => {
  it('GIVEN a load held open THEN signed /stats shows the load, /search asks to try again, healthz says loading; once loaded they answer', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
    const fake = await FakeDiscord.start();
    const { archive, release } = await setup();
    const { log } = memoryLogger();
    const route = makeHttpRouter({ commands: await loadCommands(), ctx: archive.ctx, log, webhook: new InteractionWebhook({ apiBase: fake.apiBase }), cooldown: { runs: 1, seconds: 600 } });
    const endpoint: HttpEndpoint = await startHttpServer({ publicKey: publicHex, host: '127.0.0.1', port: 0, route, log, health: () => archive.health() });
    cleanup.push(async () => {
      await endpoint.stop();
      await fake.close();
    });
    const post = async (name: string, options: Record<string, string> = {}): Promise<{ type?: number; data?: Record<string, unknown> }> => {
      const payload = {
        id: snowflake(),
        application_id: fake.applicationId,
        token: `itoken-${randomBytes(8).toString('hex')}`,
        type: 2,
        version: 1,
        guild_id: fake.guildId,
        member: { user: { id: 'u1' }, permissions: '0' },
        data: { id: snowflake(), name, type: 1, options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })) },
      };
      const body = JSON.stringify(payload);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      const res = await fetch(`${endpoint.url}/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, 'x-signature-ed25519': signature }, body });
      expect(res.status).toBe(200);
      return (await res.json()) as { type?: number; data?: Record<string, unknown> };
    };
    const health = async (): Promise<Record<string, unknown>> => (await (await fetch(`${endpoint.url}/healthz`)).json()) as Record<string, unknown>;

    expect(await health()).toMatchObject({ ok: true, loading: { loading: true, percent: 30, articles: 7, phase: 'reading the cache' } });
    const stats = await post('stats');
    expect(stats.type).toBe(4);
    expect(JSON.stringify(stats.data)).toContain('Archive (loading)');
    for (let i = 0; i < 2; i++) {
      const refused = await post('search', { query: 'harbor' });
      expect(refused).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: 'The archive is still loading (30%); try again in a moment.' } });
    }

    release();
    await archive.ready;
    expect(await health()).toEqual({ ok: true, articles: 12 });
    const hits = await post('search', { query: 'pelican count' });
    expect(hits.data?.flags ?? 0).toBe(0);
    expect(JSON.stringify(hits.data)).toContain('2021/pelican-club');
  });
});
