import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import { LiveArchive, type LiveOptions, type SyncReport } from '../../src/live/live-archive.js';
import { buildEngine, openEngine } from '../../src/open.js';
import { cacheFsAsync } from '../../src/search/cache.js';
import { FIXTURE, removeDir, writeArchive } from '../helpers/archive.js';

const dirs: string[] = [];
const lives: LiveArchive[] = [];
afterEach(async () => {
  for (const l of lives.splice(0)) await l.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

function setup(extra: Partial<LiveOptions> = {}): { dir: string; cachePath: string; live: LiveArchive } {
  const dir = writeArchive(FIXTURE);
  const cacheDir = mkdtempSync(join(tmpdir(), 'live-cache-'));
  dirs.push(dir, cacheDir);
  const cachePath = join(cacheDir, 'index.json');
  const opened = openEngine({ archiveDir: dir, cachePath });
  const live = new LiveArchive(opened, { archiveDir: dir, cachePath, debounceMs: 50, cacheDelayMs: 60_000, ...extra });
  lives.push(live);
  return { dir, cachePath, live };
}

const cites = (live: LiveArchive, query: string): string[] => live.engine.search({ query, limit: 25 }).hits.map((h) => `${h.article} ¶${h.paragraph}`);

/** Moves a file's modification time, so a rewrite within the same millisecond still counts as a change. */
function touchLater(path: string, seconds: number): void {
  const t = new Date(Date.now() + seconds * 1000);
  utimesSync(path, t, t);
}

const FERRY_STRIKE = `date 2021-06-02

Ferry crews walk out over pay

Ferry crews in Riverton walked off the job at dawn, stranding commuters on both sides of the bay.

"We will not sail until the contract is fair," said union steward Marta Okafor.`;

describe('LiveArchive.sync', () => {
  it('GIVEN a new article file THEN it is searchable, in place (the same index object)', () => {
    const { dir, live } = setup();
    const index = live.engine.index;
    writeFileSync(join(dir, '2021/ferry-strike.txt'), FERRY_STRIKE);
    const report = live.sync();
    expect(report.added).toEqual(['2021/ferry-strike']);
    expect(live.engine.index).toBe(index);
    expect(cites(live, 'stranding commuters')).toEqual(['2021/ferry-strike ¶2']);
    expect(live.engine.article('2021/ferry-strike').title).toBe('Ferry crews walk out over pay');
    expect(live.engine.stats().articles).toBe(Object.keys(FIXTURE).length + 1);
  });

  it('GIVEN a changed article THEN the new words are found and the old ones are not', () => {
    const { dir, live } = setup();
    const path = join(dir, '2020/ice-subpoenas.txt');
    writeFileSync(path, (FIXTURE['2020/ice-subpoenas.txt'] ?? '').replace('exhausted every other option', 'tried every diplomatic avenue'));
    touchLater(path, 5);
    expect(live.sync().changed).toEqual(['2020/ice-subpoenas']);
    expect(cites(live, 'diplomatic avenue')).toEqual(['2020/ice-subpoenas ¶2']);
    expect(cites(live, 'exhausted')).toEqual([]);
  });

  it('GIVEN a renamed file THEN the article answers under its new id only', () => {
    const { dir, live } = setup();
    renameSync(join(dir, '2020/ice-subpoenas.txt'), join(dir, '2020/ice-records.txt'));
    const report = live.sync();
    expect(report.added).toEqual(['2020/ice-records']);
    expect(report.removed).toEqual(['2020/ice-subpoenas']);
    expect(cites(live, 'subpoenas').some((c) => c.startsWith('2020/ice-records'))).toBe(true);
    expect(cites(live, 'subpoenas').some((c) => c.startsWith('2020/ice-subpoenas'))).toBe(false);
    expect(() => live.engine.article('2020/ice-subpoenas')).toThrow(/unknown article/);
  });

  it('GIVEN a deleted file THEN its passages, quotes and speakers are gone', () => {
    const { dir, live } = setup();
    expect(live.engine.quotes.speakers(50).map((s) => s.name)).toContain('Henry Lucero');
    unlinkSync(join(dir, '2020/ice-subpoenas.txt'));
    expect(live.sync().removed).toEqual(['2020/ice-subpoenas']);
    expect(cites(live, 'subpoenas')).toEqual([]);
    expect(live.engine.quotes.speakers(50).map((s) => s.name)).not.toContain('Henry Lucero');
  });

  it('GIVEN a bad new file THEN it is skipped with a warning and everything else keeps working', () => {
    const { dir, live } = setup();
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0x00, 0xff, 0x10, 0x00]));
    const report = live.sync();
    expect(report.skipped.map((w) => w.file)).toEqual(['broken.txt']);
    expect(live.engine.stats().warnings.map((w) => w.file)).toContain('broken.txt');
    expect(cites(live, 'subpoenas').length).toBeGreaterThan(0);
  });

  it('GIVEN the archive folder disappears and comes back THEN the last index serves meanwhile and the return is applied', () => {
    const { dir, live } = setup();
    const aside = `${dir}-aside`;
    dirs.push(aside);
    renameSync(dir, aside);
    const gone = live.sync();
    expect(gone.unavailable).toMatch(/archive folder not found/);
    expect(cites(live, 'subpoenas').length).toBeGreaterThan(0);
    renameSync(aside, dir);
    writeFileSync(join(dir, '2021/ferry-strike.txt'), FERRY_STRIKE);
    expect(live.sync().added).toEqual(['2021/ferry-strike']);
  });

  it('GIVEN adds, changes and deletes THEN search answers exactly as a fresh build of the same files', () => {
    const { dir, live } = setup();
    writeFileSync(join(dir, '2021/ferry-strike.txt'), FERRY_STRIKE);
    unlinkSync(join(dir, '2020/school-board.txt'));
    const path = join(dir, '2019/cafe-closing.txt');
    writeFileSync(path, `${FIXTURE['2019/cafe-closing.txt'] ?? ''}\n\nThe harbor commission will lease the building to a bakery.`);
    touchLater(path, 5);
    live.sync();
    const fresh = buildEngine(loadArchive(dir));
    for (const query of ['harbor', 'ferry contract', 'subpoenas records', 'council budget', 'bakery lease']) {
      const a = live.engine.search({ query, limit: 10 }).hits.map((h) => [h.article, h.paragraph, h.score]);
      const b = fresh.search({ query, limit: 10 }).hits.map((h) => [h.article, h.paragraph, h.score]);
      expect({ query, hits: a }).toEqual({ query, hits: b });
    }
  });
});

