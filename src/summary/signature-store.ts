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
// On load (the command line) nothing is decoded until a digest first needs a signature. The
// parts' layout and term list are then checked, and a few articles' signatures made afresh and
// compared with the stored ones: signatures made by other code than this are never used, even
// if SIGNATURE_VERSION was not bumped. After that an article's stored signature is read when
// first needed (its values checked, its terms taken into this process's dictionary), so a day's
// digest reads a day's worth. A bot too: what it reads at start-up is what its warm-up makes
// ready (summary/digest.ts: the newest WARM_DIGEST_ARTICLES and the reference sample), so start-up
// work stays bounded on a big archive. Anything wrong is logged and the signatures are made
// afresh, as without a store.

import type { Article } from '../archive/types.js';
import { silentLogger, type Logger } from '../log.js';
import { jsonBytes, parseJsonBytes, wordsIn } from '../search/cache-bytes.js';
import {
  SIGNATURE_TERM,
  SIGNATURE_VERSION,
  freshSignature,
  offerSignatures,
  signaturePairId,
  signatureTerm,
  signatureWordId,
  storySignature,
} from './stories.js';

const KIND = { signatures: 1, pairs: 2, words: 3, head: 4 } as const;
/** The length word of an article that is a table. */
const TABLE = 0xffffffff;
/** Articles per SIGNATURES part: their making is one step of an async cache write (a few tens of ms cold). */
const ARTICLES_PER_PART = 1000;
/** Terms per PAIRS or WORDS part. */
const TERMS_PER_PART = 100_000;
/** Articles whose stored signatures are checked against fresh ones on load. */
export const PROBES = 16;

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

const jsonPart = (kind: number, value: unknown): Uint8Array => part(kind, jsonBytes(value));

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

/** The JSON after a part's kind word. */
const jsonOf = (body: Uint8Array, what: string): unknown => parseJsonBytes(body.subarray(4), () => new StoredSignaturesUnusable(`their ${what} is not valid JSON`));

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

const wordsOf = (body: Uint8Array, what: string): Int32Array => wordsIn(Int32Array, body, () => new StoredSignaturesUnusable(`${what} has a bad length or alignment`));

const same = (x: Int32Array | null, y: Int32Array | null): boolean => (x === null || y === null ? x === y : x.length === y.length && x.every((v, i) => v === y[i]));

/**
 * Stored signatures, read an article at a time: the parts' layout and term list are checked
 * when it is made (and 16 articles' signatures against fresh ones); an article's values are
 * checked, and their term ids translated into this process's dictionary (each term once, on
 * first use), when its signature is first asked for. StoredSignaturesUnusable for anything wrong.
 */
export class StoredSignatures {
  /** Per article (in the cache's order): its signature part, the offset of its values there, and their count (-1: a table). */
  private readonly partOf: Int32Array;
  private readonly startOf: Int32Array;
  private readonly lengthOf: Int32Array;
  /** Whether an article's values are translated already (they are translated in place). */
  private readonly done: Uint8Array;
  private readonly values: Int32Array[] = [];
  /** The term list: a pair of earlier entries at 2t, 2t + 1, or -1, -1 for a word. */
  private readonly pairs: Int32Array;
  /** Per term: its word's place in `words` (-1 for a pair). */
  private readonly wordAt: Int32Array;
  private readonly words: string[] = [];
  /** Per term: its id in this process (-1: not yet given). */
  private readonly ids: Int32Array;
  private readonly index = new WeakMap<Article, number>();

