// Digest signatures (src/summary/stories.ts) stored with the index cache, so that a one-shot
// `digest --date` finds every article's signature made and only groups. The cache writes the
// parts this module makes as frames of their own and hands them back on load; this module alone
// knows what is inside them.
//
// Parts, each a body starting with one little-endian word saying its kind:
//  - SIGNATURES: `[count, length…, values…]` for the next `count` articles in the cache's order;
//    a length of TABLE marks a table (no signature); values are packed as stories.ts packs them
//    (term id | flags), with the ids of this store's own term list.
//  - PAIRS: the term list, two words per entry: a pair of two earlier entries, or -1, -1 for a
//    word. Numbered in order of first use in the signatures, so the parts are the same whichever
//    process wrote them.
//  - WORDS: a JSON array, the stems of the list's words, in order.
//  - HEAD (last): JSON {version, term, articles, terms}: how the signatures were made and how
//    many of each there are.
// On load nothing is decoded until a digest first needs a signature. The parts are then
// checked (shape, counts, ids in range), their terms taken into this process's dictionary, and
// a few articles' signatures made afresh and compared with the stored ones: signatures made by
// other code than this are never used, even if SIGNATURE_VERSION was not bumped. Anything wrong
// is logged and the signatures are made afresh, as without a store.

import type { Article } from '../archive/types.js';
import { silentLogger, type Logger } from '../log.js';
import { runNow, type Sliced } from '../search/slices.js';
import { SIGNATURE_TERM, SIGNATURE_VERSION, adoptSignatures, freshSignature, offerSignatures, signatureIds, signatureTerm, storySignature } from './stories.js';

const KIND = { signatures: 1, pairs: 2, words: 3, head: 4 } as const;
/** The length word of an article that is a table. */
const TABLE = 0xffffffff;
/** Articles per SIGNATURES part: their making is one step of an async cache write (a few tens of ms cold). */
const ARTICLES_PER_PART = 1000;
/** Terms per PAIRS or WORDS part. */
const TERMS_PER_PART = 100_000;
/** Articles whose stored signatures are checked against fresh ones on load. */
const PROBES = 16;

interface Head {
  version: number;
  term: number;
  articles: number;
  terms: number;
}

/** Why stored signatures were not used: `stale` for another version (expected after an upgrade), else corrupt. */
export class StoredSignaturesUnusable extends Error {
  constructor(
    message: string,
    readonly stale = false,
  ) {
    super(message);
  }
}

function part(kind: number, payload: Uint8Array): Uint8Array {
  const body = new Uint8Array(4 + payload.byteLength);
  new DataView(body.buffer).setUint32(0, kind, true);
  body.set(payload, 4);
  return body;
}

const jsonPart = (kind: number, value: unknown): Uint8Array => part(kind, Buffer.from(JSON.stringify(value), 'utf8'));

/**
 * The stored form of the signatures of `articles` (the cache's articles, in its order), a part at
 * a time: signatures are made here for any article that has none yet (and kept, as a digest
 * would keep them), so a caller writing asynchronously spreads that work between its writes.
 */
export function* signatureParts(articles: readonly Article[]): Generator<Uint8Array> {
  // This process's term id → the store's, numbered in order of first use (0: none yet, else id + 1).
  let stored = new Int32Array(1 << 16);
  // The store's term list: two numbers per entry (see PAIRS), and the words.
  const pairs: number[] = [];
  const words: string[] = [];
  const storedId = (id: number): number => {
    if (id >= stored.length) {
      const grown = new Int32Array(Math.max(id + 1, stored.length * 2));
      grown.set(stored);
      stored = grown;
    }
    const known = stored[id] ?? 0;
    if (known > 0) return known - 1;
    const term = signatureTerm(id);
    if (term === undefined) throw new Error(`digest signatures: term ${id} is not in the dictionary`);
    // A pair's two words come before it in the signature that first uses it, so they have ids already.
    if (typeof term === 'string') {
      pairs.push(-1, -1);
      words.push(term);
    } else pairs.push(storedId(term[0]), storedId(term[1]));
    stored[id] = pairs.length / 2;
    return pairs.length / 2 - 1;
  };
  for (let from = 0; from < articles.length; from += ARTICLES_PER_PART) {
    const sigs = articles.slice(from, from + ARTICLES_PER_PART).map((a) => storySignature(a));
    const out = new Uint32Array(1 + 1 + sigs.length + sigs.reduce((n, s) => n + (s?.length ?? 0), 0));
    out[0] = KIND.signatures;
    out[1] = sigs.length;
    let at = 2 + sigs.length;
    sigs.forEach((sig, i) => {
      out[2 + i] = sig === null ? TABLE : sig.length;
      if (sig) for (const packed of sig) out[at++] = storedId(packed & SIGNATURE_TERM) | (packed & ~SIGNATURE_TERM);
    });
    yield new Uint8Array(out.buffer);
  }
  for (let from = 0; from < pairs.length; from += 2 * TERMS_PER_PART) {
    const chunk = pairs.slice(from, from + 2 * TERMS_PER_PART);
    const out = new Int32Array(1 + chunk.length);
    out[0] = KIND.pairs;
    out.set(chunk, 1);
    yield new Uint8Array(out.buffer);
  }
  for (let from = 0; from < words.length; from += TERMS_PER_PART) yield jsonPart(KIND.words, words.slice(from, from + TERMS_PER_PART));
  const head: Head = { version: SIGNATURE_VERSION, term: SIGNATURE_TERM, articles: articles.length, terms: pairs.length / 2 };
  yield jsonPart(KIND.head, head);
}