describe('LiveArchive.watch', () => {
  it('GIVEN a file written into the watched folder THEN the change is applied within 2 seconds', async () => {
    const { dir, live } = setup();
    live.watch();
    // chokidar needs a moment to set its watches up before it can see anything.
    await new Promise((r) => setTimeout(r, 300));
    const applied = new Promise<SyncReport>((resolve) => live.onSync.add(resolve));
    const t0 = performance.now();
    writeFileSync(join(dir, 'ferry-strike.txt'), FERRY_STRIKE);
    const report = await Promise.race([applied, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no change applied within 5 s')), 5000))]);
    expect(report.added).toEqual(['ferry-strike']);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(cites(live, 'stranding commuters')).toEqual(['ferry-strike ¶2']);
  });
});

describe('LiveArchive.watch, folder lost and found', () => {
  it('GIVEN the watched folder is removed and comes back THEN a file added after its return is served', async () => {
    const { dir, live } = setup({ pollMs: 100 });
    const aside = `${dir}-away`;
    dirs.push(aside);
    live.watch();
    const reports: SyncReport[] = [];
    live.onSync.add((r) => reports.push(r));
    renameSync(dir, aside);
    // The rescan finds the folder gone; the last index keeps serving meanwhile.
    await until(() => live.sync().unavailable !== undefined);
    expect(cites(live, 'subpoenas').length).toBeGreaterThan(0);
    renameSync(aside, dir);
    writeFileSync(join(dir, 'ferry-strike.txt'), FERRY_STRIKE);
    await until(() => reports.some((r) => r.added.includes('ferry-strike')));
    expect(cites(live, 'stranding commuters')).toEqual(['ferry-strike ¶2']);
  });
});

async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('LiveArchive.scheduleSync', () => {
  it('GIVEN a steady stream of file events THEN a rescan still happens within the maximum wait, before the stream ends', async () => {
    const dir = writeArchive(FIXTURE);
    dirs.push(dir);
    const live = new LiveArchive(openEngine({ archiveDir: dir }), { archiveDir: dir, debounceMs: 300, maxWaitMs: 600 });
    lives.push(live);
    const synced: number[] = [];
    live.onSync.add(() => synced.push(writes));
    let writes = 0;
    // An event every 100 ms keeps resetting a plain 300 ms debounce; 20 of them last 2 s.
    for (; writes < 20; writes++) {
      writeFileSync(join(dir, `stream-${writes}.txt`), `date 2021-01-01\n\nStream item ${writes} about ferries.`);
      live.scheduleSync();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(synced.length).toBeGreaterThan(0);
    expect(synced[0]).toBeLessThan(20);
  });
});

describe('LiveArchive.reindex', () => {
  it('GIVEN files changed behind its back THEN reindex rebuilds, swaps the engine and reports what changed', async () => {
    const { dir, live } = setup();
    const before = live.engine;
    writeFileSync(join(dir, '2021/ferry-strike.txt'), FERRY_STRIKE);
    unlinkSync(join(dir, '2020/school-board.txt'));
    const steps: string[] = [];
    const report = await live.reindex((m) => steps.push(m));
    expect(report).toMatchObject({ articles: Object.keys(FIXTURE).length, added: 1, removed: 1, changed: 0 });
    expect(live.engine).not.toBe(before);
    expect(live.ctx.engine).toBe(live.engine);
    expect(steps.length).toBeGreaterThan(2);
    expect(cites(live, 'stranding commuters')).toEqual(['2021/ferry-strike ¶2']);
  });

  it('GIVEN a reindex running THEN a second one is refused with a clear message and the first completes', async () => {
    const { live } = setup();
    const first = live.reindex();
    expect(() => live.reindex()).toThrow(/already running/);
    await expect(first).resolves.toMatchObject({ articles: Object.keys(FIXTURE).length });
  });
});

describe('LiveArchive cache', () => {
  it('GIVEN changes applied THEN the cache follows and the next start loads them from it', async () => {
    const { dir, cachePath, live } = setup();
    writeFileSync(join(dir, '2021/ferry-strike.txt'), FERRY_STRIKE);
    live.sync();
    expect(await live.writeCache()).toBe(true);
    const reopened = openEngine({ archiveDir: dir, cachePath });
    expect(reopened.source).toBe('cache');
    expect(reopened.engine.search({ query: 'stranding commuters' }).hits.map((h) => h.article)).toEqual(['2021/ferry-strike']);
    expect(reopened.engine.quotes.speakers(50).map((s) => s.name)).toContain('Marta Okafor');
  });

  it('GIVEN a full disk while writing the cache THEN serving goes on, the old cache stays whole and no temp file is left', async () => {
    const { dir, cachePath, live } = setup();
    writeFileSync(join(dir, '2021/ferry-strike.txt'), FERRY_STRIKE);
    live.sync();
    const realWrite = cacheFsAsync.write;
    cacheFsAsync.write = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    try {
      expect(await live.writeCache()).toBe(false);
    } finally {
      cacheFsAsync.write = realWrite;
    }
    expect(cites(live, 'stranding commuters')).toEqual(['2021/ferry-strike ¶2']);
    expect(existsSync(cachePath)).toBe(true);
    expect(readdirSync(dirname(cachePath)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The old cache no longer matches the files: the next start rebuilds instead of loading it wrong.
    expect(openEngine({ archiveDir: dir, cachePath }).reason).toBe('archive changed');
    rmSync(cachePath, { force: true });
  });
});
