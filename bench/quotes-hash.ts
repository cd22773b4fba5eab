// Fingerprints of what the quote step makes, so that a change meant only to make it cheaper can
// be shown to change nothing: run before and after, and compare the lines.
//
//   npx tsx bench/quotes-hash.ts [--pooled] PATH...
//
// A folder is an archive: the SHA-256 (first 12 hex digits) of the `QuoteStore` JSON, of every
// article's `attributeArticle` output, and with --pooled of the store the one-pass build makes
// (worker threads; it must equal the first). A .jsonl file is an annotated quote set (ggt-dev,
// polnear-dev): the `attributeArticle` output over its articles.

import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { loadArchive, scanArchive } from '../src/archive/load.js';
import { buildFromFiles } from '../src/build/build.js';
import { attributeArticle } from '../src/quotes/attribute.js';
import { QuoteStore } from '../src/quotes/store.js';
import { readGoldSet } from './quote-gold.js';

const args = process.argv.slice(2);
const pooled = args.includes('--pooled');
const paths = args.filter((a) => a !== '--pooled');
if (paths.length === 0) {
  console.error('usage: npx tsx bench/quotes-hash.ts [--pooled] ARCHIVE_DIR|GOLD.jsonl ...');
  process.exit(1);
}
const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);
const attributed = (articles: ReadonlyArray<{ paragraphs: readonly string[] }>): string => hash(JSON.stringify(articles.map((a) => attributeArticle(a.paragraphs))));

for (const path of paths) {
  if (statSync(path).isDirectory()) {
    const { articles } = loadArchive(path);
    const store = QuoteStore.build(articles);
    const built = pooled ? ` pooled ${hash(JSON.stringify(buildFromFiles({ dir: path, files: scanArchive(path) }).quotes))}` : '';
    console.log(`${path} quotes ${store.size} store ${hash(JSON.stringify(store))} attributed ${attributed(articles)}${built}`);
  } else {
    const gold = readGoldSet(path);
    console.log(`${path} articles ${gold.articles.length} attributed ${attributed(gold.articles.map((g) => g.article))}`);
  }
}
