// The form of a speaker's name or role a user is shown: the attribution's phrase without the
// markup and the glued-on words the phrase reader let through. Reuters wraps company names in angle
// brackets and follows them with a ticker ("Tarrow Shipping Co Ltd <TSC.S>", "<Vellani SpA>"); a
// dateline may run into a subject ("March 9 - The Harlan Co Plc"); "said an analyst quoted by the
// paper" leaves the participle on ("an analyst quoted"); "The Conseil Rural (CRT)" leaves "(CRT".
// "… said Mr Vane." at a sentence end leaves the full stop on ("Mr Vane."), which is no part of a name
// unless its last word is an initial ("James E."), dotted ("U.S.") or an abbreviation ("Jr.", "Co.").

import { SPEECH_VERBS } from './verbs.js';

const DATELINE = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}\s+[-–—]\s+/u;
/** A ticker after a name: no space inside the brackets, at most a dozen characters. */
const TICKER = /\s*<[^<>\s]{1,12}>/gu;
const WRAPPED = /<([^<>]+)>/gu;
const STRAY = /[<>]/gu;
const GLUED_PARTICIPLE = /\s+(?:quoted|cited)$/u;
const SPACES = /\s{2,}/gu;
/** Words a name or role may end on with their stop: titles, suffixes, company forms. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st sen rep gov gen lt col sgt capt cpl prof jr sr no inc corp co cos ltd bros mt ft rev hon adm cmdr maj det supt insp pte esq'.split(' '),
);
const INITIAL_OR_DOTTED = /^(?:\p{Lu}|[\p{L}.]*\.[\p{L}]+)$/u;

/** Without a sentence's full stop glued on: "Mr Vane." is "Mr Vane"; "Ola Berg Jr.", "James E.", "U.S." keep theirs. */
function withoutFullStop(s: string): string {
  if (!s.endsWith('.') || s.endsWith('..')) return s;
  const word = s.slice(s.lastIndexOf(' ') + 1, -1);
  if (word.length === 0 || INITIAL_OR_DOTTED.test(word) || ABBREVIATIONS.has(word.toLowerCase())) return s;
  return s.slice(0, -1);
}

// Made once here: tsx (the tests' and benches' loader) turns a \p{…} literal into a `new RegExp(…)` built at every call.
const THE_BEFORE_CAPITAL = /^The\s+(?=\p{Lu})/u;
/** The shown form of an attributed name or role; the phrase itself when nothing is left of it. */
export function shownForm(name: string): string {
  if (!/[<>(\-–—)]|quoted$|cited$|\.$/u.test(name)) return name;
  let s = name.replace(DATELINE, '');
  // "March 3 - The Harlan Co Plc" names the company; "March 3 - The chairman of …" describes.
  if (s !== name) s = s.replace(THE_BEFORE_CAPITAL, '').replace(/^The\s/u, 'the ');
  // "<BA>" alone is the name; after a name it is a ticker.
  const whole = /^<([^<>]+)>$/u.exec(s.trim());
  if (whole?.[1]) s = whole[1];
  else s = s.replace(TICKER, (m, offset: number) => (offset === 0 ? m : '')).replace(WRAPPED, '$1');
  s = s.replace(STRAY, '').replace(GLUED_PARTICIPLE, '');
  // An unbalanced bracket at either end: "(CRT" is "CRT".
  if (s.startsWith('(') && !s.includes(')')) s = s.slice(1);
  if (s.endsWith(')') && !s.includes('(')) s = s.slice(0, -1);
  s = withoutFullStop(s.replace(SPACES, ' ').trim());
  return s.length > 0 ? s : name;
}

const POSSESSIVE = /['’]s$/u;
export const endsPossessive = (name: string): boolean => POSSESSIVE.test(name);
const NEXT_WORD = /^\s+(\p{Ll}+)(?![\p{L}\p{N}])/u;
const CLOSES = /^(?:\s*$|[.,;:!?)"”’])/u;
/** Words that follow a name and could not follow a possessive ("Hobb's also said", "by Hobb's and Nye"). */
const NO_NOUN_AFTER = new Set('also and or but has had have is was were are will would could can may might must should did does do which who that then too itself'.split(' '));
const FROM_CAPITAL = /(?<![\p{L}\p{N}])\p{Lu}.*$/u;
const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * A speaker's name without a possessive the phrase reader kept ("Vellani Group's" of "said Vellani
 * Group's head of research"; "chairman of the Lune Board's"). The owner is the name from the first
 * capitalised word on; the "'s" stays only when the article writes the owner with it where no
 * possessive can be — before a full stop or comma, a speech verb or a word that opens no noun
 * phrase ("Hobb's said", "by Hobb's and") — and never without it: such an "'s" is the name's own. When
 * the article writes the plural instead ("Allied Nation's" beside "Allied Nations"), the apostrophe
 * was misplaced. One scan of the article per such name: linear.
 */
export function withoutPossessive(name: string, paragraphs: readonly string[]): string {
  if (!POSSESSIVE.test(name)) return name;
  const stem = name.slice(0, -2);
  const owner = FROM_CAPITAL.exec(stem)?.[0];
  if (owner === undefined) return stem.length > 0 ? stem : name;
  const uses = new RegExp(`(?<![\\p{L}\\p{N}])${escaped(owner)}(s?)(['’]s)?(?![\\p{L}\\p{N}])`, 'gu');
  let plural = false;
  let ownS = false;
  for (const p of paragraphs) {
    if (!p.includes(owner)) continue;
    for (const m of p.matchAll(uses)) {
      if (m[2] === undefined) {
        if (m[1] === '') return stem;
        plural = true;
      } else if (m[1] === '' && !ownS) {
        const after = p.slice(m.index + m[0].length, m.index + m[0].length + 24);
        const word = NEXT_WORD.exec(after)?.[1];
        ownS = CLOSES.test(after) || (word !== undefined && (SPEECH_VERBS.has(word) || NO_NOUN_AFTER.has(word)));
      }
    }
  }
  return plural ? `${stem}s` : ownS ? name : stem;
}
