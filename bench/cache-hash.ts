/**
 * `npx tsx bench/cache-hash.ts ARCHIVE_DIR`: builds the archive's index cache from its files
 * twice, with the sync writer (a command line's open) and the async one (a bot's), each into a
 * fresh temp folder, and prints the SHA-256 and size of each file. For checking that a change
 * which must not alter the cache format leaves it byte for byte the same: run it before and
 * after (the same archive folder, so its fingerprint is the same) and compare the lines.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine, openEngineAsync } from '../src/open.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx bench/cache-hash.ts ARCHIVE_DIR');
  process.exit(1);
}
for (const [writer, open] of [
  ['sync', async (cachePath: string) => openEngine({ archiveDir: dir, cachePath })],
  ['async', (cachePath: string) => openEngineAsync({ archiveDir: dir, cachePath })],
] as const) {
  const tmp = mkdtempSync(join(tmpdir(), 'cache-hash-'));
  try {
    const cachePath = join(tmp, 'index.cache');
    const opened = await open(cachePath);
    if (opened.source !== 'built') throw new Error(`cache-hash: expected a fresh build, got ${opened.source}`);
    const bytes = readFileSync(cachePath);
    console.log(`${writer} writer: sha256 ${createHash('sha256').update(bytes).digest('hex')}, ${bytes.length} bytes, ${opened.engine.articles.length} articles`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