const kindOf = (body: Uint8Array): number => (body.byteLength < 4 ? 0 : new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0, true));

function jsonOf(body: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(body.buffer, body.byteOffset + 4, body.byteLength - 4).toString('utf8'));
  } catch {
    throw new StoredSignaturesUnusable(`their ${what} is not valid JSON`);
  }
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function headOf(body: Uint8Array | undefined): Head {
  if (!body || kindOf(body) !== KIND.head) throw new StoredSignaturesUnusable('they have no head part (last)');
  const h = jsonOf(body, 'head') as Partial<Head> | null;
  if (typeof h !== 'object' || h === null || !isCount(h.version) || !isCount(h.term) || !isCount(h.articles) || !isCount(h.terms)) {
    throw new StoredSignaturesUnusable('their head has the wrong shape');
  }
  if (h.version !== SIGNATURE_VERSION || h.term !== SIGNATURE_TERM) {
    throw new StoredSignaturesUnusable(`they were made by signature version ${h.version} (this is ${SIGNATURE_VERSION})`, true);
  }
  return h as Head;
}

/** Stored signatures as read: in the ids of their own term list until adopted. */
export interface StoredSignatures {
  /** The term list: a pair of earlier entries at 2k, 2k + 1, or -1, -1 for the next word. */
  pairs: Int32Array;
  words: string[];
  /** Per article, in the cache's order: its signature (a view into `values`), null for a table. */
  sigs: (Int32Array | null)[];
  /** Every signature's values, part by part. */
  values: Int32Array[];
}

function wordsOf(body: Uint8Array, what: string): Int32Array {
  if (body.byteLength % 4 !== 0 || body.byteOffset % 4 !== 0) throw new StoredSignaturesUnusable(`${what} has a bad length`);
  return new Int32Array(body.buffer, body.byteOffset, body.byteLength / 4);
}

/**
 * The stored signatures of `articles` from their parts, every value checked; StoredSignaturesUnusable
 * saying what is wrong otherwise.
 */
