import type { Article } from '../archive/types.js';
import type { Sliced } from '../search/slices.js';
import { isStopWord } from '../text/tokenize.js';

/** A group of articles about one event, best article first. */
export interface Story {
  /** Best first: the article that shares most with the rest of the story leads it. */
  articles: Article[];
  /** How much the archive wrote about it: articles, plus a little for sources and days. */
  weight: number;
}

/** An article joins a story when the terms it shares with it weigh this much (see groupStories). */
export const SAME_STORY = 2.5;
/** Terms weighing less than this name a kind of news ("net", "says", "bond"), not an event. */
const MIN_WEIGHT = 2;
/** Rarity counts up to this (a name seen once in the archive is no more an event than one seen ten times). */
const RARITY_CAP = 6;
/** How much a term's burst in the period (log of its rate there over its rate in the archive) counts. */
const BURST = 2;
/** Stories merge on terms that at least this share of each one's articles carry… */
const MERGE_SHARE = 0.2;
/** A story's own terms, for merging: its heaviest few. */
const STORY_TERMS = 6;
/** …when those terms weigh this much of SAME_STORY, counted at the smaller share. */
const MERGE_FACTOR = 0.8;
/** A story where this share of the articles each report figures about a subject of their own is a kind of news (see routineShare)… */
const ROUTINE_SHARE = 0.3;
/** …and weighs this much of what its articles would make it weigh. */
const ROUTINE_WEIGHT = 0.2;
/** Two terms are associated when at least this many articles write both… */
const ASSOCIATED_ARTICLES = 3;
/** …this many times more often than chance would have them together. */
const ASSOCIATED_LIFT = 8;
/** The same for a name in the lead. */
const LEAD_MIN_WEIGHT = 5;
/** Of the first words of the body, at least this share are figures: a table, not a report. */
const TABULAR = 0.25;
/** How many archive articles the reference rates are counted on (an even sample). */
export const REFERENCE_SAMPLE = 2500;
/** Stories compared per term: the most recent ones (wire copy on one event comes together). */
const RECENT_STORIES = 150;
/** Terms that describe one article: its heaviest. */
const ARTICLE_TERMS = 12;

// Capitalised but naming no event: the calendar.
const CALENDAR = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/**
 * An article's terms in order of first use, one integer each (kept for every article a digest
 * has seen, so small): the term's id in the dictionary (`termIdOf`) in the low bits, HEADLINE
 * for a headline term (a headline names the event; else a word of the lead), NAME for a term
 * written with a capital inside the lead's sentence ("Iran", "Wall Street").
 */
type Signature = Int32Array;
const HEADLINE = 1 << 29;
const NAME = 1 << 30;
const TERM = HEADLINE - 1;

const signatures = new WeakMap<Article, Signature>();

/**
 * Bump when what a signature holds changes (how words are found, stemmed, paired or flagged):
 * signatures stored with an index cache (src/summary/signature-store.ts) of another version are
 * not used.
 */
export const SIGNATURE_VERSION = 1;
/** The term-id bits of a packed signature entry; the bits above are flags. */
export const SIGNATURE_TERM = TERM;

// Every term any signature used, once: grouping counts by integer ids in typed arrays, not by
// strings in Maps (a month is some 600,000 term occurrences). Words by their stem, pairs of
// words by the two words' ids in a table of their own; one id space for both.
const dictionary = new Map<string, number>();
let termTotal = 0;

/** A term of the dictionary: a word's stem, or a pair of two earlier terms' ids. */
export type SignatureTerm = string | readonly [number, number];
/** The dictionary by id, for storing signatures with their terms: a word's stem ('' for a pair)… */
const termWords: string[] = [];
/** …and a pair's two ids at 2 × id and 2 × id + 1 (-1 for a word). */
const termPairs: number[] = [];

function termIdOf(term: string): number {
  let id = dictionary.get(term);
  if (id === undefined) {
    id = termTotal++;
    dictionary.set(term, id);
    termWords.push(term);
    termPairs.push(-1, -1);
  }
  return id;
}

// Pairs of word ids → pair id, open addressing on typed arrays: a Map keyed by
// first × 2^26 + second hashes a heap number for every pair of every headline.
let pairFirst = new Int32Array(1 << 16).fill(-1);
let pairSecond = new Int32Array(1 << 16);
let pairId = new Int32Array(1 << 16);
let pairCount = 0;

/** Whether a term id is a pair of words ("stock market", "wall street"): read off the dictionary. */
const isPairTerm = (id: number): boolean => (termPairs[2 * id] ?? -1) >= 0;

function pairSlot(first: number, second: number): number {
  const mask = pairFirst.length - 1;
  let h = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask;
  while (pairFirst[h] !== -1 && (pairFirst[h] !== first || pairSecond[h] !== second)) h = (h + 1) & mask;
  return h;
}

function pairIdOf(first: number, second: number): number {
  let h = pairSlot(first, second);
  if (pairFirst[h] === first) return pairId[h] ?? -1;
  if ((pairCount + 1) * 2 > pairFirst.length) {
    const [f, s, d] = [pairFirst, pairSecond, pairId];
    pairFirst = new Int32Array(f.length * 2).fill(-1);
    pairSecond = new Int32Array(f.length * 2);
    pairId = new Int32Array(f.length * 2);
    for (let k = 0; k < f.length; k++) {
      const a = f[k] ?? -1;
      if (a < 0) continue;
      const slot = pairSlot(a, s[k] ?? 0);
      pairFirst[slot] = a;
      pairSecond[slot] = s[k] ?? 0;
      pairId[slot] = d[k] ?? 0;
    }
    h = pairSlot(first, second);
  }
  pairFirst[h] = first;
  pairSecond[h] = second;
  pairId[h] = termTotal++;
  termWords.push('');
  termPairs.push(first, second);
  pairCount++;
  return pairId[h] ?? -1;
}

