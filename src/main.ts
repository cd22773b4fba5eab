import 'dotenv/config';
import { runConsole } from './cli/console.js';
import { loadCommands } from './commands/registry.js';
import { defaultCachePath } from './config.js';
import { createLogger } from './log.js';
import { openEngine } from './open.js';

const NO_TOKEN = [
  'No DISCORD_TOKEN is set, so the bot cannot connect to Discord.',
  'To connect: copy .env.example to .env, fill DISCORD_TOKEN and DISCORD_CLIENT_ID, run `npm run deploy-commands`, then `npm start`.',
].join('\n');

const log = createLogger();
if (!process.env.DISCORD_TOKEN) {
  if (!process.stdin.isTTY) {
    console.error(`${NO_TOKEN}\n(Without a token, npm start opens a local console, but this is not an interactive terminal.)`);
    process.exit(1);
  }
  console.log(`${NO_TOKEN}\nMeanwhile, here is the local console: the same commands, answered in this terminal.\n`);
  const archiveDir = process.env.ARCHIVE_DIR || 'seeds';
  const { engine } = openEngine({ archiveDir, cachePath: process.env.INDEX_CACHE || defaultCachePath(archiveDir), log });
  await runConsole({ engine }, await loadCommands(), { input: process.stdin, output: process.stdout });
}
