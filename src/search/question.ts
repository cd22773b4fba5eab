import { termOf, tokenize } from '../text/tokenize.js';

/**
 * What kind of thing a question asks for: who → a person or organisation, when → a date or
 * time, how much / how many → an amount, where → a place, why → a cause. The type is evidence
 * for passages and sentences, and says which candidate in a sentence is the answer.
 */
export type AnswerType = 'time' | 'number' | 'person' | 'place' | 'cause' | 'other';

export const ANSWER_TYPES: readonly AnswerType[] = ['person', 'time', 'number', 'place', 'cause', 'other'];

const TIME_Q = /\b(when|what year|which year|what (?:is|was) the (?:year|date)|what date|what day|what month|what time|what century|what decade|what period|what era|how long ago|since when|in what year|in which year)\b/;
// An amount a news story reports: "What profit does EMI expect?", "What is OPEC's current production ceiling?".
const AMOUNT_NOUN = '(?:profits?|revenues?|sales|loss|losses|earnings|income|turnover|costs?|debts?|deficit|surplus|output|production|ceiling|quota|dividend|stake|growth|inflation|unemployment|wages?|fees?|fine|tax|tariffs?|yield|margin|premium|discount|majority|capacity|value|worth|pay)';
const NUMBER_Q = new RegExp(
  `\\bhow (many|much|long|far|old|big|large|often|tall|high|fast|deep|wide|heavy)\\b|\\bwhat (percentage|percent|proportion|portion|number|amount|size|share|price|rate|sum|fraction|ratio|population|salary|budget)\\b|\\bwhat [a-z]+ (?:[a-z]+ )?cost\\b|\\bwhat (?:is|was|are|were) the (?:(?:average|total|median|approximate|estimated|current) )?(?:population|number|amount|cost|price|size|value|salary|budget|percentage|ratio|rate|length|height|weight|distance|area|age|temperature|speed)\\b` +
    `|\\bwhat (?:(?:economic|annual|yearly|quarterly|monthly|weekly|total|net|average|pre-tax|operating|expected|estimated) )?${AMOUNT_NOUN}\\b(?! (?:company|companies|firm|firms|group|groups|house|houses|studio|studios|team|teams)\\b)|\\bwhat (?:is|was|are|were|will be) (?:the |its |their |[\\p{L}.&-]+(?:'s|’s|s') )(?:(?:new|current|annual|quarterly|total|expected|estimated|projected|net|pre-tax|operating|combined|average|[a-z]+ly) )?(?:[a-z]+ )?${AMOUNT_NOUN}\\b`,
  'u',
);
// Singular or plural ("Which other airlines…", "Which banks…"): organisations a news story names answer who-questions too.
const PERSON_HEAD = '(?:(?:person|man|woman|company|firm|team|group|organi[sz]ation|party|agency|bank|club|player|president|minister|leader|king|queen|emperor|band|singer|actor|actress|director|author|writer|scientist|university|school|newspaper|network|artist|painter|poet|composer|architect|general|commander|senator|governor|coach|committee|council|court|government|army|dynasty|tribe|explorer|inventor|philosopher|pope|bishop|family|airline|carrier|broker|insurer|lender|investor|bidder|buyer|seller|supplier|producer|maker|carmaker|automaker|manufacturer|retailer|union|ministry|regulator|broadcaster|publisher|studio|label|chairman|executive|official|spokesman|spokeswoman|analyst|judge|candidate|mep|mp|politician|lawmaker|banker|economist|lawyer|prosecutor|founder|owner|boss|comedian|presenter|chancellor|ambassador|envoy|commissioner|diplomat|trader|dealer)s?|people|companies|families|men|women)';
// "Which famous Dutch artist …": a word or two may stand between "which" and the head noun.
const PERSON_Q = new RegExp(`\\b(who|whom|whose)\\b|\\b(?:what|which) ${PERSON_HEAD}\\b|\\bwhich (?:[a-z'-]+ ){1,2}${PERSON_HEAD}\\b|\\bwhat (?:is|was|were|are) the (?:(?:last|first|full|family|maiden|real|birth|company's|group's) )?names? of\\b`);
const PLACE_Q = /\bwhere\b|\b(?:what|which) (?:city|cities|country|countries|state|place|region|continent|town|island|river|province|county|nation|area|location|capital|village|villages|port|district|suburb|stadium|venue|arena|airport)\b/;
// "What slowed growth?", "What sparked the sell-off?": a verb of causing after "what" asks for the cause.
const CAUSE_Q =
  /\bwhy\b|\bwhat (?:caused|causes|led to|leads to|prompted|prompts|triggered|triggers|sparked|sparks|fuell?ed|fuels|drove|drives|slowed|slows|hurt|hurts|boosted|boosts|spurred|spurs|depressed|weakened|is the reason|was the reason|were the reasons|are the reasons)\b|\bfor what reason\b|\bhow come\b|\bwhat (?:did|does|do) (?:[a-z'’.&-]+ ){1,5}blame\b/;

/** The question words: typing, the head word and the span features all read this one list. */
export const WH_WORDS: ReadonlySet<string> = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how']);
const WH_WORD = new RegExp(`\\b(?:${[...WH_WORDS].join('|')})\\b`);
/** In the order a tie goes: "how long ago" is a time before it is an amount. */
const TYPED: ReadonlyArray<[AnswerType, RegExp]> = [
  ['time', TIME_Q],
  ['number', NUMBER_Q],
  ['cause', CAUSE_Q],
  ['person', PERSON_Q],
  ['place', PLACE_Q],
];

/**
 * The type the question's own wh-phrase asks for: the first wh-word decides, so a clause after
 * it does not ("How old was she when …" asks for a number, "What does someone who completes …"
 * for neither a person nor a time). A phrase may open a little before its wh-word ("in what
 * year", "for what reason").
 */
export function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  const wh = WH_WORD.exec(q)?.index ?? q.length;
  let best: AnswerType = 'other';
  let at = Infinity;
  for (const [type, re] of TYPED) {
    const m = re.exec(q);
    if (m && m.index <= wh && m.index < at) {
      best = type;
      at = m.index;
    }
  }
  return best;
}

/** Words that may follow the wh-word before the phrase's noun or verb ("Who *did* Emma marry?", "What *is* the …"). */
export const QUESTION_AUXILIARIES: ReadonlySet<string> = new Set(['did', 'does', 'do', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'may', 'might', 'should']);
/** Nouns that name a kind of thing: the noun after their "of" is what is asked about ("what kind of *music*"). */
const KIND_NOUNS = new Set(['type', 'types', 'kind', 'kinds', 'sort', 'sorts', 'form', 'forms', 'style', 'genre', 'variety', 'category', 'brand', 'name', 'names', 'term', 'word']);
/** Skipped between the wh-word and its head: determiners, and the quantity words of "how many / how much". */
const SKIPPED = new Set(['the', 'a', 'an', 'another', 'other', 'one', 'some', 'many', 'much']);

/** Where a question's wh-phrase stands and what it asks about. */
export interface WhPhrase {
  /** The first wh-word ("what", "who", …), undefined when the question has none. */
  word: string | undefined;
  /** Its token index in `tokenize(question)` (-1 without one). */
  at: number;
  /** Whether an auxiliary follows within three words ("Who did Emma marry?"). */
  auxiliary: boolean;
  /**
   * Whether the wh-phrase opens the question as its clause's subject: "Who wrote…", "Who has
   * won…", "Which party was led by…", "What is the fastest…"; not "What did the company buy?",
   * "Who has the company hired?", "What was the party called?" or "In 1066 who…".
   */
  subject: boolean;
  /**
   * The question's head word: what the wh-phrase itself says the answer is. The first question
   * term after the wh-word, past determiners, "many/much" and "type of" / "name of" — the noun
   * asked about ("What *religion*…", "How many *people*…", "What type of *curricula*…") or the
   * verb of a subject who-question ("Who *killed*…"); after "is/was/are/were" the noun a
   * what/which/who-question equates the answer with ("What is the name of the *river*?", "Who was
   * the first *president*…", past an ordinal or superlative). After do-support, or another
   * auxiliary followed by a noun phrase, the words that follow are the clause's subject, not the
   * answer ("What did the *company* buy?", "When did the *bridge* open?"): no head; "Who has
   * *won*…" keeps its verb. No head after "is" in a when/where/why/how-question ("Where is the
   * *bridge*?") or when a name follows the copula at once ("Who was *Emma*'s father?"). The
   * span head and place kind read it for every question; the sentence focus only for
   * what/which/how/whose questions (answer.ts FOCUS_WH).
   */
  head: string | undefined;
}

/** Forms of "be": after them a what/which/who-question names what the answer is ("What is the capital…"). */
const COPULAS: ReadonlySet<string> = new Set(['is', 'was', 'are', 'were']);
/** Wh-words that stand for a thing or person, so the noun after their copula is the answer's kind. */
const NOMINAL_WH: ReadonlySet<string> = new Set(['what', 'which', 'who', 'whom']);

/**
 * The wh-phrase of a question, given its tokens and the question terms the engine kept (a head
 * that is not one of them, a stop word, is no head).
 */
export function whPhrase(question: string, termSet: ReadonlySet<string>): WhPhrase {
  const tokens = tokenize(question);
  const at = tokens.findIndex((t) => WH_WORDS.has(t.norm));
  const wh = tokens[at];
  if (!wh) return { word: undefined, at: -1, auxiliary: false, subject: false, head: undefined };
  const auxiliary = tokens.slice(at + 1, at + 4).some((t) => QUESTION_AUXILIARIES.has(t.norm));
  const subject = asksSubject(question, tokens, at, auxiliary);
  let i = at + 1;
  const verb = tokens[i]?.norm ?? '';
  const copula = COPULAS.has(verb) && NOMINAL_WH.has(wh.norm);
  if (QUESTION_AUXILIARIES.has(verb)) {
    // "What did the company buy?": a noun phrase after the auxiliary is the clause's subject, not
    // the answer; "Who has won…", "Who will lead…": a verb follows, the wh-phrase is the subject.
    if (!copula && (DO_FORMS.has(verb) || opensNounPhrase(question, tokens[i + 1]))) return { word: wh.norm, at, auxiliary, subject, head: undefined };
    i++;
  }
  const skip = (): void => {
    // Determiners, and an ordinal or superlative before its noun ("the first *president*", "the largest *city*").
    while (SKIPPED.has(tokens[i]?.norm ?? '') || (RANKING.has(tokens[i]?.norm ?? '') && tokens[i + 1])) i++;
  };
  skip();
  if (KIND_NOUNS.has(tokens[i]?.norm ?? '') && /^(?:of|for)$/.test(tokens[i + 1]?.norm ?? '')) {
    i += 2;
    skip();
  }
  const t = tokens[i];
  const term = t ? termOf(t) : null;
  // "How much *will* the adapter cost?", "How many *did* they sell?": an auxiliary after the quantity word opens the clause; no noun is asked about.
  if (!t || !term || !termSet.has(term) || QUESTION_AUXILIARIES.has(t.norm)) return { word: wh.norm, at, auxiliary, subject, head: undefined };
  // "Who was Emma's father?": a name right after the copula is the topic, not a kind of answer
  // ("Who is the President of France?" has a determiner first: a title, the answer's kind).
  const shouted = question === question.toUpperCase();
  if (copula && i === at + 2 && !shouted && /^\p{Lu}/u.test(question.slice(t.start, t.end))) return { word: wh.norm, at, auxiliary, subject, head: undefined };
  return { word: wh.norm, at, auxiliary, subject, head: term };
}

/** WhPhrase.subject: the first auxiliary right after the wh-word or its noun decides, with what follows it. */
function asksSubject(question: string, tokens: ReturnType<typeof tokenize>, at: number, auxiliary: boolean): boolean {
  const wh = tokens[at]?.norm ?? '';
  if (at !== 0 || wh === 'whom' || !NOMINAL_WH.has(wh)) return false;
  if (!auxiliary) return true;
  // "Who has…", or "Which party was…": the wh-word's own noun stands between.
  const j = QUESTION_AUXILIARIES.has(tokens[at + 1]?.norm ?? '') ? at + 1 : wh !== 'who' && QUESTION_AUXILIARIES.has(tokens[at + 2]?.norm ?? '') ? at + 2 : -1;
  const aux = tokens[j]?.norm ?? '';
  if (j < 0 || DO_FORMS.has(aux)) return false;
  const nounPhrase = opensNounPhrase(question, tokens[j + 1]);
  // "What is the fastest animal?" equates the answer with the noun phrase; "What was the party called?" asks for the object.
  if (COPULAS.has(aux)) return !(nounPhrase && /ed$/u.test(tokens[tokens.length - 1]?.norm ?? ''));
  return !nounPhrase;
}

/** Do-support: "What did/does/do X …" always has the clause's subject next. */
const DO_FORMS: ReadonlySet<string> = new Set(['did', 'does', 'do']);
/** Words that open a noun phrase (the clause's subject) after an auxiliary. */
const NOUN_PHRASE_OPENERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'some', 'many', 'most', 'each', 'every', 'no', 'any',
]);
/** Ordinals and superlatives that stand before the noun a question asks about. */
const RANKING: ReadonlySet<string> = new Set([
  'first', 'second', 'third', 'fourth', 'fifth', 'last', 'next', 'final', 'main', 'only', 'top', 'most', 'least',
  'largest', 'biggest', 'greatest', 'highest', 'lowest', 'oldest', 'youngest', 'newest', 'earliest', 'latest',
  'longest', 'shortest', 'smallest', 'best', 'worst', 'richest', 'deepest', 'tallest', 'fastest', 'closest',
]);

