import type { AsPlainObject } from 'minisearch';
import { loadArchive, scanArchive } from './archive/load.js';
import type { Archive, Article, ArchiveWarning } from './archive/types.js';
import { Engine } from './engine.js';
import { FEATURES, type Feature } from './features.js';
import { silentLogger, type Logger } from './log.js';
import { archiveFingerprint, readCache, sha256, writeCache, CACHE_VERSION } from './search/cache.js';
import { DEFAULT_INDEX_SETTINGS, PassageIndex, type IndexSettings } from './search/index.js';
import type { Passage } from './search/passages.js';

export interface OpenOptions {
  archiveDir: string;
  /** Where to keep the built index between starts; no caching when absent. */
  cachePath?: string;
  log?: Logger;
  settings?: IndexSettings;
  features?: ReadonlyArray<Feature<unknown>>;
}

export interface Opened {
  engine: Engine;
  /** Whether the index came from the cache or was built, and why it was built. */
  source: 'cache' | 'built';
  reason?: string;
}

interface Payload {
  articles: Article[];
  warnings: ArchiveWarning[];
  passages: number[];
  vocab: string[];
  termStarts: string;
  termIds: string;
  titleTerms: number[][];
  mini: AsPlainObject;
  features: Record<string, unknown>;
}

const toB64 = (a: Uint32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromB64(s: string): Uint32Array {
  const b = Buffer.from(s, 'base64');
  if (b.byteLength % 4 !== 0) throw new Error('cache: bad term array length');
  // Copy into a fresh, aligned buffer: Buffer's pool offset may not be 4-byte aligned.
  const out = new Uint32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

/** Loads the archive and its index: from the cache when the archive and settings are unchanged. */
export function openEngine(opts: OpenOptions): Opened {
  const log = opts.log ?? silentLogger;
  const settings = opts.settings ?? DEFAULT_INDEX_SETTINGS;
  const features = opts.features ?? FEATURES;
  const files = scanArchive(opts.archiveDir);
  const fingerprint = archiveFingerprint(files);
  const settingsHash = sha256(JSON.stringify({ CACHE_VERSION, settings, features: features.map((f) => [f.name, f.version]) }));

  let reason = 'no cache configured';
  if (opts.cachePath) {
    const read = readCache(opts.cachePath, { settings: settingsHash, fingerprint });
    if (read.ok) {
      try {
        const engine = restore(opts.archiveDir, read.payload, settings, features);
        log.info({ cache: opts.cachePath, articles: engine.articles.length }, 'index loaded from cache');
        return { engine, source: 'cache' };
      } catch (e) {
        reason = `cache payload unusable (${(e as Error).message})`;
      }
    } else reason = read.reason;
    log.info({ cache: opts.cachePath, reason }, `building index: ${reason}`);
  }

  const archive = loadArchive(opts.archiveDir, files);
  for (const w of archive.warnings) log.warn({ file: w.file }, w.message);
  const index = PassageIndex.build(archive.articles, settings);
  const engine = new Engine(archive, index);
  const built: Record<string, unknown> = {};
  for (const f of features) {
    const data = f.build(archive, index);
    f.attach(engine, data);
    built[f.name] = f.save(data);
  }
  if (opts.cachePath) {
    try {
      const payload: Payload = {
        articles: archive.articles,
        warnings: archive.warnings,
        passages: index.passages.flatMap((p) => [p.article, p.paragraph, p.start, p.end]),
        vocab: [...index.vocabList],
        termStarts: toB64(index.termStarts),
        termIds: toB64(index.termIds),
        titleTerms: index.titleTerms.map((t) => Array.from(t)),
        mini: index.miniPlain(),
        features: built,
      };
      writeCache(opts.cachePath, { settings: settingsHash, fingerprint }, payload);
      log.info({ cache: opts.cachePath }, 'index cache written');
    } catch (e) {
      // Serving goes on without a cache; the next start rebuilds.
      log.warn({ cache: opts.cachePath, err: (e as Error).message }, 'could not write the index cache');
    }
  }
  return { engine, source: 'built', reason };
}

function restore(dir: string, json: unknown, settings: IndexSettings, features: ReadonlyArray<Feature<unknown>>): Engine {
  if (typeof json !== 'object' || json === null) throw new Error('payload is not an object');
  const p = json as Partial<Payload>;
  if (!Array.isArray(p.articles) || !Array.isArray(p.passages) || !Array.isArray(p.vocab) || !p.mini || typeof p.termIds !== 'string' || typeof p.termStarts !== 'string') {
    throw new Error('payload is missing parts');
  }
  const archive: Archive = { dir, articles: p.articles, warnings: p.warnings ?? [] };
  const passages: Passage[] = [];
  for (let i = 0; i + 3 < p.passages.length; i += 4) {
    passages.push({ article: p.passages[i] ?? 0, paragraph: p.passages[i + 1] ?? 1, start: p.passages[i + 2] ?? 0, end: p.passages[i + 3] ?? 0 });
  }
  const termStarts = fromB64(p.termStarts);
  if (termStarts.length !== passages.length + 1) throw new Error('term offsets do not match the passages');
  const index = PassageIndex.restore(
    archive.articles,
    passages,
    settings,
    p.vocab,
    termStarts,
    fromB64(p.termIds),
    (p.titleTerms ?? []).map((t) => Uint32Array.from(t)),
    p.mini,
  );
  const engine = new Engine(archive, index);
  for (const f of features) {
    const data = f.load(p.features?.[f.name], archive, index);
    f.attach(engine, data);
  }
  return engine;
}