export function readSignatureParts(parts: readonly Uint8Array[], articles: readonly Article[]): StoredSignatures {
  const head = headOf(parts[parts.length - 1]);
  if (head.articles !== articles.length) throw new StoredSignaturesUnusable(`they are for ${head.articles} articles, the cache holds ${articles.length}`);
  const sigs: (Int32Array | null)[] = [];
  const values: Int32Array[] = [];
  let k = 0;
  for (; k < parts.length - 1 && kindOf(parts[k] as Uint8Array) === KIND.signatures; k++) {
    const w = wordsOf(parts[k] as Uint8Array, 'a signature part');
    const n = w[1] ?? -1;
    const from = 2 + n;
    if (n < 0 || from > w.length) throw new StoredSignaturesUnusable('a signature part is truncated');
    let at = from;
    for (let i = 0; i < n; i++) {
      const len = w[2 + i] ?? 0;
      if (len === -1) sigs.push(null);
      else if (len < 0 || at + len > w.length) throw new StoredSignaturesUnusable('a signature part is truncated');
      else {
        sigs.push(w.subarray(at, at + len));
        at += len;
      }
    }
    if (at !== w.length) throw new StoredSignaturesUnusable('a signature part has trailing data');
    // Flags are the bits above the term id, below the sign bit.
    for (let j = from; j < at; j++) {
      const v = w[j] ?? -1;
      if (v < 0 || (v & SIGNATURE_TERM) >= head.terms) throw new StoredSignaturesUnusable('a signature names a term outside their term list');
    }
    values.push(w.subarray(from, at));
  }
  const pairLists: Int32Array[] = [];
  for (; k < parts.length - 1 && kindOf(parts[k] as Uint8Array) === KIND.pairs; k++) pairLists.push(wordsOf(parts[k] as Uint8Array, 'a term part').subarray(1));
  const pairs = new Int32Array(pairLists.reduce((n, l) => n + l.length, 0));
  pairLists.reduce((at, l) => (pairs.set(l, at), at + l.length), 0);
  const words: string[] = [];
  for (; k < parts.length - 1 && kindOf(parts[k] as Uint8Array) === KIND.words; k++) {
    const list = jsonOf(parts[k] as Uint8Array, 'word list');
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) throw new StoredSignaturesUnusable('their word list has the wrong shape');
    for (const x of list as string[]) words.push(x);
  }
  if (k !== parts.length - 1) throw new StoredSignaturesUnusable('their parts are out of order');
  if (sigs.length !== head.articles) throw new StoredSignaturesUnusable(`they hold ${sigs.length} articles, their head says ${head.articles}`);
  if (pairs.length !== 2 * head.terms) throw new StoredSignaturesUnusable(`they hold ${pairs.length / 2} terms, their head says ${head.terms}`);
  let wordCount = 0;
  for (let t = 0; t < head.terms; t++) {
    const a = pairs[2 * t] ?? -1;
    const b = pairs[2 * t + 1] ?? -1;
    if (a === -1 && b === -1) wordCount++;
    else if (a < 0 || b < 0 || a >= t || b >= t) throw new StoredSignaturesUnusable(`their term ${t} is neither a word nor a pair of earlier terms`);
  }
  if (wordCount !== words.length) throw new StoredSignaturesUnusable(`their term list has ${wordCount} words, their word list ${words.length}`);
  return { pairs, words, sigs, values };
}

const same = (x: Int32Array | null, y: Int32Array | null): boolean => (x === null || y === null ? x === y : x.length === y.length && x.every((v, i) => v === y[i]));

/** Articles adopted between two pauses. */
const ADOPT_SLICE = 4096;

/**
 * Makes the stored signatures this process's own, in slices: their terms taken into its
 * dictionary, the values renumbered, checked against fresh signatures of a few articles, then
 * kept for those articles. StoredSignaturesUnusable when they do not fit.
 */
export function* adoptingSignatureParts(parts: readonly Uint8Array[], articles: readonly Article[]): Sliced<void> {
  const { pairs, words, sigs, values } = readSignatureParts(parts, articles);
  yield;
  const ids = yield* signatureIds(words, pairs);
  for (const list of values) {
    for (let j = 0; j < list.length; j++) {
      const v = list[j] ?? 0;
      list[j] = (ids[v & SIGNATURE_TERM] ?? 0) | (v & ~SIGNATURE_TERM);
    }
    yield;
  }
  const step = Math.max(1, articles.length / PROBES);
  for (let i = 0; i < articles.length; i += step) {
    const k = Math.floor(i);
    if (!same(freshSignature(articles[k] as Article), sigs[k] ?? null)) {
      throw new StoredSignaturesUnusable(`the stored signature of ${articles[k]?.id ?? k} differs from the one this version makes (was SIGNATURE_VERSION bumped?)`);
    }
  }
  for (let from = 0; from < articles.length; from += ADOPT_SLICE) {
    yield;
    adoptSignatures(articles.slice(from, from + ADOPT_SLICE), sigs.slice(from, from + ADOPT_SLICE));
  }
}

/**
 * `adoptingSignatureParts` that logs, instead of throwing, why stored signatures are not used (a
 * warning, unless they are only of another version): the digest then makes them as without a store.
 */
export function* adoptingStoredSignatures(parts: readonly Uint8Array[], articles: readonly Article[], log: Logger = silentLogger, archive?: string): Sliced<void> {
  if (parts.length === 0) return;
  try {
    yield* adoptingSignatureParts(parts, articles);
    log.debug({ archive, articles: articles.length }, 'digest signatures read from the cache');
  } catch (e) {
    if (!(e instanceof StoredSignaturesUnusable)) throw e;
    const message = `digest signatures stored in the cache not used: ${e.message}; making them afresh`;
    if (e.stale) log.info({ archive }, message);
    else log.warn({ archive }, message);
  }
}

/**
 * Offers the stored signatures of a loaded cache to the digest: read and taken, all at once, on
 * the first signature it needs (a command line that makes no digest never reads them).
 */
export function offerStoredSignatures(parts: readonly Uint8Array[], articles: readonly Article[], log: Logger = silentLogger, archive?: string): void {
  offerSignatures(parts.length === 0 ? undefined : () => runNow(adoptingStoredSignatures(parts, articles, log, archive)));
}