function knownPair(first: number, second: number): number {
  const h = pairSlot(first, second);
  return pairFirst[h] === first ? (pairId[h] ?? -1) : -1;
}

/** A term's id as the debugging switch names it: a stem, or two stems with a space. */
function debugIdOf(term: string): number {
  const [first, second] = term.split(' ');
  const a = dictionary.get(first ?? '');
  if (second === undefined || a === undefined) return a ?? -1;
  const b = dictionary.get(second);
  return b === undefined ? -1 : knownPair(a, b);
}

/** What a word of a headline or lead says, worked out once per spelling (wire copy repeats its words). */
interface WordInfo {
  /** The stem's term id; -1 for a word that is no term (stop word, figure, too short). */
  id: number;
  /** Starts with a capital and is no month or weekday. */
  capital: boolean;
  /** "U.S.", "OPEC". */
  acronym: boolean;
}

/** Spellings remembered at most; past that, words are worked out each time (same answer). */
const WORDS_KEPT = 500_000;

// Spellings seen, in an open-addressing table looked up by a hash the scan computes as it goes
// and compared character by character with the text: no string is cut out of a headline for a
// word already known (hashing a fresh string cost more than everything else in a signature).
let spellingSlots = new Int32Array(1 << 16).fill(-1);
const spellings: string[] = [];
const spellingHashes: number[] = [];
const spellingInfos: WordInfo[] = [];

function sameSpelling(known: string, text: string, from: number, to: number): boolean {
  if (known.length !== to - from) return false;
  for (let k = 0; k < known.length; k++) if (known.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}

/** The WordInfo of text[from, to), whose hash (hashStep over its code units, from HASH_SEED) is given. */
function wordAt(text: string, from: number, to: number, hash: number): WordInfo {
  const mask = spellingSlots.length - 1;
  let h = hash & mask;
  for (let slot = spellingSlots[h] ?? -1; slot >= 0; slot = spellingSlots[h] ?? -1) {
    if (spellingHashes[slot] === hash && sameSpelling(spellings[slot] ?? '', text, from, to)) return spellingInfos[slot] as WordInfo;
    h = (h + 1) & mask;
  }
  const raw = text.slice(from, to);
  const info = wordInfo(raw);
  if (spellings.length >= WORDS_KEPT) return info;
  spellingSlots[h] = spellings.length;
  spellings.push(raw);
  spellingHashes.push(hash);
  spellingInfos.push(info);
  if (spellings.length * 2 > spellingSlots.length) {
    spellingSlots = new Int32Array(spellingSlots.length * 2).fill(-1);
    const bigger = spellingSlots.length - 1;
    spellingHashes.forEach((x, slot) => {
      let k = x & bigger;
      while ((spellingSlots[k] ?? -1) >= 0) k = (k + 1) & bigger;
      spellingSlots[k] = slot;
    });
  }
  return info;
}

const FIGURE: WordInfo = { id: -1, capital: false, acronym: false };

const HASH_SEED = 0x811c9dc5;
const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

function termOfWord(raw: string): number {
  const term = stemmed(raw);
  return term === null ? -1 : termIdOf(term);
}

// Regular expressions as constants: a literal in a function body is a new object per call,
// and a month of headlines brings tens of thousands of new spellings.
const UPPER_START = /^\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}\.){2,}|^\p{Lu}{2,}$/u;

function wordInfo(raw: string): WordInfo {
  const c = raw.charCodeAt(0);
  // ASCII first letters decided without a regular expression.
  const upper = c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(raw);
  return {
    id: termOfWord(raw),
    capital: upper && !CALENDAR.test(raw),
    acronym: upper && ACRONYM.test(raw),
  };
}

/** The paragraph a signature reads besides the headline: the first one after it. */
const leadParagraphOf = (a: Article): string => a.paragraphs[a.headline ? 1 : 0] ?? '';

const tables = new WeakMap<Article, boolean>();

/** Results, earnings and price tables: routine items that make no story of their own. */
export function isTabular(a: Article): boolean {
  let t = tables.get(a);
  if (t === undefined) {
    if (stored && fromStore(a)) return tables.get(a) === true;
    t = tabularOpening(a);
    tables.set(a, t);
  }
  return t;
}

/** Pieces of the opening read at most (as `split(/\s+/, 60)` would give them). */
const OPENING_WORDS = 60;
/** Characters of the opening read. */
const OPENING_CHARS = 500;

/**
 * Whether the first 500 characters of the first four body paragraphs (joined by spaces) are
 * mostly figures. One scan over the paragraphs in place, splitting at runs of white space as
 * `split(/\s+/)` does (empty first and last pieces included): every article of a period passes
 * here, and the joined string and its word array were a sixth of a cold month's digest.
 */
