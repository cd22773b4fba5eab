// The people an article names, found once per article: full names, the surname-only and
// first-name-only mentions that point back to them, their titles/roles and, when the text says,
// their gender. Pronouns and short mentions are resolved against this.

import { NAME_FLAG, NO_WORDS, PARTICLES, bare, displayCase, foldName, isDayOrMonth, isDemonym, isRankTitle, isTitleWord, roleWords, genderOfWords, isCapWord, isPronoun, looksLikePersonNameFlagged, nameFlags, titleCut, type Gender } from './names.js';
import { isSpaceCode } from './chars.js';
import { isFirstName, personSuffix } from './first-names.js';
import { gluedBeforeName, withoutPostNominal } from './glued-names.js';
import type { SubjectOrg } from './org-lead.js';
import { isRoleWord, roleWordsOpening } from './phrase.js';
import { lonePersons, type LoneMention } from './lone-names.js';
import { lastAtOrBefore } from './sorted.js';
import { SPEECH_VERBS } from './verbs.js';
import { isPlaceName } from '../search/places.js';
/** "New Yorker", "New Zealanders": the word after "New" of a demonym. */
const NEW_DEMONYM_TAIL = /^\p{Lu}\p{Ll}+(?:ers?|ians?)$/u;

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const CAPITALISED_GERUND = /^\p{Lu}\p{Ll}{3,}ing$/u;
const HAS_LOWER = /\p{Ll}/u;

/** A word with lower-case letters and a final full stop ("PhD."), no initial ("J.") nor dotted abbreviation ("U.S."). */
const ENDS_WITH_STOP = /^\p{Lu}[\p{L}]*\p{Ll}[\p{L}]*\.$/u;
/** An address's last word: "Downing St said" is the office there speaking, and "Downing" before it is no sentence opener. */
const STREET = /^(?:St|Street)$/u;

export interface Person {
  /** Fold of the full name: the key within the article. */
  key: string;
  /** The full name as first written (capitals fixed when written all in capitals). */
  name: string;
  folded: string[];
  gender: Gender;
  role: string | null;
  /** Reasons to think this is a person (a title, a role word, a surname used alone, a quote). */
  evidence: number;
  /** A group ("City officials") or organisation that speaks: "they"/"it" can point to it. */
  group: boolean;
  /** Offset of the first mention. */
  firstAt: number;
}

export interface PersonMention {
  pos: number;
  person: Person;
  /** Inside a quote: "he" in the attribution after the quote does not point to people named in it. */
  quoted: boolean;
  /** Opens its sentence, or speaks: the likeliest antecedent of a pronoun that follows. */
  subject: boolean;
}

interface Run {
  pos: number;
  words: string[];
  /** `nameFlags` of each word, read once here: the constructor asks several questions of each. */
  flags: number[];
  /** Offset of each word. */
  at: number[];
  /** Lower-case role words right before the run ("spokeswoman"). */
  lead: readonly string[];
  /** The run opens its sentence (after at most a connective such as "But" or "However,"). */
  subject: boolean;
  /** The run is the subject of a speech verb, or follows "according to": it names a speaker. */
  speaks: boolean;
  /** A verb follows the run ("the SFA would not detail"): it acts in its clause, not merely opens it. */
  acts: boolean;
  /** The run follows a speech verb ("said Covington Catholic has …"): reported, not the speaker. */
  reported: boolean;
  /** "of " or "of the " right before the run ("Chancellor of the Exchequer Gordon Brown"), else "". */
  afterOf: string;
  /**
   * The run goes on a title's object after "to" or an "of" phrase's "and" ("Ambassador to Jordan
   * Pere Ostrova", "Director of the Office of Ports and Transport Ada Whitcombe"): a person's
   * name may end it, as after "of".
   */
  ofChain: boolean;
  /**
   * A title governs the "of"/"to" before the run ("Ambassador to China …", "Chancellor of the
   * Exchequer …"): only then may a place that is also a given name be the office's object, not the
   * name's first word ("wrote to Georgia Mae Corwin" keeps Georgia).
   */
  office: boolean;
}

