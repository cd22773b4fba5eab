import { DEFAULT_MAX_ARTICLE_BYTES } from './archive/load.js';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import dotenv from 'dotenv';

export type Env = Readonly<Record<string, string | undefined>>;

/** A burst allowance per person and command: `runs` within `seconds` (0 runs: no limit). */
export interface CooldownSettings {
  runs: number;
  seconds: number;
}

/** Used when COOLDOWN_RUNS / COOLDOWN_SECONDS are not set. */
export const DEFAULT_COOLDOWN: CooldownSettings = { runs: 5, seconds: 15 };

/** Everything any entry point (bot, shards, deploy-commands, command line) reads from the environment. */
export interface Config {
  token?: string;
  clientId?: string;
  guildId?: string;
  /** REST base without the version (`https://discord.com/api`, or a proxy / local fake). */
  apiBase?: string;
  archiveDir: string;
  cachePath: string;
  logLevel: string;
  /** `start:sharded` only: a fixed shard count instead of Discord's recommendation. */
  shardCount?: number;
  /** Set by discord.js's sharding manager in each shard process: the shard ids it runs. */
  shards?: string;
  /** The per-person allowance on commands whose spec says `cooldown: true`. */
  cooldown: CooldownSettings;
  /** Article files larger than this many bytes are skipped with a warning (MAX_ARTICLE_BYTES). */
  maxArticleBytes: number;
}

/** The configuration of a process that connects to Discord: the token is there. */
export type BotConfig = Config & { token: string };

/** What the caller needs beyond the defaults. */
export interface ConfigNeeds {
  /** The bot token (bot, shards, deploy-commands). */
  token?: boolean;
  /** The application id (deploy-commands). */
  clientId?: boolean;
  /** ARCHIVE_DIR must be a folder now (the command line reports a missing archive itself, as a setup error). */
  archive?: boolean;
  /** LOG_LEVEL when unset: the bot logs info, the command line only warnings. */
  logLevel?: string;
}

/** One message naming every missing or malformed variable, so a newcomer fixes them all at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`configuration: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the environment (.env):\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
  }
}

/**
 * The environment of this process: `.env` in the working folder, under the real environment
 * (which wins, as dotenv does it). The only place that reads `process.env`; nothing writes it.
 */
export function loadEnv(path = '.env'): Env {
  const fromFile: Record<string, string> = {};
  dotenv.config({ path, processEnv: fromFile, quiet: true });
  return { ...fromFile, ...process.env };
}

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
// A bot token is three base64url parts joined by dots; checking the shape catches pasted client secrets.
const TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;
const SNOWFLAKE = /^\d{17,20}$/;

export function readConfig(env: Env, need: ConfigNeeds & { token: true }): BotConfig;
export function readConfig(env: Env, need?: ConfigNeeds): Config;
/**
 * Reads and checks the configuration once, for every entry point. Throws one ConfigError naming
 * every bad variable. The token is never echoed.
 */
export function readConfig(env: Env, need: ConfigNeeds = {}): Config {
  const problems: string[] = [];
  const val = (k: string): string | undefined => {
    const v = env[k]?.trim();
    return v ? v : undefined;
  };

  const token = val('DISCORD_TOKEN');
  if (!token && need.token) problems.push('DISCORD_TOKEN is missing: the bot token from the Developer Portal (your application → Bot → Reset Token)');
  else if (token && !TOKEN_SHAPE.test(token.replace(/^Bot\s+/i, ''))) {
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

  const logLevel = val('LOG_LEVEL') ?? need.logLevel ?? 'info';
  if (!LOG_LEVELS.has(logLevel)) problems.push(`LOG_LEVEL must be one of ${[...LOG_LEVELS].join(', ')} (got "${logLevel.slice(0, 20)}")`);

  const shards = val('SHARD_COUNT');
  let shardCount: number | undefined;
  if (shards !== undefined) {
    shardCount = /^\d+$/.test(shards) ? Number(shards) : NaN;
    if (!Number.isInteger(shardCount) || shardCount < 1) problems.push(`SHARD_COUNT must be a whole number of at least 1, or empty for Discord's recommendation (got "${shards.slice(0, 20)}")`);
  }

  const runs = val('COOLDOWN_RUNS');
  const cooldown = { ...DEFAULT_COOLDOWN };
  if (runs !== undefined) {
    cooldown.runs = /^\d+$/.test(runs) ? Number(runs) : NaN;
    if (!(cooldown.runs >= 0 && cooldown.runs <= 1000)) {
      problems.push(`COOLDOWN_RUNS must be a whole number of runs from 0 (no limit) to 1000, or empty for ${DEFAULT_COOLDOWN.runs} (got "${runs.slice(0, 20)}")`);
    }
  }
  const seconds = val('COOLDOWN_SECONDS');
  if (seconds !== undefined) {
    cooldown.seconds = /^\d+(\.\d+)?$/.test(seconds) ? Number(seconds) : NaN;
    if (!(cooldown.seconds >= 0 && cooldown.seconds <= 3600)) {
      problems.push(`COOLDOWN_SECONDS must be a number of seconds from 0 (no limit) to 3600, or empty for ${DEFAULT_COOLDOWN.seconds} (got "${seconds.slice(0, 20)}")`);
    }
  }

  const maxBytes = val('MAX_ARTICLE_BYTES');
  let maxArticleBytes = DEFAULT_MAX_ARTICLE_BYTES;
  if (maxBytes !== undefined) {
    maxArticleBytes = /^\d+$/.test(maxBytes) ? Number(maxBytes) : NaN;
    if (!(maxArticleBytes >= 1024 && maxArticleBytes <= 2 ** 30)) {
      problems.push(`MAX_ARTICLE_BYTES must be a whole number of bytes from 1024 to 1073741824, or empty for ${DEFAULT_MAX_ARTICLE_BYTES} (got "${maxBytes.slice(0, 20)}")`);
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  const config: Config = { archiveDir, cachePath: val('INDEX_CACHE') ?? defaultCachePath(archiveDir), logLevel, cooldown, maxArticleBytes };
  if (token) config.token = token.replace(/^Bot\s+/i, '');
  if (clientId) config.clientId = clientId;
  if (guildId) config.guildId = guildId;
  if (apiBase) config.apiBase = apiBase.replace(/\/+$/, '');
  if (shardCount !== undefined) config.shardCount = shardCount;
  const shardIds = val('SHARDS');
  if (shardIds) config.shards = shardIds;
  return config;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The default cache file for an archive folder: one per folder, so switching archives keeps both. */
export function defaultCachePath(archiveDir: string): string {
  const abs = resolve(archiveDir);
  const tag = createHash('sha256').update(abs).digest('hex').slice(0, 10);
  const base = abs.split(/[\\/]/).filter(Boolean).pop() ?? 'archive';
  return resolve('.cache', `${base.replace(/[^\w.-]/g, '_')}-${tag}.index`);
}
