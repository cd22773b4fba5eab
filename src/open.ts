import type { AsPlainObject } from 'minisearch';
import { loadArchive, scanArchive, type ArchiveFile } from './archive/load.js';
import type { Archive, Article, ArchiveWarning } from './archive/types.js';
import { Engine } from './engine.js';
import { silentLogger, type Logger } from './log.js';
import { archiveFingerprint, readCache, sha256, writeCache, CACHE_VERSION } from './search/cache.js';
import { DEFAULT_INDEX_SETTINGS, PassageIndex, type IndexSettings } from './search/index.js';
import type { Passage } from './search/passages.js';
import { QuoteStore } from './quotes/store.js';
import { TOKENIZER_VERSION } from './text/tokenize.js';

/** Bump when what QuoteStore.build produces changes: a cache with other quotes is rebuilt. */
const QUOTES_VERSION = 1;

export interface OpenOptions {
  archiveDir: string;
  /** Where to keep the built index between starts; no caching when absent. */
  cachePath?: string;
  log?: Logger;
  settings?: IndexSettings;
  /** How far a fresh build has got, phase by phase (the command line draws a bar from it). */
  progress?: BuildProgress;
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

interface Payload {
  articles: Article[];
  warnings: ArchiveWarning[];
  passages: number[];
  vocab: string[];
  passageTerms: PackedLists;
  titleTerms: PackedLists;
  commonTerms: number[];
  removedPassages: number[];
  removedArticles: number[];
  mini: AsPlainObject;
  quotes: unknown;
}

/** Many small Uint32Arrays as two base64 strings: all values, and each list's length. */
interface PackedLists {
  values: string;
  lengths: string;
}

const toB64 = (a: Uint32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromB64(s: unknown): Uint32Array {
  if (typeof s !== 'string') throw new Error('a packed list is missing');
  const b = Buffer.from(s, 'base64');
  if (b.byteLength % 4 !== 0) throw new Error('a packed list has a bad length');
  // Copy into a fresh, aligned buffer: Buffer's pool offset may not be 4-byte aligned.
  const out = new Uint32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

function pack(lists: readonly Uint32Array[]): PackedLists {
  const lengths = Uint32Array.from(lists, (l) => l.length);
  const values = new Uint32Array(lengths.reduce((n, l) => n + l, 0));
  let at = 0;
  for (const l of lists) {
    values.set(l, at);
    at += l.length;
  }
  return { values: toB64(values), lengths: toB64(lengths) };
}

function unpack(p: PackedLists | undefined): Uint32Array[] {
  if (!p) throw new Error('a packed list is missing');
  const values = fromB64(p.values);
  const lengths = fromB64(p.lengths);
  const out: Uint32Array[] = [];
  let at = 0;
  for (const n of lengths) {
    if (at + n > values.length) throw new Error('packed lists are truncated');
    out.push(values.subarray(at, at + n));
    at += n;
  }
  return out;
}

/** What a cache must match besides the archive: the index settings, the tokenizer's and the quotes' versions. */
export function settingsHash(settings: IndexSettings): string {
  return sha256(JSON.stringify({ CACHE_VERSION, tokenizer: TOKENIZER_VERSION, settings, quotes: QUOTES_VERSION }));
}

/** Loads the archive and its index: from the cache when the archive and settings are unchanged. */
export function openEngine(opts: OpenOptions): Opened {
  const log = opts.log ?? silentLogger;
  const settings = opts.settings ?? DEFAULT_INDEX_SETTINGS;
  const files = scanArchive(opts.archiveDir);
  const fingerprint = archiveFingerprint(files);
  const hash = settingsHash(settings);

  let reason = 'no cache configured';
  if (opts.cachePath) {
    const read = readCache(opts.cachePath, { settings: hash, fingerprint });
    if (read.ok) {
      try {
        const engine = restore(opts.archiveDir, read.payload, settings);
        log.info({ cache: opts.cachePath, articles: engine.articles.length }, 'index loaded from cache');
        return { engine, source: 'cache', files };
      } catch (e) {
        reason = `cache payload unusable (${(e as Error).message})`;
      }
    } else reason = read.reason;
    log.info({ cache: opts.cachePath, reason }, `building index: ${reason}`);
  }

  const archive = loadArchive(opts.archiveDir, files, opts.progress && ((done, total) => opts.progress?.('reading files', done, total)));
  for (const w of archive.warnings) log.warn({ file: w.file }, w.message);
  const engine = buildEngine(archive, settings, opts.progress);
  if (opts.cachePath) saveEngine(engine, opts.cachePath, { settings: hash, fingerprint }, log);
  return { engine, source: 'built', reason, files };
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
  await new Promise((resolve) => setImmediate(resolve));
  return new Engine(archive, index, QuoteStore.build(archive.articles));
}

/**
 * Writes the engine's index and features to the cache (atomically). A failure is logged and
 * returned, never thrown: serving goes on without a cache and the next start rebuilds.
 */
export function saveEngine(
  engine: Engine,
  cachePath: string,
  header: { settings: string; fingerprint: string },
  log: Logger = silentLogger,
): boolean {
  try {
    const { parts, mini } = engine.index.parts();
    const payload: Payload = {
      articles: parts.articles,
      warnings: engine.archive.warnings,
      passages: parts.passages.flatMap((p) => [p.article, p.paragraph, p.start, p.end]),
      vocab: parts.vocabList,
      passageTerms: pack(parts.passageTerms),
      titleTerms: pack(parts.titleTerms),
      commonTerms: parts.commonTerms,
      removedPassages: parts.removedPassages,
      removedArticles: parts.removedArticles,
      mini,
      quotes: engine.quotes.toJSON(),
    };
    writeCache(cachePath, header, payload);
    log.info({ cache: cachePath }, 'index cache written');
    return true;
  } catch (e) {
    log.warn({ cache: cachePath, err: (e as Error).message }, 'could not write the index cache; serving goes on without it');
    return false;
  }
}

function restore(dir: string, json: unknown, settings: IndexSettings): Engine {
  if (typeof json !== 'object' || json === null) throw new Error('payload is not an object');
  const p = json as Partial<Payload>;
  if (!Array.isArray(p.articles) || !Array.isArray(p.passages) || !Array.isArray(p.vocab) || !p.mini) throw new Error('payload is missing parts');
  const passages: Passage[] = [];
  for (let i = 0; i + 3 < p.passages.length; i += 4) {
    passages.push({ article: p.passages[i] ?? 0, paragraph: p.passages[i + 1] ?? 1, start: p.passages[i + 2] ?? 0, end: p.passages[i + 3] ?? 0 });
  }
  const index = PassageIndex.restore(
    {
      articles: p.articles,
      passages,
      vocabList: p.vocab,
      passageTerms: unpack(p.passageTerms),
      titleTerms: unpack(p.titleTerms),
      commonTerms: p.commonTerms ?? [],
      removedPassages: p.removedPassages ?? [],
      removedArticles: p.removedArticles ?? [],
    },
    settings,
    p.mini,
  );
  const removed = new Set(p.removedArticles ?? []);
  const archive: Archive = { dir, articles: p.articles.filter((_, i) => !removed.has(i)), warnings: p.warnings ?? [] };
  return new Engine(archive, index, QuoteStore.fromJSON(p.quotes));
}
