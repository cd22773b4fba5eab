import type MiniSearch from 'minisearch';
import { TopK } from './top-k.js';

/**
 * Retrieval over MiniSearch's own index, best `limit` only. `MiniSearch.search` makes an object,
 * a match record and a Map entry for every passage holding a query term, then sorts them all:
 * at 10× Reuters a term in 10,000 passages costs 30–40 ms that way, and the re-ranker only ever
 * reads the top 120–200. This reads the same postings into typed arrays and keeps the best
 * `limit` in a heap, in well under a millisecond.
 *
 * It is exact, not an approximation: the same expansions (`atPrefix`, `fuzzyGet`), the same BM25
 * expression, the same floating-point additions in the same order, the same order among equal
 * scores (MiniSearch's stable sort keeps first-found first), and the same handling of discarded
 * passages (skipped, counted out of the term's frequency, and removed from the term as MiniSearch
 * removes them while searching). A property test compares it with `MiniSearch.search` on random
 * archives, queries and live changes.
 *
 * A term's postings that are still compact (`LazyTermData` of a loaded index) are read in place,
 * so a query no longer turns them into Maps.
 */

/** One passage found: MiniSearch's score, and the index terms (query terms or expansions) it holds. */
export interface Retrieved {
  id: number;
  score: number;
  terms: string[];
}

/** A query term as MiniSearch's `termToQuerySpec` makes it. */
export interface TermSpec {
  term: string;
  prefix: boolean;
  /** Maximum edit distance of fuzzy expansions; 0 for none. */
  fuzzy: number;
}

export interface RetrieveOptions {
  /** Field ids in MiniSearch's field order, with their boosts. */
  fields: ReadonlyArray<{ id: number; boost: number }>;
  weights: { prefix: number; fuzzy: number };
  bm25: { k: number; b: number; d: number };
  limit: number;
  filter?: (id: number) => boolean;
  /** At most this many postings lists are merged in one pass (more are added up densely); for tests. */
  mergeLists?: number;
}

/** A field's postings as compact arrays: short document ids ascending, and their frequencies. */
export interface CompactPostings {
  docs: Uint32Array;
  freqs: Uint16Array | Uint32Array;
}

type TermData = Map<number, Map<number, number>>;

/**
 * Term data that may still be compact (`LazyTermData`): `compact(field)` gives the arrays without
 * making Maps, null when the field has no postings, undefined once the Maps exist.
 */
interface MaybeCompact {
  compact?: (field: number) => CompactPostings | null | undefined;
}

