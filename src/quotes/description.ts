// One reader of a description of a person: "a senior trade source", "a spokesman for the utility",
// "one of the dealers", "the analyst who asked not to be named". Attribution asks three things of
// such a phrase — is it one unnamed person (a reading of its own beside the names), what is its head
// noun (does "the official" go back to "a senior official"), what are its modifiers ("another senior
// trade source") — and one reader answers all three, so that the three cannot disagree on what a
// phrase's head is. Reads a bounded number of words: linear in the phrase.

import { isRoleWord } from './phrase.js';
import { isOrgNoun } from './org-reference.js';
import { DOCUMENT_NOUNS, isPronoun } from './names.js';

export interface Description {
  /** The determiner, lower-cased: a, an, one, another, the, or "one of" ("one of the dealers"). */
  determiner: string;
  /** The words between the determiner and the head, as written ("senior trade" in "a senior trade source"). */
  modifiers: string[];
  /** The head noun as written; singular for "one of the Xs". */
  head: string;
  /** The words from the head's complement on ("for the utility", "who asked not to be named"); empty when none. */
  complement: string[];
}

/** How many words may stand between the determiner and the head noun. */
const MAX_MODIFIERS = 5;

const DETERMINERS = new Set(['a', 'an', 'one', 'another', 'the']);
// Words that open a head noun's complement: "a spokesman for …", "an aide to …", "the analyst who …".
const OPENERS = new Set(['of', 'for', 'at', 'with', 'from', 'in', 'on', 'to', 'who', 'which', 'whose', 'that', 'by']);
// Two-word openers: "a source close to …", "an official familiar with …", "a trader based in …", "a banker involved in …".
const PAIR_OPENERS = new Set(['close to', 'familiar with', 'based in', 'involved in']);
// A participle opens a complement after a role noun, before anything but another role noun:
// "one adviser joining the meeting", "a negotiator taking part", not "a leading economist" nor "a senior banking source".
const GERUND = /^\p{Ll}+ing$/u;
// Digits stay: "a G7 official", "a 35-year-old trader" are modifiers like any other.
const WORD = /^[\p{L}\p{N}.'’-]+$/u;
// Words of "one of the Xs" that say whose or how many, no kind of X: "one of his aides", "one of the two
// dealers", "one of the company's spokesmen" — each is one aide, one dealer, one spokesman.
const NOT_A_KIND = new Set('his her its our their my your these those this that two three four five six seven eight nine ten eleven twelve dozen several many some few'.split(' '));
const POSSESSIVE = /['’]s?$/u;

/** The modifiers of "one of …" that tell a kind: those after the last word saying whose or how many, each a plain word. */
function kindModifiers(words: readonly string[]): string[] {
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (NOT_A_KIND.has(w.toLowerCase()) || POSSESSIVE.test(w) || /^\p{N}/u.test(w) || !WORD.test(w)) from = i + 1;
  }
  return words.slice(from);
}
const HEAD_WORD = /^\p{L}[\p{L}-]*$/u;
const TRAILING_PUNCTUATION = /[,;:!?]+$/u;

/** Whether words[i] opens the head's complement; an opener must have words after it ("an analyst who" is a cut phrase, no description). */
function opensComplement(words: readonly string[], i: number): boolean {
  const next = words[i + 1];
  if (next === undefined) return false;
  const w = (words[i] ?? '').toLowerCase();
  if (OPENERS.has(w) || PAIR_OPENERS.has(`${w} ${next.toLowerCase()}`)) return true;
  return GERUND.test(w) && isRoleWord((words[i - 1] ?? '').toLowerCase()) && !isRoleWord(next.toLowerCase());
}

/** "dealers" → "dealer", "secretaries" → "secretary", "spokesmen" → "spokesman". */
function singular(plural: string): string {
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  if (plural.endsWith('men')) return `${plural.slice(0, -3)}man`;
  return plural.replace(/s$/u, '');
}

/**
 * The parts of a description ("a senior trade source at a bank" → a / [senior, trade] / source /
 * [at, a, bank]), or null when the phrase opens with no determiner, or its head is no plain word
 * within MAX_MODIFIERS words of it. The head is the last word before the first word that opens a
 * complement (a preposition, a relative word, "close to", a participle before its object), or the
 * last word. "one of the dealers" reads as one dealer. The head's own test is `isPersonHead`.
 */
export function readDescription(text: string): Description | null {
  const words = text.trim().split(/\s+/u);
  const det = (words[0] ?? '').toLowerCase();
  if (!DETERMINERS.has(det)) return null;
  if (det === 'one' && words[1]?.toLowerCase() === 'of') {
    // "one of the dealers", "one of the mayor's closest aides": the plural head ends the phrase.
    const rest = words.slice(words[2]?.toLowerCase() === 'the' ? 3 : 2);
    const last = rest[rest.length - 1] ?? '';
    if (rest.length === 0 || rest.length > MAX_MODIFIERS || !HEAD_WORD.test(last) || !/(?:s|men)$/u.test(last)) return null;
    return { determiner: 'one of', modifiers: kindModifiers(rest.slice(0, -1)), head: singular(last), complement: [] };
  }
  let end = words.length;
  for (let i = 2; i < words.length; i++) {
    if (opensComplement(words, i)) {
      end = i;
      break;
    }
  }
  if (end - 1 > MAX_MODIFIERS + 1) return null;
  const head = (words[end - 1] ?? '').replace(TRAILING_PUNCTUATION, '');
  const modifiers = words.slice(1, end - 1);
  if (end < 2 || !HEAD_WORD.test(head) || !modifiers.every((w) => WORD.test(w))) return null;
  return { determiner: det, modifiers, head, complement: words.slice(end) };
}

/** Heads that the role test passes and that name no person: organisations and bodies, groups of people, writings, works. */
export const NON_PERSON_HEADS: ReadonlySet<string> = new Set(
  `company government agency department ministry office police city town union board council court team group statement report release
  memo letter study survey website post tweet petition sign campaign party province state county organization organisation association
  committee commission administration firm school university hospital club league network newspaper paper station service staff
  family crowd audience public media press chain industry sector market bank store restaurant show series book film movie article`.split(/\s+/u),
);
// A participle the role test passes ("sent", "spent") ends a writing's or a thing's description, not a role: "a message sent to …".
const PARTICIPLE = /^(?:\p{Ll}+ed|sent|spent|lent|meant|went|bent|leant|dealt)$/u;

/**
 * A head noun that names one person's role: a role word ("official", "spokesman", "source"), not a
 * plural, nor an organisation's noun ("company", "bank"), a writing's ("statement"), a pronoun or a
 * participle ("a message sent to …").
 */
export function isPersonHead(head: string): boolean {
  const h = head.toLowerCase();
  return (
    h.length > 1 && isRoleWord(h) && !/[^s]s$/u.test(h) && !NON_PERSON_HEADS.has(h) && !isOrgNoun(h) && !DOCUMENT_NOUNS.has(h) && !PARTICIPLE.test(h) && !isPronoun(h)
  );
}

/**
 * The description when it is one person's: its head passes `isPersonHead` and no modifier names a
 * writing ("a message sent to …" read from "sent"); null otherwise.
 */
export function personDescribed(text: string): Description | null {
  const d = readDescription(text);
  return d && isPersonHead(d.head) && !d.modifiers.some((w) => DOCUMENT_NOUNS.has(w.toLowerCase())) ? d : null;
}

const ONE_PERSON_DESCRIPTION = /^(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(.+)$/u;
const LAST_LETTERS = /([\p{L}-]+)$/u;
// Asked of the lower-cased head: it opens with a cased letter, not a hyphen ("a 35-year-old" has no head).
const OPENS_WITH_CASED_LETTER = /^\p{Ll}/u;

/**
 * An unnamed speaker's description as shown: "One dealer" → "a dealer", "one official" → "an
 * official", "A spokesman for X" → "a spokesman for X" (the words the text used, as a listing
 * shows them, whatever their place in the sentence).
 */
export function shownIndefinite(description: string): string {
  const d = description.trim();
  if (/^[Oo]ne\s/u.test(d)) return d.replace(/^[Oo]ne\s/u, /^[Oo]ne\s+[aeiouAEIOU]/u.test(d) ? 'an ' : 'a ');
  return d.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
}

/**
 * An indefinite description of one person ("a spokesman for Acme", "a U.S. analyst", "a man", "a
 * neighbour"), not of an organisation, a document or a group ("one of them" is no one): the looser
 * head test of the he/she paths, with no role lexicon, so that vox-pop speakers ("a fan", "a
 * passer-by", "a 35-year-old man") stay persons. The head's case is not tested ("A U.S. Official"
 * is one person): a headline's capitals say nothing of who speaks.
 */
export function isIndefinitePerson(name: string): boolean {
  // Indefinite only: "the Tory leader" is often someone the article names, and has readings of its own.
  const m = ONE_PERSON_DESCRIPTION.exec(name);
  if (!m) return false;
  const head = (LAST_LETTERS.exec((m[1] ?? '').split(/\s(?:of|for|at|with|from|in|on)\s/u)[0] ?? '')?.[1] ?? '').toLowerCase();
  return OPENS_WITH_CASED_LETTER.test(head) && !isPronoun(head) && !NON_PERSON_HEADS.has(head) && !DOCUMENT_NOUNS.has(head) && !/[^s]s$/u.test(head);
}

/**
 * The head noun of a definite description of one person ("the official" → "official", "the visiting
 * banker in Corvale" → "banker", "the analyst who asked not to be named" → "analyst"); null for
 * anything else (a name, an indefinite description, a plural "the analysts").
 */
export function definiteHead(text: string): string | null {
  const d = personDescribed(text);
  // A capitalised head ("the Chancellor") is a title, most often of someone the article names.
  return d && d.determiner === 'the' && /^\p{Ll}/u.test(d.head) ? d.head : null;
}

/**
 * A description of one person, definite ("the official") or not ("a dealer"). A group's member ("one
 * of the dealers") is left out on purpose: its head is the group's plural, and whether a he/she after
 * it goes on with the same member is unmeasured; taking it in is a change for a retrain to weigh.
 */
export function onePersonDescribed(text: string): boolean {
  return isIndefinitePerson(text) || definiteHead(text) !== null;
}
