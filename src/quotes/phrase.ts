// Cuts the speaker's phrase out of the words around a speech verb and reads a name, a role or a
// description out of it. No tagger: capitals, a small lexicon of roles and groups, and word shapes.

import { memoByWord } from '../text/memo.js';
import { isPlaceName } from '../search/places.js';
import { isOrgNoun } from './org-reference.js';
import { isStopWord } from '../text/tokenize.js';
import { endsInMark, endsWithConjunction, withoutTrailingAuxiliaries } from './chars.js';
import { isFirstName, personSuffix } from './first-names.js';
import { gluedBeforeName, withoutPostNominal } from './glued-names.js';
import { SPEECH_VERBS, allVerbs } from './verbs.js';
import { GROUP_NOUNS, NO_WORDS, PARTICLES, bare, foldName, isCapitalisedDayOrMonth, isDemonym, roleWords, displayCase, isCapWord, isNonNameStarter, isOrgWord, isPronoun, isRankTitle, isTitleWord, looksLikePersonName, splitTitle, type NameParts } from './names.js';

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)*$/u;
const CAPITAL_INITIALS = /^(?:\p{Lu}\.)+$/u;
const DESCRIPTIVE_APPOSITIVE_START = /^(?:a|an|the|his|her|its|their|who|which|\p{Ll})/u;
const DESCRIPTIVE_HYPHEN_END = /-(?:\p{Ll}+(?:ed|ing|er|or|ist)|half|elect|match|time|old)$/u;
const ENDS_IN_ARTICLE_PHRASE = /^(?:\S+\s+)*?(?:the|a|an)(?:\s+\p{Ll}[\p{Ll}-]*){1,3}$/u;
const ENDS_IN_TWO_WORD_NAME = /(?:^|\s)\p{Lu}[\p{Ll}'’.-]+\s+\p{Lu}[\p{Ll}'’.-]+$/u;
const INITIALS = /^(?:\p{L}\.)+$/u;
const LOWER_LETTERS_ONLY = /^\p{Ll}{2,}$/u;
const LOWER_WORD = /^\p{Ll}[\p{Ll}-]*$/u;
const ONE_CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const ONE_INITIAL = /^\p{Lu}\.$/u;
const OPENS_WITH_ARTICLE_PHRASE = /^\s*(?:(?:a|an|the)\s+\p{L}|\p{Lu}[\p{L}.&-]*['’]s\s+\p{Ll})/u;
const DOTTED_ABBREVIATION = /^\p{Lu}(?:\.\p{Lu})+\.?$/u;
const OPENS_WITH_GERUND = /^\p{Ll}+ing\b/u;
const OPENS_WITH_PARTICIPLE = /^(?:\p{Ll}+ly\s+)?\p{Ll}+ed\b/u;
const POSSESSIVE_NAME_APPOSITIVE = /^(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s?\s+\p{Ll}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_LOWER_OR_DIGIT = /^[\p{Ll}\d]/u;
const STARTS_UPPER = /^\p{Lu}/u;
const TWO_OR_THREE_LOWER_WORDS = /^\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*){1,2}$/u;
/** A word that ends in a possessive ("Reagan's", "Jones'", "the companies’"). */
export const POSSESSIVE_END = /\p{L}['’]s?$/u;
const WHOLE_TWO_OR_THREE_WORD_NAME = /^\s*(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2})\s*$/u;

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'some', 'several', 'many', 'one', 'two', 'three', 'another', 'other', 'both', 'all', 'most', 'two', 'this', 'that', 'these', 'those']);
const PREPOSITIONS = new Set(['of', 'for', 'at', 'in', 'from', 'with', 'on', 'to', 'by']);
/** A gazetteer place: "China" opens no name even though the first-name lists hold it. */
const isPlaceWord = (w: string): boolean => isPlaceName([w]);

/**
 * Lower-case words that can stand in a role before a name: "spokeswoman", "senior counsel", "political scientist".
 * Kept by word: the same few words are tested around every name and quote of an archive.
 */
export const isRoleWord: (w: string) => boolean = memoByWord(roleWordUncached);

function roleWordUncached(w: string): boolean {
  // A cold build asks ~6,000 words once each, in the unoptimised tiers: ASCII is read by character
  // codes (a-z and 0-9 are its \p{Ll} and \d), and each expression runs only where it can match.
  const bw = bare(w);
  const b = bw.toLowerCase();
  const c = bw.charCodeAt(0);
  if (!b || !(c <= 127 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) : STARTS_LOWER_OR_DIGIT.test(bw))) return false;
  if (GROUP_NOUNS.has(b) || isTitleWord(b)) return true;
  // "whether", "other", "never" end like roles and are not.
  if (isStopWord(b) || NOT_ROLES.has(b)) return false;
  // Common roles of unnamed news sources whose endings the suffix test below misses ("a Western diplomat said").
  if (UNSUFFIXED_ROLES.has(b)) return true;
  // Each alternative needs a hyphen or an opening digit.
  const c0 = b.charCodeAt(0);
  if ((b.includes('-') || (c0 >= 48 && c0 <= 57)) && /^\d+(?:-year-old|-year|-time)?$|-year-old$|^then-|^ex-|^co-/u.test(b)) return true;
  return b.length > 3 && /(?:ist|ists|er|ers|or|ors|man|men|woman|women|person|people|ent|ents|ant|ants|ian|ians|ary|aries|ee|ees|al|als|ive|ives|ic|ical|ate|ates|ster|sters)$/u.test(b);
}

/**
 * The run's first word is a role capitalised because it opens the sentence, not a name word:
 * a lower-case compound ("Fly-half", "Man-of-the-match", "Oscar-nominated"), or a role noun
 * ("Striker", "Goalkeeper") before a known first name or itself a listed role ("Spokesman"). A
 * first name the lists miss ("Fraser Kemp", "Sher Khan") ends like a role noun too.
 */
export function opensWithRole(run: readonly string[]): boolean {
  const w = run[0] ?? '';
  if (run.length < 2 || !CAPITALISED_WORD.test(w) || !STARTS_UPPER.test(run[1] ?? '') || isFirstName(foldName(w))) return false;
  // An English compound ("Oscar-nominated", "Chairman-elect", "Fly-half"), not a given name written with a hyphen ("Pei-yuan Chia").
  if (w.includes('-')) return DESCRIPTIVE_HYPHEN_END.test(w);
  const lower = w.toLowerCase();
  const beforeFirstName = run.length >= 3 && isFirstName(foldName(run[1] ?? ''));
  // A nationality as a noun before a full name: "fellow Spaniard Guillermo Garcia-Lopez", "Americans Andy Roddick and …".
  if (beforeFirstName && (/ard$/u.test(w) || (w.endsWith('s') && isDemonym(w.slice(0, -1))))) return true;
  // A plural role noun before a full name: "Sprinters Kostas Kenteris", "Delegates John Smith and …".
  if (beforeFirstName && /(?:er|or|ist|ian|ee|ster)s$/u.test(w) && isRoleWord(lower) && !PLACE_ENDING.test(lower.slice(0, -1))) return true;
  // Only a noun's endings: "Digital", "National" and "Interactive" end like roles too and open names of things.
  if (!/(?:er|or|ist|ian|man|woman|ee|ster)$/u.test(w) || !isRoleWord(lower) || PLACE_ENDING.test(lower)) return false;
  return isTitleWord(lower) || beforeFirstName;
}

/**
 * Place-name endings that look like the role suffix "-ster" (Old English ceaster "fort", mynster
 * "church"; Norse staðr): "Manchester Victoria Station" is one place, not a manchester called Victoria.
 */
// "-ncaster" (Lancaster, Doncaster), not "broadcaster" or "forecaster".
const PLACE_ENDING = /(?:chester|cester|ncaster|minster|unster|einster|lster)$/u;

/** How many words open the run as roles ("Top-seeded Americans Andy Roddick" → 2), at most two. */
export function roleWordsOpening(run: readonly string[]): number {
  let k = 0;
  while (k < 2 && opensWithRole(run.slice(k))) k++;
  return k;
}

