// The index cache, the one module that knows its format. A file is a magic number and a series of
// frames: a 12-byte head (tag, length, CRC-32) and a body of at most a few megabytes, JSON or
// little-endian 32-bit words. Every part of the index is written and read a frame at a time, so
// no string or buffer grows with the archive, and reading can let other work run between frames.
//
// What is saved is the live index in the order a fresh build would make it (articles by file
// path, term ids in order of first use, no tombstones); everything derivable (document
// frequencies, common terms, MiniSearch) is derived again on load. Every loaded part is checked
// for shape (valibot) and for how it fits the others; any failure rebuilds, never crashes.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { endianness } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import * as v from 'valibot';
import type { ArchiveFile } from '../archive/load.js';
import type { Archive, Article, ArchiveWarning } from '../archive/types.js';
import { Engine } from '../engine.js';
import { silentLogger, type Logger } from '../log.js';
import { isListedSpeaker } from '../quotes/registry.js';
import { offerStoredSignatures, signatureParts } from '../summary/signature-store.js';
// QUOTES_VERSION is bumped (in the quote store) when what QuoteStore.build produces changes: a
// cache with other quotes is rebuilt.
import { QUOTES_VERSION, QuoteStore } from '../quotes/store.js';
import { jsonBytes, parseJsonBytes, wordsIn } from './cache-bytes.js';
import { PassageIndex, type IndexParts, type IndexSettings } from './index.js';
import type { Passage } from './passages.js';
import { nextTurn, runNow, runSliced, type Sliced } from './slices.js';
import { TOKENIZER_VERSION } from '../text/tokenize.js';

/** Bump when the layout or anything the index derives changes. */
export const CACHE_FORMAT = 'archive-bot-index';
export const CACHE_VERSION = 3;

