import { stemmer } from 'stemmer';
import { eng } from 'stopword';

export interface Token {
  /** Lower-cased, accent-free, apostrophe-free surface form (not stemmed). */
  norm: string;
  start: number;
  end: number;
  /** Dotted acronyms (`U.S.`) are kept even when their letters spell a stop word. */
  acronym: boolean;
  /** A word cut out of text written without spaces (Chinese, Japanese, Thai): never stemmed. */
  segmented?: true;
}

/**
 * Bump when the terms a text gives change, so that caches of the index rebuild.
 * 2: Chinese, Japanese, Thai, Lao, Khmer and Burmese text segmented into words.
 */
export const TOKENIZER_VERSION = 2;

// Word chunks: a dotted acronym, or letters/digits joined by apostrophes and hyphens, and by
// `.`/`,` only between digits (3.5, 1,000).
const CHUNK = /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’‘\-‐‑–](?=[\p{L}\p{N}])|[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const HYPHEN = /[-‐‑–]/;

const ASCII_WORD = /^[A-Za-z0-9]+$/;

// Scripts written without spaces between words. Korean (Hangul) uses spaces, so it is not here.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HAN_OR_KATAKANA = /^[\p{Script=Han}\p{Script=Katakana}ー]+$/u;
// ICU's word breaker, built into Node: dictionary-based for exactly these scripts, whatever the locale.
// Made on first use: creating it loads ICU's word-break data, which only unspaced scripts need.
let wordSegmenter: Intl.Segmenter | undefined;

// Grammatical particles so frequent in Chinese and Japanese that, like English stop words,
// they would match nearly every passage.
const UNSPACED_STOP = new Set(['的', '了', '是', '在', '和', '与', '及', '或', '之', '于', '也', '都', '就', '而', '着', '这', '那', '其', 'の', 'は', 'が', 'を', 'に', 'へ', 'と', 'で', 'も', 'や', 'か', 'な', 'ね', 'よ', 'た', 'だ', 'です', 'ます', 'する', 'した', 'いる', 'ある', 'こと', 'それ', 'この', 'その', 'และ', 'ที่', 'ของ', 'ใน', 'เป็น', 'การ', 'ได้', 'ให้', 'ว่า', 'มี']);

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
  if (UNSPACED.test(raw)) {
    segmentedTokens(raw, start, out);
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

/**
 * A chunk holding text without spaces (北京是中国的首都) split into its words (北京|是|中国|的|首都).
 * Marks are kept (NFKC, not the accent stripping of Latin words): a Thai vowel sign or a
 * Japanese voicing mark changes the word. Latin words inside the chunk (iPhone手机) take the
 * usual path, so the same word tokenises alike wherever it stands.
 */
function segmentedTokens(raw: string, start: number, out: Token[]): void {
  for (const s of (wordSegmenter ??= new Intl.Segmenter('und', { granularity: 'word' })).segment(raw)) {
    if (!s.isWordLike) continue;
    if (!UNSPACED.test(s.segment)) {
      for (const m of s.segment.matchAll(CHUNK)) chunkTokens(m[0], start + s.index + m.index, out);
      continue;
    }
    const at = start + s.index;
    out.push({ norm: s.segment.normalize('NFKC').toLowerCase(), start: at, end: at + s.segment.length, acronym: false, segmented: true });
    // The dictionary takes the longest word it knows (北京市, 共和国), so a search for 北京 would
    // miss it: longer Chinese and katakana words also give their two-character parts.
    if (s.segment.length >= 3 && HAN_OR_KATAKANA.test(s.segment)) {
      for (let i = 0; i + 2 <= s.segment.length; i++) {
        out.push({ norm: s.segment.slice(i, i + 2).normalize('NFKC'), start: at + i, end: at + i + 2, acronym: false, segmented: true });
      }
    }
  }
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

export const isStopWord = (norm: string): boolean => STOP.has(norm) || UNSPACED_STOP.has(norm);

/** The index term of a token: stemmed, or null for stop words and empty tokens. */
export function termOf(t: Token): string | null {
  if (!t.norm) return null;
  // One Chinese character is often a whole word (油, oil): kept, unstemmed, unless a particle.
  if (t.segmented) return UNSPACED_STOP.has(t.norm) ? null : t.norm;
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
    // A chunk of unspaced text is often a whole sentence, met once: not worth remembering.
    if (raw.length > 40 && UNSPACED.test(raw)) return cached;
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
