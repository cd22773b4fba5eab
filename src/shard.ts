import 'dotenv/config';
import { ConfigError } from './discord/config.js';
import { FATAL_GATEWAY_EXIT } from './discord/fatal.js';
import { startSharded } from './discord/shard.js';
import { createLogger } from './log.js';
import { exitOnSignals } from './shutdown.js';

const log = createLogger();
let sharded: Awaited<ReturnType<typeof startSharded>>;
try {
  sharded = await startSharded(process.env, log, () => {
    void sharded.stop().finally(() => {
      log.flush();
      process.exit(FATAL_GATEWAY_EXIT);
    });
  });
} catch (e) {
  if (e instanceof ConfigError) console.error(e.message);
  else log.fatal({ err: e }, `could not start the shards: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

exitOnSignals(log, 'the shards', () => sharded.stop(), 5000);
