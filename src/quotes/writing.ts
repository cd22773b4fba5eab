// Written text quoted as such: the words on a poster, a banner or a sign, a headline, a slogan, the
// wording of a rule or a contract ("a banner reading “…”", "under the headline “…”", "Article 2 of
// the accord states that “…”"). Such words are no one's speech: they speak for whoever the text
// says issued them ("the Greenway Party's new slogan reads: “…”" → the party), else for the writing itself as a
// description ("the poster"), never for the person the writing shows or concerns, whom the
// ranker would otherwise find near by.
import { isNonNameStarter } from './names.js';

/** Things whose words are written, not spoken: their text, when quoted, is theirs. */
const SIGN_NOUN = String.raw`(?:posters?|banners?|placards?|signs?|signboards?|billboards?|slogans?|headlines?|mottos?|captions?|inscriptions?|graffiti|t-shirts?|shirts?|stickers?|plaques?|blackboards?|whiteboards?|leaflets?|flyers?|badges?|tattoos?)`;
/** Things worn: their words are "read" or "borne", never "said" (a man in a red shirt said …). */
const WORN = /^(?:t-shirts?|shirts?|stickers?|badges?|tattoos?)$/iu;
/**
 * A cheap first test: no noun of writing anywhere near the mark, no expression to run. Anchored at
 * word starts, and the short nouns whole ("bills" but not "billion", "law" but not "lawyer"), so it
 * rejects most quotes; every noun the expressions below read starts a word.
 */