  constructor(parts: readonly Uint8Array[], articles: readonly Article[]) {
    const head = headOf(parts[parts.length - 1]);
    const n = head.articles;
    if (n !== articles.length) throw new StoredSignaturesUnusable(`they are for ${n} articles, the cache holds ${articles.length}`);
    this.partOf = new Int32Array(n);
    this.startOf = new Int32Array(n);
    this.lengthOf = new Int32Array(n);
    this.done = new Uint8Array(n);
    let read = 0;
    let k = 0;
    for (; k < parts.length - 1 && kindOf(parts[k] as Uint8Array) === KIND.signatures; k++) {
      const w = wordsOf(parts[k] as Uint8Array, 'a signature part');
      const count = w[1] ?? -1;
      let at = 2 + count;
      if (count < 0 || at > w.length || read + count > n) throw new StoredSignaturesUnusable('a signature part is truncated or holds too many articles');
      for (let i = 0; i < count; i++, read++) {
        const len = w[2 + i] ?? 0;
        this.partOf[read] = this.values.length;
        this.startOf[read] = at;
        this.lengthOf[read] = len;
        if (len === -1) continue;
        if (len < 0 || at + len > w.length) throw new StoredSignaturesUnusable('a signature part is truncated');
        at += len;
      }
      if (at !== w.length) throw new StoredSignaturesUnusable('a signature part has trailing data');
      this.values.push(w);
    }
    const pairLists: Int32Array[] = [];
    for (; k < parts.length - 1 && kindOf(parts[k] as Uint8Array) === KIND.pairs; k++) pairLists.push(wordsOf(parts[k] as Uint8Array, 'a term part').subarray(1));
    this.pairs = new Int32Array(pairLists.reduce((total, l) => total + l.length, 0));
    pairLists.reduce((at, l) => (this.pairs.set(l, at), at + l.length), 0);
    for (; k < parts.length - 1 && kindOf(parts[k] as Uint8Array) === KIND.words; k++) {
      const list = jsonOf(parts[k] as Uint8Array, 'word list');
      if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) throw new StoredSignaturesUnusable('their word list has the wrong shape');
      for (const x of list as string[]) this.words.push(x);
    }
    if (k !== parts.length - 1) throw new StoredSignaturesUnusable('their parts are out of order');
    if (read !== n) throw new StoredSignaturesUnusable(`they hold ${read} articles, their head says ${n}`);
    if (this.pairs.length !== 2 * head.terms) throw new StoredSignaturesUnusable(`they hold ${this.pairs.length / 2} terms, their head says ${head.terms}`);
    this.wordAt = new Int32Array(head.terms);
    let wordCount = 0;
    for (let t = 0; t < head.terms; t++) {
      const a = this.pairs[2 * t] ?? -1;
      const b = this.pairs[2 * t + 1] ?? -1;
      if (a === -1 && b === -1) this.wordAt[t] = wordCount++;
      else if (a < 0 || b < 0 || a >= t || b >= t) throw new StoredSignaturesUnusable(`their term ${t} is neither a word nor a pair of earlier terms`);
      else this.wordAt[t] = -1;
    }
    if (wordCount !== this.words.length) throw new StoredSignaturesUnusable(`their term list has ${wordCount} words, their word list ${this.words.length}`);
    this.ids = new Int32Array(head.terms).fill(-1);
    for (let i = 0; i < n; i++) this.index.set(articles[i] as Article, i);
    const step = Math.max(1, n / PROBES);
    for (let i = 0; i < n; i += step) {
      const at = Math.floor(i);
      if (!same(freshSignature(articles[at] as Article), this.signature(at))) {
        throw new StoredSignaturesUnusable(`the stored signature of ${articles[at]?.id ?? at} differs from the one this version makes (was SIGNATURE_VERSION bumped?)`);
      }
    }
  }

  /** The stored article's place, if `a` is one of the articles the store was read for. */
  placeOf(a: Article): number | undefined {
    return this.index.get(a);
  }

  /** Article k's signature in this process's ids (null for a table). */
  signature(k: number): Int32Array | null {
    const len = this.lengthOf[k] ?? -1;
    if (len === -1) return null;
    const w = this.values[this.partOf[k] ?? 0] as Int32Array;
    const from = this.startOf[k] ?? 0;
    const sig = w.subarray(from, from + len);
    if (this.done[k] === 1) return sig;
    const terms = this.ids.length;
    for (let j = 0; j < len; j++) {
      const v = sig[j] ?? -1;
      // Flags are the bits above the term id, below the sign bit.
      if (v < 0 || (v & SIGNATURE_TERM) >= terms) throw new StoredSignaturesUnusable('a signature names a term outside their term list');
    }
    for (let j = 0; j < len; j++) {
      const v = sig[j] ?? 0;
      sig[j] = this.idOf(v & SIGNATURE_TERM) | (v & ~SIGNATURE_TERM);
    }
    this.done[k] = 1;
    return sig;
  }

  /** Term t's id in this process, given on first use (a pair's two words first). */
  private idOf(t: number): number {
    let id = this.ids[t] ?? -1;
    if (id >= 0) return id;
    const word = this.wordAt[t] ?? -1;
    id = word >= 0 ? signatureWordId(this.words[word] ?? '') : signaturePairId(this.idOf(this.pairs[2 * t] ?? 0), this.idOf(this.pairs[2 * t + 1] ?? 0));
    this.ids[t] = id;
    return id;
  }
}

/** Logs why stored signatures are not used: a warning, unless they are only of another version. */
function unused(e: unknown, log: Logger, archive: string | undefined): void {
  if (!(e instanceof StoredSignaturesUnusable)) throw e;
  const message = `digest signatures stored in the cache not used: ${e.message}; making them afresh`;
  if (e.stale) log.info({ archive }, message);
  else log.warn({ archive }, message);
}

/**
 * Offers the stored signatures of a loaded cache to the digest: the parts are checked on the
 * first signature it needs, and each article's read when it is first needed.
 */
export function offerStoredSignatures(parts: readonly Uint8Array[], articles: readonly Article[], log: Logger = silentLogger, archive?: string): void {
  if (parts.length === 0) {
    offerSignatures(undefined);
    return;
  }
  // Undefined until first needed; null once found unusable.
  let store: StoredSignatures | null | undefined;
  let list: readonly Article[] | undefined = articles;
  const count = articles.length;
  offerSignatures((a) => {
    try {
      if (store === undefined) {
        store = null;
        const read = new StoredSignatures(parts, list ?? []);
        // The store finds articles through a WeakMap from here on: the list is not held.
        list = undefined;
        store = read;
        log.debug({ archive, articles: count }, 'digest signatures read from the cache');
      }
      const k = store?.placeOf(a);
      return k === undefined ? undefined : store?.signature(k);
    } catch (e) {
      store = null;
      list = undefined;
      unused(e, log, archive);
      return undefined;
    }
  });
}
