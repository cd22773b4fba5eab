import { statSync } from 'node:fs';
import { defaultCachePath } from '../config.js';
import { DEFAULT_COOLDOWN_SECONDS } from './cooldown.js';

/** Everything the bot, deploy-commands and the shard manager read from the environment. */
export interface BotConfig {
  token: string;
  clientId?: string;
  guildId?: string;
  /** REST base without the version (`https://discord.com/api`, or a proxy / local fake). */
  apiBase?: string;
  archiveDir: string;
  cachePath: string;
  logLevel: string;
  /** `start:sharded` only: a fixed shard count instead of Discord's recommendation. */
  shardCount?: number;
  /** Seconds a person waits between two runs of one expensive command (/search, /ask, …); 0 = no limit. */
  cooldownSeconds: number;
}

/** One message naming every missing or malformed variable, so a newcomer fixes them all at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`configuration: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the environment (.env):\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
// A bot token is three base64url parts joined by dots; checking the shape catches pasted client secrets.
const TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;
const SNOWFLAKE = /^\d{17,20}$/;

/**
 * Reads and checks the configuration once. `need` says what the caller requires beyond the
 * token: deploy-commands needs the application id and no archive. The token is never echoed.
 */
export function readBotConfig(env: Env, need: { clientId?: boolean; archive?: boolean } = {}): BotConfig {
  const problems: string[] = [];
  const val = (k: string): string | undefined => {
    const v = env[k]?.trim();
    return v ? v : undefined;
  };

  const token = val('DISCORD_TOKEN');
  if (!token) problems.push('DISCORD_TOKEN is missing: the bot token from the Developer Portal (your application → Bot → Reset Token)');
  else if (!TOKEN_SHAPE.test(token.replace(/^Bot\s+/i, ''))) {
    problems.push('DISCORD_TOKEN does not look like a bot token (three parts separated by dots); did you paste the client secret or the public key?');
  }

  const clientId = val('DISCORD_CLIENT_ID');
  if (!clientId && need.clientId) problems.push('DISCORD_CLIENT_ID is missing: the application id (Developer Portal → General Information)');
  else if (clientId && !SNOWFLAKE.test(clientId)) problems.push(`DISCORD_CLIENT_ID must be a numeric id of 17-20 digits (got "${clientId.slice(0, 40)}")`);

  const guildId = val('DISCORD_GUILD_ID');
  if (guildId && !SNOWFLAKE.test(guildId)) problems.push(`DISCORD_GUILD_ID must be a numeric server id of 17-20 digits, or empty (got "${guildId.slice(0, 40)}")`);

  const apiBase = val('DISCORD_API_BASE');
  if (apiBase) {
    let url: URL | undefined;
    try {
      url = new URL(apiBase);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      problems.push(`DISCORD_API_BASE must be an http(s) URL such as https://discord.com/api (got "${apiBase.slice(0, 80)}")`);
    }
  }

  const archiveDir = val('ARCHIVE_DIR') ?? 'seeds';
  if (need.archive !== false && !isDir(archiveDir)) problems.push(`ARCHIVE_DIR is not a folder: ${archiveDir}`);

  const logLevel = val('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.has(logLevel)) problems.push(`LOG_LEVEL must be one of ${[...LOG_LEVELS].join(', ')} (got "${logLevel.slice(0, 20)}")`);

  const shards = val('SHARD_COUNT');
  let shardCount: number | undefined;
  if (shards !== undefined) {
    shardCount = /^\d+$/.test(shards) ? Number(shards) : NaN;
    if (!Number.isInteger(shardCount) || shardCount < 1) problems.push(`SHARD_COUNT must be a whole number of at least 1, or empty for Discord's recommendation (got "${shards.slice(0, 20)}")`);
  }

  const cooldown = val('COOLDOWN_SECONDS');
  let cooldownSeconds = DEFAULT_COOLDOWN_SECONDS;
  if (cooldown !== undefined) {
    cooldownSeconds = /^\d+(\.\d+)?$/.test(cooldown) ? Number(cooldown) : NaN;
    if (!(cooldownSeconds >= 0 && cooldownSeconds <= 3600)) {
      problems.push(`COOLDOWN_SECONDS must be a number of seconds from 0 (no limit) to 3600, or empty for ${DEFAULT_COOLDOWN_SECONDS} (got "${cooldown.slice(0, 20)}")`);
    }
  }

  if (problems.length > 0 || !token) throw new ConfigError(problems);
  const config: BotConfig = {
    token: token.replace(/^Bot\s+/i, ''),
    archiveDir,
    cachePath: val('INDEX_CACHE') ?? defaultCachePath(archiveDir),
    logLevel,
    cooldownSeconds,
  };
  if (clientId) config.clientId = clientId;
  if (guildId) config.guildId = guildId;
  if (apiBase) config.apiBase = apiBase.replace(/\/+$/, '');
  if (shardCount !== undefined) config.shardCount = shardCount;
  return config;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** REST options for discord.js / @discordjs/rest: API v10, at the configured base when there is one. */
export function restOptions(config: Pick<BotConfig, 'apiBase'>): { version: '10'; api?: string } {
  return config.apiBase ? { version: '10', api: config.apiBase } : { version: '10' };
}
