// Features of a quote's candidate speakers that a careful news reader weighs and the rest of
// attribution does not read: whether "the official" goes back to "a senior official" the article
// never named, and who holds the turn of speaking. Each is a plain test here; attribute.ts sets the
// features and the ranker weighs them.
// Every test reads a bounded stretch of text, so attribution stays linear in the article.

import { memoByWord } from '../text/memo.js';
import { definiteHead, personDescribed } from './description.js';

/** How far back (characters of narration) "the official" looks for "a senior official". */
export const ECHO_REACH = 3000;
/** How many speaking turns back, and how many paragraphs back, the turn log looks. */
export const TURN_REACH = 8;
export const TURN_PARAGRAPHS = 6;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// One pattern per head noun, made once: the same few role nouns come back quote after quote.
// (Bounded: role-like words are many in a hostile text.)
const echoPattern = memoByWord((head: string): RegExp => {
  const h = escapeRe(head);
  return new RegExp(String.raw`(?:^|[^\p{L}])(?:(?:a|an|one|another)\s+(?:[\p{L}.'’-]+\s+){0,4}?${h}|one\s+of\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,3}?${h}s)(?![\p{L}])`, 'iu');
}, 512);

// `echoPattern` for every head at once, the head given before a NUL and matched back by `\1`:
// compiling one such expression per head (\p{L} under /iu) cost a cold build ~0.1 s of CPU for
// ~70 heads. The NUL stands where `^` stood (a non-letter before the narration), and the lazy skip
// tries every start the unanchored pattern tries. Only for ASCII heads: a case-insensitive back
// reference compares as the literal does there (K/k/U+212A, s/S/U+017F alike; tested).
const ASCII_HEAD = /^[a-z-]+$/;
const ECHO_ANY_HEAD = new RegExp(
  String.raw`^([^\0]+)(?=\0)[\s\S]*?[^\p{L}](?:(?:a|an|one|another)\s+(?:[\p{L}.'’-]+\s+){0,4}?\1|one\s+of\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,3}?\1s)(?![\p{L}])`,
  'iu',
);

/**
 * "the official said" after "a senior central bank official said": a definite description whose
 * head noun an indefinite description of the narration before it used ("a/an/one/another … official",
 * "one of the officials") goes back to that unnamed person, not to someone the article named.
 * `narrationBefore` is the article's narration (quotes blanked) before the quote, at most ECHO_REACH characters.
 */
export function echoesIndefinite(description: string, narrationBefore: string): boolean {
  const head = definiteHead(description);
  if (!head) return false;
  const before = narrationBefore.slice(-ECHO_REACH);
  return ASCII_HEAD.test(head) ? ECHO_ANY_HEAD.test(`${head}\0${before}`) : echoPattern(head).test(before);
}

// `ECHO_ANY_HEAD` with a greedy skip: the LAST indefinite of the head, its words in group 2.
const LAST_ECHO_ANY_HEAD = new RegExp(
  String.raw`^([^\0]+)(?=\0)[\s\S]*[^\p{L}]((?:a|an|one|another)\s+(?:[\p{L}.'’-]+\s+){0,4}?\1|one\s+of\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,3}?\1s)(?![\p{L}])`,
  'iu',
);

/**
 * Where the last indefinite description `echoesIndefinite` reads for `description` ends in
 * `narrationBefore` (an offset into it), or −1 when there is none: whether someone was named after
 * it is the caller's question.
 */
export function echoEnd(description: string, narrationBefore: string): number {
  const head = definiteHead(description);
  if (!head) return -1;
  const before = narrationBefore.slice(-ECHO_REACH);
  const shift = narrationBefore.length - before.length;
  if (ASCII_HEAD.test(head)) {
    const m = LAST_ECHO_ANY_HEAD.exec(`${head}\0${before}`);
    return m ? shift + m[0].length - head.length - 1 : -1;
  }
  let end = -1;
  for (const m of before.matchAll(new RegExp(echoPattern(head).source, 'giu'))) end = (m.index ?? 0) + m[0].length;
  return end < 0 ? -1 : shift + end;
}

/**
 * The speaking turns of an article so far: the speakers that quotes' own attributions named, in
 * order. A reader follows turns: after "X said: “…”" a quote continues X until someone else is
 * given words, however many paragraphs of quote follow; a person who spoke three turns ago is
 * rarely the one a bare "he said" means.
 */
export class TurnLog {
  private readonly keys: unknown[] = [];
  private readonly paragraphs: number[] = [];

  /** A quote in paragraph `paragraph` (0-based) whose own attribution named `key` (a person, or a description's folded name). */
  record(key: unknown, paragraph: number): void {
    this.keys.push(key);
    this.paragraphs.push(paragraph);
    if (this.keys.length > TURN_REACH) {
      this.keys.shift();
      this.paragraphs.shift();
    }
  }

  /**
   * How many other speakers took a turn since `key`'s latest turn (0: `key` holds the turn), or
   * null when `key` took no turn within TURN_REACH turns and TURN_PARAGRAPHS paragraphs of `paragraph`.
   */
  since(key: unknown, paragraph: number): number | null {
    const others = new Set<unknown>();
    for (let k = this.keys.length - 1; k >= 0; k--) {
      if (paragraph - (this.paragraphs[k] ?? 0) > TURN_PARAGRAPHS) return null;
      const s = this.keys[k];
      if (s === key) return others.size;
      others.add(s);
    }
    return null;
  }
}

/** "Another said", "another added": the subject "another" alone, no noun after it. */
export const isLoneAnother = (text: string): boolean => /^another$/iu.test(text.trim());

/** Words that tell one unnamed speaker from another, no part of what they are ("a third arbitrageur"). */
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'other', 'further']);

/**
 * What "Another said" names: another of the unnamed speaker who spoke last ("said one trade source"
 * … "Another said" is another trade source), shown as "another trade source"; null when the last
 * speaker is named or no described person.
 */
export function anotherOf(lastSpeakerDescription: string | null): string | null {
  const d = lastSpeakerDescription === null ? null : personDescribed(lastSpeakerDescription);
  return d ? ['another', ...d.modifiers.filter((w) => !ORDINALS.has(w.toLowerCase())), d.head].join(' ') : null;
}
