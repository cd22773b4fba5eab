// The one-pass build: every file is read, parsed, cut into passages and tokenised in one go
// (`readChunk`), by worker threads when the archive is large enough to repay starting them; the
// main thread merges their compact answers in archive order and finds the quotes of each merged
// chunk while the workers read on, so the index and quotes are exactly what the single-threaded
// build (`PassageIndex.build`, `QuoteStore.build`) makes.

import { availableParallelism } from 'node:os';
import type { ArchiveFile, ScanOptions } from '../archive/load.js';
import type { Archive } from '../archive/types.js';
import { silentLogger, type Logger } from '../log.js';
import { extractQuotes, QuoteStore } from '../quotes/store.js';
import { DEFAULT_INDEX_SETTINGS, PassageIndex, type IndexSettings } from '../search/index.js';
import { storySignature } from '../summary/stories.js';
import { planChunks, readingChunk, type ChunkResult, type ChunkTask, type TermNumbers } from './chunk.js';
import { BuildMerger } from './merge.js';
import { BuildPool, runBlocking, runWaiting, type Work } from './pool.js';

export interface FilesBuild {
  dir: string;
  /** The archive's files as scanned, in archive order. */
  files: readonly ArchiveFile[];
  scan?: ScanOptions;
  settings?: IndexSettings;
  /** How far the build has got, phase by phase (the command line draws a bar from it). */
  progress?: (phase: string, done: number, total: number) => void;
  log?: Logger;
  /** Worker threads; 0 builds in this thread. Default: BUILD_WORKERS, else one per core (none on one core). */
  workers?: number;
  /** An archive with less text than this is built in this thread: starting workers would cost more. */
  minPoolBytes?: number;
  /** False leaves the quotes out (the bench measures what they cost). */
  quotes?: boolean;
  /**
   * Where quotes are found: `main` (default), this thread, a merged chunk at a time while the
   * workers read on, so the quote code warms up and loads its name lists once, not once per
   * worker; `workers`, each worker with its own chunks (the bench measures both).
   */
  quotesIn?: 'main' | 'workers';
  /**
   * Make every article's digest signature during the build, on this thread while the workers
   * read on (the index cache stores them, so its write then has them ready).
   */
  signatures?: boolean;
  /** The workers' module and silence limit (tests inject failing workers). */
  workerModule?: URL;
  stallMs?: number;
}

export interface Built {
  archive: Archive;
  index: PassageIndex;
  quotes: QuoteStore;
  /** Worker threads whose answers went into the build (0: all done in this thread). */
  workers: number;
}

/** Below this much text (about a thousand news stories) one thread is quicker than starting workers. */
export const MIN_POOL_BYTES = 2 * 1024 * 1024;
/** Digest signatures made between two pauses (a few milliseconds). */
const SIGNATURE_SLICE = 100;
/** Articles whose quotes are found between two looks at the workers (a few milliseconds). */
const QUOTE_SLICE = 25;
/** More workers than this only queue behind the main thread's merging. */
const MAX_WORKERS = 8;

/** The worker count BUILD_WORKERS asks for, else one per core (none on a single core). */
export function defaultWorkers(env: Readonly<Record<string, string | undefined>> = process.env, log: Logger = silentLogger): number {
  const raw = env.BUILD_WORKERS?.trim();
  if (raw) {
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 0 && n <= 64) return n;
    log.warn({ BUILD_WORKERS: raw }, 'BUILD_WORKERS must be a whole number from 0 (no workers) to 64; using one worker per core');
  }
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(cores, MAX_WORKERS) : 0;
}

/** Builds the archive's index and quotes from its files, blocking until done. */
export function buildFromFiles(b: FilesBuild): Built {
  return runBlocking(building(b));
}

/** The same, with the event loop free meanwhile: the main thread only merges, a slice at a time. */
export function buildFromFilesAsync(b: FilesBuild): Promise<Built> {
  return runWaiting(building(b));
}

function startPool(b: FilesBuild, chunks: number, log: Logger): BuildPool | undefined {
  const size = Math.min(b.workers ?? defaultWorkers(process.env, log), chunks);
  const bytes = b.files.reduce((n, f) => n + (f.skip ? 0 : f.size), 0);
  if (size < 1 || bytes < (b.minPoolBytes ?? MIN_POOL_BYTES)) return undefined;
  try {
    return new BuildPool({ size, ...(b.workerModule ? { module: b.workerModule } : {}), ...(b.stallMs !== undefined ? { stallMs: b.stallMs } : {}) });
  } catch (e) {
    log.warn({ err: e }, `build workers could not start (${e instanceof Error ? e.message : String(e)}); building in this thread`);
    return undefined;
  }
}

