import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanArchive } from '../../src/archive/load.js';
import { readChunk, type TermNumbers } from '../../src/build/chunk.js';
import { BuildMerger } from '../../src/build/merge.js';
import { findTaskQuotes, type QuoteResult, type QuoteTask } from '../../src/build/quote-chunk.js';
import { ChunkQuoting, type QuotePool } from '../../src/build/quoting.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_INDEX_SETTINGS } from '../../src/search/index.js';
import { FIXTURE, removeDir, writeArchive } from '../helpers/archive.js';

// Five chunks of twelve stories, merged as a build merges them, with quotes left to ChunkQuoting.
const CHUNKS = 5;
const PER_CHUNK = 12;
const STORIES = Object.values(FIXTURE);
let dir: string;

beforeAll(() => {
  const files: Record<string, string> = {};
  for (let i = 0; i < CHUNKS * PER_CHUNK; i++) files[`2001/story-${String(i).padStart(3, '0')}.txt`] = STORIES[i % STORIES.length] ?? '';
  dir = writeArchive(files);
});
afterAll(() => removeDir(dir));

function mergedArchive(): BuildMerger {
  const merger = new BuildMerger();
  const files = scanArchive(dir);
  const numbers: TermNumbers = new Map();
  for (let seq = 0; seq < CHUNKS; seq++) {
    const chunk = files.slice(seq * PER_CHUNK, (seq + 1) * PER_CHUNK);
    merger.add(readChunk({ seq, dir, files: chunk, scan: {}, passages: DEFAULT_INDEX_SETTINGS.passages, quotes: false }, numbers), -1);
  }
  return merger;
}

/** Quote workers the test answers by hand: two tasks held at once, answers in any order, a failure on demand. */
class HandPool {
  readonly signal = new Int32Array(new SharedArrayBuffer(4));
  readonly waitMs = 1000;
  failure: string | undefined;
  closed = false;
  readonly posted: number[] = [];
  private held: QuoteTask[] = [];
  private answers: QuoteResult[] = [];
  refused = 0;
  get pending(): number {
    return this.held.length;
  }
  get hasRoom(): boolean {
    return this.held.length < 2;
  }
  post(task: QuoteTask): boolean {
    if (!this.hasRoom) {
      this.refused++;
      return false;
    }
    this.held.push(task);
    this.posted.push(task.seq);
    return true;
  }
  answer(seq: number): void {
    const task = this.held.find((t) => t.seq === seq);
    if (!task) throw new Error(`chunk ${seq} is not held`);
    this.held = this.held.filter((t) => t !== task);
    this.answers.push(findTaskQuotes(task));
  }
  receive(): Array<{ result: QuoteResult; worker: number }> {
    const out = this.answers.map((result) => ({ result, worker: 0 }));
    this.answers = [];
    return out;
  }
  close(): void {
    this.closed = true;
  }
}

/** Runs `findHere` and `pump` until every chunk's quotes are in. */
function finish(q: ChunkQuoting): void {
  for (let k = 0; !q.complete; k++) {
    if (k > 1000) throw new Error('never complete');
    q.findHere(7);
    q.pump();
  }
}

function reference() {
  const merger = mergedArchive();
  const q = new ChunkQuoting(merger, undefined, silentLogger);
  for (let seq = 0; seq < CHUNKS; seq++) q.chunkMerged();
  finish(q);
  expect(q.chunksHere).toBe(CHUNKS);
  expect(merger.quotes.length).toBeGreaterThan(CHUNKS);
  return merger.quotes;
}

describe('quotes found by quote workers and this thread, once merging is over', () => {
  it('GIVEN merging not over THEN this thread takes no chunk; GIVEN it over THEN it takes the unsent chunks from the tail, highest first, and never one that was sent', () => {
    const merger = mergedArchive();
    const pool = new HandPool();
    const q = new ChunkQuoting(merger, pool as unknown as QuotePool, silentLogger);
    for (let seq = 0; seq < CHUNKS; seq++) q.chunkMerged();
    q.pump();
    expect(pool.posted).toEqual([0, 1]);
    expect(q.findHere(7)).toBe(false);
    q.mergingDone();
    expect(q.findHere(PER_CHUNK)).toBe(true);
    expect(q.chunksHere).toBe(1);
    // Chunk 4 is this thread's; the workers answer out of order and get only what is below it.
    pool.answer(1);
    q.pump();
    pool.answer(0);
    q.pump();
    expect(pool.posted).toEqual([0, 1, 2, 3]);
    // Both of the rest are sent: nothing for this thread.
    expect(q.findHere(7)).toBe(false);
    pool.answer(3);
    pool.answer(2);
    q.pump();
    expect(q.complete).toBe(true);
    // No task was made only to be refused.
    expect(pool.refused).toBe(0);
    expect(merger.quotes).toEqual(reference());
  });

  it('GIVEN fewer chunks left unsent than repay this thread\'s cold start THEN it takes none and the quote workers do them all', () => {
    const merger = mergedArchive();
    const pool = new HandPool();
    const q = new ChunkQuoting(merger, pool as unknown as QuotePool, silentLogger, 4);
    for (let seq = 0; seq < CHUNKS; seq++) q.chunkMerged();
    q.mergingDone();
    q.pump();
    // Three left unsent, fewer than four.
    expect(q.findHere(7)).toBe(false);
    for (let seq = 0; seq < CHUNKS; seq++) {
      pool.answer(seq);
      q.pump();
      expect(q.findHere(7)).toBe(false);
    }
    expect(pool.posted).toEqual([0, 1, 2, 3, 4]);
    expect(q.complete).toBe(true);
    expect(q.chunksHere).toBe(0);
    expect(merger.quotes).toEqual(reference());
  });

  it('GIVEN the quote workers fail while this thread is halfway through a tail chunk THEN it finishes that one and then every chunk with no answer, nothing lost or twice', () => {
    const merger = mergedArchive();
    const pool = new HandPool();
    const q = new ChunkQuoting(merger, pool as unknown as QuotePool, silentLogger);
    for (let seq = 0; seq < CHUNKS; seq++) q.chunkMerged();
    q.mergingDone();
    q.pump();
    // Chunk 4 whole, then chunk 3 started: sent stays below them.
    q.findHere(PER_CHUNK + 5);
    expect(q.chunksHere).toBe(2);
    pool.answer(1);
    q.pump();
    expect(pool.posted).toEqual([0, 1, 2]);
    // The failure comes with chunk 2's answer; chunk 0 (the next to append) is never answered.
    pool.answer(2);
    pool.failure = 'a quote worker failed: out of memory (injected)';
    q.pump();
    expect(pool.closed).toBe(true);
    expect(q.workers).toBe(false);
    finish(q);
    // Chunks 4 and 3 from the tail, then 0 (its task was lost with the workers); 1 and 2 were answered.
    expect(q.chunksHere).toBe(3);
    expect(q.articlesDone).toBe(CHUNKS * PER_CHUNK);
    expect(merger.quotes).toEqual(reference());
  });
});
