// First: warns when dist/ is older than the sources it was built from.
import './stale-build.js';
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
// Signals are heard from the start: the shards come online (answering while they load) before they are all ready.
let stop: (() => Promise<void>) | undefined;
exitOnSignals(log, 'the shards', () => stop?.() ?? Promise.resolve(), 5000);
try {
  await startSharded(
    config,
    log,
    () => {
      void (stop?.() ?? Promise.resolve()).finally(() => {
        log.flush();
        process.exit(FATAL_GATEWAY_EXIT);
      });
    },
    (s) => (stop = s),
  );
} catch (e) {
  log.fatal({ err: e }, `could not start the shards: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
