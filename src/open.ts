import { statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { scanInBackground } from './archive/background-scan.js';
import { scanArchive, type ArchiveFile } from './archive/load.js';
import type { Archive } from './archive/types.js';
import { buildFromFiles, buildFromFilesAsync, type Built, type FilesBuild } from './build/build.js';
import { Engine } from './engine.js';
import { SetupError } from './errors.js';
import { silentLogger, type Logger } from './log.js';
import { QuoteStore } from './quotes/store.js';
import {
  archiveFingerprint,
  loadEngineCache,
  loadEngineCacheAsync,
  readCacheKey,
  saveEngine,
  saveSnapshot,
  settingsHash,
  snapshotEngine,
  sweepStaleTemps,
  type CacheKey,
  type CacheLoad,
  type RestoreOptions,
} from './search/cache.js';
import { DEFAULT_INDEX_SETTINGS, PassageIndex, type IndexSettings } from './search/index.js';
import { nextTurn } from './search/slices.js';

export { saveEngine, settingsHash };

export interface OpenOptions {
  archiveDir: string;
  /** Where to keep the built index between starts; no caching when absent. */
  cachePath?: string;
  log?: Logger;
  settings?: IndexSettings;
  /** Files larger than this are skipped with a warning (default DEFAULT_MAX_ARTICLE_BYTES). */
  maxArticleBytes?: number;
  /** How far a fresh build (or an async load) has got, phase by phase (the command line draws a bar from it). */
  progress?: BuildProgress;
  /** Articles read so far (an async open reports it, for a bot answering while it loads). */
  articlesRead?: (n: number) => void;
  /**
   * From the cache, leave MiniSearch, the common postings and the quotes for their first use
   * (the command line: `stats` and `article` never need them). A bot loads everything up front.
   */
  lazy?: boolean;
}

export type BuildProgress = (phase: string, done: number, total: number) => void;

export interface Opened {
  engine: Engine;
  /** Whether the index came from the cache or was built, and why it was built. */
  source: 'cache' | 'built';
  reason?: string;
  /** The archive's files as scanned (for the live archive to diff against). */
  files: ArchiveFile[];
}

interface Plan {
  files: ArchiveFile[];
  key: CacheKey;
  restore: RestoreOptions;
}

/**
 * JavaScript heap per byte of archive text: what a built index keeps once collected (10.8× on
 * Reuters, less on larger archives, whose vocabulary grows slower than their text: the 20×
 * replica built within 3.6 GB of RSS) and what one loaded from the cache keeps (8.5× on Reuters,
 * 6.5× on the 10× replica). Measured with bench:growth.
 */
const HEAP_PER_BYTE = { build: 10, load: 8 };

/**
 * Refuses, with a message naming the limit, an archive whose index would not fit in the heap
 * Node allows this process: V8 aborts the whole process when it runs out, with no message.
 */
export function checkHeapRoom(files: readonly ArchiveFile[], step: keyof typeof HEAP_PER_BYTE, limit = getHeapStatistics().heap_size_limit): void {
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const need = bytes * HEAP_PER_BYTE[step];
  if (need <= limit * 0.95) return;
  const gb = (n: number): string => `${(n / 2 ** 30).toFixed(1)} GB`;
  throw new SetupError(
    `the archive holds ${(bytes / 2 ** 20).toFixed(0)} MB of text; ${step === 'build' ? 'building' : 'loading'} its index needs about ${gb(need)} ` +
      `of JavaScript heap, more than Node allows this process (${gb(limit)}, its --max-old-space-size). ` +
      `Start it with NODE_OPTIONS=--max-old-space-size=${Math.ceil((need * 1.25) / 2 ** 20)} if the machine has the memory, or serve a smaller archive.`,
  );
}

const scanOptions = (opts: OpenOptions): { maxArticleBytes?: number } => (opts.maxArticleBytes === undefined ? {} : { maxArticleBytes: opts.maxArticleBytes });

function plan(opts: OpenOptions, scanned?: ArchiveFile[]): Plan {
  const settings = opts.settings ?? DEFAULT_INDEX_SETTINGS;
  const files = scanned ?? scanArchive(opts.archiveDir, scanOptions(opts));
  const key = { settings: settingsHash(settings), fingerprint: archiveFingerprint(files) };
  if (opts.cachePath) sweepStaleTemps(opts.cachePath, opts.log);
  return { files, key, restore: { dir: opts.archiveDir, key, settings, ...(opts.lazy ? { lazy: true } : {}), ...(opts.log ? { log: opts.log } : {}) } };
}

/** The engine from the cache when the read worked; otherwise the reason to build, logged. */
function fromCache(opts: OpenOptions, files: ArchiveFile[], read: CacheLoad | undefined): Opened | { reason: string } {
  const log = opts.log ?? silentLogger;
  if (read?.ok) {
    log.info({ cache: opts.cachePath, articles: read.engine.articles.length }, 'index loaded from cache');
    return { engine: read.engine, source: 'cache', files };
  }
  const reason = read ? read.reason : 'no cache configured';
  if (opts.cachePath) log.info({ cache: opts.cachePath, reason }, `building index: ${reason}`);
  return { reason };
}

/** A freshly built engine, written to the cache for the next start. */
function built(opts: OpenOptions, { files, key }: Plan, engine: Engine, reason: string): Opened {
  if (opts.cachePath) saveEngine(engine, opts.cachePath, key, opts.log ?? silentLogger);
  return { engine, source: 'built', reason, files };
}

/** The one-pass build of the scanned files (src/build: worker threads for large archives). */
function filesBuild(opts: OpenOptions, p: Plan): FilesBuild {
  return {
    dir: opts.archiveDir,
    files: p.files,
    scan: scanOptions(opts),
    settings: p.restore.settings,
    // The cache stores the digest's signatures: made while the workers read, not after.
    ...(opts.cachePath ? { signatures: true } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.progress ? { progress: opts.progress } : {}),
  };
}

const engineOf = (opts: OpenOptions, b: Built): Engine => new Engine(logged(opts, b.archive), b.index, b.quotes);

function logged(opts: OpenOptions, archive: Archive): Archive {
  for (const w of archive.warnings) (opts.log ?? silentLogger).warn({ file: w.file }, w.message);
  return archive;
}

/** Loads the archive and its index: from the cache when the archive and settings are unchanged. */
export function openEngine(opts: OpenOptions): Opened {
  if (opts.lazy && opts.cachePath && scanAside(opts.cachePath)) return openWhileScanning({ ...opts, cachePath: opts.cachePath });
  const p = plan(opts);
  if (opts.cachePath) checkHeapRoom(p.files, 'load');
  const cached = fromCache(opts, p.files, opts.cachePath ? loadEngineCache(opts.cachePath, p.restore) : undefined);
  if ('engine' in cached) return cached;
  checkHeapRoom(p.files, 'build');
  return built(opts, p, engineOf(opts, buildFromFiles(filesBuild(opts, p))), cached.reason);
}

/**
 * JavaScript heap per byte of cache file once it is loaded (4.5× on Reuters, 3.6× on the 10×
 * replica, everything restored): a cache this size surely fits, so its read need not wait for the
 * archive's scan to check the text's size.
 */
const HEAP_PER_CACHE_BYTE = 5;

/** Below this cache size the scan is quicker than starting a worker for it (the seed: a few files); tests lower it. */
export const scanAsideFrom = { bytes: 4 << 20 };

/** Whether the cache is large enough for a scan on another thread to pay, and surely fits the heap. */
function scanAside(path: string): boolean {
  try {
    const { size } = statSync(path);
    return size >= scanAsideFrom.bytes && size * HEAP_PER_CACHE_BYTE <= getHeapStatistics().heap_size_limit * 0.95;
  } catch {
    return false;
  }
}

/**
 * `openEngine` for the command line's start: the archive folder is scanned on another thread
 * while the cache is read and decoded, and the two meet at the fingerprint (checked as soon as
 * the scan is done; the engine is not returned before). Anything else is as `openEngine`.
 */
function openWhileScanning(opts: OpenOptions & { cachePath: string }): Opened {
  const scan = scanInBackground(opts.archiveDir, scanOptions(opts));
  const settings = opts.settings ?? DEFAULT_INDEX_SETTINGS;
  sweepStaleTemps(opts.cachePath, opts.log);
  let files: ArchiveFile[] | undefined;
  let fingerprint: string | undefined;
  const known = (got: ArchiveFile[] | undefined): string | undefined => {
    if (!got || fingerprint !== undefined) return fingerprint;
    files = got;
    checkHeapRoom(got, 'load');
    return (fingerprint = archiveFingerprint(got));
  };
  const late = { peek: () => known(files ?? scan.peek()), wait: () => known(files ?? scan.wait()) ?? '' };
  const read = loadEngineCache(opts.cachePath, { dir: opts.archiveDir, key: { settings: settingsHash(settings), fingerprint: late }, settings, lazy: true, ...(opts.log ? { log: opts.log } : {}) });
  const p = plan(opts, files ?? scan.wait());
  const cached = fromCache(opts, p.files, read);
  if ('engine' in cached) return cached;
  checkHeapRoom(p.files, 'build');
  return built(opts, p, engineOf(opts, buildFromFiles(filesBuild(opts, p))), cached.reason);
}

/** The archive scanned on another thread, this one free meanwhile (a large archive's scan takes seconds). */
async function scannedAside(opts: OpenOptions): Promise<ArchiveFile[]> {
  const scan = scanInBackground(opts.archiveDir, scanOptions(opts));
  for (;;) {
    const files = scan.peek();
    if (files) return files;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Makes sure the cache is current, without loading it when it is: checks its header against the
 * archive, and builds and writes it otherwise. The shard manager calls it so that its children
 * (each of which loads the index itself) find a cache, without holding an index of its own.
 */
export function prepareCache(opts: OpenOptions & { cachePath: string }): { source: 'cache' | 'built'; reason?: string } {
  const p = plan(opts);
  const saved = readCacheKey(opts.cachePath);
  if (saved?.settings === p.key.settings && saved.fingerprint === p.key.fingerprint) return { source: 'cache' };
  const opened = openEngine(opts);
  return opened.reason === undefined ? { source: opened.source } : { source: opened.source, reason: opened.reason };
}

/**
 * `openEngine` with the event loop free while the cache loads (a frame at a time, the index
 * restored in slices) or the index builds, so a bot already connected can go on answering.
 */
export async function openEngineAsync(opts: OpenOptions): Promise<Opened> {
  const p = plan(opts, opts.cachePath && scanAside(opts.cachePath) ? await scannedAside(opts) : undefined);
  if (opts.cachePath) checkHeapRoom(p.files, 'load');
  const report = { ...(opts.progress ? { progress: opts.progress } : {}), ...(opts.articlesRead ? { articlesRead: opts.articlesRead } : {}) };
  const cached = fromCache(opts, p.files, opts.cachePath ? await loadEngineCacheAsync(opts.cachePath, { ...p.restore, ...report }) : undefined);
  if ('engine' in cached) return cached;
  checkHeapRoom(p.files, 'build');
  // Files read are articles read, near enough, for a bot answering /stats meanwhile.
  const counting: OpenOptions = {
    ...opts,
    progress: (phase, done, total) => {
      opts.progress?.(phase, done, total);
      if (phase === 'reading files') opts.articlesRead?.(done);
    },
  };
  const engine = engineOf(opts, await buildFromFilesAsync(filesBuild(counting, p)));
  if (opts.cachePath) {
    opts.progress?.('writing the cache', 0, 1);
    await saveSnapshot(snapshotEngine(engine), opts.cachePath, p.key, opts.log ?? silentLogger);
  }
  return { engine, source: 'built', reason: cached.reason, files: p.files };
}

/** A fresh engine over a loaded archive: the passage index and the quotes. */
export function buildEngine(archive: Archive, settings: IndexSettings = DEFAULT_INDEX_SETTINGS, progress?: BuildProgress): Engine {
  const index = PassageIndex.build(archive.articles, settings, progress && ((done, total) => progress('indexing articles', done, total)));
  progress?.('finding quotes', 0, 1);
  return new Engine(archive, index, QuoteStore.build(archive.articles));
}

/** The same, building the index in slices so that a serving bot keeps answering meanwhile (/reindex). */
export async function buildEngineAsync(archive: Archive, settings: IndexSettings = DEFAULT_INDEX_SETTINGS): Promise<Engine> {
  const index = await PassageIndex.buildAsync(archive.articles, settings);
  // The quotes are one synchronous pass: let waiting interactions in first.
  await nextTurn();
  return new Engine(archive, index, QuoteStore.build(archive.articles));
}
