// A he/she that goes on with an unnamed described speaker through other he/she attributions:
//   "Exports stalled, a spokesman for one of Velmar's oil producers said. ¶ He told reporters the
//   government was holding prices. ¶ “…,” he said."
// A reader follows the chain of speech verbs back — each he/she the subject of the one before — to
// the description that opened it. The chain is short on purpose: at most CHAIN_VERBS speech verbs,
// over the narration the caller gives (this paragraph and two before), and it stops at the first
// speech verb whose subject is anything but a he/she or an indefinite description (a name, "the
// minister"): a named speaker ends it.

import { isIndefinitePerson, shownIndefinite } from './description.js';
import { genderOfWords } from './names.js';
import { allVerbs } from './verbs.js';

/** How many speech verbs back the chain may reach (the description's own included). */
export const CHAIN_VERBS = 3;
/** How much text of the verb's sentence before it may hold its subject. */
const SUBJECT_REACH = 240;

// The sentence's end before a verb's subject: a full stop after a lower-case word or a closing mark, or a paragraph break.
const SENTENCE_END = /(?:(?:\p{Ll}{2}|[”"’')])[.!?]["”’')]*\s+|\n)(?=\S)/gu;
// A described subject ending the text before its verb: at the clause's start ("A spokesman for X",
// "…, a spokesman for one of X's producers"), adverbs after it allowed ("a dealer also").
const DESCRIBED_BEFORE = /(?:^|[,;:]\s*|\s[-–]\s)((?:[Aa]n?|[Oo]ne|[Aa]nother)\s[^,;:"“”()]{1,160}?)(?:\s+(?:also|later|then|earlier|\p{Ll}+ly))*\s*$/u;
// A he/she subject right before its verb ("He told", "she also said").
const PRONOUN_BEFORE = /(?:^|[,;:]\s*|\s)(he|she)(?:\s+(?:also|later|then|\p{Ll}+ly))*\s*$/iu;
// An inverted subject right after its verb: "said a spokesman for the port." (a full stop after a lower-case word ends it).
const DESCRIBED_AFTER = /^\s*((?:[Aa]n?|[Oo]ne|[Aa]nother)\s[^,;:!?"“”()]{1,160}?)\s*(?:(?<=\p{Ll}{2})[.!?]|[,;:!?]|$)/u;
const PRONOUN_AFTER = /^\s*(he|she)\b/iu;
// Only blanks and marks between the sentence's start and an inverted verb: "“…,” said a dealer" with the quote blanked.
const NOTHING_BEFORE = /^[\s"“”'’,.;:-]*$/u;
const COMMA_END = /,\s*$/u;

function sentenceBefore(text: string): string {
  const t = text.slice(-SUBJECT_REACH);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(t); m; m = SENTENCE_END.exec(t)) from = m.index + m[0].length;
  return t.slice(from);
}

export interface ChainReading {
  /** The description as shown ("a spokesman for one of Velmar's oil producers"). */
  description: string;
  /** Offset in the narration given where the description starts. */
  at: number;
}

/**
 * The indefinite described person a he/she (`gender`) at the end of `narration` (quotes blanked)
 * goes back to through at most CHAIN_VERBS speech verbs, each later one's subject a he/she of that
 * gender; null when the chain meets any other subject first, or none. A description of the other
 * gender ("a spokeswoman" for a he) ends it with no reading.
 */
export function describedChain(narration: string, gender: 'm' | 'f'): ChainReading | null {
  const verbs = allVerbs(narration);
  const pronoun = gender === 'm' ? 'he' : 'she';
  for (let k = verbs.length - 1, n = 0; k >= 0 && n < CHAIN_VERBS; k--, n++) {
    const v = verbs[k];
    if (!v) break;
    const before = sentenceBefore(narration.slice(0, v.start));
    const after = narration.slice(v.end, v.end + SUBJECT_REACH);
    // "according to a spokesman": the words after it are its speaker.
    // "“…,” said a dealer" (the quote blanked), "Prices fell, said one dealer": the subject follows.
    const inverted = v.word === 'according to' || NOTHING_BEFORE.test(before) || COMMA_END.test(before);
    const subjectPronoun = inverted ? PRONOUN_AFTER.exec(after)?.[1] : PRONOUN_BEFORE.exec(before)?.[1];
    if (subjectPronoun !== undefined) {
      if (subjectPronoun.toLowerCase() !== pronoun) return null;
      continue;
    }
    const m = inverted ? DESCRIBED_AFTER.exec(after) : DESCRIBED_BEFORE.exec(before);
    const d = m?.[1]?.trim();
    // A "subject" that holds a speech verb of its own ("A spokeswoman said it was examining political
    // calls"): the hit is a noun ("calls"), no verb of the chain; the verb inside is read next.
    if (d && allVerbs(d).length > 0) {
      n--;
      continue;
    }
    if (!d || !isIndefinitePerson(d)) return null;
    if (genderOfWords(d.split(/\s+/u)) === (gender === 'm' ? 'f' : 'm')) return null;
    const at = inverted ? v.end + after.indexOf(d) : v.start - before.length + before.lastIndexOf(d);
    return { description: shownIndefinite(d), at };
  }
  return null;
}