/** Roles of unnamed sources that end like no role noun ("-at", "-eur", "-ert"). */
const UNSUFFIXED_ROLES = new Set('diplomat diplomats bureaucrat bureaucrats technocrat technocrats arbitrageur arbitrageurs expert'.split(' '));
export const NOT_ROLES = new Set('whether never ever together rather neither either however whatever whenever wherever further after later sooner other another per under over for nor according'.split(' '));

// Lower-casing never shortens a word (no code point's lower case is shorter; tested): a longer
// word is none of these, and is not lower-cased to find out (these run for every phrase word).
const LONGEST_DETERMINER = Math.max(...[...DETERMINERS].map((w) => w.length));
const LONGEST_PREPOSITION = Math.max(...[...PREPOSITIONS].map((w) => w.length));
const isDeterminer = (w: string): boolean => {
  const b = bare(w);
  return b.length <= LONGEST_DETERMINER && DETERMINERS.has(b.toLowerCase());
};
const isPreposition = (w: string): boolean => w.length <= LONGEST_PREPOSITION && PREPOSITIONS.has(w.toLowerCase());
const isParticle = (w: string): boolean => PARTICLES.has(bare(w).toLowerCase()) && STARTS_LOWER.test(w);
// "al-Shabaab", "el-Sisi": an Arabic article joined to a capitalised name begins a name in lower case.
const ARTICLE_NAME = /^(?:al|el|ad|ar|as|ash|an|at|az)-\p{Lu}/u;
const isNameish = (w: string): boolean => (isCapWord(w) && !isPronoun(bare(w))) || ARTICLE_NAME.test(w);
const endsPhrase = (w: string): boolean => endsInMark(w) && !INITIALS.test(w) && !isTitleWord(w);

const WORDS = /\S+/g;
const words = (s: string): string[] => s.match(WORDS) ?? [];

/**
 * The noun phrase that ends `text` (the words right before a speech verb), with an appositive
 * ("Henry Lucero, a senior US official,") read as the role. Null when nothing fits.
 */
/** Not right after an abbreviation of a title ("Gov.", "St.") or a capital ("U.S.", "J. Smith"): a full stop there ends no sentence (a regular-expression source). */
export const NOT_AFTER_ABBREVIATION = '(?<!\\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|No|\\p{Lu}))';
export const SENTENCE_BREAK = new RegExp(`${NOT_AFTER_ABBREVIATION}[.!?]["”’]?\\s+(?=["“]?\\p{Lu})`, 'gu');
/** SENTENCE_BREAK tried at one offset only. */
const SENTENCE_BREAK_AT = new RegExp(SENTENCE_BREAK.source, 'uy');

/**
 * Where the last sentence of `t` starts: the end of SENTENCE_BREAK's last match, or 0. A break
 * begins at its [.!?] and no break holds one after its first character, so the last match is the
 * match at the last mark where one begins: tried from the end, only at those marks (matching
 * forward tried the look-behind at every character, and this runs around every quote).
 */
export function lastSentenceStart(t: string): number {
  for (let j = t.length - 1; j >= 0; j--) {
    const c = t.charCodeAt(j);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    SENTENCE_BREAK_AT.lastIndex = j;
    const m = SENTENCE_BREAK_AT.exec(t);
    if (m) return j + m[0].length;
  }
  return 0;
}

/**
 * Speech verbs that are no noun nor adjective: after "Moody's" they make it the subject ("Moody's
 * said"), where "Reagan's remarks" and "Nor-Quest's earlier reported bid" are noun phrases.
 */
const PAST_TENSE = /^\p{Ll}{3,}ed$/u;
const VERB_ONLY = /^(?:said|says|told|tells|wrote|writes|spoke|added|adds|stated|announced|warned|noted|explained|insisted|argued)$/u;
/** Present-tense speech verbs that are also plural nouns ("Reagan's remarks", "the bank's claims"): after a possessive, the noun. */
const NOUN_TOO = new Set(`remarks comments claims reports notes states charges calls counters answers replies cries quips tweets posts
  promises pledges vows protests demands echoes laughs sighs shouts screams whispers yells rants gripes mentions recalls repeats
  retorts stresses urges wonders questions responds quotes concurs muses boasts jokes`.split(/\s+/u));
/** Words that may stand between a possessive subject and its verb ("Moody's also confirmed", "Lloyd's has said"). */
const BETWEEN_POSSESSIVE_AND_VERB = /\s(?:also|then|later|has|had)$/u;

/**
 * Whether `verb`, read after `before` (the text up to the verb, a possessive at its end or one of
 * also/then/later/has/had after it), makes the possessive its subject: "Moody's confirmed",
 * "Moody's also confirmed", "McDonald's insists". A verb that is also a noun, or another word
 * between ("Nor-Quest's earlier reported bid"), leaves a noun phrase. The one test for every
 * reader of "X's <verb>".
 */
export function isVerbAfterPossessive(before: string, verb: string): boolean {
  let t = before.trimEnd();
  // Both tests read only the text's last words: a slice keeps them from scanning a long paragraph.
  const from = Math.max(0, t.length - 8);
  const between = BETWEEN_POSSESSIVE_AND_VERB.exec(t.slice(from));
  if (between) t = t.slice(0, from + between.index).trimEnd();
  if (!POSSESSIVE_END.test(t.slice(-4))) return false;
  if (VERB_ONLY.test(verb) || PAST_TENSE.test(verb)) return true;
  return verb.endsWith('s') && SPEECH_VERBS.has(verb) && !NOUN_TOO.has(verb);
}

/** `verb`: the speech verb after `text`, when known; a possessive before one that may be a noun ("remarks") is no subject. */
export function subjectBefore(text: string, verb?: string): Phrase | null {
  // trimEnd removes exactly what \s matches.
  let t = text.trimEnd();
  // Only the sentence the verb is in.
  const cut = lastSentenceStart(t);
  if (cut > 0) t = t.slice(cut);
  // Auxiliaries and adverbs between subject and verb: "has also", "was quoted as", "later".
  t = withoutTrailingAuxiliaries(t);
  if (endsWithConjunction(t)) return null;
  // (Not the comma of a number: "the 200,000 member union".)
  const chunks = t.split(/(?<!\d),\s*|,(?!\d)\s*/u);
  const aside = nameBeforeAsides(chunks);
  if (aside) return aside;
  let appositive: string | null = null;
  if (t.endsWith(',') && chunks.length >= 3) {
    chunks.pop(); // the empty chunk after the final comma
    appositive = chunks.pop() ?? null;
    // "Khizr Khan, 66," — an age is no one; the name before it is the subject.
    if (appositive !== null && /^\s*\d{1,3}\s*$/u.test(appositive)) appositive = null;
    // "Henry Lucero, a senior official," — but "In the video, the players" is not an appositive.
    // "Jeff Weaver, Sanders' campaign manager," / "William Daley, President Obama's former chief of
    // staff," — a possessive name and a lower-case role is an appositive too.
    if (appositive && !DESCRIPTIVE_APPOSITIVE_START.test(appositive) && !POSSESSIVE_NAME_APPOSITIVE.test(appositive) && !isTitleAppositive(appositive, chunks[chunks.length - 1] ?? '')) {
      chunks.push(appositive);
      appositive = null;
    }
    // "Paul Brandt, who led the inspection," — a relative clause describes, it is no role.
    if (appositive && /^(?:who|whose|which|that|whom)\b/u.test(appositive)) {
      appositive = null;
      // "Ravi Osmund, founder of Open Pages Trust, which backs small publishers, said": the clause
      // describes the organisation; the role before it is still the named head's appositive.
      const role = chunks[chunks.length - 1] ?? '';
      const named = chunks[chunks.length - 2];
      // The name must be the whole head ("Kay Obi,"), not the end of a phrase ("The report, written
      // by Kay Obi, head of the fund, which …": the report speaks, not its author).
      if (named !== undefined && wholeNamedHead(named) && (DESCRIPTIVE_APPOSITIVE_START.test(role) || POSSESSIVE_NAME_APPOSITIVE.test(role) || isTitleAppositive(role, named)) && !/^(?:who|whose|which|that|whom)\b/u.test(role)) {
        chunks.pop();
        appositive = role;
      }
    }
  } else if (t.endsWith(',')) chunks.pop();
  else if (chunks.length >= 2) {
    const open = unclosedAppositive(chunks[chunks.length - 2] ?? '', chunks[chunks.length - 1] ?? '');
    if (open) return open;
  }
  // "Khizr Khan, 66, a lawyer," — skip the age between the name and its appositive.
  if (chunks.length >= 2 && /^\s*\d{1,3}\s*$/u.test(chunks[chunks.length - 1] ?? '')) chunks.pop();
  let head = chunks[chunks.length - 1] ?? '';
  // "the lanky, bespectacled professor": adjectives split by a comma still make one phrase.
  const prevChunk = chunks[chunks.length - 2];
  // (The head's test first: it is anchored at both ends and rarely holds.)
  if (!appositive && prevChunk !== undefined && TWO_OR_THREE_LOWER_WORDS.test(head.trim()) && ENDS_IN_ARTICLE_PHRASE.test(prevChunk)) {
    head = `${prevChunk.replace(/^.*?\b(the|a|an)\s/u, '$1 ')} ${head.trim()}`;
  }
  const np = trailingNounPhrase(words(head));
  // "told reporters after Reagan's remarks that": a possessive owns the noun after it, which is
  // then no verb; the phrase is no subject. ("Moody's said": a company's name before a verb.)
  // Any past tense right after the possessive is its verb ("Moody's confirmed"); with a word
  // between, it may be an adjective ("Nor-Quest's earlier reported bid").
  if (np.length === 0) return null;
  if (verb !== undefined && POSSESSIVE_END.test(np[np.length - 1] ?? '') && !VERB_ONLY.test(verb) && !isVerbAfterPossessive(text, verb)) return null;
  return { words: np, appositive: appositive?.trim() || null };
}

