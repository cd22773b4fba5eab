// The one-pass build: every file is read, parsed, cut into passages and tokenised in one go
// (`readChunk`), by worker threads when the archive is large enough to repay starting them; the
// main thread merges their compact answers in archive order and hands each merged chunk's
// paragraphs to a quote worker, which finds its quotes while the main thread merges and indexes
// on (quoting.ts); the quotes are appended in archive order and the speaker registry is built once
// over them here. The index and quotes are exactly what the single-threaded build
// (`PassageIndex.build`, `QuoteStore.build`) makes.

import { availableParallelism } from 'node:os';
import type { ArchiveFile, ScanOptions } from '../archive/load.js';
import type { Archive } from '../archive/types.js';
import { silentLogger, type Logger } from '../log.js';
import { QuoteStore } from '../quotes/store.js';
import { DEFAULT_INDEX_SETTINGS, PassageIndex, type IndexSettings } from '../search/index.js';
import { storySignature } from '../summary/stories.js';
import { planChunks, readingChunk, type ChunkResult, type ChunkTask, type TermNumbers } from './chunk.js';
import { BuildMerger } from './merge.js';
import { BuildPool, runBlocking, runWaiting, workerModuleNamed, type Work } from './pool.js';
import type { QuoteResult, QuoteTask } from './quote-chunk.js';
import { ChunkQuoting, type QuotePool } from './quoting.js';
import type { Sliced } from '../search/slices.js';

export interface FilesBuild {
  dir: string;
  /** The archive's files as scanned, in archive order. */
  files: readonly ArchiveFile[];
  scan?: ScanOptions;
  settings?: IndexSettings;
  /** How far the build has got, phase by phase (the command line draws a bar from it). */
  progress?: (phase: string, done: number, total: number) => void;
  log?: Logger;
  /** Build worker threads; 0 builds in this thread. Default: BUILD_WORKERS, else one per core left beside the quote workers (none on one core). */
  workers?: number;
  /** An archive with less text than this is built in this thread: starting workers would cost more. */
  minPoolBytes?: number;
  /** False leaves the quotes out (the bench measures what they cost). */
  quotes?: boolean;
  /**
   * Where quotes are found when the build has workers: `quote-workers` (default), worker threads
   * of their own fed the merged chunks' paragraphs, so the quote work overlaps the merging and
   * indexing and the quote code warms up and loads its name lists once per quote worker; `main`,
   * this thread, a merged chunk at a time while the workers read on (as in session 12–14);
   * `workers`, each build worker with its own chunks (before session 12). The bench measures all
   * three. Without workers, quotes are found here in any case.
   */
  quotesIn?: 'quote-workers' | 'main' | 'workers';
  /**
   * Make every article's digest signature during the build, on this thread while the workers
   * read on (the index cache stores them, so its write then has them ready).
   */
  signatures?: boolean;
  /** Quote workers beside the build workers (`quotesIn: 'quote-workers'`): default `defaultQuoteWorkers()`. */
  quoteWorkers?: number;
  /** The workers' modules and silence limits (tests inject failing workers). */
  workerModule?: URL;
  quoteWorkerModule?: URL;
  stallMs?: number;
  quoteStallMs?: number;
  /** The fewest chunks left unsent to the quote workers when merging ends for this thread to take from the tail (default TAIL_MIN_CHUNKS). */
  tailMinChunks?: number;
}

export interface Built {
  archive: Archive;
  index: PassageIndex;
  quotes: QuoteStore;
  /** Worker threads whose answers went into the build (0: all done in this thread). */
  workers: number;
  /** Merged chunks whose quotes this thread found (the rest by build or quote workers). */
  quoteChunksHere: number;
  /** Merged chunks whose quotes a quote worker found. */
  quoteChunksAway: number;
}

/** Below this much text (about a thousand news stories) one thread is quicker than starting workers. */
export const MIN_POOL_BYTES = 2 * 1024 * 1024;
/** Digest signatures made between two pauses (a few milliseconds). */
const SIGNATURE_SLICE = 100;
/** Articles whose quotes are found between two looks at the workers (a few milliseconds). */
const QUOTE_SLICE = 25;
/** More workers than this only queue behind the main thread's merging. */
const MAX_WORKERS = 8;