/** What a cache must match to be used. */
export interface CacheKey {
  /** Hash of the index settings and feature versions (`settingsHash`). */
  settings: string;
  /** Hash of the archive's file list, sizes, modification and change times, modes and skip reasons. */
  fingerprint: string;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function archiveFingerprint(files: readonly ArchiveFile[]): string {
  const h = createHash('sha256');
  // ctime and mode too: a chmod that makes a file readable again changes neither size nor mtime.
  for (const f of files) h.update(`${f.path}\t${f.size}\t${Math.round(f.mtimeMs)}\t${Math.round(f.ctimeMs ?? 0)}\t${f.mode ?? ''}\t${f.skip ?? ''}\n`);
  return h.digest('hex');
}


/** What a cache must match besides the archive: the format, the index settings and the quotes' version. */
export function settingsHash(settings: IndexSettings): string {
  return sha256(JSON.stringify({ CACHE_VERSION, tokenizer: TOKENIZER_VERSION, settings, quotes: QUOTES_VERSION }));
}

const MAGIC = Buffer.from('ABIDX\n\u0000\u0003', 'latin1');
const HEAD_BYTES = 12;
/** Frames are cut at about this size when written… */
const FRAME_BYTES = 4 << 20;
/** …and anything claiming more than this when read is corrupt. */
const MAX_FRAME_BYTES = 64 << 20;

/** Frame tags, in the order they appear; every section but the header and the end may repeat. */
const TAG = { header: 1, articles: 2, warnings: 3, vocab: 4, passages: 5, terms: 6, titles: 7, feature: 8, signatures: 10, end: 9 } as const;

interface Frame {
  tag: number;
  body: Uint8Array;
}

/** Why a cache was not used: a message for the log, never an exception past this module. */
class Unusable extends Error {}

// ---------------------------------------------------------------------------------------------
// Shapes of the JSON parts.

const HeaderSchema = v.object({
  format: v.literal(CACHE_FORMAT),
  version: v.number(),
  endian: v.string(),
  settings: v.string(),
  fingerprint: v.string(),
  articles: v.pipe(v.number(), v.integer(), v.minValue(0)),
  passages: v.pipe(v.number(), v.integer(), v.minValue(0)),
  vocab: v.pipe(v.number(), v.integer(), v.minValue(0)),
  warnings: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
type Header = v.InferOutput<typeof HeaderSchema>;

const ArticleSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  date: v.nullable(v.pipe(v.string(), v.isoDate())),
  url: v.exactOptional(v.string()),
  source: v.exactOptional(v.string()),
  author: v.exactOptional(v.string()),
  paragraphs: v.pipe(v.array(v.string()), v.minLength(1)),
  headline: v.boolean(),
});
const ArticlesSchema = v.array(ArticleSchema);
const WarningsSchema = v.array(v.object({ file: v.string(), message: v.string() }));
const VocabSchema = v.array(v.string());
const FeatureFrameSchema = v.object({
  f: v.string(),
  k: v.nullable(v.string()),
  v: v.optional(v.unknown()),
  /** A chunk of an array property, and the index of its first element. */
  a: v.optional(v.array(v.unknown())),
  at: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** Announces an array property of this many items, sent in the chunks that follow. */
  n: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
const EndSchema = v.object({ frames: v.pipe(v.number(), v.integer()) });

/** The JSON body of a frame, checked against a schema; Unusable naming the part otherwise. */
function jsonOf<S extends v.GenericSchema>(schema: S, frame: Frame, part: string): v.InferOutput<S> {
  const value = parseJsonBytes(frame.body, () => new Unusable(`${part} is not valid JSON`));
  if (v.is(schema, value)) return value;
  const issue = v.safeParse(schema, value).issues?.[0];
  throw new Unusable(`${part} has the wrong shape (${issue ? `${v.getDotPath(issue) ?? 'value'}: ${issue.message}` : 'invalid'})`);
}

const wordsOf = (frame: Frame, part: string): Uint32Array => wordsIn(Uint32Array, frame.body, () => new Unusable(`${part} has a bad length or alignment`));

// ---------------------------------------------------------------------------------------------
// Writing.

/** The file operations of a cache write; tests swap them to simulate a full disk. */
export const cacheFs: Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync'> = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
};

function frameOf(tag: number, body: Uint8Array): Uint8Array[] {
  const head = Buffer.alloc(HEAD_BYTES);
  head.writeUInt32LE(tag, 0);
  head.writeUInt32LE(body.byteLength, 4);
  head.writeUInt32LE(crc32(body), 8);
  return [head, body];
}

const jsonFrame = (tag: number, value: unknown): Uint8Array[] => frameOf(tag, jsonBytes(value));
const wordsFrame = (tag: number, words: Uint32Array): Uint8Array[] => frameOf(tag, new Uint8Array(words.buffer, words.byteOffset, words.byteLength));

/**
 * A list as JSON frames of about FRAME_BYTES each: `wrap` turns one chunk's JSON text, and the
 * index of its first item, into the body.
 */
function* jsonListFrames(tag: number, items: Iterable<unknown>, wrap: (json: string, at: number) => string = (s) => s): Generator<Uint8Array[]> {
  let chunk: string[] = [];
  let size = 0;
  let at = 0;
  const flush = (): Uint8Array[] => {
    const frame = frameOf(tag, Buffer.from(wrap(`[${chunk.join(',')}]`, at), 'utf8'));
    at += chunk.length;
    chunk = [];
    size = 0;
    return frame;
  };
  for (const item of items) {
    const json = JSON.stringify(item) ?? 'null';
    chunk.push(json);
    size += json.length;
    if (size >= FRAME_BYTES) yield flush();
  }
  if (chunk.length > 0) yield flush();
}

/** Lists of words as frames of `[count, length…, values…]`, each value passed through `map`. */
function* listFrames(tag: number, lists: Iterable<Uint32Array>, map: (id: number) => number): Generator<Uint8Array[]> {
  let batch: Uint32Array[] = [];
  let words = 0;
  const flush = (): Uint8Array[] => {
    const out = new Uint32Array(1 + batch.length + words);
    out[0] = batch.length;
    let at = 1 + batch.length;
    batch.forEach((list, i) => {
      out[1 + i] = list.length;
      for (const id of list) out[at++] = map(id);
    });
    batch = [];
    words = 0;
    return wordsFrame(tag, out);
  };
  for (const list of lists) {
    batch.push(list);
    words += list.length;
    if (words + batch.length >= FRAME_BYTES / 4) yield flush();
  }
  if (batch.length > 0) yield flush();
}

/**
 * What a cache write saves: the engine as it was at one generation. The index only ever appends
 * (articles, passages, terms) and marks removals, and a change swaps in a new quote store and
 * warning list, so holding the live articles' numbers, their passage lists and those references
 * freezes it: a live change that lands while the write is under way cannot tear it.
 */
export interface CacheSnapshot {
  readonly index: PassageIndex;
  /** The live articles' numbers. */
  readonly articles: readonly number[];
  /** Each of them's passages, in order, as at the snapshot. */
  readonly passages: ReadonlyMap<number, readonly number[]>;
  readonly warnings: readonly ArchiveWarning[];
  readonly quotes: QuoteStore;
  /** The engine's generation when taken (a newer one needs another write). */
  readonly generation: number;
}

/** The engine now, for a write that may take a while (one pass over the articles, no copying of text). */
export function snapshotEngine(engine: Engine): CacheSnapshot {
  const { index } = engine;
  const articles: number[] = [];
  const passages = new Map<number, readonly number[]>();
  for (let n = 0; n < index.articles.length; n++) {
    if (index.removedArticles.has(n)) continue;
    articles.push(n);
    passages.set(n, index.articlePassages(n));
  }
  return { index, articles, passages, warnings: engine.archive.warnings, quotes: engine.quotes, generation: engine.generation };
}

interface Order {
  /** Article numbers by file path, as a fresh build adds them. */
  articles: number[];
  /** Old term id → new term id, numbered in order of first use. */
  termMap: Int32Array;
  vocab: string[];
  passages: number;
}

/** The snapshot in fresh-build order: articles by path, term ids renumbered in order of first use. */
function* canonicalOrder(snap: CacheSnapshot): Generator<undefined, Order, undefined> {
  const { index } = snap;
  const keyed = snap.articles.map((n) => ({ n, path: `${index.articles[n]?.id ?? ''}.txt` }));
  keyed.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  const articles = keyed.map((k) => k.n);
  yield;
  const termMap = new Int32Array(index.vocabList.length).fill(-1);
  const vocab: string[] = [];
  const use = (ids: Uint32Array): void => {
    for (const t of ids) {
      if (termMap[t] !== -1) continue;
      termMap[t] = vocab.length;
      vocab.push(index.vocabList[t] ?? '');
    }
  };
  let passages = 0;
  for (const n of articles) {
    use(index.titleTerms[n] ?? new Uint32Array());
    for (const p of snap.passages.get(n) ?? []) {
      use(index.passageTerms(p));
      if (++passages % ORDER_SLICE === 0) yield;
    }
  }
  return { articles, termMap, vocab, passages };
}

/** Passages renumbered between two pauses of an async write. */
const ORDER_SLICE = 16_384;

/** A feature's JSON as frames: an object's array properties are cut into chunks, the rest kept whole. */
function* featureFrames(name: string, json: unknown): Generator<Uint8Array[]> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    yield jsonFrame(TAG.feature, { f: name, k: null, v: json });
    return;
  }
  for (const [key, value] of Object.entries(json)) {
    if (!Array.isArray(value)) yield jsonFrame(TAG.feature, { f: name, k: key, v: value });
    else {
      const prefix = `{"f":${JSON.stringify(name)},"k":${JSON.stringify(key)},"a":`;
      yield jsonFrame(TAG.feature, { f: name, k: key, n: value.length });
      yield* jsonListFrames(TAG.feature, value, (chunk, at) => `${prefix}${chunk},"at":${at}}`);
    }
  }
}

