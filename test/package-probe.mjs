// Loaded with --import before an entry point: on exit, says on stderr how many modules of each
// package named in PROBE_PACKAGES (comma-separated) were loaded. The packages probed are CommonJS,
// so however they are reached (import, dynamic import, require), Node's CJS cache holds them.
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const packages = (process.env.PROBE_PACKAGES ?? '').split(',').filter(Boolean);
process.on('exit', () => {
  for (const name of packages) {
    const inside = `${'/'}node_modules/${name}/`;
    const loaded = Object.keys(require.cache).filter((k) => k.replaceAll('\\', '/').includes(inside));
    process.stderr.write(`\n${name} modules loaded: ${loaded.length}\n`);
  }
});
