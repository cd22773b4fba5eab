// First: warns when dist/ is older than the sources it was built from.
import './stale-build.js';
import { consoleAnswer, runConsole } from './cli/console.js';
import { loadCommands } from './commands/registry.js';
import { ConfigError, loadEnv, readConfig, type BotConfig, type Config } from './config.js';
import { FATAL_GATEWAY_EXIT, startBot, type Bot } from './discord/bot.js';
import { createLogger, type Logger } from './log.js';
import { LiveArchive } from './live/live-archive.js';
import { openEngine } from './open.js';
import { serveArchive } from './serve.js';
import { exitOnSignals } from './shutdown.js';
import { ProgressBar } from './cli/progress.js';
import { createCliLogger } from './cli/terminal-log.js';

const NO_TOKEN = [
  'No DISCORD_TOKEN is set, so the bot cannot connect to Discord.',
  'To connect: copy .env.example to .env, fill DISCORD_TOKEN and DISCORD_CLIENT_ID, run `npm run deploy-commands`, then `npm start`.',
].join('\n');

/** SIGINT/SIGTERM: destroy the client and flush logs; give up after this long. */
const SHUTDOWN_DEADLINE_MS = 4500;

const env = loadEnv();
const hasToken = Boolean(env.DISCORD_TOKEN?.trim());
let config: Config;
try {
  // The console is for reading answers: by default only warnings interrupt it.
  config = hasToken ? readConfig(env, { token: true }) : readConfig(env, { logLevel: 'warn' });
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}

if (config.token === undefined) {
  // The console is a terminal: a first build shows its progress, and warnings read as sentences.
  const bar = new ProgressBar(process.stderr);
  const log = createCliLogger(config.logLevel, process.stderr, () => bar.clear());
  if (!process.stdin.isTTY) {
    console.error(`${NO_TOKEN}\n(Without a token, npm start opens a local console, but this is not an interactive terminal.)`);
    process.exit(1);
  }
  console.log(`${NO_TOKEN}\nMeanwhile, here is the local console: the same commands, answered in this terminal.\n`);
  const { archiveDir, cachePath } = config;
  const { maxArticleBytes } = config;
  const live = new LiveArchive(openEngine({ archiveDir, cachePath, log, maxArticleBytes, progress: bar.update }), { archiveDir, cachePath, log, maxArticleBytes });
  bar.clear();
  live.watch();
  const engine = live.engine;
  const commands = await loadCommands();
  // Show the commands working at once, on a word from the archive itself.
  const sample = engine.articles[0]?.title.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w)) ?? 'news';
  for (const line of ['stats', `search ${sample.toLowerCase()} --limit 2`]) {
    console.log(`archive> ${line}\n${await consoleAnswer({ engine }, commands, line)}\n`);
  }
  await runConsole(live.ctx, commands, { input: process.stdin, output: process.stdout }, { archiveDir, sync: () => live.sync() });
  await live.close();
} else {
  await serve({ ...config, token: config.token }, createLogger(config.logLevel));
}

async function serve(config: BotConfig, log: Logger): Promise<void> {
  let bot: Bot | undefined;
  // The bot goes online at once and answers while the archive loads (a frame at a time, or a
  // first build in slices): /stats says how far it has got, other commands ask to try again.
  const archive = serveArchive({ archiveDir: config.archiveDir, cachePath: config.cachePath, log, maxArticleBytes: config.maxArticleBytes });
  // From the start: a long load must not keep SIGTERM waiting.
  exitOnSignals(log, 'the bot', () => Promise.all([bot?.stop(), archive.close()]), SHUTDOWN_DEADLINE_MS);
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  try {
    const onFatal = (): void => {
      // Shut down as on SIGTERM, but exit with a failure: a supervisor must notice.
      void Promise.all([bot?.stop(), archive.close()]).finally(() => {
        log.flush();
        process.exit(FATAL_GATEWAY_EXIT);
      });
    };
    const online = startBot({ config, ctx: archive.ctx, commands: await loadCommands(), log, onFatal }).then((b) => (bot = b));
    // Either failing is fatal at once: a bad token need not wait for the load, nor a bad archive for the login.
    await Promise.all([online, archive.ready]);
  } catch (e) {
    log.fatal({ err: e }, `could not start the bot: ${e instanceof Error ? e.message : String(e)}`);
    log.flush();
    process.exit(1);
  }
}
