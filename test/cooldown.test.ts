import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../src/commands/registry.js';
import { ConfigError, DEFAULT_COOLDOWN, readConfig } from '../src/config.js';
import { Cooldowns } from '../src/discord/cooldown.js';
import { FAKE_TOKEN, bodyOf } from './fake-discord/server.js';
import { startHarness, type Harness } from './helpers.js';

describe('Cooldowns (a burst allowance)', () => {
  it('GIVEN 3 runs per 10 s THEN three runs pass, the fourth waits until the oldest leaves the window', () => {
    let now = 0;
    const c = new Cooldowns({ runs: 3, seconds: 10 }, () => now);
    expect(c.take('u1', 'search')).toBe(0);
    now = 1000;
    expect(c.take('u1', 'search')).toBe(0);
    now = 2000;
    expect(c.take('u1', 'search')).toBe(0);
    now = 2500;
    expect(c.take('u1', 'search')).toBe(8);
    now = 9001;
    expect(c.take('u1', 'search')).toBe(1);
    now = 10_000;
    expect(c.take('u1', 'search')).toBe(0);
    expect(c.take('u1', 'search')).toBe(1);
  });

  it('GIVEN a refunded run THEN it does not count', () => {
    const c = new Cooldowns({ runs: 1, seconds: 10 }, () => 0);
    expect(c.take('u1', 'summary')).toBe(0);
    expect(c.take('u1', 'summary')).toBe(10);
    c.refund('u1', 'summary');
    expect(c.take('u1', 'summary')).toBe(0);
  });

  it('GIVEN a spent allowance THEN other users and other commands are not held back', () => {
    const c = new Cooldowns({ runs: 1, seconds: 5 }, () => 0);
    expect(c.take('u1', 'search')).toBe(0);
    expect(c.take('u1', 'search')).toBe(5);
    expect(c.take('u2', 'search')).toBe(0);
    expect(c.take('u1', 'ask')).toBe(0);
  });

  it('GIVEN 0 runs or 0 seconds THEN nobody is ever limited', () => {
    for (const settings of [
      { runs: 0, seconds: 15 },
      { runs: 5, seconds: 0 },
    ]) {
      const c = new Cooldowns(settings, () => 0);
      for (let i = 0; i < 20; i++) expect(c.take('u1', 'search')).toBe(0);
    }
  });

  it('GIVEN thousands of users over time THEN only those inside one window are remembered', () => {
    let now = 0;
    const c = new Cooldowns({ runs: 5, seconds: 2 }, () => now);
    for (let i = 0; i < 10_000; i++) {
      now = i * 10;
      c.take(`u${i}`, 'search');
    }
    // 2 s at one run per 10 ms: 200 live entries, plus the one just added.
    expect(c.size).toBeLessThanOrEqual(201);
  });

  it('GIVEN the commands THEN the expensive ones declare a cooldown on their spec and the cheap ones do not', async () => {
    const commands = await loadCommands();
    const limited = [...commands.values()].filter((c) => c.cooldown).map((c) => c.name).sort();
    expect(limited).toEqual(['ask', 'digest', 'search', 'summary', 'timeline']);
  });
});

describe('readConfig COOLDOWN_RUNS / COOLDOWN_SECONDS', () => {
  const base = { DISCORD_TOKEN: FAKE_TOKEN, ARCHIVE_DIR: 'seeds' };
  it('GIVEN nothing THEN the default; GIVEN values THEN those', () => {
    expect(readConfig(base).cooldown).toEqual(DEFAULT_COOLDOWN);
    expect(readConfig({ ...base, COOLDOWN_SECONDS: '0' }).cooldown.seconds).toBe(0);
    expect(readConfig({ ...base, COOLDOWN_SECONDS: '1.5', COOLDOWN_RUNS: '2' }).cooldown).toEqual({ runs: 2, seconds: 1.5 });
  });

  it.each([
    ['COOLDOWN_SECONDS', '-1'],
    ['COOLDOWN_SECONDS', 'soon'],
    ['COOLDOWN_SECONDS', '99999'],
    ['COOLDOWN_SECONDS', '3s'],
    ['COOLDOWN_RUNS', 'five'],
    ['COOLDOWN_RUNS', '1.5'],
    ['COOLDOWN_RUNS', '-2'],
  ])('GIVEN %s=%s THEN a ConfigError naming it', (name, v) => {
    expect(() => readConfig({ ...base, [name]: v })).toThrow(ConfigError);
    expect(() => readConfig({ ...base, [name]: v })).toThrow(new RegExp(name));
  });
});

