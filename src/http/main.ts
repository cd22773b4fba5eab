// First: warns when dist/ is older than the sources it was built from.
import '../stale-build.js';
import { warmAutocomplete } from '../commands/autocomplete.js';
import { warmDigest } from '../summary/digest.js';
import { loadCommands } from '../commands/registry.js';
import { ConfigError, loadEnv, readConfig, type Config, type HttpConfig } from '../config.js';
import { LiveArchive } from '../live/live-archive.js';
import { createLogger } from '../log.js';
import { openEngine } from '../open.js';
import { exitOnSignals } from '../shutdown.js';
import { makeHttpRouter } from './router.js';
import { INTERACTIONS_PATH, startHttpServer } from './server.js';
import { InteractionWebhook } from './webhook.js';

/**
 * `npm run start:http`: the bot as an HTTP interactions endpoint. Discord POSTs each interaction
 * to a URL instead of sending it down a gateway connection; every copy of this process can
 * answer any of them, so several copies behind a load balancer serve one bot.
 */

/** SIGINT/SIGTERM: finish the requests in flight, then exit; give up after this long. */
const SHUTDOWN_DEADLINE_MS = 4500;

let config: Config & { http: HttpConfig };
try {
  config = readConfig(loadEnv(), { http: true });
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
const log = createLogger(config.logLevel);

try {
  const opened = openEngine({ archiveDir: config.archiveDir, cachePath: config.cachePath, log });
  const live = new LiveArchive(opened, { archiveDir: config.archiveDir, cachePath: config.cachePath, log });
  live.watch();
  log.info({ source: opened.source, articles: opened.engine.articles.length }, 'archive ready');
  const commands = await loadCommands();
  warmAutocomplete(live.ctx);
  void warmDigest(live.ctx.engine.articles).catch((err: unknown) => log.warn({ err }, 'digest warm-up failed'));
  const route = makeHttpRouter({
    commands,
    ctx: live.ctx,
    log,
    webhook: new InteractionWebhook(config.apiBase ? { apiBase: config.apiBase } : {}),
    cooldown: config.cooldown,
  });
  const endpoint = await startHttpServer({
    publicKey: config.http.publicKey,
    host: config.http.host,
    port: config.http.port,
    route,
    log,
    health: () => ({ articles: live.engine.articles.length, pid: process.pid }),
  });
  log.info({ url: `${endpoint.url}${INTERACTIONS_PATH}` }, 'listening for Discord interactions');
  exitOnSignals(log, 'the HTTP endpoint', () => Promise.all([endpoint.stop(), live.close()]), SHUTDOWN_DEADLINE_MS);
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
} catch (e) {
  log.fatal({ err: e }, `could not start the HTTP endpoint: ${e instanceof Error ? e.message : String(e)}`);
  log.flush();
  process.exit(1);
}