/**
 * "Scott Stanzel, a spokesman for the campaign said": an appositive whose closing comma the writer
 * left out. The person's name (a known first name and one or two more capitalised words) ends the
 * chunk before it (all of it), and the chunk is a description (a/an/the and a lower-case word): the name speaks.
 */
function unclosedAppositive(before: string, chunk: string): Phrase | null {
  // "a spokesman for …", or an owner's role: "Mr Prettejohn, Lloyd's chief executive said".
  // A capitalised modifier may follow the article: "a Green member of the European Parliament".
  // Or a capitalised title with its organisation: "Tomas Ferrel, President of the Andean Mining
  // Association told …" is Ferrel's, not the association's (the head of the appositive speaks).
  // Or a lower-case role of an organisation, coordinated or not: "Peter Alcott, chairman of Brenner
  // Holdings and director of research at Corvo Bank said" is Alcott's, the whole chunk his role.
  // ("Jo Bloggs, economist with Brisk Bank in London said": "with" joins a role to its firm as "at" does.)
  if (!OPENS_WITH_ARTICLE_PHRASE.test(chunk) && !(/\s(?:of|at|for|with)\s/u.test(chunk) && (isTitleAppositive(chunk, before) || opensWithLowerRole(chunk))) && !PARTY_TAG.test(chunk.trim())) return null;
  // The whole chunk: "writing in the Daily Telegraph, the prime minister conceded" names a paper, not its writer.
  // ("But Jo Bloggs, a lawyer said": a conjunction opens the clause, it is no part of the name.)
  const m = WHOLE_TWO_OR_THREE_WORD_NAME.exec(before.replace(CLAUSE_CONJUNCTION_ANY_CASE, ''));
  const name = m?.[1]?.split(/\s+/u) ?? [];
  // A known first name, or an honorific before a surname ("Mr Prettejohn"): a person's name either way.
  const honorific = HONORIFIC_WORD.test(name[0] ?? '');
  if (name.length < 2 || !(honorific || isFirstName(foldName(name[0] ?? ''))) || !looksLikePersonName(honorific ? name.slice(1) : name)) return null;
  return { words: name, appositive: chunk.trim() };
}

/**
 * "Yao Liu, president of Brisk Steel Co, a leading steel maker, told …", "Jo Bloggs, head of the
 * Fund, in explaining why …, said", "Jo Bloggs, chief of the Union of Workers, UW, said": a whole
 * name opening its clause, then two or three chunks that are each a role, a description, an aside
 * (a participle, "also at …") or an acronym, bare or bracketed ("(Unionfed)"): the name is the verb's subject, its first chunk its
 * role. (The reader of one appositive sees only the last chunk, which then spoke: the firm's
 * description, the aside's words.) The first chunk must be a person's role, so "In London, the
 * bank, …" and a list of names are left alone.
 */
function nameBeforeAsides(chunks: readonly string[]): Phrase | null {
  let end = chunks.length;
  if (end > 0 && (chunks[end - 1] ?? '').trim() === '') end--;
  let from = end;
  while (from > 0 && end - from < 3 && isAsideChunk(chunks[from - 1] ?? '', chunks[from - 2] ?? '')) from--;
  if (end - from < 2 || from === 0) return null;
  const named = chunks[from - 1] ?? '';
  const role = (chunks[from] ?? '').trim();
  if (!wholeNamedHead(named) || !(OPENS_WITH_ARTICLE_PHRASE.test(role) || opensWithLowerRole(role) || isTitleAppositive(role, named))) return null;
  const dash = Math.max(named.lastIndexOf(' - '), named.lastIndexOf(' — '));
  const name = words((dash >= 0 ? named.slice(dash + 3) : named).trim().replace(CLAUSE_CONJUNCTION, ''));
  // A person's name: a known first name, or an honorific before one ("Mr Shin-Bae Kim").
  const first = HONORIFIC_WORD.test(name[0] ?? '') ? 1 : 0;
  if (name.length - first < 2 || !(first === 1 || isFirstName(foldName(name[0] ?? '')))) return null;
  return { words: name, appositive: role };
}
const ASIDE_START = /^(?:also|speaking|commenting|writing|in\s+\p{Ll}+ing|\p{Ll}+ing\s+(?:on|at|in|to|about|after|before)\b)/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
/** A chunk between a name and its verb that is no new subject: a role, a description, an aside, an acronym. */
function isAsideChunk(chunk: string, before: string): boolean {
  const c = chunk.trim();
  if (c.length === 0 || c.length > 120) return false;
  return OPENS_WITH_ARTICLE_PHRASE.test(c) || opensWithLowerRole(c) || isTitleAppositive(c, before) || ASIDE_START.test(c) || ACRONYM.test(c) || BRACKETED_CAPITAL.test(c);
}

const CLAUSE_CONJUNCTION = /^(?:and|but|while|whereas|yet)\s+/u;
const CLAUSE_CONJUNCTION_ANY_CASE = /^\s*(?:and|but|while|whereas|yet)\s+/iu;
// Made once here: tsx (the tests' and benches' loader) turns a \p{…} literal into a `new RegExp(…)` built at every call.
const CAPITALISED_HEAD_WORD = /^\p{Lu}[\p{L}.]*$/u;
/** A chunk that is only a name, perhaps after one honorific or a capitalised title: "Kay Obi", "Dr Kay Obi", "Senator Kay Obi". */
function wholeNamedHead(chunk: string): boolean {
  // After a dateline: "May 3 - Kay Obi"; a conjunction opens a clause of its own: "…, and Kay Obi".
  const dash = Math.max(chunk.lastIndexOf(' - '), chunk.lastIndexOf(' — '));
  const t = (dash >= 0 ? chunk.slice(dash + 3) : chunk).trim().replace(CLAUSE_CONJUNCTION, '');
  if (t.length > 80) return false; // a head of a few words; bounds the regex below
  if (WHOLE_TWO_OR_THREE_WORD_NAME.test(t)) return true;
  const space = t.indexOf(' ');
  return space > 0 && CAPITALISED_HEAD_WORD.test(t.slice(0, space)) && WHOLE_TWO_OR_THREE_WORD_NAME.test(t.slice(space + 1));
}