function tabularOpening(a: Article): boolean {
  const first = a.headline ? 1 : 0;
  let pieces = 0;
  let figures = 0;
  // "Shr 1.01 dlrs vs 45 cts", "Net 12.1 mln vs 5.4 mln": figures set against figures.
  let versus = 0;
  // The piece being read: its length, whether it has a figure, and its first three code units
  // ("vs", "vs."). Counted where a piece ends, in place (a closure made per article cost more
  // than the scan on a cold first digest).
  let length = 0;
  let digit = false;
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let read = 0;
  const last = Math.min(first + 4, a.paragraphs.length);
  outer: for (let k = first; k < last; k++) {
    const text = a.paragraphs[k] ?? '';
    // The joining space before every paragraph but the first.
    for (let i = k > first ? -1 : 0; i < text.length; i++) {
      if (read++ >= OPENING_CHARS) break outer;
      const c = i < 0 ? 32 : text.charCodeAt(i);
      if (c === 32 || (c >= 9 && c <= 13) || (c >= 128 && isSpace(c))) {
        if (length > 0) {
          if (digit) figures++;
          else if ((length === 2 || (length === 3 && c2 === 46)) && (c0 === 118 || c0 === 86) && (c1 === 115 || c1 === 83)) versus++;
          if (++pieces >= OPENING_WORDS) break outer;
          length = 0;
          digit = false;
        } else if (read === 1) {
          // White space first: split gives an empty first piece.
          if (++pieces >= OPENING_WORDS) break outer;
        }
        continue;
      }
      if (length === 0) c0 = c;
      else if (length === 1) c1 = c;
      else if (length === 2) c2 = c;
      length++;
      if (c >= 48 && c <= 57) digit = true;
    }
  }
  if (pieces < OPENING_WORDS) {
    // The last piece (empty after trailing white space, as split gives it).
    pieces++;
    if (digit) figures++;
    else if ((length === 2 || (length === 3 && c2 === 46)) && (c0 === 118 || c0 === 86) && (c1 === 115 || c1 === 83)) versus++;
  }
  return pieces >= 4 && (figures / pieces >= TABULAR || (versus >= 2 && figures / pieces >= TABULAR / 2));
}

/** What `\s` matches. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// Words as stories need them (see signatureOf): lower case, "U.S." kept whole, a light stem (plural and past
// endings only) so that "attack", "attacks" and "attacked" meet. No full tokenizer or
// Porter stemmer: a month of headlines and leads is a quarter of a million words, and the
// first digest of a month must come back in a few hundred milliseconds.

const TRAILING_MARKS = /[.'’-]+$/;
const POSSESSIVE = /['’]s$/;

function stemmed(raw: string): string | null {
  let w = raw.toLowerCase().replace(TRAILING_MARKS, '').replace(POSSESSIVE, '');
  if (w.length < 3 && !w.includes('.')) return null;
  const c = w.charCodeAt(0);
  if ((c >= 48 && c <= 57) || isStopWord(w)) return null;
  if (w.includes('.')) return w;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, w.endsWith('ied') ? -3 : -2);
  else if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  return w;
}

// Per term id, whether (and where) the signature being built has it: stamped with the
// signature's number, so nothing is cleared between articles.
let seenStamp = new Int32Array(1 << 16);
let seenAt = new Int32Array(1 << 16);
let stampNow = 0;

function growSeen(): void {
  if (termTotal < seenStamp.length) return;
  const size = Math.max(termTotal + 1, seenStamp.length * 2);
  const stamp = new Int32Array(size);
  stamp.set(seenStamp);
  const at = new Int32Array(size);
  at.set(seenAt);
  seenStamp = stamp;
  seenAt = at;
}

/** A word may start here: a letter or a figure (of any script). */
function startsWord(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_FIGURE.test(String.fromCodePoint(text.codePointAt(i) ?? c));
}

/** …and goes on here: also ' ’ & . - */
function continuesWord(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 38 || c === 46 || c === 45;
  return c === 0x2019 || LETTER_OR_FIGURE.test(String.fromCodePoint(text.codePointAt(i) ?? c));
}

const LETTER_OR_FIGURE = /^[\p{L}\p{N}]$/u;

/** Code units of the character at i (a letter outside the BMP takes two). */
const widthAt = (text: string, i: number): number => ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);

// The headline's words and those of the lead's first sentence (after the dateline before
// " - "): wire copy names the event there. A word is a letter or figure, then letters,
// figures and ' ’ & . - ("U.S.", "AT&T"), found by a hand-written scan: this runs for every
// article of a period, and a regular expression's matches cost a string and an array each.
// The signature being built: packed terms (see Signature) in order of first use. One buffer
// for all articles: a signature is built for every article of a period, and garbage from
// thousands of small arrays showed as collector time on the first digest.
let building = new Int32Array(256);
let buildingLength = 0;

function note(term: number, flags: number): void {
  growSeen();
  if (seenStamp[term] === stampNow) {
    const k = seenAt[term] ?? 0;
    // A term first seen in the headline keeps HEADLINE; a name anywhere makes it a name.
    building[k] = (building[k] ?? 0) | (flags & NAME);
    return;
  }
  if (buildingLength === building.length) {
    const bigger = new Int32Array(building.length * 2);
    bigger.set(building);
    building = bigger;
  }
  seenStamp[term] = stampNow;
  seenAt[term] = buildingLength;
  building[buildingLength++] = term | flags;
}

