// Features of a quote's named candidates that a careful news reader weighs and the rest of
// attribution does not read:
// - the speaker's own name inside the quote's attribution, when the slot read something else there
//   ("…," said Kestrel Vantor Shipping dispatcher Oona Vesk: the slot read the firm; "Pell Arnaut,
//   treasurer of the Corran Rowing Club, said “…”": the slot read the title);
// - a turn of speaking that a new person interrupted: after X's quote a sentence of narration opens
//   with Y ("Tomas Holt said: “…” Union steward Pavel Drees shook his head at the count. He said:
//   “…”"): the quote after it is more likely Y's than the continuing X's.
// attribute.ts sets the features and the ranker weighs them. Every test reads a bounded stretch of
// text (a mention list cut to a window), so attribution stays linear in the article.

import type { Gender } from './names.js';
import type { Person, PersonMention } from './people.js';

/** How far the quote's attribution clause reaches from the quote (characters). */
export const CLAUSE_REACH = 160;
/** How far back a turn's interruption is looked for (characters before the quote). */
export const STAGE_REACH = 1200;

/** Where the quote being attributed stands in the article (offsets in the joined article). */
export interface QuoteFrame {
  /** The opening mark. */
  at: number;
  close: number;
  sentenceFrom: number;
  sentenceTo: number;
}

/**
 * The stretch of the quote's own attribution clause: after a tail slot, from the closing mark to
 * the end of its sentence; before any other slot, from its sentence's start to the opening mark.
 * Either at most CLAUSE_REACH characters long.
 */
export function attributionClause(tail: boolean, q: QuoteFrame): [number, number] {
  return tail ? [q.close, Math.min(q.sentenceTo, q.close + CLAUSE_REACH)] : [Math.max(q.sentenceFrom, q.at - CLAUSE_REACH), q.at];
}

/**
 * The persons named (outside quotes) in the quote's attribution clause when the slot read no one
 * the text shows to be a person (`personLike`: a first name, a role, a gender): the slot took a
 * firm, a title, a description or a scrap of the phrase, and a name in the same clause is likely
 * the speaker's. `mentions` is the list of mentions in the clause (`People.mentionsIn`, bounded);
 * `slotPersons` the persons the slot read; `named` whether a mention's person counts here (a full
 * name, or a person's sign).
 */
export function clausePersons(mentions: readonly PersonMention[], slotPersons: readonly (Person | null)[], personLike: (p: Person) => boolean, named: (p: Person) => boolean): Set<Person> {
  const out = new Set<Person>();
  if (slotPersons.some((p) => p !== null && personLike(p))) return out;
  for (const m of mentions) if (!m.quoted && !m.person.group && !slotPersons.includes(m.person) && named(m.person)) out.add(m.person);
  return out;
}

/**
 * The person a narration sentence between the last quote and this one opens with (its subject,
 * the latest such), if that sentence brings someone on: a person the text shows as one, not of the
 * other gender than the quote's he/she. `mentions` are those between the end of the last quote and
 * this quote's opening (bounded); `possessive` tells a mention written as "Y's" (the subject is
 * what Y owns, not Y).
 */
export function stagePerson(
  mentions: readonly PersonMention[],
  pronoun: 'm' | 'f' | null,
  personLike: (p: Person) => boolean,
  genderOf: (p: Person) => Gender,
  possessive: (m: PersonMention) => boolean,
): Person | null {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k] as PersonMention;
    if (m.quoted || m.person.group || !m.subject || !personLike(m.person) || possessive(m)) continue;
    const g = genderOf(m.person);
    if (pronoun !== null && g !== null && g !== pronoun) continue;
    return m.person;
  }
  return null;
}