function* snapshotFrames(snap: CacheSnapshot, order: Order, key: CacheKey): Generator<Uint8Array[]> {
  const { index } = snap;
  const passagesOf = (n: number): readonly number[] => snap.passages.get(n) ?? [];
  const header: Header = {
    format: CACHE_FORMAT,
    version: CACHE_VERSION,
    endian: endianness(),
    ...key,
    articles: order.articles.length,
    passages: order.passages,
    vocab: order.vocab.length,
    warnings: snap.warnings.length,
  };
  let frames = 0;
  const counted = function* (gen: Iterable<Uint8Array[]>): Generator<Uint8Array[]> {
    for (const f of gen) {
      frames++;
      yield f;
    }
  };
  yield* counted([jsonFrame(TAG.header, header)]);
  yield* counted(jsonListFrames(TAG.articles, order.articles.map((n) => index.articles[n])));
  yield* counted(jsonListFrames(TAG.warnings, snap.warnings));
  yield* counted(jsonListFrames(TAG.vocab, order.vocab));
  const passageFrames = function* (): Generator<Uint8Array[]> {
    let out = new Uint32Array(FRAME_BYTES / 4);
    let at = 0;
    for (const [k, n] of order.articles.entries()) {
      for (const p of passagesOf(n)) {
        const passage = index.passages[p];
        if (!passage) throw new Error(`index: passage ${p} is missing`);
        out[at++] = k;
        out[at++] = passage.paragraph;
        out[at++] = passage.start;
        out[at++] = passage.end;
        if (at === out.length) {
          yield wordsFrame(TAG.passages, out);
          out = new Uint32Array(FRAME_BYTES / 4);
          at = 0;
        }
      }
    }
    if (at > 0) yield wordsFrame(TAG.passages, out.subarray(0, at));
  };
  yield* counted(passageFrames());
  const termLists = function* (): Generator<Uint32Array> {
    for (const n of order.articles) for (const p of passagesOf(n)) yield index.passageTerms(p);
  };
  const toNew = (t: number): number => order.termMap[t] ?? 0;
  yield* counted(listFrames(TAG.terms, termLists(), toNew));
  yield* counted(listFrames(TAG.titles, order.articles.map((n) => index.titleTerms[n] ?? new Uint32Array()), toNew));
  yield* counted(featureFrames('quotes', snap.quotes.toJSON()));
  // The digest's signatures (optional: a cache without them loads, and the digest makes them).
  const signatureFrames = function* (): Generator<Uint8Array[]> {
    for (const body of signatureParts(order.articles.map((n) => index.articles[n] as Article))) yield frameOf(TAG.signatures, body);
  };
  yield* counted(signatureFrames());
  yield jsonFrame(TAG.end, { frames: frames + 1 });
}