// Words and pairs of neighbouring words: "stock" and "market" are everyday words, "stock
// market" in a fifth of a day's headlines is an event.
function addWords(text: string, headline: boolean): void {
  let prev = -1;
  let prevName = false;
  let first = true;
  let i = 0;
  const n = text.length;
  const weight = headline ? HEADLINE : 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!startsWord(c, text, i)) {
      i += c >= 0xd800 && c <= 0xdbff ? widthAt(text, i) : 1;
      continue;
    }
    const from = i;
    let hash = hashStep(HASH_SEED, c);
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      // The low half of a pair continues whatever its high half began.
      if (!(d >= 0xdc00 && d <= 0xdfff) && !continuesWord(d, text, i)) break;
      hash = hashStep(hash, d);
      i++;
    }
    // A figure is no term (see stemmed) and no name: not looked up, and not remembered as a spelling.
    const info = c >= 48 && c <= 57 ? FIGURE : wordAt(text, from, i, hash);
    const term = info.id;
    // A capital inside the lead's sentence, or an acronym anywhere in it ("U.S.", "OPEC").
    const name = !headline && ((!first && info.capital) || info.acronym);
    first = false;
    if (term >= 0) {
      note(term, weight | (name ? NAME : 0));
      if (prev >= 0) note(pairIdOf(prev, term), weight | (name && prevName ? NAME : 0));
    }
    prev = term;
    prevName = name;
  }
}

// A reindex (or a reload) makes every article a new object, mostly with the same words: the
// signatures are also kept by id with the two strings they were made from, and reused when
// those are equal, so the first digest after a reindex only groups.
const madeFrom = new Map<string, { title: string; lead: string; sig: Signature }>();

// Every caller asks isTabular(a) first, which takes in a stored signature (fromStore) the first
// time it sees `a`: a signature not kept by now is not stored.
function signatureOf(a: Article): Signature {
  let sig = signatures.get(a);
  if (sig) return sig;
  const leadParagraph = leadParagraphOf(a);
  const before = madeFrom.get(a.id);
  if (before && before.title === a.title && before.lead === leadParagraph) {
    // Hold the new article's strings, not the old one's: the old copies can then be freed.
    before.title = a.title;
    before.lead = leadParagraph;
    signatures.set(a, before.sig);
    return before.sig;
  }
  sig = makeSignature(a, leadParagraph);
  signatures.set(a, sig);
  madeFrom.set(a.id, { title: a.title, lead: leadParagraph, sig });
  return sig;
}

function makeSignature(a: Article, leadParagraph: string): Signature {
  stampNow++;
  buildingLength = 0;
  addWords(a.title, true);
  addWords(leadSentence(leadParagraph), false);
  return building.slice(0, buildingLength);
}

// Signatures made ahead of time and stored with the index cache (src/summary/signature-store.ts):
// the store reads them through these, and offers the stored ones to be taken on first need.

/** An article's signature as a digest uses it (null for a table, which has none); made and kept if need be. */
export function storySignature(a: Article): Signature | null {
  return isTabular(a) ? null : signatureOf(a);
}

/** The same made afresh, nothing kept or reused: what a stored signature must equal to be used. */
export function freshSignature(a: Article): Signature | null {
  return tabularOpening(a) ? null : makeSignature(a, leadParagraphOf(a));
}

/** The dictionary's term of an id a signature holds (`& SIGNATURE_TERM`). */
export function signatureTerm(id: number): SignatureTerm | undefined {
  const first = termPairs[2 * id] ?? -1;
  return first >= 0 ? [first, termPairs[2 * id + 1] ?? -1] : termWords[id];
}

/** The id here of a stored word (stored signatures hold the ids of the process that made them). */
export const signatureWordId = (word: string): number => termIdOf(word);
/** The id here of a stored pair of words, given the two words' ids here. */
export const signaturePairId = (first: number, second: number): number => pairIdOf(first, second);

/** Stored signatures by article: its signature here (null for a table), or undefined when none is stored for it. */
export type SignatureSource = (a: Article) => Signature | null | undefined;

// Signatures stored with the index cache, read per article on first need: a digest of a day
// reads a day's worth, and a command that makes no digest reads none.
let stored: SignatureSource | undefined;

/** Where signatures not made yet are looked up first (replaces any earlier source). */
export function offerSignatures(source: SignatureSource | undefined): void {
  stored = source;
}

/** Keeps the stored signature of `a` (or that it is a table), if there is one; whether there was. */
function fromStore(a: Article): boolean {
  const sig = stored?.(a);
  if (sig === undefined) return false;
  tables.set(a, sig === null);
  if (sig !== null) {
    signatures.set(a, sig);
    madeFrom.set(a.id, { title: a.title, lead: leadParagraphOf(a), sig });
  }
  return true;
}

/** The lead's first sentence after its dateline ("NEW YORK, Oct 19 - "), at most 400 characters of the paragraph. */
function leadSentence(leadParagraph: string): string {
  let lead = leadParagraph.slice(0, 400);
  const dash = lead.slice(0, 60).search(DATELINE_DASH);
  if (dash >= 0) lead = lead.slice(dash + 3);
  const end = lead.search(SENTENCE_END);
  return end > 0 ? lead.slice(0, end) : lead;
}

