// Features for long feature stories with many people in one paragraph: who a "“…,” he says" means
// when the narration since the last quote brought someone new in, and whether a candidate the
// quote's own he/she cannot mean is chosen over it. Plain tests here; attribute.ts sets the features
// and the ranker weighs them. Every test reads a bounded stretch of text, so attribution stays linear.

import type { Gender } from './names.js';
import type { Person, PersonMention } from './people.js';

/** The longest narration (characters) between the last quote and this one that is read for a newcomer. */
export const NEWCOMER_REACH = 1200;

const HE = /(?:^|[^\p{L}])(?:he|him|his|himself)(?![\p{L}])/iu;
const SHE = /(?:^|[^\p{L}])(?:she|her|hers|herself)(?![\p{L}])/iu;

/**
 * The person the narration between the last quote and a quote whose own attribution is a he/she
 * ("… for accountant Ola Banjo, 50. “…,” he says") brings in: the first person named there, when
 * that is not the last quote's speaker, the last speaker is not named there at all, and no he/she
 * of the slot's gender comes before the newcomer (a "He praised Ola Banjo" goes on about the
 * speaker). `narration` is the text from `from` (global offset) to the quote; `mentions` are the
 * people named in it, in text order; `genderOf` the person's gender (the text's, else the first
 * name's). Null when there is no such person or the stretch is longer than NEWCOMER_REACH.
 */
export function newcomerBefore(
  mentions: readonly PersonMention[],
  narration: string,
  from: number,
  previous: Person | null,
  pronoun: 'm' | 'f',
  genderOf: (p: Person) => Gender,
): Person | null {
  if (narration.length > NEWCOMER_REACH) return null;
  let first: PersonMention | undefined;
  for (const m of mentions) {
    if (m.pos < from || m.pos >= from + narration.length) continue;
    if (m.person === previous) return null;
    first ??= m;
  }
  if (!first || first.person === previous) return null;
  if (genderOf(first.person) === (pronoun === 'm' ? 'f' : 'm')) return null;
  return (pronoun === 'm' ? HE : SHE).test(narration.slice(0, first.pos - from)) ? null : first.person;
}

/**
 * Whether a candidate the quote's own he/she did not read ("“I love you too,” he said" and the
 * woman who spoke before) is of the other gender than that he/she: its own attribution rules it out.
 */
export function slotGenderClash(pronoun: 'm' | 'f', gender: Gender): boolean {
  return gender !== null && gender !== pronoun;
}