function* building(b: FilesBuild): Work<Built> {
  const settings = b.settings ?? DEFAULT_INDEX_SETTINGS;
  const log = b.log ?? silentLogger;
  const chunks = planChunks(b.files);
  const quotes = b.quotes ?? true;
  const quotesHere = quotes && (b.quotesIn ?? 'main') === 'main';
  const task = (seq: number): ChunkTask => ({ seq, dir: b.dir, files: chunks[seq] ?? [], scan: b.scan ?? {}, passages: settings.passages, quotes: quotes && !quotesHere });
  const merger = new BuildMerger();
  // Articles merged whose quotes this thread has found (in archive order, so the list is the
  // same as the workers' or a single thread's); `quoteSome` finds the next few, true while more wait.
  let quoted = 0;
  const quoteSome = (n: number): boolean => {
    const { articles } = merger;
    for (const end = Math.min(articles.length, quoted + n); quoted < end; quoted++) {
      const article = articles[quoted];
      if (article) for (const q of extractQuotes([article])) merger.quotes.push(q);
    }
    return quoted < articles.length;
  };
  const total = b.files.length;
  let filesDone = 0;
  b.progress?.('reading files', 0, total);
  let pool = startPool(b, chunks.length, log);
  // The workers whose answers were merged.
  const used = new Set<number>();
  try {
    // Answers that came before their turn to be merged, and the worker that gave each.
    const ready = new Map<number, { result: ChunkResult; worker: number }>();
    // This thread's own work (small archives, or after the workers failed): thread number -1.
    const numbers: TermNumbers = new Map();
    let next = 0;
    for (let seq = 0; seq < chunks.length; seq++) {
      while (pool && !ready.has(seq)) {
        while (next < chunks.length && pool.post(task(next))) next++;
        const seen = Atomics.load(pool.signal, 0);
        for (const r of pool.receive()) ready.set(r.result.seq, r);
        if (pool.failure) {
          // What the workers answered stays; the rest is done here, so the index is the same.
          log.warn({ reason: pool.failure }, `build workers failed (${pool.failure}); building the rest in this thread`);
          pool.close();
          pool = undefined;
        } else if (!ready.has(seq)) {
          // Waiting for the workers: find the quotes of what is merged meanwhile, a few at a time.
          if (quotesHere && quoted < merger.articles.length) {
            quoteSome(QUOTE_SLICE);
            yield;
          } else yield { signal: pool.signal, seen, timeoutMs: pool.waitMs };
        }
      }
      const r = ready.get(seq) ?? { result: yield* readingChunk(task(seq), numbers), worker: -1 };
      ready.delete(seq);
      merger.add(r.result, r.worker);
      if (r.worker >= 0) used.add(r.worker);
      if (b.signatures) {
        for (const [k, a] of r.result.articles.entries()) {
          storySignature(a);
          if (k % SIGNATURE_SLICE === SIGNATURE_SLICE - 1) yield;
        }
      }
      // In this thread alone, a chunk's quotes right after its reading, while its text is in the processor's caches.
      if (quotesHere && !pool) while (quoteSome(QUOTE_SLICE)) yield;
      filesDone += chunks[seq]?.length ?? 0;
      b.progress?.('reading files', filesDone, total);
      yield;
    }
  } finally {
    pool?.close();
  }
  const n = merger.articles.length;
  b.progress?.('indexing articles', 0, n);
  const index = yield* PassageIndex.completing(merger.parts, settings);
  b.progress?.('indexing articles', n, n);
  if (quotesHere) {
    // What the pass left: the last chunks' quotes.
    b.progress?.('finding quotes', quoted, n);
    // Counted in slices: the pass may stop anywhere, so `quoted` need not fall on a round number.
    for (let k = 1; quoteSome(QUOTE_SLICE); k++) {
      if (k % 4 === 0) b.progress?.('finding quotes', quoted, n);
      yield;
    }
    b.progress?.('finding quotes', n, n);
  } else b.progress?.('finding quotes', 0, 1);
  // The speaker registry is one synchronous step over all quotes: let waiting work in first.
  yield;
  const store = QuoteStore.fromQuotes(merger.quotes);
  return { archive: { dir: b.dir, articles: [...merger.articles], warnings: merger.warnings }, index, quotes: store, workers: used.size };
}
