import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArchive, scanArchive } from '../../src/archive/load.js';
import type { Engine } from '../../src/engine.js';
import { buildEngine, checkHeapRoom, openEngine, openEngineAsync, prepareCache, saveEngine, scanAsideFrom, settingsHash } from '../../src/open.js';
import { SetupError } from '../../src/errors.js';
import { scanInBackground } from '../../src/archive/background-scan.js';
import { LiveArchive } from '../../src/live/live-archive.js';
import { archiveFingerprint, cacheFs, cacheFsAsync, loadEngineCache, saveSnapshot, snapshotEngine } from '../../src/search/cache.js';
import { DEFAULT_INDEX_SETTINGS, miniOptions, PassageIndex } from '../../src/search/index.js';
import { FIXTURE, removeDir, writeArchive, writeFiles } from '../helpers/archive.js';
import { editFrames, jsonBody, TAGS } from '../helpers/cache-frames.js';

let archiveDir: string;
let cacheDir: string;
let cachePath: string;

beforeEach(() => {
  archiveDir = writeArchive();
  cacheDir = writeArchive({});
  cachePath = join(cacheDir, 'index.cache');
});
afterEach(() => {
  removeDir(archiveDir);
  removeDir(cacheDir);
});

/** Everything a user can see of an engine's answers: hits with scores, answers, quotes, speakers. */
function everyAnswer(e: Engine) {
  const store = e.quotes;
  const speakers = store.speakers(50);
  return {
    search: ['subpoenas', 'water contract', 'harbor', 'subpoe', 'subpenas Riverton', 'ride-hailing fee', 'council', 'the city said'].map((query) =>
      e.search({ query, limit: 25 }),
    ),
    dated: e.search({ query: 'council city', from: '2020-03', to: '2020' }),
    bySpeaker: speakers.slice(0, 3).map((s) => e.search({ query: 'city', speaker: s.name, limit: 25 })),
    ask: ['When was Khan charged with murder?', 'Who owns the café?', 'How many drivers gathered?'].map((question) => e.ask({ question, limit: 10 })),
    speakers,
    quotes: speakers.map((s) => store.quotesBySpeaker(s.name)),
    articleQuotes: e.articles.map((a) => store.quotesOfArticle(a.id)),
    articles: e.articles.map((a) => e.article(a.id)),
    stats: e.stats(),
    suggest: e.suggestArticles('cafe'),
  };
}

const key = () => ({ settings: settingsHash(DEFAULT_INDEX_SETTINGS), fingerprint: archiveFingerprint(scanArchive(archiveDir)) });

describe('index built from term ids', () => {
  it('GIVEN any archive THEN MiniSearch holds exactly what addAll would have put in it', () => {
    for (const settings of [DEFAULT_INDEX_SETTINGS, { ...DEFAULT_INDEX_SETTINGS, commonMinDf: 2, commonShare: 0.05 }]) {
      const index = PassageIndex.build(loadArchive(archiveDir).articles, settings);
      const viaAdd = new MiniSearch<{ id: number }>(miniOptions(index));
      viaAdd.addAll(index.passages.map((_, id) => ({ id })));
      // Queries first (terms made into Maps on demand), then the whole state.
      for (const q of ['subpoena', 'water contract', 'harbr', 'cit', 'council riverton']) {
        const opts = { prefix: true, fuzzy: 0.3, boost: { title: 1.5 }, combineWith: 'OR' as const };
        expect(index.mini.search(q, opts)).toEqual(viaAdd.search(q, opts));
      }
      expect(JSON.stringify(index.mini.toJSON())).toBe(JSON.stringify(viaAdd.toJSON()));
      expect(index.mini.documentCount).toBe(index.passages.length);
    }
  });
});

