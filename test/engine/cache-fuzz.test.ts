// Fuzz of the cache loader: random edits of a cache, each frame's checksum recomputed so only the
// loader's own checks stand between the edit and the answers. Whatever the edit, opening never
// throws, and an engine served from the edited cache answers exactly as a fresh build.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import type { Engine } from '../../src/engine.js';
import { buildEngine, openEngine } from '../../src/open.js';
import { readFrames, TAGS, writeFrames, type RawFrame } from '../helpers/cache-frames.js';
import { removeDir, writeArchive } from '../helpers/archive.js';

let archiveDir: string;
let cacheDir: string;
let pristine: string;
let fresh: unknown;

const answers = (e: Engine) => ({
  search: ['subpoenas', 'water contract', 'harbor', 'subpoe', 'council city', 'drivers rally'].map((query) => e.search({ query, limit: 25 })),
  ask: e.ask({ question: 'When was Khan charged with murder?', limit: 10 }),
  speakers: e.quotes.speakers(50),
  quotes: e.articles.map((a) => e.quotes.quotesOfArticle(a.id)),
  articles: e.articles.map((a) => e.article(a.id)),
  stats: e.stats(),
});

beforeAll(() => {
  archiveDir = writeArchive();
  cacheDir = writeArchive({});
  pristine = join(cacheDir, 'pristine.cache');
  expect(openEngine({ archiveDir, cachePath: pristine }).source).toBe('built');
  fresh = answers(buildEngine(loadArchive(archiveDir)));
});
afterAll(() => {
  removeDir(archiveDir);
  removeDir(cacheDir);
});

const BINARY = new Set<number>([TAGS.passages, TAGS.terms, TAGS.titles]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every place in a JSON value, as a path of keys and indexes. */
function paths(value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const out = [at];
  if (Array.isArray(value)) value.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, x] of Object.entries(value)) out.push(...paths(x, [...at, k]));
  return out;
}

const typeOf = (x: Json): string => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);
const OTHER_VALUES: Json[] = [null, true, 0, -1, 1e12, 2.5, '', 'x', [], [1, 'a'], {}, { a: 1 }];

/** One edit of a JSON body: a value of another type, a removed key or element, or cut text. */
function editJson(body: Buffer, pick: number, pick2: number, kind: number): Buffer {
  const text = body.toString('utf8');
  if (kind === 0) return Buffer.from(text.slice(0, pick % Math.max(1, text.length)), 'utf8');
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch {
    return body; // cut by an earlier edit: nothing to edit in place
  }
  const all = paths(root);
  const path = all[pick % all.length] ?? [];
  if (path.length === 0) return Buffer.from(JSON.stringify(OTHER_VALUES.find((x) => typeOf(x) !== typeOf(root)) ?? null));
  const parent = path.slice(0, -1).reduce<Json>((node, k) => (node as Record<string | number, Json>)[k] ?? null, root) as Record<string | number, Json> | Json[];
  const last = path[path.length - 1] as string | number;
  const old = (parent as Record<string | number, Json>)[last] ?? null;
  if (kind === 1) {
    const choices = OTHER_VALUES.filter((x) => typeOf(x) !== typeOf(old));
    (parent as Record<string | number, Json>)[last] = choices[pick2 % choices.length] ?? null;
  } else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string, Json>)[last];
  return Buffer.from(JSON.stringify(root), 'utf8');
}

/** One edit of a binary body: a word far out of range, or words cut or added at the end. */
function editWords(body: Buffer, pick: number, pick2: number, kind: number): Buffer {
  const words = new Uint32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  if (kind === 0) return Buffer.from(words.buffer, 0, 4 * (pick % Math.max(1, words.length)));
  if (kind === 1) return Buffer.concat([body, Buffer.from(Uint32Array.from([pick, pick2]).buffer)]);
  words[pick % Math.max(1, words.length)] = 0x100000 + (pick2 % 0xfff00000);
  return Buffer.from(words.buffer);
}

const edit = fc.record({
  frame: fc.nat(),
  kind: fc.nat({ max: 5 }),
  pick: fc.nat(),
  pick2: fc.nat(),
});

function apply(frames: RawFrame[], e: { frame: number; kind: number; pick: number; pick2: number }): RawFrame[] {
  const i = e.frame % frames.length;
  const f = frames[i];
  if (!f) return frames;
  const out = [...frames];
  // Whole frames: dropped, repeated, or moved.
  if (e.kind === 3) out.splice(i, 1);
  else if (e.kind === 4) out.splice(i, 0, f);
  else if (e.kind === 5) out.splice(e.pick % out.length, 0, ...out.splice(i, 1));
  else out[i] = { tag: f.tag, body: BINARY.has(f.tag) ? editWords(f.body, e.pick, e.pick2, e.kind) : editJson(f.body, e.pick, e.pick2, e.kind) };
  return out;
}

describe('cache loader fuzz', () => {
  it('GIVEN random edits with recomputed checksums THEN it never throws and never serves an answer a fresh build would not give', () => {
    const { magic, frames } = readFrames(pristine);
    let rebuilt = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const cachePath = join(cacheDir, 'fuzzed.cache');
        copyFileSync(pristine, cachePath);
        writeFrames(cachePath, magic, edits.reduce(apply, frames));
        const opened = openEngine({ archiveDir, cachePath });
        if (opened.source === 'built') rebuilt++;
        expect(answers(opened.engine)).toEqual(fresh);
      }),
      { numRuns: 120, seed: 16 },
    );
    expect(rebuilt).toBeGreaterThan(60);
  });
});