/** Whether the token after an auxiliary opens a noun phrase: a determiner, a pronoun, a number or a capitalised word. */
function opensNounPhrase(question: string, next: { norm: string; start: number; end: number } | undefined): boolean {
  if (!next) return false;
  if (NOUN_PHRASE_OPENERS.has(next.norm)) return true;
  return /^[\p{Lu}\d]/u.test(question.slice(next.start, next.end));
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const TIME = new RegExp(`\\b(?:1[0-9]{3}|20[0-9]{2})s?\\b|\\b${MONTH}\\s+\\d|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:century|${MONTH})|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)\\b`);
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|percent)\b/i;
const PLACE = /\b(?:in|at|from|near|to)\s+(?:the\s+)?[A-Z][a-z]+/;
const CAUSE = /\b(?:because|due to|owing to|as a result|result of|caused by|in order to|so that|since|after|following|thanks to|in response to)\b/i;

/** Names in the text that the question itself does not contain. */
function newNames(text: string, question: string): number {
  const q = question.toLowerCase();
  let n = 0;
  for (const m of text.matchAll(/(?<=\S\s+)[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+)*/gu)) {
    // The match may end with a full stop or apostrophe ("… by Anna Weiss."); the name does not.
    if (!q.includes(m[0].replace(/[.'’-]+$/, '').toLowerCase())) n++;
  }
  return n;
}

/**
 * Whether a text holds the kind of thing the question asks for (0 or 1). A cheap first-pass
 * cue over many passages; the answer candidates (candidates.ts) are the precise version.
 */
export function hasAnswerType(type: AnswerType, text: string, question: string): number {
  switch (type) {
    case 'time':
      return TIME.test(text) ? 1 : 0;
    case 'number':
      return NUMBER.test(text) ? 1 : 0;
    case 'person':
      return newNames(text, question) > 0 ? 1 : 0;
    case 'place':
      return PLACE.test(text) ? 1 : 0;
    case 'cause':
      return CAUSE.test(text) ? 1 : 0;
    case 'other':
      return 0;
  }
}