const HONORIFIC_WORD = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof)\.?$/u;
const FIRST_WORD = /^\s*(\p{Ll}+)\b/u;
/** "chairman of …", "director and chief economist at …": a chunk whose first word is a lower-case role or title. */
function opensWithLowerRole(chunk: string): boolean {
  const w = FIRST_WORD.exec(chunk)?.[1];
  return w !== undefined && (isTitleWord(w) || isRoleWord(w));
}

/**
 * "Hussein Sayed, Chief Market Strategist at FXTM," — a capitalised job title after a full name is
 * an appositive too: its head (the word before any "of"/"at"/"for") is a role noun, and it has two
 * or more words or is a title ("Ottawa, Ontario," and "Smith, Calgary," are places, not roles).
 */
function isTitleAppositive(appositive: string, before: string): boolean {
  if (!ENDS_IN_TWO_WORD_NAME.test(before.trim())) return false;
  const ws = words(appositive);
  // "Jo Bloggs, R-Texas," / "Jo Bloggs, (D-Tenn.)": a party and state tag is the politician's.
  if (ws.length === 1 && PARTY_TAG.test(ws[0] ?? '')) return true;
  const cut = ws.findIndex((w) => /^(?:of|at|for|with|in|on|to)$/u.test(w));
  const head = (cut > 0 ? ws[cut - 1] : ws[ws.length - 1]) ?? '';
  const low = bare(head).toLowerCase();
  // "Jo Bloggs, U.S. ambassador to the talks,", "Jo Bloggs, oil analyst for Brisk Ltd said": a
  // lower-case role with its complement, one person's (a plural, "officials at the bank", is a new subject).
  if (!STARTS_UPPER.test(head)) return cut > 0 && LOWER_WORD.test(head) && isRoleWord(low) && !PLURAL.test(low);
  return isTitleWord(low) || (ws.length >= 2 && isRoleWord(low));
}
const PLURAL = /[^s]s$/u;

function trailingNounPhrase(ws: readonly string[]): string[] {
  const org = orgDescriptionAtEnd(ws);
  if (org) return org;
  let i = ws.length - 1;
  const out: string[] = [];
  let sawName = false;
  let sawNoun = false;
  while (i >= 0 && out.length < 14) {
    const w = ws[i] ?? '';
    if (i < ws.length - 1 && endsPhrase(w)) break;
    const next = out[0];
    if (out.length === 0 && isPronoun(bare(w))) return [bare(w)];
    if (isNameish(w) || (isParticle(w) && next !== undefined && isNameish(next))) {
      sawName = true;
    } else if (isRoleWord(w) || /^[\d-]+$/.test(w)) {
      sawNoun = true;
    } else if ((w === 'and' || w === '&') && next !== undefined && isNameish(next) && i > 0 && isNameish(ws[i - 1] ?? '')) {
      // "Tore Sohlberg and Lehla Abreder"
    } else if (isPreposition(w) && out.length > 0 && i > 0 && (isRoleWord(ws[i - 1] ?? '') || isNameish(ws[i - 1] ?? ''))) {
      // "officials in Denver", "University of the Fraser Valley"
    } else if (isDeterminer(w) && out.length > 0) {
      out.unshift(w);
      // "Tim Guest with the Nova Scotia Health Authority": the determiner opens a complement.
      const prep = ws[i - 1] ?? '';
      if (isPreposition(prep) && i >= 2 && (isNameish(ws[i - 2] ?? '') || isRoleWord(ws[i - 2] ?? '')) && !endsPhrase(ws[i - 2] ?? '')) {
        out.unshift(prep);
        i -= 2;
        continue;
      }
      break;
    } else break;
    out.unshift(w);
    i--;
  }
  // "One government bond salesman": lower-case modifiers between a determiner and the role noun.
  if (out.length > 0 && isRoleWord(out[0] ?? '')) {
    for (let j = i, k = 0; j >= 0 && k < 4; j--, k++) {
      const w = ws[j] ?? '';
      if (isDeterminer(w)) {
        out.unshift(...ws.slice(j, i + 1));
        // "An official with one U.S. vehicle maker": the determiner opens a complement of a role before it.
        const [det, role, prep] = [ws[j - 3] ?? '', ws[j - 2] ?? '', ws[j - 1] ?? ''];
        if (j >= 3 && /^(?:with|for|at|of|from)$/u.test(prep) && isRoleWord(role) && isDeterminer(det)) out.unshift(det, role, prep);
        break;
      }
      // Lower-case modifiers, an abbreviation ("one U.S. vehicle maker") or a nationality ("a senior
      // Swiss finance ministry official"): a nationality is a modifier, so the phrase reaches its
      // determiner and stays close enough to the quote to be its own slot.
      if (!(LOWER_WORD.test(w) || DOTTED_ABBREVIATION.test(w) || isDemonym(w)) || isPreposition(w) || isStopWord(w)) break;
    }
  }
  // A phrase may not begin with a preposition, "and", or a sentence-initial connective ("However").
  // ("First Vantor Bancorp", "First Harbour": an ordinal before a capitalised word opens a firm's name.)
  while (out.length > 0 && (isPreposition(out[0] ?? '') || out[0] === 'and' || out[0] === '&' || (isNonNameStarter(out[0] ?? '') && !isDeterminer(out[0] ?? '') && out.length > 1 && !(out[0] === 'First' && STARTS_UPPER.test(out[1] ?? ''))))) out.shift();
  return sawName || sawNoun ? out : [];
}

/**
 * "the bank said", "the central bank said", "its utility said": a definite description of an
 * organisation ending the words, opening its clause (no preposition before it: "a dealer for a
 * foreign bank" is a dealer). Its words, else null. (Most such nouns are no role words.)
 */
const SIZED_AFTER = /^[\s,:]*(?:the|its)\s+\d[\d.,]*(?:\s+(?:mln|million|bln|billion))?[\s-]\p{Ll}[\p{Ll}-]*\s+(\p{Ll}+)(?![\p{L}-])/u;
const SIZE_NUMBER = /^\d[\d.,]*$/u;
const SIZE_UNIT = /^(?:mln|million|bln|billion)$/u;
const SIZE_JOINED = /^[\d.,]+-\p{Ll}+$/u;
const UNIT_JOINED = /^(?:mln|million|bln|billion)-\p{Ll}+$/u;
/** "the 200,000 member union", "the 1.2 mln-member union": where the determiner before a size and a modifier of the last word stands, or -1. */
function sizedDescriptionStart(ws: readonly string[]): number {
  let j = ws.length - 2;
  const w = ws[j] ?? '';
  // "200,000-member" or "mln-member" in one word, else a lower-case modifier.
  if (SIZE_JOINED.test(w)) return /^(?:the|The|its|Its)$/u.test(ws[j - 1] ?? '') ? j - 1 : -1;
  const unitJoined = UNIT_JOINED.test(w);
  if (!unitJoined && !(LOWER_WORD.test(w) && !isPreposition(w))) return -1;
  j--;
  if (!unitJoined && SIZE_UNIT.test(ws[j] ?? '')) j--;
  if (!SIZE_NUMBER.test(ws[j] ?? '')) return -1;
  j--;
  return /^(?:the|The|its|Its)$/u.test(ws[j] ?? '') ? j : -1;
}

