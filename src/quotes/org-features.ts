// A name that qualifies someone else's role: "Harbour Bank economist Ann Tolver said", "said Tolver
// Brothers (Asia) Ltd analyst Ian Dorn", "Rovers midfielder Joe Keel". The name before the role is
// the speaker's employer, club or party (or the person they work for), not the speaker; the name
// scan may still take it for a person's ("Aston"-like first words), and the slot reader may stop at
// it. One feature the ranker weighs (ranker.ts `modifies_role`), read where the candidate is named.
import { isRoleWord } from './phrase.js';
import { hasSpeechVerb } from './verbs.js';

/** Words of a role the role-word test does not know ("Rovers boss", "shadow chancellor", "managing director"). */
const ROLE_EXTRA = new Set(['boss', 'shadow', 'managing', 'star', 'skipper', 'frontbencher', 'backbencher']);
/** A word of two lower-case letters or more closed by a full stop, then a space: the sentence ended. */
const SENTENCE_END = /\p{Ll}{2}\.\s/u;

/** How far after a mention the role and the next name are looked for: the phrase right after it. */
const REACH = 140;
/**
 * The name at the start, then what may close an organisation's name ("(Asia)", "of Canada", a legal
 * form), then one to three lower-case words (the role), then a capitalised word: the other name.
 */
const BEFORE_ROLE = /^\p{Lu}[\p{L}\p{N}'’&.-]*(?:[^\S\n]+(?:(?:of|&)[^\S\n]+)?\p{Lu}[\p{L}\p{N}'’&.-]*){0,5}(?:[^\S\n]+\([^()\n]{1,30}\))?(?:[^\S\n]+of[^\S\n]+\p{Lu}[\p{L}.]*)?(?:[^\S\n]+(?:Ltd|Inc|Co|Corp|Plc|PLC|AG|SA|NV|Group|Holdings|Spa|SpA)\.?)*[^\S\n]+((?:[\p{Ll}-]+[^\S\n]+){0,2})([\p{Ll}-]+)[^\S\n]+\p{Lu}\p{Ll}/u;

/**
 * Whether the name that starts at `at` in `text` stands before a role and another name ("Harbour
 * Bank economist Ann Tolver"): it qualifies the person named after the role.
 */
export function modifiesRole(text: string, at: number): boolean {
  const m = BEFORE_ROLE.exec(text.slice(at, at + REACH));
  if (!m) return false;
  // ("… said Mr Tolver. The former chairman Ian …": a full stop after a word ends the sentence, and the name with it.)
  if (SENTENCE_END.test(m[0])) return false;
  // Every lower-case word is part of the role ("senior economist", "shadow chancellor"): a verb or a
  // preposition between the names ("Tolver praised winger Ian …", "Tolver of administrators Ian …") makes no role.
  const words = `${m[1] ?? ''}${m[2] ?? ''}`.trim().split(/\s+/u);
  // (A speech verb passes the role test by its ending: "Tolver insists England …".)
  return words.every((w) => isRoleWord(w) || ROLE_EXTRA.has(w)) && !hasSpeechVerb(words.join(' '));
}