describe('cooldown in the bot', () => {
  let clock = 1_000_000;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cooldown: { runs: 2, seconds: 10 }, now: () => clock });
  });
  afterAll(async () => {
    await h?.close();
  });

  const run = async (command: string, options: Record<string, string | number | boolean>, userId?: string): Promise<Record<string, unknown>> => {
    const sent = h.fake.dispatchInteraction({ type: 'command', command, options, ...(userId ? { userId } : {}) });
    const cb = await h.fake.waitForCallback(sent.id);
    expect(bodyOf(cb).type).toBe(4);
    const d = bodyOf(cb).data;
    return d !== null && typeof d === 'object' ? { ...d } : {};
  };

  it('GIVEN /search past the allowance THEN a private "try again in N s"; once the window moves on it answers again', async () => {
    expect((await run('search', { query: 'harbor' })).flags ?? 0).toBe(0);
    clock += 1000;
    expect((await run('search', { query: 'harbor' })).flags ?? 0).toBe(0);
    clock += 1500;
    const third = await run('search', { query: 'harbor' });
    expect(third.flags).toBe(64);
    expect(String(third.content)).toMatch(/try again in 8 s/);
    expect(third.allowed_mentions).toEqual({ parse: [] });
    await expect.poll(() => h.logs.find((l) => l.msg === 'interaction' && l.outcome === 'cooldown')).toBeTruthy();
    clock += 7500;
    const fourth = await run('search', { query: 'harbor' });
    expect(fourth.flags ?? 0).toBe(0);
    expect(JSON.stringify(fourth.embeds)).toContain('harbor');
  });

  it('GIVEN /summary then /summary article:<typo> within 3 s THEN "unknown article", and typos never use up the allowance', async () => {
    const user = '777777777777777777';
    expect((await run('summary', {}, user)).flags ?? 0).toBe(0);
    clock += 1000;
    for (let i = 0; i < 4; i++) {
      const typo = await run('summary', { article: '2020/ice-subpeonas' }, user);
      expect(typo.flags).toBe(64);
      expect(String(typo.content)).toMatch(/unknown article/);
    }
    // One real run is still free; the next one is over the allowance.
    expect((await run('summary', {}, user)).flags ?? 0).toBe(0);
    expect(String((await run('summary', {}, user)).content)).toMatch(/try again/);
  });

  it('GIVEN a typo whose private reply Discord answers slowly THEN the next run, sent as soon as the reply is seen, is not held back', async () => {
    // The refund must come before the reply: a script (or a fast user) acts on the reply at once,
    // while the bot may still be waiting for Discord to acknowledge it.
    const user = '888888888888888888';
    expect((await run('summary', {}, user)).flags ?? 0).toBe(0);
    const sent = h.fake.dispatchInteraction({ type: 'command', command: 'summary', options: { article: '2020/ice-subpeonas' }, userId: user });
    h.fake.injectOnce((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${sent.id}/`) && r.path.endsWith('/callback'), { status: 204, delayMs: 300 });
    const typo = bodyOf(await h.fake.waitForCallback(sent.id));
    expect(JSON.stringify(typo.data)).toMatch(/unknown article/);
    expect((await run('summary', {}, user)).flags ?? 0).toBe(0);
  });

  it('GIVEN a user over the allowance for /search THEN others can search, and they can still /ask, /stats and autocomplete', async () => {
    clock += 60_000;
    for (let i = 0; i < 2; i++) await run('search', { query: 'ferry' });
    expect((await run('search', { query: 'ferry' })).flags).toBe(64);
    expect((await run('search', { query: 'ferry' }, '888888888888888888')).flags ?? 0).toBe(0);
    expect((await run('ask', { question: 'Who counted ships?' })).flags ?? 0).toBe(0);
    for (let i = 0; i < 4; i++) expect((await run('stats', {})).flags ?? 0).toBe(0);
    for (let i = 0; i < 3; i++) {
      const ac = h.fake.dispatchInteraction({ type: 'autocomplete', command: 'article', options: { id: 'harbor' }, focused: 'id' });
      expect(bodyOf(await h.fake.waitForCallback(ac.id)).type).toBe(8);
    }
  });
});
