import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readBotConfig } from '../src/discord/config.js';
import { COOLDOWN_CLASSES, Cooldowns, DEFAULT_COOLDOWN_SECONDS } from '../src/discord/cooldown.js';
import { FAKE_TOKEN, bodyOf } from './fake-discord/server.js';
import { startHarness, type Harness } from './helpers.js';

describe('Cooldowns', () => {
  it('GIVEN a run THEN the same user and command wait the cooldown out, rounded up to whole seconds', () => {
    let now = 0;
    const c = new Cooldowns(5, () => now);
    expect(c.take('u1', 'search')).toBe(0);
    now = 100;
    expect(c.take('u1', 'search')).toBe(5);
    now = 4001;
    expect(c.take('u1', 'search')).toBe(1);
    now = 5000;
    expect(c.take('u1', 'search')).toBe(0);
  });

  it('GIVEN a run THEN other users, other expensive commands and cheap commands are not held back', () => {
    const c = new Cooldowns(5, () => 0);
    expect(c.take('u1', 'search')).toBe(0);
    expect(c.take('u2', 'search')).toBe(0);
    expect(c.take('u1', 'ask')).toBe(0);
    for (let i = 0; i < 5; i++) {
      expect(c.take('u1', 'stats')).toBe(0);
      expect(c.take('u1', 'article')).toBe(0);
    }
  });

  it('GIVEN 0 seconds THEN nobody is ever limited', () => {
    const c = new Cooldowns(0, () => 0);
    for (let i = 0; i < 5; i++) expect(c.take('u1', 'search')).toBe(0);
  });

  it('GIVEN thousands of users over time THEN only those inside one cooldown are remembered', () => {
    let now = 0;
    const c = new Cooldowns(2, () => now);
    for (let i = 0; i < 10_000; i++) {
      now = i * 10;
      c.take(`u${i}`, 'search');
    }
    // 2 s at one run per 10 ms: 200 live entries, plus the one just added.
    expect(c.size).toBeLessThanOrEqual(201);
  });

  it('GIVEN the expensive commands of the issue THEN each has a class', () => {
    for (const name of ['search', 'ask', 'summary', 'digest', 'timeline']) expect(COOLDOWN_CLASSES.has(name)).toBe(true);
  });
});

describe('readBotConfig COOLDOWN_SECONDS', () => {
  const base = { DISCORD_TOKEN: FAKE_TOKEN, ARCHIVE_DIR: 'seeds' };
  it('GIVEN nothing THEN the default; GIVEN 0 or 1.5 THEN that', () => {
    expect(readBotConfig(base).cooldownSeconds).toBe(DEFAULT_COOLDOWN_SECONDS);
    expect(readBotConfig({ ...base, COOLDOWN_SECONDS: '0' }).cooldownSeconds).toBe(0);
    expect(readBotConfig({ ...base, COOLDOWN_SECONDS: '1.5' }).cooldownSeconds).toBe(1.5);
  });

  it.each(['-1', 'soon', '99999', '3s'])('GIVEN %s THEN a ConfigError naming COOLDOWN_SECONDS', (v) => {
    expect(() => readBotConfig({ ...base, COOLDOWN_SECONDS: v })).toThrow(ConfigError);
    expect(() => readBotConfig({ ...base, COOLDOWN_SECONDS: v })).toThrow(/COOLDOWN_SECONDS/);
  });
});

describe('cooldown in the bot', () => {
  let clock = 1_000_000;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cooldownSeconds: 10, now: () => clock });
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

  it('GIVEN /search twice in a row THEN the second gets a private "try again in N s"; after the wait it answers again', async () => {
    const first = await run('search', { query: 'harbor' });
    expect(first.flags ?? 0).toBe(0);
    clock += 2500;
    const second = await run('search', { query: 'harbor' });
    expect(second.flags).toBe(64);
    expect(String(second.content)).toMatch(/try again in 8 s/);
    expect(second.allowed_mentions).toEqual({ parse: [] });
    await expect.poll(() => h.logs.find((l) => l.msg === 'interaction' && l.outcome === 'cooldown')).toBeTruthy();
    clock += 7500;
    const third = await run('search', { query: 'harbor' });
    expect(third.flags ?? 0).toBe(0);
    expect(JSON.stringify(third.embeds)).toContain('harbor');
  });

  it('GIVEN a user in cooldown for /search THEN others can search, and they can still /ask, /stats and autocomplete', async () => {
    await run('search', { query: 'ferry' });
    expect((await run('search', { query: 'ferry' })).flags).toBe(64);
    expect((await run('search', { query: 'ferry' }, '888888888888888888')).flags ?? 0).toBe(0);
    expect((await run('ask', { question: 'Who counted ships?' })).flags ?? 0).toBe(0);
    expect((await run('stats', {})).flags ?? 0).toBe(0);
    expect((await run('stats', {})).flags ?? 0).toBe(0);
    for (let i = 0; i < 3; i++) {
      const ac = h.fake.dispatchInteraction({ type: 'autocomplete', command: 'article', options: { id: 'harbor' }, focused: 'id' });
      expect(bodyOf(await h.fake.waitForCallback(ac.id)).type).toBe(8);
    }
  });
});
