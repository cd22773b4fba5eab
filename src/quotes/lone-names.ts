// A person the article names by one word only ("Yuni, a resident of Lampung, …", "interior
// designer Demi"): reality TV, disaster survivors, children and refugees are often named by a first
// name alone. Such a word is a person only when the text itself treats it as one — a role before
// it or a personal appositive after it — and never when the article also uses it as a place
// ("in Jordan"). The first-name lists are no evidence: they hold China, Britain and Paris too.

import { foldName, isDemonym, isOrgWord, isTitleWord } from './names.js';
import { isAsciiLetter, isSpaceCode } from './chars.js';
import { lastAtOrBefore } from './sorted.js';

/** Heads of appositives that name a thing, not a person ("Apple, the firm, …"). */
const APPOSITIVE_THING_HEADS = new Set('firm statement report website campaign tweet release memo letter study survey sign signs petition organization organisation source'.split(' '));

// ", who is 23", ", 23,", ", a resident of …", ", the lanky bespectacled professor,": the head is the
// first of up to four lower-case words after which the appositive ends or an "of"/"at"/… phrase
// begins ("a mother of twins" → mother).
const PERSONAL_AFTER = /^,\s+(?:who\b|whose\b|\d{1,3}\s*,|(?:a|an|the|his|her)\s+((?:[\p{Ll}-]+\s+){0,3}?)([\p{Ll}-]+)(?=\s*[,.;:)]|\s*$|\s+(?:of|at|in|for|from|with|who|whose|on)\b))/u;

/** A noun that describes a person ("resident", "designer", "professor"), not a body or a document ("government", "firm", "report"). */
const isPersonalNoun = (w: string): boolean => isTitleWord(w) && !isOrgWord(w) && !APPOSITIVE_THING_HEADS.has(w);

/**
 * The article's own evidence that a lone capitalised word, at this mention, is a person: the role
 * noun right before it ("interior designer Demi"; `roleBefore`, or '') or a personal appositive
 * after it. Speaking is no evidence: "Britain says" and "Zurich said" speak too.
 */
export function lonePersonSign(roleBefore: string, after: string): boolean {
  if (roleBefore && isPersonalNoun(roleBefore)) return true;
  const m = PERSONAL_AFTER.exec(after);
  if (!m) return false;
  const head = m[2];
  return head === undefined || isPersonalNoun(head);
}

const PLACE_WORD_LIST = ['in', 'into', 'across', 'throughout', 'near', 'around', 'visit', 'visited', 'visiting'];
export const PLACE_BEFORE = new RegExp(String.raw`\b(?:${PLACE_WORD_LIST.join('|')})\s+$`, 'iu');
// One list for the expression and its reading by hand (`endsWithPlaceWord`).
const PLACE_WORDS = new Set(PLACE_WORD_LIST);
const LONGEST_PLACE_WORD = Math.max(...PLACE_WORD_LIST.map((w) => w.length));
const LETTER = /\p{L}/u;

/**
 * PLACE_BEFORE.test(s), read by hand while what it reads is ASCII; when a character it would read is
 * not, the expression decides (its /iu rules for other scripts are not restated here). The index of
 * an article's places asks it after every blank, and its case-insensitive Unicode form is dear to
 * compile. A match is anchored at the end, so only the end is read: blanks (`\s`, which `isSpaceCode`
 * is for all of Unicode) after a run of letters that is a place word (in any case) and follows no
 * letter, digit or underscore (\b; a word starting inside the run follows a letter, so only the whole
 * run can match).
 */
export function endsWithPlaceWord(s: string): boolean {
  const n = s.length;
  let e = n;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  if (e === n) return false;
  let b = e;
  while (b > 0 && isAsciiLetter(s.charCodeAt(b - 1))) b--;
  if (b > 0) {
    const c = s.charCodeAt(b - 1);
    // Outside ASCII (a letter? ſ or K, which /iu folds into s and k and counts as word characters?): the expression says.
    if (c >= 128) return PLACE_BEFORE.test(s);
    if ((c >= 48 && c <= 57) || c === 95) return false;
  }
  return e - b <= LONGEST_PLACE_WORD && PLACE_WORDS.has(s.slice(b, e).toLowerCase());
}

/** LETTER.test(p.charAt(i)), without the expression for an ASCII character (and none past the end). */
function letterAt(p: string, i: number): boolean {
  const c = p.charCodeAt(i);
  // Past the end (NaN): no letter, as LETTER.test('') says.
  return c >= 128 ? LETTER.test(p.charAt(i)) : isAsciiLetter(c);
}

