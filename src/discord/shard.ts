import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { Logger } from '../log.js';
import { FATAL_GATEWAY_EXIT } from './fatal.js';
import { prepareCache } from '../open.js';
import type { BotConfig } from '../config.js';
import { restOptions } from './rest.js';

/** Compiled (`npm run build` → dist/) or run from source by tsx (`npm run dev:sharded`, tests). */
const COMPILED = import.meta.url.endsWith('.js');

/** The script every shard runs: the ordinary entry point, which reads SHARDS/SHARD_COUNT like discord.js does. */
export const SHARD_SCRIPT = fileURLToPath(new URL(COMPILED ? '../main.js' : '../main.ts', import.meta.url));

/** Discord's recommended shard count, from `GET /gateway/bot` at the configured REST base. */
export async function recommendedShards(config: Pick<BotConfig, 'token' | 'apiBase'>): Promise<number> {
  // discord.js's fetchRecommendedShardCount always asks discord.com; this honours DISCORD_API_BASE.
  const rest = new REST({ ...restOptions(config), hashSweepInterval: 0, handlerSweepInterval: 0 }).setToken(config.token);
  const info: unknown = await rest.get(Routes.gatewayBot());
  const shards = typeof info === 'object' && info !== null && 'shards' in info && typeof info.shards === 'number' ? info.shards : NaN;
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`GET /gateway/bot gave no shard count (${JSON.stringify(info).slice(0, 200)})`);
  return shards;
}

/**
 * Builds the index once if the cache is not current (so every shard loads it from the cache), then starts the shards, each
 * a child process running the bot. Returns the manager; `stop` kills the shards.
 */
export async function startSharded(
  config: BotConfig,
  log: Logger,
  /** A shard exited because its gateway closed for good: every shard would be refused too. */
  onFatal: (shard: number) => void = () => {},
  /** Given how to stop the shards as soon as the first is launched: a shard answers (loading) before they all are ready. */
  onStop: (stop: () => Promise<void>) => void = () => {},
): Promise<{ manager: ShardingManager; stop(): Promise<void> }> {
  // Only the cache file is made sure of: the shards load it (answering /stats meanwhile), not this process.
  const prepared = prepareCache({ archiveDir: config.archiveDir, cachePath: config.cachePath, log, maxArticleBytes: config.maxArticleBytes });
  log.info({ source: prepared.source, cache: config.cachePath }, 'index ready for the shards');
  const totalShards = config.shardCount ?? (await recommendedShards(config));
  const manager = new ShardingManager(SHARD_SCRIPT, {
    token: config.token,
    totalShards,
    mode: 'process',
    respawn: true,
    // From source, the shards run TypeScript too: give them tsx's loader (the build needs none).
    execArgv: COMPILED ? [] : ['--import', import.meta.resolve('tsx')],
  });
  manager.on('shardCreate', (shard) => {
    // Each shard gets this process's environment from discord.js; point it at the very cache file built above.
    if (typeof shard.env === 'object' && shard.env !== null) Object.assign(shard.env, { INDEX_CACHE: config.cachePath, ARCHIVE_DIR: config.archiveDir });
    log.info({ shard: shard.id, totalShards }, 'shard launched');
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : null;
      log.warn({ shard: shard.id, code }, 'shard process exited');
      if (code === FATAL_GATEWAY_EXIT) {
        manager.respawn = false;
        log.fatal({ shard: shard.id }, 'a shard lost its gateway for good (see its log); stopping every shard');
        // discord.js respawns this shard right after 'death': let that happen, then stop it too.
        setImmediate(() => onFatal(shard.id));
      }
    });
  });
  const stop = async (): Promise<void> => {
    manager.respawn = false;
    const exits = [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          // SIGTERM: each shard destroys its client and flushes its logs (see main.ts).
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  };
  onStop(stop);
  await manager.spawn({ timeout: 60_000 });
  log.info({ totalShards }, 'all shards ready');
  return { manager, stop };
}
