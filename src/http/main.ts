// First: warns when dist/ is older than the sources it was built from.
import '../stale-build.js';
import { loadCommands } from '../commands/registry.js';
import { ConfigError, loadEnv, readConfig, type Config, type HttpConfig } from '../config.js';
import { createLogger } from '../log.js';
import { serveArchive } from '../serve.js';
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

// Online at once: while the archive loads, /stats says how far it has got and other commands
// ask to try again; the health check says so too, so a load balancer can wait for it.
const archive = serveArchive({ archiveDir: config.archiveDir, cachePath: config.cachePath, log, maxArticleBytes: config.maxArticleBytes });
try {
  const commands = await loadCommands();
  const route = makeHttpRouter({
    commands,
    ctx: archive.ctx,
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
    health: () => ({ ...archive.health(), pid: process.pid }),
  });
  log.info({ url: `${endpoint.url}${INTERACTIONS_PATH}` }, 'listening for Discord interactions');
  exitOnSignals(log, 'the HTTP endpoint', () => Promise.all([endpoint.stop(), archive.close()]), SHUTDOWN_DEADLINE_MS);
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  await archive.ready;
} catch (e) {
  log.fatal({ err: e }, `could not start the HTTP endpoint: ${e instanceof Error ? e.message : String(e)}`);
  log.flush();
  process.exit(1);
}
