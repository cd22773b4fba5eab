// Loaded with --import before an entry point: on exit, says on stderr whether discord.js was loaded.
// discord.js is CommonJS, so however it is reached (import, dynamic import, require), Node's CJS cache holds it.
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((k) => /[\\/]node_modules[\\/]discord\.js[\\/]/.test(k));
  process.stderr.write(`\ndiscord.js modules loaded: ${loaded.length}\n`);
});
