// Gives each quote of an article its speaker and role, in order of evidence: a speech verb next to
// the quote, the speaker of the same or previous paragraph, pronouns to the latest fitting person,
// short names to the full name used in the article.
//
// Candidates and features: each quote's candidate speakers are rows of one slab of numbers (a
// `FeatureVector` per candidate, indexed in the FEATURES order of ranker.ts), scored as a dot
// product with the weights. To add a feature: append its name to FEATURES in ranker.ts (with a
// comment), then set it where the evidence is, by name — `raise(c.x, F.my_feature, value)` (a
// feature keeps the largest value any evidence gives it) or `setFeature(c.x, F.my_feature, value)`;
// a reading can carry its own with `extra: { my_feature: 1 }`. Nothing else lists features.

import { anotherOf, echoEnd, echoesIndefinite, ECHO_REACH, isLoneAnother, TURN_PARAGRAPHS, TurnLog } from './turn-features.js';
import { definiteHead, isIndefinitePerson, NON_PERSON_HEADS, onePersonDescribed } from './description.js';
import { definiteSpokes, describedSpokesperson, SPOKES_REACH } from './spokesperson.js';
import { describedChain } from './described-chain.js';
import { writtenSource } from './writing.js';
import { ISSUED_DOCUMENTS, isNamelike, leadOrganisation, type LeadOrg } from './org-lead.js';
import { describedMention, describedOverInner, describedSlotAfter, onlyByPronoun } from './unnamed-features.js';
import { ORG_REFERENCE_REACH, documentIssuer, fitsAnotherKind, fullestOrgName, isBareDescription, isRegionOfKind, nameInDescription, lastDescriptionSubject, narrationOnly, orgDescription, orgReferent, organisationNames, type OrgName } from './org-reference.js';
import { CONTEXT, extractWithContext, sentenceEndAfter, sentenceStartOf, sentenceStarts, type QuoteContext, type QuoteSpan } from './extract.js';
import { DOCUMENT_NOUNS, GROUP_NOUNS, PARTICLES, bare, foldName, genderOfWords, isDemonym, isNonNameStarter, isPronoun } from './names.js';
import { firstNameGender, isFirstName } from './first-names.js';
import { DATELINE, People, lastMentionBefore, mayOpenWithDateline, paragraphBases, type Person, type PersonMention } from './people.js';
import type { Gender } from './names.js';
import { describedAge, isOrgPhrase, isRoleWord, namedWithAge, NOT_AFTER_ABBREVIATION, POSSESSIVE_END, quotedObjectPhrase, readMention, subjectAfter, subjectBefore, type Mention, type Phrase } from './phrase.js';
import type { KindWeights } from './quote-kind.js';
import { DEFAULT_WEIGHTS, FEATURE_COUNT, FEATURE_INDEX, scoreVector, vectorOf, weightVector, type Feature, type FeatureVector, type Features, type SpeakerWeights } from './ranker.js';
import { lastAtOrBefore } from './sorted.js';
import { thingSigns, type ThingSigns } from './thing-names.js';
import { countNonBlankRuns, isAsciiLetter, isSpaceCode } from './chars.js';
import { allVerbs, findVerb, hasSpeechVerb } from './verbs.js';
import { isPlaceName } from '../search/places.js';
import { memoByWord } from '../text/memo.js';

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const BY_AND_OWNER = /^\s*by\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:(?:[\p{L}-]+\s+){0,3}[\p{L}-]+['’]s?\s+)?/u;
const ENDS_IN_GERUND_CLAUSE = /,\s*\p{Ll}+ing[\s,:]*$/u;
const ENDS_IN_NON_LETTER = /[^\p{L}]$/u;
const HAS_UPPER = /\p{Lu}/u;
const LAST_HYPHENATED_WORD = /([\p{L}-]+)$/u;
const LOWER_OR_HYPHEN_ONLY = /^[\p{Ll}-]+$/u;
const NAME_POSSESSIVE_NOUN = /^((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.-]*)['’]s?\s+(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+)$/u;
const ONLY_ADVERBS = /^\s*(?:\p{Ll}+ly\s+|then\s+|later\s+|also\s+)*$/u;
const OPENS_LIKE_A_SPEAKER = /^(?:a|an|the|one|some|his|her|their|its|[\p{Lu}\p{Lo}])/u;
const POSSESSIVE_DESCRIPTION = /^(his|her|their|its)\s+(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+)$/u;
const STARTS_BLANK_OR_UPPER = /^[\s\p{Lu}]/u;
const STARTS_CAPITALISED = /^\p{Lu}\p{Ll}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const THE_BEFORE_CAPITAL = /^the\s+(?=\p{Lu})/u;
const THE_ORGANISATION_NOUN = /^(?:the|its)\s+(?:[\p{Ll}-]+\s+)?(?:company|firm|agency|utility|ministry|department|government|organization|organisation|group|bank|carrier|airline|retailer|automaker|insurer|club|team|union|party|regulator|council|board|trust|network|broadcaster|newspaper|band|charity|hospital|university|school|court|police)$/u;
const THE_SPOKESPERSON = /^the\s+(?:[\p{Ll}-]+\s+)?spokes(?:man|woman|person)$/u;
/** How much narration after a person's name may hold that person's speech verb (one sentence at most). */
const SPEAKER_CLAUSE = 200;
const SENTENCE_STOP = /[.!?](?:\s|$)/u;
/** How many paragraphs before the quote's a he/she's chain of speech verbs may reach, and how many characters. */
const CHAIN_PARAGRAPHS = 2;
const CHAIN_REACH = 2000;
const SPOKES_ROLE = /spokes(man|woman|person)\b/iu;
const TRAILING_ADVERBS = /(?:\s+(?:\p{Ll}+ly|then))+\s*$/u;
// Shared /g expressions: only for replace, match and matchAll (which reset or copy lastIndex), never test or exec.
const CAPITALISED_KEY_WORD = /\p{Lu}[\p{L}-]{3,}/gu;
const NAMED_PAIR = /(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)\s+and\s+(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)/gu;

export interface AttributedQuote extends QuoteSpan {
  /** The full canonical name within the article, a group ("City officials in Denver"), or null. */
  speaker: string | null;
  role: string | null;
}

interface Speaker {
  name: string;
  role: string | null;
  person: Person | null;
}

interface Found {
  span: QuoteSpan;
  ctx: QuoteContext;
  /** Global offset of the opening mark. */
  pos: number;
  speaker: Speaker | null;
}

const MAX_GAP_WORDS = 12;
/**
 * A verb right after a subject ("Moody's said", "Lloyd's has"): a past tense, an auxiliary or a
 * present-tense speech verb that is no plural noun ("Brandt's remarks shook …" is a noun phrase).
 */
const VERB_NEXT = /^\s*(?:also\s+|then\s+)?(?:said|says|told|tells|adds|insists|argues|explains|confirms|has|had|have|is|was|will|would|could|\p{Ll}{3,}ed)\b/u;
/** A quote's text that ends its sentence (a full stop, not the comma before an attribution): read from its end, not matched along it. */
function closesSentence(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0 && isSpaceCode(text.charCodeAt(k))) k--;
  const c = text.charCodeAt(k);
  return c === 46 || c === 33 || c === 63;
}
/** Words as /\S+/g counts them, without making them (tailPhrase and prePhrase count around every quote). */
const wordCount = countNonBlankRuns;

const LONE_ANOTHER = /^\s*(another)\s*$/iu;
const LONE_ANOTHER_AFTER = /^\s*(another)\s*(?:[.,;]|$)/iu;

/** The speaker phrase of the attribution after a quote (`,” X said` / `,” said X`). */
function tailPhrase(tail: string, closed = false): { phrase: Phrase; offset: number } | null {
  // A doubled-apostrophe close (“…,’’ says X”) may leave its second mark in the tail.
  const lead = /^[\s,;:—–’'-]*/u.exec(tail)?.[0].length ?? 0;
  const t = tail.slice(lead);
  const v = findVerb(t, 'tail');
  if (!v) return null;
  // "…,” the agency quoted Mr Kell as saying": the one quoted speaks (phrase.ts).
  const quotedObject = quotedObjectPhrase(v.word, t.slice(v.end));
  if (quotedObject) return { phrase: quotedObject.phrase, offset: lead + v.end + quotedObject.offset };
  const before = t.slice(0, v.start);
  // `,” another said` / `,” said another.`: no name, another of the last unnamed kind (readMention's
  // group "another"); the subject scans read no lone lower-case word.
  const lone = LONE_ANOTHER.exec(before);
  if (lone) return { phrase: { words: [lone[1] ?? ''], appositive: null }, offset: lead + before.search(/\S/u) };
  if (ONLY_ADVERBS.test(before)) {
    if (TOLD.has(v.word)) return null;
    const inverted = LONE_ANOTHER_AFTER.exec(t.slice(v.end));
    if (inverted) return { phrase: { words: [inverted[1] ?? ''], appositive: null }, offset: lead + v.end };
    const phrase = subjectAfter(t.slice(v.end).replace(/^\s+(?:out|to)\b/u, '')) ?? describedSlotAfter(t.slice(v.end));
    return phrase ? { phrase, offset: lead + v.end } : null;
  }
  if (wordCount(before) > 16) return null;
  const phrase = describedOverInner(before, subjectBefore(before, v.word) ?? describedSubject(before));
  if (!phrase) return null;
  // The phrase must be the start of the tail: `,” the minister told reporters`, not `,” and then after a pause the minister said`.
  const first = phrase.words[0] ?? '';
  const at = before.indexOf(first);
  // After a quote that ends its sentence ("… inflation. “What employers are saying …"), only a
  // phrase opening the next sentence can attribute it: a noun inside that sentence is no speaker.
  if (wordCount(before.slice(0, Math.max(0, at))) > (closed ? 0 : 3)) return null;
  return { phrase, offset: lead + Math.max(0, at) };
}

// `,” one dealer for a Swiss bank said`: the whole clause between the closing mark and the verb,
// a determiner, at most three words to a role noun, and its complement ("for a Swiss bank", "in
// Chicago"). The subject scan reads back from the verb and stops at a complement whose head is no
// role ("bank"), so the quote's own attribution was lost to a candidate elsewhere.
const DESCRIBED_SUBJECT = /^(?:[Aa]n?|[Oo]ne|[Tt]he|[Aa]nother)\s+(?:[\p{L}.-]+\s+){0,3}?([\p{Ll}-]+)\s+(?:for|at|with|from|in|of|on)\s+[^,;:!?"“”]{1,60}?\s*$/u;
function describedSubject(before: string): Phrase | null {
  const t = before.trim();
  const m = DESCRIBED_SUBJECT.exec(t);
  if (!m?.[1] || !isRoleWord(m[1]) || allVerbs(t).length > 0) return null;
  return { words: t.split(/\s+/u), appositive: null };
}

// Where a sentence may open in the text before a verb: its start, or after a full stop ("U.S." too:
// each opening is tried, from the verb back).
const SENTENCE_OPENING = /(?:^|[.!?]["”’')]*\s+)/gu;
/** `One floor trader at a St. Louis grain exchange said, “…`: a described subject that opens the verb's sentence (read only in the last 120 characters). */
function describedSentenceSubject(before: string): Phrase | null {
  const t = before.slice(-120);
  const opens: number[] = [];
  SENTENCE_OPENING.lastIndex = 0;
  for (let m = SENTENCE_OPENING.exec(t); m; m = SENTENCE_OPENING.exec(t)) {
    opens.push(m.index + m[0].length);
    if (m[0].length === 0) SENTENCE_OPENING.lastIndex++;
  }
  // The whole window is no sentence opening unless it is the whole text.
  for (let k = opens.length - 1; k >= 0; k--) {
    const at = opens[k] ?? 0;
    if (at === 0 && t.length < before.length) continue;
    const phrase = describedSubject(t.slice(at));
    if (phrase) return phrase;
  }
  return null;
}

/** The speaker phrase of an attribution before a quote (`X said: “`, `X said that “`, `according to X, “`). */
function prePhrase(pre: string): { phrase: Phrase; offset: number } | null {
  const verbs = allVerbs(pre);
  for (let k = verbs.length - 1; k >= 0 && k >= verbs.length - 3; k--) {
    const v = verbs[k];
    if (!v) continue;
    const gap = pre.slice(v.end);
    if (k === verbs.length - 1 && wordCount(gap) > MAX_GAP_WORDS) return null;
    // "The agency quoted Mr Kell as saying: “": the one quoted speaks (phrase.ts), read from "quoted".
    const quotedObject = quotedObjectPhrase(v.word, gap);
    if (quotedObject) return { phrase: quotedObject.phrase, offset: v.end + quotedObject.offset };
    if (v.word === 'saying' && /\sas\s*$/u.test(pre.slice(Math.max(0, v.start - 4), v.start)) && k > 0) continue;
    const after = subjectAfter(gap.replace(/^\s+(?:out|to)\b/u, ''));
    // "told the BBC News website:" and "quipped to Colton," name who heard it, not who spoke.
    if (after && !TOLD.has(v.word) && !/^\s+to\b/u.test(gap) && (v.word === 'according to' || STARTS_BLANK_OR_UPPER.test(gap.replace(/^\s+(?:out|to)\b/u, '').trimStart().slice(0, 1)) || /^\s*(?:the|a|an|one|another)\s/iu.test(gap))) {
      const rest = gap.slice(gap.indexOf(after.words[after.words.length - 1] ?? '') + (after.words[after.words.length - 1]?.length ?? 0));
      // "says Kim: “…" — but not "said the subpoenas “…", where the phrase is the object.
      if ((v.word === 'according to' && /^[\s,:]*$/u.test(rest)) || /^\s*[,:—–]\s*$/u.test(rest)) return { phrase: after, offset: v.end };
    }
    const before = pre.slice(Math.max(0, v.start - CONTEXT), v.start);
    // "He voiced his anger on Twitter, writing “…”": a participle after a comma shares the
    // subject of its sentence.
    if (/ing$/u.test(v.word) && /,\s*$/u.test(before)) continue;
    const phrase = describedOverInner(before, subjectBefore(before, v.word) ?? describedSentenceSubject(before));
    if (phrase) return { phrase, offset: Math.max(0, v.start - 1) };
    // "… said they would not comply and said the subpoenas “…”": the subject of the earlier verb.
    // "Said one economist of Brandt's speech, “…”": an inverted verb opens the sentence.
    if (k > 0 && /^\s*$/u.test(pre.slice(0, verbs[0]?.start ?? 1))) continue;
    if (!/(?:^|\s)(?:and|but|or)\s*$/u.test(before.replace(TRAILING_ADVERBS, ''))) return null;
  }
  return null;
}

/** "…, saying (that) Britain would hold a poll “…": a speech participle after a comma reports the rest of its clause, up to the quote. */
const SAYING_THAT = /,\s*(?:saying|adding|insisting|arguing|claiming|warning|noting|explaining|stressing|declaring)\s+[^,;:“”"]{1,120}$/u;
/**
 * A passive verb in the sentence before a quote ("was called “…” by X"): only then is "by X" after
 * the quote its author, not a date, a deadline or a standard ("“…” by Christmas Day").
 */
/** How far back (in characters) the passive verb is looked for: a bounded window keeps the test linear on a hostile sentence. */
const PASSIVE_REACH = 300;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn|t)\b[^.!?]*$/u;
const PLURAL_PRONOUNS = new Set(['they']);
/** How far back (in characters) "the company" may look for the organisation it means. */
const ORG_REACH = 800;
/** How much of a description may follow its head phrase ("… of Club Alvan"), in characters. */
const DESCRIPTION_TAIL = 200;
/** Verbs whose following noun phrase is the listener. */
const TOLD = new Set(['told', 'tell', 'tells', 'telling', 'informed', 'asked', 'asks', 'reminded', 'warned', 'urged', 'assured']);
/** The subject that opens a sentence: a pronoun or a capitalised name, after a connective. */
const SENTENCE_SUBJECT = /^\s*(?:(?:But|And|However|Meanwhile|Still|Then|So|Later|Earlier|Instead),?\s+)?(he|she|they|it|we|He|She|They|It|We|\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|la|le|al|bin))*)(?=[\s,])/u;
/** People a text leaves unnamed on purpose: "the source told the paper" is nobody the article names. */
const UNNAMED_HEADS = new Set(['source', 'insider']);
/** Things that are said to say something on behalf of whoever issued them. */
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The expression a description's key word (its first five letters) is looked for with in roles: made once per word, not at every description. */
const roleKey = memoByWord((prefix: string): RegExp => new RegExp(`\\b${escapeRe(prefix)}`, 'iu'), 10_000);

export interface CandidateView {
  speaker: string | null;
  /** The candidate's features in FEATURES order: the observer's own copy (`featuresOf` names them). */
  vector: FeatureVector;
}

export interface AttributeOptions {
  weights?: SpeakerWeights;
  /** The direct/partial model (quote-kind.ts); the committed one by default. */
  kindWeights?: KindWeights;
  /** Called for every speech quote with its candidates (the chosen one first): what training reads. */
  observe?: (quote: QuoteSpan, candidates: readonly CandidateView[], chosen: number) => void;
  /** The article's quotes as `extractArticle` found them (with the same kind weights), so that they are not found again. */
  extracted?: ArticleQuotes;
}

/** An article's quotes by paragraph, each with the context attribution reads. */
export type ArticleQuotes = ReadonlyArray<ReadonlyArray<{ span: QuoteSpan; ctx: QuoteContext }>>;

/**
 * The quotes of each paragraph of an article (extract.ts), as attributeArticle finds them first;
 * null when the article has none, which leaves nothing to attribute. A caller attributing many
 * articles may find every article's quotes first: the extraction code is then made fast (optimised)
 * in one stretch instead of waiting behind the attribution code's compilation in a cold process.
 */
export function extractArticle(paragraphs: readonly string[], kindWeights?: KindWeights): ArticleQuotes | null {
  let any = false;
  const out = paragraphs.map((p, i) => {
    const quotes = extractWithContext(p, i + 1, kindWeights);
    if (quotes.length > 0) any = true;
    return quotes;
  });
  return any ? out : null;
}

interface Resolved {
  speaker: Speaker;
  via: Feature;
  /** Where a description or group was read: its own nearness to the quote (people get theirs from their mentions). */
  at?: number;
  /** What choosing it teaches the article's state (salience, gender, the last group). */
  commit: () => void;
  /** Features of the reading itself ("the mayor" read as the person whose role is mayor). */
  extra?: Features;
}

interface Candidate {
  speaker: Speaker;
  /** This candidate's row of the table's slab. */
  x: FeatureVector;
  /** What choosing it teaches the article's state (no-op commits are not kept). */
  commits: Array<() => void>;
  /** The quote (the table's count) it is a candidate of, and its key there: a map entry left from an earlier quote is stale. */
  quote: number;
  key: string;
  byPerson: boolean;
}

const NOBODY: Speaker = { name: '', role: null, person: null };

/**
 * The candidate speakers of one quote, in the order first proposed (a tie goes to the earlier):
 * one per person or, for groups and descriptions, per folded name ("the Welsh Assembly
 * Government" and "Welsh Assembly Government" are one). Their feature vectors are rows of one slab,
 * and rows, records and key maps are reused quote after quote (an entry counts only when stamped
 * with the current quote): attributing makes no feature object per candidate.
 */
class CandidateTable {
  private slab = new Float64Array(16 * FEATURE_COUNT);
  private readonly pool: Candidate[] = [];
  private readonly persons = new Map<string, Candidate>();
  private readonly groups = new Map<string, Candidate>();
  private quote = 0;
  /** The most rows any quote of the article used. */
  private used = 0;
  size = 0;

  /** Starts a new quote: no candidates. */
  clear(): void {
    this.quote++;
    this.size = 0;
  }

  /** Ends an article: forgets its keys and drops what the rows point to, so that a spare table holds no article alive. */
  release(): void {
    this.clear();
    this.persons.clear();
    this.groups.clear();
    for (let n = 0; n < this.used; n++) {
      const c = this.pool[n] as Candidate;
      c.speaker = NOBODY;
      c.commits.length = 0;
    }
    this.used = 0;
  }

  at(n: number): Candidate | undefined {
    return n < this.size ? this.pool[n] : undefined;
  }

  /** The candidate for person `p`, if the quote has one. */
  ofPerson(p: Person): Candidate | undefined {
    return this.current(this.persons.get(p.key), p.key, true);
  }

  /** The candidate for `speaker`, added with all features 0 when it is new. */
  of(speaker: Speaker): Candidate {
    const byPerson = speaker.person !== null;
    const key = byPerson ? (speaker.person as Person).key : groupKey(speaker.name);
    const map = byPerson ? this.persons : this.groups;
    const found = this.current(map.get(key), key, byPerson);
    if (found) return found;
    if (this.size === this.pool.length) this.grow();
    const c = this.pool[this.size++] as Candidate;
    if (this.size > this.used) this.used = this.size;
    c.speaker = speaker;
    c.x.fill(0);
    c.commits.length = 0;
    c.quote = this.quote;
    c.key = key;
    c.byPerson = byPerson;
    map.set(key, c);
    return c;
  }

  private current(c: Candidate | undefined, key: string, byPerson: boolean): Candidate | undefined {
    return c !== undefined && c.quote === this.quote && c.key === key && c.byPerson === byPerson ? c : undefined;
  }

  private grow(): void {
    const rows = this.pool.length;
    if ((rows + 1) * FEATURE_COUNT > this.slab.length) {
      const bigger = new Float64Array(this.slab.length * 2);
      bigger.set(this.slab);
      this.slab = bigger;
      this.pool.forEach((c, n) => {
        c.x = bigger.subarray(n * FEATURE_COUNT, (n + 1) * FEATURE_COUNT);
      });
    }
    this.pool.push({ speaker: NOBODY, x: this.slab.subarray(rows * FEATURE_COUNT, (rows + 1) * FEATURE_COUNT), commits: [], quote: -1, key: '', byPerson: false });
  }
}

/** A table free for the next article (attribution is synchronous; a nested call makes its own). */
let spareTable: CandidateTable | null = null;

/**
 * Where each feature sits in a vector, read by name at each call (`F.nearness`): one named read
 * per site, where a shared keyed read of every feature's name is slow in the unoptimised tiers a
 * cold build runs in.
 */
const F = FEATURE_INDEX;

/** Raises feature `j` (`F.name`) of `x` to `v`: a feature keeps the largest value any evidence gives it. */
function raise(x: FeatureVector, j: number, v: number): void {
  if (v > (x[j] ?? 0)) x[j] = v;
}

/** Sets feature `j` (`F.name`) of `x` to `v`. */
function setFeature(x: FeatureVector, j: number, v: number): void {
  x[j] = v;
}

/** Raises every feature a reading or a gender test carries. */
function raiseAll(x: FeatureVector, fs: Features): void {
  for (const name in fs) raise(x, FEATURE_INDEX[name as Feature], fs[name as Feature] ?? 0);
}

const noop = (): void => undefined;
/**
 * A reading that names a person the text knows: a full name, or one named before the quote (not a
 * lone word first met in the attribution, which may be a misspelling of someone named earlier).
 */
function namedPerson(r: Resolved | undefined, at: number): boolean {
  const p = r?.speaker.person;
  return r?.via === 'via_name' && !!p && (p.folded.length >= 2 || p.firstAt < at);
}

/**
 * The narration may still give person `p` a role: `p` has none yet and is named before the quote in
 * the stretch the narration readings reach (`nearby`: the paragraph before and the quote's own).
 */
function roleNearBefore(p: Person | null | undefined, nearby: readonly PersonMention[], at: number): boolean {
  if (!p || p.role !== null) return false;
  for (const m of nearby) if (m.person === p && m.pos < at) return true;
  return false;
}

/** The paragraph before as a quote with a named attribution of its own reads it: not at all. */
const NOTHING_BEFORE: { readonly readings: readonly Resolved[]; readonly subject: Person | undefined } = { readings: [], subject: undefined };
const DEFINITE = /^(?:the|his|her|their|its)\s/iu;
const POSSESSIVE_HEAD = /^(his|her)\s/u;
const THE_START = /^the\s/u;
const INDEFINITE = /^(?:a|an|one|some|several|many|another|other|two|three|four|five)\s/iu;

/** Attributes every quote of an article. Fragments (scare quotes, titles) are returned with a null speaker. */
export function attributeArticle(paragraphs: readonly string[], options: AttributeOptions = {}): AttributedQuote[] {
  const w = weightVector(options.weights ?? DEFAULT_WEIGHTS);
  const bases = paragraphBases(paragraphs);
  const acronyms: { table: Map<string, string> | null } = { table: null };
  const byParagraph: Found[][] = [];
  const quotedRanges: [number, number][] = [];
  const extracted = options.extracted ?? extractArticle(paragraphs, options.kindWeights);
  if (!extracted) return [];
  paragraphs.forEach((_, i) => {
    const found: Found[] = [];
    for (const { span, ctx } of extracted[i] ?? []) {
      found.push({ span, ctx, pos: (bases[i] ?? 0) + span.open, speaker: null });
      if (span.kind !== 'fragment') quotedRanges.push([(bases[i] ?? 0) + span.open, (bases[i] ?? 0) + span.close]);
    }
    byParagraph.push(found);
  });
  if (quotedRanges.length === 0) return [];
  const cands = spareTable ?? new CandidateTable();
  spareTable = null;

  const quoted = makeRangeTest(quotedRanges);
  const marks = markCounter();
  // Names after the last quote cannot be antecedents; don't read them.
  let lastQuoted = 0;
  byParagraph.forEach((f, i) => {
    if (f.some((x) => x.span.kind !== 'fragment')) lastQuoted = i;
  });
  const people = new People(paragraphs.slice(0, lastQuoted + 1), bases, quoted);
  // Built at the first document with no issuer near it: most articles never ask.
  let leadOrg: LeadOrg | null = null;
  const endsInPerson = (name: string): boolean => {
    const f = name.split(/\s+/u).map((w) => foldName(w));
    return f.length >= 2 && (people.persons.has(f.slice(-2).join(' ')) || people.persons.has(f.slice(-3).join(' ')));
  };
  const leadOrgBefore = (pos: number): string | null => (leadOrg ??= leadOrganisation(people.subjectOrgs, endsInPerson))(pos);
  const shapeOf = shapeMemo();
  let lastGroup: Speaker | null = null;
  // The article as one string with the paragraphs' offsets (paragraphBases joins them with two characters).
  let joined: string | null = null;
  // Capitalised "s" words written inside a sentence (names), read once when a quote's speaker is an unnamed "one".
  let namesMidSentence: Set<string> | null = null;
  const textBefore = (pos: number, reach: number): string => (joined ??= paragraphs.join('\n\n')).slice(Math.max(0, pos - reach), pos);
  // The same with every quote blanked: the organisation a description refers to is one the narration names.
  let narration: string | null = null;
  const narrationBefore = (pos: number, reach: number): string => (narration ??= narrationOnly((joined ??= paragraphs.join('\n\n')), quotedRanges)).slice(Math.max(0, pos - reach), pos);
  let lastSpeaker: { speaker: Speaker; paragraph: number } | null = null;
  // Speakers given to written text (writing.ts): no one spoke, so no later quote continues them.
  const writtenBy = new Set<Speaker>();
  // The speaker of the last quote whose own attribution named its speaker, and where: what "He
  // added: “…”" and a pronoun right after it most likely continue.
  let lastAttribution: Attribution | null = null;
  const turns = new TurnLog();
  const turnKey = (s: Speaker): unknown => s.person ?? s.name.toLowerCase();
  /** The speaker of the latest turn `turns` recorded: the one a he/she may continue. */
  let turnHolder: { speaker: Speaker; paragraph: number } | null = null;

  const personSpeaker = (p: Person, role: string | null = null): Speaker => ({ name: p.name, role: role ?? p.role, person: p });
  // A name the text shows to be a person's: a first name from the name lists, a role or title, or a
  // gender the text gave it ("Mr", "she"). (How often it is named is no such sign: "the Top 20 Video
  // Countdown" is named as often as its host.) What a reading that is no attribution of its own needs.
  // Only the text's own gender counts: one that an earlier choice of "he" wrote (`guessGender`)
  // would make the answer depend on the order quotes are read in.
  const guessed = new Set<Person>();
  const guessGender = (p: Person, g: 'm' | 'f'): void => {
    if (p.gender !== null) return;
    p.gender = g;
    guessed.add(p);
  };
  const personLike = (p: Person): boolean => !p.group && (shapeOf(p).firstName || p.role !== null || (p.gender !== null && !guessed.has(p)));
  const thingOf = thingSigns(people, paragraphs, bases);

  /** Every reading of a mention at `pos`, without changing the article's state until one is committed. */
  const resolve = (m: Mention, pos: number): Resolved[] => {
    // "Another said": another of the unnamed speaker who spoke last, never a person called Another (turn-features.ts).
    const lone = m.kind === 'name' ? m.name.join(' ') : m.kind === 'group' ? m.text : '';
    if (lone && isLoneAnother(lone)) {
      const another = anotherOf(lastSpeaker && !lastSpeaker.speaker.person ? lastSpeaker.speaker.name : null);
      return another ? [{ speaker: { name: another, role: null, person: null }, via: 'via_desc_indef', at: pos, commit: noop }] : [];
    }
    if (m.kind === 'pronoun') {
      if (m.pronoun === 'he' || m.pronoun === 'she') {
        const g = m.pronoun === 'he' ? 'm' : 'f';
        return people.rankedBefore(pos, g, 2).map((p, k) => ({
          speaker: personSpeaker(p),
          via: k === 0 ? 'via_pronoun_1' : 'via_pronoun_2',
          commit: () => guessGender(p, g),
        }));
      }
      // A group or organisation read from a pronoun stands where the pronoun does.
      if ((PLURAL_PRONOUNS.has(m.pronoun) || m.pronoun === 'it') && lastGroup) return [{ speaker: lastGroup, via: 'via_group', at: pos, commit: noop }];
      if (PLURAL_PRONOUNS.has(m.pronoun)) {
        const before = textBefore(pos, Math.min(OWNER_REACH, pos - previousParagraphStart(bases, pos)));
        // "Owners Tore Sohlberg and Lehla Abreder said …" then "…," they said: the pair named last.
        const pair = namedPair(before, people);
        if (pair) {
          const s = { name: pair, role: null, person: null };
          return [{ speaker: s, via: 'via_group', at: pos, commit: () => void (lastGroup = s) }];
        }
        // "The companies said they would …" then "They said they would spend …": the plural noun
        // phrase last seen as a speech verb's subject, before any name near it ("Santa Barbara").
        const group = pluralSubjectBefore(before);
        if (group) {
          const s = { name: group, role: null, person: null };
          return [{ speaker: s, via: 'via_group', at: pos, commit: () => void (lastGroup = s) }];
        }
      }
      // "BC Hydro said in a statement …" then "…," it said: the organisation last named as a
      // clause's subject, its own reading (via_it_org) for the model to weigh.
      if (m.pronoun === 'it') {
        let org = people.orgBefore(pos, ORG_REACH);
        // "Brannock Avionics Corp is a subcontractor. The company said … “…,” it said": "it" continues the
        // description spoken of since, resolved as the description would be (org-reference.ts).
        const described = lastDescriptionSubject(narrationBefore(pos, ORG_REACH));
        if (described && Math.max(0, pos - ORG_REACH) + described.at > people.orgPosBefore(pos, ORG_REACH)) org = orgReferent(narrationBefore(pos, ORG_REFERENCE_REACH), described.description, org) ?? org;
        if (org) {
          const s = { name: org, role: null, person: null };
          return [{ speaker: s, via: 'via_it_org', at: pos, commit: () => void (lastGroup = s) }];
        }
      }
      return [];
    }
    if (m.kind === 'name') {
      // "Peru said", "Saudi Arabia said": a gazetteer place is no speaker unless a title makes it a
      // person's name ("Mr Jordan") or a person of the article bears it ("Denzel Washington" … "Washington said").
      if (!m.personalTitle && isPlaceName(m.name) && !(m.name.length === 1 && people.byShortName(foldName(m.name[0] ?? ''), pos))) return [];
      if (m.name.includes('and')) {
        const s = { name: m.name.join(' '), role: m.role, person: null };
        return [{ speaker: s, via: 'via_group', at: pos, commit: () => void (lastGroup = s) }];
      }
      // A surname alone means the bearer the text last spoke of ("Ernie LeBlanc, father of Jason
      // LeBlanc, says …" then "says LeBlanc"), not whoever was introduced last.
      const surname = m.name.length === 1 ? foldName(m.name[0] ?? '') : '';
      // (`personFor` registers a name the scan never listed here, at resolve time, not at commit.)
      const p = (surname ? lastBearer(people, surname, pos) : undefined) ?? people.personFor(m.name, pos);
      return [
        {
          speaker: personSpeaker(p, m.role),
          via: 'via_name',
          // Where the name stands: "says Wise's dad, Darrin" is near its quote even though the
          // text's name scan never listed Darrin.
          at: pos,
          commit: () => {
            p.evidence++;
            if (m.role && !p.role) p.role = m.role;
            people.mention(p, pos);
          },
        },
      ];
    }
    // "BRUSSELS, March 27 - … allies called": a place read as the whole phrase is no speaker.
    if (isPlaceName(m.text.split(/\s+/u))) return [];
    const text = m.text.replace(/^(The|A|An|His|Her|Their|Its|One|Another)\s/u, (w) => w.toLowerCase());
    const out: Resolved[] = [];
    // "her statement said", "his office said": a document or office speaks for its owner; it is
    // no speaker itself.
    const owned = POSSESSIVE_DESCRIPTION.exec(text);
    if (owned && DOCUMENT_NOUNS.has(owned[2] ?? '')) {
      const pronoun = owned[1] === 'his' ? 'he' : owned[1] === 'her' ? 'she' : 'they';
      return resolve({ kind: 'pronoun', pronoun }, pos);
    }
    // "Mr Crosby's statement said", "Chelsea's statement read": the named owner speaks.
    const owner = namedOwner(m.text);
    if (owner) return resolve(owner, pos);
    const docHead = LAST_HYPHENATED_WORD.exec(text)?.[1]?.toLowerCase() ?? '';
    // "the statement said", "added the spokesman": a document or an organisation's voice speaks
    // for an organisation named close by, never for a person ("Bob Malcolm" is no spokesman for
    // the SFA); with no such organisation it stays the description, unnamed.
    const spokes = THE_SPOKESPERSON.test(text);
    const orgVoice = (DOCUMENT_NOUNS.has(docHead) && !HAS_UPPER.test(text)) || spokes;
    const spokesEnding = definiteSpokes(text);
    if (spokesEnding !== null) {
      // "A spokesman for the ministry said …" then "added the spokesman": that described
      // spokesperson again, not the organisation it speaks for; a person named in the role since
      // ("Ministry spokesman Ana Pell") is who is meant; with neither, the description stays itself.
      const reach = Math.min(SPOKES_REACH, pos);
      const described = describedSpokesperson(narrationBefore(pos, reach), spokesEnding);
      const from = described ? pos - reach + described.at : pos - reach;
      const named = namedSpokesperson(from, pos, spokesEnding);
      if (named) return [{ speaker: personSpeaker(named), via: 'via_desc_referent', at: pos, extra: { desc_role_match: 1 }, commit: noop }];
      const s = { name: described ? described.phrase : text, role: null, person: null };
      return [{ speaker: s, via: described ? 'via_desc_indef' : 'via_desc_def', at: pos, commit: noop }];
    }
    if (orgVoice && !spokes) {
      // "A National Audit Office report …" then "the report says": whoever the text said issued it.
      // Else the one that said something in a document of the kind ("the Harlow Institute said in its latest report").
      const owner = documentOwner(textBefore(pos, Math.min(OWNER_REACH, pos - previousParagraphStart(bases, pos))), docHead) ?? documentIssuer(textBefore(pos, ORG_REFERENCE_REACH), docHead);
      if (owner) {
        // A person's name may end the issuer ("Vantor President Raymond Kell said in a statement").
        const folded = owner.split(/\s+/u).map((w) => foldName(w));
        // (Not inside an organisation's name: "Council for Coastal Fisheries".)
        // The tail must open with a first name ("… Power Co" is no person "Power Co").
        const tail = (k: number): string | undefined => (isFirstName(folded[folded.length - k] ?? '') ? folded.slice(-k).join(' ') : undefined);
        const titled = !/\s(?:of|for|and)\s/u.test(owner);
        const t3 = titled ? tail(3) : undefined;
        const t2 = titled ? tail(2) : undefined;
        const p = people.persons.get(folded.join(' ')) ?? (t3 ? people.persons.get(t3) : undefined) ?? (t2 ? people.persons.get(t2) : undefined);
        return [{ speaker: p ? personSpeaker(p) : { name: owner, role: null, person: null }, via: 'via_org', at: pos, commit: noop }];
      }
    }
    if (orgVoice) {
      // Else, for a document an organisation issues, the organisation the article is about so far ("the
      // communique said" paragraphs after its issuer): the issuer is what the news credits, never the paper (org-lead.ts).
      const near = people.orgBefore(pos, Math.min(ORG_REACH, pos - previousParagraphStart(bases, pos)), true);
      // A lone capital opening a sentence just before a document ("Larger exports would help.") is
      // as often no name: unless the story names it again ("Ifo"), a document then speaks for the
      // article's leading organisation.
      const named = near !== undefined && (spokes || isNamelike(near) || namedAgain(textBefore(pos, ORG_REFERENCE_REACH), near));
      const org = (named ? near : null) ?? (spokes || !ISSUED_DOCUMENTS.has(docHead) ? near ?? null : leadOrgBefore(pos) ?? near ?? null);
      // Read where the description stands, as the description itself would be.
      if (org) return [{ speaker: { name: org, role: null, person: null }, via: 'via_org', at: pos, commit: noop }];
    }
    // "the official Tellus News Agency said": the agency, under its own name (org-reference.ts).
    const inner = nameInDescription(text);
    if (inner) {
      const s = { name: inner, role: null, person: null };
      return [{ speaker: s, via: 'via_org', at: pos, commit: () => void (lastGroup = s) }];
    }
    // "the company said" after "Google declined to say…": the organisation named just before.
    const kind = orgDescription(text);
    if (kind || THE_ORGANISATION_NOUN.test(text)) {
      // "the Welsh Assembly Government said …" then "said the assembly government": the name the
      // description's own words end, else the organisation last named as a subject; a description
      // of a kind (org-reference.ts) only a name of its kind ("the bank": a name with "Bank").
      const namedRaw = text.startsWith('the ') ? namedOrg(narrationBefore(pos, NAMED_ORG_REACH), text.slice(4)) : null;
      // ("West Bank officials said …" then "the bank said": a region is no bank.)
      const named = namedRaw && kind && isRegionOfKind(namedRaw, kind.head) ? null : namedRaw;
      const subject = people.orgBefore(pos, ORG_REACH);
      // With no name of its kind in the text, a bare description's referent is the organisation
      // last named as a subject when a finite verb follows its name and the name is of no other kind
      // ("Google declined …" then "the company said"; not "the Harbour Commission", nor the "Farm"
      // of "Farm workers went on strike"). A modified one ("the finance department") says more
      // than such a name shows ("Ottawa will collect …"): it stays the description.
      const unmodified = isBareDescription(text);
      const referent = kind ? (orgReferent(narrationBefore(pos, ORG_REFERENCE_REACH), kind, subject) ?? (unmodified && subject && actsBefore(textBefore(pos, ORG_REACH), subject) && !fitsAnotherKind(subject, kind) ? subject : null)) : subject;
      // A kind's bare noun ("the exchange") the name of its kind ("Dunford Stock Exchange", not the
      // "Harbour and Exchange" the noun ends); a modified one ("the finance ministry") the name its words end.
      const org = kind && (referent?.includes(named ?? '') || unmodified) ? (referent ?? named) : (named ?? referent);
      if (org) {
        const s = { name: org, role: null, person: null };
        // The organisation is the reading: "the company" itself names nobody. Read where the
        // description stands, as the description itself would be.
        return [{ speaker: s, via: 'via_org', at: pos, commit: () => void (lastGroup = s) }];
      }
    }
    // "the mayor", "the laid-back Cambridge resident": a singular description of a person may be
    // someone the article has named; "a spokesperson", "officials" and "the company" are speakers
    // in their own right.
    const headPhrase = text.split(/\s(?:of|for|at|with|from|in)\s/u)[0] ?? text;
    const headNoun = (LAST_HYPHENATED_WORD.exec(headPhrase)?.[1] ?? '').toLowerCase();
    const indefinite = INDEFINITE.test(text);
    if (!orgVoice && !indefinite && DEFINITE.test(text) && !NON_PERSON_HEADS.has(headNoun) && !UNNAMED_HEADS.has(headNoun) && !/[^s]s$/u.test(headNoun) && !isOrgPhrase(headPhrase.split(' '))) {
      // The echo counts only when no named person spoke since the indefinite: after "a
      // senior official said …" then "Tom Kell, a deputy administrator, said …", "the official said" may be Kell.
      const reach = Math.min(ECHO_REACH, pos);
      const end = echoEnd(text, narrationBefore(pos, reach));
      // From the echo's own sentence: "Tom Kell, a farm agency official, said" is Kell's appositive, not someone else.
      const echoAt = pos - reach + end;
      const sentence = narrationBefore(echoAt, SPEAKER_CLAUSE);
      const stop = Math.max(sentence.lastIndexOf('. '), sentence.lastIndexOf('\n'));
      const echo = end >= 0 && !namedSpeakerBetween(echoAt - sentence.length + stop + 1, pos);
      out.push(...descriptionReferents(headPhrase, headNoun, pos, m.role, echo));
    }
    // "one U.S. analyst" is "a U.S. analyst": the description, never a name near it.
    // "one Lundian economist of Brandt's budget speech": what the speaker talked about is not who they are.
    // ("a spokesman for one of Spain's producers" keeps its whole complement: "one of" picks one of a group.)
    const who = text.replace(/(?<!\s(?:one|some|each|any|all|many|most|none|several|both|either|neither))\s(?:of|on|about)\s+\S+['’]s?\s.*$/u, '');
    const shown = /^one\s+of\s/u.test(who) ? who : who.replace(/^one\s/u, /^[aeio]/u.test(who.slice(4)) ? 'an ' : 'a ');
    const s = { name: shown, role: m.role, person: null };
    out.push({ speaker: s, via: indefinite || !DEFINITE.test(text) ? 'via_desc_indef' : 'via_desc_def', at: pos, commit: () => void (lastGroup = s) });
    return out;
  };

  /**
   * The person named in a spokesperson's role ("Ministry spokesman Ana Pell", "Ana Pell, a ministry
   * spokeswoman") outside quotes between `from` and `pos`, the latest; of the role's kind ("man" is
   * no spokeswoman). Bounded: the mentions of that stretch only.
   */
  const namedSpokesperson = (from: number, pos: number, ending: string): Person | undefined => {
    const list = people.mentions;
    for (let k = lastMentionBefore(list, pos); k >= 0; k--) {
      const m = list[k];
      if (!m || m.pos < from) break;
      const kind = m.quoted || m.person.group ? null : SPOKES_ROLE.exec(m.person.role ?? '')?.[1];
      if (kind && (kind === ending || kind === 'person' || ending === 'person')) return m.person;
    }
    return undefined;
  };

  /**
   * Whether a person named outside quotes speaks between `from` and `pos`: a subject with a speech
   * verb in the rest of its sentence ("Tom Kell, a deputy administrator, said"). A person the
   * narration only talks about ("Volcker will be re-appointed") is no speaker. Bounded: that
   * stretch's mentions, SPEAKER_CLAUSE characters after each.
   */
  const namedSpeakerBetween = (from: number, pos: number): boolean => {
    const list = people.mentions;
    for (let k = lastMentionBefore(list, pos); k >= 0; k--) {
      const m = list[k];
      if (!m || m.pos < from) return false;
      if (m.quoted || m.person.group || !m.subject) continue;
      const end = Math.min(pos, m.pos + SPEAKER_CLAUSE);
      const clause = narrationBefore(end, end - m.pos).split(SENTENCE_STOP)[0] ?? '';
      if (hasSpeechVerb(clause)) return true;
    }
    return false;
  };

  // The text's own gender (not one an earlier choice of "he" wrote), else the first name's. Declared
  // before descriptionReferents, which reads it.
  const genderOf = (p: Person): Gender => (p.gender !== null && !guessed.has(p) ? p.gender : shapeOf(p).gender);

  // How often the text names each person, most named first: who "the professor" most likely is
  // when the article is about one person. Counted once per article.
  let mostNamed: Person[] | null = null;
  const mostNamedBefore = (pos: number): Person | undefined => {
    if (!mostNamed) {
      const counts = new Map<Person, number>();
      for (const m of people.mentions) if (!m.quoted && !m.person.group) counts.set(m.person, (counts.get(m.person) ?? 0) + 1);
      mostNamed = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].firstAt - b[0].firstAt).map(([p]) => p);
    }
    // Bounded, so that a paragraph of thousands of descriptions stays linear.
    for (let k = 0; k < Math.min(mostNamed.length, 50); k++) {
      const p = mostNamed[k];
      // A person, not a place or a school named often ("Covington Catholic").
      if (p && p.firstAt < pos && (p.evidence > 0 || shapeOf(p).firstName)) return p;
    }
    return undefined;
  };

  /**
   * "the mayor", "the Kentucky Republican", "the lanky professor" may be someone the article has
   * named: the person whose role shares the description's head noun or a capitalised word of it,
   * else the person named last. The reading is marked with which of these it is and whether it is
   * also the person the article names most; the model weighs it against the description kept as it is.
   */
  const descriptionReferents = (headPhrase: string, headNoun: string, pos: number, role: string | null, echo: boolean): Resolved[] => {
    const keys = [headNoun, ...(headPhrase.match(CAPITALISED_KEY_WORD) ?? [])].filter((w) => w.length >= 4).map((w) => roleKey(w.slice(0, 5)));
    // "the 55-year-old Frenchman" after "Henri Dufrene, 55,": the person of that age is the role match (phrase.ts).
    const age = describedAge(headPhrase);
    // Read up to the description's start, so that none of its own words ("the 55-year-old Lundian
    // manager", "the 55-year-old manager of Club Alvan") is taken for the person of that age: the
    // head phrase's last occurrence when only the rest of the description, no sentence end, follows it.
    const before = age === null ? '' : textBefore(pos, ORG_REFERENCE_REACH).trimEnd();
    const at = before.toLowerCase().lastIndexOf(headPhrase.toLowerCase());
    const upto = at >= 0 && before.length - at <= headPhrase.length + DESCRIPTION_TAIL && !/[.!?"“”]\s/u.test(before.slice(at + headPhrase.length)) ? before.slice(0, at) : before;
    const aged = age === null ? null : namedWithAge(upto, age);
    const agedFolded = aged ? foldName(aged) : '';
    const roleMatch = (aged ? people.latestBefore(pos, null, (q) => q.folded.includes(agedFolded)) : undefined) ?? (keys.length > 0 ? people.latestBefore(pos, null, (q) => q.role !== null && keys.some((k) => k.test(q.role ?? ''))) : undefined);
    // "the home secretary" is the person whose role is that whole phrase ("Home Secretary Dermot
    // Vale"), before one whose role only shares its head ("Shadow home secretary Gareth Lyle").
    const whole = headPhrase.replace(DEFINITE, '').toLowerCase();
    const exact = roleMatch && whole.includes(' ') ? people.latestBefore(pos, null, (q) => q.role !== null && q.role.toLowerCase() === whole) : undefined;
    // "One diplomat said …" then "the diplomat said": the unnamed diplomat again (its own reading, kept
    // below), not whoever was named last; unless a named person holds the role ("Tom Smith, a USDA
    // official," then "the official").
    if (echo && !roleMatch) return [];
    const latest = people.latestBefore(pos, null);
    const top = mostNamedBefore(pos);
    // The role match, else the person named last; and the person the article names most when that
    // is someone else ("says the 39-year-old founder" after "Alfonso Espinos, who like Montalban …").
    const first = exact ?? roleMatch ?? latest;
    // "his lawyer", "her spokesman": a possessive description names someone other than its
    // possessor, the person its his/her most likely means; that person is no reading of it.
    const owner = POSSESSIVE_HEAD.exec(headPhrase)?.[1];
    // Not a person whose first name is of the other gender ("His lawyer Ann Cole" is no "his").
    const possessor = owner ? people.rankedBefore(pos, owner === 'his' ? 'm' : 'f', 1, (q) => genderOf(q) !== (owner === 'his' ? 'f' : 'm'))[0] : undefined;
    const readings: Resolved[] = [];
    for (const p of first === top ? [first] : [first, top]) {
      if (!p || (p === possessor && p !== roleMatch)) continue;
      const extra: Features = {};
      if (p === roleMatch || p === exact) extra.desc_role_match = 1;
      if (p === exact) extra.desc_role_exact = 1;
      if (p === latest) extra.desc_latest = 1;
      if (p === top) extra.desc_most_named = 1;
      // Read where the description stands, as the description kept as it is would be: the readings differ only in who they name.
      readings.push({ speaker: personSpeaker(p, role), via: 'via_desc_referent', at: pos, extra, commit: noop });
    }
    return readings;
  };

  /** The subject opening the sentence at `from` ("But early on, he did …"), read as a mention. */
  const subjectReadings = (p: string, at: number, base: number): Resolved[] => {
    // "VANCOUVER, British Columbia, April 13 - Northair said": a dateline's place is no subject.
    const opening = p.slice(at, at + 200);
    const from = at + (mayOpenWithDateline(opening) ? (DATELINE.exec(opening)?.[0].length ?? 0) : 0);
    const text = from === at ? opening : p.slice(from, from + 200);
    let m = SENTENCE_SUBJECT.exec(text);
    let skip = 0;
    if (!m?.[1] || (!isPronoun(m[1]) && isNonNameStarter(m[1]))) {
      // An opening phrase before the subject: "But early on, he …", "In a statement, Smith …".
      const intro = /^[^,.;:"“”]{1,40},\s*/u.exec(text);
      if (!intro) return [];
      skip = intro[0].length;
      m = SENTENCE_SUBJECT.exec(text.slice(skip));
    }
    const subject = m?.[1];
    if (!m || !subject || (!isPronoun(subject) && isNonNameStarter(subject))) return [];
    // "Venezuela's energy minister … described": a possessive before a noun owns the subject, it is
    // none ("Moody's said", a name before its verb, is).
    if (POSSESSIVE_END.test(subject) && !VERB_NEXT.test(text.slice(skip + m[0].length))) return [];
    const mention = readMention({ words: withRoleNouns(subject, text.slice(skip + m[0].length)), appositive: null });
    return mention ? resolve(mention, base + from + skip + m[0].length - subject.length) : [];
  };

  // The subject of the last speech verb before a point of the text and its mention are readings of
  // the text alone, asked for the same point by several quotes (the end of the paragraph before a
  // quote paragraph, a sentence start): each is read once per article, by the point's global offset
  // (a paragraph's points never reach the next paragraph's base). Resolving the mention reads the
  // article's state, so it is done at each ask.
  const intros = new Map<number, Intro | null>();
  const verbSubjects: VerbSubjects = new Map();
  const introAt = (p: string, at: number, b: number): Intro | null => {
    let intro = intros.get(b + at);
    if (intro === undefined) {
      intro = introSpeaker(p, at, b, marks, verbSubjects);
      intros.set(b + at, intro);
    }
    return intro;
  };
  const introMentions = new Map<Intro, Mention | null>();
  const fromIntro = (intro: Intro | null): Resolved[] => {
    if (!intro) return [];
    let m = introMentions.get(intro);
    if (m === undefined) {
      m = describedMention(intro.phrase) ?? readMention(intro.phrase);
      introMentions.set(intro, m);
    }
    return m ? resolve(m, intro.at) : [];
  };

  /**
   * ",” one said" / "One told reporters that “…": "one" alone is no name and no description, yet it
   * is the quote's own attribution: one of the group of people the narration spoke of last ("Dealers
   * at the port said …"), an unnamed speaker, not a name nearby. Null when no such group is found.
   */
  const oneOfGroup = (f: Found, base: number, para: string): { slot: Feature; readings: Resolved[]; pronoun: null; at: number } | null => {
    // After "?" or "!" the tail stops at the mark's sentence break; the few words after it are read from the paragraph.
    const marked = ENDS_IN_QUESTION_OR_EXCLAMATION.test(f.span.text);
    const tail = marked && !f.ctx.tail.trim() ? para.slice(f.ctx.tailStart, f.ctx.tailStart + ONE_TAIL_AFTER_MARK_REACH) : f.ctx.tail;
    const tailOne = (marked ? ONE_TAIL_AFTER_MARK : ONE_TAIL).exec(tail);
    // (sentencePre is cut CONTEXT characters back inside a long sentence: its start is then no sentence start.)
    const preOne = tailOne || f.ctx.sentencePre.length >= CONTEXT ? null : ONE_OPENS.exec(f.ctx.sentencePre);
    if (!tailOne && !preOne) return null;
    const at = tailOne ? base + f.ctx.tailStart + tailOne[0].search(/[Oo]ne/u) : base + f.span.open - f.ctx.sentencePre.length + (preOne?.[0].search(/One/u) ?? 0);
    const from = previousParagraphStart(bases, at);
    let window = narrationBefore(at, Math.min(ONE_GROUP_REACH, at - from));
    // A window cut inside the paragraph before starts at its first sentence break, never mid-sentence or mid-word.
    if (at - from > ONE_GROUP_REACH) {
      const opening = FIRST_SENTENCE_BREAK.exec(window);
      window = opening ? window.slice(opening.index + opening[0].length) : '';
    }
    // A word the article uses as a name ("Senator Hal Varnes", "…, Varnes said") is no group of people.
    const isName = (word: string): boolean => (namesMidSentence ??= capitalisedMidSentence(joined ??= paragraphs.join('\n\n'))).has(word) || people.findBySuffix([foldName(word)]) !== undefined;
    const group = pluralPeopleBefore(window, isName);
    if (!group) return null;
    return { slot: tailOne ? 'slot_tail' : 'slot_pre', readings: [{ speaker: { name: `one of the ${group}`, role: null, person: null }, via: 'via_desc_indef', at, commit: noop }], pronoun: null, at };
  };

  /** The explicit attribution of a quote: the slot it was found in and its readings. */
  const explicitOf = (f: Found, i: number): { slot: Feature; readings: Resolved[]; pronoun: 'm' | 'f' | null; at: number } | null => {
    if (f.span.kind === 'fragment') return null;
    const base = bases[i] ?? 0;
    let slot: Feature = 'slot_tail';
    const tail = tailPhrase(f.ctx.tail, closesSentence(f.span.text));
    let hit: { phrase: Phrase; offset: number; at: number } | null = tail ? { phrase: tail.phrase, offset: tail.offset, at: base + f.ctx.tailStart + tail.offset } : null;
    if (!hit) {
      const pre = prePhrase(f.ctx.pre);
      if (pre) {
        hit = { phrase: pre.phrase, offset: pre.offset, at: base + f.ctx.preStart + pre.offset };
        slot = /according\s+to\s*$/iu.test(f.ctx.pre.slice(0, pre.offset)) ? 'slot_according' : 'slot_pre';
      }
    }
    if (!hit && ENDS_IN_GERUND_CLAUSE.test(f.ctx.pre)) {
      const sentenceStart = f.span.open - f.ctx.sentencePre.length;
      const subject = SENTENCE_SUBJECT.exec(f.ctx.sentencePre);
      if (subject?.[1] && (isPronoun(subject[1]) || !isNonNameStarter(subject[1]))) {
        hit = { phrase: { words: withRoleNouns(subject[1], f.ctx.sentencePre.slice(subject[0].length)), appositive: null }, offset: 0, at: base + sentenceStart + subject[0].length - subject[1].length };
        slot = 'slot_participle';
      }
    }
    const saying = hit ? null : SAYING_THAT.exec(f.ctx.pre);
    if (!hit && saying) {
      // "In an interview with the FT, Mr Blair refused …, saying Britain would hold a poll “…”": the
      // person who last acts as a subject in the sentence before the participle (never the subject
      // of the reported clause after it: "…, saying John Smith had “…”" is not John Smith's).
      const sentenceStart = base + f.span.open - f.ctx.sentencePre.length;
      const p = people.subjectIn(sentenceStart, base + f.ctx.preStart + saying.index);
      if (p) return { slot: 'slot_participle', readings: [{ speaker: personSpeaker(p), via: 'via_name', commit: noop }], pronoun: null, at: base + f.span.open };
    }
    if (!hit && f.span.kind === 'direct' && /:\s*$/u.test(f.ctx.pre)) {
      // "Martell, the addictions doctor, is more blunt: “…”": the subject of the introducing clause.
      const p = people.subjectIn(base + f.ctx.preStart, base + f.span.open);
      if (p) return { slot: 'slot_colon', readings: [{ speaker: personSpeaker(p), via: 'via_name', commit: noop }], pronoun: null, at: base + f.span.open };
    }
    if (!hit && PASSIVE_BEFORE.test(f.ctx.sentencePre.slice(-PASSIVE_REACH))) {
      const by = passiveAgent(f.ctx.tail);
      if (by) {
        hit = { phrase: by.phrase, offset: by.offset, at: base + f.ctx.tailStart + by.offset };
        slot = 'slot_by';
      }
    }
    if (!hit) return oneOfGroup(f, base, paragraphs[i] ?? '');
    const m = describedMention(hit.phrase) ?? readMention(hit.phrase);
    if (!m) return oneOfGroup(f, base, paragraphs[i] ?? '');
    const readings = resolve(m, hit.at);
    const pronoun = m.kind === 'pronoun' && (m.pronoun === 'he' || m.pronoun === 'she') ? (m.pronoun === 'he' ? 'm' : 'f') : null;
    // A he/she that no named person fits still is the slot: the readings of the he/she paths below
    // (an unnamed described speaker it goes on with) may fill it.
    if (readings.length === 0 && pronoun === null) return null;
    return { slot, readings, pronoun, at: hit.at };
  };

  // The quote being attributed: where it is, its sentence and paragraph. Set for each quote, read
  // by `place` and `add` (made once per article, not once per quote).
  const q = { at: 0, close: 0, sentenceFrom: 0, sentenceTo: 0, base: 0 };
  const place = (pos: number): number => (pos >= q.sentenceFrom && pos < q.sentenceTo ? F.near_sentence : pos >= q.base ? F.near_para : F.near_prev);
  /** The reading `r` as a candidate of the quote, found in `source` (null: named near it), with `extra` features. */
  const add = (r: Resolved, source: Feature | null, extra?: Features): Candidate => {
    const c = cands.of(r.speaker);
    const x = c.x;
    if (source) setFeature(x, FEATURE_INDEX[source], 1);
    raise(x, FEATURE_INDEX[r.via], 1);
    if (extra) raiseAll(x, extra);
    if (r.extra) raiseAll(x, r.extra);
    // A person's nearness is that of the person's mentions, except in the quote's own
    // attribution: the name there is near by definition, even one the name scan never
    // listed. (Given to every name reading, it made "Overall, B&B said" a speaker.) A description's
    // referent stands where the description does.
    if (r.at !== undefined && (!r.speaker.person || r.via === 'via_desc_referent' || (source !== null && SLOTS.includes(source)))) {
      const d = r.at < q.at ? q.at - r.at : Math.max(0, r.at - q.close);
      raise(x, F.nearness, 1 / (1 + d / 200));
      raise(x, place(r.at), 1);
    }
    if (r.commit !== noop) c.commits.push(r.commit);
    return c;
  };

  // How each mention stands in its sentence, read once per article for all the he/she slots near it (`antecedents`).
  const mentionStands: MentionStands = { oblique: new Map(), main: new Map() };
  const latestSeen = new Set<Person>();
  const inside = new Set<Person>();
  // How often each person is named outside quotes before the quote being attributed, and the person
  // of each gender named most often so far: the person a he/she inside a quote most likely talks
  // about. Counted forward as the quotes are read in order, so each mention is read once per article.
  const namedSoFar = new Map<Person, number>();
  const topNamed = { m: null as Person | null, f: null as Person | null, mCount: 0, fCount: 0 };
  let counted = 0;
  const countMentionsBefore = (pos: number): void => {
    const ms = people.mentions;
    for (; counted < ms.length && (ms[counted] as PersonMention).pos < pos; counted++) {
      const m = ms[counted] as PersonMention;
      if (m.quoted || m.person.group) continue;
      const n = (namedSoFar.get(m.person) ?? 0) + 1;
      namedSoFar.set(m.person, n);
      const g = genderOf(m.person);
      if (g === 'm' && n > topNamed.mCount) {
        topNamed.m = m.person;
        topNamed.mCount = n;
      } else if (g === 'f' && n > topNamed.fCount) {
        topNamed.f = m.person;
        topNamed.fCount = n;
      }
    }
  };
  const out: AttributedQuote[] = [];
  // The names the article's text gives are all known before the first quote is attributed.
  let variants: Map<Person, Person> | null = null;
  const shownName = (sp: Speaker): string => (sp.person ? ((variants ??= nameVariants(people)).get(sp.person) ?? sp.person).name : sp.name);
  // An organisation's short form ("the Chamber said", "Dunmore said") is shown as the fullest name
  // the article gives it (org-reference.ts), unless it may be a person's: a name with a sign of a
  // person's, or the surname of a person (with such a sign) the article names in full. The names are
  // read once per article, when first asked, and each short form's full form once: the persons are
  // those known at that moment, so one registered or given a role later is not among them (a rare
  // error, towards the longer name).
  let orgNames: OrgName[] | null = null;
  let surnames: Set<string> | null = null;
  let personNames: Set<string> | null = null;
  const fullForms = new Map<string, string | null>();
  const fullOrgName = (sp: Speaker, name: string): string => {
    if ((sp.person && personLike(sp.person)) || !STARTS_UPPER.test(name)) return name;
    let full = fullForms.get(name);
    if (full === undefined) {
      surnames ??= new Set([...people.persons.values()].flatMap((p) => (p.folded.length >= 2 && personLike(p) ? [p.folded[p.folded.length - 1] ?? ''] : [])));
      personNames ??= new Set([...people.persons.values()].flatMap((p) => (p.folded.length >= 2 && personLike(p) ? [p.folded.join(' ')] : [])));
      const known = personNames;
      orgNames ??= organisationNames(paragraphs.slice(1), (folded) => known.has(folded));
      full = isPlaceName(name.split(/\s+/u)) || (!name.includes(' ') && surnames.has(foldName(name))) ? null : fullestOrgName(name, orgNames);
      fullForms.set(name, full);
    }
    return full ?? name;
  };
  // What a speaker is shown as: the output's name and the one training judges (the same).
  const outputName = (sp: Speaker): string => fullOrgName(sp, expandAcronym(shownName(sp), paragraphs, acronyms));
  byParagraph.forEach((found, i) => {
    const speech = found.filter((f) => f.span.kind !== 'fragment');
    if (speech.length > 0) {
      const base = bases[i] ?? 0;
      const para = paragraphs[i] ?? '';
      const explicit = speech.map((f) => explicitOf(f, i));
      // The next explicitly attributed quote after each one, found in one backward pass, so that a
      // paragraph of thousands of quotes stays linear.
      const nextExplicit: Array<Resolved | null> = new Array<Resolved | null>(speech.length).fill(null);
      for (let k = speech.length - 2; k >= 0; k--) nextExplicit[k] = explicit[k + 1]?.readings[0] ?? nextExplicit[k + 1] ?? null;
      const prevHasQuotes = (byParagraph[i - 1] ?? []).some((x) => x.span.kind !== 'fragment');
      const prev = paragraphs[i - 1] ?? '';
      const prevBase = bases[i - 1] ?? 0;
      // Context shared by the paragraph's quotes: the narrative paragraph before and the people near.
      // Read once, and only when a direct quote asks (partial quotes never look back).
      let before: { readings: Resolved[]; subject: Person | undefined } | null = null;
      const previous = (): { readings: Resolved[]; subject: Person | undefined } =>
        (before ??= {
          readings: i > 0 ? fromIntro(introAt(prev, prev.length, prevBase)) : [],
          subject: i > 0 && !prevHasQuotes ? people.subjectIn(prevBase, prevBase + prev.length) : undefined,
        });
      const nearby = people.mentionsIn(i > 0 ? prevBase : base, base + para.length);
      const starts = speech.length > 0 ? (speech[0]?.ctx.starts ?? sentenceStarts(para)) : [];
      // Where the sentence before the one at `from` (global) starts: in this paragraph, else the
      // last sentence of the paragraph before (its starts found once, only when asked).
      let prevStarts: readonly number[] | null = null;
      const sentenceBefore = (from: number): number => {
        if (from > base) return base + sentenceStartOf(starts, from - base - 1);
        if (i === 0) return from;
        prevStarts ??= sentenceStarts(prev);
        return prevBase + (prevStarts[prevStarts.length - 1] ?? 0);
      };
      // Whether a sentence of the paragraph (by its start) gives someone words of their own outside
      // quotes: read once per paragraph, not once per continuing quote (a long sentence after many
      // "X said: “…”" quotes would be read again for each).
      const speaks = new Map<number, boolean>();
      // Whether a mention (by its offset in the paragraph) stands inside a reported clause: read once per paragraph.
      const reported = new Map<number, boolean>();
      let earlier: Speaker | null = null;
      speech.forEach((f, k) => {
        cands.clear();
        const at = base + f.span.open;
        q.at = at;
        q.close = base + f.span.close;
        q.sentenceFrom = base + sentenceStartOf(starts, f.span.open);
        q.sentenceTo = base + sentenceEndAfter(starts, f.span.close, para.length);
        q.base = base;
        const ex = explicit[k];
        // The words of a poster, a headline or a rule ("a banner reading “…”") are the writing's: its issuer's, else its own (writing.ts).
        // (Not over the quote's own attribution before the writing: "Mr Ode said the banner read “…”".)
        const written = ex?.slot === 'slot_tail' ? null : writtenSource(f.ctx.pre);
        if (written && (!ex || ex.at >= base + f.ctx.preStart + written.at)) {
          // The issuer is the article's person named at the possessive itself ("Prime Minister Tony
          // Brant's", "Mayor Brantham's"), else by its name; a plural possessive no one in the
          // article bears ("Protesters' placards") is no issuer: the writing speaks.
          const own = written.owner;
          const here = own ? people.mentionsIn(base + f.ctx.preStart + own.at, base + f.ctx.preStart + own.at + own.length).at(-1)?.person : undefined;
          const key = written.issuer ? foldName(written.issuer) : '';
          const p = here ?? (key ? (people.persons.get(key) ?? (key.includes(' ') ? undefined : people.byShortName(key, at))) : undefined);
          const name = written.issuer && !own?.plural ? written.issuer : written.writing;
          f.speaker = p ? personSpeaker(p) : { name, role: null, person: null };
          writtenBy.add(f.speaker);
          return;
        }
        // An unattributed quote opening a paragraph after a quoted one: the convention of multi-paragraph speech.
        const opensParagraph = k === 0 && !ex && prevHasQuotes && /^[\s"“'‘]*$/u.test(para.slice(0, f.span.open));
        // How each person the slot's he/she may mean stands in the text before it.
        const stand = ex && ex.pronoun !== null ? antecedents(people, paragraphs, bases, ex.at, ex.pronoun, shapeOf, q.sentenceTo, q.sentenceFrom, sentenceBefore(q.sentenceFrom), mentionStands) : null;
        // The subject of the last speech verb before the quote in its paragraph: read by the he/she
        // slot and the paragraph's introduction below, found once.
        // Its readings are resolved once for both: nothing between the two asks changes the article's state (the
        // one change resolving makes, `People.personFor` registering a name the scan never listed, is made by the
        // first ask, and a second would find that same person).
        let introHere: Intro | null | undefined;
        const introOfPara = (): Intro | null => (introHere === undefined ? (introHere = introAt(para, f.span.open, base)) : introHere);
        let introReadings: Resolved[] | undefined;
        const introReadingsOfPara = (): Resolved[] => (introReadings ??= fromIntro(introOfPara()));
        if (ex) {
          for (const r of ex.readings) {
            const p = r.speaker.person;
            // The text's gender (a title, an earlier pronoun) agrees; a first name of the other
            // gender only weighs against (the name lists call Darian male and Nova female).
            const gender = ex.pronoun === null || !p ? undefined : p.gender === ex.pronoun ? AGREES : p.gender === null && shapeOf(p).gender === (ex.pronoun === 'm' ? 'f' : 'm') ? CLASHES : undefined;
            const c = add(r, ex.slot, gender);
            if (stand && p) stand(p, c.x);
          }
        }
        // The speaker of the attribution just before and the person the sentence before introduces,
        // offered to the quote's he/she as readings of their own when the text's gender allows.
        const slotReadings = ex ? [...ex.readings] : [];
        for (const r of precedingReadings(lastAttribution, i, sentenceIndex(starts, f.span.open), people, base, starts, f.span.open, para, personSpeaker, personLike)) {
          add(r, null);
          const p = r.speaker.person;
          if (!ex || ex.pronoun === null || !p || slotReadings.some((s) => sameSpeaker(s.speaker, r.speaker))) continue;
          if (p.gender !== null && p.gender !== ex.pronoun) continue;
          const g = ex.pronoun;
          const reading: Resolved = { speaker: r.speaker, via: 'via_pronoun_prev', commit: () => guessGender(p, g) };
          slotReadings.push(reading);
          const c = add(reading, ex.slot, p.gender === g ? AGREES : shapeOf(p).gender === (g === 'm' ? 'f' : 'm') ? CLASHES : undefined);
          stand?.(p, c.x);
        }
        // "…, Slifer said. / “…,” he said": the slot's he/she may continue the named subject of the
        // last speech verb before the quote (this paragraph, else the one before), however rarely
        // that person speaks: a reading of its own, marked for the model to weigh.
        // A he/she before the quote ("He said: “…”") is itself the last speech verb's subject: the
        // subject it continues is the one before its own sentence (this paragraph, else the one
        // before), and a first name of the other gender is no reading of it.
        if (ex && ex.pronoun !== null) {
          const g = ex.pronoun;
          const before = ex.at < at;
          const intro = before ? (q.sentenceFrom > base ? introAt(para, q.sentenceFrom - base, base) : null) : introOfPara();
          const readings = intro && !before ? introReadingsOfPara() : fromIntro(intro ?? (i > 0 ? introAt(prev, prev.length, prevBase) : null));
          for (const r of readings) {
            const p = r.speaker.person;
            // "A spokeswoman for the hospital said … She added: “…”": the he/she may continue an
            // unnamed person described as that speech verb's subject (of its gender, or of none), a
            // reading of its own beside the named ones, for the model to weigh.
            if (!p && r.via === 'via_desc_indef' && isIndefinitePerson(r.speaker.name) && genderOfWords(r.speaker.name.split(' ')) !== (g === 'm' ? 'f' : 'm') && !slotReadings.some((s) => sameSpeaker(s.speaker, r.speaker))) {
              const reading: Resolved = { speaker: r.speaker, via: 'via_pronoun_prev', ...(r.at !== undefined ? { at: r.at } : {}), commit: noop };
              slotReadings.push(reading);
              add(reading, ex.slot, { pronoun_last_verb: 1, pronoun_desc: 1 });
              continue;
            }
            // "The home secretary said …. He said: “…”": the person whose whole role the description is.
            if ((r.via !== 'via_name' && !(before && r.extra?.desc_role_exact)) || !p || (p.gender !== null && p.gender !== g)) continue;
            if (before && p.gender === null && shapeOf(p).gender === (g === 'm' ? 'f' : 'm')) continue;
            if (slotReadings.some((s) => sameSpeaker(s.speaker, r.speaker))) {
              const c = cands.ofPerson(p);
              if (c) raise(c.x, F.pronoun_last_verb, 1);
              continue;
            }
            const reading: Resolved = { speaker: personSpeaker(p), via: 'via_pronoun_prev', commit: () => guessGender(p, g) };
            slotReadings.push(reading);
            const c = add(reading, ex.slot, p.gender === g ? LAST_VERB_AGREES : shapeOf(p).gender === (g === 'm' ? 'f' : 'm') ? LAST_VERB_CLASHES : LAST_VERB);
            stand?.(p, c.x);
          }
          // "Said one veteran dealer. ¶ “…,” he said": the he/she may continue the unnamed person who
          // holds the turn (turn-features.ts), however many quote paragraphs back its own attribution stood.
          // A group's member ("said one of the dealers") is left out on purpose (onePersonDescribed).
          const holder = turnHolder && i - turnHolder.paragraph <= TURN_PARAGRAPHS ? turnHolder.speaker : null;
          // A definite description ("the palace spokesman") most often refers back to the person the
          // text named in that role ("Palace spokesman Henrik Dahl"): that person is no unnamed holder.
          const head = holder ? definiteHead(holder.name) : null;
          const headKey = head !== null && head.length >= 4 ? roleKey(head.slice(0, 5)) : null;
          const namedInRole = headKey !== null && people.latestBefore(at, null, (q) => q.role !== null && headKey.test(q.role)) !== undefined;
          if (holder && !holder.person && !namedInRole && onePersonDescribed(holder.name) && genderOfWords(holder.name.split(' ')) !== (g === 'm' ? 'f' : 'm') && !slotReadings.some((s) => sameSpeaker(s.speaker, holder))) {
            const reading: Resolved = { speaker: holder, via: 'via_pronoun_prev', commit: noop };
            slotReadings.push(reading);
            add(reading, ex.slot, { pronoun_turn_desc: 1 });
          }
          // "A spokesman for Brimco said … ¶ He told reporters … ¶ “…,” he said": the he/she may go on
          // with the described person through other he/she speech verbs (described-chain.ts), when no
          // person of its gender is a reading of it; as the last verb's described subject above is.
          if (!slotReadings.some((s) => s.speaker.person?.gender === g)) {
            const from = bases[Math.max(0, i - CHAIN_PARAGRAPHS)] ?? 0;
            const chain = describedChain(narrationBefore(at, Math.min(CHAIN_REACH, at - from)), g);
            const s = chain ? { name: chain.description, role: null, person: null } : null;
            if (s && !slotReadings.some((r) => sameSpeaker(r.speaker, s))) {
              const reading: Resolved = { speaker: s, via: 'via_pronoun_prev', commit: noop };
              slotReadings.push(reading);
              add(reading, ex.slot, { pronoun_desc: 1 });
            }
          }
        }
        if (earlier) add({ speaker: earlier, via: earlier.person ? 'via_name' : 'via_group', commit: noop }, 'cont_para');
        // A quote whose tail attribution names one person the text knows ("…," Baker said): the
        // readings of the narration around it (the paragraph's introduction, the sentence subjects,
        // the paragraph before) only ever compete with that name, which every one of them meets with
        // `other_than_slot` against it; they are not read — unless they may still give that person
        // the role the introduction states ("according to John Rau, president of …" then "…," Rau
        // said): a person with no role yet, named before the quote in this paragraph or the one
        // before. Training (`observe`) reads them all, so the model learns from every candidate and
        // only the run-time cost is cut (what it changed: bench/RESULTS.md, k20cost, session 19).
        const named = !options.observe && ex !== null && ex !== undefined && ex.slot === 'slot_tail' && ex.pronoun === null && ex.readings.length === 1 && namedPerson(ex.readings[0], at) && !roleNearBefore(ex.readings[0]?.speaker.person, nearby, at);
        if (f.span.kind === 'direct' && !named) for (const r of introReadingsOfPara()) add(r, 'intro_para');
        // The subject of the quote's own sentence, else of the sentence before it in the paragraph.
        const sentenceAt = sentenceStartOf(starts, f.span.open);
        if (!named) {
          if (sentenceAt < f.span.open) for (const r of subjectReadings(para, sentenceAt, base)) add(r, 'sentence_subject');
          else if (sentenceAt > 0 && f.span.kind === 'direct') {
            const prevSentence = sentenceStartOf(starts, sentenceAt - 1);
            for (const r of subjectReadings(para, prevSentence, base)) add(r, 'prev_sentence_subject');
          }
        }
        const nx = nextExplicit[k];
        if (nx) add(nx, 'next_explicit');
        if (f.span.kind === 'direct' && i > 0) {
          const { readings, subject } = named ? NOTHING_BEFORE : previous();
          for (const r of readings) add(r, prevHasQuotes ? 'prev_intro_quoted' : 'prev_intro');
          if (subject) add({ speaker: personSpeaker(subject), via: 'via_name', commit: noop }, 'prev_subject');
          if (lastSpeaker && i - lastSpeaker.paragraph <= 2) {
            const r: Resolved = { speaker: lastSpeaker.speaker, via: lastSpeaker.speaker.person ? 'via_name' : 'via_group', commit: noop };
            add(r, 'last_speaker');
            // A quote paragraph continuing the one before: the convention of multi-paragraph speech.
            if (opensParagraph && lastSpeaker.paragraph === i - 1) add(r, 'cont_prev_para');
          }
        }
        // People named near the quote, outside quotes: one candidate per person, with the nearest
        // mention's distance and every place (sentence, paragraph, paragraph before) the person is
        // named in. (Any candidate who is a person named near gets that nearness here.)
        for (const m of nearby) {
          // Far into a long paragraph, other sentences' names are no evidence.
          if (Math.abs(m.pos - at) > NEAR_REACH) continue;
          const d = m.pos < at ? at - m.pos : Math.max(0, m.pos - q.close);
          const x = (cands.ofPerson(m.person) ?? cands.of(personSpeaker(m.person))).x;
          raise(x, F.via_name, 1);
          raise(x, F.nearness, 1 / (1 + d / 200));
          raise(x, place(m.pos), 1);
          if (m.subject) raise(x, F.near_subject, 1);
        }
        // How the names before the quote, in its sentence and the one before, stand: after "according
        // to" or right before the colon that opens the quote (cues of its speaker), or inside what a
        // speech verb reports (the latest mention of each person only).
        const cueFrom = q.sentenceFrom - base;
        // Read only where the sentence can hold a cue at all.
        const according = ACCORDING.test(f.ctx.sentencePre);
        const colon = ENDS_IN_COLON.test(f.ctx.sentencePre);
        const reportFrom = cueFrom > 0 ? sentenceStartOf(starts, cueFrom - 1) : 0;
        latestSeen.clear();
        // From the last mention before the quote (binary search: mentions after it are never read).
        for (let n = lastMentionBefore(nearby, base + f.span.open); n >= 0; n--) {
          const m = nearby[n] as PersonMention;
          const local = m.pos - base;
          if (local < reportFrom) break;
          const c = cands.ofPerson(m.person);
          if (!c) continue;
          if (local >= cueFrom) {
            if (according && ACCORDING_TO_BEFORE.test(para.slice(Math.max(cueFrom, local - 60), local))) raise(c.x, F.cue_sentence, 1);
            // The name nearest the colon only: "- Manchester United boss Sir Alex Ferguson: “" is Ferguson's.
            const toColon = colon && latestSeen.size === 0 ? para.slice(local, f.span.open) : '';
            if (LABEL_TO_COLON.test(toColon) && allVerbs(toColon).length === 0) raise(c.x, F.cue_sentence, 1);
          }
          if (latestSeen.has(m.person)) continue;
          latestSeen.add(m.person);
          if (reportedAt(para, base, local, starts, f.span.open, quoted, reported)) raise(c.x, F.reported_mention, 1);
          // In a prepositional phrase or a verb's object ("full of praise for Tom Reyes"): what the frame talks about.
          // (Read back to the mention's own sentence start only: the end of the sentence before is no part of its phrase.)
          if (frameOblique(para.slice(Math.max(sentenceStartOf(starts, local), local - 60), local))) raise(c.x, F.near_oblique, 1);
        }
        // A quote with no attribution of its own whose sentence opens its paragraph has the last
        // sentence of the paragraph before as its frame ("Manager Dan Wexley was full of praise for Tom
        // Reyes." ¶ "“He never stops …”"): the people that sentence names (latest mention first, none
        // already read in the quote's own sentence) in a prepositional phrase or as an object are marked too.
        if (!ex && cueFrom === 0 && i > 0) {
          const frameFrom = sentenceBefore(q.sentenceFrom);
          const frame = people.mentionsIn(frameFrom, base);
          for (let n = frame.length - 1; n >= 0; n--) {
            const m = frame[n] as PersonMention;
            if (latestSeen.has(m.person)) continue;
            latestSeen.add(m.person);
            const c = cands.ofPerson(m.person);
            const local = m.pos - prevBase;
            if (c && frameOblique(prev.slice(Math.max(frameFrom - prevBase, local - 60), local))) raise(c.x, F.near_oblique, 1);
          }
        }
        // A quote that continues a speaker ("X said: “…”", or a quote paragraph after one) against
        // a person named only after it, in a sentence that gives that person words of their own.
        const continuing = f.span.kind === 'direct' && (opensParagraph || /:\s*$/u.test(f.ctx.pre));
        if (continuing) {
          for (const p of namedAfterSpeaking(nearby, at, f.span.close, base, para, starts, quoted, speaks)) {
            const c = cands.ofPerson(p);
            if (c) setFeature(c.x, F.named_after_speech, 1);
          }
        }
        // "“…,” a spokesman for Acme said. “…,” he added", "An official with one U.S. maker said … “…,”
        // he said": a he/she may continue an unnamed person the paragraph's narration, the narration
        // of the paragraph before (prev_intro) or the last attribution made the speaker, a reading of
        // its own for the model to weigh against the names. Only when no named person is that
        // evidence in this paragraph or by the last attribution ("Eva Lichtenberg, a member of the
        // European Parliament said … she added" is hers): a person the paragraph before named does
        // not block the reading, as the described speaker may have spoken after that person.
        let namedSpeaker = false;
        // Whether a definite description ("the Lundian premier") has a referent reading the he/she may
        // mean: a named person whose gender (the text's, else the first name's) is not the other one.
        // Without one, a definite describer ("The bond desk chief said") may be the he/she's
        // reading as an indefinite one is, except a spokesperson (the voice of an organisation or
        // of a spokesman the article names, read by the description's own code).
        let referentAgrees = false;
        for (let n = 0; n < cands.size && ex && ex.pronoun !== null; n++) {
          const c = cands.at(n) as Candidate;
          const p = c.speaker.person;
          // A definite description's referent of the other gender ("The bond desk chief said" read
          // as Maria, named paragraphs before) is no named evidence against the description.
          const otherReferent = p !== null && c.x[F.via_desc_referent] !== 0 && genderOf(p) === (ex.pronoun === 'm' ? 'f' : 'm');
          if (p && c.x[F.via_desc_referent] && !otherReferent) referentAgrees = true;
          if (p && (c.x[F.intro_para] || c.x[F.prev_attr]) && !otherReferent && !onlyByPronoun(c.x)) namedSpeaker = true;
        }
        if (ex && ex.pronoun !== null && !namedSpeaker) {
          for (let n = 0; n < cands.size; n++) {
            const c = cands.at(n) as Candidate;
            const x = c.x;
            if (c.speaker.person || hasSlot(x) || !(x[F.intro_para] || x[F.prev_intro] || x[F.prev_attr]) || !(isIndefinitePerson(c.speaker.name) || (!referentAgrees && x[F.via_desc_def] && !THE_SPOKESPERSON.test(c.speaker.name) && isIndefinitePerson(c.speaker.name.replace(THE_START, 'a '))))) continue;
            // "a spokeswoman" is no "he".
            const g = genderOfWords(c.speaker.name.split(' '));
            if (g !== null && g !== ex.pronoun) continue;
            setFeature(x, FEATURE_INDEX[ex.slot], 1);
            setFeature(x, F.via_pronoun_prev, 1);
            setFeature(x, F.pronoun_desc, 1);
            slotReadings.push({ speaker: c.speaker, via: 'via_pronoun_prev', commit: noop });
          }
        }
        // The persons named inside the quote's own words: read once per quote, so that a long quote full of names stays linear.
        namedInside(people.mentions, q.at, q.close, inside);
        // The he/she the quote's own words hold (one pass over them), and who it most likely means.
        countMentionsBefore(q.at);
        const talkedOf = thirdPersonIn(f.span.text);
        const subjectM = talkedOf.m ? topNamed.m : null;
        const subjectF = talkedOf.f ? topNamed.f : null;
        for (let n = 0; n < cands.size; n++) {
          const c = cands.at(n) as Candidate;
          const x = c.x;
          const p = c.speaker.person;
          if (p) {
            const shape = shapeOf(p);
            if (shape.full) setFeature(x, F.full_name, 1);
            if (shape.full && shape.firstName) setFeature(x, F.known_first_name, 1);
            if (!shape.full && !shape.firstName) setFeature(x, F.single_word, 1);
            if (!shape.full && shape.firstName) setFeature(x, F.first_name_only, 1);
            if (!personLike(p)) setFeature(x, F.no_person_sign, 1);
            thingFeatures(x, thingOf(p), !personLike(p));
            if (p.role) setFeature(x, F.has_role, 1);
            else if (shape.full && !shape.firstName) setFeature(x, F.unknown_first_name, 1);
            setFeature(x, F.salience, Math.min(1, p.evidence / 5));
          }
          if (p && inside.has(p)) setFeature(x, F.named_in_quote, 1);
          if (p && (p === subjectM || p === subjectF) && genderOf(p) === (p === subjectM ? 'm' : 'f')) setFeature(x, F.third_person_in_quote, 1);
          if (!p && !OPENS_LIKE_A_SPEAKER.test(c.speaker.name)) setFeature(x, F.desc_bare, 1);
          if (ex && !hasSlot(x)) setFeature(x, F.other_than_slot, 1);
          // An unnamed definite description may go back to an indefinite one the narration used; the
          // latest speaker a quote's own attribution named holds the turn.
          if (!p && x[F.via_desc_def] && echoesIndefinite(c.speaker.name, narrationBefore(q.at, ECHO_REACH))) setFeature(x, F.desc_echo, 1);
          if (turns.since(turnKey(c.speaker), i) === 0) setFeature(x, F.turn_holder, 1);
        }
        // Nobody, the last choice: it wins only over candidates that score below it.
        let best = cands.size;
        let bestScore = scoreVector(w, NULL_VECTOR);
        for (let n = 0; n < cands.size; n++) {
          const score = scoreVector(w, (cands.at(n) as Candidate).x);
          if (score > bestScore) {
            bestScore = score;
            best = n;
          }
        }
        if (options.observe) {
          const list: CandidateView[] = [];
          for (let n = 0; n < cands.size; n++) {
            const c = cands.at(n) as Candidate;
            list.push({ speaker: outputName(c.speaker), vector: c.x.slice() });
          }
          list.push({ speaker: null, vector: NULL_VECTOR.slice() });
          options.observe(f.span, list, best);
        }
        const chosen = cands.at(best);
        if (chosen) {
          for (const commit of chosen.commits) commit();
          f.speaker = chosen.speaker;
          earlier = chosen.speaker;
          if (slotReadings.some((r) => sameSpeaker(r.speaker, chosen.speaker))) {
            lastAttribution = { speaker: chosen.speaker, paragraph: i, sentence: sentenceIndex(starts, f.span.close), sentences: starts.length };
            turns.record(turnKey(chosen.speaker), i);
            turnHolder = { speaker: chosen.speaker, paragraph: i };
          }
        }
      });
      for (let k = speech.length - 1; k >= 0; k--) {
        const spoken = speech[k]?.speaker;
        if (spoken && !writtenBy.has(spoken)) {
          lastSpeaker = { speaker: spoken, paragraph: i };
          break;
        }
      }
    }
    for (const f of found) {
      const name = f.speaker ? outputName(f.speaker) : null;
      const { paragraph, text, start, end, open, close, unclosed, kind } = f.span;
      // Written out, not spread: this runs for every quote of an archive, and the keys keep the span's order.
      out.push({ paragraph, text, start, end, open, close, unclosed, kind, speaker: name, role: f.speaker ? (f.speaker.role ?? null) : null });
    }
  });
  cands.release();
  spareTable = cands;
  return out;
}

const ACRONYM = /^\p{Lu}{2,6}$/u;
// Shared /g expressions: only for replace, match and matchAll (which reset or copy lastIndex), never test or exec.
const NON_LETTER_ENDS = /^[^\p{L}&]+|[^\p{L}]+$/gu;
const ACRONYM_SKIP = new Set(['of', 'and', 'for', 'the', 'on', 'in', '&']);

/**
 * Every spelled-out acronym the article could mean, in one pass: for each run of capitalised words
 * (joined by of/and/for/the) its initials of two to six letters → the run's first occurrence
 * ("Export Development Canada" → EDC). Each word starts at most 14 steps, so the pass is linear.
 */
function acronymTable(paragraphs: readonly string[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const para of paragraphs) {
    const words = para.split(/\s+/u);
    for (let i = 0; i < words.length; i++) {
      const run: string[] = [];
      let initials = '';
      for (let j = i; j < words.length && run.length < 14; j++) {
        const raw = words[j] ?? '';
        const w = raw.replace(NON_LETTER_ENDS, '');
        if (run.length > 0 && ACRONYM_SKIP.has(w)) {
          run.push(w);
          continue;
        }
        if (!STARTS_CAPITALISED.test(w)) break;
        run.push(w);
        initials += w[0];
        if (initials.length > 6) break;
        if (initials.length >= 2 && !table.has(initials)) table.set(initials, run.join(' '));
        if (ENDS_IN_NON_LETTER.test(raw)) break;
      }
    }
  }
  return table;
}

/** "EDC" → "Export Development Canada" when the article spells the acronym out; other names unchanged. */
export function expandAcronym(name: string, paragraphs: readonly string[], cache: { table: Map<string, string> | null }): string {
  if (!ACRONYM.test(name)) return name;
  cache.table ??= acronymTable(paragraphs);
  return cache.table.get(name) ?? name;
}

/**
 * Short forms of a first name used for the same person in one article ("Alexander Wise" in a
 * caption, "Xander Wise" in the text; "Alex" / "Alexander"): each maps to the person with the
 * longer first name, the article's full form. Relatives share a surname but not nested first names.
 */
function nameVariants(people: People): Map<Person, Person> {
  const bySurname = new Map<string, Person[]>();
  for (const p of people.persons.values()) {
    if (p.folded.length !== 2) continue;
    const key = p.folded[1] ?? '';
    const list = bySurname.get(key) ?? [];
    if (list.length < 8) list.push(p);
    bySurname.set(key, list);
  }
  const out = new Map<Person, Person>();
  for (const list of bySurname.values()) {
    for (const a of list) {
      for (const b of list) {
        const fa = a.folded[0] ?? '';
        const fb = b.folded[0] ?? '';
        if (fa.length >= 3 && fb.length > fa.length && (fb.startsWith(fa) || fb.endsWith(fa)) && !out.has(b)) out.set(a, b);
      }
    }
  }
  return out;
}

/** How far back (characters) a surname alone looks for the full name it stands for. */
const SURNAME_REACH = 3000;

/** The person with a full name ending in `surname` whose mention outside quotes comes last before `pos`. */
function lastBearer(people: People, surname: string, pos: number): Person | undefined {
  const ms = people.mentionsIn(pos - SURNAME_REACH, pos);
  for (let k = ms.length - 1; k >= 0; k--) {
    const p = ms[k]?.person;
    if (p && p.folded.length >= 2 && p.folded[p.folded.length - 1] === surname) return p;
  }
  return undefined;
}

/** How far (characters) from a quote a name still counts as near. */
const NEAR_REACH = 1500;

const SLOTS: readonly Feature[] = ['slot_tail', 'slot_pre', 'slot_according', 'slot_participle', 'slot_colon', 'slot_by'];
const SLOT_INDEX = SLOTS.map((slot) => FEATURE_INDEX[slot]);
/** Whether a candidate was found in one of the quote's attribution slots. */
function hasSlot(x: FeatureVector): boolean {
  for (const j of SLOT_INDEX) if (x[j]) return true;
  return false;
}

const NULL_VECTOR: FeatureVector = vectorOf({ null: 1 });
const AGREES: Features = { gender_agrees: 1 };
const CLASHES: Features = { name_gender_clash: 1 };
const LAST_VERB: Features = { pronoun_last_verb: 1 };
const LAST_VERB_AGREES: Features = { pronoun_last_verb: 1, gender_agrees: 1 };
const LAST_VERB_CLASHES: Features = { pronoun_last_verb: 1, name_gender_clash: 1 };

interface Shape {
  full: boolean;
  firstName: boolean;
  gender: Gender;
}

/**
 * What a person's name looks like, which never changes within an article: computed once per
 * person. One memo per article (persons are an article's own), a plain Map rather than a module
 * WeakMap, whose entries cost the collector more than the lookups they save.
 */
function shapeMemo(): (p: Person) => Shape {
  const shapes = new Map<Person, Shape>();
  return (p) => {
    let shape = shapes.get(p);
    if (!shape) {
      const core = p.folded.filter((w) => !PARTICLES.has(w));
      const gender = firstNameGender(p.folded[0] ?? '');
      // A lone name the text gives a role or title ("President Kelly", "Chancellor Shannon") is
      // mostly a surname: the gender the name lists give that word as a first name says nothing of
      // the person. (The role as the name scan, or an attribution before this first reading, gave it.)
      // Its shape stays a first name's: as a single word it did worse (bench/RESULTS.md, k23attr).
      const surname = core.length === 1 && p.role !== null;
      shape = { full: core.length >= 2, firstName: gender !== null, gender: surname ? null : gender };
      shapes.set(p, shape);
    }
    return shape;
  };
}

// "the Welsh Assembly Government" and "Welsh Assembly Government" are one speaker.
const groupKey = (name: string): string => foldName(name.replace(THE_BEFORE_CAPITAL, ''));

const INVERTED_BEFORE = /(?:[,;:—–(“”"]|[.!?][”"’')]*)\s*(?:(?:\p{Ll}+ly|then|also)\s+)?$/u;
// … or the paragraph's start (the window's start is no clause start unless it is the paragraph's).
const VERB_OPENS = /^\s*(?:(?:\p{Ll}+ly|then|also)\s+)?$/u;

/** A speech verb's subject read from the narration, and where the verb (or an inverted verb's subject) stands. */
interface Intro {
  phrase: Phrase;
  at: number;
}

/**
 * `subjectBefore` of the text before a speech verb, by where that text starts and where the verb
 * stands (global offsets; key: (start + 1) · MAX_MEMO_OFFSET + verb), with the verb it was read for:
 * the quotes of a paragraph read the same verbs from windows that end at each quote.
 */
type VerbSubjects = Map<number, { word: string; phrase: Phrase | null }>;

/** The subject of the last speech verb in `p` before `at`, outside quotes ("Lonechild said she is hopeful."). */
function introSpeaker(p: string, at: number, base: number, marks: MarkCount, subjects: VerbSubjects): Intro | null {
  const from = Math.max(0, at - CONTEXT);
  const window = p.slice(from, at);
  const verbs = allVerbs(window);
  for (let k = verbs.length - 1; k >= 0; k--) {
    const v = verbs[k];
    if (!v) continue;
    const before = window.slice(0, v.start);
    // Inside a quote (odd number of marks before it): not narration. Counted from the paragraph's
    // start: the window may begin inside a quote and would read every mark the wrong way round.
    if ((marks(p, base, from + v.start) & 1) === 1) continue;
    const cut = Math.max(0, before.length - 200);
    const verbAt = base + from + v.start;
    const key = (base + from + cut + 1) * MAX_MEMO_OFFSET + verbAt;
    let known = verbAt < MAX_MEMO_OFFSET ? subjects.get(key) : undefined;
    if (known?.word !== v.word) {
      known = { word: v.word, phrase: describedOverInner(before.slice(cut), subjectBefore(before.slice(cut), v.word)) };
      if (verbAt < MAX_MEMO_OFFSET) subjects.set(key, known);
    }
    const phrase = known.phrase;
    if (phrase) return { phrase, at: base + from + v.start };
    const after = subjectAfter(window.slice(v.end));
    // An inverted verb opens its clause ("Prices will fall, said Smith", "Said one analyst"); after a
    // subject the scan could not read ("One of them said the Ukrainians were …", "… for saying the
    // Greens had …") what follows is what was said, not who said it, and the verb has no subject
    // to give (an earlier verb's subject would not be this one's either).
    // (The punctuation and adverb before an inverted verb stand in its last 60 characters: the
    // expression, anchored at the end, is not tried from every start of a long window.)
    if (after && after.words.some((w) => STARTS_UPPER.test(bare(w)))) return INVERTED_BEFORE.test(before.slice(-60)) || (from === 0 && VERB_OPENS.test(before)) ? { phrase: after, at: base + from + v.end } : null;
  }
  return null;
}

/** How many quotation marks paragraph `p` (at offset `base`) has before `at`. */
type MarkCount = (p: string, base: number, at: number) => number;

const DOUBLE_MARK = /["“”]/g;

/** A mark counter for one article: each paragraph's mark offsets are found once, then counted by binary search, so that a paragraph of thousands of quotes stays linear. */
function markCounter(): MarkCount {
  const cache = new Map<number, number[]>();
  return (p, base, at) => {
    let offsets = cache.get(base);
    if (!offsets) {
      offsets = [];
      // The expression jumps natively from mark to mark (a character loop read every character of
      // every paragraph before a quote); `test` leaves the one-character match's end in lastIndex.
      DOUBLE_MARK.lastIndex = 0;
      while (DOUBLE_MARK.test(p)) offsets.push(DOUBLE_MARK.lastIndex - 1);
      cache.set(base, offsets);
    }
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((offsets[mid] ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * The words of a sentence's capitalised subject and the role nouns right after it: "A Treasury
 * spokesperson dismissed …" is a spokesperson, not "A Treasury". A bare name keeps a group noun
 * after it ("Surrey staff explained" is the staff); any other name is left as it is.
 */
const PLURAL_ROLE = /^\p{Ll}+(?:er|or|ist|ian|ant|ent|ate|ee)s$/u;
function withRoleNouns(subject: string, rest: string): string[] {
  const words = subject.split(/\s+/u);
  // "Surrey staff explained …", "Google officials said …": after a bare name only a group noun
  // counts (a name is no role's modifier otherwise), and it makes the subject a group.
  const determined = /^(?:A|An|The)$/u.test(words[0] ?? '');
  // Only the first three words are read: the split stops there (the rest may be a long sentence).
  for (const w of rest.trimStart().split(/\s+/u, 3)) {
    // "A Treasury spokesperson, speaking …": the noun before the comma is the role, and the last one.
    const word = w.replace(/[,;:.]+$/u, '');
    // A plural role noun is a group noun too: "Tory delegates are gathering …, declaring" is the delegates.
    if (determined ? !isRoleWord(word) : !(GROUP_NOUNS.has(word) || (PLURAL_ROLE.test(word) && isRoleWord(word))) || isPronoun(subject)) break;
    words.push(word);
    if (word !== w) break;
  }
  return words;
}

const ONE_SPEECH = String.raw`(?:(?:also|later|then)\s+)?(?:said|says|added|adds|asked|asks|told|tells|noted|notes|remarked|commented|explained|replied|complained|warned|insisted)\b`;
/** A quote's tail whose subject is "one" alone: `,” one said`, `,” said one.` (`,” one trader … said` is a description of its own). */
const ONE_TAIL = new RegExp(String.raw`^[\s,;:—–’'-]*(?:(?:(?:then|also|later)\s+)?one\s+${ONE_SPEECH}|(?:said|says|added|adds)\s+one(?=\s*(?:[.,;]|$)))`, 'u');
/** The same after a quote ending in "?" or "!", where the tail may open with a capital: `“Why now?” One asked.` */
const ONE_TAIL_AFTER_MARK = new RegExp(String.raw`^[\s,;:—–’'-]*(?:(?:(?:[Tt]hen|[Aa]lso|[Ll]ater)\s+)?[Oo]ne\s+${ONE_SPEECH}|(?:[Ss]aid|[Ss]ays|[Aa]dded|[Aa]dds)\s+one(?=\s*(?:[.,;]|$)))`, 'u');
/** How many characters after such a quote are read for "One said" (a few words). */
const ONE_TAIL_AFTER_MARK_REACH = 40;
const ENDS_IN_QUESTION_OR_EXCLAMATION = /[?!]["”’')]*\s*$/u;
/** A sentence before a quote opened by "One" and a speech verb: "One told the paper that staff had been “…”". */
const ONE_OPENS = new RegExp(String.raw`^\s*(?:(?:But|And|Yet|Still|However),?\s+)?One\s+${ONE_SPEECH}`, 'u');
/** How far back (characters, this paragraph and the one before) the group "one" belongs to is looked for. */
const ONE_GROUP_REACH = 600;
/**
 * A plural noun that stands as a subject: opening its sentence or paragraph after at most a
 * quantifier and two modifiers ("Dealers at the port said …", "Many night nurses were …"), or
 * right before a speech verb ("…, dealers said").
 */
const PLURAL_SUBJECT_WORD = /(?:(?:^|[.!?]["”’')]*\s+|\n\s*)(?:(?:Some|Many|Several|Other|Most|Two|Three|Four|The|A\s+few)\s+)?(?:[\p{Ll}-]+\s+){0,2}?(\p{L}[\p{Ll}-]+s)\s|(?<![\p{L}'’-])(\p{Ll}[\p{Ll}-]+s)\s+(?:also\s+)?(?:said|say|says|added|told|reported)\b)/gu;
/** The first sentence break of a text (as SENTENCE_BREAK, once). */
const FIRST_SENTENCE_BREAK = new RegExp(`${NOT_AFTER_ABBREVIATION}[.!?]["”’')]*\\s+(?=["“‘(]?\\p{Lu})`, 'u');
const SIBILANT_PLURAL = /(?:ss|sh|ch|x)es$/u;
/** What stands before a sentence's (or paragraph's) first word. */
const SENTENCE_FIRST = /(?:^|[.!?]["”’')]*\s+|\n\s*)$/u;
/** Nouns of GROUP_NOUNS that name bodies, places or texts, not people (one form per word: plurals are tested by their singular). */
const NOT_PEOPLE = new Set(
  `government agency department ministry office union group board council court team firm statement report release memo letter study
  survey administration commission committee campaign party city town province state county organization organisation association
  website post tweet petition sign company`.split(/\s+/),
);
/** An agent noun's ending ("dealer", "arbitrager", "economist", "historian", "employee", "chairman"). */
const AGENT_ENDING = /(?:er|or|ist|ian|ee|man|woman)$/u;
/** Agent-like endings of things ("orders", "sectors", "rumours"). */
const AGENT_LIKE_THINGS = new Set(
  `order number paper quarter matter center centre letter computer container sector factor indicator motor tractor reactor
  elevator monitor mirror error door floor color colour meter metre liter litre corridor rumor rumour favor favour tower power
  offer transfer border member-state charter chapter filter counter register barrier carrier tanker trailer cylinder other`.split(/\s+/),
);
/** The singular forms a plural may have ("witnesses" → "witnesse", "witness"). */
function singularsOf(plural: string): string[] {
  const singular = SIBILANT_PLURAL.test(plural) && !plural.endsWith('ses') ? plural.slice(0, -2) : plural.slice(0, -1);
  return SIBILANT_PLURAL.test(plural) ? [singular, plural.slice(0, -1)] : [singular];
}
/** A plural the word lists know as people ("officials", "witnesses", "traders"). */
function listedPeopleNoun(plural: string): boolean {
  const forms = singularsOf(plural);
  return (GROUP_NOUNS.has(plural) || forms.some((w) => GROUP_NOUNS.has(w))) && !NOT_PEOPLE.has(plural) && !forms.some((w) => NOT_PEOPLE.has(w));
}
/** A plural noun of people ("dealers", "witnesses", "officials"), by word lists and an agent ending; not "shipments" or "documents". */
function peopleNoun(plural: string): boolean {
  return listedPeopleNoun(plural) || singularsOf(plural).some((w) => AGENT_ENDING.test(w) && !AGENT_LIKE_THINGS.has(w) && isRoleWord(w));
}
/** Endings that make a people noun of a place ("Londoners", "Parisians"); the stem is then the place. */
const OF_PLACE_ENDING = /(?:ers|ians|ans|ites|ese)$/u;
/** A capitalised plural of a nation, a people or a place's people ("Canadians", "Londoners", "Parisians"): a name, shown as written. */
function isProperPlural(written: string): boolean {
  if (singularsOf(written).some((w) => isDemonym(w))) return true;
  const stem = written.replace(OF_PLACE_ENDING, '');
  return stem !== written && stem.length >= 3 && (isPlaceName([stem]) || isPlaceName([`${stem}e`]));
}
/** A capitalised word ending in "s" (a surname, an agency, a people's plural). */
const CAPITALISED_S_WORD = /\p{Lu}[\p{Ll}'’-]*s(?![\p{L}'’-])/gu;
/** What stands before a sentence's first word, a dateline's dash included ("LONDON, March 3 - Dealers said"). */
const OPENS_SENTENCE = /(?:^|[.!?:]["”’')]*\s+|\n\s*|\s[-—–]\s+)$/u;
/** The capitalised "s" words `text` writes inside a sentence, not first ("…, Varnes said", "told the Gazettes"): names, in one pass. */
function capitalisedMidSentence(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(CAPITALISED_S_WORD)) if (!OPENS_SENTENCE.test(text.slice(Math.max(0, m.index - 8), m.index)) && m.index > 0) out.add(m[0]);
  return out;
}
/** How far into its sentence a capitalised plural's speech verb is looked for ("Dealers at the port said …"). */
const SPEAKS_REACH = 80;
/** The sentence after a word speaks within SPEAKS_REACH characters. */
function speaksAfter(text: string, from: number): boolean {
  const rest = text.slice(from, from + SPEAKS_REACH);
  const stop = rest.search(/[.!?\n]/u);
  return hasSpeechVerb(stop < 0 ? rest : rest.slice(0, stop));
}
/**
 * The last plural noun of people standing as a subject in `text` ("Dealers at the port said …"
 * gives "dealers", "Many night nurses were unhappy" "nurses"), or null: the group an unnamed "one"
 * speaks from. `isName(word)`: the article uses the word as a name.
 * A capitalised word may be a surname ("Varnes"), an agency or a thing opening its
 * sentence ("Rivers rose"): it is a group of people only when the word lists know it as one, or
 * when it is no name and its sentence makes it speak. Shown as written, lower-cased only when the
 * word lists know it (a sentence's first word: "Dealers" → "dealers", "Canadians" stays).
 */
function pluralPeopleBefore(text: string, isName: (word: string) => boolean): string | null {
  let last: string | null = null;
  for (const m of text.matchAll(PLURAL_SUBJECT_WORD)) {
    const written = m[1] ?? m[2] ?? '';
    const w = written.toLowerCase();
    if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('ics')) continue;
    const offset = m.index + m[0].lastIndexOf(written);
    const capitalised = w !== written;
    if (!peopleNoun(w)) continue;
    // A word the lists know as people stays one even inside a name ("the United Farm Workers union").
    // An unlisted one whose singular is a given name ("Peters", "Rogers", "Sanders") is a surname.
    if (capitalised && !listedPeopleNoun(w) && (isName(written) || singularsOf(w).some(isFirstName) || !speaksAfter(text, offset + written.length))) continue;
    last = capitalised && SENTENCE_FIRST.test(text.slice(Math.max(0, offset - 4), offset)) && (listedPeopleNoun(w) || !isProperPlural(written)) ? w : written;
  }
  return last;
}

/** "the companies said", "The two banks added": a plural description as a speech verb's subject. */
const PLURAL_SUBJECT = /\b[Tt]he\s+((?:[\p{Ll}-]+\s+){0,2}\p{Ll}{2,}[^s\s]s)\s+(?:also\s+)?(?:said|say|says|added|told|stated|announced)\b/gu;

/** The last plural description in `text` that is a speech verb's subject ("the companies"), or null. */
function pluralSubjectBefore(text: string): string | null {
  let last: string | null = null;
  for (const m of text.matchAll(PLURAL_SUBJECT)) {
    const phrase = m[1] ?? '';
    const head = phrase.slice(phrase.lastIndexOf(' ') + 1);
    if (head !== 'news' && !head.endsWith('ics')) last = `the ${phrase}`;
  }
  return last;
}

/** Whether a position falls inside one of the (disjoint) ranges, ends excluded: the article's quotations. */
export function makeRangeTest(ranges: readonly [number, number][]): (pos: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  return (pos) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.[0] ?? 0) <= pos) lo = mid + 1;
      else hi = mid;
    }
    const r = sorted[lo - 1];
    return r !== undefined && pos > r[0] && pos < r[1];
  };
}

/** Where the paragraph before the one holding `pos` begins: how far back an organisation may be named. */
function previousParagraphStart(bases: readonly number[], pos: number): number {
  let i = bases.length - 1;
  while (i > 0 && (bases[i] ?? 0) > pos) i--;
  return bases[Math.max(0, i - 1)] ?? 0;
}

/** How far back (characters) a document's issuer may be named: this paragraph and the one before, at most. */
const OWNER_REACH = 1500;
/** How far back (characters) "the assembly government" looks for "Welsh Assembly Government". */
const NAMED_ORG_REACH = 3000;
// Only at a word's start: a match may not begin inside a long capitalised word, where every
// capital would be a new start to backtrack from (quadratic on hostile text).
const CAP = String.raw`(?<![\p{L}'’&.-])\p{Lu}[\p{L}'’&.-]*`;
const CAP_RUN = String.raw`${CAP}(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?${CAP}){0,6}`;
const nounAlternatives = (ignoreFirstCase: boolean): string =>
  [...DOCUMENT_NOUNS].map((n) => (ignoreFirstCase ? `[${n[0] ?? ''}${(n[0] ?? '').toUpperCase()}]${escapeRe(n.slice(1))}` : escapeRe(n))).join('|');
// "A National Audit Office report", "the NAO's annual report" (no determiner or verb between: "Smith criticised the report" is no owner).
const OWNER_BEFORE = new RegExp(String.raw`(${CAP_RUN})(?:['’]s?)?\s+(?:(?!(?:a|an|the|his|her|its|their|this|that|these|those|in|on|of|to|for|and|or|but|is|was|has|had|says|said)\s)[\p{Ll}-]+\s+){0,2}(${nounAlternatives(false)})\b`, 'gu');
// "a study by the University of Calgary’s School of Public Policy", "An Open Letter from chief executive Sidney Taurel".
const OWNER_AFTER = new RegExp(String.raw`\b(${nounAlternatives(true)})\s+(?:by|from)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}(${CAP_RUN})`, 'gu');
const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday)$/u;

// A word whose full stop is no sentence's end: an initial, a dotted abbreviation ("U.S."), a title or a firm's suffix.
const ABBREVIATION = /^(?:\p{L}|Mr|Mrs|Ms|Dr|St|Co|Inc|Corp|Ltd|Jr|Sr|Bros|Gen|Col|Sen|Rep|Gov|Lt|Capt|Prof|Mt|Ft|No)\.$/u;

/**
 * A capitalised run as a name: words before a sentence's end ("… in London and Zurich. The report"
 * names no issuer in its own sentence), opening and closing articles and connectives ("A", "But")
 * and a final possessive off; null when nothing naming is left.
 */
function cleanRun(run: string): string | null {
  let ws = run.replace(/['’]s?$/u, '').split(/\s+/u);
  for (let i = ws.length - 2; i >= 0; i--) {
    const w = ws[i] ?? '';
    if (w.endsWith('.') && w.indexOf('.') === w.length - 1 && !ABBREVIATION.test(w)) {
      ws = ws.slice(i + 1);
      break;
    }
  }
  while (ws.length > 0 && (/^(?:A|An|The)$/u.test(ws[0] ?? '') || isNonNameStarter(ws[0] ?? ''))) ws.shift();
  while (ws.length > 0 && /^(?:of|for|and|the|A|An|The)$/u.test(ws[ws.length - 1] ?? '')) ws.pop();
  if (ws.length === 0 || (ws.length === 1 && (isDemonym(ws[0] ?? '') || CALENDAR.test(ws[0] ?? '')))) return null;
  return ws.join(' ');
}

/**
 * Who the text says issued a document before the description of it ("the report says"): the
 * issuer of the last document of the same kind named in `text`, else of the last document of any
 * kind ("a study by …" then "the report said"). Null when no document named before has an issuer.
 */
function documentOwner(text: string, noun: string): string | null {
  const found: Array<{ at: number; doc: string; run: string }> = [];
  for (const m of text.matchAll(OWNER_BEFORE)) found.push({ at: m.index, doc: m[2] ?? '', run: m[1] ?? '' });
  for (const m of text.matchAll(OWNER_AFTER)) found.push({ at: m.index, doc: m[1] ?? '', run: m[2] ?? '' });
  found.sort((a, b) => b.at - a.at);
  const kind = (d: string): string => d.toLowerCase().replace(/s$/u, '');
  let any: string | null = null;
  for (const f of found) {
    const owner = cleanRun(f.run);
    if (!owner) continue;
    if (kind(f.doc) === kind(noun)) return owner;
    any ??= owner;
  }
  return any;
}

/** The last name in `text` that ends in the description's own words, capitalised ("assembly government" → "Welsh Assembly Government"). */
function namedOrg(text: string, description: string): string | null {
  const ws = description.split(/\s+/u).filter((w) => w.length > 0);
  if (ws.length === 0 || ws.some((w) => !LOWER_OR_HYPHEN_ONLY.test(w))) return null;
  // The expression needs the description's first word as its tail writes it (capitalised): a text
  // without it has no match, and most have none (the expression is then neither built nor run).
  const first = ws[0] ?? '';
  if (!text.includes(`${(first[0] ?? '').toUpperCase()}${first.slice(1)}`)) return null;
  const tail = ws.map((w) => `${(w[0] ?? '').toUpperCase()}${escapeRe(w.slice(1))}`).join(String.raw`\s+`);
  const re = new RegExp(String.raw`((?:${CAP}\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,5})${tail}\b`, 'gu');
  let best: string | null = null;
  for (const m of text.matchAll(re)) {
    const lead = cleanRun((m[1] ?? '').trim());
    if (lead) best = `${lead} ${m[0].slice((m[1] ?? '').length)}`.replace(/\s+/gu, ' ');
  }
  return best;
}

/** The last "Tore Sohlberg and Lehla Abreder" in `text` whose two names are both the article's persons, as one name. */
function namedPair(text: string, people: People): string | null {
  let best: string | null = null;
  for (const m of text.matchAll(NAMED_PAIR)) {
    const a = people.persons.get((m[1] ?? '').split(/\s+/u).map((w) => foldName(w)).join(' '));
    const b = people.persons.get((m[2] ?? '').split(/\s+/u).map((w) => foldName(w)).join(' '));
    if (a && b && a !== b) best = `${a.name} and ${b.name}`;
  }
  return best;
}

/** One candidate: the same person, or the same folded group name ("the Welsh Assembly Government" and "Welsh Assembly Government"). */
const sameSpeaker = (a: Speaker, b: Speaker): boolean => (a.person || b.person ? a.person === b.person : groupKey(a.name) === groupKey(b.name));

/** A name written as a possessive ("Mr Brown's former adviser"): it qualifies someone else. */
// A bare apostrophe only after a final s ("Jones' deputy"): after any other letter it closes a quote ("… Blair’ said").
const POSSESSIVE_NAME = /^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,4}(?:['’]s|(?<=s)['’])(?:\s|$)/u;

/** Where the last explicitly attributed quote stood: its paragraph, its sentence there and the paragraph's sentence count. */
interface Attribution {
  speaker: Speaker;
  paragraph: number;
  sentence: number;
  sentences: number;
}

/** The sentence holding `at`, given a paragraph's sentence starts. */
const sentenceIndex = (starts: readonly number[], at: number): number => lastAtOrBefore(starts, at);

/**
 * Readings of who a quote continues, each marked with its own feature: the speaker the last
 * explicit attribution named, in this paragraph or the one before (`prev_attr`, 1 / (1 + how many
 * sentences apart)), and the person the sentence right before the quote's sentence introduces, in the same
 * paragraph (`prev_sent_person`): the first name there the text shows to be a person's, not a possessive
 * ("… produced positive results for Mississauga accountant Babatunji Farinloye, 50. “…,” he says").
 */
function precedingReadings(
  last: Attribution | null,
  paragraph: number,
  sentence: number,
  people: People,
  base: number,
  starts: readonly number[],
  open: number,
  para: string,
  personSpeaker: (p: Person) => Speaker,
  personLike: (p: Person) => boolean,
): Resolved[] {
  const out: Resolved[] = [];
  if (last && (last.paragraph === paragraph || last.paragraph === paragraph - 1)) {
    const d = last.paragraph === paragraph ? sentence - last.sentence : last.sentences - last.sentence + sentence;
    out.push({ speaker: last.speaker, via: last.speaker.person ? 'via_name' : 'via_group', commit: noop, extra: { prev_attr: 1 / (1 + Math.max(0, d)) } });
  }
  const from = sentenceStartOf(starts, open);
  if (from > 0) {
    const prevFrom = sentenceStartOf(starts, from - 1);
    // The first person named who is no possessive: a later one tends to sit in a side clause ("I'm
    // talking about Alfonso Espinos, who like Montalban was born in Mexico"), and "Mr Brown's former
    // adviser Ed Balls" introduces Balls.
    // Only someone the text shows to be a person: the sentence before a quote names days, places,
    // events and works ("on Boxing Day", "in Los Angeles", "at the Brit Awards") as often as people.
    const m = people.mentionsIn(base + prevFrom, base + from).find((x) => personLike(x.person) && !POSSESSIVE_NAME.test(para.slice(x.pos - base, x.pos - base + 80)));
    if (m) out.push({ speaker: personSpeaker(m.person), via: 'via_name', commit: noop, extra: { prev_sent_person: 1 } });
  }
  return out;
}

/**
 * The persons named after a quote (at most NEAR_REACH on), in a later sentence of its paragraph
 * that has a speech verb of its own outside quotes, and not named before the quote in this
 * paragraph or the one before (`nearby`): "…" Winslet said she was "ecstatic" is Winslet's own
 * statement, no sign that she spoke the quote before it. `speaks` is the paragraph's memo of which
 * sentences have a speech verb outside quotes.
 */
function namedAfterSpeaking(
  nearby: readonly PersonMention[],
  at: number,
  close: number,
  base: number,
  para: string,
  starts: readonly number[],
  quoted: (pos: number) => boolean,
  speaks: Map<number, boolean>,
): Set<Person> {
  const before = new Set<Person>();
  const out = new Set<Person>();
  const quoteEnd = sentenceEndAfter(starts, close, para.length);
  for (const m of nearby) {
    if (m.pos < at) {
      before.add(m.person);
      continue;
    }
    const local = m.pos - base;
    if (local < quoteEnd || local - close > NEAR_REACH || before.has(m.person)) continue;
    const from = sentenceStartOf(starts, local);
    let s = speaks.get(from);
    if (s === undefined) {
      s = allVerbs(para.slice(from, sentenceEndAfter(starts, local, para.length))).some((v) => !quoted(base + from + v.start));
      speaks.set(from, s);
    }
    if (s) out.add(m.person);
  }
  return out;
}

/**
 * How the article's mentions stand, by global offset: `obliqueBefore` of the mention's sentence
 * text before it, and `mainSubject` by the mention and the other person's mention before it in
 * reach (key: (that offset + 1, 0 for none) · MAX_MEMO_OFFSET + the mention's offset).
 */
interface MentionStands {
  oblique: Map<number, boolean>;
  main: Map<number, boolean>;
}
/** Offsets up to here make exact keys of two offsets (2^26 · 2^26 < 2^53); a mention of an article longer than that is not memoised. */
const MAX_MEMO_OFFSET = 2 ** 26;

/** How far back (characters) the text is read for how a pronoun's antecedent stands. */
const ANTE_REACH = 2000;
/**
 * A preposition, a subordinating opener or a verb of address right before a name (titles between
 * allowed): the name is an object or sits in a side clause ("Unlike Al Mnajer, he", "tell Toronto
 * Mayor John Tory"), a weaker antecedent than a subject.
 */
const OBLIQUE_WORD_LIST = 'unlike like for to with of about by from than against at on in into toward towards between among after before including tell told asked ask thanked met meet called named joined beat defeated visited replaced criticized criticised praised accused urged as and or'.split(' ');
export const OBLIQUE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${OBLIQUE_WORD_LIST.join('|')})\s+(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}$`, 'iu');
// One list for the expression and its reading by hand (`obliqueBefore`).
const OBLIQUE_WORDS = new Set(OBLIQUE_WORD_LIST);
const LONGEST_OBLIQUE_WORD = Math.max(...OBLIQUE_WORD_LIST.map((w) => w.length));

/**
 * OBLIQUE_BEFORE.test(s), read by hand while what it reads is ASCII; when a character it would read
 * is not, the expression decides (its /iu rules for other scripts are not restated here). It is asked
 * at antecedents of he/she, and its case-insensitive Unicode classes make it one of the dearest
 * expressions to compile. A match is anchored at the end, so only the end is read: blanks (`\s`,
 * which `isSpaceCode` is for all of Unicode), then at most three blank-separated words that open with
 * a letter and hold only letters, periods, apostrophes and hyphens (in ASCII, /i makes [\p{Lu}] any
 * letter), and before them a word whose last run of letters is a listed word in any case (no letter
 * before it: a listed word starting inside that run would follow a letter, so only the whole run can match).
 */
export function obliqueBefore(s: string): boolean {
  let e = s.length;
  if (e === 0 || !isSpaceCode(s.charCodeAt(e - 1))) return false;
  for (let skipped = 0; skipped <= 3; skipped++) {
    while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
    let b = e;
    while (b > 0 && !isSpaceCode(s.charCodeAt(b - 1))) {
      if (s.charCodeAt(b - 1) >= 128) return OBLIQUE_BEFORE.test(s);
      b--;
    }
    let l = e;
    while (l > b && isAsciiLetter(s.charCodeAt(l - 1))) l--;
    if (e > l && e - l <= LONGEST_OBLIQUE_WORD && OBLIQUE_WORDS.has(s.slice(l, e).toLowerCase())) return true;
    // Not the listed word: then one of the (at most three) words skipped before the end.
    if (b === e || !isAsciiLetter(s.charCodeAt(b))) return false;
    for (let k = b + 1; k < e; k++) {
      const c = s.charCodeAt(k);
      if (!isAsciiLetter(c) && c !== 46 && c !== 39 && c !== 45) return false;
    }
    e = b;
  }
  return false;
}

const SUBJECT_OPENER = /^\s*(?:(?:But|And|However|Meanwhile|Still|Then|So|Also|Yet|Instead|Earlier|Later)\b,?\s*)?(?:[^,.;:!?"“”]{1,40},\s+)?/u;
/** A lower-case word that reads as a verb ("unveils", "aimed", "boosting"): a clause, not a title, stands before the name. */
const VERB_LIKE = /^\p{Ll}+(?:s|ed|ing)$/u;
/**
 * The text before a name, from its sentence's start (`lead`), leaves the name as the sentence's
 * subject noun phrase: after a dateline and an opening phrase closed by a comma ("In 1999, "), at
 * most seven words and none of them a lower-case word that reads as a verb unless it is a role word
 * ("Harbour board chairwoman Ida Venn", "Senate Roads and Rivers panel chairman Olaf
 * Brisk"), never a clause ("The council drafts a scheme aimed at … to match Harold Quist …").
 */
function opensWithName(lead: string): boolean {
  const from = mayOpenWithDateline(lead) ? (DATELINE.exec(lead)?.[0].length ?? 0) : 0;
  const rest = lead.slice(from).replace(SUBJECT_OPENER, '');
  const words = rest.split(/\s+/u).filter((w) => w.length > 0);
  if (words.length > 7) return false;
  for (const w of words) if (/[,;:]$/u.test(w) || (VERB_LIKE.test(w) && !isRoleWord(w))) return false;
  return true;
}

/**
 * How far into its sentence a subject noun phrase can start: a dateline, a 40-character opener and
 * seven words fit well within it. Longer leads are no subject's, and are never split (linear time:
 * the lead is read once per he/she quote).
 */
const SUBJECT_REACH = 320;

/** "and" / "or" before a name may join it to a subject ("Smith and even Jones said"), and "according to" names a source: neither is what a frame talks about. */
const JOINED_OR_SOURCE = /(?:^|[^\p{L}])(?:and|or|according\s+to)\s+(?:[\p{L}.'’-]+\s+){0,3}$/iu;
/** A name (its text before it) in a prepositional phrase or a verb's object, for `near_oblique`. */
function frameOblique(before: string): boolean {
  return obliqueBefore(before) && !JOINED_OR_SOURCE.test(before);
}

/**
 * How a possible antecedent of a he/she at `pos` stands in the text (session 12's k13pron
 * features, re-tried beside the preceding attribution): whether its latest mention outside quotes
 * opens its sentence, whether it is an object or in a side clause, how many other persons (of no
 * other gender) were named after it, and how far back it is. Each mention within reach is read once.
 */
function antecedents(
  people: People,
  paragraphs: readonly string[],
  bases: readonly number[],
  pos: number,
  g: 'm' | 'f',
  shapeOf: (p: Person) => { gender: Gender },
  sentenceEnd: number,
  sentenceStart: number,
  prevSentenceStart: number,
  stands: MentionStands,
): (p: Person, x: FeatureVector) => void {
  const ms = people.mentionsIn(pos - ANTE_REACH, pos);
  const other = g === 'm' ? 'f' : 'm';
  // Named after the pronoun in its own sentence (outside quotes): "He said Reagan “…”".
  const bound = new Set<Person>();
  for (const m of people.mentionsIn(pos + 1, sentenceEnd)) bound.add(m.person);
  // The subject of the sentence before the pronoun's: its first person named (of at most the last
  // WINDOW·2 mentions `mentionsIn` reads), when that mention opens the sentence or a verb follows it
  // (`subject`), and nobody named in the pronoun's own sentence before it. A
  // sentence-initial he/she continues that subject far more often than a person its prepositional
  // phrases or objects name (a learnt feature, not a rule).
  const prevFirst = sentenceStart > prevSentenceStart && people.mentionsIn(sentenceStart, pos).length === 0 ? people.mentionsIn(prevSentenceStart, sentenceStart)[0] : undefined;
  const prevSubject = prevFirst?.subject && prevFirst.pos - prevSentenceStart <= SUBJECT_REACH && opensWithName(textBeforeIn(paragraphs, bases, prevFirst.pos, prevFirst.pos - prevSentenceStart)) ? prevFirst.person : undefined;
  // The features are raised on the candidate's row as they are read (no object per reading).
  return (p, x) => {
    if (bound.has(p)) raise(x, F.ante_bound, 1);
    if (p === prevSubject) raise(x, F.ante_prev_subject, 1);
    const between = new Set<Person>();
    for (let k = ms.length - 1; k >= 0; k--) {
      const m = ms[k];
      if (!m) continue;
      if (m.person !== p) {
        if (m.person.gender !== other && shapeOf(m.person).gender !== other) between.add(m.person);
        continue;
      }
      const d = pos - m.pos;
      raise(x, F.ante_far, d / (d + 400));
      raise(x, F.ante_between, Math.min(3, between.size) / 3);
      if (m.subject) raise(x, F.ante_subject, 1);
      let oblique = stands.oblique.get(m.pos);
      if (oblique === undefined) {
        oblique = obliqueBefore(sentenceTextBefore(paragraphs, bases, m.pos, 60));
        stands.oblique.set(m.pos, oblique);
      }
      if (oblique) raise(x, F.ante_oblique, 1);
      let j = k - 1;
      while (j >= 0 && ms[j]?.person === p) j--;
      // mainSubject reads the mention's text and, of the mention before it in reach, only where it stands.
      const previous = ms[j];
      const key = (previous ? previous.pos + 1 : 0) * MAX_MEMO_OFFSET + m.pos;
      let main = m.pos < MAX_MEMO_OFFSET ? stands.main.get(key) : undefined;
      if (main === undefined) {
        main = mainSubject(textBeforeIn(paragraphs, bases, m.pos, MAIN_REACH), textAfterIn(paragraphs, bases, m.pos, MAIN_REACH), previous, m.pos);
        if (m.pos < MAX_MEMO_OFFSET) stands.main.set(key, main);
      }
      if (main) raise(x, F.ante_main, 1);
      return;
    }
    raise(x, F.ante_far, 1);
    raise(x, F.ante_between, Math.min(3, between.size) / 3);
  };
}

/** How far back (characters) the start of an antecedent's sentence is looked for. */
const MAIN_REACH = 240;
/** Where a sentence ends inside a paragraph: the last match in the text before a mention starts the mention's sentence. */
// Not after "U.S." or "Gov.": "said that U.S. Secretary of State John Kerry would…" is one sentence.
const SENTENCE_BREAK = new RegExp(`${NOT_AFTER_ABBREVIATION}[.!?]["”’')]*\\s+(?=["“‘(]?\\p{Lu})`, 'gu');
/** Where the sentence after a mention ends (the same abbreviations end none). */
const SENTENCE_END_AFTER = new RegExp(`${NOT_AFTER_ABBREVIATION}[.!?](?:["”’')]*\\s|$)`, 'u');
/** A name with a comma after it, and what follows up to the next comma or sentence end (`,?` the comma that closes it). */
const NAME_THEN_COMMA = /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*,([^,;:!?]*?)(,|[.!?](?:\s|$)|$)/u;
const SPEECH_WORD = /\s(?:said|says|told|tells|added|adds)\b/u;
/** A subordinate or reported clause opened before a name: it is no main clause's subject ("confirm that Weir is", "when Mr Blunkett argued"). */
// "that" only as a complementizer: "that was not enough for Mr Sarkozy" is a demonstrative (an auxiliary follows it).
const SUBORDINATE = /(?:^|[^\p{L}])(?:that(?!\s+(?:was|is|were|are|would|will|has|had|may|might|could|should|can|does|did)\b)|when|whenever|while|whilst|if|because|although|though|whether|who|whom|whose|which|unless|until|since|as|than|where|said|says|say|told|tells|added|adds|claimed|claims|believes|believed|thinks|thought|argued|argues)(?:[^\p{L}]|$)/iu;

/** A speech verb right after a name and its words: "…, Sri Lankan finance minister Ronnie de Mel said". */
const SPEECH_NEXT = /^[\p{L}.'’ -]{0,40}?\s(?:said|says|told|tells|added|adds|stated|explained|noted|argued|warned|insisted|claimed)\b/u;
/** A later attribution in the same sentence: the clause holding the name is what someone else reported ("Jones would resign, Smith said"). */
// A subject between the comma and the verb, or a name after an inverted verb: "Nielson, who is chairman, said he …" is no report of someone else's.
// Not inside a side clause: ", which critics said was flawed, would go ahead" is no one's report of the sentence.
const REPORTED_BY = /,\s+(?:(?!(?:which|who|whom|whose|where|when|as)\s)[^,.;:!?]{1,60}\s(?:said|says|told|added|adds)\b|(?:said|says|added|adds|according\s+to)\s+\p{Lu})/u;

/**
 * A mention at `pos` is the subject of its sentence's main clause. Either the speaker of an
 * attribution that closes the sentence ("Growth will slow, finance minister Ronnie de Mel said"),
 * or the first person the sentence names (no other mention, `previous`, between the sentence's
 * start and it), with no subordinate or reported clause opened before it (an opening phrase
 * closed by a comma, "After the match, ", "One woman, ", does not count) and no attribution to
 * someone else closing the sentence after it. `before`/`after`: the paragraph's text around the
 * mention (up to MAIN_REACH each).
 */
function mainSubject(before: string, after: string, previous: PersonMention | undefined, pos: number): boolean {
  // With the name's first letter: a sentence break right before the name needs the capital after it.
  const from = sentenceOpening(before, after.slice(0, 1));
  // No sentence start in reach: a sentence this long has a clause before the name.
  if (from === 0 && before.length >= MAIN_REACH) return false;
  const lead = before.slice(from);
  // "…, finance minister Ronald Demmer said" — not a preposition's object ("Misselbrook, partner of Tods Murray said").
  if (/,\s+[^,.;:!?]{0,60}$/u.test(lead) && !/(?:^|\s)(?:of|for|at|with|from|in|on|to|by|and)\s+$/u.test(lead) && SPEECH_NEXT.test(after)) return true;
  if (previous && previous.pos >= pos - lead.length) return false;
  if (SUBORDINATE.test(lead.replace(/^[^,;:]{0,60},\s*/u, ''))) return false;
  const end = SENTENCE_END_AFTER.exec(after);
  const sentence = end ? after.slice(0, end.index) : after;
  // A comma right after the name opens its appositive. Left unclosed, the verb in it is the name's own
  // ("Peter Misselbrook, executive partner of Tods Murray said"); closed, or a list ("X, the bank's
  // economist, will leave…, Y said"; "X, Tom Hale and Ann Berg will attend…, the ministry said"), the
  // rest of the sentence may still be someone else's report.
  const app = NAME_THEN_COMMA.exec(sentence);
  if (app && app[2] !== ',' && SPEECH_WORD.test(app[1] ?? '')) return true;
  return !REPORTED_BY.test(app && app[2] === ',' ? sentence.slice(app[0].length - 1) : sentence);
}

/** Up to `n` characters of the article's text after the global offset `pos`, within its paragraph. */
function textAfterIn(paragraphs: readonly string[], bases: readonly number[], pos: number, n: number): string {
  const k = lastAtOrBefore(bases, pos);
  const at = pos - (bases[k] ?? 0);
  return (paragraphs[k] ?? '').slice(at, at + n);
}

/** Up to `n` characters of the article's text before the global offset `pos`, within its paragraph. */
/** A finite verb right after a name: "declined", "will", "has" (not a noun after a capitalised word, "Farm workers"). */
const FINITE_AFTER = /^\s+(?:\p{Ll}{2,}ed|said|says|told|will|would|could|can|may|might|must|should|is|was|has|had|does|did|plans|expects|wants)\b/u;

/** Whether the last time `text` names `name` a finite verb follows it (`text` is a bounded window). */
function actsBefore(text: string, name: string): boolean {
  const at = text.lastIndexOf(name);
  return at >= 0 && FINITE_AFTER.test(text.slice(at + name.length, at + name.length + 24));
}

function textBeforeIn(paragraphs: readonly string[], bases: readonly number[], pos: number, n: number): string {
  const k = lastAtOrBefore(bases, pos);
  const at = pos - (bases[k] ?? 0);
  return (paragraphs[k] ?? '').slice(Math.max(0, at - n), at);
}

/**
 * The text before a mention at `pos` (at most `n` characters), from its own sentence's start: the
 * end of the sentence before ("… spoke to reporters. Smith said") is no part of the mention's phrase.
 */
function sentenceTextBefore(paragraphs: readonly string[], bases: readonly number[], pos: number, n: number): string {
  const k = lastAtOrBefore(bases, pos);
  const at = pos - (bases[k] ?? 0);
  const para = paragraphs[k] ?? '';
  const before = para.slice(Math.max(0, at - n), at);
  return before.slice(sentenceOpening(before, para.charAt(at)));
}

/** Where the sentence of a word starts in `before` (the text right before it; 0 when no break is in it): a break right before the word needs its first letter (`first`) to be a capital. */
function sentenceOpening(before: string, first: string): number {
  let from = 0;
  for (const b of (before + first).matchAll(SENTENCE_BREAK)) from = Math.min(before.length, b.index + b[0].length);
  return from;
}

/**
 * A person candidate's signs of being a thing's name (thing-names.ts), as features; `noSign`: the
 * text gives no sign of a person either, which makes a he/she reading of it unlikely.
 */
function thingFeatures(x: FeatureVector, t: ThingSigns, noSign: boolean): void {
  if (t.afterThe > 0) setFeature(x, F.the_name, t.afterThe);
  if (t.head) setFeature(x, F.thing_head, 1);
  if (t.lowerElsewhere && noSign) setFeature(x, F.lower_elsewhere, 1);
  if (t.place) setFeature(x, F.used_as_place, 1);
  if (noSign && (x[F.via_pronoun_1] || x[F.via_pronoun_2] || x[F.via_pronoun_prev])) setFeature(x, F.pronoun_no_person, 1);
}

/**
 * The agent of a passive right after a quote: "he was called the “fifth child of the group” by the
 * film's director Marc Forster". Only a person's name (an owner's possessive before the role is
 * skipped): "by 2010" and "by the end of the year" are no one.
 */
function passiveAgent(tail: string): { phrase: Phrase; offset: number } | null {
  const by = BY_AND_OWNER.exec(tail);
  if (!by) return null;
  const phrase = subjectAfter(' ' + tail.slice(by[0].length));
  return phrase && readMention(phrase)?.kind === 'name' ? { phrase, offset: by[0].length } : null;
}

/** The person or organisation a document belongs to, as a name mention: "Mr Crosby's statement" → Mr Crosby; null for any other phrase. */
function namedOwner(text: string): Mention | null {
  const m = NAME_POSSESSIVE_NOUN.exec(text);
  if (!m || !DOCUMENT_NOUNS.has(m[2] ?? '')) return null;
  const named = readMention({ words: (m[1] ?? '').split(/\s+/u), appositive: null });
  return named?.kind === 'name' ? named : null;
}

const ACCORDING = /according/iu;
const ENDS_IN_COLON = /:\s*$/u;
/** "according to Frank Brown", "according to PwC's Frank Brown": up to three words of any case between "according to" and the name. */
const ACCORDING_TO_BEFORE = /according\s+to\s+(?:[\p{Ll}'’-]+\s+){0,3}$/iu;
/** A name's words (a role, a title) and the colon that opens a quote: "Kevin Keegan: “". */
const LABEL_TO_COLON = /^[^,;:!?"“”\n]{1,60}:\s*$/u;
/** A letter (a word) right before a speech verb: the verb has a subject of its own ("he added that"), not an inverted one ("…,” said X"). */
const WORD_BEFORE = /\p{L}\s*$/u;

/**
 * Whether the mention at `local` (paragraph offset) stands inside what a speech verb of its own
 * sentence reports: after a verb that has a subject before it, outside quotes ("he added that Andy
 * Johnson …", "the union said that Judge Y's refusal …"), or as a possessive ("Judge Y's refusal") —
 * unless a speech verb follows the name before the quote at `open` (the name speaks: "When asked if A
 * would start, Eriksson replied:"). The text before the name is read at most CONTEXT characters back,
 * as extraction reads, so that a sentence of a megabyte stays linear; what that reading finds is
 * memoised per paragraph in `memo` (by the mention's offset: it does not depend on the quote).
 */
function reportedAt(para: string, base: number, local: number, starts: readonly number[], open: number, quoted: (pos: number) => boolean, memo: Map<number, boolean>): boolean {
  // At most 80 characters, read for each quote: they end at the quote.
  if (allVerbs(para.slice(local, Math.min(open, local + 80, sentenceEndAfter(starts, local, para.length)))).length > 0) return false;
  if (POSSESSIVE_NAME.test(para.slice(local, local + 80))) return true;
  let known = memo.get(local);
  if (known === undefined) {
    known = false;
    const s = Math.max(sentenceStartOf(starts, local), local - CONTEXT);
    const lead = para.slice(s, local);
    for (const v of allVerbs(lead)) {
      if (v.word === 'according to' || quoted(base + s + v.start) || !WORD_BEFORE.test(lead.slice(Math.max(0, v.start - 40), v.start))) continue;
      known = true;
      break;
    }
    memo.set(local, known);
  }
  return known;
}

const THIRD_PERSON = /\b(?:(he|him|his|himself)|(she|her|hers|herself))\b/giu;

/** Whether a quote's words hold a third-person he/him/his, she/her: one pass, stopping once both are seen. */
function thirdPersonIn(text: string): { m: boolean; f: boolean } {
  const out = { m: false, f: false };
  THIRD_PERSON.lastIndex = 0;
  for (let r = THIRD_PERSON.exec(text); r && !(out.m && out.f); r = THIRD_PERSON.exec(text)) {
    if (r[1]) out.m = true;
    else out.f = true;
  }
  return out;
}

/** The persons the article names inside [from, to] (a quote's own words) into `out` (cleared first), by a binary search of the sorted mentions. */
function namedInside(mentions: readonly PersonMention[], from: number, to: number, out: Set<Person>): void {
  out.clear();
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid]?.pos ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < mentions.length; k++) {
    const m = mentions[k] as PersonMention;
    if (m.pos > to) return;
    out.add(m.person);
  }
}

/** Whether `text` names the lone word `name` at least twice as a whole word: a name the story goes by, not a sentence's opening capital. */
function namedAgain(text: string, name: string): boolean {
  let n = 0;
  for (let at = text.indexOf(name); at >= 0 && n < 2; at = text.indexOf(name, at + name.length)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[at + name.length] ?? ' ')) n++;
  }
  return n >= 2;
}
