import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadArchive, scanArchive } from '../../src/archive/load.js';
import { buildFromFiles, buildFromFilesAsync, defaultQuoteWorkers, defaultWorkers, type Built, type FilesBuild } from '../../src/build/build.js';
import { planChunks } from '../../src/build/chunk.js';
import { BuildPool } from '../../src/build/pool.js';
import { Engine } from '../../src/engine.js';
import { buildEngine, openEngine, settingsHash } from '../../src/open.js';
import { archiveFingerprint, saveEngine } from '../../src/search/cache.js';
import { DEFAULT_INDEX_SETTINGS } from '../../src/search/index.js';
import { FIXTURE, removeDir, writeArchive } from '../helpers/archive.js';
import { memoryLogger } from '../helpers.js';

// An archive of several chunks (planChunks cuts at 200 files), so that workers answer out of
// order and the merge must put them back: the fixture's stories, each copy with words of its own
// (new terms keep appearing in every chunk), and bad files among them.
const STORIES = Object.values(FIXTURE);
const files: Record<string, string | Uint8Array> = {};
for (let i = 0; i < 460; i++) {
  const story = STORIES[i % STORIES.length] ?? '';
  const word = `zorblat${(i * 7919) % 613}`;
  files[`${String(1990 + (i % 23))}/story-${String(i).padStart(4, '0')}.txt`] = story.replace(/harbor|council|city/gi, (m) => `${m} ${word}`) + `\n\nThe ${word} board met on day ${i}.`;
}
files['1995/empty.txt'] = '';
files['1996/binary.txt'] = new Uint8Array([0, 1, 2, 3, 0, 0, 7]);
files['1997/latin1.txt'] = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]);

let dir: string;
let cacheDir: string;
let reference: Engine;

beforeAll(() => {
  dir = writeArchive(files);
  cacheDir = writeArchive({});
  reference = buildEngine(loadArchive(dir));
});
afterAll(() => {
  removeDir(dir);
  removeDir(cacheDir);
});

const fixture = (name: string): URL => new URL(`./fixtures/${name}`, import.meta.url);
const engineOf = (b: Built): Engine => new Engine(b.archive, b.index, b.quotes);
const base = (): FilesBuild => ({ dir, files: scanArchive(dir), minPoolBytes: 0 });

/** What users see, and what the index holds, of an engine. */
function everything(e: Engine) {
  const speakers = e.quotes.speakers(100);
  return {
    search: ['subpoenas', 'water contract', 'harbor zorblat17', 'zorbla', 'ride-hailing fee', 'council city'].map((query) => e.search({ query, limit: 25 })),
    ask: ['Who owns the café?', 'How many drivers gathered?'].map((question) => e.ask({ question, limit: 10 })),
    speakers,
    quotes: speakers.map((s) => e.quotes.quotesBySpeaker(s.name)),
    allQuotes: e.quotes.quotes,
    stats: e.stats(),
    archive: e.archive,
    vocab: e.index.vocabList,
    passages: e.index.passages,
    terms: e.index.passages.map((_, p) => Array.from(e.index.passageTerms(p))),
    titles: e.index.titleTerms.map((t) => Array.from(t)),
    df: Array.from(e.index.df.subarray(0, e.index.vocabList.length)),
  };
}

/** The cache file an engine is saved as. */
function cacheBytes(e: Engine, name: string): Buffer {
  const path = join(cacheDir, name);
  const key = { settings: settingsHash(DEFAULT_INDEX_SETTINGS), fingerprint: archiveFingerprint(scanArchive(dir)) };
  expect(saveEngine(e, path, key)).toBe(true);
  return readFileSync(path);
}