const ANY_NOUN = /\b(?:poster|banner|placard|sign|billboard|slogan|headline|motto|caption|inscri|graffiti|t-shirt|shirt|sticker|plaque|blackboard|whiteboard|leaflet|flyer|badge|tattoo|rules?\b|laws?\b|bylaws?\b|clause|agreement|contract|treat(?:y|ies)\b|constitution|charter|regulation|guideline|accord\b|pacts?\b|wording|motion|resolution|bills?\b|statute|provision)/iu;
/** "residents near the sign said", "fans with banners said": a noun governed by a preposition is no subject of the verb. */
const GOVERNED = /(?:^|\s)(?:in|with|near|on|at|by|from|behind|beside|under|of|for|about|against|over|around|like)\s+$/iu;
/** Texts whose wording binds (a rule, a law, a contract): quoted only by what they state. */
const RULE_NOUN = String.raw`(?:rules?|laws?|clauses?|agreements?|contracts?|treaty|treaties|constitution|charter|regulations?|guidelines?|accord|pact|wording|motions?|resolutions?|bills?|bylaws?|statutes?|provisions?)`;
/** The verb by which writing "says" its words: a participle or the present right after its noun ("a banner reading"), or a relative clause ("which read"). */
const SIGN_VERB = String.raw`(?:\s+(?:also\s+|simply\s+|just\s+|still\s+)?(?:reading|reads|read|saying|says|said|stating|states|declaring|declares|proclaiming|proclaims|bearing|bears|bore)|,?\s+(?:which|that)\s+(?:reads|read|says|said|states|stated|declares|declared|proclaimed|proclaims))`;
/** A rule's wording is what it states, not what it "said" (a past "said" is an issuer's statement). */
const RULE_VERB = String.raw`(?:states?|stipulates?|provides?|reads?|says?|specifies|specify|stated|stipulated|provided)(?:\s+that)?`;
/** The determiner or possessive before the writing's noun (group 1), then a few modifiers. */
const DET = String.raw`(\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,4}['’]s?|[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:(?!(?:a|an|the|under|with|on|in|of|for|at|by|from|beneath|and|or)\s)[\p{L}\d'’-]+\s+){0,3}?`;
/** "a banner reading", "the party's slogan, which reads", "placards saying", ending the text before a quote. */
const SIGN_READING = new RegExp(String.raw`(?<![\p{L}'’-])(?:${DET})?(${SIGN_NOUN})${SIGN_VERB}(?:\s+the\s+words)?\s*[:,]?\s*$`, 'u');
/** "the rule states that", "Article 3 of the accord provides:" (the rule's own noun, not the article's number). */
const RULE_READING = new RegExp(String.raw`(?<![\p{L}'’-])${DET}(${RULE_NOUN})(?:\s+(?:\p{Lu}[\p{L}\d.]*|\d+[\p{L}.]*))?\s+${RULE_VERB}\s*[:,]?\s*$`, 'u');
/** "under the headline", "with the slogan", "on a placard": the quote is the writing itself. */
const UNDER_SIGN = new RegExp(String.raw`\b(?:under|with|beneath|on)\s+${DET}(${SIGN_NOUN})\s*[:,]?\s*$`, 'u');
/** "The leaflet pictures Ms Vaine on a bicycle, declaring:" — a sentence whose subject is the writing. */
const SIGN_SUBJECT = new RegExp(String.raw`^\s*${DET}(${SIGN_NOUN})\s+(?:shows?|showed|depicts?|depicted|features?|featured|pictures?|pictured)\s+[^;:"“”]{0,160}?,?\s+(?:saying|declaring|proclaiming)\s*[:,]?\s*$`, 'u');
/** "The Greenway Party's motto is:", "the headline was": a slogan's or a headline's words named by a copula. */
const NAMED_AS = new RegExp(String.raw`(?<![\p{L}'’-])${DET}(slogans?|mottos?|headlines?|captions?|inscriptions?)\s+(?:is|was|will\s+be|would\s+be|became|has\s+been)\s*[:,]?\s*$`, 'u');
/** "Henry added the caption which reads", "they will hold banners proclaiming": the one who wrote or carries the writing is named as its author; the ranker decides. */
const AUTHOR_VERB = /\b(?:add|adds|added|write|writes|wrote|written|post|posts|posted|tweet|tweets|tweeted|put|puts|hold|holds|held|holding|carry|carries|carried|carrying|wave|waves|waved|waving|wear|wears|wore|wearing|display|displays|displayed|displaying|unveil|unveils|unveiled|launch|launches|launched|paint|painted|sign|signs|signed|drew|scrawled|penned|send|sends|sent|issue|issues|issued)\s+$/u;
/** How much of the text before a quote is read: the cue stands right before the mark. */
const REACH = 240;
const POSSESSIVE = /^(\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,4})['’]s?$/u;
const DEFINITE = /^(?:its|their|his|her|this|that|these|those|the)$/iu;
/** A time, not an issuer: "Yesterday's headline", "Monday's poster". */
const TIME_WORD = /^(?:yesterday|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter)$/iu;

export interface WrittenSource {
  /** The issuer the text names for the writing ("Greenway Party" of "The Greenway Party's slogan"), if any, without an honorific. */
  issuer: string | null;
  /** The issuer's possessive as written ("Prime Minister Tony Brant's"): where to look for the article's person. */
  owner: { at: number; length: number; plural: boolean } | null;
  /** Where the writing's noun phrase starts in the text read (the quote's lead-in). */
  at: number;
  /** The writing as a description: "the poster", "a banner", "the agreement" (with an issuer: what speaks when the article does not know it). */
  writing: string;
}

/**
 * Whether the quote opening after `pre` (the text of its sentence before the mark) is a piece of
 * writing's words, and whose: `null` for speech. A possessive name before the writing's noun is
 * its issuer; a pronoun owner ("its slogan") or none leaves the writing itself as the speaker.
 */
export function writtenSource(pre: string): WrittenSource | null {
  const text = pre.length > REACH ? pre.slice(pre.length - REACH) : pre;
  if (!ANY_NOUN.test(text)) return null;
  let m = SIGN_READING.exec(text);
  // "A man in the red shirt said", "fans with banners said": people speaking (a worn or governed noun never "says";
  // "with a blackboard reading" still reads).
  if (m && /\b(?:said|says)\b/u.test(m[0]) && (GOVERNED.test(text.slice(0, m.index)) || WORN.test(m[2] ?? ''))) m = null;
  let named = false;
  if (!m) {
    m = UNDER_SIGN.exec(text) ?? RULE_READING.exec(text);
    if (!m) {
      m = NAMED_AS.exec(text);
      named = m !== null;
    }
    m ??= pre.length <= REACH ? SIGN_SUBJECT.exec(text) : null;
  }
  if (!m || AUTHOR_VERB.test(text.slice(Math.max(0, m.index - 20), m.index))) return null;
  // "Her motto is: “…”": a person's own motto or slogan is that person's saying; the ranker decides.
  if (named && /^(?:his|her)$/iu.test((m[1] ?? '').trim())) return null;
  const at = pre.length - text.length + m.index;
  const det = (m[1] ?? '').trim();
  const noun = (m[2] ?? '').toLowerCase();
  const owner = POSSESSIVE.exec(det);
  // ("The Greenway Party's slogan": the party, without the sentence's article; "Mr Vaine's poster": Vaine.)
  const issuer = owner?.[1]?.replace(/^(?:The|Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+/u, '');
  // A day or a word that opens no name ("Yesterday's headline") is no issuer: the writing itself speaks.
  const first = issuer?.split(/\s+/u)[0] ?? '';
  if (issuer && !TIME_WORD.test(first) && !isNonNameStarter(first)) {
    const ownerAt = at + (m[0].indexOf(m[1] ?? '') >= 0 ? m[0].indexOf(m[1] ?? '') : 0);
    return { issuer, owner: { at: ownerAt, length: det.length, plural: !/['’]s$/u.test(det) }, at, writing: `the ${noun}` };
  }
  return { issuer: null, owner: null, at, writing: `${det === '' || DEFINITE.test(det) || issuer ? 'the' : det.toLowerCase()} ${noun}` };
}
