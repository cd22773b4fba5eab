import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../src/commands/registry.js';
import type { CommandSpec } from '../src/commands/command.js';
import { slashJSON } from '../src/discord/slash.js';
import { COMMAND_LIMITS, commandProblems, runDeploy } from '../src/discord/deploy.js';
import { FAKE_TOKEN, FakeDiscord } from './fake-discord/server.js';
import { spawnEntry } from './spawn.js';

let fake: FakeDiscord;
let commands: Map<string, CommandSpec>;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  commands = await loadCommands();
});
afterAll(async () => {
  await fake?.close();
});

function io(): { stdout: { write(s: string): void }; stderr: { write(s: string): void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: { write: (s) => void out.push(s) }, stderr: { write: (s) => void err.push(s) }, out, err };
}

describe('commandProblems', () => {
  it('GIVEN every command in commands/ THEN each name, description and option is within Discord limits', () => {
    expect(commandProblems(commands.values())).toEqual([]);
    for (const c of commands.values()) {
      const json = slashJSON(c);
      expect(json.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(json.description.length).toBeGreaterThan(0);
      expect(json.description.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
      expect((json.options ?? []).length).toBeLessThanOrEqual(COMMAND_LIMITS.options);
      for (const o of json.options ?? []) {
        expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
      }
      expect(json.options?.some((o) => o.name === 'hide')).toBe(true);
    }
  });
});

describe('runDeploy', () => {
  const env = (): Record<string, string> => ({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_BASE: fake.apiBase });

  it('GIVEN DISCORD_GUILD_ID THEN registers every command in that server and prints them', async () => {
    const o = io();
    expect(await runDeploy({ ...env(), DISCORD_GUILD_ID: fake.guildId }, commands, o)).toBe(0);
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(Array.isArray(put.body) && put.body.length).toBe(commands.size);
    expect(o.out.join('')).toContain(`in server ${fake.guildId}`);
    for (const name of commands.keys()) expect(o.out.join('')).toContain(`/${name}`);
  });

  it('GIVEN no DISCORD_GUILD_ID THEN registers globally', async () => {
    const o = io();
    expect(await runDeploy(env(), commands, o)).toBe(0);
    expect(fake.registered.get('global')?.length).toBe(commands.size);
    expect(o.out.join('')).toContain('globally');
  });

  it('GIVEN a missing DISCORD_CLIENT_ID and a malformed DISCORD_GUILD_ID THEN exit 1 naming both, nothing sent', async () => {
    const o = io();
    const before = fake.requests.length;
    expect(await runDeploy({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_GUILD_ID: 'my-server', DISCORD_API_BASE: fake.apiBase }, commands, o)).toBe(1);
    expect(o.err.join('')).toMatch(/DISCORD_CLIENT_ID is missing/);
    expect(o.err.join('')).toMatch(/DISCORD_GUILD_ID must be/);
    expect(fake.requests.length).toBe(before);
  });

  it('GIVEN Discord refuses the token THEN exit 1 with the reason, and the token is not printed', async () => {
    const wrong = 'wrong-token-for-the-tests.test.not-a-discord-token-either';
    const o = io();
    expect(await runDeploy({ ...env(), DISCORD_TOKEN: wrong }, commands, o)).toBe(1);
    expect(o.err.join('')).toMatch(/HTTP 401/);
    expect(o.err.join('')).toMatch(/DISCORD_TOKEN is wrong/);
    expect(o.err.join('') + o.out.join('')).not.toContain(wrong);
  });
});

describe('npm run deploy-commands (the entry point)', () => {
  it('GIVEN the fake Discord THEN exits 0 and prints what it registered; GIVEN a refusal THEN exits 1', async () => {
    const ok = spawnEntry('src/deploy-commands.ts', {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_BASE: fake.apiBase,
    });
    expect(await ok.exit).toBe(0);
    expect(ok.out()).toMatch(/Registered \d+ commands in server/);

    const bad = spawnEntry('src/deploy-commands.ts', { DISCORD_TOKEN: 'not-a-token', DISCORD_API_BASE: fake.apiBase });
    expect(await bad.exit).toBe(1);
    expect(bad.err()).toMatch(/DISCORD_TOKEN does not look like a bot token/);
    expect(bad.err()).toMatch(/DISCORD_CLIENT_ID is missing/);
  }, 60_000);
});