const DATELINE_DASH = /\s[-–—]\s/;
const SENTENCE_END = /[.!?]\s+["“]?\p{Lu}/u;

/** Articles whose signatures are made per slice of warm-up work (a few milliseconds). */
const WARM_SLICE = 250;

/**
 * Makes ahead of time what the first digest of a period would otherwise make while the user
 * waits: the signatures of the reference sample and of `articles` (the newest first, say), and
 * the archive's reference rates. Yields between slices, so a bot can run it on the event loop
 * after it opens. Signatures are kept per article object (a changed article is a new object),
 * so the work stays valid across live changes; only the reference rates are per article list.
 */
export function* warmStories(archive: readonly Article[], articles: readonly Article[]): Sliced<void> {
  const step = Math.max(1, archive.length / REFERENCE_SAMPLE);
  let done = 0;
  for (let i = 0; i < archive.length; i += step) {
    const a = archive[Math.floor(i)];
    if (a && !isTabular(a)) signatureOf(a);
    if (++done % WARM_SLICE === 0) yield;
  }
  referenceOf(archive);
  for (const a of articles) {
    if (!isTabular(a)) signatureOf(a);
    if (++done % WARM_SLICE === 0) yield;
  }
}

interface Reference {
  /** By term id; ids past its end were not seen in the sample. */
  df: Int32Array;
  size: number;
}

// How often each term appears in the archive at large: counted once per article list, on an
// even sample (the rates are what matter, and a sample keeps the first digest quick).
const references = new WeakMap<readonly Article[], Reference>();

function referenceOf(all: readonly Article[]): Reference {
  let ref = references.get(all);
  if (!ref) {
    const sample: Signature[] = [];
    const step = Math.max(1, all.length / REFERENCE_SAMPLE);
    let size = 0;
    for (let i = 0; i < all.length; i += step) {
      const a = all[Math.floor(i)];
      if (!a || isTabular(a)) continue;
      size++;
      sample.push(signatureOf(a));
    }
    const df = new Int32Array(termTotal);
    for (const sig of sample) for (const packed of sig) df[packed & TERM] = (df[packed & TERM] ?? 0) + 1;
    ref = { df, size };
    references.set(all, ref);
  }
  return ref;
}

/**
 * Groups articles into stories. Each article is described by its headline terms and the
 * names in its lead. A term weighs its rarity in the archive (−log of its rate there) plus
 * twice its burst (how many times more often the period uses it than the archive does):
 * "Iran" and "platform" on the day of an attack weigh a lot, "shares" or "bond" little, and
 * terms below MIN_WEIGHT or used once in the period are dropped. Articles are taken in turn
 * and each joins the story it shares most with, counting each shared term by its weight
 * times the share of the story's articles that carry it, when that reaches SAME_STORY with
 * two terms or more; else it starts a story. Counting by share keeps one common word from
 * chaining unrelated articles together (single link would). Only stories sharing a term are
 * compared, the most recent first, so a month costs little more per article than a day.
 * Tables (earnings, prices) stay on their own. Stories come out heaviest first.
 */
export function groupStories(articles: readonly Article[], archive: readonly Article[] = articles): Story[] {
  const n = articles.length;
  if (n === 0) return [];
  const reference = referenceOf(archive);
  const sigs = articles.map((a) => (isTabular(a) ? null : signatureOf(a)));
  const periodDf = new Int32Array(termTotal);
  let reports = 0;
  for (const s of sigs) {
    if (!s) continue;
    reports++;
    for (const packed of s) periodDf[packed & TERM] = (periodDf[packed & TERM] ?? 0) + 1;
  }
  // This grouping's own ids, numbered in order of first use (ties between terms follow it).
  const termIds = new Int32Array(termTotal).fill(-1);
  let termCount = 0;
  const termWeights: number[] = [];
  // Each grouping id's term id in the dictionary.
  const termGlobal: number[] = [];
  // A term some lead writes with a capital: a name. Articles of one event share a name
  // ("Iran", "Texaco", "Wall Street"); articles of one kind ("to buy back stock", "sets
  // payout") share only words, each about its own company.
  const isName: boolean[] = [];
  const weightOf = (t: number): number => {
    const ref = ((reference.df[t] ?? 0) + 0.5) / (reference.size + 1);
    const period = (periodDf[t] ?? 0) / Math.max(reports, 1);
    return Math.min(-Math.log(ref), RARITY_CAP) / 2 + BURST * Math.max(0, Math.log(period / ref));
  };
  if (process.env.STORY_DEBUG) {
    for (const t of process.env.STORY_DEBUG.split(',')) {
      const id = debugIdOf(t);
      console.log(t, periodDf[id], reference.df[id], weightOf(id).toFixed(2));
    }
  }
  // Each article's heaviest terms, heaviest first (ties by id), flat: article i's are
  // vecId/vecW[vecStart[i], vecStart[i + 1]). Typed arrays and one reused buffer, not an
  // array of objects sorted per article (that was a tenth of a month's grouping).
  const vecStart = new Int32Array(n + 1);
  const vecId = new Int32Array(n * ARTICLE_TERMS);
  const vecW = new Float64Array(n * ARTICLE_TERMS);
  let vecEnd = 0;
  for (let i = 0; i < n; i++) {
    vecStart[i] = vecEnd;
    const s = sigs[i];
    if (!s) continue;
    // Kept sorted as they come (insertion into at most ARTICLE_TERMS places).
    let kept = 0;
    for (const packed of s) {
      const t = packed & TERM;
      if ((periodDf[t] ?? 0) < 2) continue;
      let id = termIds[t] ?? -1;
      if (id < 0) {
        id = termCount++;
        termIds[t] = id;
        termWeights.push(weightOf(t));
        termGlobal.push(t);
        isName.push(false);
      }
      if (packed & NAME) isName[id] = true;
      const tw = termWeights[id] ?? 0;
      // A name in the lead must be rarer than a headline word to count: leads name places
      // and institutions ("New York", "Japan") that tie nothing together.
      const headline = (packed & HEADLINE) !== 0;
      if (tw < (headline ? MIN_WEIGHT : LEAD_MIN_WEIGHT)) continue;
      const w = headline ? tw : tw / 2;
      let k = kept;
      while (k > 0) {
        const pw = vecW[vecEnd + k - 1] ?? 0;
        if (pw > w || (pw === w && (vecId[vecEnd + k - 1] ?? 0) < id)) break;
        k--;
      }
      if (k >= ARTICLE_TERMS) continue;
      const last = Math.min(kept, ARTICLE_TERMS - 1);
      vecId.copyWithin(vecEnd + k + 1, vecEnd + k, vecEnd + last);
      vecW.copyWithin(vecEnd + k + 1, vecEnd + k, vecEnd + last);
      vecId[vecEnd + k] = id;
      vecW[vecEnd + k] = w;
      if (kept < ARTICLE_TERMS) kept++;
    }
    vecEnd += kept;
  }
  vecStart[n] = vecEnd;

  const storyOf = new Int32Array(n);
  const sizes: number[] = [];
  // Made on a term's first story (most terms of a period never reach an article's top terms).
  const storiesWith: (number[] | undefined)[] = new Array<number[] | undefined>(termCount);
  // Beside each story of storiesWith[id]: how many of its articles carry the term (the inner
  // loop below reads it for every term of every article; a Map lookup there was most of the cost).
  const countsWith: (number[] | undefined)[] = new Array<number[] | undefined>(termCount);
  // Per story: where in storiesWith[id] it stands, by term, in order of first use; how many
  // of its articles carry the term is countsWith[id] there (one Map per story, not two).
  const slotOf: Map<number, number>[] = [];
  const score = new Float64Array(n);
  const hits = new Int32Array(n);
  const named = new Uint8Array(n);
  const touched: number[] = [];
  // Oldest first, whatever order the articles came in: a story grows as the wire wrote it,
  // and the grouping does not depend on how the caller sorted.
  const order = oldestFirst(articles);
  for (const a of order) {
    const from = vecStart[a] ?? 0;
    const to = vecStart[a + 1] ?? 0;
    for (let j = from; j < to; j++) {
      const id = vecId[j] ?? 0;
      const w = vecW[j] ?? 0;
      const list = storiesWith[id];
      const carried = countsWith[id];
      if (!list || !carried) continue;
      const name = isName[id] === true;
      for (let k = list.length - 1; k >= Math.max(0, list.length - RECENT_STORIES); k--) {
        const c = list[k] ?? 0;
        if (hits[c] === 0) touched.push(c);
        hits[c] = (hits[c] ?? 0) + 1;
        if (name) named[c] = 1;
        score[c] = (score[c] ?? 0) + (w * (carried[k] ?? 0)) / (sizes[c] ?? 1);
      }
    }
    let best = -1;
    let bestScore = SAME_STORY;
    for (const c of touched) {
      if ((hits[c] ?? 0) >= 2 && named[c] && (score[c] ?? 0) >= bestScore) {
        bestScore = score[c] ?? 0;
        best = c;
      }
      hits[c] = 0;
      score[c] = 0;
      named[c] = 0;
    }
    touched.length = 0;
    if (best < 0) {
      best = sizes.length;
      sizes.push(0);
      slotOf.push(new Map());
    }
    storyOf[a] = best;
    sizes[best] = (sizes[best] ?? 0) + 1;
    const slots = slotOf[best] ?? new Map<number, number>();
    for (let j = from; j < to; j++) {
      const id = vecId[j] ?? 0;
      let carried = countsWith[id];
      let list = storiesWith[id];
      if (!carried || !list) {
        carried = countsWith[id] = [];
        list = storiesWith[id] = [];
      }
      const slot = slots.get(id);
      if (slot === undefined) {
        slots.set(id, carried.length);
        list.push(best);
        carried.push(1);
      } else carried[slot] = (carried[slot] ?? 0) + 1;
    }
  }

  // Taking articles in turn splits a story whose first articles happened to use different
  // words; one pass joins stories whose common terms are common in both (union-find).
  const root = Int32Array.from({ length: sizes.length }, (_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) {
      const up = root[root[i] ?? i] ?? i;
      root[i] = up;
      i = up;
    }
    return i;
  };
  // A story's own terms: the heaviest by weight times the share of its articles carrying
  // them. Two stories join when they share two of those (and the shared weight is enough):
  // a common word each happens to use ("U.S.") does not join them.
  // How many of story c's articles carry term id (undefined: none).
  const countIn = (c: number, id: number): number | undefined => {
    const slot = slotOf[c]?.get(id);
    return slot === undefined ? undefined : countsWith[id]?.[slot];
  };
  const tops = slotOf.map((slots, c) => {
    if ((sizes[c] ?? 0) < 2) return [];
    const own: { id: number; v: number; share: number }[] = [];
    for (const [id, slot] of slots) {
      const share = (countsWith[id]?.[slot] ?? 0) / (sizes[c] ?? 1);
      if (share >= MERGE_SHARE) own.push({ id, v: (termWeights[id] ?? 0) * share, share });
    }
    return own.sort((x, y) => y.v - x.v || x.id - y.id).slice(0, STORY_TERMS);
  });
  const byTop = new Map<number, number[]>();
  tops.forEach((list, c) => {
    for (const { id } of list) {
      const l = byTop.get(id);
      if (l) l.push(c);
      else byTop.set(id, [c]);
    }
  });
  const associated = associatedTerms(tops, termGlobal, vecStart, vecId, n);
  tops.forEach((list, c) => {
    const together = new Map<number, { sum: number; terms: number; named: boolean }>();
    for (const { id, share: mine } of list) {
      // The term itself, then the terms the period writes with it (see associatedTerms).
      const links = associated.get(id);
      for (let k = 0; k <= (links?.length ?? 0); k++) {
        const other = k === 0 ? id : (links?.[k - 1] ?? id);
        for (const d of byTop.get(other) ?? []) {
          if (d <= c) continue;
          const theirs = (countIn(d, other) ?? 0) / (sizes[d] ?? 1);
          const t = together.get(d) ?? { sum: 0, terms: 0, named: false };
          t.sum += Math.min(termWeights[id] ?? 0, termWeights[other] ?? 0) * Math.min(mine, theirs);
          t.terms++;
          t.named ||= isName[id] === true || isName[other] === true;
          together.set(d, t);
        }
      }
    }
    for (const [d, t] of together) {
      if (t.terms >= 2 && t.named && t.sum >= SAME_STORY * MERGE_FACTOR) {
        const a = find(c);
        const b = find(d);
        if (a !== b) root[b] = a;
      }
    }
  });
  const members: number[][] = sizes.map(() => []);
  for (let i = 0; i < n; i++) members[find(storyOf[i] ?? 0)]?.push(i);
  // Stories joined by the pass above: their term counts summed on the one that stands for them.
  const merged = new Map<number, Map<number, number>>();
  for (let c = 0; c < sizes.length; c++) {
    const r = find(c);
    if (r === c) continue;
    let sum = merged.get(r);
    if (!sum) {
      sum = new Map();
      for (const [id, slot] of slotOf[r] ?? []) sum.set(id, countsWith[id]?.[slot] ?? 0);
      merged.set(r, sum);
    }
    for (const [id, slot] of slotOf[c] ?? []) sum.set(id, (sum.get(id) ?? 0) + (countsWith[id]?.[slot] ?? 0));
  }
  const stories = members.filter((m) => m.length > 0).map((m) => {
    // Most stories of a period are one article (a month of wire has thousands): nothing to order.
    if (m.length === 1) return { articles: [articles[m[0] ?? 0] as Article], weight: 1, first: m[0] ?? 0 };
    const c = find(storyOf[m[0] ?? 0] ?? 0);
    const counts = merged.get(c);
    // The most typical article leads: the one whose terms the rest of the story share most.
    const list = m
      .map((i) => {
        let sum = 0;
        for (let j = vecStart[i] ?? 0; j < (vecStart[i + 1] ?? 0); j++) sum += (vecW[j] ?? 0) * (((counts ? counts.get(vecId[j] ?? 0) : countIn(c, vecId[j] ?? 0)) ?? 1) - 1);
        return { i, s: sum };
      })
      .sort((x, y) => y.s - x.s || x.i - y.i)
      .map((x) => articles[x.i] as Article);
    const routine = routineShare(m, articles, sigs) >= ROUTINE_SHARE;
    return { articles: list, weight: weightOfStory(list) * (routine ? ROUTINE_WEIGHT : 1), first: m[0] ?? 0 };
  });
  // Ties: the story that comes first in the given order (newest first, for a digest).
  return stories.sort((x, y) => y.weight - x.weight || x.first - y.first).map(({ articles: list, weight }) => ({ articles: list, weight }));
}

/**
 * Pairs of story terms the period's articles write together far above chance: "Wall Street"
 * with "stock market", "fall" with "drop". One event told in two vocabularies ("Wall Street
 * suffers worst ever selloff", "stock market's fall may be bad omen") grows as two stories
 * with no heavy term in common; their articles still mix both vocabularies, and the merge
 * pass counts an associated pair as it counts a shared term (at the lighter term's weight).
 * Learned from the period itself (co-occurrence among articles' heaviest terms), so it follows
 * whatever the news was; only the stories' own two-word terms are counted, so it stays cheap on
 * a month.
 */
function associatedTerms(tops: readonly { id: number }[][], globalOf: readonly number[], vecStart: Int32Array, vecId: Int32Array, n: number): Map<number, number[]> {
  // Pairs of words only ("wall street", "stock market"): single words co-occur by chance in a
  // few articles far above their rates ("unit" with "plant") and chained unrelated stories.
  const candidate = new Uint8Array(globalOf.length);
  let span = 1;
  for (const list of tops) {
    for (const { id } of list) {
      if (candidate[id] === 1 || !isPairTerm(globalOf[id] ?? -1)) continue;
      candidate[id] = 1;
      span = Math.max(span, id + 1);
    }
  }
  const articlesWith = new Int32Array(span);
  const together = new Map<number, number>();
  let described = 0;
  for (let i = 0; i < n; i++) {
    const from = vecStart[i] ?? 0;
    const to = vecStart[i + 1] ?? 0;
    if (to > from) described++;
    for (let x = from; x < to; x++) {
      const a = vecId[x] ?? 0;
      if (candidate[a] !== 1) continue;
      articlesWith[a] = (articlesWith[a] ?? 0) + 1;
      for (let y = x + 1; y < to; y++) {
        const b = vecId[y] ?? 0;
        if (candidate[b] !== 1) continue;
        const key = a < b ? a * span + b : b * span + a;
        together.set(key, (together.get(key) ?? 0) + 1);
      }
    }
  }
  const out = new Map<number, number[]>();
  const link = (a: number, b: number): void => {
    const l = out.get(a);
    if (l) l.push(b);
    else out.set(a, [b]);
  };
  for (const [key, both] of together) {
    if (both < ASSOCIATED_ARTICLES) continue;
    const a = Math.floor(key / span);
    const b = key % span;
    const lift = (both * described) / Math.max(1, (articlesWith[a] ?? 0) * (articlesWith[b] ?? 0));
    if (lift < ASSOCIATED_LIFT) continue;
    link(a, b);
    link(b, a);
  }
  return out;
}

/**
 * The share of a story's articles that are each a report of figures about a subject of its own
 * ("Ames February sales up 5.4 pct", "Austria issues 50 mln dlr bond", "Oakwood Homes to buy back
 * 500,000 shares"): the first sentence gives figures and no other article of the story has the
 * headline's first word. Many companies reporting the same kind of figures on one day is a kind
 * of news, not a story: articles of an event share their subject ("Iran", "Texaco", "Balladur")
 * or tell what happened without figures. 0 when too few subjects are their own to reach
 * ROUTINE_SHARE (their figures are then not read).
 */
function routineShare(members: readonly number[], articles: readonly Article[], sigs: readonly (Signature | null)[]): number {
  if (members.length < 3) return 0;
  const subjectOf = (i: number): number => {
    const first = sigs[i]?.[0];
    return first !== undefined && (first & HEADLINE) !== 0 ? first & TERM : -1;
  };
  const counts = new Map<number, number>();
  for (const i of members) counts.set(subjectOf(i), (counts.get(subjectOf(i)) ?? 0) + 1);
  let own = 0;
  for (const [subject, count] of counts) if (subject >= 0 && count === 1) own++;
  // Too few subjects of their own to make a kind: no figures read (most stories of events).
  if (own < ROUTINE_SHARE * members.length) return 0;
  let routine = 0;
  for (const i of members) {
    const subject = subjectOf(i);
    if (subject >= 0 && counts.get(subject) === 1 && reportsFigures(articles[i] as Article)) routine++;
  }
  return routine / members.length;
}

/** Oldest first, then by id (shorter first, as wire ids grow): article indexes in that order. */
function oldestFirst(articles: readonly Article[]): number[] {
  const before = (x: number, y: number): number => {
    const dx = articles[x]?.date ?? '';
    const dy = articles[y]?.date ?? '';
    if (dx !== dy) return dx < dy ? -1 : 1;
    const ix = articles[x]?.id ?? '';
    const iy = articles[y]?.id ?? '';
    return ix.length - iy.length || (ix < iy ? -1 : ix > iy ? 1 : 0);
  };
  // A digest passes its period newest first: the order is then the list reversed, checked in
  // one pass instead of sorted (strictly, so no tie could order otherwise).
  const n = articles.length;
  let reversed = true;
  for (let i = n - 1; i > 0 && reversed; i--) reversed = before(i, i - 1) < 0;
  if (reversed) return Array.from({ length: n }, (_, i) => n - 1 - i);
  return articles.map((_, i) => i).sort(before);
}

/** Articles, then a little for every further source and day: a story many desks carried over days matters more. */
function weightOfStory(articles: readonly Article[]): number {
  const sources = new Set(articles.map((a) => a.source ?? '')).size;
  const days = new Set(articles.map((a) => a.date ?? '')).size;
  return articles.length + 0.5 * (sources - 1) + 0.5 * (days - 1);
}

/** Figures in a lead's first sentence (after the dateline) from which it reports figures. */
const FIGURES = 2;
/**
 * Whether an article's first sentence reports figures ("sales rose 5.4 pct to 123.4 mln dlrs",
 * "hogs seen up 0.50 dlr"): the sentence the signature reads (see leadSentence), scanned in
 * place and not remembered (only articles of stories of three or more pass here, once a grouping).
 */
function reportsFigures(a: Article): boolean {
  return figuresIn(leadParagraphOf(a)) >= FIGURES;
}

/** Figures (a digit after no letter or digit) in leadSentence(text), counted up to FIGURES. */
function figuresIn(text: string): number {
  const end = Math.min(text.length, 400);
  let i = 0;
  // The dateline: up to " - " (or an en or em dash) in the first 60 characters, as DATELINE_DASH.
  for (let k = 1; k + 1 < Math.min(text.length, 60); k++) {
    const c = text.charCodeAt(k);
    if ((c === 45 || c === 0x2013 || c === 0x2014) && isSpace(text.charCodeAt(k - 1)) && isSpace(text.charCodeAt(k + 1))) {
      i = k + 2;
      break;
    }
  }
  let figures = 0;
  let prevWord = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (digit && !prevWord && ++figures >= FIGURES) return figures;
    // The sentence ends at . ! ? then white space (and maybe a quote) then a capital, as SENTENCE_END.
    if ((c === 46 || c === 33 || c === 63) && sentenceEndsAt(text, i + 1)) return figures;
    prevWord = digit || (c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : LETTER_OR_FIGURE.test(text[i] ?? ''));
  }
  return figures;
}

function sentenceEndsAt(text: string, i: number): boolean {
  let k = i;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k === i) return false;
  if (text[k] === '"' || text[k] === '“') k++;
  return UPPER_START.test(text.slice(k, k + 2));
}
