import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The production entry points run the build in dist/, so an edit or a `git pull` without
 * `npm run build` would silently run the old code. Imported first by every entry point: when
 * running compiled and a source file is newer than the build, it says so on stderr (a few ms:
 * one stat per source file). From source (tsx, the tests) it does nothing.
 */

/** The newest `.ts` file under `dirs` changed after `builtAt` (ms), if any. */
export function newerSource(dirs: readonly string[], builtAt: number): string | undefined {
  for (const dir of dirs) {
    let files: string[];
    try {
      files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue; // A deployment without sources: nothing to compare.
    }
    for (const f of files) {
      if (!f.endsWith('.ts') || f.endsWith('.d.ts')) continue;
      const path = join(dir, f);
      try {
        if (statSync(path).mtimeMs > builtAt) return path;
      } catch {
        // Deleted while we looked: not newer.
      }
    }
  }
  return undefined;
}

const here = fileURLToPath(import.meta.url);
// dist/src/stale-build.js → the repository is two levels up; from source this file is a .ts.
if (here.endsWith('.js')) {
  const root = join(dirname(here), '..', '..');
  const newer = newerSource([join(root, 'src'), join(root, 'commands')], statSync(here).mtimeMs);
  if (newer) process.stderr.write(`warning: ${newer} changed after the last build; run \`npm run build\` (this runs the older compiled code in dist/)\n`);
}