describe('answers before and after the cache', () => {
  it('GIVEN the fixture archive THEN a cached engine answers exactly as a fresh build (hits, scores, quotes)', async () => {
    const fresh = everyAnswer(buildEngine(loadArchive(archiveDir)));
    const built = openEngine({ archiveDir, cachePath });
    expect(built.source).toBe('built');
    const cached = openEngine({ archiveDir, cachePath });
    expect(cached.source).toBe('cache');
    const cachedAsync = await openEngineAsync({ archiveDir, cachePath });
    expect(cachedAsync.source).toBe('cache');
    expect(everyAnswer(built.engine)).toEqual(fresh);
    expect(everyAnswer(cached.engine)).toEqual(fresh);
    expect(everyAnswer(cachedAsync.engine)).toEqual(fresh);
    expect(fresh.quotes.flat().length).toBeGreaterThan(3);
  });

  it('GIVEN live changes (removed, changed, added articles) THEN the saved cache loads as a fresh build of the new archive', () => {
    const live = openEngine({ archiveDir, cachePath }).engine;
    rmSync(join(archiveDir, '2020/ice-subpoenas.txt'));
    writeFiles(archiveDir, {
      '2021/ferry-schedule.txt': (FIXTURE['2021/ferry-schedule.txt'] ?? '').replace('forty minutes', 'twenty-five minutes, with a new hydrofoil,'),
      '2000/aaa-first.txt': 'date 2000-01-01 "The hydrofoil is late again," said Pat Moreno, a commuter, on the ferry dock.',
    });
    const now = loadArchive(archiveDir);
    const upserts = now.articles.filter((a) => ['2021/ferry-schedule', '2000/aaa-first'].includes(a.id));
    live.applyChanges({ upserts, removals: ['2020/ice-subpoenas'], warnings: now.warnings });
    expect(live.index.removedArticles.size).toBe(2);
    expect(saveEngine(live, cachePath, key())).toBe(true);
    const reopened = openEngine({ archiveDir, cachePath });
    expect(reopened.source).toBe('cache');
    expect(reopened.engine.index.removedArticles.size).toBe(0);
    expect(reopened.engine.index.passages.length).toBe(reopened.engine.index.size);
    const fresh = buildEngine(loadArchive(archiveDir));
    expect(everyAnswer(reopened.engine)).toEqual(everyAnswer(fresh));
    expect(reopened.engine.index.vocabList).toEqual(fresh.index.vocabList);
  });
});