describe('the one-pass build', () => {
  it('GIVEN an archive of several chunks THEN it is cut into them in order', () => {
    const chunks = planChunks(scanArchive(dir));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.flat().map((f) => f.path)).toEqual(scanArchive(dir).map((f) => f.path));
  });

  it('GIVEN worker threads THEN the index, quotes, answers and cache bytes equal the single-threaded build', async () => {
    const { log, lines } = memoryLogger();
    const built = buildFromFiles({ ...base(), workers: 2, log });
    expect(built.workers).toBe(2);
    const pooled = engineOf(built);
    expect(lines.filter((l) => /worker/.test(String(l.msg)))).toEqual([]);
    expect(everything(pooled)).toEqual(everything(reference));
    expect(reference.quotes.size).toBeGreaterThan(100);
    expect(cacheBytes(pooled, 'pooled.index').equals(cacheBytes(reference, 'reference.index'))).toBe(true);
    const pooledAsync = engineOf(await buildFromFilesAsync({ ...base(), workers: 3 }));
    expect(everything(pooledAsync)).toEqual(everything(reference));
  }, 120_000);

  it.each([
    ['by the build workers', { quotesIn: 'workers' }],
    ['in this thread', { quotesIn: 'main' }],
    ['by two quote workers', { quotesIn: 'quote-workers', quoteWorkers: 2 }],
    ['by one quote worker beside one build worker', { quotesIn: 'quote-workers', quoteWorkers: 1, workers: 1 }],
  ] as const)('GIVEN quotes found %s THEN the quotes and cache bytes are the same', (label, opts) => {
    const { log, lines } = memoryLogger();
    const result = buildFromFiles({ ...base(), workers: 2, ...opts, log });
    // Where the quotes were found is what this row is about: a build that quietly found them elsewhere fails here.
    if (opts.quotesIn === 'quote-workers') expect(result.quoteChunksAway).toBeGreaterThanOrEqual(1);
    else expect(result.quoteChunksAway).toBe(0);
    if (opts.quotesIn === 'workers') expect(result.quoteChunksHere).toBe(0);
    if (opts.quotesIn === 'main') expect(result.quoteChunksHere).toBeGreaterThanOrEqual(1);
    const built = engineOf(result);
    expect(lines.filter((l) => /worker/.test(String(l.msg)))).toEqual([]);
    expect(built.quotes.quotes).toEqual(reference.quotes.quotes);
    expect(cacheBytes(built, `${label}.index`).equals(cacheBytes(reference, `reference-${label}.index`))).toBe(true);
  }, 120_000);

  it.each([buildFromFiles, buildFromFilesAsync])('GIVEN a slow quote worker THEN once merging is over this thread finds the quotes of the chunks not yet sent to it, the same quotes and cache bytes (%o)', async (run) => {
    const { log, lines } = memoryLogger();
    const built = await run({ ...base(), workers: 2, quotesIn: 'quote-workers', quoteWorkers: 1, quoteWorkerModule: fixture('quote-worker-slow.ts'), tailMinChunks: 1, log });
    expect(lines.filter((l) => Number(l.level) >= 40)).toEqual([]);
    // Three chunks: the worker holds two, this thread takes the last from the tail.
    expect(built.quoteChunksHere).toBeGreaterThanOrEqual(1);
    expect(built.quoteChunksHere).toBeLessThan(planChunks(scanArchive(dir)).length);
    const e = engineOf(built);
    expect(e.quotes.quotes).toEqual(reference.quotes.quotes);
    expect(cacheBytes(e, `slow-${run.name}.index`).equals(cacheBytes(reference, `reference-slow-${run.name}.index`))).toBe(true);
  }, 60_000);

  it.each(['main', 'quote-workers'] as const)('GIVEN quotes found in %s THEN progress counts them to the end after indexing', (quotesIn) => {
    const seen: Array<[string, number, number]> = [];
    const built = buildFromFiles({ ...base(), workers: 2, quotesIn, progress: (phase, done, total) => seen.push([phase, done, total]) });
    const finding = seen.filter(([phase]) => phase === 'finding quotes');
    const n = built.archive.articles.length;
    expect(finding.at(-1)).toEqual(['finding quotes', n, n]);
    expect(finding.map(([, done]) => done)).toEqual([...finding.map(([, done]) => done)].sort((a, b) => a - b));
  }, 60_000);

  it('GIVEN no workers THEN the same in this thread, with the bad files as warnings', () => {
    const built = buildFromFiles({ ...base(), workers: 0 });
    expect(built.workers).toBe(0);
    expect(everything(engineOf(built))).toEqual(everything(reference));
    expect(built.archive.warnings.map((w) => w.file).sort()).toEqual(['1995/empty.txt', '1996/binary.txt', '1997/latin1.txt']);
  });

  it('GIVEN progress THEN it counts files to the end, then indexing and quotes', () => {
    const seen: Array<[string, number, number]> = [];
    buildFromFiles({ ...base(), workers: 2, progress: (phase, done, total) => seen.push([phase, done, total]) });
    const total = scanArchive(dir).length;
    const reading = seen.filter(([phase]) => phase === 'reading files');
    expect(reading[0]).toEqual(['reading files', 0, total]);
    expect(reading.at(-1)).toEqual(['reading files', total, total]);
    expect(reading.map(([, done]) => done)).toEqual([...reading.map(([, done]) => done)].sort((a, b) => a - b));
    expect(seen.map(([phase]) => phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['reading files', 'indexing articles', 'finding quotes']);
  }, 60_000);

  it('GIVEN an async build THEN other work gets turns throughout (in this thread and with workers)', async () => {
    const chunks = planChunks(scanArchive(dir)).length;
    for (const workers of [0, 2]) {
      let turns = 0;
      let spinning = true;
      const spin = (): void => {
        if (!spinning) return;
        turns++;
        setImmediate(spin);
      };
      spin();
      const built = await buildFromFilesAsync({ ...base(), workers });
      spinning = false;
      expect(built.workers).toBe(workers);
      // At least a turn per chunk merged, and more while this thread reads chunks itself.
      expect(turns).toBeGreaterThan(workers === 0 ? 4 * chunks : chunks);
    }
  }, 120_000);

  it('GIVEN the cache path of openEngine THEN a built engine answers as the reference and the next start loads it', () => {
    const cachePath = join(cacheDir, 'open.index');
    const built = openEngine({ archiveDir: dir, cachePath });
    expect(built.source).toBe('built');
    expect(everything(built.engine)).toEqual(everything(reference));
    expect(openEngine({ archiveDir: dir, cachePath }).source).toBe('cache');
  });
});

