import { readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveArchive } from '../../src/live/live-archive.js';
import { openEngine } from '../../src/open.js';
import { removeDir, writeArchive } from '../helpers/archive.js';

/**
 * Issue 13, item 7: edits and deletions leave tombstones in the live index. Compaction must
 * bring memory, the cache and the rankings back to exactly what a fresh build gives.
 */

const WORDS = (
  'council harbor ferry strike budget election labour minister school police river bridge museum library ' +
  'market shares profit court judge trial union wages festival concert hospital doctors nurses storm flood ' +
  'farmers harvest airport runway railway station tax reform housing rents mayor vote campaign energy prices'
).split(' ');

/** A deterministic pseudo-random article: a few paragraphs drawn from WORDS with seed `n`. */
function story(n: number, round: number): string {
  let x = (n * 7919 + round * 104729) % 2147483647 || 1;
  const next = (): number => (x = (x * 48271) % 2147483647);
  const sentence = (): string => {
    const len = 6 + (next() % 10);
    const words = Array.from({ length: len }, () => WORDS[next() % WORDS.length] ?? 'news');
    return `${words.join(' ')}.`;
  };
  const paragraphs = Array.from({ length: 2 + (next() % 4) }, () => Array.from({ length: 1 + (next() % 3) }, sentence).join(' '));
  return `date 2021-0${1 + (n % 9)}-1${n % 10}\n\nStory ${n} round ${round}\n\n${paragraphs.join('\n\n')}`;
}

const QUERIES = ['election labour', 'harbor ferry', 'court judge trial', 'storm flood river', 'tax reform housing', 'energy prices', 'mayor vote', 'nurses wages union', 'railway', 'festival concert museum'];

const dirs: string[] = [];
const lives: LiveArchive[] = [];
afterEach(async () => {
  for (const l of lives.splice(0)) await l.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

function setup(opts: { compactShare?: number; settleShare?: number } = {}): { dir: string; cachePath: string; live: LiveArchive } {
  const files: Record<string, string> = {};
  for (let n = 0; n < 60; n++) files[`s${String(n).padStart(3, '0')}.txt`] = story(n, 0);
  const dir = writeArchive(files);
  const cacheDir = mkdtempSync(join(tmpdir(), 'i13-churn-'));
  dirs.push(dir, cacheDir);
  const cachePath = join(cacheDir, 'index.json');
  const live = new LiveArchive(openEngine({ archiveDir: dir, cachePath }), { archiveDir: dir, cachePath, cacheDelayMs: 60_000, ...opts });
  lives.push(live);
  return { dir, cachePath, live };
}

/** Rewrites every file (a new mtime, so each counts as changed), deletes a few and adds a few. */
function churn(dir: string, round: number): void {
  for (let n = 0; n < 60; n++) {
    const path = join(dir, `s${String(n).padStart(3, '0')}.txt`);
    if (n % 13 === round % 13) {
      try {
        unlinkSync(path);
      } catch {
        // Already deleted in an earlier round.
      }
      continue;
    }
    writeFileSync(path, story(n, round));
    const t = new Date(Date.now() + round * 10_000);
    utimesSync(path, t, t);
  }
  writeFileSync(join(dir, `added-${round}.txt`), story(100 + round, round));
}

const ranking = (search: (q: string) => Array<{ article: string; paragraph: number; score: number }>): unknown[] =>
  QUERIES.map((q) => ({ q, hits: search(q).map((h) => `${h.article} ¶${h.paragraph} ${h.score}`) }));

describe('compaction after churn', () => {
  it('GIVEN five rounds of edits to every file THEN once changes settle the live index, its cache and its rankings equal a fresh build', async () => {
    const { dir, cachePath, live } = setup({ compactShare: 10 });
    for (let round = 1; round <= 5; round++) {
      churn(dir, round);
      live.sync();
    }
    // Before settling, edits left tombstones (the threshold is out of reach here).
    expect(live.engine.index.tombstones).toBeGreaterThan(0);
    await live.settle();
    expect(live.engine.index.tombstones).toBe(0);

    const freshCacheDir = mkdtempSync(join(tmpdir(), 'i13-fresh-'));
    dirs.push(freshCacheDir);
    const freshCache = join(freshCacheDir, 'index.json');
    const fresh = openEngine({ archiveDir: dir, cachePath: freshCache }).engine;
    expect(ranking((q) => live.engine.search({ query: q, limit: 25 }).hits)).toEqual(ranking((q) => fresh.search({ query: q, limit: 25 }).hits));
    expect(ranking((q) => live.engine.ask({ question: `what about ${q}?`, limit: 10 }).hits)).toEqual(ranking((q) => fresh.ask({ question: `what about ${q}?`, limit: 10 }).hits));
    expect(live.engine.index.size).toBe(fresh.index.size);
    expect(live.engine.index.passages.length).toBe(fresh.index.passages.length);
    // The cache written after settling is the fresh build's, byte for byte.
    expect(statSync(cachePath).size).toBe(statSync(freshCache).size);
    expect(readFileSync(cachePath, 'utf8')).toBe(readFileSync(freshCache, 'utf8'));
  });

  it('GIVEN churn that keeps coming THEN tombstones are compacted once they pass the threshold, without waiting to settle', async () => {
    const { dir, live } = setup({ compactShare: 0.3 });
    let most = 0;
    for (let round = 1; round <= 5; round++) {
      churn(dir, round);
      live.sync();
      await live.idle();
      const { tombstones, passages } = { tombstones: live.engine.index.tombstones, passages: live.engine.index.passages.length };
      most = Math.max(most, tombstones / passages);
    }
    expect(most).toBeLessThanOrEqual(0.3);
    const fresh = openEngine({ archiveDir: dir }).engine;
    // Every article is served, with its latest text.
    expect(live.engine.articles.map((a) => `${a.id} ${a.title}`)).toEqual(fresh.articles.map((a) => `${a.id} ${a.title}`));
  });

  it('GIVEN one small edit THEN settling does not rebuild (below settleShare), and with settleShare 0 it does', async () => {
    const { dir, live } = setup({ compactShare: 10, settleShare: 0.2 });
    const path = join(dir, 's001.txt');
    writeFileSync(path, story(1, 9));
    utimesSync(path, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    live.sync();
    const engine = live.engine;
    await live.settle();
    expect(live.engine).toBe(engine);
    expect(live.engine.index.tombstones).toBeGreaterThan(0);

    const strict = setup({ compactShare: 10, settleShare: 0 });
    writeFileSync(join(strict.dir, 's001.txt'), story(1, 9));
    utimesSync(join(strict.dir, 's001.txt'), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    strict.live.sync();
    await strict.live.settle();
    expect(strict.live.engine.index.tombstones).toBe(0);
  });

  it('GIVEN a change while compaction runs THEN it is applied after the swap, not lost', async () => {
    const { dir, live } = setup({ compactShare: 10 });
    churn(dir, 1);
    live.sync();
    const settling = live.settle();
    writeFileSync(join(dir, 'late.txt'), story(500, 1));
    (live as unknown as { pending: Set<string> }).pending = new Set(['late.txt']);
    live.sync();
    await settling;
    await live.idle();
    live.sync();
    expect(live.engine.articles.some((a) => a.id === 'late')).toBe(true);
  });
});