describe('writing the cache', () => {
  /** Runs `run` with the cache's writes going through `write` (the real write, given fewer bytes). */
  const withWrite = (write: (fd: number, data: Uint8Array, offset: number, length: number) => number, run: () => void): void => {
    const real = cacheFs.writeSync;
    cacheFs.writeSync = write as typeof cacheFs.writeSync;
    try {
      run();
    } finally {
      cacheFs.writeSync = real;
    }
  };
  const temps = (): string[] => readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'));

  it('GIVEN writes that take only part of the bytes each time THEN it keeps writing and the cache is whole', () => {
    const engine = openEngine({ archiveDir }).engine;
    let calls = 0;
    withWrite(
      (fd, data, offset, length) => {
        calls++;
        return realWrite(fd, data, offset, Math.min(length, 777));
      },
      () => expect(saveEngine(engine, cachePath, key())).toBe(true),
    );
    expect(calls).toBeGreaterThan(20);
    expect(openEngine({ archiveDir, cachePath }).source).toBe('cache');
  });

  it('GIVEN a disk that fills up mid-write (short counts, then none) THEN the old cache stays whole and no temp file is left', () => {
    openEngine({ archiveDir, cachePath });
    const before = readFileSync(cachePath);
    writeFiles(archiveDir, { 'extra.txt': 'date 2020-01-01 A short note about snow removal.' });
    const engine = openEngine({ archiveDir }).engine;
    let room = 5000;
    withWrite(
      (fd, data, offset, length) => {
        const n = Math.min(length, room, 300);
        room -= n;
        return n === 0 ? 0 : realWrite(fd, data, offset, n);
      },
      () => expect(saveEngine(engine, cachePath, key())).toBe(false),
    );
    expect(readFileSync(cachePath)).toEqual(before);
    expect(temps()).toEqual([]);
    // The old cache is for the old archive: the next start rebuilds instead of loading it wrong.
    expect(openEngine({ archiveDir, cachePath }).reason).toBe('archive changed');
  });

  it('GIVEN ENOSPC thrown by the disk THEN the write fails cleanly too', () => {
    const engine = openEngine({ archiveDir }).engine;
    withWrite(
      () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
      () => expect(saveEngine(engine, cachePath, key())).toBe(false),
    );
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('GIVEN temp files left by a killed writer THEN the next start removes them, and leaves those of live writers and other files', () => {
    writeFiles(cacheDir, {
      'index.cache.999999999.1700000000000.tmp': 'half a cache',
      [`index.cache.${process.ppid}.1700000000000.tmp`]: 'a live writer',
      'other.cache.999999999.1700000000000.tmp': 'another cache',
      'notes.txt': 'keep',
    });
    openEngine({ archiveDir, cachePath });
    expect(readdirSync(cacheDir).sort()).toEqual(['index.cache', `index.cache.${process.ppid}.1700000000000.tmp`, 'notes.txt', 'other.cache.999999999.1700000000000.tmp'].sort());
    expect(statSync(cachePath).size).toBeGreaterThan(0);
  });
});

describe('opening with the event loop free', () => {
  it('GIVEN a cache THEN other work runs between the steps of an async open', async () => {
    openEngine({ archiveDir, cachePath });
    let turns = 0;
    let stop = false;
    const spin = (): void => {
      if (stop) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const opened = await openEngineAsync({ archiveDir, cachePath });
    stop = true;
    expect(opened.source).toBe('cache');
    expect(turns).toBeGreaterThan(5);
  });

  it('GIVEN a bad cache THEN the async open rebuilds with the same reason as the sync one', async () => {
    openEngine({ archiveDir, cachePath });
    writeFileSync(cachePath, readFileSync(cachePath).subarray(0, 100));
    const opened = await openEngineAsync({ archiveDir, cachePath });
    expect(opened).toMatchObject({ source: 'built', reason: 'cache is truncated or corrupt' });
    expect(openEngine({ archiveDir, cachePath }).source).toBe('cache');
  });
});

const realWrite = (fd: number, data: Uint8Array, offset: number, length: number): number => writeSync(fd, data, offset, length);

describe('archives larger than the heap', () => {
  it('GIVEN an archive whose index would not fit in the heap Node allows THEN it is refused with a message naming the limit', () => {
    const files = [{ path: 'big.txt', size: 2 ** 30, mtimeMs: 0 }];
    expect(() => checkHeapRoom(files, 'build', 4 * 2 ** 30)).toThrow(SetupError);
    expect(() => checkHeapRoom(files, 'build', 4 * 2 ** 30)).toThrow(/1024 MB of text; building its index needs about 10\.0 GB .*\(4\.0 GB, its --max-old-space-size\).*NODE_OPTIONS=--max-old-space-size=12800/);
    expect(() => checkHeapRoom(files, 'load', 16 * 2 ** 30)).not.toThrow();
    // The fixture archive fits in any real process.
    expect(() => checkHeapRoom(scanArchive(archiveDir), 'build')).not.toThrow();
  });
});

describe('writing the cache without blocking (the live archive)', () => {
  type AsyncWrite = typeof cacheFsAsync.write;
  const realAsyncWrite = cacheFsAsync.write;
  afterEach(() => {
    cacheFsAsync.write = realAsyncWrite;
  });
  const temps = (): string[] => readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'));

  it('GIVEN live changes landing in the middle of a write THEN each write is whole: the first one the archive before, the last one a fresh build of the final archive; other work runs between frames', async () => {
    const before = buildEngine(loadArchive(archiveDir));
    const keyBefore = key();
    const live = new LiveArchive(openEngine({ archiveDir }), { archiveDir, cachePath });
    // A ticker stands for the bot's other work: it must get turns while the cache is written.
    let ticks = 0;
    let ticking = true;
    const tick = (): void => {
      ticks++;
      if (ticking) setImmediate(tick);
    };
    tick();
    const ticksAtWrite: number[] = [];
    let changed = false;
    let second: Promise<boolean> | undefined;
    cacheFsAsync.write = (async (fd, data, offset, length) => {
      ticksAtWrite.push(ticks);
      if (ticksAtWrite.length === 4 && !changed) {
        // Mid-write: an article removed, one changed, one added, applied to the live engine in place.
        changed = true;
        rmSync(join(archiveDir, '2020/ice-subpoenas.txt'));
        writeFiles(archiveDir, {
          '2021/ferry-schedule.txt': (FIXTURE['2021/ferry-schedule.txt'] ?? '').replace('forty minutes', 'twenty-five minutes, with a new hydrofoil,'),
          '2000/aaa-first.txt': 'date 2000-01-01 "The hydrofoil is late again," said Pat Moreno, a commuter, on the ferry dock.',
        });
        expect(live.sync()).toMatchObject({ added: ['2000/aaa-first'], changed: ['2021/ferry-schedule'], removed: ['2020/ice-subpoenas'] });
        second = live.writeCache();
      }
      return realAsyncWrite(fd, data, offset, length);
    }) as AsyncWrite;
    const firstPath = join(cacheDir, 'first.cache');
    const first = live.writeCache().then((ok) => {
      // Kept before the second write replaces it.
      writeFileSync(firstPath, readFileSync(cachePath));
      return ok;
    });
    expect(await first).toBe(true);
    expect(second).toBeDefined();
    expect(await second).toBe(true);
    ticking = false;
    await live.close();

    // Between most writes the ticker had a turn (two writes may finish in one turn of the loop;
    // a writer that made its frames in one go would give it none until the end).
    expect(ticksAtWrite.length).toBeGreaterThan(10);
    const turns = ticksAtWrite.filter((t, i) => i > 0 && t > (ticksAtWrite[i - 1] ?? 0)).length;
    expect(turns).toBeGreaterThanOrEqual(ticksAtWrite.length / 2);
    // The first write holds the archive as it was when it started, not a mix.
    const firstLoad = loadEngineCache(firstPath, { dir: archiveDir, key: keyBefore, settings: DEFAULT_INDEX_SETTINGS });
    if (!firstLoad.ok) throw new Error(firstLoad.reason);
    expect(everyAnswer(firstLoad.engine)).toEqual(everyAnswer(before));
    // The last write holds the archive now.
    const reopened = openEngine({ archiveDir, cachePath });
    expect(reopened.source).toBe('cache');
    expect(everyAnswer(reopened.engine)).toEqual(everyAnswer(buildEngine(loadArchive(archiveDir))));
    expect(temps()).toEqual([]);
  });

  it('GIVEN short writes THEN the async writer keeps writing; GIVEN a disk that fills THEN it fails, keeps the old cache and leaves no temp file', async () => {
    const engine = openEngine({ archiveDir }).engine;
    cacheFsAsync.write = ((fd, data, offset, length) => realAsyncWrite(fd, data, offset, Math.min(length, 777))) as AsyncWrite;
    expect(await saveSnapshot(snapshotEngine(engine), cachePath, key())).toBe(true);
    expect(openEngine({ archiveDir, cachePath }).source).toBe('cache');
    const whole = readFileSync(cachePath);
    let room = 5000;
    cacheFsAsync.write = ((fd, data, offset, length) => {
      const n = Math.min(length, room, 300);
      room -= n;
      return n === 0 ? Promise.resolve(0) : realAsyncWrite(fd, data, offset, n);
    }) as AsyncWrite;
    writeFiles(archiveDir, { 'extra.txt': 'date 2020-01-01 A short note about snow removal.' });
    expect(await saveSnapshot(snapshotEngine(openEngine({ archiveDir }).engine), cachePath, key())).toBe(false);
    expect(readFileSync(cachePath)).toEqual(whole);
    expect(temps()).toEqual([]);
  });

  it('GIVEN many write requests while one runs THEN they share one more write, of the newest engine', async () => {
    const live = new LiveArchive(openEngine({ archiveDir }), { archiveDir, cachePath });
    let opened = 0;
    const realOpen = cacheFsAsync.open;
    cacheFsAsync.open = ((...args: Parameters<typeof realOpen>) => {
      opened++;
      return realOpen(...args);
    }) as typeof realOpen;
    try {
      const writes = [live.writeCache(), live.writeCache(), live.writeCache(), live.writeCache()];
      expect(await Promise.all(writes)).toEqual([true, true, true, true]);
    } finally {
      cacheFsAsync.open = realOpen;
    }
    expect(opened).toBe(2);
    await live.close();
  });
});

describe('prepareCache (the shard manager)', () => {
  it('GIVEN no cache, a current one, a changed archive or a foreign file THEN it builds only when the header does not match', () => {
    expect(prepareCache({ archiveDir, cachePath })).toEqual({ source: 'built', reason: 'no cache yet' });
    const written = readFileSync(cachePath);
    expect(prepareCache({ archiveDir, cachePath })).toEqual({ source: 'cache' });
    expect(readFileSync(cachePath)).toEqual(written);
    writeFiles(archiveDir, { 'extra.txt': 'date 2020-01-01 A short note about snow removal.' });
    expect(prepareCache({ archiveDir, cachePath })).toEqual({ source: 'built', reason: 'archive changed' });
    expect(openEngine({ archiveDir, cachePath }).source).toBe('cache');
    writeFileSync(cachePath, 'not a cache at all');
    expect(prepareCache({ archiveDir, cachePath })).toMatchObject({ source: 'built' });
    expect(openEngine({ archiveDir, cachePath }).source).toBe('cache');
  });
});

describe('lazy restore (the command line)', () => {
  it('GIVEN a lazy open from the cache THEN every answer equals a fresh build, and so do live changes applied to it', () => {
    const fresh = everyAnswer(buildEngine(loadArchive(archiveDir)));
    openEngine({ archiveDir, cachePath });
    const lazy = openEngine({ archiveDir, cachePath, lazy: true });
    expect(lazy.source).toBe('cache');
    // Stats first, which must not need what was left for later; then everything.
    expect(lazy.engine.stats()).toEqual(fresh.stats);
    expect(everyAnswer(lazy.engine)).toEqual(fresh);
    const other = openEngine({ archiveDir, cachePath, lazy: true }).engine;
    other.applyChanges({ upserts: [], removals: ['2020/ice-subpoenas'], warnings: [] });
    const eager = openEngine({ archiveDir, cachePath }).engine;
    eager.applyChanges({ upserts: [], removals: ['2020/ice-subpoenas'], warnings: [] });
    expect(everyAnswer(other)).toEqual(everyAnswer(eager));
  });

  it('GIVEN saved quotes that turn out bad on first use THEN they are found again from the articles: the same answers as a fresh build', () => {
    const fresh = everyAnswer(buildEngine(loadArchive(archiveDir)));
    openEngine({ archiveDir, cachePath });
    editFrames(cachePath, (frames) => frames.map((f) => (f.tag === TAGS.feature ? { tag: f.tag, body: jsonBody({ f: 'quotes', k: 'quotes', v: 'garbage' }) } : f)));
    const lazy = openEngine({ archiveDir, cachePath, lazy: true });
    expect(lazy.source).toBe('cache');
    expect(everyAnswer(lazy.engine)).toEqual(fresh);
    // Loaded up front, the same file is refused and rebuilt.
    expect(openEngine({ archiveDir, cachePath }).reason).toMatch(/feature quotes/);
  });
});

describe('scanning the archive while the cache is read (the command line)', () => {
  // The fixture's cache is tiny: have the lazy open scan on another thread all the same.
  const usual = scanAsideFrom.bytes;
  beforeEach(() => {
    scanAsideFrom.bytes = 0;
  });
  afterEach(() => {
    scanAsideFrom.bytes = usual;
  });

  it('GIVEN a scan on another thread THEN it lists exactly what a scan here does; a missing folder is the same SetupError', () => {
    writeFiles(archiveDir, { 'big.txt': 'x'.repeat(3000), '.hidden/a.txt': 'date 2020-01-01 Hidden.' });
    expect(scanInBackground(archiveDir, { maxArticleBytes: 2000 }).wait()).toEqual(scanArchive(archiveDir, { maxArticleBytes: 2000 }));
    const missing = join(cacheDir, 'no-such-archive');
    expect(() => scanInBackground(missing, {}).wait()).toThrow(SetupError);
    expect(() => scanArchive(missing)).toThrow(SetupError);
  });

  it('GIVEN the archive changed, or gone, since the cache was written THEN the lazy open rebuilds, or says the folder is missing', () => {
    openEngine({ archiveDir, cachePath });
    expect(openEngine({ archiveDir, cachePath, lazy: true }).source).toBe('cache');
    writeFiles(archiveDir, { 'extra.txt': 'date 2020-01-01 A short note about snow removal.' });
    const changed = openEngine({ archiveDir, cachePath, lazy: true });
    expect(changed).toMatchObject({ source: 'built', reason: 'archive changed' });
    expect(changed.engine.articles.map((a) => a.id)).toContain('extra');
    expect(everyAnswer(openEngine({ archiveDir, cachePath, lazy: true }).engine)).toEqual(everyAnswer(buildEngine(loadArchive(archiveDir))));
    removeDir(archiveDir);
    expect(() => openEngine({ archiveDir, cachePath, lazy: true })).toThrow(SetupError);
  });

  it('GIVEN an async open (the bot) THEN the scan on another thread leaves the event loop free and the engine answers as a fresh build', async () => {
    openEngine({ archiveDir, cachePath });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const opened = await openEngineAsync({ archiveDir, cachePath });
      expect(opened.source).toBe('cache');
      expect(opened.files).toEqual(scanArchive(archiveDir));
      expect(everyAnswer(opened.engine)).toEqual(everyAnswer(buildEngine(loadArchive(archiveDir))));
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
    removeDir(archiveDir);
    await expect(openEngineAsync({ archiveDir, cachePath })).rejects.toThrow(SetupError);
  });
});

