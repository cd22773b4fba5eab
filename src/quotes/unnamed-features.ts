// Unnamed speakers in a quote's own attribution slot that the subject scans (phrase.ts) miss: an
// indefinite description ("a chemist at a Velmar laboratory", "one adviser joining the meeting") that
// a comma clause, an adverb or a hearer keeps apart from its speech verb:
//   A chemist at a Velmar laboratory, who asked not to be named, said “…”
//   Asked about the harvest, a grain trader there privately told reporters, “…”
//   “…,” said a wool analyst at a brokerage.
// Without the slot, the quote goes to a person named nearby, often the one named inside the
// description's own clause ("the meeting with Minister X"). Each reading is bounded: the text before the
// verb within its sentence (at most DESCRIBED_REACH characters), or the words right after it.

import type { Mention, Phrase } from './phrase.js';
import { personDescribed } from './description.js';
import { allVerbs } from './verbs.js';
import { FEATURE_INDEX, type FeatureVector } from './ranker.js';

/** How much text before a speech verb (its sentence only) may hold the described subject. */
const DESCRIBED_REACH = 240;

// A sentence-opening frame before the subject: "Commenting on the vote, ", "In a speech, ".
const OPENING_FRAME = /^[^,;:"“”]{1,80},\s+(?=(?:an?|one|another)\s)/iu;
// Adverbs and place words between the subject and its verb: "here", "recently", "privately".
const TRAILING_ADVERBS = /(?:\s+(?:here|there|recently|also|later|then|today|yesterday|earlier|\p{Ll}+ly))+\s*$/u;
// One comma clause between the subject and its verb: ", who declined to be identified,", ", speaking privately,".
const COMMA_CLAUSE = /,\s*(?:(?:who|which|whose)\s|\p{Ll}+ing\s|\p{Ll}+ed\s|asking\b)[^,;:"“”]{1,100},\s*$/u;
// The opening every described subject needs, with or without a frame before it.
const OPENS_DESCRIBED = /^(?:[^,;:"“”]{1,80},\s+)?(?:an?|one|another)\s/iu;
// The end of the sentence before: a full stop after a lower-case word or a closing mark (not "U.S.").
const SENTENCE_END = /(?:\p{Ll}{2}|[”"’')])[.!?]["”’')]*\s+(?=\p{Lu}|["“])/gu;

function lastSentence(text: string): string {
  const t = text.slice(-DESCRIBED_REACH);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(t); m; m = SENTENCE_END.exec(t)) from = m.index + m[0].length;
  return t.slice(from);
}


// The complement a slot's description may carry: no clause mark, no quote mark, bounded.
const PLAIN_COMPLEMENT = /^[^,;:!?"“”]{1,100}$/u;
/** How many words may stand between the determiner and the head of a slot's description ("a senior central bank official"). */
const SLOT_MODIFIERS = 4;

/**
 * An indefinite description of one person (description.ts) whose complement, if any, is a plain
 * phrase; `complement` requires one. "one of the dealers" is the subject scans' to read (a group's member).
 */
function indefiniteDescribed(text: string, complement: boolean): boolean {
  const d = personDescribed(text);
  if (!d || d.determiner === 'the' || d.determiner === 'one of' || d.modifiers.length > SLOT_MODIFIERS || (complement && d.complement.length === 0)) return false;
  return d.complement.length === 0 || PLAIN_COMPLEMENT.test(d.complement.join(' '));
}

function described(text: string): Phrase | null {
  const t = text.trim();
  if (!indefiniteDescribed(t, false) || allVerbs(t).length > 0) return null;
  return { words: t.split(/\s+/u), appositive: null };
}

/**
 * The described subject of the speech verb that `before` (the text up to the verb) ends at, when a
 * comma clause, adverbs or a sentence-opening frame keep it apart from the verb: "A chemist at a
 * Velmar laboratory, who asked not to be named," → "A chemist at a Velmar laboratory"; "Asked
 * about X, a grain trader there privately" → "a grain trader". Null when the subject is anything
 * else (a name, a definite description, a plural): those are the subject scans' to read.
 */
export function describedSlotBefore(before: string): Phrase | null {
  let t = lastSentence(before).trimEnd();
  // What follows only ever cuts the end, and the frame at most: a sentence that opens with no
  // determiner (nearly every one) is read no further.
  if (!OPENS_DESCRIBED.test(t)) return null;
  t = t.replace(TRAILING_ADVERBS, '');
  t = t.replace(COMMA_CLAUSE, '');
  t = t.replace(OPENING_FRAME, '');
  return described(t);
}

// The words after an inverted verb up to the end of its clause: "said a wool analyst at a brokerage."
// (A full stop ends it after a lower-case word only: "a U.K. merchant bank." is one phrase.)
const AFTER_CLAUSE = /^\s*((?:an?|one|another)\s+[^,;:!?"“”]{1,120}?)\s*(?:(?<=\p{Ll}{2})[.!?]|[,;:!?]|$)/iu;

/** The indefinite description right after an inverted speech verb ("said a wool analyst at a brokerage."), when the subject scan reads none. */
export function describedSlotAfter(after: string): Phrase | null {
  const m = AFTER_CLAUSE.exec(after);
  return m?.[1] ? described(m[1]) : null;
}

/**
 * The quote's described subject when a subject scan read only a name inside the description's own
 * complement ("One adviser joining the meeting with Minister Pavel Marrow said": Marrow is no head
 * of it): the description, whose head is the speaker. `scanned` is what the subject scan read
 * (null: nothing); returned as is unless the description holds it as its tail.
 */
export function describedOverInner(before: string, scanned: Phrase | null): Phrase | null {
  const d = describedSlotBefore(before);
  if (!d) return scanned;
  if (!scanned) return d;
  const tail = scanned.words.join(' ');
  const whole = d.words.join(' ');
  return whole.length > tail.length && whole.endsWith(tail) ? d : scanned;
}

/**
 * An attribution phrase that is an indefinite description with a complement, read as the
 * description (an unnamed speaker) even when its complement names a person: the person named
 * inside "an aide to Senator Hal Varnes" is no head of it. Null for any other phrase (the name
 * reader's to read).
 */
export function describedMention(p: Phrase): Mention | null {
  if (p.appositive !== null) return null;
  // A parenthesis ends the description, as it ends a name: "a spokesman for Acme Corp (ACM)".
  const joined = p.words.join(' ');
  const text = joined.slice(0, joined.search(/\s*\(|$/u));
  if (/[,;:"“”]/u.test(text)) return null;
  if (!indefiniteDescribed(text, true) || allVerbs(text).length > 0) return null;
  return { kind: 'group', text, role: null };
}

/**
 * Whether a candidate person stands in the text only as a reading of a he/she ("…, he said." read
 * as a person named paragraphs before), never by name in the quote's paragraph or the one before:
 * no named evidence against an unnamed described speaker that the same he/she may continue
 * ("The policy has done its part, the senior bank official said. ¶ …, he said. “…,” he added").
 */
export function onlyByPronoun(x: FeatureVector): boolean {
  return x[FEATURE_INDEX.via_name] === 0 && (x[FEATURE_INDEX.via_pronoun_1] !== 0 || x[FEATURE_INDEX.via_pronoun_2] !== 0);
}
