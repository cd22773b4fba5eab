import { ConfigError, loadEnv, readConfig, type BotConfig } from './config.js';
import { FATAL_GATEWAY_EXIT } from './discord/fatal.js';
import { startSharded } from './discord/shard.js';
import { createLogger } from './log.js';
import { exitOnSignals } from './shutdown.js';

let config: BotConfig;
try {
  config = readConfig(loadEnv(), { token: true });
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
const log = createLogger(config.logLevel);
let sharded: Awaited<ReturnType<typeof startSharded>>;
try {
  sharded = await startSharded(config, log, () => {
    void sharded.stop().finally(() => {
      log.flush();
      process.exit(FATAL_GATEWAY_EXIT);
    });
  });
} catch (e) {
  log.fatal({ err: e }, `could not start the shards: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

exitOnSignals(log, 'the shards', () => sharded.stop(), 5000);
