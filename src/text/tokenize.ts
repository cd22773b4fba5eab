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

export function normalizeWord(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘]s$/u, '')
    .replace(/['’‘]/gu, '');
}

/** Splits text into word tokens with their offsets in the original string. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(CHUNK)) {
    const raw = m[0];
    const start = m.index;
    if (raw.includes('.') && /^(?:\p{L}\.){2,}$/u.test(raw)) {
      out.push({ norm: normalizeWord(raw.replace(/\./g, '')), start, end: start + raw.length, acronym: true });
      continue;
    }
    if (/^\p{N}[\p{N}.,]*$/u.test(raw)) {
      out.push({ norm: raw.replace(/,/g, ''), start, end: start + raw.length, acronym: false });
      continue;
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
      continue;
    }
    out.push({ norm: normalizeWord(raw), start, end: start + raw.length, acronym: false });
  }
  return out;
}

const STOP = new Set<string>([...eng, 'also', 'would', 'could', 'said', 'says', 'say', 'mr', 'mrs', 'ms']);

export const isStopWord = (norm: string): boolean => STOP.has(norm);

/** The index term of a token: stemmed, or null for stop words and empty tokens. */
export function termOf(t: Token): string | null {
  if (!t.norm) return null;
  if (!t.acronym && STOP.has(t.norm)) return null;
  if (/^\p{N}/u.test(t.norm)) return t.norm;
  // Single letters (the "e" of "e-mail", initials) match everything and mean little.
  if (t.norm.length === 1) return null;
  return stemmer(t.norm);
}

/** The index terms of a text, in order (duplicates kept: positions matter for proximity). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    const term = termOf(t);
    if (term) out.push(term);
  }
  return out;
}