/** The MiniSearch 7 fields retrieval reads (`fillMini` checks the version). */
interface Internals {
  _index: {
    get(term: string): TermData | undefined;
    atPrefix(prefix: string): Iterable<[string, TermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  _documentIds: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  removeTerm(fieldId: number, documentId: number, term: string): void;
}

/**
 * Scratch space indexed by short document id, reused across queries. A document's four numbers
 * sit side by side (one cache line, where five arrays cost five misses a posting at 10×): the
 * stamp and score of the query term being scored, and the stamp (with the count of query terms
 * matched) and score of the whole query. Stamps mark what is current, so nothing is cleared.
 */
class Scratch {
  acc = new Float64Array(0);
  epoch = 0;
  /**
   * Each short id's field lengths and external id, as typed arrays: `_fieldLength` and
   * `_documentIds` are Maps, and at 10× a lookup in them is a cache miss or two a posting. A live
   * document's entries never change and new documents get new short ids, so these only ever grow
   * at the end. (Ids are passage numbers: non-negative integers.)
   */
  lengths: Uint32Array[] = [];
  ids: Uint32Array = new Uint32Array(0);
  covered = 0;

  /** The table for every document up to `_nextId`. */
  documents(m: Internals, fields: number): { lengths: Uint32Array[]; ids: Uint32Array } {
    const n = m._nextId;
    if (this.lengths.length !== fields) {
      this.lengths = [];
      this.ids = new Uint32Array(0);
      this.covered = 0;
    }
    if (this.covered < n) {
      if (this.ids.length < n) {
        const size = Math.max(n, Math.ceil(this.ids.length * 1.25));
        const grow = (old: Uint32Array | undefined): Uint32Array => {
          const grown = new Uint32Array(size);
          if (old) grown.set(old.subarray(0, this.covered));
          return grown;
        };
        this.lengths = Array.from({ length: fields }, (_, f) => grow(this.lengths[f]));
        this.ids = grow(this.ids);
      }
      const { lengths, ids } = this;
      for (const [shortId, id] of this.covered === 0 ? m._documentIds : newEntries(m._documentIds, this.covered, n)) {
        const ls = m._fieldLength.get(shortId);
        for (let f = 0; f < fields; f++) (lengths[f] as Uint32Array)[shortId] = ls?.[f] ?? 0;
        ids[shortId] = id;
      }
      this.covered = n;
    }
    return this;
  }

  fit(n: number): void {
    if (this.acc.length >= 4 * n) return;
    this.acc = new Float64Array(4 * Math.max(n, Math.ceil((this.acc.length / 4) * 1.5), 1024));
    this.epoch = 0;
  }

  /** A fresh stamp; the marks are cleared when the counter would outgrow a double's integers. */
  next(): number {
    if (this.epoch >= 2 ** 40) {
      this.acc.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }
}

/** Offsets in a document's four numbers; the query stamp holds run × QUALITY + query terms matched. */
const SPEC_MARK = 0;
const SPEC = 1;
const TOTAL_MARK = 2;
const TOTAL = 3;
const QUALITY = 128;

/** Adds one posting's score to its document's sum for the current query term; the first posting starts the sum. */
function addTermScore(acc: Float64Array, stamp: number, touched: number[], doc: number, score: number): void {
  const at = 4 * doc;
  if (acc[at + SPEC_MARK] !== stamp) {
    acc[at + SPEC_MARK] = stamp;
    acc[at + SPEC] = score;
    touched.push(doc);
  } else acc[at + SPEC] = (acc[at + SPEC] ?? 0) + score;
}

const scratches = new WeakMap<object, Scratch>();

function scratchOf(mini: object): Scratch {
  let scratch = scratches.get(mini);
  if (!scratch) scratches.set(mini, (scratch = new Scratch()));
  return scratch;
}

/**
 * The field lengths and ids of a MiniSearch just filled (every short id below `_nextId`), as the
 * filler made them: the first query need not read them out of MiniSearch's Maps.
 */
export function seedDocuments<T>(mini: MiniSearch<T>, lengths: Uint32Array[], ids: Uint32Array): void {
  const scratch = scratchOf(mini);
  scratch.lengths = lengths;
  scratch.ids = ids;
  scratch.covered = (mini as unknown as Internals)._nextId;
}

/**
 * The ids of the live documents whose field holds `term`, ascending, without making Maps of
 * compact postings.
 */
export function termDocuments<T>(mini: MiniSearch<T>, term: string, field: number): Uint32Array {
  const m = mini as unknown as Internals;
  const data = m._index.get(term);
  if (!data) return new Uint32Array();
  const { ids } = scratchOf(mini).documents(m, Object.keys(m._fieldIds).length);
  const compact = (data as MaybeCompact).compact?.(field);
  const docs = compact === undefined ? Uint32Array.from(data.get(field)?.keys() ?? []) : (compact?.docs ?? new Uint32Array());
  const live = m._nextId === m._documentCount ? docs : docs.filter((doc) => m._documentIds.has(doc));
  return live.map((doc) => ids[doc] ?? doc).sort();
}

/** The live documents with short ids in [from, to). */
function* newEntries(documentIds: Map<number, number>, from: number, to: number): Generator<[number, number]> {
  for (let shortId = from; shortId < to; shortId++) {
    const id = documentIds.get(shortId);
    if (id !== undefined) yield [shortId, id];
  }
}

interface Derived {
  term: string;
  weight: number;
  data: TermData;
}

/** The terms a query term reaches, with their weights, in the order MiniSearch scores them. */
function derivedTerms(index: Internals['_index'], spec: TermSpec, weights: RetrieveOptions['weights']): Derived[] {
  const out: Derived[] = [];
  const exact = index.get(spec.term);
  if (exact) out.push({ term: spec.term, weight: 1, data: exact });
  const fuzzyMatches = spec.fuzzy > 0 ? index.fuzzyGet(spec.term, spec.fuzzy) : undefined;
  if (spec.prefix) {
    for (const [term, data] of index.atPrefix(spec.term)) {
      const distance = term.length - spec.term.length;
      if (!distance) continue;
      // A prefix match is scored as one, never again as a fuzzy match.
      fuzzyMatches?.delete(term);
      out.push({ term, weight: (weights.prefix * term.length) / (term.length + 0.3 * distance), data });
    }
  }
  if (fuzzyMatches) {
    for (const [term, [data, distance]] of fuzzyMatches) {
      if (!distance) continue;
      out.push({ term, weight: (weights.fuzzy * term.length) / (term.length + distance), data });
    }
  }
  return out;
}

/** MiniSearch's inverse document frequency, as `calcBM25Score` computes it. */
function idfOf(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

/** Whether `key` is an array index, which object key order puts first (as in MiniSearch's `match`). */
function isIndexKey(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

/**
 * What `mini.search(specs, { combineWith: 'OR', ...options })` would return, first `limit` results
 * (filtered), with `id`, `score` and `terms` as MiniSearch gives them.
 */
export function retrieveTop<T>(mini: MiniSearch<T>, specs: readonly TermSpec[], opts: RetrieveOptions): Retrieved[] {
  const m = mini as unknown as Internals;
  if (specs.length === 0 || opts.limit <= 0) return [];
  const sourceOf = new Map<string, number>();
  for (const spec of specs) if (!sourceOf.has(spec.term)) sourceOf.set(spec.term, sourceOf.size);
  if (sourceOf.size >= QUALITY) throw new Error(`retrieve: at most ${QUALITY - 1} distinct query terms`);
  const scratch = scratchOf(mini);
  const { lengths, ids } = scratch.documents(m, 1 + Math.max(...opts.fields.map((f) => f.id)));
  const keep = opts.filter ? (doc: number): boolean => opts.filter?.(ids[doc] ?? -1) ?? true : undefined;
  const bySpec = specs.map((spec) => derivedTerms(m._index, spec, opts.weights));
  const allDerived = bySpec.flat();
  // No passage was ever discarded: every posting is live, and no per-posting check is needed.
  const clean = m._nextId === m._documentCount;
  const lists = clean ? mergeable(m, specs, bySpec, sourceOf, opts, lengths, opts.mergeLists ?? MERGE_LISTS) : undefined;
  const best = lists ? mergeTop(lists, sourceOf.size, opts.bm25, opts.limit, keep) : denseTop(m, scratch, specs, bySpec, opts, lengths, keep);
  const terms = matchedTerms(allDerived, opts.fields, best.map((x) => x.doc));
  return best.map(({ doc, score }, i) => ({ id: ids[doc] ?? doc, score, terms: terms[i] ?? [] }));
}

/** Lists a query may have for merging them; more (a short prefix, a fuzzy word) are added up densely. */
const MERGE_LISTS = 16;

/** One field's postings of one derived term, with what scores them. */
interface List {
  docs: Uint32Array;
  freqs: ArrayLike<number>;
  spec: number;
  source: number;
  wf: number;
  idf: number;
  lengths: Uint32Array;
  avg: number;
}

/**
 * The query's postings lists in MiniSearch's scoring order (query term, derived term, field),
 * or undefined when there are too many to merge or a list is not in ascending order.
 */
function mergeable(
  m: Internals,
  specs: readonly TermSpec[],
  bySpec: readonly Derived[][],
  sourceOf: Map<string, number>,
  opts: RetrieveOptions,
  lengths: Uint32Array[],
  most: number,
): List[] | undefined {
  const lists: List[] = [];
  for (let s = 0; s < specs.length; s++) {
    for (const { weight, data } of bySpec[s] ?? []) {
      for (const field of opts.fields) {
        const compact = (data as MaybeCompact).compact?.(field.id);
        if (compact === null) continue;
        let docs: Uint32Array;
        let freqs: ArrayLike<number>;
        if (compact) ({ docs, freqs } = compact);
        else {
          const postings = data.get(field.id);
          if (!postings || postings.size === 0) continue;
          docs = new Uint32Array(postings.size);
          const fs = new Float64Array(postings.size);
          let i = 0;
          for (const [doc, tf] of postings) {
            if (i > 0 && doc <= (docs[i - 1] ?? 0)) return undefined;
            docs[i] = doc;
            fs[i++] = tf;
          }
          freqs = fs;
        }
        if (lists.length === most) return undefined;
        lists.push({
          docs,
          freqs,
          spec: s,
          source: sourceOf.get(specs[s]?.term ?? '') ?? 0,
          wf: weight * field.boost,
          idf: idfOf(docs.length, m._documentCount),
          lengths: lengths[field.id] as Uint32Array,
          avg: m._avgFieldLength[field.id] ?? 0,
        });
      }
    }
  }
  return lists;
}

/**
 * The best `limit` documents of ascending postings lists, merged in one pass: each document's
 * score is complete when the merge reaches it (the same additions in the same order as
 * MiniSearch's), so it goes straight into a heap. Ties go to the document MiniSearch found
 * first: the one whose first list comes first, then the lower id (lists are in id order).
 */
function mergeTop(lists: readonly List[], sources: number, bm25: RetrieveOptions['bm25'], limit: number, keep: ((doc: number) => boolean) | undefined): Array<{ doc: number; score: number }> {
  const { k, b, d } = bm25;
  const k1 = k + 1;
  const n = lists.length;
  const at = new Int32Array(n);
  const head = new Float64Array(n);
  lists.forEach((l, i) => (head[i] = l.docs.length > 0 ? (l.docs[0] ?? 0) : Infinity));
  const seenAt = new Float64Array(sources).fill(-1);
  const heap = new TopK(limit);
  for (;;) {
    let doc = Infinity;
    for (let i = 0; i < n; i++) if ((head[i] ?? Infinity) < doc) doc = head[i] ?? Infinity;
    if (doc === Infinity) break;
    let total = 0;
    let started = false;
    let spec = -1;
    let specSum = 0;
    let first = -1;
    let quality = 0;
    for (let i = 0; i < n; i++) {
      if (head[i] !== doc) continue;
      const l = lists[i] as List;
      const j = at[i] ?? 0;
      const tf = l.freqs[j] ?? 0;
      const len = l.lengths[doc] ?? 0;
      const score = l.wf * (l.idf * (d + (tf * k1) / (tf + k * (1 - b + (b * len) / l.avg))));
      if (first < 0) first = i;
      if (l.spec !== spec) {
        if (spec >= 0) {
          total = started ? total + specSum : specSum;
          started = true;
        }
        spec = l.spec;
        specSum = score;
        if (seenAt[l.source] !== doc) {
          seenAt[l.source] = doc;
          quality++;
        }
      } else specSum += score;
      at[i] = j + 1;
      head[i] = j + 1 < l.docs.length ? (l.docs[j + 1] ?? 0) : Infinity;
    }
    total = started ? total + specSum : specSum;
    heap.offer(total * quality, first * 2 ** 32 + doc, doc, keep);
  }
  return heap.best();
}

/**
 * The best `limit` by adding every posting into per-document slots: for many lists (prefix and
 * fuzzy expansions), and for an index with discarded passages, whose postings MiniSearch edits
 * as it meets them (mirrored here in the same order).
 */
function denseTop(
  m: Internals,
  scratch: Scratch,
  specs: readonly TermSpec[],
  bySpec: readonly Derived[][],
  opts: RetrieveOptions,
  lengths: Uint32Array[],
  keep: ((doc: number) => boolean) | undefined,
): Array<{ doc: number; score: number }> {
  scratch.fit(m._nextId);
  const acc = scratch.acc;
  const runBase = scratch.next() * QUALITY;
  const { k, b, d } = opts.bm25;
  const k1 = k + 1;
  const count = m._documentCount;
  const clean = m._nextId === m._documentCount;
  const documentIds = m._documentIds;
  // A query term given twice counts once in MiniSearch's quality factor (its matched query terms).
  const repeated = new Set(specs.map((s) => s.term).filter((t, i, all) => all.indexOf(t) !== i));
  const seenBySource = new Map<string, Set<number>>();
  const touched: number[] = [];

  for (let s = 0; s < specs.length; s++) {
    const spec = specs[s] as TermSpec;
    const stamp = scratch.next();
    const specTouched: number[] = [];
    for (const { term, weight, data } of bySpec[s] ?? []) {
      for (const field of opts.fields) {
        const wf = weight * field.boost;
        const avg = m._avgFieldLength[field.id] ?? 0;
        const fieldLength = lengths[field.id] as Uint32Array;
        const compact = (data as MaybeCompact).compact?.(field.id);
        if (compact === null) continue;
        // The same expression as MiniSearch's calcBM25Score, term by term, for identical floats.
        if (compact && clean) {
          const { docs, freqs } = compact;
          const idf = idfOf(docs.length, count);
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i] ?? 0;
            const tf = freqs[i] ?? 0;
            const len = fieldLength[doc] ?? 0;
            addTermScore(acc, stamp, specTouched, doc, wf * (idf * (d + (tf * k1) / (tf + k * (1 - b + (b * len) / avg)))));
          }
          continue;
        }
        const entries: Iterable<[number, number]> | undefined = compact ? zip(compact) : data.get(field.id)?.entries();
        if (!entries) continue;
        let matching = compact ? compact.docs.length : (data.get(field.id)?.size ?? 0);
        for (const [doc, tf] of entries) {
          if (!clean && !documentIds.has(doc)) {
            // MiniSearch drops a discarded passage's posting when a search meets it.
            m.removeTerm(field.id, doc, term);
            matching -= 1;
            continue;
          }
          const len = fieldLength[doc] ?? 0;
          addTermScore(acc, stamp, specTouched, doc, wf * (idfOf(matching, count) * (d + (tf * k1) / (tf + k * (1 - b + (b * len) / avg)))));
        }
      }
    }
    // OR-combine into the total, as MiniSearch's combinator does (its first result map is the total).
    const seen = repeated.has(spec.term) ? (seenBySource.get(spec.term) ?? new Set<number>()) : undefined;
    if (seen) seenBySource.set(spec.term, seen);
    for (const doc of specTouched) {
      const again = seen ? seen.has(doc) : false;
      seen?.add(doc);
      const at = 4 * doc;
      const mark = acc[at + TOTAL_MARK] ?? 0;
      if (mark < runBase) {
        acc[at + TOTAL_MARK] = runBase + 1;
        acc[at + TOTAL] = acc[at + SPEC] ?? 0;
        touched.push(doc);
      } else {
        acc[at + TOTAL] = (acc[at + TOTAL] ?? 0) + (acc[at + SPEC] ?? 0);
        if (!again) acc[at + TOTAL_MARK] = mark + 1;
      }
    }
  }

  return topK(touched, acc, runBase, opts.limit, keep);
}

/**
 * The index terms each document holds among the derived ones, in MiniSearch's
 * `Object.keys(match)` order: first found first, array-index-like keys ahead (object key order).
 * Each distinct term's postings are walked once for all the documents.
 */
function matchedTerms(derived: readonly Derived[], fields: RetrieveOptions['fields'], docs: readonly number[]): string[][] {
  // The documents in ascending order, to be sought in ascending postings by galloping.
  const byDoc = docs.map((doc, i) => ({ doc, i })).sort((x, y) => x.doc - y.doc);
  const out = docs.map((): string[] => []);
  const done = new Set<string>();
  const found = new Uint8Array(docs.length);
  for (const x of derived) {
    if (done.has(x.term)) continue;
    done.add(x.term);
    found.fill(0);
    for (const { id } of fields) {
      const compact = (x.data as MaybeCompact).compact?.(id);
      if (compact === null) continue;
      if (compact) {
        let lo = 0;
        for (const { doc, i } of byDoc) {
          lo = gallop(compact.docs, doc, lo);
          if (compact.docs[lo] === doc) found[i] = 1;
        }
      } else {
        const postings = x.data.get(id);
        if (postings) for (const { doc, i } of byDoc) if (postings.has(doc)) found[i] = 1;
      }
    }
    for (let i = 0; i < found.length; i++) if (found[i]) out[i]?.push(x.term);
  }
  return out.map((terms) => {
    const indexKeys = terms.filter(isIndexKey).sort((x, y) => Number(x) - Number(y));
    return indexKeys.length > 0 ? [...indexKeys, ...terms.filter((t) => !isIndexKey(t))] : terms;
  });
}

/** The first index at or after `from` whose value is at least `x` (`xs` ascending). */
export function gallop(xs: Uint32Array, x: number, from: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < xs.length && (xs[hi] ?? 0) < x) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, xs.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function* zip(c: CompactPostings): Generator<[number, number]> {
  for (let i = 0; i < c.docs.length; i++) yield [c.docs[i] ?? 0, c.freqs[i] ?? 0];
}

/**
 * The best `limit` of the touched documents (score × quality), best first, equal scores in the
 * order they were first found.
 */
function topK(touched: readonly number[], acc: Float64Array, runBase: number, limit: number, keep: ((doc: number) => boolean) | undefined): Array<{ doc: number; score: number }> {
  const heap = new TopK(limit);
  for (let order = 0; order < touched.length; order++) {
    const doc = touched[order] ?? 0;
    heap.offer((acc[4 * doc + TOTAL] ?? 0) * ((acc[4 * doc + TOTAL_MARK] ?? 0) - runBase), order, doc, keep);
  }
  return heap.best();
}
