import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pino from 'pino';
import type { CommandContext } from '../src/commands/command.js';
import { loadCommands } from '../src/commands/registry.js';
import { startBot, type Bot } from '../src/discord/bot.js';
import type { CommandSpec } from '../src/commands/command.js';
import type { CooldownSettings } from '../src/config.js';
import type { Logger } from '../src/log.js';
import { openEngine } from '../src/open.js';
import { FAKE_TOKEN, FakeDiscord, type FakeOptions } from './fake-discord/server.js';

/** A 10,000-character paragraph: one reply must still fit Discord's limits. */
export const LONG_PARAGRAPH = Array.from({ length: 120 }, (_, i) => `The zeppelin hangar log entry ${i} records a long and careful inspection.`)
  .join(' ')
  .slice(0, 10_000);

/** Realistic little archive: dates, quotes, hostile markdown and mentions, a huge paragraph. */
export const FIXTURE: Record<string, string> = {
  '2020/ice-subpoenas': [
    'date 2020-01-19 Federal immigration authorities sent four subpoenas to New York City.',
    '',
    '“This is a last resort for us,” Henry Lucero, a senior immigration official, told reporters about the subpoena.',
    '',
    'The harbor police said the city would review the subpoenas on Monday.',
  ].join('\n'),
  '2021/pelican-club': [
    '---',
    'date: 2021-03-04',
    'title: Pelican club newsletter',
    'url: https://example.org/pelican',
    '---',
    'The pelican club wrote @everyone and <@123> in its notice, with **stars** and ||spoilers|| and [a masked link](https://evil.example/x).',
    '',
    'The harbor pelican count rose again this spring, members said.',
  ].join('\n'),
  '2022/zeppelin': ['date 2022-05-06', '', 'Zeppelin hangar reopens', '', LONG_PARAGRAPH, '', `${LONG_PARAGRAPH.slice(0, 3000)}`, '', 'The harbor zeppelin flew at dawn.'].join('\n'),
  ...Object.fromEntries(
    Array.from({ length: 8 }, (_, i) => [
      `2023/harbor-${i + 1}`,
      `date 2023-0${(i % 9) + 1}-1${i}\n\nHarbor report ${i + 1}\n\nThe harbor master counted ${i + 3} ships and a ferry in the harbor today.`,
    ]),
  ),
  undated: 'An undated note about the harbor ferry schedule.',
};

export function writeArchive(files: Record<string, string> = FIXTURE): string {
  const dir = mkdtempSync(join(tmpdir(), 'archive-bot-test-'));
  for (const [id, text] of Object.entries(files)) {
    const path = join(dir, `${id}.txt`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

/** A logger whose lines tests can read. */
export function memoryLogger(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino(
    { level: 'debug', redact: { paths: ['token', '*.token', 'config.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' } },
    {
      write(s: string) {
        const parsed: unknown = JSON.parse(s);
        if (typeof parsed === 'object' && parsed !== null) lines.push({ ...parsed });
      },
    },
  );
  return { log, lines };
}

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  ctx: CommandContext;
  commands: Map<string, CommandSpec>;
  logs: Array<Record<string, unknown>>;
  archiveDir: string;
  close(): Promise<void>;
}

/** The real bot (startBot, real discord.js client) logged into a fresh fake Discord over a fixture archive. */
export async function startHarness(
  opts: {
    extraCommands?: CommandSpec[];
    deferAfterMs?: number;
    ackBudgetMs?: number;
    now?: () => number;
    fake?: FakeOptions;
    cooldown?: CooldownSettings;
    restTimeoutMs?: number;
  } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start(opts.fake);
  const archiveDir = writeArchive();
  const { engine } = openEngine({ archiveDir });
  const commands = await loadCommands();
  for (const c of opts.extraCommands ?? []) commands.set(c.name, c);
  const { log, lines } = memoryLogger();
  const ctx = { engine };
  let bot: Bot;
  try {
    bot = await startBot({
      config: { token: FAKE_TOKEN, apiBase: fake.apiBase, ...(opts.cooldown ? { cooldown: opts.cooldown } : {}) },
      ...(opts.restTimeoutMs !== undefined ? { restTimeoutMs: opts.restTimeoutMs } : {}),
      ctx,
      commands,
      log,
      ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
      // By default no command counts as slow, so that replies are one request whatever the machine's load.
      ackBudgetMs: opts.ackBudgetMs ?? 60_000,
      ...(opts.now ? { now: opts.now } : {}),
    });
  } catch (e) {
    await fake.close();
    throw e;
  }
  return {
    fake,
    bot,
    ctx,
    commands,
    logs: lines,
    archiveDir,
    async close() {
      await bot.stop();
      await fake.close();
      rmSync(archiveDir, { recursive: true, force: true });
    },
  };
}