function orgDescriptionAtEnd(ws: readonly string[]): string[] | null {
  const n = ws.length;
  if (n < 2 || !isOrgNoun(ws[n - 1] ?? '')) return null;
  const det = /^(?:the|The|its|Its)$/u;
  let at = det.test(ws[n - 2] ?? '') ? n - 2 : n >= 3 && det.test(ws[n - 3] ?? '') && LOWER_WORD.test(ws[n - 2] ?? '') && !isPreposition(ws[n - 2] ?? '') ? n - 3 : -1;
  if (at < 0) at = sizedDescriptionStart(ws);
  if (at < 0 || isPreposition(ws[at - 1] ?? '')) return null;
  return ws.slice(at);
}

export interface Phrase {
  words: string[];
  appositive: string | null;
}

const AFTER_STOP = new Set(['who', 'which', 'that', 'in', 'on', 'during', 'after', 'before', 'adding', 'saying', 'while', 'when', 'as', 'because', 'to', 'about', 'from', 'via', 'last', 'this', 'on', 'earlier', 'later', 'told', 'said', 'says', 'told', 'recently', 'then', 'at', 'with', 'into', 'over', 'since']);

/** The noun phrase right after an inverted speech verb ("said Cindy Secord, who …", "says the affable proprietor."). */
export function subjectAfter(text: string): Phrase | null {
  const ws = words(text.replace(/^[\s,:—–-]+/u, ''));
  // "said the 1.2 mln member union": an organisation's description with its size.
  const sized = SIZED_AFTER.exec(text);
  if (sized && isOrgNoun(sized[1] ?? '')) return { words: sized[0].trim().split(/\s+/u), appositive: null };
  const out: string[] = [];
  let i = 0;
  let sawName = false;
  let described = false;
  let ended = false;
  // "said oil and gas worker Mike Wipf": lower-case words that lead to a name are its role.
  const capSoon = (from: number): boolean => {
    for (let j = from; j < Math.min(ws.length, from + 6); j++) {
      const w = ws[j] ?? '';
      if (isNameish(w)) return true;
      const lw = w.toLowerCase();
      if (endsPhrase(w) || AFTER_STOP.has(lw) || isDeterminer(w) || /ing$/u.test(lw) || !STARTS_LOWER.test(w)) return false;
    }
    return false;
  };
  // "said Traders policy director Omar Haddad": lower-case words after a capitalised name that end
  // in a role noun right before the next name are that name's role, whatever their own shape.
  const roleBeforeName = (from: number): boolean => {
    for (let j = from; j < Math.min(ws.length, from + 4); j++) {
      const w = ws[j] ?? '';
      // "said Aviator star Alan Alda": before a first name, any lower-case noun is the role.
      if (isNameish(w)) return j > from && (isRoleWord(ws[j - 1] ?? '') || (isFirstName(foldName(bare(w))) && isNameish(ws[j + 1] ?? '')));
      const lw = w.toLowerCase();
      if (endsPhrase(w) || AFTER_STOP.has(lw) || isDeterminer(w) || isPreposition(lw) || isStopWord(lw) || /ing$/u.test(lw) || !LOWER_WORD.test(w)) return false;
    }
    return false;
  };
  while (i < ws.length && out.length < 14) {
    const raw = ws[i] ?? '';
    // "said Brisk (Asia) Ltd analyst Jo Bloggs": a bracketed capitalised word inside a firm's name is read as a name word.
    if (sawName && !described && firmBracket(ws, i)) {
      out.push(raw);
      i++;
      continue;
    }
    const w = endsInMark(raw) ? raw.replace(/[,;:.!?)”"]+$/u, '') : raw;
    const lw = w.toLowerCase();
    if (!w) break;
    if (out.length === 0 && isPronoun(bare(w))) return { words: [bare(w)], appositive: null };
    if (out.length === 0 && (isDeterminer(w) || (isNameish(w) && /['’]s$/u.test(w)))) {
      out.push(w);
      described = true;
    } else if (isNameish(w) || (isParticle(w) && isNameish(ws[i + 1] ?? ''))) {
      out.push(w);
      sawName = true;
    } else if ((lw === 'and' || lw === '&') && sawName && isNameish(ws[i + 1] ?? '') && !endsPhrase(ws[i - 1] ?? '')) out.push(w);
    else if ((isRoleWord(w) || /^[\d-]+$/.test(w) || /-/.test(w)) && !AFTER_STOP.has(lw) && (!sawName || described || capSoon(i + 1))) out.push(w);
    else if (!sawName && !described && STARTS_LOWER.test(w) && !AFTER_STOP.has(lw) && capSoon(i)) out.push(w);
    else if (sawName && !described && raw === w && roleBeforeName(i)) out.push(w);
    else if (described && LOWER_WORD.test(w) && !AFTER_STOP.has(lw) && !/ing$/u.test(lw) && !isPreposition(lw) && out.length < 8) out.push(w);
    else if (!sawName && isPreposition(lw) && (lw === 'of' || lw === 'for' || lw === 'at' || lw === 'with') && out.length > 0) out.push(w);
    else if (sawName && (lw === 'of' || lw === 'for') && isNameish(ws[i + 1] ?? '') && out.length > 0 && !isNameish(out[out.length - 1] ?? '')) out.push(w);
    // "said UK Chancellor of the Exchequer Gordon Brown", "said British Chambers of Commerce
    // director general Jo Bloggs": "of (the)" inside a capitalised title or organisation.
    else if (sawName && lw === 'of' && raw === w && STARTS_UPPER.test(out[out.length - 1] ?? '') && !endsInPersonName(out) && (isNameish(ws[i + 1] ?? '') || (bare(ws[i + 1] ?? '') === 'the' && isNameish(ws[i + 2] ?? '')))) out.push(w);
    // "said Nortel president and chief executive Bill Owens": roles joined by "and" before a name.
    else if ((lw === 'and' || lw === '&') && sawName && raw === w && isRoleWord(out[out.length - 1] ?? '') && STARTS_LOWER.test(ws[i + 1] ?? '') && capSoon(i + 1)) out.push(w);
    else if (out.length > 0 && isDeterminer(w) && isPreposition(out[out.length - 1] ?? '')) out.push(w);
    else break;
    i++;
    // A period after a capitalised title is an abbreviation ("Gov. Ann Lee"); after a lower-case
    // role ("a city spokeswoman.") it ends the sentence.
    if (raw !== w && !CAPITAL_INITIALS.test(raw) && !(/^[^.]*\.$/u.test(raw) && ((isTitleWord(raw) && STARTS_UPPER.test(raw)) || ONE_INITIAL.test(raw)))) {
      ended = true;
      break;
    }
    if (raw !== w) out[out.length - 1] = raw;
  }
  while (out.length > 0 && (isPreposition(out[out.length - 1] ?? '') || isDeterminer(out[out.length - 1] ?? ''))) out.pop();
  if (out.length === 0) return null;
  let appositive: string | null = null;
  // "says Wise's dad, Darrin." / "wrote Chad Sublet, senior counsel at the Denver Ministry of Security, in a letter"
  if (ended && /,$/.test(ws[i - 1] ?? '')) {
    const rest = ws.slice(i);
    // "said Prescott, Ball and Turben analyst Bruce Lazier.": the comma is inside a firm's name;
    // the phrase's head is the person at its end, the firm and role before it are the role.
    const firm = !described && out.every((w) => isNameish(w)) ? firmThenPerson(rest) : null;
    if (firm) return { words: [...out, ...firm], appositive: null };
    const chunk: string[] = [];
    for (const r of rest) {
      chunk.push(endsInMark(r) ? r.replace(/[,;:.!?)”"]+$/u, '') : r);
      if (endsPhrase(r) || chunk.length > 12) break;
    }
    const first = chunk[0] ?? '';
    const hasName = out.some((w) => isNameish(w) && !isDeterminer(w) && !/['’]s$/u.test(w));
    if (!hasName && chunk.length > 0 && chunk.length <= 4 && chunk.every((w) => isNameish(w) || isParticle(w))) {
      return { words: chunk, appositive: out.join(' ') };
    }
    // "said Brisk Ltd chief economist, Jo Bloggs.": a role closing the phrase, then a person's full name: the name speaks, the phrase is its role.
    if (hasName && chunk.length >= 2 && chunk.length <= 3 && isRoleWord(bare(out[out.length - 1] ?? '')) && isFirstName(foldName(first)) && looksLikePersonName(chunk)) {
      return { words: chunk, appositive: out.join(' ').replace(/,$/u, '') };
    }
    if (hasName && chunk.length > 0 && (isDeterminer(first) || isRoleWord(first)) && !AFTER_STOP.has(first.toLowerCase())) appositive = chunk.join(' ');
  }
  return { words: out, appositive };
}

/**
 * The rest of a sentence after "said Prescott," when it reads as the rest of a firm's name, a
 * lower-case role and a person's name ending the sentence ("Ball and Turben analyst Bruce Lazier."):
 * those words without their marks, else null.
 */
function firmThenPerson(rest: readonly string[]): string[] | null {
  const ws: string[] = [];
  let closed = false;
  for (const r of rest) {
    if (ws.length >= 12) return null;
    const w = endsInMark(r) ? r.replace(/[,;:.!?)”"]+$/u, '') : r;
    if (!w) return null;
    ws.push(w);
    if (endsInMark(r) && !/,$/u.test(r)) {
      closed = true;
      break;
    }
  }
  if (!closed && ws.length !== rest.length) return null;
  let k = 0;
  // The firm's other words: names, "and"/"&", particles.
  while (k < ws.length && (isNameish(ws[k] ?? '') || isParticle(ws[k] ?? '') || ws[k] === 'and' || ws[k] === '&')) k++;
  if (k === 0) return null;
  const roleFrom = k;
  while (k < ws.length && LOWER_WORD.test(ws[k] ?? '')) k++;
  if (k === roleFrom || !isRoleWord(ws[k - 1] ?? '')) return null;
  const name = ws.slice(k);
  if (name.length < 2 || name.length > 3 || !isFirstName(foldName(name[0] ?? '')) || !looksLikePersonName(name)) return null;
  return ws;
}

export type Mention =
  | { kind: 'pronoun'; pronoun: string }
  | { kind: 'name'; name: string[]; title: string[]; role: string | null; personalTitle: boolean }
  | { kind: 'group'; text: string; role: string | null };

const PERSONAL_TITLES = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|sen|rep|gov|mayor|premier|president|minister|judge|justice|coach|sgt|const|det|insp|capt|lt|gen|col|rev|father|sister|chief|commissioner|councillor|coun|senator|representative|governor|officer|constable|detective)\.?$/iu;

/** A party and state tag after a politician's name: "(D-Conn.)", "R-Ky.,". */
const PARTY_TAG = /^\(?[DRI]-[\p{Lu}][\p{L}.]*\)?[,.;:]*$/u;

// A reading is a function of the phrase alone, and the same phrases ("he", "Volcker", "the
// spokesman") come back around the quotes of an archive: on Reuters two calls in three repeat one
// read before. Callers only read the mention they get (shared between them, never changed). Bounded:
// forgotten all at once when full.
const READINGS_KEPT = 50_000;
const readings = new Map<string, Mention | null>();

/** Reads a speaker phrase: a pronoun, a person's name (with title and role), or a group/description. */
export function readMention(p: Phrase): Mention | null {
  const key = phraseKey(p);
  let m = readings.get(key);
  if (m === undefined) {
    m = readMentionOnce(p);
    if (readings.size >= READINGS_KEPT) readings.clear();
    readings.set(key, m);
  }
  return m;
}

/**
 * A phrase's appositive and words as one string, each prefixed by its length, so that no two
 * different phrases share a key whatever characters their words hold ("a b" as one word or two).
 */
function phraseKey(p: Phrase): string {
  let key = p.appositive === null ? '-' : `+${p.appositive.length}:${p.appositive}`;
  for (const w of p.words) key += `${w.length}:${w}`;
  return key;
}

/** readMention without its memo: what the memo must equal (tests). */
export function readMentionOnce(p: Phrase): Mention | null {
  // "Sen. Chris Murphy (D-Conn.)": a parenthesis or a party tag ends the name.
  // ("Brisk (Asia) Ltd analyst Jo Bloggs": a capitalised word in brackets inside a firm's name does not.)
  const paren = p.words.findIndex((w, i) => i > 0 && ((w.startsWith('(') && !firmBracket(p.words, i)) || PARTY_TAG.test(w)));
  const words = paren > 0 ? p.words.slice(0, paren) : p.words;
  // Pushed, not mapped and filtered: readMention deoptimised ("wrong map") there on Node 20 (see people.ts `foldedWords`).
  const ws: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const c = !endsInMark(w) || BRACKETED_CAPITAL.test(w) ? w : w.replace(/[,;:.!?)”"]+$/u, (m) => (m.startsWith('.') && (isTitleWord(w) || INITIALS.test(w)) ? '.' : ''));
    if (c.length > 0) ws.push(c);
  }
  if (ws.length === 0) return null;
  if (ws.length === 1 && isPronoun(bare(ws[0] ?? ''))) return { kind: 'pronoun', pronoun: bare(ws[0] ?? '').toLowerCase() };
  // "Another said": no name, an unnamed speaker like the one before (attribute.ts reads whose "another" it is).
  if (ws.length === 1 && /^another$/iu.test(ws[0] ?? '')) return { kind: 'group', text: ws[0] ?? '', role: null };
  // The last run of capitalised words that is not the object of a preposition ("officials in Denver").
  let end = ws.length;
  while (end > 0) {
    let start = end;
    while (start > 0) {
      const w = ws[start - 1] ?? '';
      if (isNameish(w) || (isParticle(w) && start < end) || ((w === 'and' || w === '&') && start < end && start > 1 && isNameish(ws[start - 2] ?? ''))) start--;
      else break;
    }
    if (start === end) {
      end--;
      continue;
    }
    // "said Hollis Brent Securities' Hank Sorowa": a person's name after a firm's possessive is the name, the firm its role.
    for (let j = end - 3; j >= start && j >= end - 4; j--) {
      if (!/['’]s?$/u.test(ws[j] ?? '')) continue;
      const rest = ws.slice(j + 1, end);
      if (isFirstName(foldName(rest[0] ?? '')) && looksLikePersonName(rest) && splitTitle(rest).name.length === rest.length) start = j + 1;
      break;
    }
    const before = ws[start - 1];
    const beforeThat = before !== undefined && isDeterminer(before) ? ws[start - 2] : before;
    if (beforeThat !== undefined && isPreposition(beforeThat)) {
      // "UK Chancellor of the Exchequer Gordon Brown": a person's name closing the phrase after the
      // object of a title's "of" is the speaker, the title before it the role. A place that is also a
      // given name is the object only when a title governs the preposition ("Ambassador to China
      // …"); "wrote to Georgia Mae Corwin" keeps Georgia.
      const governor = ws[(beforeThat === before ? start - 1 : start - 2) - 1];
      const k = end === ws.length ? personSuffix(ws.slice(start, end), governor !== undefined && isRankTitle(governor) ? isPlaceWord : undefined) : -1;
      if (k > 0) {
        const name = ws.slice(start + k, end);
        return { kind: 'name', name: name.map(cleanNameWord), title: [], role: roleOf(ws.slice(0, start + k), NO_WORDS, p.appositive), personalTitle: false };
      }
      // "The British Chambers of Commerce said": an organisation's name, not a person before "of".
      if (before !== undefined && beforeThat.toLowerCase() === 'of' && end === ws.length && isOrgBeforeOf(ws, ws.indexOf(beforeThat, Math.max(0, start - 2)))) {
        return { kind: 'group', text: ws.filter((w, j) => j > 0 || !isDeterminer(w)).join(' '), role: p.appositive };
      }
      end = start - 1;
      continue;
    }
    const run = withoutPostNominal(ws.slice(start, end));
    // Words after the name up to a preposition: "the laid-back Cambridge resident" is a description.
    const trailing: string[] = [];
    for (const w of ws.slice(end)) {
      if (isPreposition(w)) break;
      trailing.push(w);
    }
    const lead = ws.slice(0, start).filter((w) => !isDeterminer(w) || ws.indexOf(w) > 0);
    const conjuncts = splitConjuncts(run);
    if (conjuncts.length > 1 && conjuncts.every((c) => splitTitle(c).name.length >= 2)) {
      const names = conjuncts.map((c) => splitTitle(c).name.map(cleanNameWord));
      // Joined by a loop, not flatMap, whose arrays are of another element kind (holey) than every other name's.
      const joined: string[] = [];
      names.forEach((n, k) => {
        if (k > 0) joined.push('and');
        for (const w of n) joined.push(w);
      });
      return { kind: 'name', name: joined, title: [], role: roleOf(lead, NO_WORDS, p.appositive), personalTitle: false };
    }
    const split = calendarSurname(run, ws[start - 1]) ?? splitTitle(run);
    let { title } = split;
    // "Goalkeeper Marek Dvorsky kept …": the capitalised role opening the sentence is the role (as in the name scan, people.ts).
    const roles = title.length === 0 ? roleWordsOpening(split.name) : 0;
    let name = split.name.slice(roles);
    for (const r of split.name.slice(0, roles)) lead.push(r.toLowerCase());
    // "EPA Administrator Lee Tomlin": after a title, a role noun before a full name is the title's too.
    if (title.length > 0 && name.length >= 3) {
      const roleNouns = roleWordsOpening(name);
      if (roleNouns > 0 && name.length - roleNouns >= 2) {
        title = [...title, ...name.slice(0, roleNouns)];
        name = name.slice(roleNouns);
      }
    }
    // "Defiant Jo Bloggs says", "Swede Jo Bloggs said": a capitalised word glued before a known
    // first name and a surname is no part of the name (as in the name scan, people.ts).
    const glued = gluedBeforeName(name);
    if (glued > 0) name = name.slice(glued);
    // "Somehow, the family …": a sentence adverb with a capital names no one.
    if (name.length === 1 && isNonNameStarter(name[0] ?? '') && !isPronoun(bare(name[0] ?? ''))) {
      end = start - 1;
      continue;
    }
    // "the American said": a nationality alone describes a person, it does not name one; so does
    // a nationality noun after a determiner or a modifier ("the 55-year-old Dutchman", "the Swede"),
    // but not after a personal title, where it is a surname ("senator Pole", "coach Finn").
    if (name.length === 0 || (name.length === 1 && (isDemonym(name[0] ?? '') || (isNationalityNoun(name[0] ?? '') && start > 0 && !PERSONAL_TITLES.test(bare(ws[start - 1] ?? ''))))) || trailing.some((w) => isRoleWord(w) || isNameish(w)) || namedModifier(ws[start - 1], trailing)) {
      return { kind: 'group', text: ws.join(' '), role: null };
    }
    return {
      kind: 'name',
      name: name.map(cleanNameWord),
      title,
      role: roleOf(lead, title, p.appositive),
      personalTitle: title.some((t) => PERSONAL_TITLES.test(bare(t))),
    };
  }
  if (ws.length === 1 && isNonNameStarter(ws[0] ?? '')) return null;
  return { kind: 'group', text: ws.join(' '), role: p.appositive };
}

const BRACKETED_CAPITAL = /^\(\p{Lu}[\p{L}.&-]*\)$/u;
/** `ws[i]` is one capitalised word in brackets between capitalised words: part of a firm's name ("Brisk (Asia) Ltd"). */
function firmBracket(ws: readonly string[], i: number): boolean {
  return BRACKETED_CAPITAL.test(ws[i] ?? '') && isNameish(ws[i - 1] ?? '') && isNameish(ws[i + 1] ?? '');
}

/** Titles written before a surname alone ("President Grant", "Chancellor Lawson"). */
const SURNAME_TITLE = new RegExp(`${PERSONAL_TITLES.source}|^chancellor$`, 'iu');

/**
 * "coach Neil Friday": after a lower-case role, a first name and a day or month is a person's
 * name, not a name and a date (a day ends most runs as an organisation word: "Reuters Monday").
 */
function calendarSurname(run: readonly string[], before: string | undefined): NameParts | null {
  if (run.length < 2 || !isCapitalisedDayOrMonth(run[run.length - 1] ?? '')) return null;
  const { title, name } = splitTitle(run.slice(0, -1));
  // Not after a title that goes before a surname alone: "said President Grant Monday", "Mr. Grant
  // Thursday" date the saying. After an office ("Labour MSP Christine May") a full name follows.
  // (A one-word surname that is also a given name after a lower-case role, "trade minister Lee
  // Friday", is read as a name too: accepted, it is rare.)
  if (name.length !== 1 || !isFirstName(foldName(name[0] ?? '')) || title.some((t) => SURNAME_TITLE.test(bare(t)))) return null;
  if (title.length === 0 && !(before !== undefined && isRoleWord(before))) return null;
  return { title, name: [...name, run[run.length - 1] ?? ''] };
}

/**
 * "the Waterford man", "the Arsenal boss": a determiner, capitalised words and a lower-case noun is
 * a description the name only qualifies (a place, a club), whatever the noun ("man" and "boss" are
 * no role words).
 */
function namedModifier(before: string | undefined, trailing: readonly string[]): boolean {
  return before !== undefined && /^(?:the|a|an)$/iu.test(before) && trailing.length > 0 && trailing.length <= 2 && trailing.every((w) => LOWER_LETTERS_ONLY.test(w) && !/ly$/u.test(w) && !isStopWord(w));
}

/** The capitalised words opening the phrase before the "of" at `of` name an organisation, not a person: after "the", or with an organisation word. */
function isOrgBeforeOf(ws: readonly string[], of: number): boolean {
  let s = of;
  while (s > 0 && isNameish(ws[s - 1] ?? '') && !isDeterminer(ws[s - 1] ?? '')) s--;
  const left = ws.slice(s, of);
  if (left.length === 0 || s > 1 || (s === 1 && !isDeterminer(ws[0] ?? ''))) return false;
  // "Senate Democratic Leader Robert Byrd of West Virginia": a person's name ending the run is the
  // person "of" a place or firm, whatever organisation word the title before it holds.
  if (personSuffix(left) > 0) return false;
  // "The British Chambers of Commerce", "Bank of Japan"; not "Kazuhiro Takahashi of Daiwa".
  return (s === 1 && !isFirstName(foldName(left[0] ?? ''))) || left.some((w) => isOrgWord(w));
}

/** The capitalised words ending `out` are a person's name ("Herbert Hansen", "Dr Jo Marsh"), not a title ("UK Chancellor"). */
function endsInPersonName(out: readonly string[]): boolean {
  let s = out.length;
  while (s > 0 && isNameish(out[s - 1] ?? '')) s--;
  const run = out.slice(s);
  const { name } = splitTitle(run);
  // ("House Speaker Jim Wright of Texas": a title glued before the name does not hide it.)
  return (name.length >= 2 && isFirstName(foldName(name[0] ?? ''))) || personSuffix(run) > 0;
}

function splitConjuncts(run: readonly string[]): string[][] {
  const out: string[][] = [[]];
  for (const w of run) {
    if (w === 'and' || w === '&') out.push([]);
    else out[out.length - 1]?.push(w);
  }
  return out.filter((c) => c.length > 0);
}

/** Possessive and stray marks off a name word: "Fuertas’" → "Fuertas". */
// Shared /g expressions: only for replace, match and matchAll (which reset or copy lastIndex), never test or exec.
const NON_NAME_ENDS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu;
const cleanNameWord = (w: string): string => displayCase(w.replace(/['’]s?$/u, '').replace(NON_NAME_ENDS, ''));

// Forms of address are not roles: "Mr", "Sir".
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|sir|dame|lord|lady)\.?$/iu;

function roleOf(lead: readonly string[], title: readonly string[], appositiveIn: string | null): string | null {
  // Pushed, not spread, mapped and filtered: roleOf deoptimised ("wrong map") at the spread on Node 20 (see people.ts `foldedWords`).
  let parts: string[] = [];
  const titled = roleWords(title);
  for (let i = 0; i < lead.length + titled.length; i++) {
    const w = (i < lead.length ? lead[i] : titled[i - lead.length]) ?? '';
    const c = w.replace(/[,;:]$/u, '');
    if (c.length > 0 && !HONORIFIC.test(c)) parts.push(c);
  }
  // A dateline before the subject ("WASHINGTON, March 4 - President Reagan") is not part of the role.
  const dash = Math.max(parts.lastIndexOf('-'), parts.lastIndexOf('—'), parts.lastIndexOf('–'));
  if (dash >= 0) parts = parts.slice(dash + 1);
  while (parts.length > 0 && isDeterminer(parts[0] ?? '')) parts.shift();
  let role = parts.join(' ').trim();
  let appositive = appositiveIn;
  // "fighting to regain public confidence": a participle clause describes what someone does.
  // "in a brief announcement": a prepositional phrase says where or when, not who.
  // "first appointed to the Fed post by President Jimmy Carter in 1979": a clause, not a role.
  if (appositive && (appositive.split(/\s+/u).length > 10 || OPENS_WITH_PARTICIPLE.test(appositive))) appositive = null;
  if (appositive && (OPENS_WITH_GERUND.test(appositive) || ONE_CAPITALISED_WORD.test(appositive) || /^(?:in|on|at|during|after|before|since|with|for|from|by|to|as|when|while|later|earlier)\b/iu.test(appositive))) appositive = null;
  if (appositive) {
    const a = appositive.replace(/^(?:a|an|the)\s+/iu, '').trim();
    role = role ? `${role}, ${a}` : a;
  }
  return role || null;
}

export const isOrgPhrase = (ws: readonly string[]): boolean => ws.some((w) => isOrgWord(w));

// "…,” the agency quoted Mr Kell as saying", "The firm quoted its chairman, Ana Roe, as saying": the
// one quoted speaks, not the one quoting (the verb's object before "as saying"). At most eight
// words: a longer stretch is no object. A word may hold inner stops ("3.5") or be an abbreviation
// ending in one ("Mr.", "U.S."), so US-style titles and places do not end the object.
const QUOTED_AS_SAYING = /^\s+((?:(?:[^\s,.;:!?"“”]+(?:\.[^\s,.;:!?"“”]+)*|(?:\p{Lu}\p{Ll}{0,3}\.)+),?\s+){1,8}?)as\s+(?:saying|having\s+said|telling)\b/u;
const QUOTED_DOCUMENT = /(?:^|\s)(?:statements?|reports?|study|survey|letter|communiques?|documents?|plans?|editorials?|articles?|bulletins?|releases?)(?:\s|$)/u;
const QUOTING_VERBS = new Set(['quoted', 'quotes', 'quote', 'quoting', 'cited', 'cites', 'cite', 'citing', 'reported', 'reports', 'reporting']);

/** The object of "quoted/cited OBJECT as saying" in `afterVerb` (the text after the verb `verb`), where it starts there; null for any other shape. */
export function quotedAsSaying(verb: string, afterVerb: string): { text: string; offset: number } | null {
  if (!QUOTING_VERBS.has(verb)) return null;
  const m = QUOTED_AS_SAYING.exec(afterVerb);
  // ("He was quoted by the agency as saying": a passive's agent is who quoted, not who spoke.)
  if (!m?.[1] || /^(?:by|in|on|from)\s/u.test(m[1])) return null;
  return { text: m[1].trim().replace(/,$/u, ''), offset: m[0].indexOf(m[1]) };
}

/** The speaker phrase of "quoted/cited OBJECT as saying" (`afterVerb` follows the verb `verb`): the object read as a subject ("him" as "he"), where it starts; null for any other shape. */
export function quotedObjectPhrase(verb: string, afterVerb: string): { phrase: Phrase; offset: number } | null {
  const object = quotedAsSaying(verb, afterVerb);
  if (!object) return null;
  const pronoun = /^(?:him|her|them)$/iu.exec(object.text)?.[0].toLowerCase();
  // A document quoted ("quoted a joint statement by the army as saying") speaks as before.
  if (QUOTED_DOCUMENT.test(object.text)) return null;
  // The whole object when it is one phrase ("senior Lundian officials", "the head of the press
  // office"); "a Lundian fisherman, Arne Kvist": the name, the description its role.
  const parts = object.text.split(/\s*,\s*/u);
  const named = parts.length === 2 && isNameish(parts[1]?.split(/\s+/u)[0] ?? '') && !isNameish(parts[0]?.split(/\s+/u)[0] ?? '') ? parts[1] : undefined;
  const whole = parts.length === 1 && allVerbs(object.text).length === 0;
  const phrase = pronoun
    ? { words: [pronoun === 'him' ? 'he' : pronoun === 'her' ? 'she' : 'they'], appositive: null }
    : named
      ? { words: named.split(/\s+/u), appositive: parts[0] ?? null }
      : whole
        ? { words: object.text.split(/\s+/u), appositive: null }
        : subjectAfter(object.text);
  // Someone: a pronoun, a name or a role ("one trader"); "quoted its five-year plan as saying" is a
  // document's words, read as before.
  const someone = pronoun || phrase?.words.some((w, i) => (i > 0 || !isDeterminer(w)) && (isNameish(w) || isRoleWord(bare(w).toLowerCase())));
  return phrase && someone ? { phrase, offset: object.offset } : null;
}

// Nouns of nationality ("Frenchman", "Swede"): a person described, never named. The "-man" and
// "-woman" forms are read by shape; the others are listed.
const NATIONALITY_NOUNS = new Set(['briton', 'brit', 'swede', 'dane', 'finn', 'pole', 'scot', 'spaniard', 'turk', 'serb', 'croat', 'slovak', 'czech', 'kiwi', 'aussie', 'yank', 'argentine', 'icelander', 'luxembourger', 'dutchman']);
const NATIONALITY_MAN = /^(?:French|English|Scots|Welsh|Irish|Dutch|Cornish|Manx)(?:man|woman|men|women)$/u;
function isNationalityNoun(w: string): boolean {
  const b = bare(w);
  return NATIONALITY_MAN.test(b) || NATIONALITY_NOUNS.has(b.toLowerCase());
}

/** "the 55-year-old Dutchman": the age a description gives, or null. */
export function describedAge(description: string): number | null {
  const m = /(?:^|\s)(\d{1,3})-year-old\s/u.exec(description);
  return m ? Number(m[1]) : null;
}

// One expression per age (ages have at most three digits), built on first use.
const AGE_EXPRESSIONS = new Map<number, RegExp>();
function ageExpression(age: number): RegExp {
  let re = AGE_EXPRESSIONS.get(age);
  if (!re) {
    // Matches start only at a word's start: a capital inside a long word is no start to backtrack from.
    re = new RegExp(String.raw`(?:(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{L}'’-]+),?\s+\(?${age}\)?[,)]|(?<![\p{L}\p{N}'’-])${age}-year-old\s+(?:[\p{Ll}-]+\s+){0,3}(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}(\p{Lu}[\p{L}'’-]+))`, 'gu');
    AGE_EXPRESSIONS.set(age, re);
  }
  return re;
}

/**
 * The surname of the last person `text` gives the age `age` ("Pieter Halse, 55,", "Halse (55)",
 * "55-year-old Pieter Halse"): whom "the 55-year-old Dutchman" describes. Read over at most the
 * last `reach` characters; `skip` (the description's own head, "Dutchman") is no such person.
 */
export function namedWithAge(text: string, age: number, skip = '', reach = 6000): string | null {
  const t = text.length > reach ? text.slice(text.length - reach) : text;
  let last: string | null = null;
  for (const m of t.matchAll(ageExpression(age))) {
    const name = m[1] ?? m[2];
    if (name && name !== skip) last = name;
  }
  return last;
}