/** Writes all of `data`, however many calls it takes; a write that makes no progress is an error. */
function writeAll(fd: number, data: Uint8Array): void {
  for (let at = 0; at < data.byteLength; ) {
    const n = cacheFs.writeSync(fd, data, at, data.byteLength - at);
    if (!(n > 0)) throw new Error('the disk accepted no more bytes (is it full?)');
    at += n;
  }
}

const tempSuffix = /\.(\d+)\.\d+\.tmp$/;
let tempSerial = 0;
/** A temp file beside the cache, named for this process (the sweep tells live writers by it). */
const tempPath = (path: string): string => `${path}.${process.pid}.${Date.now() + tempSerial++}.tmp`;

/**
 * Writes the engine's index and features to the cache, atomically: a temp file beside it,
 * flushed, then renamed over it. On any failure the temp file is removed and the old cache stays.
 */
export function writeEngineCache(path: string, engine: Engine, key: CacheKey): void {
  fs.mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  let fd: number | undefined;
  try {
    fd = cacheFs.openSync(tmp, 'w');
    writeAll(fd, MAGIC);
    const snap = snapshotEngine(engine);
    for (const frame of snapshotFrames(snap, runNow(canonicalOrder(snap)), key)) for (const part of frame) writeAll(fd, part);
    cacheFs.fsyncSync(fd);
    cacheFs.closeSync(fd);
    fd = undefined;
    cacheFs.renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        cacheFs.closeSync(fd);
      } catch {
        // Already failing; the write's own error is the one to report.
      }
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes the engine to the cache. A failure is logged and returned, never thrown: serving goes
 * on without a cache and the next start rebuilds.
 */
export function saveEngine(engine: Engine, cachePath: string, key: CacheKey, log: Logger = silentLogger): boolean {
  try {
    writeEngineCache(cachePath, engine, key);
    log.info({ cache: cachePath }, 'index cache written');
    return true;
  } catch (e) {
    log.warn({ cache: cachePath, err: (e as Error).message }, 'could not write the index cache; serving goes on without it');
    return false;
  }
}

/** The file operations of an async cache write (by descriptor); tests swap them to simulate a full disk. */
export const cacheFsAsync = {
  open: promisify(fs.open),
  write: (fd: number, data: Uint8Array, offset: number, length: number): Promise<number> =>
    new Promise((resolve, reject) => fs.write(fd, data, offset, length, null, (err, n) => (err ? reject(err) : resolve(n)))),
  fsync: promisify(fs.fsync),
  close: promisify(fs.close),
  rename: promisify(fs.rename),
};

async function writeAllAsync(fd: number, data: Uint8Array): Promise<void> {
  for (let at = 0; at < data.byteLength; ) {
    const n = await cacheFsAsync.write(fd, data, at, data.byteLength - at);
    if (!(n > 0)) throw new Error('the disk accepted no more bytes (is it full?)');
    at += n;
  }
}

/**
 * `writeEngineCache` with the event loop free: the snapshot is renumbered in slices and written
 * a frame at a time, each frame made only once the last is on its way to the disk. The same
 * temp file, flush and rename, so a reader sees the old cache or the new one, never a part.
 */
export async function writeSnapshotAsync(path: string, snap: CacheSnapshot, key: CacheKey): Promise<void> {
  await fs.promises.mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  let fd: number | undefined;
  try {
    fd = await cacheFsAsync.open(tmp, 'w');
    await writeAllAsync(fd, MAGIC);
    const order = await runSliced(canonicalOrder(snap));
    for (const frame of snapshotFrames(snap, order, key)) for (const part of frame) await writeAllAsync(fd, part);
    await cacheFsAsync.fsync(fd);
    const closing = fd;
    fd = undefined;
    await cacheFsAsync.close(closing);
    await cacheFsAsync.rename(tmp, path);
  } catch (e) {
    if (fd !== undefined) await cacheFsAsync.close(fd).catch(() => undefined);
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}

/** `saveEngine` for a snapshot, written without blocking; a failure is logged and returned. */
export async function saveSnapshot(snap: CacheSnapshot, cachePath: string, key: CacheKey, log: Logger = silentLogger): Promise<boolean> {
  try {
    await writeSnapshotAsync(cachePath, snap, key);
    log.info({ cache: cachePath, generation: snap.generation }, 'index cache written');
    return true;
  } catch (e) {
    log.warn({ cache: cachePath, err: (e as Error).message }, 'could not write the index cache; serving goes on without it');
    return false;
  }
}

/**
 * Cache writes one at a time. A write asked for while one runs is made after it, from the engine
 * as it is then (any number of requests meanwhile share that one write), so the file always ends
 * up holding the newest generation and never a mix of two.
 */
export class CacheWriter {
  private running: Promise<boolean> | undefined;
  private queued: Promise<boolean> | undefined;
  private next: (() => { snap: CacheSnapshot; key: CacheKey }) | undefined;

  constructor(
    private readonly path: string,
    private readonly log: Logger = silentLogger,
  ) {}

  /** Writes what `take` returns (called when the write starts); resolves with whether that write worked. */
  write(take: () => { snap: CacheSnapshot; key: CacheKey }): Promise<boolean> {
    if (!this.running) return this.start(take);
    this.next = take;
    this.queued ??= this.running.then(() => {
      const latest = this.next ?? take;
      this.queued = undefined;
      this.next = undefined;
      return this.start(latest);
    });
    return this.queued;
  }

  /** Resolves once no write is running or waiting. */
  async idle(): Promise<void> {
    while (this.running ?? this.queued) await (this.queued ?? this.running);
  }

  get busy(): boolean {
    return this.running !== undefined || this.queued !== undefined;
  }

  private start(take: () => { snap: CacheSnapshot; key: CacheKey }): Promise<boolean> {
    let run: Promise<boolean>;
    try {
      const { snap, key } = take();
      run = saveSnapshot(snap, this.path, key, this.log);
    } catch (e) {
      run = Promise.reject(e as Error);
    }
    const tracked = run.finally(() => {
      if (this.running === tracked) this.running = undefined;
    });
    this.running = tracked;
    return tracked;
  }
}

/**
 * Removes temp files a killed writer left beside the cache: those of processes that no longer run,
 * or older than a day. Another live process's write in progress is left alone.
 */
export function sweepStaleTemps(path: string, log: Logger = silentLogger): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = tempSuffix.exec(name);
    if (!name.startsWith(prefix) || !m || name.slice(prefix.length).includes('/')) continue;
    const full = join(dir, name);
    const pid = Number(m[1]);
    try {
      const old = Date.now() - fs.statSync(full).mtimeMs > 24 * 3600 * 1000;
      if (pid !== process.pid && (old || !running(pid))) {
        fs.rmSync(full, { force: true });
        log.info({ file: full }, 'removed a temp file left by an interrupted cache write');
      }
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading.

/** A step of decoding: it needs the next frame (null at the end of the file), or lets other work run. */
type Decoding<T> = Generator<'frame' | 'slice', T, Frame | null | undefined>;

function* slices<T>(work: Sliced<T>, progress?: (slices: number) => void): Decoding<T> {
  for (let k = 1; ; k++) {
    const step = work.next();
    if (step.done) return step.value;
    progress?.(k);
    yield 'slice';
  }
}

/**
 * A fingerprint still being worked out (the archive scanned on another thread while the cache is
 * read): checked as soon as it is known, and waited for before the engine is returned.
 */
export interface LateFingerprint {
  peek(): string | undefined;
  wait(): string;
}

export interface RestoreOptions {
  dir: string;
  key: CacheKey | { settings: string; fingerprint: LateFingerprint };
  settings: IndexSettings;
  /** How far the load has got: 'reading the cache' (bytes), then 'restoring the index' (slices). */
  progress?: (phase: string, done: number, total: number) => void;
  /** Articles read from the cache so far. */
  articlesRead?: (n: number) => void;
  /**
   * Leave what only some commands need for their first use: MiniSearch and the common postings
   * (search, ask…) and the quotes. The command line sets it; a bot loads everything up front
   * (but the digest signatures, read on first need either way).
   */
  lazy?: boolean;
  /** Where to report what is not used but costs nothing to do without (stored digest signatures). */
  log?: Logger;
}

function* decodeEngine(opts: RestoreOptions): Decoding<Engine> {
  let frame = yield 'frame';
  let frames = 1;
  if (!frame || frame.tag !== TAG.header) throw new Unusable('cache is truncated or not a cache file');
  const header = jsonOf(HeaderSchema, frame, 'cache header');
  if (header.version !== CACHE_VERSION) throw new Unusable(`cache format version ${header.version} (want ${CACHE_VERSION})`);
  if (header.endian !== endianness()) throw new Unusable('cache was written on a machine of another byte order');
  if (header.settings !== opts.key.settings) throw new Unusable('index settings changed');
  const want = opts.key.fingerprint;
  const checkArchive = (fingerprint: string): void => {
    if (header.fingerprint !== fingerprint) throw new Unusable('archive changed');
  };
  let late = typeof want === 'string' ? (checkArchive(want), undefined) : want;
  const next = function* (): Decoding<Frame | null> {
    frames++;
    const known = late?.peek();
    if (known !== undefined) {
      late = undefined;
      checkArchive(known);
    }
    return (yield 'frame') ?? null;
  };
  frame = yield* next();

  const articles: Article[] = [];
  for (; frame?.tag === TAG.articles; frame = yield* next()) {
    for (const a of jsonOf(ArticlesSchema, frame, 'articles')) {
      const prev = articles[articles.length - 1];
      if (prev && !(`${prev.id}.txt` < `${a.id}.txt`)) throw new Unusable('articles are not in order');
      articles.push(a);
    }
    opts.articlesRead?.(articles.length);
  }
  if (articles.length !== header.articles) throw new Unusable(`cache holds ${articles.length} articles, its header says ${header.articles}`);

  const warnings: ArchiveWarning[] = [];
  for (; frame?.tag === TAG.warnings; frame = yield* next()) warnings.push(...jsonOf(WarningsSchema, frame, 'warnings'));
  if (warnings.length !== header.warnings) throw new Unusable('warning count does not match the header');

  const vocabList: string[] = [];
  for (; frame?.tag === TAG.vocab; frame = yield* next()) for (const t of jsonOf(VocabSchema, frame, 'vocabulary')) vocabList.push(t);
  if (vocabList.length !== header.vocab) throw new Unusable('vocabulary size does not match the header');

  const passages: Passage[] = [];
  for (; frame?.tag === TAG.passages; frame = yield* next()) {
    const w = wordsOf(frame, 'passages');
    if (w.length % 4 !== 0) throw new Unusable('passages have a bad length');
    for (let i = 0; i < w.length; i += 4) passages.push({ article: w[i] ?? 0, paragraph: w[i + 1] ?? 0, start: w[i + 2] ?? 0, end: w[i + 3] ?? 0 });
  }
  if (passages.length !== header.passages) throw new Unusable('passage count does not match the header');

  const readLists = function* (tag: number, part: string, count: number): Decoding<Uint32Array[]> {
    const lists: Uint32Array[] = [];
    for (; frame?.tag === tag; frame = yield* next()) {
      const w = wordsOf(frame, part);
      const n = w[0] ?? 0;
      let at = 1 + n;
      if (at > w.length) throw new Unusable(`${part} are truncated`);
      for (let i = 0; i < n; i++) {
        const len = w[1 + i] ?? 0;
        if (at + len > w.length) throw new Unusable(`${part} are truncated`);
        lists.push(w.subarray(at, at + len));
        at += len;
      }
      if (at !== w.length) throw new Unusable(`${part} have trailing data`);
      // One pass over the frame's values (an indexed loop: much cheaper than one per list).
      const vocab = vocabList.length;
      for (let i = 1 + n; i < w.length; i++) if ((w[i] ?? 0) >= vocab) throw new Unusable(`${part} name a term outside the vocabulary`);
    }
    if (lists.length !== count) throw new Unusable(`${part} do not match the header`);
    return lists;
  };
  const passageTerms = yield* readLists(TAG.terms, 'passage terms', passages.length);
  const titleTerms = yield* readLists(TAG.titles, 'title terms', articles.length);

  const features: Frame[] = [];
  for (; frame?.tag === TAG.feature; frame = yield* next()) features.push(frame);
  // Read (and checked) only when a digest first needs a signature; see signature-store.ts.
  const signatures: Uint8Array[] = [];
  for (; frame?.tag === TAG.signatures; frame = yield* next()) signatures.push(frame.body);
  if (!frame || frame.tag !== TAG.end) throw new Unusable('cache is truncated (no end mark)');
  if (jsonOf(EndSchema, frame, 'end mark').frames !== frames) throw new Unusable('cache has frames missing or repeated');
  if ((yield 'frame') !== null) throw new Unusable('cache has data after its end mark');

  const parts = { articles, passages, vocabList, passageTerms, titleTerms } satisfies IndexParts;
  const archive: Archive = { dir: opts.dir, articles: articles.slice(), warnings };
  if (opts.lazy) {
    let index: PassageIndex;
    try {
      index = PassageIndex.restoreLazy(parts, opts.settings);
    } catch (e) {
      throw new Unusable((e as Error).message);
    }
    // The quotes are decoded and checked on first use; should they fail then, they are found
    // again from the articles, which is what a rebuild would do.
    if (late) checkArchive(late.wait());
    const engine: Engine = new Engine(archive, index, () => {
      try {
        const quotes = quotesOf(features);
        checkQuotes(quotes, engine);
        return quotes;
      } catch (e) {
        if (!(e instanceof Unusable)) throw e;
        return QuoteStore.build(archive.articles);
      }
    });
    offerStoredSignatures(signatures, articles, opts.log, opts.dir);
    return engine;
  }
  let index: PassageIndex;
  try {
    // About how many slices the restore takes (checks, two counting passes, MiniSearch), for the progress figure.
    const steps = 5 * Math.ceil(passages.length / 4096) + Math.ceil(vocabList.length / 16_384) + 1;
    index = yield* slices(PassageIndex.restoreSliced(parts, opts.settings), opts.progress && ((k) => opts.progress?.('restoring the index', Math.min(k, steps), steps)));
  } catch (e) {
    throw new Unusable((e as Error).message);
  }
  const quotes = quotesOf(features);
  if (late) checkArchive(late.wait());
  const engine = new Engine(archive, index, quotes);
  checkQuotes(quotes, engine);
  // The digest's signatures are not read up front, even by a bot: its start-up warm-up reads
  // those it makes ready (the newest WARM_DIGEST_ARTICLES and a sample), a digest the rest.
  offerStoredSignatures(signatures, articles, opts.log, opts.dir);
  return engine;
}

/** The quote store from its feature frames; Unusable when they do not make one. */
function quotesOf(frames: readonly Frame[]): QuoteStore {
  const featureJson = new Map<string, unknown>();
  /** Each array property's announced length; its chunks must add up to it, in order. */
  const lengths = new Map<unknown[], number>();
  for (const frame of frames) {
    const part = jsonOf(FeatureFrameSchema, frame, 'feature data');
    if (part.k === null) {
      if (featureJson.has(part.f)) throw new Unusable(`feature ${part.f} is saved twice`);
      featureJson.set(part.f, part.v);
      continue;
    }
    const obj = featureJson.get(part.f) ?? {};
    if (typeof obj !== 'object' || obj === null) throw new Unusable(`feature ${part.f} is saved twice`);
    featureJson.set(part.f, obj);
    const fields = obj as Record<string, unknown>;
    const list = fields[part.k];
    if (part.a) {
      if (!Array.isArray(list) || part.at !== list.length) throw new Unusable(`feature ${part.f}: ${part.k} is out of order`);
      for (const x of part.a) list.push(x);
    } else if (list !== undefined) throw new Unusable(`feature ${part.f} repeats ${part.k}`);
    else if (part.n !== undefined) {
      const items: unknown[] = [];
      lengths.set(items, part.n);
      fields[part.k] = items;
    } else fields[part.k] = part.v;
  }
  for (const [list, n] of lengths) if (list.length !== n) throw new Unusable('feature data is truncated');
  if (!featureJson.has('quotes')) throw new Unusable('cache has no quotes');
  try {
    return QuoteStore.fromJSON(featureJson.get('quotes'));
  } catch (e) {
    throw new Unusable((e as Error).message);
  }
}

/**
 * Each saved quote must be the very words of its paragraph, in an article of the archive, and the
 * speaker list must agree with the quotes: one entry per speaker, its counts, roles it was seen with.
 */
function checkQuotes(store: QuoteStore, engine: Engine): void {
  const byId = new Map(engine.articles.map((a) => [a.id, a]));
  const seen = new Map<string, { quotes: number; articles: Set<string>; roles: Set<string> }>();
  for (const q of store.quotes) {
    const a = byId.get(q.article);
    if (!a || a.date !== q.date || q.start >= q.end || a.paragraphs[q.paragraph - 1]?.slice(q.start, q.end) !== q.text) {
      throw new Unusable('a saved quote does not match its article');
    }
    if (q.speaker === null || !isListedSpeaker(q.speaker)) continue;
    const s = seen.get(q.speaker) ?? { quotes: 0, articles: new Set<string>(), roles: new Set<string>() };
    seen.set(q.speaker, s);
    s.quotes++;
    s.articles.add(q.article);
    if (q.role) s.roles.add(q.role.toLowerCase());
  }
  const entries = store.speakers(Number.MAX_SAFE_INTEGER);
  if (entries.length !== seen.size) throw new Unusable('the saved speaker list does not match the quotes');
  for (const e of entries) {
    const s = seen.get(e.name);
    const roles = new Set(e.roles.map((r) => (typeof r === 'string' ? r.toLowerCase() : '')));
    // At least as many: names the registry did not list in one form are merged into it by case.
    const counts = s !== undefined && e.quotes >= 1 && e.quotes <= s.quotes && e.articles >= 1 && e.articles <= s.articles.size;
    if (!s || !counts || roles.size !== e.roles.length || ![...roles].every((r) => s.roles.has(r))) {
      throw new Unusable('the saved speaker list does not match the quotes');
    }
  }
}

/**
 * The key a cache file was written for, from its header alone (the magic and the first frame):
 * enough to tell whether it is current without loading it. Undefined for anything unreadable.
 */
export function readCacheKey(path: string): CacheKey | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const magic = new Uint8Array(MAGIC.length);
    checkMagic(magic, fs.readSync(fd, magic, 0, magic.byteLength, 0));
    const head = new Uint8Array(HEAD_BYTES);
    const { tag, length, crc } = checkHead(head, fs.readSync(fd, head, 0, HEAD_BYTES, MAGIC.length));
    const body = new Uint8Array(length);
    checkBody(body, fs.readSync(fd, body, 0, length, MAGIC.length + HEAD_BYTES), crc);
    if (tag !== TAG.header) return undefined;
    const header = jsonOf(HeaderSchema, { tag, body }, 'cache header');
    if (header.version !== CACHE_VERSION || header.endian !== endianness()) return undefined;
    return { settings: header.settings, fingerprint: header.fingerprint };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export type CacheLoad = { ok: true; engine: Engine } | { ok: false; reason: string };

const readFailure = (e: unknown): CacheLoad => {
  if (e instanceof Unusable) return { ok: false, reason: e.message };
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, reason: 'no cache yet' };
  if (code) return { ok: false, reason: `cache unreadable (${code})` };
  throw e;
};

function checkMagic(bytes: Uint8Array, n: number): void {
  if (n < MAGIC.length) throw new Unusable('cache is truncated or not a cache file');
  if (!MAGIC.equals(bytes.subarray(0, MAGIC.length))) throw new Unusable('not an index cache file');
}

function checkHead(head: Uint8Array, n: number): { tag: number; length: number; crc: number } {
  if (n < HEAD_BYTES) throw new Unusable('cache is truncated or corrupt');
  const view = Buffer.from(head.buffer, head.byteOffset, HEAD_BYTES);
  const length = view.readUInt32LE(4);
  if (length > MAX_FRAME_BYTES) throw new Unusable('cache is corrupt (a frame is too long)');
  return { tag: view.readUInt32LE(0), length, crc: view.readUInt32LE(8) };
}

function checkBody(body: Uint8Array, n: number, crc: number): void {
  if (n < body.byteLength) throw new Unusable('cache is truncated or corrupt');
  if (crc32(body) !== crc) throw new Unusable('cache is truncated or corrupt (checksum mismatch)');
}

/** A read the loader needs (into `buf`, from `pos`; answered with the bytes read), or a pause. */
type Io = { buf: Uint8Array; pos: number } | 'slice';

/** Reading and decoding a cache file, as a series of reads for a sync or an async caller to do. */
function* readEngine(opts: RestoreOptions, size = 0): Generator<Io, Engine, number> {
  const magic = new Uint8Array(MAGIC.length);
  checkMagic(magic, yield { buf: magic, pos: 0 });
  let pos = MAGIC.length;
  const head = new Uint8Array(HEAD_BYTES);
  const work = decodeEngine(opts);
  for (let step = work.next(); ; ) {
    if (step.done) return step.value;
    if (step.value === 'slice') {
      yield 'slice';
      step = work.next();
      continue;
    }
    const n = yield { buf: head, pos };
    if (n === 0) {
      step = work.next(null);
      continue;
    }
    const { tag, length, crc } = checkHead(head, n);
    const body = new Uint8Array(length);
    checkBody(body, length === 0 ? 0 : yield { buf: body, pos: pos + HEAD_BYTES }, crc);
    pos += HEAD_BYTES + length;
    opts.progress?.('reading the cache', pos, size);
    step = work.next({ tag, body });
  }
}

/** Loads an engine from the cache, all at once. Says why when the cache cannot be used; never throws for a bad cache. */
export function loadEngineCache(path: string, opts: RestoreOptions): CacheLoad {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const io = readEngine(opts);
    for (let r = io.next(); ; ) {
      if (r.done) return { ok: true, engine: r.value };
      r = io.next(r.value === 'slice' ? 0 : fs.readSync(fd, r.value.buf, 0, r.value.buf.byteLength, r.value.pos));
    }
  } catch (e) {
    return readFailure(e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** `loadEngineCache` with the event loop free: reads a frame at a time and restores in slices. */
export async function loadEngineCacheAsync(path: string, opts: RestoreOptions): Promise<CacheLoad> {
  let fh: fs.promises.FileHandle | undefined;
  try {
    fh = await fs.promises.open(path, 'r');
    const io = readEngine(opts, opts.progress ? (await fh.stat()).size : 0);
    for (let r = io.next(); ; ) {
      if (r.done) return { ok: true, engine: r.value };
      if (r.value === 'slice') {
        await nextTurn();
        r = io.next(0);
      } else r = io.next((await fh.read(r.value.buf, 0, r.value.buf.byteLength, r.value.pos)).bytesRead);
    }
  } catch (e) {
    return readFailure(e);
  } finally {
    await fh?.close();
  }
}