/**
 * The build workers BUILD_WORKERS asks for, else one per core left beside `quoteWorkers` quote
 * workers (at least one; none on a single core).
 */
export function defaultWorkers(env: Readonly<Record<string, string | undefined>> = process.env, log: Logger = silentLogger, quoteWorkers = 0, cores = availableParallelism()): number {
  const raw = env.BUILD_WORKERS?.trim();
  if (raw) {
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 0 && n <= 64) return n;
    log.warn({ BUILD_WORKERS: raw }, 'BUILD_WORKERS must be a whole number from 0 (no workers) to 64; using one worker per core');
  }
  return cores >= 2 ? Math.max(1, Math.min(cores - quoteWorkers, MAX_WORKERS)) : 0;
}

/**
 * Quote workers beside the build workers: one, whose cold start (JIT, name lists) is paid once;
 * two from 6 cores, where the build workers read faster than one thread finds quotes (on Reuters a
 * quote worker needs about as much CPU as two build workers' reading). With the build workers on
 * the cores left, a 2-core machine runs one of each: every thread more only adds its own cold
 * start to CPU time the two cores share.
 */
export function defaultQuoteWorkers(cores = availableParallelism()): number {
  return cores >= 6 ? 2 : cores >= 2 ? 1 : 0;
}

/** Builds the archive's index and quotes from its files, blocking until done. */
export function buildFromFiles(b: FilesBuild): Built {
  return runBlocking(building(b));
}

/** The same, with the event loop free meanwhile: the main thread only merges, a slice at a time. */
export function buildFromFilesAsync(b: FilesBuild): Promise<Built> {
  return runWaiting(building(b));
}

/**
 * Merged chunks a quote worker holds at once: one at work, one waiting, enough to keep it busy
 * through a slice of indexing; the chunks not yet sent when merging ends are for this thread to
 * take from the tail, so it does not idle while one worker clears a long queue.
 */
const QUOTE_DEPTH = 2;
/** Chunks left unsent when merging ends (up to 4 MB of text; 200 files each at most) that repay this thread's cold start on quotes: see ChunkQuoting. */
const TAIL_MIN_CHUNKS = 16;
/** No answer from any quote worker this long, with tasks pending, means one died unseen. */
const QUOTE_STALL_MS = 30_000;

/** Quote workers for a build whose parse workers use `signal`; undefined (quotes found here) when none can start. */
function startQuotePool(b: FilesBuild, signal: Int32Array, size: number, log: Logger): QuotePool | undefined {
  if (size < 1) return undefined;
  try {
    return new BuildPool<QuoteTask, QuoteResult>({
      size,
      signal,
      depth: QUOTE_DEPTH,
      name: 'quote worker',
      module: b.quoteWorkerModule ?? workerModuleNamed('quote-worker'),
      // A quote chunk takes about 0.1 s: a worker that died unseen (OOM while this thread blocked) is noticed sooner than a build worker's 2 minutes.
      stallMs: b.quoteStallMs ?? QUOTE_STALL_MS,
    });
  } catch (e) {
    log.warn({ err: e }, `quote workers could not start (${e instanceof Error ? e.message : String(e)}); finding quotes in this thread`);
    return undefined;
  }
}