export const AFTER_OF = /\s(of\s(?:the\s)?)$/u;
/** "… to ", "… of Management and ": see `Run.ofChain`. */
const OF_CHAIN = /(?:\sto|\sof\s(?:the\s)?(?:\p{Lu}[\p{L}.&'’-]*\s+){1,3}and)\s$/u;
/** The word before the "to"/"of" (or its "of … and" chain) that ends the text: see `Run.office`. */
const GOVERNOR = /(\S+)\s+(?:to|of)\s(?:the\s)?(?:(?:\p{Lu}[\p{L}.&'’-]*\s+){1,3}and\s)?$/u;
const officeGoverns = (before: string): boolean => isRankTitle(GOVERNOR.exec(before)?.[1] ?? '');
/** Words that may open a sentence before its subject ("However, Mr Blair …"); `mayOpenSentence` reads the same lists. */
const CONNECTIVES = new Set(['But', 'And', 'However', 'Meanwhile', 'Still', 'Now', 'Then', 'So', 'Also', 'Yet', 'Instead', 'Earlier', 'Later', 'Separately', 'Similarly', 'Indeed']);
/** "Last week", "On Monday", "In 1990": a word of time before the subject. */
const WHEN_WORDS = new Set(['Last', 'On', 'In']);
export const SENTENCE_OPENING = new RegExp(
  String.raw`(?:^|[.!?…]["”’)]*\s+|:\s+)(?:(?:${[...CONNECTIVES, ...[...WHEN_WORDS].map((w) => String.raw`${w}\s+\w+`)].join('|')}),?\s+)?$`,
  'u',
);

/** A longer lower-case word is no particle: not sliced to be looked up. */
const LONGEST_PARTICLE = Math.max(...[...PARTICLES].map((w) => w.length));

/** A word of one to LONGEST_PARTICLE letters a–z as a number (base 27, digits 1–26): one number per word. */
function letterCode(s: string, from: number, to: number): number {
  let code = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c < 97 || c > 122) return -1;
    code = code * 27 + (c - 96);
  }
  return code;
}
/** The particles as `letterCode`s (each is lower-case ASCII letters: see `isParticleAt`'s test). */
const PARTICLE_CODES = new Set([...PARTICLES].map((w) => letterCode(w, 0, w.length)));

/**
 * `PARTICLES.has(p.slice(from, to))`, read in place: the lower-case word after a name run is
 * looked up without a string made for it (most are no particle: "said", "and").
 */
export function isParticleAt(p: string, from: number, to: number): boolean {
  if (to - from > LONGEST_PARTICLE || to <= from) return false;
  const code = letterCode(p, from, to);
  return code >= 0 && PARTICLE_CODES.has(code);
}

/** A gazetteer place: "China" opens no name even though the first-name lists hold it. */
const isPlaceWord = (w: string): boolean => isPlaceName([w]);

/** How many mentions back a pronoun may reach. */
const WINDOW = 40;
/** How many same-surname persons a lookup compares: bounded for pathological input. */
const MAX_CANDIDATES = 50;
/** Distance (in characters) that costs a candidate antecedent as much as one point of salience. */
const CHARS_PER_POINT = 200;

// Words ending in -s that are no verbs ("$24.1 million US this season": "US" does not act).
const NOT_VERB_S = String.raw`(?!(?:this|thus|hers|ours|yours|theirs|less|unless|plus|news|across|always|perhaps|sometimes|whereas|besides|towards|afterwards|\p{Ll}+(?:ss|ous|ness|ics))\b)`;
export const FOLLOWING_VERB = new RegExp(String.raw`^(?:\s*,[^,]{1,160},)?\s+(?:also\s+|then\s+|later\s+|has\s+|had\s+|have\s+)?${NOT_VERB_S}(also|then|later|has|had|have|was|is|will|would|could|says|said|told|tells|\p{Ll}{2,}ed|\p{Ll}{3,}s)\b`, 'u');
export const AFTER_SPEECH = /\b(according to|said|says|told|tells|say)\s+$/u;
/** FOLLOWING_VERB without its `^`, sticky: matched at `lastIndex` of the paragraph itself (see `followingVerb`). */
const FOLLOWING_VERB_AT = new RegExp(FOLLOWING_VERB.source.replace(/^\^/u, ''), 'uy');

/**
 * The verb FOLLOWING_VERB finds in `p.slice(from, from + reach)`. When that is the paragraph's whole
 * tail (most runs: a paragraph ends within `reach` of most names), the expression is matched in
 * place from `from` instead of on a copy: it looks behind nothing before `from` (its first `\b`
 * comes after a blank it consumed) and both texts end at the same place, so it finds the same verb.
 */
export function followingVerb(p: string, from: number, reach: number): string | undefined {
  // (A negative `from` would count from the end in the slice: read on the copy, as it was.)
  if (from < 0 || from + reach < p.length) return FOLLOWING_VERB.exec(p.slice(from, from + reach))?.[1];
  FOLLOWING_VERB_AT.lastIndex = from;
  return FOLLOWING_VERB_AT.exec(p)?.[1];
}

// Exact tests run before FOLLOWING_VERB and AFTER_SPEECH, which most names cannot match: the
// expressions are tried at every name of every article with quotes.
/** ASCII white space and the no-break space (all of them `\s`). */
const isBlank = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;

/** The words FOLLOWING_VERB reads by name (its other verbs end in -ed or -s). */
const FOLLOWING_WORDS = new Set(['also', 'then', 'later', 'has', 'had', 'have', 'was', 'is', 'will', 'would', 'could', 'says', 'said', 'told', 'tells']);

/**
 * FOLLOWING_VERB may match `p` from `from` (within `reach` characters): blanks, then a comma, or a
 * lower-case word that is one of its words or ends in -ed or -s (anything outside ASCII: maybe).
 */
export function mayFollowVerb(p: string, from: number, reach: number): boolean {
  const end = Math.min(p.length, from + reach);
  let k = from;
  while (k < end && isBlank(p.charCodeAt(k))) k++;
  if (k >= end) return false;
  const c = p.charCodeAt(k);
  if (c === 44 || c >= 128) return true;
  if (k === from || c < 97 || c > 122) return false;
  let r = k + 1;
  while (r < end && p.charCodeAt(r) >= 97 && p.charCodeAt(r) <= 122) r++;
  if (r < end) {
    const next = p.charCodeAt(r);
    if (next >= 128) return true;
    // A letter, digit or underscore right after: no word boundary there.
    if ((next >= 65 && next <= 90) || (next >= 48 && next <= 57) || next === 95) return false;
  }
  const last = p.charCodeAt(r - 1);
  return (r - k >= 4 && (last === 115 || (last === 100 && p.charCodeAt(r - 2) === 101))) || FOLLOWING_WORDS.has(p.slice(k, r));
}

/** AFTER_SPEECH may match p[start, end): it ends in blanks after a word ending like one of its verbs. */
export function mayFollowSpeech(p: string, start: number, end: number): boolean {
  let k = end - 1;
  if (k < start) return false;
  const last = p.charCodeAt(k);
  if (last >= 128) return true;
  if (!isBlank(last)) return false;
  while (k >= start && isBlank(p.charCodeAt(k))) k--;
  if (k < start) return false;
  const c = p.charCodeAt(k);
  return c >= 128 || c === 100 || c === 115 || c === 121 || c === 111; // said/told, says/tells, say, according to
}

const isAsciiCapital = (c: number): boolean => c >= 65 && c <= 90;

/** Where the whitespace-delimited word of `s` that ends at `end` starts (not before `from`). */
function wordStart(s: string, end: number, from: number): number {
  let start = end;
  while (start > from && !isSpaceCode(s.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * SENTENCE_OPENING may match `s` (tried before it for every name run): `s` is empty or blank, or
 * ends in blanks after a sentence's end, a colon, a connective ("However,") or a word after
 * "Last", "On" or "In". Read in place: `s` from `from` to `end` (the text before a run).
 */
export function mayOpenSentence(s: string, from = 0, end = s.length): boolean {
  let e = end;
  if (e === from) return true;
  if (!isSpaceCode(s.charCodeAt(e - 1))) return false;
  while (e > from && isSpaceCode(s.charCodeAt(e - 1))) e--;
  if (e === from) return true;
  const c = s.charCodeAt(e - 1);
  // . ! ? … " ” ’ ) :
  if (c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 34 || c === 0x201d || c === 0x2019 || c === 41 || c === 58) return true;
  if (c === 44) e--;
  const start = wordStart(s, e, from);
  // Every connective and time word opens with an ASCII capital: most words before a name are no such word, and are not sliced.
  if (isAsciiCapital(s.charCodeAt(start)) && CONNECTIVES.has(s.slice(start, e))) return true;
  let b = start;
  while (b > from && isSpaceCode(s.charCodeAt(b - 1))) b--;
  if (b === start) return false;
  const when = wordStart(s, b, from);
  return isAsciiCapital(s.charCodeAt(when)) && WHEN_WORDS.has(s.slice(when, b));
}

/** AFTER_OF may match `s`: it ends in "of" and one character, or "of", one character, "the" and one. */
export function mayFollowOf(s: string, from = 0, end = s.length): boolean {
  return endsWithAt(s, 'of', 3, from, end) || (endsWithAt(s, 'the', 4, from, end) && endsWithAt(s, 'of', 7, from, end));
}

/** `s.slice(from, end).startsWith(w, length - back)`, read in place (a position before the start counts from the start). */
function endsWithAt(s: string, w: string, back: number, from: number, end: number): boolean {
  const k = from + Math.max(0, end - from - back);
  return k + w.length <= end && s.startsWith(w, k);
}

// The lookbehinds keep these linear on a word made of thousands of marks.
const TRAILING_MARKS = /(?<![,;:!?)”"’'\]»/|])[,;:!?)”"’'\]»/|]+$/u;
const FINAL_PERIOD = /(?<![\p{Lu}]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev)\.$/u;

/** A word without its trailing punctuation and possessive: "Rowland’s," → "Rowland". */
export function coreOf(w: string): string {
  const a = w.replace(TRAILING_MARKS, '');
  const b = a.replace(/['’‘]s?$/u, '');
  return b === a ? a.replace(FINAL_PERIOD, '') : b.replace(TRAILING_MARKS, '');
}

/** `w` holds an apostrophe or a single quotation mark (' ’ ‘): what /['’‘]/u tests. */
function hasApostrophe(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c === 39 || c === 0x2019 || c === 0x2018) return true;
  }
  return false;
}

/** ASCII letters and digits only in s[from, to). */
function isAsciiAlnum(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** How many opening quote marks and brackets (“ " ‘ ' ( [ « „) start s[from, to): what /^[“"‘'([«„]+/u matches there. */
export function leadMarks(s: string, from: number, to: number): number {
  let k = from;
  for (; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c !== 0x201c && c !== 34 && c !== 0x2018 && c !== 39 && c !== 40 && c !== 91 && c !== 0xab && c !== 0x201e) break;
  }
  return k - from;
}

/** Where the word before a name lies: [token start, word start, word end] (`wordBefore` fills it; runsOf is not re-entrant). */
const BEFORE = new Int32Array(3);

/** Blanks between the scan's words (a slash or bar also ends one, kept on it). */
const isWordBlank = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;

/**
 * How the scan's word `p[ts, te)` stands for the role words of a name after it: into BEFORE, the
 * part a role word is read from, and true; or false when the word ends that reading (a name word,
 * a word with a mark or possessive cut off, a lower-case word ending in punctuation). The rules of
 * the forward word loop, word by word: a lower-case word counts whole when it ends in a letter or a
 * digit; a number counts whole; any other word counts by its core after opening marks, unless it
 * may be a name word or lost a mark or possessive to its core.
 */
function readBefore(p: string, ts: number, te: number): boolean {
  const c0 = p.charCodeAt(ts);
  BEFORE[0] = ts;
  if (c0 >= 97 && c0 <= 122) {
    const last = p.charCodeAt(te - 1);
    BEFORE[1] = ts;
    BEFORE[2] = te;
    return (last >= 97 && last <= 122) || (last >= 48 && last <= 57);
  }
  if (c0 >= 48 && c0 <= 57 && isAsciiAlnum(p, ts, te)) {
    BEFORE[1] = ts;
    BEFORE[2] = te;
    return true;
  }
  const lead = c0 >= 65 && c0 <= 90 ? 0 : leadMarks(p, ts, te);
  const w = p.slice(ts + lead, te);
  const core = coreOfWord(w);
  if (core.length < w.length || isNameWord(core)) return false;
  BEFORE[1] = ts + lead;
  BEFORE[2] = ts + lead + core.length;
  return true;
}

/** The word before `at` (a word's start) as the loop splits words, into BEFORE by `readBefore`; false at the paragraph's start. */
function wordBefore(p: string, at: number, from: number): boolean {
  let te = at;
  // A slash or bar ends a word with no blank after it ("Instagram/Darian").
  if (te > from) {
    const c = p.charCodeAt(te - 1);
    if (isWordBlank(c)) {
      while (te > from && isWordBlank(p.charCodeAt(te - 1))) te--;
    } else if (c !== 47 && c !== 124) throw new Error(`wordBefore: ${at} starts no word`);
  }
  if (te <= from) return false;
  // The word runs back to a blank, or to just after a slash or bar (which ends the word before it); its own last character may be one.
  let ts = te - 1;
  while (ts > from) {
    const c = p.charCodeAt(ts - 1);
    if (isWordBlank(c) || c === 47 || c === 124) break;
    ts--;
  }
  return readBefore(p, ts, te);
}

/**
 * The lower-case role words right before the name word at `at` ("senior political analyst"),
 * at most three, read back from the name: the words since the last word that ends such a reading
 * (see `readBefore`), the last ones that are all role words. Read only when a run begins, where
 * the loop once kept the last three words at every word of the text.
 */
function rolesBefore(p: string, at: number): string[] | null {
  let roles: string[] | null = null;
  let k = at;
  for (let n = 0; n < 3 && wordBefore(p, k, 0); n++) {
    const r = p.slice(BEFORE[1] ?? 0, BEFORE[2] ?? 0);
    if (!isRoleWord(r)) break;
    (roles ??= []).unshift(r);
    k = BEFORE[0] ?? 0;
  }
  return roles;
}

/** The word without trailing marks and possessive, read in place for a plain one ("Reagan"). */
function coreOfWord(w: string): string {
  // A possessive ends the name: "David Rowland’s plan".
  // (0 for a word of marks only, like NaN not a letter: reading before the start would make V8 re-optimise the scan.)
  const cl = w.length > 0 ? w.charCodeAt(w.length - 1) : 0;
  const plain = (cl >= 97 && cl <= 122) || (cl >= 65 && cl <= 90);
  return plain && !hasApostrophe(w) ? w : coreOf(w);
}

/** A core that may be a name word: capitalised (or of a script without case), and no pronoun. */
const isNameWord = (core: string): boolean => core.length > 0 && isCapWord(core) && !isPronoun(bare(core));

/**
 * From a word start, the start of the next word that does not open with a-z (or the paragraph's
 * end): with no run open, lower-case words end nothing and begin nothing, so the loop skips them in
 * one native scan. A word starts after a blank, or right after a slash or bar: the match is that
 * character and the word's first, so the word starts at `lastIndex - 1`. (A shared /g expression:
 * its `lastIndex` is set right before each use, and runsOf is not re-entrant.)
 */
const NEXT_OTHER_WORD = /[ \n\t\r\xa0/|][^ \n\t\r\xa0a-z]/g;

/**
 * What the 40 characters before the run at `to` in `p` say of its place in the clause: after a
 * speech verb or "according to", after "of (the)" or a title's "to"/"of … and", at a sentence's
 * start. Read once the paragraph's runs are known, and only for a run that keeps a word: a run of
 * words that begin no name ("The", "But He", about one run in six) is skipped whole by the
 * constructor, and its place is never read.
 */
function readClause(p: string, r: Run, to: number): void {
  const from = Math.max(0, to - 40);
  // The text before the run, sliced only for an expression that may match it (most runs need none).
  let before: string | undefined;
  // "said Covington Catholic has …": the subject of reported speech is no antecedent.
  const afterVerb = mayFollowSpeech(p, from, to) ? AFTER_SPEECH.exec((before ??= p.slice(from, to))) : null;
  const speaks = afterVerb?.[1] === 'according to';
  const afterOf = mayFollowOf(p, from, to) ? (AFTER_OF.exec((before ??= p.slice(from, to)))?.[1] ?? '') : '';
  const ofChain = (endsWithAt(p, 'to', 3, from, to) || endsWithAt(p, 'and', 4, from, to)) && OF_CHAIN.test((before ??= p.slice(from, to)));
  r.office = (afterOf !== '' || ofChain) && officeGoverns((before ??= p.slice(from, to)));
  r.subject = mayOpenSentence(p, from, to) && SENTENCE_OPENING.test((before ??= p.slice(from, to)));
  r.speaks = speaks;
  r.reported = afterVerb !== null && !speaks;
  r.afterOf = afterOf;
  r.ofChain = ofChain;
}

/**
 * Appends to `out` the capitalised-word runs of one paragraph with their offsets and the
 * lower-case role words right before them (one list for the whole article: no list per paragraph).
 */
function runsOf(p: string, base: number, out: Run[]): void {
  const first = out.length;
  let cur: Run | null = null;
  const n = p.length;
  let i = 0;
  // A hand-written word loop: this runs over every word of every article with quotes, and
  // regular-expression matches would allocate an object per word.
  while (i < n) {
    let c = p.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0) {
      i++;
      continue;
    }
    const s0 = i;
    while (i < n) {
      c = p.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0) break;
      i++;
      if (c === 47 || c === 124) break; // "Instagram/Darian": a slash or bar ends the word
    }
    const c0 = p.charCodeAt(s0);
    // Fast path for the common lower-case word: no regular expressions, no string.
    if (c0 >= 97 && c0 <= 122 && !(cur !== null && isParticleAt(p, s0, i))) {
      if (cur) out.push(cur);
      cur = null;
      // The lower-case words after it up to the next other word: nothing to do at any of them.
      // (From the word's last character: a slash or bar there ends it, and the next word may start right after.)
      NEXT_OTHER_WORD.lastIndex = i - 1;
      i = NEXT_OTHER_WORD.test(p) ? NEXT_OTHER_WORD.lastIndex - 1 : n;
      continue;
    }
    // A number ("1987", "10", "3rd": ASCII letters and digits after a digit) is its own core, no
    // name and no particle: it ends the run, without a string made.
    if (c0 >= 48 && c0 <= 57 && isAsciiAlnum(p, s0, i)) {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const lead = c0 >= 65 && c0 <= 90 ? 0 : leadMarks(p, s0, i);
    const w = p.slice(s0 + lead, i);
    const pos = base + s0 + lead;
    if (lead > 0) {
      if (cur) out.push(cur);
      cur = null;
    }
    const core = coreOfWord(w);
    const breaks = core.length < w.length;
    const nameish = isNameWord(core);
    const particle = cur !== null && PARTICLES.has(core) ;
    if (nameish || particle) {
      const f = nameFlags(core);
      if (!cur) {
        // Most runs have none: the array is made only for a role word.
        // A run opened by a word that begins no name ("The", "But") loses its role words in the
        // constructor (the opener is skipped): they are not read.
        const roles = (f & NAME_FLAG.NON_STARTER) !== 0 ? null : rolesBefore(p, s0);
        // Made holding the first word: a one-word run (the most common) then keeps a one-slot list,
        // where pushing onto an empty one would reserve room for 16 (twice per run, every run).
        // Its place in the clause is read after the paragraph (`readClause`), for runs that keep a word.
        cur = { pos, words: [core], flags: [f], at: [pos], lead: roles ?? NO_WORDS, subject: false, speaks: false, acts: false, reported: false, afterOf: '', ofChain: false, office: false };
      } else {
        cur.words.push(core);
        cur.flags.push(f);
        cur.at.push(pos);
      }
    } else {
      if (cur) out.push(cur);
      cur = null;
    }
    if (breaks && cur) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  // A name followed by a verb ("Roy Graf protested", "McCallum expressed") is its clause's subject.
  for (let j = first; j < out.length; j++) {
    const r = out[j] as Run;
    // A run of words that begin no name ("But He") is skipped whole by the constructor: its clause role is never read.
    if (allFlagged(r.flags, NAME_FLAG.NON_STARTER)) continue;
    readClause(p, r, r.pos - base);
    const lastAt = r.at[r.at.length - 1] ?? r.pos;
    const lastWord = r.words[r.words.length - 1] ?? '';
    const from = lastAt - base + lastWord.length;
    const verb = mayFollowVerb(p, from, 200) ? followingVerb(p, from, 200) : undefined;
    if (verb === undefined || r.reported) continue;
    r.subject = true;
    r.acts = true;
    if (SPEECH_VERBS.has(verb)) r.speaks = true;
  }
  // Trailing particles belong to nothing ("… in de").
  // A capitalised one stays: "Downing St" is a street, not "Downing".
  // Runs left empty are dropped in place.
  let kept = first;
  for (let j = first; j < out.length; j++) {
    const r = out[j] as Run;
    while (r.words.length > 0 && PARTICLES.has(r.words[r.words.length - 1] ?? '')) {
      r.words.pop();
      r.flags.pop();
    }
    if (r.words.length > 0) out[kept++] = r;
  }
  out.length = kept;
}

/** A run read as a full name (two words or more). */
interface FullName {
  run: Run;
  name: string[];
  title: string[];
  folded: string[];
  key: string;
}

/** A run read as a one-word name, with the organisation name it would make. */
interface SingleName {
  run: Run;
  word: string;
  title: string[];
  org: string;
}

export class People {
  readonly persons = new Map<string, Person>();
  /** Mentions found in the text, by offset. */
  readonly mentions: PersonMention[] = [];
  /** Organisations named as the subject of a clause, by offset. */
  private readonly orgs: Array<{ pos: number; name: string; quoted: boolean; acts: boolean }> = [];
  /** Mentions added while attributing (speakers where they speak), kept by offset apart from the text's. */
  private readonly added: PersonMention[] = [];
  // Persons by last and first word: the lookups stay cheap however many names an article has.
  private readonly byLast = new Map<string, Person[]>();
  private readonly byFirst = new Map<string, Person[]>();

  /** `quoted(pos)` tells whether an offset lies inside a quotation. */
  constructor(paragraphs: readonly string[], bases: readonly number[], quoted: (pos: number) => boolean) {
    const runs: Run[] = [];
    paragraphs.forEach((p, i) => {
      // A line in capitals is a headline or title ("ST. GERMAIN REGRETS VOLCKER STEPPING DOWN"): it names no one.
      if (isTitleLine(p)) return;
      // "PARIS, March 28 - ": a dateline names a place, not a speaker; blanked, so offsets stay.
      const text = mayOpenWithDateline(p) ? p.replace(DATELINE, (m) => ' '.repeat(m.length)) : p;
      runsOf(text, bases[i] ?? 0, runs);
    });
    const full: FullName[] = [];
    const single: SingleName[] = [];
    this.readRuns(runs, quoted, full, single);
    // Longest names first, so that "De Blasio" becomes a mention of "Bill de Blasio".
    const byLength = [...full].sort((a, b) => b.name.length - a.name.length || a.run.pos - b.run.pos);
    for (const f of byLength) {
      const { folded, key } = f;
      if (this.persons.has(key) || this.findBySuffix(folded)) continue;
      this.add({ key, name: displayCase(f.name.join(' ')), folded, gender: null, role: null, evidence: 0, group: false, firstAt: f.run.pos });
    }
    for (const f of full) {
      const { folded } = f;
      const person = this.persons.get(f.key) ?? this.findBySuffix(folded);
      if (!person) continue;
      if (f.run.pos < person.firstAt) person.firstAt = f.run.pos;
      this.learn(person, f.run.lead, f.title);
      if (f.run.speaks) person.evidence++;
      this.mentions.push({ pos: f.run.pos, person, quoted: quoted(f.run.pos), subject: f.run.subject });
    }
    this.readSingles(single, paragraphs, bases, quoted);
    this.mentions.sort((a, b) => a.pos - b.pos);
    this.orgs.sort((a, b) => a.pos - b.pos);
  }

  /**
   * The names of the runs, in text order: full names into `full`, one-word names into `single`, and
   * organisations that are a clause's subject into the article's list. Its own method (and
   * `readSingles` too), not a stretch of the constructor: V8 optimises each part apart, and a
   * part first compiled before a rare branch ran is compiled again alone, not the whole name scan.
   */
  private readRuns(runs: readonly Run[], quoted: (pos: number) => boolean, full: FullName[], single: SingleName[]): void {
    let prev: Run | undefined;
    for (const r of runs) {
      let ws = r.words;
      // The flags of a word of `ws` are at its index plus `off` in `r.flags` (`ws` is a tail of the run's words).
      let off = 0;
      let skipped = 0;
      // "Knowing Bardos …": a capitalised gerund opens the sentence, it does not begin a name.
      // An index moves and the words are cut once: a slice per skipped word made a run of
      // thousands of "The The …" quadratic.
      const nw = r.words.length;
      while (off < nw && (((r.flags[off] ?? 0) & NAME_FLAG.NON_STARTER) !== 0 || (nw - off > 1 && off === 0 && r.subject && CAPITALISED_GERUND.test(r.words[off] ?? '') && !STREET.test(r.words[off + 1] ?? '')))) off++;
      skipped = off;
      if (off > 0) ws = r.words.slice(off);
      ws = withoutPostNominal(ws);
      if (skipped > 0) {
        r.lead = NO_WORDS;
        r.pos = r.at[skipped] ?? r.pos;
        // "But Lucero said" opens the sentence; "Unlike Al Mnajer, he" does not make Al Mnajer the subject.
        r.subject = r.subject && r.words.slice(0, skipped).every((w) => /^(?:But|And|However|Meanwhile|Still|Now|Then|So|Also|Yet|Instead|Earlier|Later|When|After|Before|The)$/u.test(w));
      }
      // Nothing left ("The", "But He"): no name, no organisation; only the next run's "of" join reads it.
      if (ws.length === 0) {
        prev = r;
        continue;
      }
      // "Goalkeeper Marek Dvorsky", "Fly-half Jonny Wilkinson", "Rapper Eminem": a role noun
      // capitalised at the head of a run (it opens the sentence) is the person's role, not a name word.
      // "New Yorker Dick Morris": "New" was skipped as an adjective, but it opens a compound demonym.
      const newDemonym = skipped > 0 && r.words[skipped - 1] === 'New' && NEW_DEMONYM_TAIL.test(ws[0] ?? '');
      let cut = skipped === 0 || newDemonym ? titleCut(ws, r.flags, off) : 0;
      const roles = cut === -1 && mayOpenWithRole(ws) ? roleWordsOpening(ws) : 0;
      if (roles > 0) {
        // Pushed, not spread (see `foldedWords`). Every reader of `lead` folds case and reads its last
        // word or gender words, so neither the lower-casing nor the "new" of "New Yorker" (never the
        // last word) changes the output today; they keep `lead` what it says: the lower-case role words.
        const lead: string[] = [];
        for (let k = 0; k < r.lead.length; k++) lead.push(r.lead[k] ?? '');
        if (newDemonym) lead.push('new');
        for (let k = 0; k < roles; k++) lead.push((ws[k] ?? '').toLowerCase());
        r.lead = lead;
        r.pos = r.at[roles] ?? r.pos;
        ws = ws.slice(roles);
        off += roles;
      }
      // The same words as the test above unless roles were cut off (or it did not run).
      if (roles > 0 || !(skipped === 0 || newDemonym)) cut = titleCut(ws, r.flags, off);
      // "EPA Administrator Lee Tomlin", "BBC Presenter Jane Hale": a role noun between the title part and a full name is the title's too.
      if (cut >= 0 && ws.length - cut - 1 >= 3) {
        const roleNouns = roleWordsOpening(ws.slice(cut + 1));
        if (ws.length - cut - 1 - roleNouns >= 2) cut += roleNouns;
      }
      // "coach Neil Friday": after a role, a first name and a day or month is a name, not a name and a date.
      const calendar = cut === ws.length - 1 && calendarSurname(ws, r, off);
      if (calendar) cut = ws.length - 3;
      const title = ws.slice(0, cut + 1);
      let name = ws.slice(cut + 1);
      let nameOff = off + cut + 1;
      // "Chancellor of the Exchequer Gordon Brown": the office's object is no part of the name. So
      // is any capitalised word glued before a known first name and a surname ("Defiant Jo Bloggs
      // says", "for Antitrust Jo Bloggs"): a run of first names ("Mary Ann Hale") stays whole.
      if (name.length >= 3) {
        const k = r.afterOf || r.ofChain ? personSuffix(name, r.office ? isPlaceWord : undefined) : gluedBeforeName(name);
        if (k > 0) {
          name = name.slice(k);
          nameOff += k;
        }
      }
      // "… than one for a PhD. Prassana Rambathla, one of …": a word with a final stop that is no
      // title or initial ends the sentence before the name; the run is one by accident of capitals.
      if (name.length >= 3 && ENDS_WITH_STOP.test(name[0] ?? '') && ((r.flags[nameOff] ?? 0) & (NAME_FLAG.TITLE | NAME_FLAG.PARTICLE)) === 0) {
        name = name.slice(1);
        nameOff += 1;
      }
      // "The British Chambers of Commerce welcomed …": an organisation's whole name, not "Commerce".
      const orgWords = prev && r.afterOf && ofJoins(prev, r) ? [...prev.words.filter((w, j) => j > 0 || ((prev?.flags[j] ?? 0) & NAME_FLAG.NON_STARTER) === 0), ...r.afterOf.trim().split(/\s+/u), ...ws] : ws;
      // "Saudi Arabia", "Hong Kong": a gazetteer place is no person. (A one-word place is read
      // below: it may be a known person's surname, "Washington", or follow a title, "Mr Jordan".)
      const personLike = calendar || (looksLikePersonNameFlagged(name, r.flags, nameOff) && !(name.length === 2 && isPlaceName(name)));
      if (name.length >= 2 && personLike) {
        const folded = foldedWords(name);
        full.push({ run: r, name, title, folded, key: folded.join(' ') });
      }
      // "First Vantor Bancorp said", "First Harbour Corp": the ordinal skipped as a sentence opener begins the organisation's name.
      const ordinal = skipped === 1 && r.words[0] === 'First' ? 'First ' : '';
      if (name.length === 1 && personLike) single.push({ run: r, word: name[0] ?? '', title, org: ordinal + (orgWords === ws ? (name[0] ?? '') : displayCase(orgWords.join(' '))) });
      // An organisation that is the subject of its clause ("Google declined to say…", "BC Hydro
      // said…"): what "the company" or "the utility" may point back to.
      // "Downing St said": an address that stands for who works there. (The gazetteer is asked last:
      // most runs are no organisation phrase, and every test here is pure.)
      if (r.subject && !r.reported && ws.length > 0 && ws.length <= 6 && (isOrgPhraseWords(ws, r.flags, off) || (name.length === 0 && hasFlag(r.flags, off, NAME_FLAG.ACRONYM)) || (ws.length >= 2 && STREET.test(ws[ws.length - 1] ?? ''))) && !isPlaceName(ws)) {
        this.orgs.push({ pos: r.pos, name: ordinal + displayCase(orgWords.join(' ')), quoted: quoted(r.pos), acts: r.acts || r.speaks });
      }
      prev = r;
    }
  }

  /** The one-word names: persons the article names by surname or lone name, else clause subjects that are organisations. */
  private readSingles(single: readonly SingleName[], paragraphs: readonly string[], bases: readonly number[], quoted: (pos: number) => boolean): void {
    // "Yuni, a resident of Lampung", "interior designer Demi": a lone word the text treats as a person.
    // A V8 workaround measured on Node 20: `lonePersons` deoptimised ("wrong map") at its loop over
    // this list when it came as an empty `filter` result (an empty literal's element kind) after
    // lists of objects; sliced empty from a list of one object, it always has the object kind.
    const alone: LoneMention[] = OBJECT_KIND_SEED.slice(0, 0);
    // Whether each untitled word is a gazetteer place, read once for both loops. A titled word's is
    // never needed: without a personal title it becomes neither a person nor an organisation below.
    const places: boolean[] = [];
    // A place word is offered only with an appositive that must mean a person ("Jordan, a resident
    // of …", "Jordan, 34,", "Jordan, who …"): a role word before it ("chairman Britain") or "the"
    // ("Brazil, the largest producer") describes a country as well.
    for (const s of single) {
      if (s.title.length > 0) {
        places.push(false);
        continue;
      }
      const place = isPlaceName([s.word]);
      places.push(place);
      if (place && !personAppositiveAfter(paragraphs, bases, s.run.pos, s.word)) continue;
      alone.push({ word: s.word, pos: s.run.pos, roleBefore: place ? '' : (s.run.lead[s.run.lead.length - 1] ?? '') });
    }
    const lone = lonePersons(alone, paragraphs, bases);
    for (let i = 0; i < single.length; i++) {
      const s = single[i] as SingleName;
      const key = foldName(s.word);
      let person = this.byShortName(key, s.run.pos);
      if (!person) {
        const personal = hasPersonalTitle(s.title);
        const place = places[i] === true;
        // "Peru", "BRUSSELS": a gazetteer place no person of the article bears, and no personal title
        // precedes ("Mr Jordan", "Senator Washington"), is no one (the name lists hold "Peru", "Paris"
        // and "Georgia" as first names: no proof of a person here). A place that is also a first
        // name and that the text itself treats as a person ("Jordan, a resident of …") is one; a
        // place that is no one's first name ("chairman Britain") stays a place.
        if (place && !personal && !(lone.has(key) && isFirstName(key))) continue;
        // "President Reagan", "Mr Blair": a surname after a personal title is a person, full name or not.
        if (personal || (s.title.length === 0 && lone.has(key))) {
          person = { key, name: displayCase(cleanWord(s.word)), folded: [key], gender: null, role: null, evidence: 0, group: false, firstAt: s.run.pos };
          this.add(person);
        }
      }
      if (person) {
        person.evidence++;
        if (s.run.speaks) person.evidence++;
        this.learn(person, s.run.lead, s.title);
        this.mentions.push({ pos: s.run.pos, person, quoted: quoted(s.run.pos), subject: s.run.subject });
      } else if (s.run.subject && !s.run.reported && s.title.length === 0 && s.run.words.length === 1 && !isDemonym(s.word)) {
        // ("two Scottish newspapers": a nationality alone is no organisation.)
        // A one-word name that is no person's and opens a clause: a company or body ("Google").
        this.orgs.push({ pos: s.run.pos, name: s.org, quoted: quoted(s.run.pos), acts: s.run.acts || s.run.speaks });
      }
    }
  }

  private learn(person: Person, lead: readonly string[], title: readonly string[]): void {
    // Most mentions are a bare name: nothing to learn (and no arrays to make, for every mention).
    if (lead.length === 0 && title.length === 0) return;
    person.evidence++;
    if (!person.role) {
      // Lower-case words before a name make a role only when the last is a known role noun
      // ("spokeswoman", "political scientist"); "wants" or "initiative" merely end like one.
      const lexical = lead.length > 0 && isTitleWord(lead[lead.length - 1] ?? '');
      const words = [...(lexical ? lead : []), ...roleWords(title)];
      if (words.length > 0) person.role = words.join(' ');
    }
    person.gender ??= genderOfWords(lead) ?? genderOfWords(title);
  }

  private add(p: Person): void {
    this.persons.set(p.key, p);
    const last = p.folded[p.folded.length - 1] ?? '';
    const first = p.folded[0] ?? '';
    const l = this.byLast.get(last);
    if (l) l.push(p);
    else this.byLast.set(last, [p]);
    const f = this.byFirst.get(first);
    if (f) f.push(p);
    else this.byFirst.set(first, [p]);
  }

  /** A known person whose name ends with these words ("de blasio" → "bill de blasio"). */
  findBySuffix(folded: readonly string[]): Person | undefined {
    const last = folded[folded.length - 1];
    if (last === undefined) return undefined;
    const candidates = this.byLast.get(last) ?? [];
    for (let c = 0; c < candidates.length && c < MAX_CANDIDATES; c++) {
      const p = candidates[c];
      if (!p || p.folded.length <= folded.length) continue;
      const off = p.folded.length - folded.length;
      if (folded.every((w, i) => p.folded[off + i] === w)) return p;
    }
    return undefined;
  }

  /** The person a one-word mention means: by surname, else by first name; the latest named before `pos` wins. */
  byShortName(word: string, pos: number): Person | undefined {
    // A surname beats a first name (which must belong to a name of two words or more); then the
    // latest named at or before `pos`, else the earliest after it. Two loops, no closure made per
    // call: this runs for every one-word name and every name a quote's attribution resolves, and
    // under tsx (the benches' and tests' loader) each closure made is also named at run time.
    const surname = this.byLast.get(word);
    const firstName = this.byFirst.get(word);
    let best: Person | undefined;
    let bestScore = -Infinity;
    for (let c = 0; surname && c < surname.length && c < MAX_CANDIDATES; c++) {
      const p = surname[c];
      if (!p) continue;
      const s = 2e12 + (p.firstAt <= pos ? p.firstAt : -p.firstAt);
      if (s > bestScore) {
        bestScore = s;
        best = p;
      }
    }
    for (let c = 0; firstName && c < firstName.length && c < MAX_CANDIDATES; c++) {
      const p = firstName[c];
      if (!p || p.folded.length < 2) continue;
      const s = 1e12 + (p.firstAt <= pos ? p.firstAt : -p.firstAt);
      if (s > bestScore) {
        bestScore = s;
        best = p;
      }
    }
    return best;
  }

  /** Looks a name up, adding it when new (a person first named as a speaker). */
  personFor(name: readonly string[], pos: number): Person {
    const folded = foldedWords(name);
    const key = folded.join(' ');
    const hit = this.persons.get(key) ?? this.findBySuffix(folded) ?? (folded.length === 1 ? this.byShortName(key, pos) : undefined);
    if (hit) return hit;
    const p: Person = { key, name: displayCase(name.join(' ')), folded, gender: null, role: null, evidence: 1, group: false, firstAt: pos };
    this.add(p);
    this.mention(p, pos);
    return p;
  }

  /**
   * The person a pronoun or description at `pos` most likely means: among the persons mentioned
   * shortly before (outside quotes) and fitting the gender, the most salient — marked as a person
   * (a title, a role, a quote, a surname used alone), the subject of its sentence — less a
   * penalty for distance. Ties go to the latest.
   */
  latestBefore(pos: number, gender: Gender, accept: (p: Person) => boolean = () => true): Person | undefined {
    return this.rankedBefore(pos, gender, 1, accept)[0];
  }

  /** The `k` likeliest antecedents at `pos` (see `latestBefore`), best first, each person once. */
  rankedBefore(pos: number, gender: Gender, k: number, accept: (p: Person) => boolean = () => true): Person[] {
    const best = new Map<Person, { score: number; at: number }>();
    for (const list of [this.mentions, this.added]) {
      for (let i = lastMentionBefore(list, pos), seen = 0; i >= 0 && seen < WINDOW; i--, seen++) {
        const m = list[i];
        if (!m || m.quoted) continue;
        const p = m.person;
        if (p.group) continue;
        if (gender && p.gender && p.gender !== gender) continue;
        const likely = this.isLikelyPerson(p);
        if (p.evidence <= 0 && !likely) continue;
        if (!accept(p)) continue;
        const score = (p.evidence > 0 ? 2 : 0) + (m.subject ? 2 : 0) + (likely ? 1 : 0) - (pos - m.pos) / CHARS_PER_POINT;
        const cur = best.get(p);
        if (!cur || score > cur.score || (score === cur.score && m.pos > cur.at)) best.set(p, { score, at: m.pos });
      }
    }
    return [...best.entries()]
      .sort((a, b) => b[1].score - a[1].score || b[1].at - a[1].at)
      .slice(0, k)
      .map(([p]) => p);
  }

  /** Mentions of people outside quotes in [from, to), in text order (at most WINDOW·2 of them). */
  mentionsIn(from: number, to: number): PersonMention[] {
    const out: PersonMention[] = [];
    for (let i = lastMentionBefore(this.mentions, to), seen = 0; i >= 0 && seen < WINDOW * 2; i--, seen++) {
      const m = this.mentions[i];
      if (!m || m.pos < from) break;
      if (!m.quoted && !m.person.group) out.push(m);
    }
    return out.reverse();
  }

  /** Two or three name words starting with a first name or an initial ("White Paper" is no one). */
  private isLikelyPerson(p: Person): boolean {
    let core = 0;
    for (let i = 0; i < p.folded.length; i++) if (!PARTICLES.has(p.folded[i] ?? '')) core++;
    const first = p.folded[0] ?? '';
    return core >= 2 && core <= 3 && (first.length === 1 || isFirstName(first));
  }

  /** The organisations named as a clause's subject, by offset (org-lead.ts reads them). */
  get subjectOrgs(): ReadonlyArray<SubjectOrg> {
    return this.orgs;
  }

  /** The organisation last named as a clause's subject before `pos`, within `reach` characters; `acting`: only one a verb follows. */
  orgBefore(pos: number, reach: number, acting = false): string | undefined {
    // From the last organisation named before `pos` (orgs are sorted by position) back to `reach`:
    // an article naming many organisations is not read again from its end at every call.
    for (let i = this.lastOrgBefore(pos); i >= 0; i--) {
      const o = this.orgs[i];
      if (!o || pos - o.pos > reach) return undefined;
      if (o.quoted || (acting && !o.acts)) continue;
      return o.name;
    }
    return undefined;
  }

  /** Where the organisation `orgBefore` gives was named, or -1. */
  orgPosBefore(pos: number, reach: number): number {
    for (let i = this.lastOrgBefore(pos); i >= 0; i--) {
      const o = this.orgs[i];
      if (!o || pos - o.pos > reach) return -1;
      if (o.quoted) continue;
      return o.pos;
    }
    return -1;
  }

  /** The index of the last organisation named before `pos`, or -1 (a binary search). */
  private lastOrgBefore(pos: number): number {
    let lo = 0;
    let hi = this.orgs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.orgs[mid]?.pos ?? pos) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The latest person named as the subject of a sentence in [from, to): the topic of a narrative paragraph. */
  subjectIn(from: number, to: number): Person | undefined {
    for (let i = lastMentionBefore(this.mentions, to), seen = 0; i >= 0 && seen < WINDOW; i--, seen++) {
      const m = this.mentions[i];
      if (!m) continue;
      if (m.pos < from) break;
      if (m.subject && !m.quoted && !m.person.group && (m.person.evidence > 0 || this.isLikelyPerson(m.person))) return m.person;
    }
    return undefined;
  }

  /** Adds a mention at `pos` (a speaker resolved there), so that later pronouns can find it. */
  mention(person: Person, pos: number): void {
    const m = { pos, person, quoted: false, subject: true };
    // Quotes are attributed in text order, so this is nearly always an append.
    let i = this.added.length;
    while (i > 0 && (this.added[i - 1]?.pos ?? 0) > pos) i--;
    this.added.splice(i, 0, m);
  }
}

/**
 * `opensWithRole(run)` (phrase.ts) may hold: it needs two words or more and a first word with a
 * hyphen or a role noun's ending (-er, -or, -ist, -ian, -man, -ee), or, before a first name, a
 * nationality's (-ard, -s). Read first because that test looks the word up in the first-name lists,
 * and most runs are names ("John Smith", "James Baker"); a property test keeps the two in step.
 */
export function mayOpenWithRole(run: readonly string[]): boolean {
  if (run.length < 2) return false;
  const w = run[0] ?? '';
  if (w.includes('-')) return true;
  const n = w.length;
  // A capitalised word of one letter is no role word (opensWithRole wants a capital and lower-case letters); nor is read before its start.
  if (n < 2) return false;
  const last = w.charCodeAt(n - 1);
  const prev = w.charCodeAt(n - 2);
  if (last === 114) return prev === 101 || prev === 111; // -er, -or
  if (last === 116) return w.endsWith('ist');
  if (last === 110) return w.endsWith('ian') || w.endsWith('man');
  if (last === 101) return prev === 101; // -ee
  return run.length >= 3 && (last === 115 || w.endsWith('ard'));
}

/** `r` follows `prev` across nothing but " of (the) ": one name ("Bank of Japan"). */
const NOT_IN_NAME = NAME_FLAG.TITLE | NAME_FLAG.ORG | NAME_FLAG.ACRONYM | NAME_FLAG.NON_STARTER;

/**
 * The run `ws` (flags from `off` in `r.flags`) is a known first name and a day or month after
 * lower-case role words: the two are a person's name ("coach Neil Friday"), not a name and a date.
 */
function calendarSurname(ws: readonly string[], r: Run, off: number): boolean {
  const n = ws.length;
  // (A capitalised day or month: isDayOrMonth ignores case, and a name word is capitalised.)
  if (n < 2 || !isDayOrMonth(ws[n - 1] ?? '') || ((r.flags[off + n - 2] ?? 0) & NOT_IN_NAME) !== 0 || !isFirstName(foldName(ws[n - 2] ?? ''))) return false;
  // (Not after a capitalised title: "told President Reston Friday" dates the telling.)
  return n === 2 && r.lead.length > 0;
}

function ofJoins(prev: Run, r: Run): boolean {
  const last = prev.words.length - 1;
  return last >= 0 && (prev.at[last] ?? 0) + (prev.words[last]?.length ?? 0) + 1 + r.afterOf.length === r.pos;
}

/** Not data: a list of one object, sliced empty where a list of the object element kind is wanted (see `alone`). */
const OBJECT_KIND_SEED: readonly LoneMention[] = [{ word: '', pos: 0, roleBefore: '' }];

/**
 * The non-empty folds of a name's words. A loop that pushes, where `map(…).filter(…)` and spreads
 * were: on Node 20, `--trace-deopt-verbose` showed the People constructor thrown away for a "wrong
 * map" at those sites (`name.map`, the role-word spread) and compiled again, a long compile each time
 * in a cold process (cold quote step: People 4 → 3 compiles, deopts 66 → 54 with the other such loops).
 */
function foldedWords(name: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < name.length; i++) {
    const f = foldName(name[i] ?? '');
    if (f.length > 0) out.push(f);
  }
  return out;
}

/** Index of the last mention before `pos` in a list sorted by offset, or -1. */
export function lastMentionBefore(list: readonly PersonMention[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.pos ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Some word of `ws` is an organisation word and no day or month (`f[from + i]` are the flags of `ws[i]`). */
function isOrgPhraseWords(ws: readonly string[], f: readonly number[], from: number): boolean {
  for (let i = 0; i < ws.length; i++) if (((f[from + i] ?? 0) & NAME_FLAG.ORG) !== 0 && !isDayOrMonth(ws[i] ?? '')) return true;
  return false;
}

/** Every flag has `bit`. */
function allFlagged(f: readonly number[], bit: number): boolean {
  for (let i = 0; i < f.length; i++) if (((f[i] ?? 0) & bit) === 0) return false;
  return true;
}

/** Some flags from `from` on have `bit`. */
function hasFlag(f: readonly number[], from: number, bit: number): boolean {
  for (let i = from; i < f.length; i++) if (((f[i] ?? 0) & bit) !== 0) return true;
  return false;
}

/** Some word of a title is a personal one ("Mr", "President"): `title.some((t) => PERSONAL_TITLE.test(t))`, no closure made. */
function hasPersonalTitle(title: readonly string[]): boolean {
  for (let i = 0; i < title.length; i++) if (PERSONAL_TITLE.test(title[i] ?? '')) return true;
  return false;
}

const PERSONAL_TITLE = /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|president|senator|sen|rep|gov|governor|chancellor|minister|secretary|judge|justice|mayor|premier|chairman|chairwoman|pope|king|queen|prince|princess|general|gen|colonel|col|captain|capt|sheriff|detective|officer|professor|prof|rev|father|sister)\.?$/iu;
// Shared /g expressions: only for replace, match and matchAll (which reset or copy lastIndex), never test or exec.
const NON_NAME_ENDS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu;
const cleanWord = (w: string): string => w.replace(/['’]s?$/u, '').replace(NON_NAME_ENDS, '');

export const DATELINE = /^\s*\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*\p{Lu}[\p{L} .]{1,30})?,\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\s+[-–—]\s+/u;

/**
 * DATELINE may match `p`: after its leading blanks, a capital and then no lower-case letter or
 * other character its place-name part cannot hold (read for ASCII only; anything else: maybe).
 * Most paragraphs open with a capitalised word ("The", "Reagan"), which no dateline does.
 */
export function mayOpenWithDateline(p: string): boolean {
  let k = 0;
  while (k < p.length && isSpaceCode(p.charCodeAt(k))) k++;
  const c = p.charCodeAt(k);
  // Nothing but blanks (NaN): no capital to open a dateline.
  if (Number.isNaN(c)) return false;
  if (c >= 128) return true;
  if (c < 65 || c > 90) return false;
  const d = p.charCodeAt(k + 1);
  // [\p{Lu}\p{M} .'’-] in ASCII: a capital, a space, a period, an apostrophe, a hyphen.
  return d >= 128 || (d >= 65 && d <= 90) || d === 32 || d === 46 || d === 39 || d === 45;
}

// Made once here: tsx (the tests' and benches' loader) turns a \p{…} literal into a `new RegExp(…)` built at every call.
// Shared /g expressions: only for replace, match and matchAll (which reset or copy lastIndex), never test or exec.
const CAPITALS_RUN = /\p{Lu}{2,}/gu;
/** A paragraph of several words without a lower-case letter: a headline, not prose. */
export function isTitleLine(p: string): boolean {
  if (p.length > 400 || hasLower(p)) return false;
  return (p.match(CAPITALS_RUN)?.length ?? 0) >= 3;
}

/** /\p{Ll}/u.test(p), read by hand up to the first ASCII lower-case letter or the first character outside ASCII (prose has one within a few characters). */
function hasLower(p: string): boolean {
  for (let k = 0; k < p.length; k++) {
    const c = p.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return HAS_LOWER.test(p.slice(k));
  }
  return false;
}

/** Global offsets of each paragraph when the article is read as one text. */
export function paragraphBases(paragraphs: readonly string[]): number[] {
  const bases: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    bases.push(at);
    at += p.length + 2;
  }
  return bases;
}

const PERSON_APPOSITIVE_START = /^,\s+(?:who\s|\d{1,3}\s*,|an?\s)/u;
/** Whether `word` at global offset `pos` is followed by an appositive that only a person takes ("Jordan, a resident …"). */
function personAppositiveAfter(paragraphs: readonly string[], bases: readonly number[], pos: number, word: string): boolean {
  const i = lastAtOrBefore(bases, pos);
  const from = pos - (bases[i] ?? 0) + word.length;
  return PERSON_APPOSITIVE_START.test((paragraphs[i] ?? '').slice(from, from + 12));
}
