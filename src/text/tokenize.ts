import { stemmer } from 'stemmer';
import { eng } from 'stopword';

export interface Token {
  /** Lower-cased, accent-free, apostrophe-free surface form (not stemmed). */
  norm: string;
  start: number;
  end: number;
  /** Dotted acronyms (`U.S.`) are kept even when their letters spell a stop word. */
  acronym: boolean;
}

// Word chunks: a dotted acronym, or letters/digits joined by apostrophes and hyphens, and by
// `.`/`,` only between digits (3.5, 1,000).
const CHUNK = /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’‘\-‐‑–](?=[\p{L}\p{N}])|[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const HYPHEN = /[-‐‑–]/;

const ASCII_WORD = /^[A-Za-z0-9]+$/;

export function normalizeWord(s: string): string {
  // Most news words are plain ASCII: skip Unicode normalisation for them.
  if (ASCII_WORD.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘]s$/u, '')
    .replace(/['’‘]/gu, '');
}

/** The tokens of one word chunk (a CHUNK match) found at `start`. */
function chunkTokens(raw: string, start: number, out: Token[]): void {
  if (ASCII_WORD.test(raw)) {
    out.push({ norm: raw.toLowerCase(), start, end: start + raw.length, acronym: false });
    return;
  }
  if (raw.includes('.') && /^(?:\p{L}\.){2,}$/u.test(raw)) {
    out.push({ norm: normalizeWord(raw.replace(/\./g, '')), start, end: start + raw.length, acronym: true });
    return;
  }
  if (/^\p{N}[\p{N}.,]*$/u.test(raw)) {
    out.push({ norm: raw.replace(/,/g, ''), start, end: start + raw.length, acronym: false });
    return;
  }
  if (HYPHEN.test(raw)) {
    // Parts are searchable on their own, and the joined form finds "ridehailing"/"e-mail"/"email".
    let offset = start;
    const parts = raw.split(HYPHEN);
    for (const part of parts) {
      if (part) out.push({ norm: normalizeWord(part), start: offset, end: offset + part.length, acronym: false });
      offset += part.length + 1;
    }
    out.push({ norm: normalizeWord(parts.join('')), start, end: start + raw.length, acronym: false });
    return;
  }
  out.push({ norm: normalizeWord(raw), start, end: start + raw.length, acronym: false });
}

/** Splits text into word tokens with their offsets in the original string. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(CHUNK)) chunkTokens(m[0], m.index, out);
  return out;
}

const STOP = new Set<string>([...eng, 'also', 'would', 'could', 'said', 'says', 'say', 'mr', 'mrs', 'ms']);

// Stemming is the costliest step of tokenizing; news vocabulary repeats, so remember results.
const STEMS = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;
function stem(word: string): string {
  let s = STEMS.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (STEMS.size >= STEM_CACHE_MAX) STEMS.clear();
    STEMS.set(word, s);
  }
  return s;
}

export const isStopWord = (norm: string): boolean => STOP.has(norm);

/** The index term of a token: stemmed, or null for stop words and empty tokens. */
export function termOf(t: Token): string | null {
  if (!t.norm) return null;
  if (!t.acronym && STOP.has(t.norm)) return null;
  if (/^\p{N}/u.test(t.norm)) return t.norm;
  // Single letters (the "e" of "e-mail", initials) match everything and mean little.
  if (t.norm.length === 1) return null;
  return stem(t.norm);
}

// Word chunk → its index terms. Indexing a large archive meets the same words again and
// again; this skips normalising, stop-word checks and stemming for all but the first time.
const CHUNK_TERMS = new Map<string, readonly string[]>();
const CHUNK_CACHE_MAX = 300_000;

function chunkTerms(raw: string): readonly string[] {
  let cached = CHUNK_TERMS.get(raw);
  if (cached === undefined) {
    const tokens: Token[] = [];
    chunkTokens(raw, 0, tokens);
    const list: string[] = [];
    for (const t of tokens) {
      const term = termOf(t);
      if (term) list.push(term);
    }
    cached = list;
    if (CHUNK_TERMS.size >= CHUNK_CACHE_MAX) CHUNK_TERMS.clear();
    CHUNK_TERMS.set(raw, cached);
  }
  return cached;
}

/** The index terms of a text, in order (duplicates kept: positions matter for proximity). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CHUNK)) {
    for (const term of chunkTerms(m[0])) out.push(term);
  }
  return out;
}