function startPool(b: FilesBuild, chunks: number, quoteWorkers: number, log: Logger): BuildPool | undefined {
  const size = Math.min(b.workers ?? defaultWorkers(process.env, log, quoteWorkers), chunks);
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
  const quotesIn = b.quotesIn ?? 'quote-workers';
  const task = (seq: number): ChunkTask => ({ seq, dir: b.dir, files: chunks[seq] ?? [], scan: b.scan ?? {}, passages: settings.passages, quotes: quotes && quotesIn === 'workers' });
  const merger = new BuildMerger();
  const total = b.files.length;
  let filesDone = 0;
  b.progress?.('reading files', 0, total);
  const quoteWorkers = quotes && quotesIn === 'quote-workers' ? (b.quoteWorkers ?? defaultQuoteWorkers()) : 0;
  let pool = startPool(b, chunks.length, quoteWorkers, log);
  // Quotes found off the build workers: by quote workers (sharing the build workers' signal, so
  // an answer from either wakes this thread), else here, a merged chunk at a time.
  const finding = quotes && quotesIn !== 'workers' ? new ChunkQuoting(merger, pool ? startQuotePool(b, pool.signal, Math.min(quoteWorkers, chunks.length), log) : undefined, log, b.tailMinChunks ?? TAIL_MIN_CHUNKS) : undefined;
  // The workers whose answers were merged.
  const used = new Set<number>();
  // Whatever throws from here on (a progress callback, a bad answer), the quote workers stop.
  try {
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
          finding?.pump();
          if (pool.failure) {
            // What the workers answered stays; the rest is done here, so the index is the same.
            log.warn({ reason: pool.failure }, `build workers failed (${pool.failure}); building the rest in this thread`);
            pool.close();
            pool = undefined;
          } else if (!ready.has(seq)) {
            // Waiting for the workers: find the quotes of what is merged meanwhile (unless quote workers do), a few at a time.
            if (finding?.findHere(QUOTE_SLICE)) yield;
            else yield { signal: pool.signal, seen, timeoutMs: pool.waitMs };
          }
        }
        const r = ready.get(seq) ?? { result: yield* readingChunk(task(seq), numbers), worker: -1 };
        ready.delete(seq);
        merger.add(r.result, r.worker);
        finding?.chunkMerged();
        if (r.worker >= 0) used.add(r.worker);
        if (b.signatures) {
          for (const [k, a] of r.result.articles.entries()) {
            storySignature(a);
            if (k % SIGNATURE_SLICE === SIGNATURE_SLICE - 1) yield;
          }
        }
        finding?.pump();
        // In this thread alone, a chunk's quotes right after its reading, while its text is in the processor's caches.
        if (finding && !pool && !finding.workers) while (finding.findHere(QUOTE_SLICE)) yield;
        filesDone += chunks[seq]?.length ?? 0;
        b.progress?.('reading files', filesDone, total);
        yield;
      }
    } finally {
      pool?.close();
    }
    finding?.mergingDone();
    const n = merger.articles.length;
    b.progress?.('indexing articles', 0, n);
    // The quote workers' answers are taken between the index's slices.
    const index = yield* alongside(PassageIndex.completing(merger.parts, settings), () => finding?.pump());
    b.progress?.('indexing articles', n, n);
    if (finding) {
      // What is left: the last chunks' quotes, here or from the quote workers.
      b.progress?.('finding quotes', finding.articlesDone, n);
      for (let k = 1; ; k++) {
        const seen = finding.seen();
        finding.pump();
        if (finding.complete) break;
        if (k % 4 === 0) b.progress?.('finding quotes', finding.articlesDone, n);
        if (finding.findHere(QUOTE_SLICE)) yield;
        else {
          const wait = finding.waitFor(seen);
          // Nothing to do here and nothing to wait for, yet quotes missing: a bug, not a wait forever.
          if (!wait) throw new Error(`build: the quotes of ${n - finding.articlesDone} articles were never found`);
          yield wait;
        }
      }
      finding.close();
      b.progress?.('finding quotes', n, n);
    } else b.progress?.('finding quotes', 0, 1);
    // The speaker registry is one synchronous step over all quotes: let waiting work in first.
    yield;
    const store = QuoteStore.fromQuotes(merger.quotes);
    return { archive: { dir: b.dir, articles: [...merger.articles], warnings: merger.warnings }, index, quotes: store, workers: used.size, quoteChunksHere: finding?.chunksHere ?? 0, quoteChunksAway: finding?.chunksAway ?? 0 };
  } finally {
    finding?.close();
  }
}

/** Sliced work with `between` run at each of its pauses. */
function* alongside<T>(work: Sliced<T>, between: () => void): Work<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    between();
    yield;
  }
}
