// Signs that a capitalised name the name scan took for a person's names a thing: an event, a
// competition, a place, a work or product, a day ("in the Zurich Premiership", "the English
// Channel", "Yahoo Messenger", "on Saturday"), or a common word that merely opens a sentence
// ("Fears", "Hours"). Each sign is a feature the speaker model weighs (ranker.ts), not a filter:
// a first name in the lists is no proof either way ("Zurich", "Paris" are listed first names).

import type { People, Person } from './people.js';
import { lastAtOrBefore } from './sorted.js';
import { placeIndex, SCANS_BEFORE_INDEX } from './lone-names.js';
import { letterBefore } from './chars.js';

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const HAS_NUMBER = /\p{N}/u;
const LOWER_FOLDED_WORD = /^\p{Ll}[\p{Ll}\p{N}]*$/u;

/**
 * Last words of names of things, not people: events and competitions, places and buildings, works,
 * documents, products and dates. Common surnames are left out ("Hall", "Field", "Park", "Way").
 */
const THING_HEADS = new Set(
  `cup bowl open championship championships premiership league olympics olympic games awards award finals final sevens festival
  tour market show prize trophy series classic marathon derby trials stakes rally grand prix expo
  channel sea ocean river lake street road avenue square stadium arena prison airport island islands valley mountains
  theatre theater centre center palace abbey cathedral station coast gulf strait canal desert trafford
  book report index paper papers dvd dvds cd cds messenger server windows facility programme act treaty constitution agreement
  directive console browser software album film movie novel song edition mini
  monday tuesday wednesday thursday friday saturday sunday january february april june july august september october november december
  christmas easter day eve week weekend year season`.split(/\s+/u),
);

/** The name's last word names a thing ("Super Bowl", "English Channel", "Saturday"). */
export const thingHead = (folded: readonly string[]): boolean => THING_HEADS.has(folded[folded.length - 1] ?? '');

export interface ThingSigns {
  /** Share of the name's mentions in the text that follow "the" right before it ("the English Channel"). */
  afterThe: number;
  /** The last word names a thing (THING_HEADS). */
  head: boolean;
  /** One word that the article also writes in lower case ("Fears … the fears of"): a common word opening a sentence. */
  lowerElsewhere: boolean;
  /** The article uses the name as a place ("in Waterford", "across China"). */
  place: boolean;
}

const THE_BEFORE = /(?:^|[^\p{L}])the\s+$/iu;

/**
 * The thing signs of the article's persons, each read once per person on first use. The "the"
 * shares are counted in one pass over the article's mentions, the lower-case words in one pass
 * over its text, and only when a one-word name asks.
 */
export function thingSigns(people: People, paragraphs: readonly string[], bases: readonly number[]): (p: Person) => ThingSigns {
  const memo = new Map<Person, ThingSigns>();
  let theShare: Map<Person, [number, number]> | null = null;
  let lowerWords: Set<string> | null = null;
  let lowerAsked = 0;
  let joined: string | null = null;
  const usedAsPlace = placeIndex(paragraphs);
  return (p) => {
    let s = memo.get(p);
    if (s) return s;
    if (!theShare) {
      theShare = new Map();
      for (const m of people.mentions) {
        const k = lastAtOrBefore(bases, m.pos);
        const at = m.pos - (bases[k] ?? 0);
        const before = (paragraphs[k] ?? '').slice(Math.max(0, at - 5), at);
        const counts = theShare.get(m.person) ?? [0, 0];
        if (THE_BEFORE.test(before)) counts[0]++;
        counts[1]++;
        theShare.set(m.person, counts);
      }
    }
    const [the, n] = theShare.get(p) ?? [0, 0];
    let lowerElsewhere = false;
    const word = p.folded[0] ?? '';
    if (p.folded.length === 1 && ALL_LOWER.test(word)) {
      joined ??= paragraphs.join('\n\n');
      // A few one-word names: a scan each; more: every lower-case word of the article once.
      lowerElsewhere = ++lowerAsked <= SCANS_BEFORE_INDEX ? writtenLowerCase(word, joined) : (lowerWords ??= lowerCaseWords(joined)).has(word);
    }
    // The name as written, whole: a place test of "English Channel", not of "English".
    s = { afterThe: n > 0 ? the / n : 0, head: thingHead(p.folded), lowerElsewhere, place: usedAsPlace(p.name) };
    memo.set(p, s);
    return s;
  };
}

const ALL_LOWER = /^\p{Ll}+$/u;
/** A lower-case word of its own: not inside a word, not before a lower-case letter, an apostrophe or a hyphen. */
const LOWER_WORD = /(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’]*(?![\p{Ll}'’-])/gu;

/**
 * The lower-case words `text` writes, apostrophes dropped ("don't" → "dont"): what
 * `writtenLowerCase` finds for any one word, for all words in one pass.
 */
export function lowerCaseWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(LOWER_WORD)) out.add(m[0].replace(/['’]/gu, ''));
  return out;
}

/**
 * Whether `text` writes the folded word `word` as a lower-case word of its own, apostrophes
 * aside ("fears", "don't" for "dont"): one scan for the word, not a list of every word. What
 * /(?<![\p{L}'’-])w['’]*o['’]*r['’]*d['’]*(?![\p{Ll}'’-])/u finds (its letters `word`'s), read
 * by hand: the expression would be compiled anew for each word, and a cold build meets most words
 * once (the greedy apostrophe runs need no backtracking: a letter of the word is no apostrophe).
 */
export function writtenLowerCase(word: string, text: string): boolean {
  if (!LOWER_FOLDED_WORD.test(word) || HAS_NUMBER.test(word)) return false;
  const headLength = (word.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  const head = word.slice(0, headLength);
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 0;
    if (before === 39 || before === 0x2019 || before === 45 || letterBefore(text, at) > 0) continue;
    let i = at + headLength;
    let k = headLength;
    for (;;) {
      while (i < text.length && isApostrophe(text.charCodeAt(i))) i++;
      if (k === word.length) break;
      // The word's next letter, one or two UTF-16 units, as written.
      const units = (word.codePointAt(k) ?? 0) > 0xffff ? 2 : 1;
      if (text.charCodeAt(i) !== word.charCodeAt(k) || (units === 2 && text.charCodeAt(i + 1) !== word.charCodeAt(k + 1))) break;
      i += units;
      k += units;
    }
    if (k < word.length) continue;
    LOWER_OR_JOINER.lastIndex = i;
    if (!LOWER_OR_JOINER.test(text)) return true;
  }
  return false;
}
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
/** A lower-case letter, apostrophe or hyphen right at `lastIndex`: what ends no word there. */
const LOWER_OR_JOINER = /[\p{Ll}'’-]/uy;
