import 'dotenv/config';
import { ConfigError } from './discord/config.js';
import { startSharded } from './discord/shard.js';
import { createLogger } from './log.js';

const log = createLogger();
let sharded: Awaited<ReturnType<typeof startSharded>>;
try {
  sharded = await startSharded(process.env, log);
} catch (e) {
  if (e instanceof ConfigError) console.error(e.message);
  else log.fatal({ err: e }, `could not start the shards: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping the shards');
  setTimeout(() => {
    log.error('shards did not stop within 5 seconds; exiting');
    process.exit(1);
  }, 5000).unref();
  void sharded.stop().then(() => {
    log.info('all shards stopped');
    process.exit(0);
  });
};
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