/** The article uses `word` as a place somewhere ("in Israel", "across China"): no lone person, however it acts elsewhere. */
export function usedAsPlace(word: string, paragraphs: readonly string[]): boolean {
  for (const p of paragraphs) {
    for (let at = p.indexOf(word); at >= 0; at = p.indexOf(word, at + word.length)) {
      // A whole word only ("Israeli", "McJordan" are other words).
      if (letterAt(p, at + word.length) || (at > 0 && letterAt(p, at - 1))) continue;
      if (endsWithPlaceWord(p.slice(Math.max(0, at - 14), at))) return true;
    }
  }
  return false;
}

/**
 * `usedAsPlace` for many names of one article: after a few names scanned one by one, the places
 * ("in X") are found in one pass, keyed by the run of letters that opens them, so each further
 * name looks only at the places that start like it (asking `usedAsPlace` for every person of a
 * long article would rescan it once per person).
 */
export function placeIndex(paragraphs: readonly string[]): (word: string) => boolean {
  let places: Map<string, Array<[string, number]>> | null = null;
  const build = (): Map<string, Array<[string, number]>> => {
    const out = new Map<string, Array<[string, number]>>();
    for (const p of paragraphs) {
      // A place word ends with blanks, so a place starts after a blank.
      for (const m of p.matchAll(AFTER_BLANK)) {
        const at = m.index + m[0].length;
        if (!endsWithPlaceWord(p.slice(Math.max(0, at - 14), at))) continue;
        const key = letterRun(p, at);
        if (!key) continue;
        const list = out.get(key);
        if (list) list.push([p, at]);
        else out.set(key, [[p, at]]);
      }
    }
    return out;
  };
  let asked = 0;
  return (word) => {
    // Most articles ask about a few names: a scan each is cheaper than the index.
    if (++asked <= SCANS_BEFORE_INDEX) return usedAsPlace(word, paragraphs);
    const key = letterRun(word, 0);
    // A name that opens with no letter, or longer than the key read: the plain scan.
    if (!key || key.length >= 64) return usedAsPlace(word, paragraphs);
    for (const [p, at] of (places ??= build()).get(key) ?? []) {
      if (p.startsWith(word, at) && !letterAt(p, at + word.length)) return true;
    }
    return false;
  };
}
const AFTER_BLANK = /\s+(?=\p{L})/gu;
/** Names of one article looked up by a scan each before the article's places are indexed. */
export const SCANS_BEFORE_INDEX = 16;

/** The letters from `at` on (at most 64), read a UTF-16 unit at a time as `usedAsPlace` reads a word's edges. */
function letterRun(s: string, at: number): string {
  let end = at;
  while (end < s.length && end - at < 64 && letterAt(s, end)) end++;
  return s.slice(at, end);
}

/** One capitalised word standing alone as a name, at global offset `pos` (after any title). */
export interface LoneMention {
  word: string;
  pos: number;
  /** The lower-case word right before it, when the name scan read it as a role word ("designer" in "interior designer Demi"), else ''. */
  roleBefore: string;
}

/**
 * The folded words of `mentions` the article treats as persons (see `lonePersonSign`) and never as
 * places. `bases` are the paragraphs' global offsets. Few words qualify, so a scan per word is cheap.
 */
export function lonePersons(mentions: readonly LoneMention[], paragraphs: readonly string[], bases: readonly number[]): Set<string> {
  const signed = new Map<string, string>();
  for (const m of mentions) {
    const key = foldName(m.word);
    if (signed.has(key) || signed.size >= 20) continue;
    const i = paragraphAt(bases, m.pos);
    const at = m.pos - (bases[i] ?? 0);
    const text = paragraphs[i] ?? '';
    // "the Dutch, who …", "the Japanese, who …": a nationality, or any word after "the", names no one.
    if (isDemonym(m.word) || /(?:^|\s)the\s+$/iu.test(text.slice(Math.max(0, at - 5), at))) continue;
    // An appositive starts with a comma right after the word: without one only the role before can tell (no slice to read).
    const after = at + m.word.length;
    if (text.charCodeAt(after) === 44 ? lonePersonSign(m.roleBefore, text.slice(after, after + 80)) : lonePersonSign(m.roleBefore, '')) signed.set(key, m.word);
  }
  const out = new Set<string>();
  for (const [key, word] of signed) if (!usedAsPlace(word, paragraphs)) out.add(key);
  return out;
}

/** Index of the paragraph holding global offset `pos`. */
const paragraphAt = (bases: readonly number[], pos: number): number => lastAtOrBefore(bases, pos);
