// The per-article work of a build, for a run of files: read and parse each file, cut its
// passages, tokenise its title and passages and, when the task asks (the build usually has quote
// workers find them instead, see quoting.ts), extract its quotes. The same function runs in a
// worker thread or, for small archives and when workers fail, in the main thread; its result is
// compact (typed arrays and flat string lists), so a worker hands it over cheaply.

import { loadArchiveEntry, type ArchiveFile, type ScanOptions } from '../archive/load.js';
import type { Article, ArchiveWarning } from '../archive/types.js';
import { articlePassages, type PassageSettings } from '../search/passages.js';
import { runNow, type Sliced } from '../search/slices.js';
import { terms } from '../text/tokenize.js';
import { QuoteRows, type ChunkQuotes } from './quote-chunk.js';
import { Words } from './words.js';

export interface ChunkTask {
  /** The chunk's place in the archive: results are merged in this order. */
  seq: number;
  dir: string;
  files: ArchiveFile[];
  scan: ScanOptions;
  passages: PassageSettings;
  /** Extract the chunk's quotes here: only when the build leaves them to the workers (`quotesIn: 'workers'`). */
  quotes: boolean;
}

export interface ChunkResult extends ChunkQuotes {
  seq: number;
  /** The files' articles, in file order (bad files left out). */
  articles: Article[];
  warnings: ArchiveWarning[];
  /** Terms the thread that did this chunk had not met before, numbered from `firstNew` on. */
  newTerms: string[];
  firstNew: number;
  /** Per article: its title's term count and its passage count. */
  shape: Uint32Array;
  /** Per passage: paragraph, start, end, term count. */
  passages: Uint32Array;
  /** Term numbers (the thread's own, see `TermNumbers`) of every article: its title's, then each passage's, in text order. */
  ids: Uint32Array;
}

/**
 * A thread's numbering of the terms it meets, kept across its chunks: each chunk sends only the
 * terms new to the thread, and the merge maps the thread's numbers to the archive's.
 */
export type TermNumbers = Map<string, number>;

/** Does the per-article work of one chunk of files (see the top of this file). */
export function readChunk(task: ChunkTask, local: TermNumbers): ChunkResult {
  return runNow(readingChunk(task, local));
}

/** Files or articles handled between two pauses when the main thread does a chunk itself (the bot, /reindex). */
const SLICE_ITEMS = 50;

/** `readChunk` as sliced work, pausing every few dozen files or articles. */
export function* readingChunk(task: ChunkTask, local: TermNumbers): Sliced<ChunkResult> {
  const articles: Article[] = [];
  const warnings: ArchiveWarning[] = [];
  const firstNew = local.size;
  const newTerms: string[] = [];
  const shape = new Words();
  const passages = new Words();
  const ids = new Words();
  const found = new QuoteRows();
  const addTerms = (text: string): number => {
    const list = terms(text);
    for (const t of list) {
      let id = local.get(t);
      if (id === undefined) {
        id = local.size;
        local.set(t, id);
        newTerms.push(t);
      }
      ids.push(id);
    }
    return list.length;
  };
  for (const [i, f] of task.files.entries()) {
    const r = loadArchiveEntry(task.dir, f, task.scan);
    for (const w of r.warnings) warnings.push(w);
    if (r.article) articles.push(r.article);
    if (i % SLICE_ITEMS === SLICE_ITEMS - 1) yield;
  }
  // Step by step over the chunk's articles rather than article by article: each step's tables
  // (the tokeniser's caches, the quote models) stay hot in the processor's caches.
  for (const [k, article] of articles.entries()) {
    if (k % SLICE_ITEMS === SLICE_ITEMS - 1) yield;
    shape.push(addTerms(article.title));
    const cut = articlePassages(article, k, task.passages);
    shape.push(cut.length);
    for (const p of cut) {
      passages.push(p.paragraph);
      passages.push(p.start);
      passages.push(p.end);
      passages.push(addTerms(article.paragraphs[p.paragraph - 1]?.slice(p.start, p.end) ?? ''));
    }
  }
  if (task.quotes) {
    for (const [k, article] of articles.entries()) {
      if (k % SLICE_ITEMS === SLICE_ITEMS - 1) yield;
      found.add(k, article);
    }
  }
  return {
    seq: task.seq,
    articles,
    warnings,
    newTerms,
    firstNew,
    shape: shape.done(),
    passages: passages.done(),
    ids: ids.done(),
    ...found.done(),
  };
}

/** The buffers a worker hands over instead of copying. */
export const transferables = (r: ChunkResult): ArrayBuffer[] => [r.shape.buffer, r.passages.buffer, r.ids.buffer, r.quoteNums.buffer] as ArrayBuffer[];

/** Bytes of text a chunk holds at most (and files), so that each is a few tens of milliseconds of work. */
const CHUNK_BYTES = 256 * 1024;
const CHUNK_FILES = 200;

/** Cuts the scanned files into chunks, in archive order. */
export function planChunks(files: readonly ArchiveFile[]): ArchiveFile[][] {
  const chunks: ArchiveFile[][] = [];
  let current: ArchiveFile[] = [];
  let bytes = 0;
  for (const f of files) {
    current.push(f);
    bytes += f.skip ? 0 : f.size;
    if (current.length >= CHUNK_FILES || bytes >= CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