describe('an async build in a process with nothing else to do', () => {
  it('GIVEN only the build pending (no timers, no sockets) THEN the process waits for the workers and finishes', () => {
    const script = fileURLToPath(new URL('./fixtures/async-build.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, dir], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ articles: reference.articles.length, workers: 2 });
  }, 120_000);
});

// The same four faults for either kind of worker (fixtures in ./fixtures).
const faults = (who: 'build' | 'quote') =>
  [
    [`a ${who} worker module that fails to load`, 'worker-throws.ts', /fails to load/, 60_000],
    [`${who} workers that fail their tasks`, 'worker-fails.ts', /out of memory \(injected\)/, 60_000],
    [`${who} workers that never answer`, 'worker-silent.ts', new RegExp(`no answer from the ${who} workers in 2 s`), 1500],
    [`${who} workers that fail halfway, after answering a chunk each`, who === 'build' ? 'worker-flaky.ts' : 'quote-worker-flaky.ts', /out of memory halfway/, 60_000],
  ] as const;

describe('when workers fail', () => {
  it.each(faults('build'))('GIVEN %s THEN a warning says so and the build finishes in this thread, the same', async (_, module, reason, stallMs) => {
    for (const run of [buildFromFiles, buildFromFilesAsync]) {
      const { log, lines } = memoryLogger();
      const built = await run({ ...base(), workers: 2, log, workerModule: fixture(module), stallMs });
      const warnings = lines.filter((l) => l.level === 40 && /build workers failed/.test(String(l.msg)));
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0]?.msg)).toMatch(reason);
      // Only workers that answered a chunk before failing have a part in the build (at least
      // the first chunk's: its answer comes before its worker's failure).
      expect(built.workers > 0).toBe(module === 'worker-flaky.ts');
      expect(everything(engineOf(built))).toEqual(everything(reference));
    }
  }, 120_000);

  it.each(faults('quote'))('GIVEN %s THEN a warning says so and this thread finds the quotes they did not, the same', async (_, module, reason, stallMs) => {
    for (const run of [buildFromFiles, buildFromFilesAsync]) {
      const { log, lines } = memoryLogger();
      const built = await run({ ...base(), workers: 2, quotesIn: 'quote-workers', quoteWorkers: 2, log, quoteWorkerModule: fixture(module), quoteStallMs: stallMs });
      const warnings = lines.filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0]?.msg)).toMatch(/^quote workers failed/);
      expect(String(warnings[0]?.msg)).toMatch(reason);
      // The build workers are not affected.
      expect(built.workers).toBe(2);
      expect(everything(engineOf(built))).toEqual(everything(reference));
    }
  }, 120_000);

  it('GIVEN build workers and quote workers that both fail THEN two warnings and the same build', () => {
    const { log, lines } = memoryLogger();
    const built = buildFromFiles({ ...base(), workers: 2, log, workerModule: fixture('worker-flaky.ts'), quoteWorkerModule: fixture('quote-worker-flaky.ts') });
    expect(lines.filter((l) => l.level === 40).map((l) => String(l.msg).split(' (')[0])).toEqual(expect.arrayContaining(['build workers failed', 'quote workers failed']));
    expect(everything(engineOf(built))).toEqual(everything(reference));
  }, 120_000);

  it.each(['indexing articles', 'finding quotes'])('GIVEN a progress callback that throws at %s THEN the build fails with it and the quote workers stop too', async (at) => {
    // The pools closed, by name: a quote pool left open keeps its threads for good.
    const closed: string[] = [];
    const close = BuildPool.prototype.close;
    const spy = vi.spyOn(BuildPool.prototype, 'close').mockImplementation(function (this: BuildPool) {
      closed.push((this as unknown as { name: string }).name);
      close.call(this);
    });
    try {
      const progress = (phase: string): void => {
        if (phase === at) throw new Error(`progress broke at ${phase}`);
      };
      await expect(buildFromFilesAsync({ ...base(), workers: 1, quotesIn: 'quote-workers', quoteWorkers: 1, progress })).rejects.toThrow(`progress broke at ${at}`);
      expect(closed).toContain('build worker');
      expect(closed).toContain('quote worker');
    } finally {
      spy.mockRestore();
    }
  }, 60_000);

  it.each([
    ['build workers', { workers: NaN }, /build workers could not start \(a pool needs a whole number of workers from 1, not NaN\)/],
    ['build workers', { workers: 1.5 }, /build workers could not start \(a pool needs a whole number of workers from 1, not 1.5\)/],
    ['quote workers', { workers: 2, quoteWorkers: NaN }, /quote workers could not start \(a pool needs a whole number of workers from 1, not NaN\)/],
  ] as const)('GIVEN %s counted as %o THEN a warning and the same build in this thread (was: a pool of none, waited for forever)', async (_, opts, warning) => {
    const { log, lines } = memoryLogger();
    // Async, so that the old code's endless wait ends in the test's timeout instead of blocking the runner.
    const built = await buildFromFilesAsync({ ...base(), quotesIn: 'quote-workers', ...opts, log });
    expect(lines.filter((l) => l.level === 40).map((l) => String(l.msg))).toEqual([expect.stringMatching(warning)]);
    expect(everything(engineOf(built))).toEqual(everything(reference));
  }, 30_000);

  it('GIVEN a pool of NaN, 0 or 1.5 workers THEN a RangeError, no threads', () => {
    for (const size of [NaN, 0, 1.5, -1]) expect(() => new BuildPool({ size })).toThrow(RangeError);
  });

  it('GIVEN a bad article THEN it stays a warning with workers too', () => {
    const built = buildFromFiles({ ...base(), workers: 2 });
    expect(built.archive.warnings).toEqual(reference.archive.warnings);
    expect(built.archive.warnings.length).toBe(3);
  }, 60_000);
});

describe('threads from the cores', () => {
  it('GIVEN the cores THEN quote workers and build workers on the cores left; BUILD_WORKERS still wins', () => {
    const plan = (cores: number) => {
      const quote = defaultQuoteWorkers(cores);
      return [defaultWorkers({}, undefined, quote, cores), quote];
    };
    expect([1, 2, 3, 4, 6, 8, 16].map(plan)).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
      [6, 2],
      [8, 2],
    ]);
    expect(defaultWorkers({ BUILD_WORKERS: '2' }, undefined, 1, 2)).toBe(2);
  });
});

describe('BUILD_WORKERS', () => {
  it('GIVEN a count THEN that many; GIVEN nonsense THEN a warning and one per core', () => {
    expect(defaultWorkers({ BUILD_WORKERS: '0' })).toBe(0);
    expect(defaultWorkers({ BUILD_WORKERS: ' 3 ' })).toBe(3);
    const { log, lines } = memoryLogger();
    const fallback = defaultWorkers({ BUILD_WORKERS: 'lots' }, log);
    expect(fallback).toBe(defaultWorkers({}));
    expect(String(lines[0]?.msg)).toMatch(/BUILD_WORKERS must be a whole number/);
  });
});
